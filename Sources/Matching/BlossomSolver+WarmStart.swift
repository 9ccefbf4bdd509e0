/// Starting the blossom algorithm from a previous solution instead of from nothing.
extension BlossomSolver {
    /// A feasible point to start from instead of the heaviest weights: vertex
    /// duals (quarter units, for this solver's weights) and pairs to keep.
    struct Start {
        var duals: [Int64]
        var mate: [Int?]
    }

    /// The start's duals, nonnegative and raised until every edge is
    /// covered: an uncovered edge with a free end raises that end (no pair
    /// loses its tightness), otherwise both ends share the difference; then
    /// rounded up to even numbers.
    static func warmDuals(_ start: Start, endpoint: [Int32], weight4: [Int64]) -> [Int64] {
        var dual = start.duals.map { max(0, $0) }
        for k in weight4.indices {
            let u = Int(endpoint[2 * k])
            let v = Int(endpoint[2 * k + 1])
            let missing = weight4[k] - dual[u] - dual[v]
            guard missing > 0 else { continue }
            if start.mate[u] == nil {
                dual[u] += missing
            } else if start.mate[v] == nil {
                dual[v] += missing
            } else {
                dual[u] += (missing + 1) / 2
                dual[v] += missing / 2
            }
        }
        // Even, as the heaviest-weight start is: every step then stays an integer.
        return dual.map { $0 + ($0 & 1) }
    }

    /// Keeps the start's pairs that are still tight under the duals: the
    /// others begin again from their free ends.
    mutating func keepTightPairs(of start: Start) {
        for u in 0..<n {
            guard let v = start.mate[u], v > u, v < n, start.mate[v] == u else { continue }
            for index in adjacencyStart[u]..<adjacencyStart[u + 1]
            where Int(neighbour[index]) == v && dualBase[u] + dualBase[v] == adjacentWeight4[index] {
                mate[u] = adjacency[index]
                mate[v] = adjacency[index] ^ 1
                break
            }
        }
    }
}

/// Going on from a finished solve when edges are added, blossoms and all.
extension BlossomSolver {
    /// What a finished solve leaves: the edges it solved (their ends and
    /// weights), its shift, duals and pairs, and its blossoms as they stand
    /// (nesting, cycles, bases and duals).
    struct Structure: Sendable {
        let endpoint: [Int32]
        let weight4: [Int64]
        let shift: Int64
        let dual: [Int64]
        let mate: [Int32]
        let blossomParent: [Int32]
        let blossomChildren: [[Int32]]
        let blossomEndpoints: [[Int32]]
        let blossomBase: [Int32]
        let zBase: [Int64]
    }

    /// This solver's state once `run` has finished (no labels left, so the
    /// stored duals are the duals).
    func structure(shift: Int64) -> Structure {
        Structure(
            endpoint: endpoint, weight4: weight4, shift: shift, dual: dualBase, mate: mate,
            blossomParent: blossomParent, blossomChildren: blossomChildren, blossomEndpoints: blossomEndpoints,
            blossomBase: blossomBase, zBase: zBase)
    }

    /// Where each edge `structure` solved is among this solver's edges (both
    /// lists are sorted), if this solver holds them all with the same
    /// weights, on the same vertices and shift: it can then go on from it.
    func place(of structure: Structure, shift: Int64) -> [Int32]? {
        let old = structure.weight4.count
        guard structure.shift == shift, structure.dual.count == n, old <= weight4.count,
            structure.zBase.allSatisfy({ $0 & 1 == 0 })
        else { return nil }
        var place = [Int32](repeating: -1, count: old)
        var k = 0
        for j in 0..<old {
            let u = structure.endpoint[2 * j]
            let v = structure.endpoint[2 * j + 1]
            while k < weight4.count && (endpoint[2 * k], endpoint[2 * k + 1]) < (u, v) { k += 1 }
            guard k < weight4.count, endpoint[2 * k] == u, endpoint[2 * k + 1] == v,
                weight4[k] == structure.weight4[j]
            else { return nil }
            place[j] = Int32(k)
            k += 1
        }
        return place
    }

    /// Starts from `structure`, whose edges are at `place` (see `place(of:)`):
    /// its duals, pairs and blossoms, then each added edge that its duals
    /// leave uncovered is repaired (`cover`). Every blossom and pair away
    /// from those edges stays, so the search goes on from them rather than
    /// building them again.
    mutating func resume(_ structure: Structure, place: [Int32]) {
        // An endpoint 2j + side of the old edges is 2·place[j] + side here (both ends sorted the same way).
        func moved(_ p: Int32) -> Int32 { p < 0 ? p : 2 * place[Int(p >> 1)] + (p & 1) }
        dualBase = structure.dual
        mate = structure.mate.map(moved)
        blossomParent = structure.blossomParent
        blossomChildren = structure.blossomChildren
        blossomEndpoints = structure.blossomEndpoints.map { $0.map(moved) }
        blossomBase = structure.blossomBase
        zBase = structure.zBase
        inBlossom = (0..<Int32(n)).map { $0 }
        for b in n..<(2 * n) where blossomBase[b] >= 0 && blossomParent[b] < 0 {
            countLeaves(of: b)
            forEachLeaf(of: b) { solver, v in solver.inBlossom[v] = Int32(b) }
        }
        unusedBlossoms = (Int32(n)..<Int32(2 * n)).reversed().filter { blossomBase[Int($0)] < 0 }
        var isOld = [Bool](repeating: false, count: weight4.count)
        for k in place { isOld[Int(k)] = true }
        for k in weight4.indices where !isOld[k] { cover(k) }
        // The search starts a tree at every free base at once: their duals
        // must all be even, as they are from nothing, for every step to stay
        // an integer (the other vertices follow along tight edges).
        for v in 0..<n where mate[v] < 0 && dualBase[v] & 1 == 1 { makeEven(Int(inBlossom[v])) }
        lowerFreeDuals()
    }

    /// Makes added edge k covered. The blossoms holding both ends are taken
    /// apart first (each one's dual moved onto its vertices); then the
    /// duals on one side are raised by what is missing: a side whose base
    /// is free if there is one, so that no pair is lost.
    mutating func cover(_ k: Int) {
        let u = Int(endpoint[2 * k])
        let v = Int(endpoint[2 * k + 1])
        while inBlossom[u] == inBlossom[v] && Int(inBlossom[u]) >= n {
            let b = Int(inBlossom[u])
            raiseLeaves(of: b, by: zBase[b] / 2)
            takeApart(b)
        }
        let missing = weight4[k] - dualBase[u] - dualBase[v]
        guard missing > 0 else { return }
        let end = mate[Int(blossomBase[Int(inBlossom[u])])] < 0 ? u : v
        raise(around: end, by: missing)
    }

    /// Raises vertex x's dual by `amount`, keeping every edge covered and
    /// every blossom's edges tight: each blossom around x, outermost first,
    /// gives up its own dual for it (its vertices rise, its dual falls
    /// twice as much); one whose dual is spent is taken apart, and the
    /// next inside goes on. A pair left loose by a rising base is undone.
    mutating func raise(around x: Int, by amount: Int64) {
        var left = amount
        while left > 0 {
            let b = Int(inBlossom[x])
            if b == x {
                dualBase[x] += left
                unpair(x)
                return
            }
            let step = min(left, zBase[b] / 2)
            raiseLeaves(of: b, by: step)
            left -= step
            if left > 0 { takeApart(b) }
        }
    }

    /// Moves `step` of top-level blossom b's dual onto its vertices (each
    /// rises by `step`, its dual falls by twice that): edges inside keep
    /// their slack, edges leaving it gain. Its base's pair, if any, is left
    /// loose, so it is undone.
    mutating func raiseLeaves(of b: Int, by step: Int64) {
        guard step > 0 else { return }
        forEachLeaf(of: b) { solver, v in solver.dualBase[v] += step }
        zBase[b] -= 2 * step
        unpair(Int(blossomBase[b]))
    }

    /// Undoes vertex v's pair, if it has one.
    mutating func unpair(_ v: Int) {
        guard mate[v] >= 0 else { return }
        mate[Int(endpoint[Int(mate[v])])] = -1
        mate[v] = -1
    }

    /// Takes apart top-level blossom b whose dual is zero: its children become top-level.
    /// Returns its children as numbered now (see `releaseChildren`).
    @discardableResult
    mutating func takeApart(_ b: Int) -> [Int32] {
        precondition(zBase[b] == 0, "only a blossom whose dual is zero is taken apart")
        return releaseChildren(of: b)
    }

    /// Makes the duals of top-level blossom b, whose base is free, even:
    /// one more for each vertex, two less for its dual, or, when its dual
    /// is zero, taken apart and the same done to the child holding its base.
    mutating func makeEven(_ b: Int) {
        if b < n {
            dualBase[b] += 1
        } else if zBase[b] >= 2 {
            forEachLeaf(of: b) { solver, v in solver.dualBase[v] += 1 }
            zBase[b] -= 2
        } else {
            makeEven(Int(takeApart(b)[0]))
        }
    }
}
