import Testing

@testable import Matching

struct CapacitatedAssignmentTests {
    static func randomBipartite(
        rows: Int, columns: Int, density: Double, weights: ClosedRange<Int64>,
        using rng: inout SeededGenerator
    ) -> BipartiteGraph {
        var edges: [WeightedEdge] = []
        for i in 0..<rows {
            for j in 0..<columns where Double.random(in: 0..<1, using: &rng) < density {
                edges.append(WeightedEdge(i, j, Int64.random(in: weights, using: &rng)))
            }
        }
        return try! BipartiteGraph(leftCount: rows, rightCount: columns, edges: edges)
    }

    /// The same problem as a general matching: column j becomes capacity(j) copies.
    static func expanded(_ graph: BipartiteGraph, capacities: [Int]) -> WeightedGraph {
        var firstCopy = [Int](repeating: 0, count: graph.rightCount)
        var next = graph.leftCount
        for j in 0..<graph.rightCount {
            firstCopy[j] = next
            next += capacities[j]
        }
        var edges: [WeightedEdge] = []
        for edge in graph.edges {
            for copy in 0..<capacities[edge.v] {
                edges.append(WeightedEdge(edge.u, firstCopy[edge.v] + copy, edge.weight))
            }
        }
        return try! WeightedGraph(vertexCount: next, edges: edges)
    }

    func solve(_ graph: BipartiteGraph, capacities: [Int], maximumCardinality: Bool = false) throws
        -> CapacitatedAssignment.Result
    {
        let result = try CapacitatedAssignment.solve(
            graph, capacities: capacities, maximumCardinality: maximumCardinality)
        let problems = result.certificate.violations(result.columns, in: graph, capacities: capacities)
        #expect(problems.isEmpty, "\(problems)")
        return result
    }

    @Test func theWorkedExample() throws {
        let graph = try BipartiteGraph(
            leftCount: 2, rightCount: 2,
            edges: [
                WeightedEdge(0, 0, 5), WeightedEdge(1, 0, 4), WeightedEdge(1, 1, 1),
            ])
        let result = try solve(graph, capacities: [2, 1])
        #expect(result.columns == [0, 0])
        #expect(result.weight == 9)
        let single = try solve(graph, capacities: [1, 1])
        #expect(single.columns == [0, 1])
        #expect(single.weight == 6)
    }

    @Test func aMentorWithoutRoomTakesNobody() throws {
        let graph = try BipartiteGraph(
            leftCount: 3, rightCount: 1,
            edges: [
                WeightedEdge(0, 0, 5), WeightedEdge(1, 0, 7), WeightedEdge(2, 0, 6),
            ])
        #expect(try solve(graph, capacities: [0]).columns == [nil, nil, nil])
        #expect(try solve(graph, capacities: [2]).columns == [nil, 0, 0])
        #expect(try solve(graph, capacities: [5]).weight == 18)
    }

    @Test func everyoneFirstWhenAsked() throws {
        // The heavy pair blocks two lighter ones.
        let graph = try BipartiteGraph(
            leftCount: 2, rightCount: 2,
            edges: [
                WeightedEdge(0, 0, 10), WeightedEdge(0, 1, 1), WeightedEdge(1, 0, 1),
            ])
        #expect(try solve(graph, capacities: [1, 1]).columns == [0, nil])
        let everyone = try solve(graph, capacities: [1, 1], maximumCardinality: true)
        #expect(everyone.columns == [1, 0])
        #expect(everyone.weight == 2)
    }

    @Test func emptyProblems() throws {
        let graph = try BipartiteGraph(leftCount: 0, rightCount: 0, edges: [])
        #expect(try solve(graph, capacities: []).columns.isEmpty)
        let noEdges = try BipartiteGraph(leftCount: 3, rightCount: 2, edges: [])
        #expect(try solve(noEdges, capacities: [1, 1]).columns == [nil, nil, nil])
    }

    /// Against the general solver on the expanded graph, and brute force on the smallest.
    @Test(arguments: [(1 as UInt64, 1...3), (2, 1...1), (3, 0...4)] as [(UInt64, ClosedRange<Int>)])
    func againstTheGeneralSolver(seed: UInt64, capacityRange: ClosedRange<Int>) throws {
        var rng = SeededGenerator(seed: seed)
        for round in 0..<400 {
            let rows = Int.random(in: 1...9, using: &rng)
            let columns = Int.random(in: 1...5, using: &rng)
            let weights: ClosedRange<Int64> = round % 3 == 0 ? 1...3 : round % 3 == 1 ? 1...1000 : -3...10
            let graph = Self.randomBipartite(rows: rows, columns: columns, density: 0.6, weights: weights, using: &rng)
            let capacities = (0..<columns).map { _ in Int.random(in: capacityRange, using: &rng) }
            let general = Self.expanded(graph, capacities: capacities)
            for maximumCardinality in [false, true] {
                let result = try solve(graph, capacities: capacities, maximumCardinality: maximumCardinality)
                let reference = try MaximumWeightMatching.solve(general, maximumCardinality: maximumCardinality)
                #expect(result.weight == reference.weight, "\(graph.edges) capacities \(capacities)")
                if maximumCardinality {
                    #expect(result.columns.compactMap { $0 }.count == reference.matching.count)
                }
                if general.vertexCount <= 12 {
                    #expect(result.weight == BruteForce.best(general, maximumCardinality: maximumCardinality).weight)
                }
            }
        }
    }

    @Test func largerProblemsProveThemselves() throws {
        var rng = SeededGenerator(seed: 21)
        for (rows, columns, density) in [(200, 40, 0.3), (300, 300, 1.0), (500, 100, 0.05)] {
            let graph = Self.randomBipartite(
                rows: rows, columns: columns, density: density, weights: 1...1_000_000, using: &rng)
            let capacities = (0..<columns).map { _ in Int.random(in: 1...4, using: &rng) }
            let result = try solve(graph, capacities: capacities)
            let reference = try MaximumWeightMatching.solve(Self.expanded(graph, capacities: capacities))
            #expect(result.weight == reference.weight)
        }
    }

    @Test func certificateCatchesAWorseAssignment() throws {
        let graph = try BipartiteGraph(
            leftCount: 2, rightCount: 2,
            edges: [
                WeightedEdge(0, 0, 5), WeightedEdge(0, 1, 1), WeightedEdge(1, 0, 1), WeightedEdge(1, 1, 5),
            ])
        let result = try solve(graph, capacities: [1, 1])
        #expect(result.columns == [0, 1])
        #expect(!result.certificate.violations([1, 0], in: graph, capacities: [1, 1]).isEmpty)
        #expect(
            result.certificate.violations([0, 0], in: graph, capacities: [1, 1]).contains(.overCapacity(column: 0)))
    }
}

struct RowCapacityTests {
    /// Rows that take several columns: against the general solver with both sides copied
    /// would allow an edge twice, so compare with exhaustive search instead.
    @Test func severalColumnsPerRow() throws {
        var rng = SplitMix64(seed: 71)
        for _ in 0..<300 {
            let rows = Int.random(in: 1...4, using: &rng)
            let columns = Int.random(in: 1...4, using: &rng)
            let graph = CapacitatedAssignmentTests.randomBipartite(
                rows: rows, columns: columns, density: 0.7, weights: 1...20, using: &rng)
            let rowCapacities = (0..<rows).map { _ in Int.random(in: 0...3, using: &rng) }
            let capacities = (0..<columns).map { _ in Int.random(in: 0...3, using: &rng) }
            let result = try CapacitatedAssignment.solve(graph, capacities: capacities, rowCapacities: rowCapacities)
            #expect(
                result.certificate.violations(
                    result.assignments, in: graph, capacities: capacities, rowCapacities: rowCapacities
                ).isEmpty)
            // Exhaustive: every subset of edges within both capacities.
            var best: Int64 = 0
            let edges = graph.edges
            for mask in 0..<(1 << edges.count) {
                var rowLoad = [Int](repeating: 0, count: rows)
                var load = [Int](repeating: 0, count: columns)
                var total: Int64 = 0
                var fits = true
                for (index, edge) in edges.enumerated() where mask & (1 << index) != 0 {
                    rowLoad[edge.u] += 1
                    load[edge.v] += 1
                    total += edge.weight
                    if rowLoad[edge.u] > rowCapacities[edge.u] || load[edge.v] > capacities[edge.v] {
                        fits = false
                        break
                    }
                }
                if fits { best = max(best, total) }
            }
            #expect(result.weight == best)
        }
    }
}

/// Going on from an earlier solve when edges are added: the same optimum
/// as from nothing, a valid certificate, and the repair really used (the
/// earlier pairs kept, columns left with a price and room settled from the
/// other side).
struct AssignmentWarmStartTests {
    /// Some of the graph's edges (about `share` of them), as a graph of the same rows and columns.
    static func part(of graph: BipartiteGraph, share: Double, using rng: inout SeededGenerator) -> BipartiteGraph {
        try! BipartiteGraph(
            leftCount: graph.leftCount, rightCount: graph.rightCount,
            edges: graph.edges.filter { _ in Double.random(in: 0..<1, using: &rng) < share })
    }

    @Test(arguments: [false, true])
    func addedEdgesReachTheOptimumFromNothing(everyone: Bool) throws {
        var rng = SeededGenerator(seed: everyone ? 81 : 82)
        var resumed = 0
        var settled = 0
        for round in 0..<400 {
            let rows = Int.random(in: 1...30, using: &rng)
            let columns = Int.random(in: 1...12, using: &rng)
            let weights: ClosedRange<Int64> = round % 2 == 0 ? 1...20 : 1...100_000
            let full = CapacitatedAssignmentTests.randomBipartite(
                rows: rows, columns: columns, density: 0.5, weights: weights, using: &rng)
            let capacities = (0..<columns).map { _ in Int.random(in: 0...4, using: &rng) }
            let rowCapacities =
                round % 5 == 0 ? (0..<rows).map { _ in Int.random(in: 0...3, using: &rng) } : nil
            // Two steps of edges added: a third, two thirds, all.
            var previous: CapacitatedAssignment.Result?
            var graph = Self.part(of: full, share: 0.33, using: &rng)
            for step in 0..<3 {
                if step == 1 {
                    let more = Self.part(of: full, share: 0.5, using: &rng).edges
                    let keys = Set(graph.edges.map(\.key))
                    graph = try BipartiteGraph(
                        leftCount: rows, rightCount: columns,
                        edges: graph.edges + more.filter { !keys.contains($0.key) })
                } else if step == 2 {
                    graph = full
                }
                let warm = try CapacitatedAssignment.solve(
                    graph, capacities: capacities, rowCapacities: rowCapacities, maximumCardinality: everyone,
                    from: previous)
                let cold = try CapacitatedAssignment.solve(
                    graph, capacities: capacities, rowCapacities: rowCapacities, maximumCardinality: everyone)
                #expect(warm.weight == cold.weight, "round \(round) step \(step)")
                #expect(
                    warm.certificate.violations(
                        warm.assignments, in: graph, capacities: capacities,
                        rowCapacities: rowCapacities ?? [Int](repeating: 1, count: rows)
                    ).isEmpty, "round \(round) step \(step)")
                if everyone {
                    let count = warm.assignments.map(\.count).reduce(0, +)
                    #expect(count == cold.assignments.map(\.count).reduce(0, +), "as many pairs first")
                }
                if let previous, let state = previous.state {
                    // The same start by hand, to see that it resumed and whether columns needed settling.
                    let shift = try WeightShift.amount(
                        for: graph.edges,
                        pairsAtMost: min(
                            graph.edges.count, (rowCapacities ?? [Int](repeating: 1, count: rows)).reduce(0, +)),
                        maximumCardinality: everyone)
                    var solver = AssignmentSolver(
                        graph: graph, rowCapacity: rowCapacities ?? [Int](repeating: 1, count: rows),
                        capacity: capacities, shift: shift, keepsNonPositive: everyone, starts: false)
                    if solver.resume(state, shift: shift, keepsNonPositive: everyone) {
                        resumed += 1
                        _ = solver.run(shouldStop: { false })
                        if (0..<columns).contains(where: {
                            solver.load[$0] < capacities[$0] && solver.columnDualBase[$0] > 0
                        }) {
                            settled += 1
                        }
                    }
                }
                previous = warm
            }
        }
        // With everyone first, the shift grows with the edges: a solve of another shift starts from nothing.
        #expect(resumed > (everyone ? 200 : 600), "\(resumed) of 800 steps went on from the solve before")
        #expect(settled > 20, "\(settled) needed columns settled from the other side")
    }

    /// A previous solve of other capacities is not gone on from: the answer is that from nothing.
    @Test func anotherProblemStartsFromNothing() throws {
        var rng = SeededGenerator(seed: 83)
        let graph = CapacitatedAssignmentTests.randomBipartite(
            rows: 20, columns: 8, density: 0.6, weights: 1...50, using: &rng)
        let before = try CapacitatedAssignment.solve(graph, capacities: [Int](repeating: 1, count: 8))
        let capacities = [Int](repeating: 3, count: 8)
        let after = try CapacitatedAssignment.solve(graph, capacities: capacities, from: before)
        #expect(after.weight == (try CapacitatedAssignment.solve(graph, capacities: capacities)).weight)
        #expect(after.certificate.violations(after.columns, in: graph, capacities: capacities).isEmpty)
    }
}
