import Testing

@testable import Matching

/// Solving again from a previous result: the same optimum as from nothing,
/// whatever was added, with a certificate valid on the new graph.
struct WarmStartTests {
    /// The graph's edges split in rounds: a first graph, then more edges each round.
    func rounds(of graph: WeightedGraph, count: Int, using rng: inout SeededGenerator) -> [WeightedGraph] {
        let shuffled = graph.edges.shuffled(using: &rng)
        return (1...count).map { round in
            try! WeightedGraph(
                vertexCount: graph.vertexCount, edges: Array(shuffled.prefix(shuffled.count * round / count)))
        }
    }

    func expectProved(_ result: MaximumWeightMatching.Result, on graph: WeightedGraph) {
        let violations = result.certificate.violations(result.matching, in: graph)
        #expect(violations.isEmpty, "certificate: \(violations)")
        #expect(result.weight == result.matching.totalWeight(in: graph))
    }

    @Test(arguments: [false, true])
    func smallGraphsReachTheBruteForceOptimum(maximumCardinality: Bool) throws {
        var rng = SeededGenerator(seed: 41)
        for _ in 0..<300 {
            let vertices = Int.random(in: 2...10, using: &rng)
            let graph = RandomGraphs.general(
                vertices: vertices, density: Double.random(in: 0.2...0.9, using: &rng), weights: -2...9, using: &rng)
            var previous: MaximumWeightMatching.Result?
            for step in rounds(of: graph, count: 3, using: &rng) {
                let result = try MaximumWeightMatching.solve(
                    step, maximumCardinality: maximumCardinality, from: previous)
                expectProved(result, on: step)
                let best = BruteForce.best(step, maximumCardinality: maximumCardinality)
                #expect(result.weight == best.weight)
                if maximumCardinality { #expect(result.matching.pairs.count == best.count) }
                previous = result
            }
        }
    }

    @Test(arguments: [(300, 0.05, 1), (500, 0.2, 2), (200, 0.9, 3)] as [(Int, Double, UInt64)])
    func largerGraphsReachTheColdOptimum(vertices: Int, density: Double, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for weights in [1...6, 1...1_000_000] as [ClosedRange<Int64>] {
            let graph = RandomGraphs.general(vertices: vertices, density: density, weights: weights, using: &rng)
            for maximumCardinality in [false, true] {
                var previous: MaximumWeightMatching.Result?
                for step in rounds(of: graph, count: 5, using: &rng) {
                    let warm = try MaximumWeightMatching.solve(
                        step, maximumCardinality: maximumCardinality, from: previous)
                    let cold = try MaximumWeightMatching.solve(step, maximumCardinality: maximumCardinality)
                    expectProved(warm, on: step)
                    #expect(warm.weight == cold.weight)
                    #expect(warm.matching.pairs.count == cold.matching.pairs.count)
                    previous = warm
                }
            }
        }
    }

    /// A start from another graph's answer (other weights, other size) only changes the work.
    @Test func anyPreviousResultIsOnlyAStart() throws {
        var rng = SeededGenerator(seed: 5)
        let first = RandomGraphs.general(vertices: 60, density: 0.4, weights: 1...50, using: &rng)
        let second = RandomGraphs.general(vertices: 60, density: 0.4, weights: 1...50, using: &rng)
        let other = RandomGraphs.general(vertices: 30, density: 0.4, weights: 1...50, using: &rng)
        for (start, graph) in [(first, second), (second, first), (other, first)] {
            let previous = try MaximumWeightMatching.solve(start)
            let warm = try MaximumWeightMatching.solve(graph, from: previous)
            expectProved(warm, on: graph)
            #expect(warm.weight == (try MaximumWeightMatching.solve(graph)).weight)
        }
    }
}
