import Testing
@testable import Matching

struct GroupFormationTests {
    /// The best grouping by exhaustive search, under the same rules: every
    /// group has the composition (exactly, when leftovers stay out); joining
    /// leftovers keep sizes within one of each other and below 2k, and as
    /// many join as fit; forbidden pairs apart.
    static func bestGrouping(_ problem: GroupFormation.Problem) -> Int64 {
        let n = problem.weights.vertexCount
        let weights = PairWeights(problem.weights)
        let k = problem.groupSize
        let composition = problem.composition ?? [k]
        let classes = problem.composition == nil ? [Int](repeating: 0, count: n) : problem.classes!
        var counts = [Int](repeating: 0, count: composition.count)
        for c in classes { counts[c] += 1 }
        let groupCount = zip(counts, composition).filter { $0.1 > 0 }.map { $0.0 / $0.1 }.min() ?? 0
        guard groupCount > 0 else { return 0 }
        let placed = problem.leftovers == .join ? min(n, groupCount * (2 * k - 1)) : groupCount * k
        var best = Int64.min
        var groups = [[Int]](repeating: [], count: groupCount)
        var out = 0
        func search(_ v: Int) {
            guard v < n else {
                guard out == n - placed else { return }
                let sizes = groups.map(\.count)
                guard sizes.max()! - sizes.min()! <= 1 else { return }
                var total: Int64 = 0
                for group in groups {
                    var have = [Int](repeating: 0, count: composition.count)
                    for member in group { have[classes[member]] += 1 }
                    let fits = problem.leftovers == .join ? zip(have, composition).allSatisfy { $0 >= $1 } : have == composition
                    guard fits else { return }
                    for (i, a) in group.enumerated() {
                        for b in group[(i + 1)...] {
                            if problem.forbidden.contains(GroupFormation.Pair(a, b)) { return }
                            total += weights(a, b)
                        }
                    }
                }
                best = max(best, total)
                return
            }
            var triedEmpty = false
            for g in groups.indices where groups[g].count < 2 * k - 1 {
                if groups[g].isEmpty {
                    if triedEmpty { continue }
                    triedEmpty = true
                }
                groups[g].append(v)
                search(v + 1)
                groups[g].removeLast()
            }
            if out < n - placed {
                out += 1
                search(v + 1)
                out -= 1
            }
        }
        search(0)
        return best
    }

    func solve(_ problem: GroupFormation.Problem, seed: UInt64 = 7) throws -> GroupFormation.Result {
        var rng = SplitMix64(seed: seed)
        let result = try GroupFormation.solve(problem, using: &rng)
        #expect(GroupFormation.violations(of: result.groups, leftovers: result.leftovers, for: problem).isEmpty,
                "\(GroupFormation.violations(of: result.groups, leftovers: result.leftovers, for: problem))")
        #expect(result.weight == GroupFormation.weight(of: result.groups, in: problem.weights))
        #expect(result.weight <= result.upperBound)
        return result
    }

    @Test func twoObviousTables() throws {
        // Two triangles of strong ties, weak ties across.
        var edges: [WeightedEdge] = []
        for u in 0..<6 { for v in (u + 1)..<6 { edges.append(WeightedEdge(u, v, (u < 3) == (v < 3) ? 10 : 1)) } }
        let problem = GroupFormation.Problem(weights: try WeightedGraph(vertexCount: 6, edges: edges))
        let result = try solve(problem)
        #expect(result.groups == [[0, 1, 2], [3, 4, 5]])
        #expect(result.weight == 60)
        #expect(result.leftovers.isEmpty)
    }

    @Test func leftoversJoinOrStayOut() throws {
        var rng = SplitMix64(seed: 3)
        let graph = RandomGraphs.general(vertices: 8, density: 1, weights: 1...9, using: &rng)
        let joined = try solve(GroupFormation.Problem(weights: graph))
        #expect(joined.groups.map(\.count).sorted() == [4, 4])
        #expect(joined.leftovers.isEmpty)
        let out = try solve(GroupFormation.Problem(weights: graph, leftovers: .leaveOut))
        #expect(out.groups.map(\.count) == [3, 3])
        #expect(out.leftovers.count == 2)
    }

    @Test func compositionOneOfEach() throws {
        // Classes 0, 1, 2 (student, startup, entrepreneur): every table has one of each.
        var rng = SplitMix64(seed: 5)
        let graph = RandomGraphs.general(vertices: 10, density: 0.9, weights: 1...20, using: &rng)
        let classes = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]
        let problem = GroupFormation.Problem(weights: graph, classes: classes, composition: [1, 1, 1], leftovers: .leaveOut)
        let result = try solve(problem)
        #expect(result.groups.count == 3)
        for group in result.groups { #expect(group.map { classes[$0] }.sorted() == [0, 1, 2]) }
        #expect(result.leftovers.count == 1 && classes[result.leftovers[0]] == 0)
        #expect(result.weight == Self.bestGrouping(problem))
    }

    @Test func forbiddenPairsNeverShareATable() throws {
        var edges: [WeightedEdge] = []
        for u in 0..<6 { for v in (u + 1)..<6 { edges.append(WeightedEdge(u, v, (u < 3) == (v < 3) ? 10 : 1)) } }
        let problem = GroupFormation.Problem(weights: try WeightedGraph(vertexCount: 6, edges: edges),
                                             forbidden: [GroupFormation.Pair(0, 1)])
        let result = try solve(problem)
        #expect(!result.groups.contains { $0.contains(0) && $0.contains(1) })
        #expect(result.weight == Self.bestGrouping(problem))
    }

    @Test func sameSeedSameTables() throws {
        var rng = SplitMix64(seed: 8)
        let graph = RandomGraphs.general(vertices: 60, density: 0.5, weights: 1...100, using: &rng)
        let problem = GroupFormation.Problem(weights: graph)
        #expect(try solve(problem, seed: 42) == solve(problem, seed: 42))
    }

    /// Small random cases against exhaustive search: never above the optimum,
    /// the optimum never above the bound, and the optimum found in nearly all.
    @Test func againstExhaustiveSearch() throws {
        var rng = SplitMix64(seed: 51)
        var exact = 0, cases = 0
        for round in 0..<150 {
            let n = Int.random(in: 3...9, using: &rng)
            let graph = RandomGraphs.general(vertices: n, density: 0.8, weights: -2...30, using: &rng)
            var problem = GroupFormation.Problem(weights: graph, groupSize: 3, leftovers: round % 2 == 0 ? .join : .leaveOut)
            if round % 3 == 0 {
                problem.classes = (0..<n).map { _ in Int.random(in: 0...2, using: &rng) }
                problem.composition = [1, 1, 1]
            }
            let best = Self.bestGrouping(problem)
            let result = try solve(problem)
            guard best != Int64.min, !result.groups.isEmpty else { continue }
            cases += 1
            #expect(result.weight <= best)
            #expect(best <= result.upperBound, "bound \(result.upperBound) below the optimum \(best)")
            if result.weight == best { exact += 1 }
        }
        #expect(exact * 100 >= cases * 95, "optimum found in \(exact) of \(cases)")
    }

    @Test func theBoundIsClose() throws {
        var rng = SplitMix64(seed: 61)
        let graph = RandomGraphs.general(vertices: 150, density: 0.3, weights: 1...1000, using: &rng)
        let result = try solve(GroupFormation.Problem(weights: graph))
        #expect(result.weight * 100 >= result.upperBound * 85, "gap \(result.weight) / \(result.upperBound)")
    }

    @Test func rejectsImpossibleRequests() {
        var rng = SplitMix64(seed: 1)
        let graph = try! WeightedGraph(vertexCount: 3, edges: [])
        #expect(throws: GroupFormation.ProblemError.groupSizeTooSmall) {
            try GroupFormation.solve(GroupFormation.Problem(weights: graph, groupSize: 1), using: &rng)
        }
        #expect(throws: GroupFormation.ProblemError.compositionDoesNotSum(size: 3, sum: 2)) {
            try GroupFormation.solve(GroupFormation.Problem(weights: graph, classes: [0, 1, 0], composition: [1, 1]), using: &rng)
        }
    }
}
