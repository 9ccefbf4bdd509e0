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
    /// paths from its ends up to `base`. Its inner members become outer.
    mutating func addBlossom(base: Int, edge k: Int) {
        var v = Int(endpoint[2 * k])
        var w = Int(endpoint[2 * k + 1])
        let bb = Int(inBlossom[base])
        let tree = treeOf[bb]
        var bv = Int(inBlossom[v])
        var bw = Int(inBlossom[w])
        let b = Int(unusedBlossoms.removeLast())
        blossomBase[b] = Int32(base)
        blossomParent[b] = -1
        blossomParent[bb] = Int32(b)
        var path: [Int32] = []
        var endpoints: [Int32] = []
        while bv != bb {
            blossomParent[bv] = Int32(b)
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
            blossomParent[bw] = Int32(b)
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
        blossomChildren[b] = path
        blossomEndpoints[b] = endpoints
        zBase[b] = 0
        labelTime[b] = now
        label[b] = .outer
        labelEnd[b] = labelEnd[bb]
        forEachLeaf(of: b) { solver, vertex in solver.inBlossom[vertex] = Int32(b) }
        treeOf[b] = tree
        treeMembers[Int(tree)].append(Int32(b))
        for vertex in formerlyInner { becomeOuter(vertex) }
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

    /// Makes the children of top-level blossom b top-level blossoms, unlabelled.
    mutating func releaseChildren(of b: Int) {
        for child32 in blossomChildren[b] {
            let child = Int(child32)
            blossomParent[child] = -1
            label[child] = .none
            labelEnd[child] = -1
            treeOf[child] = -1
            labelTime[child] = now
            forEachLeaf(of: child) { solver, vertex in solver.inBlossom[vertex] = child32 }
        }
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
        let children = blossomChildren[b]
        releaseChildren(of: b)
        recycle(b)
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
        let children = blossomChildren[b]
        let endpoints = blossomEndpoints[b]
        let count = children.count
        releaseChildren(of: b)
        recycle(b)

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
