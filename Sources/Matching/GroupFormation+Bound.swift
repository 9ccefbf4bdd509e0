extension GroupFormation {
    /// An upper bound on the weight of any grouping with these group sizes.
    ///
    /// Inside groups a member of class a has at most cap(b) partners of class b
    /// (cap(a) − 1 of its own), where cap(c) is the composition's count plus
    /// the extra members of class c a group can hold — no more than the
    /// extras in the largest group, and no more than class c has beyond the
    /// composition's need. The groups hold exactly T = Σ s(s − 1)/2 pairs. For any
    /// λ ≥ 0, every grouping weighs at most B(λ) + λT, where B(λ) is the best
    /// subgraph with those degrees under the weights w − λ (a Lagrangian
    /// relaxation of the pair count). B is computed exactly, class pair by
    /// class pair (a bipartite b-matching; within a class, half the bipartite
    /// double cover), and λ is searched for the smallest bound.
    static func upperBound(_ problem: Problem, sizes: [Int]) throws -> Int64 {
        let composition = problem.composition ?? [problem.groupSize]
        let classes = problem.composition == nil ? [Int](repeating: 0, count: problem.weights.vertexCount) : problem.classes!
        var counts = [Int](repeating: 0, count: composition.count)
        for c in classes { counts[c] += 1 }
        let extrasPerGroup = max(0, (sizes.max() ?? 0) - problem.groupSize)
        let caps = composition.indices.map { c in
            composition[c] + min(extrasPerGroup, max(0, counts[c] - sizes.count * composition[c]))
        }
        let pairCount = Int64(sizes.reduce(0) { $0 + $1 * ($1 - 1) / 2 })
        let highest = problem.weights.edges.map(\.weight).max() ?? 0
        guard highest > 0 else { return 0 }
        var cache: [Int64: Int64] = [:]
        func bound(_ lambda: Int64) throws -> Int64 {
            if let known = cache[lambda] { return known }
            let value = try degreeBound(problem, caps: caps, lowering: lambda) + lambda * pairCount
            cache[lambda] = value
            return value
        }
        // B(λ) + λT is convex in λ: a ternary search over the integers finds its minimum.
        var low: Int64 = 0, high = highest
        while high - low > 2 {
            let first = low + (high - low) / 3, second = high - (high - low) / 3
            if try bound(first) <= bound(second) { high = second } else { low = first }
        }
        return try (low...high).map(bound).min()!
    }

    /// The best weight of a subgraph with the degrees of a grouping, over
    /// allowed edges, with every weight lowered by `lambda` (edges left at 0 or
    /// less are dropped).
    static func degreeBound(_ problem: Problem, caps: [Int], lowering lambda: Int64) throws -> Int64 {
        let n = problem.weights.vertexCount
        let composition = problem.composition ?? [problem.groupSize]
        let classes = problem.composition == nil ? [Int](repeating: 0, count: n) : problem.classes!
        var index = [Int](repeating: 0, count: n)
        var byClass = [[Int]](repeating: [], count: composition.count)
        for v in 0..<n {
            index[v] = byClass[classes[v]].count
            byClass[classes[v]].append(v)
        }
        var edgesByPair: [Int: [WeightedEdge]] = [:]
        for edge in problem.weights.edges where edge.weight > lambda && !problem.forbidden.contains(Pair(edge.u, edge.v)) {
            let (a, b) = (classes[edge.u], classes[edge.v])
            guard composition[a] > 0, composition[b] > 0 else { continue }
            let key = min(a, b) * composition.count + max(a, b)
            edgesByPair[key, default: []].append(edge)
        }
        var bound: Int64 = 0
        for (key, edges) in edgesByPair.sorted(by: { $0.key < $1.key }) {
            let a = key / composition.count, b = key % composition.count
            if a == b {
                let degree = caps[a] - 1
                guard degree > 0 else { continue }
                let size = byClass[a].count
                var cover: [WeightedEdge] = []
                cover.reserveCapacity(2 * edges.count)
                for edge in edges {
                    cover.append(WeightedEdge(index[edge.u], index[edge.v], edge.weight - lambda))
                    cover.append(WeightedEdge(index[edge.v], index[edge.u], edge.weight - lambda))
                }
                let graph = try BipartiteGraph(leftCount: size, rightCount: size, edges: cover)
                let capacities = [Int](repeating: degree, count: size)
                bound += try CapacitatedAssignment.solve(graph, capacities: capacities, rowCapacities: capacities).weight / 2
            } else {
                let oriented = edges.map { classes[$0.u] == a ? ($0.u, $0.v) : ($0.v, $0.u) }
                let graph = try BipartiteGraph(leftCount: byClass[a].count, rightCount: byClass[b].count,
                                               edges: zip(oriented, edges).map { WeightedEdge(index[$0.0], index[$0.1], $1.weight - lambda) })
                let rows = [Int](repeating: caps[b], count: byClass[a].count)
                let columns = [Int](repeating: caps[a], count: byClass[b].count)
                bound += try CapacitatedAssignment.solve(graph, capacities: columns, rowCapacities: rows).weight
            }
        }
        return bound
    }
}
