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

    /// With the same edges first, the solve goes on from the previous one's
    /// blossoms: those around no uncovered added edge are still there when
    /// the search starts again, and the optimum is the cold one.
    @Test func goingOnKeepsTheBlossomsAwayFromTheAddedEdges() throws {
        var rng = SeededGenerator(seed: 77)
        var hadBlossoms = 0
        var keptBlossoms = 0
        for _ in 0..<200 {
            let n = Int.random(in: 20...80, using: &rng)
            let graph = RandomGraphs.general(vertices: n, density: 0.3, weights: 1...40, using: &rng)
            // A few edges more, as a round of pricing adds.
            let steps = Array(rounds(of: graph, count: 20, using: &rng).suffix(2))
            let first = try MaximumWeightMatching.solve(steps[0])
            let structure = try #require(first.structure)
            let shift = try WeightShift.amount(for: steps[1].edges, pairsAtMost: n / 2, maximumCardinality: false)
            var solver = BlossomSolver(vertexCount: n, edges: steps[1].edges, shift: shift)
            let place = try #require(solver.place(of: structure, shift: shift))
            // With one pair's weight changed, the previous duals may not cover it: it starts over.
            var changed = steps[1].edges
            if let k = changed.indices.first(where: { changed[$0].key == steps[0].edges.first?.key }) {
                changed[k] = WeightedEdge(changed[k].u, changed[k].v, changed[k].weight + 1)
                #expect(
                    BlossomSolver(vertexCount: n, edges: changed, shift: shift).place(of: structure, shift: shift)
                        == nil)
            }
            if structure.zBase.contains(where: { $0 > 0 }) { hadBlossoms += 1 }
            solver.resume(structure, place: place)
            if (n..<(2 * n)).contains(where: { solver.blossomBase[$0] >= 0 && solver.zBase[$0] > 0 }) {
                keptBlossoms += 1
            }
            let warm = try MaximumWeightMatching.solve(steps[1], from: first)
            expectProved(warm, on: steps[1])
            #expect(warm.weight == (try MaximumWeightMatching.solve(steps[1])).weight)
        }
        #expect(
            hadBlossoms >= 10 && keptBlossoms * 2 >= hadBlossoms, "blossoms kept in \(keptBlossoms) of \(hadBlossoms)")
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
