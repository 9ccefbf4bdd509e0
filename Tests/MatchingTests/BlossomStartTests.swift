import Testing

@testable import Matching

/// The solver's start: each free vertex's dual lowered as far as its edges
/// allow, and paired along an edge that is then tight with another free one.
struct BlossomStartTests {
    /// Every edge covered and every pair tight, in the solver's quarter units.
    func expectFeasible(_ solver: BlossomSolver) {
        for k in solver.weight4.indices {
            let u = Int(solver.endpoint[2 * k])
            let v = Int(solver.endpoint[2 * k + 1])
            #expect(solver.dualBase[u] + solver.dualBase[v] >= solver.weight4[k], "edge \(u)–\(v) uncovered")
            if solver.mate[u] == Int32(2 * k + 1) {
                #expect(solver.dualBase[u] + solver.dualBase[v] == solver.weight4[k], "pair \(u)–\(v) loose")
            }
        }
        for v in 0..<solver.n { #expect(solver.dualBase[v] >= 0) }
    }

    /// On the path 0–1–2–3 weighing 5, 6, 5, the heaviest-weight duals make
    /// only the middle edge tight; lowered, both outer pairs are made at the
    /// start, which is already the optimum: the search has nothing to do.
    @Test func loweredDualsPairTheEndsOfAPath() throws {
        let graph = try WeightedGraph(
            vertexCount: 4, edges: [WeightedEdge(0, 1, 5), WeightedEdge(1, 2, 6), WeightedEdge(2, 3, 5)])
        var solver = BlossomSolver(vertexCount: 4, edges: graph.edges, shift: 0)
        #expect(solver.mate.map { $0 >= 0 ? Int(solver.endpoint[Int($0)]) : -1 } == [1, 0, 3, 2])
        #expect(solver.dualBase == [8, 12, 12, 8])
        expectFeasible(solver)
        let finished = solver.run(shouldStop: { false })
        #expect(finished && solver.steps == 0)
        #expect(try MaximumWeightMatching.solve(graph).weight == 10)
    }

    /// On random graphs the start is feasible, leaves fewer vertices free
    /// than pairing tight edges under the heaviest-weight duals would, and
    /// the search from it reaches the brute-force optimum.
    @Test func theStartIsFeasibleAndPairsMore() throws {
        var rng = SeededGenerator(seed: 17)
        var freeLowered = 0
        var freeHeaviest = 0
        for _ in 0..<200 {
            let graph = RandomGraphs.general(
                vertices: Int.random(in: 2...12, using: &rng), density: Double.random(in: 0.2...0.9, using: &rng),
                weights: 1...9, using: &rng)
            let solver = BlossomSolver(vertexCount: graph.vertexCount, edges: graph.edges, shift: 0)
            expectFeasible(solver)
            freeLowered += solver.mate.filter { $0 < 0 }.count
            freeHeaviest += Self.freeUnderHeaviestDuals(graph)
            #expect(try MaximumWeightMatching.solve(graph).weight == BruteForce.best(graph).weight)
        }
        #expect(freeLowered < freeHeaviest, "free at the start: \(freeLowered) lowered, \(freeHeaviest) without")
    }

    /// How many vertices pairing tight edges greedily under y(v) = half the
    /// heaviest weight at v leaves free.
    static func freeUnderHeaviestDuals(_ graph: WeightedGraph) -> Int {
        var dual = [Int64](repeating: 0, count: graph.vertexCount)
        for edge in graph.edges {
            dual[edge.u] = max(dual[edge.u], 2 * edge.weight)
            dual[edge.v] = max(dual[edge.v], 2 * edge.weight)
        }
        var paired = [Bool](repeating: false, count: graph.vertexCount)
        for edge in graph.edges
        where !paired[edge.u] && !paired[edge.v] && dual[edge.u] + dual[edge.v] == 4 * edge.weight {
            paired[edge.u] = true
            paired[edge.v] = true
        }
        return paired.filter { !$0 }.count
    }
}
