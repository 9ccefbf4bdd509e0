extension GroupFormation {
    /// An upper bound on the weight of any grouping of `problem` into as many
    /// tables as `result` that seats at least as many members: each table with
    /// the composition and at most one extra member, forbidden pairs apart.
    ///
    /// Two relaxations, each solved exactly or by a method whose every step is
    /// itself a valid bound; the smaller is returned, never clamped to the
    /// grouping found:
    /// - `tableBound` (groups of 2 or 3): the linear relaxation of choosing
    ///   whole tables (set packing), through Lagrangian prices on the members;
    /// - `degreeBound` (any size): the best subgraph in which every member has
    ///   the degrees a table gives, with a price on the number of pairs.
    ///
    /// - Parameter result: a grouping of the problem: the seats to reach, the
    ///   prices to start from, and when the bound proves it optimal.
    public static func upperBound(_ problem: Problem, for result: Result, shouldStop: () -> Bool = { false }) throws
        -> Int64
    {
        try validate(problem)
        guard !result.groups.isEmpty else { return 0 }
        let degree = try degreeBound(problem, tables: result.groups.count, shouldStop: shouldStop)
        guard let table = try tableBound(problem, start: result, shouldStop: shouldStop) else { return degree }
        return min(degree, table)
    }

    /// The degree relaxation, for groupings into `tables` tables. Inside
    /// tables a member of class a has at most cap(b) partners of class b
    /// (cap(a) − 1 of its own), where cap(c) is the composition's count plus
    /// one when class c has members beyond what the tables need and extras
    /// may join. The tables hold at most T = tables·k(k − 1)/2 + extras·k
    /// pairs, with at most one extra a table and no more than the members left. For any λ ≥ 0, every grouping
    /// weighs at most B(λ) + λT, where B(λ) is the best subgraph with those
    /// degrees under the weights w − λ. B is computed exactly, class pair by
    /// class pair (a bipartite b-matching; within a class, half the bipartite
    /// double cover), and λ is searched for the smallest bound, from the most
    /// a pair absent from the weights can weigh (such pairs, at w − λ ≤ 0,
    /// then add nothing).
    static func degreeBound(_ problem: Problem, tables: Int, shouldStop: () -> Bool = { false }) throws -> Int64 {
        let (caps, pairCount) = degreeCaps(problem, tables: tables)
        let highest = problem.weights.edges.map(\.weight).max() ?? 0
        guard highest > 0 || problem.absentAtMost > 0 else { return 0 }
        var cache: [Int64: Int64] = [:]
        func bound(_ lambda: Int64) throws -> Int64 {
            if let known = cache[lambda] { return known }
            let value =
                try degreeBound(problem, caps: caps, lowering: lambda, shouldStop: shouldStop) + lambda * pairCount
            cache[lambda] = value
            return value
        }
        // B(λ) + λT is convex in λ: a golden-section search over the integers closes in on its
        // minimum, one new λ a step, until the bracket is a two-hundredth of the heaviest tie wide
        // (every value computed is a bound: the smallest is kept).
        let ratio = (5.0.squareRoot() - 1) / 2
        func inner(_ low: Int64, _ high: Int64) -> (Int64, Int64) {
            let step = Int64((Double(high - low) * ratio).rounded())
            return (high - step, low + step)
        }
        let width = max(2, highest / 200)
        // Below the most an absent pair weighs, the bound would leave absent pairs out.
        var low = max(0, problem.absentAtMost)
        var high = max(highest, low)
        // When the least lies just above that price (as it does when only the heaviest pairs are
        // weighed), two prices say so: B is convex, so nothing further up is lower.
        if low > 0 && high - low > width, try bound(low) <= bound(low + width) { high = low + width }
        while high - low > width {
            let (first, second) = inner(low, high)
            // A bracket of four or less has no two inner points left: it is tried whole below.
            guard first < second else { break }
            if try bound(first) <= bound(second) { high = second } else { low = first }
        }
        if high - low <= 4 { for lambda in low...high { _ = try bound(lambda) } }
        // A bracket wider than four but no wider than the width has had no price tried yet.
        if cache.isEmpty { _ = try bound(low) }
        return cache.values.min()!
    }

    /// Each class's cap and T, the most pairs the tables hold (see `degreeBound`).
    static func degreeCaps(_ problem: Problem, tables: Int) -> (caps: [Int], pairCount: Int64) {
        let composition = problem.tableComposition
        let counts = problem.classCounts
        let k = problem.groupSize
        let extras = problem.leftovers == .join ? min(max(0, problem.weights.vertexCount - tables * k), tables) : 0
        let caps = composition.indices.map { c in
            composition[c] + (extras > 0 && counts[c] > tables * composition[c] ? 1 : 0)
        }
        return (caps, Int64(tables * k * (k - 1) / 2 + extras * k))
    }

    /// The best weight of a subgraph with the degrees of a grouping, over
    /// allowed edges, with every weight lowered by `lambda` (edges left at 0 or
    /// less are dropped).
    static func degreeBound(
        _ problem: Problem, caps: [Int], lowering lambda: Int64, shouldStop: () -> Bool = { false }
    ) throws -> Int64 {
        let n = problem.weights.vertexCount
        let composition = problem.tableComposition
        let classes = problem.vertexClasses
        var index = [Int](repeating: 0, count: n)
        var byClass = [[Int]](repeating: [], count: composition.count)
        for v in 0..<n {
            index[v] = byClass[classes[v]].count
            byClass[classes[v]].append(v)
        }
        var edgesByPair: [Int: [WeightedEdge]] = [:]
        for edge in problem.weights.edges
        where edge.weight > lambda && !problem.isForbidden(edge.u, edge.v) {
            let (a, b) = (classes[edge.u], classes[edge.v])
            guard composition[a] > 0, composition[b] > 0 else { continue }
            let key = min(a, b) * composition.count + max(a, b)
            edgesByPair[key, default: []].append(edge)
        }
        var bound: Int64 = 0
        for (key, edges) in edgesByPair.sorted(by: { $0.key < $1.key }) {
            let a = key / composition.count
            let b = key % composition.count
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
                // A subgraph inside the class weighs W and gives the double cover 2W: half its optimum, rounded down, bounds W.
                bound +=
                    try CapacitatedAssignment.solve(
                        graph, capacities: capacities, rowCapacities: capacities, shouldStop: shouldStop
                    ).weight / 2
            } else {
                let oriented = edges.map { classes[$0.u] == a ? ($0.u, $0.v) : ($0.v, $0.u) }
                let graph = try BipartiteGraph(
                    leftCount: byClass[a].count, rightCount: byClass[b].count,
                    edges: zip(oriented, edges).map { WeightedEdge(index[$0.0], index[$0.1], $1.weight - lambda) })
                let rows = [Int](repeating: caps[b], count: byClass[a].count)
                let columns = [Int](repeating: caps[a], count: byClass[b].count)
                bound +=
                    try CapacitatedAssignment.solve(
                        graph, capacities: columns, rowCapacities: rows, shouldStop: shouldStop
                    ).weight
            }
        }
        return bound
    }
}
