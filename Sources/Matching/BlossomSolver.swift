/// The state of the primal–dual blossom algorithm behind `MaximumWeightMatching`.
///
/// Conventions (as in Galil's survey and Van Rantwijk's reference code):
/// vertices are `0..<n`, non-trivial blossoms `n..<2n`; edge `k` has the two
/// *endpoints* `2k` and `2k + 1`, `endpoint[p]` being the vertex and `p ^ 1`
/// the other end. `mate[v]` is the remote endpoint of v's matched edge.
///
/// Duals are kept in units of a quarter: `D[v] = 4·y(v)`, `Z[b] = 4·z(b)`,
/// and an edge's constraint is `D[u] + D[v] + Σ Z[b] ≥ 4·w`. With the initial
/// duals `D[v] = 2·max weight at v` every step of the algorithm is then an
/// integer, so the optimum and its certificate are exact.
///
/// Duals are updated lazily: a top-level blossom remembers when its label was
/// set, and the duals of its vertices move by the time elapsed since (down for
/// S, up for T), so one step of the dual costs nothing. The events that limit
/// a step sit in four heaps whose stale entries are skipped when they come up.
/// Alternating trees grow from every free vertex at once and survive the
/// augmentations of other trees.
struct BlossomSolver {
    enum Label: UInt8 { case none = 0, outer = 1, inner = 2 }

    let n: Int
    let endpoint: [Int32]
    let weight4: [Int64]
    let adjacencyStart: [Int]
    /// For vertex v, the remote endpoints of its edges.
    let adjacency: [Int32]
    /// Beside `adjacency`, each edge's far vertex and weight: a scan of a
    /// vertex's edges then reads three arrays in order instead of jumping
    /// to each edge's entry.
    let neighbour: [Int32]
    let adjacentWeight4: [Int64]

    var mate: [Int32]
    var inBlossom: [Int32]
    var blossomParent: [Int32]
    var blossomChildren: [[Int32]]
    var blossomEndpoints: [[Int32]]
    var blossomBase: [Int32]
    /// How many vertices each blossom holds (1 for a vertex).
    var leafCount: [Int32]
    var label: [Label]
    var labelEnd: [Int32]
    var treeOf: [Int32]
    var labelTime: [Int64]
    var dualBase: [Int64]
    var zBase: [Int64]
    var now: Int64 = 0
    var unusedBlossoms: [Int32]
    var treeMembers: [[Int32]]

    /// Outer vertices by the time their dual reaches zero.
    var vertexZero: IndexedMinHeap
    /// For an unlabelled vertex, the edge from an outer vertex that becomes
    /// tight first, by that time. A key may be stale (the outer end has left
    /// its tree): it is then a lower bound, recomputed when it comes up; an
    /// entry of a vertex labelled since is dropped when it comes up.
    var freeEdge: [Int32]
    var freeHeap: IndexedMinHeap
    /// For an outer vertex, the edge to another outer blossom that becomes
    /// tight first, by that time; stale keys as above.
    var outerEdge: [Int32]
    var outerHeap: IndexedMinHeap
    /// Inner blossoms by the time their dual reaches zero (stale entries skipped).
    var innerBlossomZero = MinHeap()

    var scanMark: [Int32]
    var scanStamp: Int32 = 0
    var steps = 0
    /// How many times a blossom took over its largest child's number (made)
    /// or handed its own to it (taken apart).
    var renumbered = (made: 0, takenApart: 0)

    /// - Parameter begins: false when the duals and pairs are to be set by
    ///   `resume` or `begin(from:)` (a previous solve's duals) instead of the
    ///   start from nothing made here.
    init(vertexCount n: Int, edges: [WeightedEdge], shift: Int64, begins: Bool = true) {
        self.n = n
        let m = edges.count
        var endpoint = [Int32](repeating: 0, count: 2 * m)
        var weight4 = [Int64](repeating: 0, count: m)
        var degree = [Int](repeating: 0, count: n + 1)
        for (k, edge) in edges.enumerated() {
            endpoint[2 * k] = Int32(edge.u)
            endpoint[2 * k + 1] = Int32(edge.v)
            weight4[k] = 4 * (edge.weight + shift)
            degree[edge.u + 1] += 1
            degree[edge.v + 1] += 1
        }
        for v in 0..<n { degree[v + 1] += degree[v] }
        var fill = degree
        var adjacency = [Int32](repeating: 0, count: 2 * m)
        var neighbour = [Int32](repeating: 0, count: 2 * m)
        var adjacentWeight4 = [Int64](repeating: 0, count: 2 * m)
        for k in 0..<m {
            let u = Int(endpoint[2 * k])
            let v = Int(endpoint[2 * k + 1])
            adjacency[fill[u]] = Int32(2 * k + 1)
            neighbour[fill[u]] = Int32(v)
            adjacentWeight4[fill[u]] = weight4[k]
            fill[u] += 1
            adjacency[fill[v]] = Int32(2 * k)
            neighbour[fill[v]] = Int32(u)
            adjacentWeight4[fill[v]] = weight4[k]
            fill[v] += 1
        }
        self.endpoint = endpoint
        self.weight4 = weight4
        self.adjacencyStart = degree
        self.adjacency = adjacency
        self.neighbour = neighbour
        self.adjacentWeight4 = adjacentWeight4

        mate = [Int32](repeating: -1, count: n)
        inBlossom = (0..<Int32(n)).map { $0 }
        blossomParent = [Int32](repeating: -1, count: 2 * n)
        blossomChildren = [[Int32]](repeating: [], count: 2 * n)
        blossomEndpoints = [[Int32]](repeating: [], count: 2 * n)
        blossomBase = (0..<Int32(2 * n)).map { $0 < n ? $0 : -1 }
        leafCount = (0..<(2 * n)).map { $0 < n ? 1 : 0 }
        label = [Label](repeating: .none, count: 2 * n)
        labelEnd = [Int32](repeating: -1, count: 2 * n)
        treeOf = [Int32](repeating: -1, count: 2 * n)
        labelTime = [Int64](repeating: 0, count: 2 * n)
        zBase = [Int64](repeating: 0, count: 2 * n)
        unusedBlossoms = (Int32(n)..<Int32(2 * n)).reversed()
        treeMembers = [[Int32]](repeating: [], count: n)
        scanMark = [Int32](repeating: 0, count: 2 * n)
        vertexZero = IndexedMinHeap(capacity: n)
        freeEdge = [Int32](repeating: -1, count: n)
        freeHeap = IndexedMinHeap(capacity: n)
        outerEdge = [Int32](repeating: -1, count: n)
        outerHeap = IndexedMinHeap(capacity: n)

        dualBase = [Int64](repeating: 0, count: n)
        if begins { begin(from: nil) }
    }

    // MARK: Duals

    @inline(__always)
    func vertexDual(_ v: Int) -> Int64 {
        let b = Int(inBlossom[v])
        switch label[b] {
        case .none: return dualBase[v]
        case .outer: return dualBase[v] - (now - labelTime[b])
        case .inner: return dualBase[v] + (now - labelTime[b])
        }
    }

    @inline(__always)
    func blossomDual(_ b: Int) -> Int64 {
        guard blossomParent[b] < 0 else { return zBase[b] }
        switch label[b] {
        case .none: return zBase[b]
        case .outer: return zBase[b] + 2 * (now - labelTime[b])
        case .inner: return zBase[b] - 2 * (now - labelTime[b])
        }
    }

    @inline(__always)
    func slack(_ k: Int) -> Int64 {
        vertexDual(Int(endpoint[2 * k])) + vertexDual(Int(endpoint[2 * k + 1])) - weight4[k]
    }

    /// Writes the current duals of top-level blossom `b` and its vertices into
    /// the stored values, so that its label can change.
    mutating func settleDuals(_ b: Int) {
        let elapsed = now - labelTime[b]
        labelTime[b] = now
        guard elapsed != 0, label[b] != .none else { return }
        let change = label[b] == .outer ? -elapsed : elapsed
        if b < n {
            dualBase[b] += change
            return
        }
        zBase[b] -= 2 * change
        forEachLeaf(of: b) { solver, v in solver.dualBase[v] += change }
    }

    // MARK: Labels

    /// Labels top-level blossom `b` outer (S), reached through remote endpoint `p` (-1 for a root).
    mutating func labelOuter(_ b: Int, through p: Int32, tree: Int32) {
        settleDuals(b)
        label[b] = .outer
        labelEnd[b] = p
        treeOf[b] = tree
        treeMembers[Int(tree)].append(Int32(b))
        forEachLeaf(of: b) { solver, v in solver.becomeOuter(v) }
    }

    /// Vertex v has just become outer: it can now reach zero, and its edges
    /// limit the dual: to unlabelled vertices (offered to them) and to other
    /// outer blossoms (kept as v's best, and offered to the other end).
    mutating func becomeOuter(_ v: Int) {
        let dual = dualBase[v]
        freeHeap.remove(v)
        vertexZero.set(v, now + dual)
        let own = inBlossom[v]
        var bestKey = Int64.max
        var bestEdge: Int32 = -1
        for index in adjacencyStart[v]..<adjacencyStart[v + 1] {
            let w = Int(neighbour[index])
            let bw = inBlossom[w]
            guard bw != own else { continue }
            let k = adjacency[index] >> 1
            switch label[Int(bw)] {
            case .outer:
                let key = now + (dual + vertexDual(w) - adjacentWeight4[index]) / 2
                if key < bestKey || (key == bestKey && k < bestEdge) {
                    bestKey = key
                    bestEdge = k
                }
                if !outerHeap.contains(w) || key < outerHeap.keys[w] || (key == outerHeap.keys[w] && k < outerEdge[w]) {
                    outerEdge[w] = k
                    outerHeap.set(w, key)
                }
            case .none:
                let key = now + dual + dualBase[w] - adjacentWeight4[index]
                if !freeHeap.contains(w) || key < freeHeap.keys[w] || (key == freeHeap.keys[w] && k < freeEdge[w]) {
                    freeEdge[w] = k
                    freeHeap.set(w, key)
                }
            case .inner:
                continue
            }
        }
        if bestEdge >= 0 {
            outerEdge[v] = bestEdge
            outerHeap.set(v, bestKey)
        } else {
            outerHeap.remove(v)
        }
    }

    /// Vertex v's edge to an outer vertex of another blossom that becomes
    /// tight first, and when: an edge between outer vertices closes at twice
    /// the speed, so its time is half its slack (`betweenOuters`).
    func firstTightOuterEdge(from v: Int, betweenOuters: Bool) -> (key: Int64, edge: Int32)? {
        let dual = vertexDual(v)
        let own = inBlossom[v]
        var best: (key: Int64, edge: Int32)?
        for index in adjacencyStart[v]..<adjacencyStart[v + 1] {
            let w = Int(neighbour[index])
            let bw = inBlossom[w]
            guard bw != own, label[Int(bw)] == .outer else { continue }
            let slack = dual + vertexDual(w) - adjacentWeight4[index]
            let key = now + (betweenOuters ? slack / 2 : slack)
            let k = adjacency[index] >> 1
            if best == nil || key < best!.key || (key == best!.key && k < best!.edge) { best = (key, k) }
        }
        return best
    }

    /// Finds again outer vertex v's best edge to another outer blossom.
    mutating func refreshOuterEdge(_ v: Int) {
        if let best = firstTightOuterEdge(from: v, betweenOuters: true) {
            outerEdge[v] = best.edge
            outerHeap.set(v, best.key)
        } else {
            outerHeap.remove(v)
        }
    }

    /// Vertex v is unlabelled (it left a tree, or was never in one): finds
    /// its best edge from an outer vertex.
    mutating func becomeFree(_ v: Int) {
        if let best = firstTightOuterEdge(from: v, betweenOuters: false) {
            freeEdge[v] = best.edge
            freeHeap.set(v, best.key)
        } else {
            freeHeap.remove(v)
        }
    }

    /// Labels top-level blossom `b` inner (T) through remote endpoint `p`, and
    /// its base's partner outer, unless `labelsPartner` is false. Its
    /// vertices' entries in `freeHeap` stay, to be dropped when they come up.
    mutating func labelInner(_ b: Int, through p: Int32, tree: Int32, labelsPartner: Bool = true) {
        settleDuals(b)
        label[b] = .inner
        labelEnd[b] = p
        treeOf[b] = tree
        treeMembers[Int(tree)].append(Int32(b))
        if b >= n { innerBlossomZero.push(now + zBase[b] / 2, Int32(b)) }
        guard labelsPartner else { return }
        let base = Int(blossomBase[b])
        let partner = mate[base]
        precondition(partner >= 0, "an inner blossom has a matched base")
        labelOuter(Int(inBlossom[Int(endpoint[Int(partner)])]), through: partner ^ 1, tree: tree)
    }

    // MARK: The main loop

    enum Event {
        case grow(edge: Int)
        case join(edge: Int)
        case expand(blossom: Int)
        case vertexReachesZero(vertex: Int)
    }

    /// Runs until no alternating tree is left. Returns false when `shouldStop` asked to stop.
    mutating func run(shouldStop: () -> Bool) -> Bool {
        // A free vertex may be the base of a blossom (when going on from a finished solve).
        for v in 0..<n where mate[v] < 0 && dualBase[v] > 0 {
            labelOuter(Int(inBlossom[v]), through: -1, tree: Int32(v))
        }
        while let (time, event) = nextEvent() {
            if steps & 255 == 0 && shouldStop() { return false }
            steps += 1
            now = time
            switch event {
            case .grow(let k): grow(along: k)
            case .join(let k): join(along: k)
            case .expand(let b): expandInner(b)
            case .vertexReachesZero(let v): freeVertex(v)
            }
        }
        return true
    }

    /// The earliest valid event; on equal times growth comes first, then
    /// joins, expansions, and vertices reaching zero.
    mutating func nextEvent() -> (Int64, Event)? {
        var best: (Int64, Event)?
        func consider(_ time: Int64, _ event: Event) {
            if best == nil || time < best!.0 { best = (time, event) }
        }
        while let w = freeHeap.top {
            let k = Int(freeEdge[w])
            let key = freeHeap.keys[w]
            let bw = Int(inBlossom[w])
            let x = Int(endpoint[2 * k]) == w ? Int(endpoint[2 * k + 1]) : Int(endpoint[2 * k])
            let bx = Int(inBlossom[x])
            if label[bw] == .none && label[bx] == .outer && bx != bw && now + slack(k) == key {
                consider(key, .grow(edge: k))
                break
            }
            if label[bw] != .none { freeHeap.remove(w) } else { becomeFree(w) }
        }
        while let v = outerHeap.top {
            let k = Int(outerEdge[v])
            let key = outerHeap.keys[v]
            if isValidJoin(k, at: key) {
                consider(key, .join(edge: k))
                break
            }
            if label[Int(inBlossom[v])] != .outer { outerHeap.remove(v) } else { refreshOuterEdge(v) }
        }
        while let top = innerBlossomZero.top {
            let b = Int(top.id)
            if b >= n, blossomParent[b] < 0, label[b] == .inner, blossomBase[b] >= 0,
                now + blossomDual(b) / 2 == top.key
            {
                consider(top.key, .expand(blossom: b))
                break
            }
            innerBlossomZero.pop()
        }
        while let v = vertexZero.top {
            if label[Int(inBlossom[v])] == .outer && now + vertexDual(v) == vertexZero.keys[v] {
                consider(vertexZero.keys[v], .vertexReachesZero(vertex: v))
                break
            }
            vertexZero.remove(v)
        }
        return best
    }

    func isValidJoin(_ k: Int, at key: Int64) -> Bool {
        let bu = Int(inBlossom[Int(endpoint[2 * k])])
        let bv = Int(inBlossom[Int(endpoint[2 * k + 1])])
        return bu != bv && label[bu] == .outer && label[bv] == .outer && now + slack(k) / 2 == key
    }

    // MARK: Events

    /// An edge from an outer vertex to an unlabelled blossom is tight: the
    /// blossom joins the tree, or, when its base is free, the tree augments into it.
    mutating func grow(along k: Int) {
        var p = 2 * k
        if label[Int(inBlossom[Int(endpoint[p])])] != .outer { p ^= 1 }
        let outerVertex = Int(endpoint[p])
        let freeVertex = Int(endpoint[p ^ 1])
        let target = Int(inBlossom[freeVertex])
        let tree = treeOf[Int(inBlossom[outerVertex])]
        if mate[Int(blossomBase[target])] >= 0 {
            labelInner(target, through: Int32(p), tree: tree)
            return
        }
        // The blossom's base is free with a zero dual: augment into it.
        if target >= n { augmentBlossom(target, freeVertex) }
        mate[freeVertex] = Int32(p)
        alternatePath(from: outerVertex, newMate: Int32(p ^ 1))
        dissolveTrees([tree])
    }

    /// An edge between two outer blossoms is tight: a new blossom in one tree,
    /// or an augmenting path between two trees.
    mutating func join(along k: Int) {
        let v = Int(endpoint[2 * k])
        let w = Int(endpoint[2 * k + 1])
        let treeV = treeOf[Int(inBlossom[v])]
        let treeW = treeOf[Int(inBlossom[w])]
        if treeV == treeW {
            addBlossom(base: findCommonBase(v, w), edge: k)
        } else {
            alternatePath(from: v, newMate: Int32(2 * k + 1))
            alternatePath(from: w, newMate: Int32(2 * k))
            dissolveTrees([treeV, treeW])
        }
    }

    /// An outer vertex's dual reached zero: it may stay single. The path from
    /// it to its root alternates, so the root is matched and v left free.
    mutating func freeVertex(_ v: Int) {
        let tree = treeOf[Int(inBlossom[v])]
        alternatePath(from: v, newMate: -1)
        dissolveTrees([tree])
    }

    /// Flips matched and unmatched edges from outer vertex `s` up to its
    /// tree's root; `s` is then matched through `newMate` (or free for -1).
    mutating func alternatePath(from start: Int, newMate: Int32) {
        var s = start
        var p = newMate
        while true {
            let bs = Int(inBlossom[s])
            if bs >= n { augmentBlossom(bs, s) }
            mate[s] = p
            guard labelEnd[bs] >= 0 else { break }
            let t = Int(endpoint[Int(labelEnd[bs])])
            let bt = Int(inBlossom[t])
            s = Int(endpoint[Int(labelEnd[bt])])
            let j = Int(endpoint[Int(labelEnd[bt] ^ 1)])
            if bt >= n { augmentBlossom(bt, j) }
            mate[j] = labelEnd[bt]
            p = labelEnd[bt] ^ 1
        }
    }

    /// Takes apart the trees after an augmentation: their blossoms lose their
    /// labels (outer blossoms whose dual is zero are expanded), and the edges
    /// from other trees' outer vertices into them limit the dual again.
    mutating func dissolveTrees(_ trees: [Int32]) {
        var released: [Int] = []
        for tree in trees {
            let members = treeMembers[Int(tree)]
            treeMembers[Int(tree)] = []
            for b32 in members {
                let b = Int(b32)
                guard treeOf[b] == tree, label[b] != .none, blossomParent[b] < 0, b < n || blossomBase[b] >= 0 else {
                    continue
                }
                let wasOuter = label[b] == .outer
                settleDuals(b)
                label[b] = .none
                labelEnd[b] = -1
                treeOf[b] = -1
                released.append(b)
                if wasOuter {
                    forEachLeaf(of: b) { solver, v in
                        solver.vertexZero.remove(v)
                        solver.outerHeap.remove(v)
                    }
                }
            }
        }
        var vertices: [Int] = []
        for b in released {
            if b >= n && zBase[b] == 0 {
                expandZeroDual(b, into: &vertices)
            } else {
                forEachLeaf(of: b) { _, v in vertices.append(v) }
            }
        }
        for v in vertices { becomeFree(v) }
    }
}
