import Testing

@testable import Matching

/// The search for large communities (above `Problem.sparseAbove` members,
/// lowered here so that small problems take it), and the bound that holds
/// for pairs absent from the weights.
struct GroupFormationSparseTests {
    /// Pairs a sparse search may not seat together: from the set, and for
    /// odd rounds from `excludes`, as a large community gives them.
    static func randomProblem(round: Int, n: Int, using rng: inout SplitMix64) -> (
        problem: GroupFormation.Problem, listed: GroupFormation.Problem
    ) {
        let graph = RandomGraphs.general(vertices: n, density: 0.6, weights: 0...30, using: &rng)
        var problem = GroupFormation.Problem(
            weights: graph, groupSize: 3, leftovers: round % 2 == 0 ? .join : .leaveOut)
        problem.sparseAbove = 0
        if round % 3 == 0 {
            problem.classes = (0..<n).map { _ in Int.random(in: 0...2, using: &rng) }
            problem.composition = [1, 1, 1]
        }
        var banned = Set<GroupFormation.Pair>()
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let a = Int.random(in: 0..<n, using: &rng)
            let b = Int.random(in: 0..<n, using: &rng)
            if a != b { banned.insert(GroupFormation.Pair(a, b)) }
        }
        var listed = problem
        listed.forbidden = banned
        if round % 4 == 1 {
            let excluded = banned
            problem.excludes = { excluded.contains(GroupFormation.Pair($0, $1)) }
        } else {
            problem.forbidden = banned
        }
        return (problem, listed)
    }

    /// Against exhaustive search: every rule kept (`violations`, with the
    /// pairs `excludes` bans), the total that of the tables, never more than
    /// the best; the most seated and the most tables every time.
    @Test func theSparseSearchKeepsEveryRule() throws {
        var rng = SplitMix64(seed: 81)
        var cases = 0
        var exact = 0
        for round in 0..<200 {
            let n = Int.random(in: 3...10, using: &rng)
            let (problem, listed) = Self.randomProblem(round: round, n: n, using: &rng)
            var search = SplitMix64(seed: UInt64(round))
            let result = try GroupFormation.solve(problem, using: &search)
            #expect(GroupFormation.violations(of: result.groups, leftovers: result.leftovers, for: problem).isEmpty)
            #expect(GroupFormation.violations(of: result.groups, leftovers: result.leftovers, for: listed).isEmpty)
            #expect(result.weight == GroupFormation.weight(of: result.groups, in: problem.weights))
            // Weighed on `listed`, which bans the same pairs as a set.
            let (best, isBest) = GroupFormationTests.compareWithTheBest(result, listed, round: round)
            guard best.placed > 0 else { continue }
            cases += 1
            if isBest { exact += 1 }
        }
        #expect(exact * 100 >= cases * 80, "optimum found in \(exact) of \(cases)")
    }

    /// The search stops only where no allowed swap along an edge gains: for
    /// every member and every other table holding one of its neighbours, no
    /// member of its class there could trade places with it for more (a
    /// member left out included), weighed here from the graph itself.
    @Test func theSparseSearchEndsWhereNoSwapAlongAnEdgeGains() throws {
        for seed in [82, 83, 84] as [UInt64] {
            var rng = SplitMix64(seed: seed)
            let n = 600
            let graph = RandomGraphs.general(vertices: n, density: 0.02, weights: 1...100, using: &rng)
            var problem = GroupFormation.Problem(weights: graph, groupSize: 3)
            problem.sparseAbove = 0
            problem.classes = (0..<n).map { _ in Int.random(in: 0...2, using: &rng) }
            problem.composition = [1, 1, 1]
            problem.excludes = { ($0 * 7 + $1 * 7) % 61 == 0 }
            let result = try GroupFormation.solve(problem, using: &rng)
            #expect(GroupFormation.violations(of: result.groups, leftovers: result.leftovers, for: problem).isEmpty)
            let weights = PairWeights(graph, denseUpTo: n)
            var neighbours = [Set<Int>](repeating: [], count: n)
            for edge in graph.edges {
                neighbours[edge.u].insert(edge.v)
                neighbours[edge.v].insert(edge.u)
            }
            var groupOf = [Int](repeating: -1, count: n)
            for (g, table) in result.groups.enumerated() { for v in table { groupOf[v] = g } }
            func tie(_ v: Int, _ table: [Int]) -> Int64 { table.reduce(0) { $0 + ($1 == v ? 0 : weights(v, $1)) } }
            func allowed(_ v: Int, _ table: [Int]) -> Bool {
                table.allSatisfy { $0 == v || !problem.isForbidden(v, $0) }
            }
            var checked = 0
            for a in 0..<n {
                let own = groupOf[a] >= 0 ? result.groups[groupOf[a]] : []
                for g in Set(neighbours[a].map { groupOf[$0] }) where g >= 0 && g != groupOf[a] {
                    let table = result.groups[g]
                    for b in table where problem.classes![b] == problem.classes![a] {
                        let intoB = table.filter { $0 != b }
                        let intoA = own.filter { $0 != a }
                        guard allowed(a, intoB), own.isEmpty || allowed(b, intoA) else { continue }
                        var gain = tie(a, intoB) - tie(b, intoB)
                        if !own.isEmpty { gain += tie(b, intoA) - tie(a, intoA) }
                        checked += 1
                        #expect(gain <= 0, "seed \(seed): \(a) and \(b) would gain \(gain)")
                    }
                }
            }
            #expect(checked > n)
        }
    }

    /// The degree bound over the heavier pairs alone, told the most an absent
    /// pair weighs, is never below the best grouping over every pair
    /// (exhaustive search), whatever that floor: light and heavy ties, and
    /// floors just under the heaviest tie, where the price search has less
    /// room than its step.
    @Test func theBoundHoldsForThePairsLeftOut() throws {
        var rng = SplitMix64(seed: 85)
        var below = 0
        for round in 0..<90 {
            let n = Int.random(in: 6...10, using: &rng)
            let heavy = round % 3 == 2
            let graph = RandomGraphs.general(
                vertices: n, density: 0.9, weights: heavy ? 0...3000 : 0...40, using: &rng)
            var problem = GroupFormation.Problem(
                weights: graph, groupSize: 3, leftovers: round % 2 == 0 ? .join : .leaveOut)
            if round % 3 == 1 {
                problem.classes = (0..<n).map { _ in Int.random(in: 0...2, using: &rng) }
                problem.composition = [1, 1, 1]
            }
            var search = SplitMix64(seed: UInt64(round))
            let result = try GroupFormation.solve(problem, using: &search)
            guard !result.groups.isEmpty else { continue }
            let highest = graph.edges.map(\.weight).max() ?? 0
            let floor =
                heavy
                ? highest - Int64.random(in: 5...max(5, highest / 200), using: &rng)
                : Int64.random(in: 0...40, using: &rng)
            var partial = problem
            partial.weights = try WeightedGraph(vertexCount: n, edges: graph.edges.filter { $0.weight > floor })
            partial.absentAtMost = floor
            let bound = try GroupFormation.upperBound(partial, for: result)
            let placed = result.groups.reduce(0) { $0 + $1.count }
            let best = GroupFormationTests.bestGrouping(problem, seatingAtLeast: placed, tables: result.groups.count)
            #expect(best.heaviest <= bound, "case \(round): floor \(floor), bound \(bound), best \(best.heaviest)")
            // Without the floor, the bound over the heavier pairs alone can fall below the best.
            partial.absentAtMost = 0
            if try GroupFormation.upperBound(partial, for: result) < best.heaviest { below += 1 }
        }
        #expect(below > 0, "the floor matters in some case")
    }
}
