extension GroupFormation {
    /// An upper bound on the weight of any grouping: inside groups, a member
    /// of class a has `composition[b]` partners of class b (`composition[a] − 1`
    /// of its own), one more with extra members. The weight of the best
    /// subgraph with those degrees, over positive allowed edges, summed over
    /// pairs of classes, bounds every grouping. Between two classes it is an
    /// exact bipartite b-matching; within a class, the bipartite double cover
    /// gives twice a fractional b-matching.
    static func upperBound(_ problem: Problem, hasExtraMembers: Bool) throws -> Int64 {
        let n = problem.weights.vertexCount
        let composition = problem.composition ?? [problem.groupSize]
        let classes = problem.composition == nil ? [Int](repeating: 0, count: n) : problem.classes!
        let extra = hasExtraMembers ? 1 : 0
        var index = [Int](repeating: 0, count: n)
        var byClass = [[Int]](repeating: [], count: composition.count)
        for v in 0..<n {
            index[v] = byClass[classes[v]].count
            byClass[classes[v]].append(v)
        }
        var edgesByPair: [Int: [WeightedEdge]] = [:]
        for edge in problem.weights.edges where edge.weight > 0 && !problem.forbidden.contains(Pair(edge.u, edge.v)) {
            let (a, b) = (classes[edge.u], classes[edge.v])
            guard composition[a] > 0, composition[b] > 0 else { continue }
            let key = min(a, b) * composition.count + max(a, b)
            edgesByPair[key, default: []].append(edge)
        }
        var bound: Int64 = 0
        for (key, edges) in edgesByPair.sorted(by: { $0.key < $1.key }) {
            let a = key / composition.count, b = key % composition.count
            if a == b {
                let degree = composition[a] - 1 + extra
                guard degree > 0 else { continue }
                let size = byClass[a].count
                var cover: [WeightedEdge] = []
                cover.reserveCapacity(2 * edges.count)
                for edge in edges {
                    cover.append(WeightedEdge(index[edge.u], index[edge.v], edge.weight))
                    cover.append(WeightedEdge(index[edge.v], index[edge.u], edge.weight))
                }
                let graph = try BipartiteGraph(leftCount: size, rightCount: size, edges: cover)
                let capacities = [Int](repeating: degree, count: size)
                bound += try CapacitatedAssignment.solve(graph, capacities: capacities, rowCapacities: capacities).weight / 2
            } else {
                let oriented = edges.map { classes[$0.u] == a ? ($0.u, $0.v) : ($0.v, $0.u) }
                let graph = try BipartiteGraph(leftCount: byClass[a].count, rightCount: byClass[b].count,
                                               edges: zip(oriented, edges).map { WeightedEdge(index[$0.0], index[$0.1], $1.weight) })
                let rows = [Int](repeating: composition[b] + extra, count: byClass[a].count)
                let columns = [Int](repeating: composition[a] + extra, count: byClass[b].count)
                bound += try CapacitatedAssignment.solve(graph, capacities: columns, rowCapacities: rows).weight
            }
        }
        return bound
    }
}
