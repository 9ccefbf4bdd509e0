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
