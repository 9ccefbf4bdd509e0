extension BlossomSolver {
    /// The base of the smallest blossom closing the cycle through outer
    /// vertices v and w of the same tree: walks up from both, alternately.
    mutating func findCommonBase(_ start: Int, _ other: Int) -> Int {
        scanStamp &+= 1
        if scanStamp == 0 {
            for index in scanMark.indices { scanMark[index] = 0 }
            scanStamp = 1
        }
        var v = start
        var w = other
        while true {
            if v >= 0 {
                let b = Int(inBlossom[v])
                if scanMark[b] == scanStamp { return Int(blossomBase[b]) }
                scanMark[b] = scanStamp
                if labelEnd[b] < 0 {
                    v = -1
                } else {
                    let t = Int(inBlossom[Int(endpoint[Int(labelEnd[b])])])
                    v = Int(endpoint[Int(labelEnd[t])])
                }
            }
            if w >= 0 { swap(&v, &w) }
            precondition(v >= 0, "the two outer vertices are in the same tree")
        }
    }

    /// Makes a new outer blossom of the cycle formed by edge k and the tree
    /// paths from its ends up to `base`. Its inner members become outer. The
    /// new blossom takes over the number of its child with the most vertices
    /// (that child is renumbered), so only the other children's vertices are
    /// told which blossom they are in: a blossom that grows one ring at a
    /// time costs each step its ring, not its whole.
    mutating func addBlossom(base: Int, edge k: Int) {
        var v = Int(endpoint[2 * k])
        var w = Int(endpoint[2 * k + 1])
        let bb = Int(inBlossom[base])
        let tree = treeOf[bb]
        let entry = labelEnd[bb]
        var bv = Int(inBlossom[v])
        var bw = Int(inBlossom[w])
        var path: [Int32] = []
        var endpoints: [Int32] = []
        while bv != bb {
            path.append(Int32(bv))
            endpoints.append(labelEnd[bv])
            v = Int(endpoint[Int(labelEnd[bv])])
            bv = Int(inBlossom[v])
        }
        path.append(Int32(bb))
        path.reverse()
        endpoints.reverse()
        endpoints.append(Int32(2 * k))
        while bw != bb {
            path.append(Int32(bw))
            endpoints.append(labelEnd[bw] ^ 1)
            w = Int(endpoint[Int(labelEnd[bw])])
            bw = Int(inBlossom[w])
        }
        // The children stop moving with the tree: settle their duals first.
        var formerlyInner: [Int] = []
        for child32 in path {
            let child = Int(child32)
            let wasInner = label[child] == .inner
            settleDuals(child)
            if wasInner { forEachLeaf(of: child) { _, vertex in formerlyInner.append(vertex) } }
            label[child] = .none
            treeOf[child] = -1
        }
        let largest = largestBlossom(among: path)
        let b: Int
        if let largest {
            b = Int(path[largest])
            renumbered.made += 1
            let moved = Int(unusedBlossoms.removeLast())
            renumber(b, as: moved)
            path[largest] = Int32(moved)
        } else {
            b = Int(unusedBlossoms.removeLast())
        }
        var count: Int32 = 0
        for child in path {
            blossomParent[Int(child)] = Int32(b)
            count += leafCount[Int(child)]
        }
        blossomBase[b] = Int32(base)
        blossomParent[b] = -1
        blossomChildren[b] = path
        blossomEndpoints[b] = endpoints
        leafCount[b] = count
        zBase[b] = 0
        labelTime[b] = now
        label[b] = .outer
        labelEnd[b] = entry
        for (i, child) in path.enumerated() where i != largest {
            forEachLeaf(of: Int(child)) { solver, vertex in solver.inBlossom[vertex] = Int32(b) }
        }
        treeOf[b] = tree
        treeMembers[Int(tree)].append(Int32(b))
        for vertex in formerlyInner { becomeOuter(vertex) }
    }

    /// The position of the non-trivial blossom with the most vertices among
    /// `blossoms` (the first of equals), if any.
    func largestBlossom(among blossoms: [Int32]) -> Int? {
        var largest: Int?
        for (i, child) in blossoms.enumerated() where child >= n {
            if largest == nil || leafCount[Int(child)] > leafCount[Int(blossoms[largest!])] { largest = i }
        }
        return largest
    }

    /// Moves blossom `from` to the unused number `to`: its nesting, cycle,
    /// base, label and dual; its children name their parent anew.
    mutating func renumber(_ from: Int, as to: Int) {
        blossomParent[to] = blossomParent[from]
        blossomChildren[to] = blossomChildren[from]
        blossomEndpoints[to] = blossomEndpoints[from]
        blossomBase[to] = blossomBase[from]
        leafCount[to] = leafCount[from]
        label[to] = label[from]
        labelEnd[to] = labelEnd[from]
        treeOf[to] = treeOf[from]
        labelTime[to] = labelTime[from]
        zBase[to] = zBase[from]
        for child in blossomChildren[to] { blossomParent[Int(child)] = Int32(to) }
    }

    /// Counts the vertices of every blossom nested in `b` (itself included).
    mutating func countLeaves(of b: Int) {
        var stack: [(blossom: Int32, childrenDone: Bool)] = [(Int32(b), false)]
        while let (x32, childrenDone) = stack.popLast() {
            let x = Int(x32)
            guard x >= n else { continue }
            if childrenDone {
                leafCount[x] = blossomChildren[x].reduce(0) { $0 + leafCount[Int($1)] }
            } else {
                stack.append((x32, true))
                for child in blossomChildren[x] where child >= n { stack.append((child, false)) }
            }
        }
    }

    /// The way round a blossom's cycle from child `i` to the base (child 0)
    /// along an even number of edges: forwards from an odd position (the index
    /// then counts down from i − count), backwards from an even one. `trick`
    /// picks the end of each stored edge that faces the direction of travel.
    static func evenWay(from i: Int, count: Int) -> (start: Int, step: Int, trick: Int) {
        i & 1 == 1 ? (i - count, 1, 0) : (i, -1, 1)
    }

    /// Rotates blossom b (recursively) so that vertex v becomes its base,
    /// swapping matched and unmatched edges along the even path inside.
    mutating func augmentBlossom(_ b: Int, _ v: Int) {
        var t = v
        while Int(blossomParent[t]) != b { t = Int(blossomParent[t]) }
        if t >= n { augmentBlossom(t, v) }
        let children = blossomChildren[b]
        let count = children.count
        let i = children.firstIndex(of: Int32(t))!
        var (j, step, trick) = Self.evenWay(from: i, count: count)
        while j != 0 {
            j += step
            var child = Int(children[(j + count) % count])
            let p = Int(blossomEndpoints[b][(j - trick + count) % count]) ^ trick
            if child >= n { augmentBlossom(child, Int(endpoint[p])) }
            j += step
            child = Int(children[(j + count) % count])
            if child >= n { augmentBlossom(child, Int(endpoint[p ^ 1])) }
            mate[Int(endpoint[p])] = Int32(p ^ 1)
            mate[Int(endpoint[p ^ 1])] = Int32(p)
        }
        blossomChildren[b] = Array(children[i...] + children[..<i])
        let endpoints = blossomEndpoints[b]
        blossomEndpoints[b] = Array(endpoints[i...] + endpoints[..<i])
        blossomBase[b] = blossomBase[Int(blossomChildren[b][0])]
    }

    /// Makes the children of top-level blossom b top-level blossoms,
    /// unlabelled, and frees b's number: the child with the most vertices
    /// takes it over (see `addBlossom`), so only the other children's
    /// vertices are told where they are. Returns the children as numbered now.
    @discardableResult
    mutating func releaseChildren(of b: Int) -> [Int32] {
        var children = blossomChildren[b]
        for child32 in children {
            let child = Int(child32)
            blossomParent[child] = -1
            label[child] = .none
            labelEnd[child] = -1
            treeOf[child] = -1
            labelTime[child] = now
        }
        let largest = largestBlossom(among: children)
        if let largest {
            let kept = Int(children[largest])
            renumbered.takenApart += 1
            renumber(kept, as: b)
            recycle(kept)
            children[largest] = Int32(b)
        } else {
            recycle(b)
        }
        for (i, child32) in children.enumerated() where i != largest {
            forEachLeaf(of: Int(child32)) { solver, vertex in solver.inBlossom[vertex] = child32 }
        }
        return children
    }

    mutating func recycle(_ b: Int) {
        label[b] = .none
        labelEnd[b] = -1
        treeOf[b] = -1
        blossomChildren[b] = []
        blossomEndpoints[b] = []
        blossomBase[b] = -1
        zBase[b] = 0
        unusedBlossoms.append(Int32(b))
    }

    /// Expands unlabelled blossom b whose dual is zero, and any child whose
    /// dual is zero too; collects the vertices.
    mutating func expandZeroDual(_ b: Int, into vertices: inout [Int]) {
        let children = releaseChildren(of: b)
        for child32 in children {
            let child = Int(child32)
            if child >= n && zBase[child] == 0 {
                expandZeroDual(child, into: &vertices)
            } else {
                forEachLeaf(of: child) { _, vertex in vertices.append(vertex) }
            }
        }
    }

    /// An inner blossom's dual reached zero: expand it. The children on the
    /// even path from where the tree enters it down to its base stay in the
    /// tree (inner, outer, …, inner); the others leave it.
    mutating func expandInner(_ b: Int) {
        settleDuals(b)
        let tree = treeOf[b]
        let entryEnd = labelEnd[b]
        let endpoints = blossomEndpoints[b]
        let children = releaseChildren(of: b)
        let count = children.count

        let entryChild = inBlossom[Int(endpoint[Int(entryEnd ^ 1)])]
        var (j, step, trick) = Self.evenWay(from: children.firstIndex(of: entryChild)!, count: count)
        var onPath = Set<Int32>()
        var p = entryEnd
        while j != 0 {
            // An inner child, then the outer child matched to its base.
            let inner = Int(inBlossom[Int(endpoint[Int(p ^ 1)])])
            labelInner(inner, through: p, tree: tree)
            onPath.insert(Int32(inner))
            onPath.insert(inBlossom[Int(endpoint[Int(mate[Int(blossomBase[inner])])])])
            j += step
            p = endpoints[(j - trick + count) % count] ^ Int32(trick)
            j += step
        }
        // The child holding the base: inner, its partner is outside and already outer.
        let baseChild = Int(children[(j + count) % count])
        onPath.insert(Int32(baseChild))
        labelInner(baseChild, through: p, tree: tree, labelsPartner: false)
        for child in children where !onPath.contains(child) {
            forEachLeaf(of: Int(child)) { solver, vertex in solver.becomeFree(vertex) }
        }
    }

    /// Calls `body` with every vertex inside blossom `b`.
    mutating func forEachLeaf(of b: Int, _ body: (inout BlossomSolver, Int) -> Void) {
        if b < n {
            body(&self, b)
            return
        }
        var stack = [Int32(b)]
        while let top = stack.popLast() {
            if top < n {
                body(&self, Int(top))
            } else {
                stack.append(contentsOf: blossomChildren[Int(top)].reversed())
            }
        }
    }

    func leaves(of b: Int) -> [Int] {
        if b < n { return [b] }
        var result: [Int] = []
        var stack = [Int32(b)]
        while let top = stack.popLast() {
            if top < n {
                result.append(Int(top))
            } else {
                stack.append(contentsOf: blossomChildren[Int(top)].reversed())
            }
        }
        return result
    }
}
