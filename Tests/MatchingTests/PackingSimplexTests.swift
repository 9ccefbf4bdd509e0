import Testing

@testable import Matching

struct PackingSimplexTests {
    /// A triangle of unit edges: the LP takes half of each, 1.5, with duals ½ at every vertex.
    @Test func aTriangleIsFractional() {
        var lp = PackingSimplex(rhs: [1, 1, 1])
        lp.addColumn(rows: [0, 1], cost: 1)
        lp.addColumn(rows: [1, 2], cost: 1)
        lp.addColumn(rows: [0, 2], cost: 1)
        let solved = lp.solve()
        #expect(solved)
        #expect(abs(lp.objective - 1.5) < 1e-9)
        #expect(lp.duals.allSatisfy { abs($0 - 0.5) < 1e-9 })
    }

    /// On bipartite graphs the LP of matching has integral optima: the
    /// assignment solver's weight, on seeded random cases, with columns added
    /// in two batches (the second solve starts from the first basis).
    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func bipartiteMatchingIsIntegral(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let left = Int.random(in: 2...8, using: &rng)
        let right = Int.random(in: 2...8, using: &rng)
        var edges: [WeightedEdge] = []
        for i in 0..<left {
            for j in 0..<right where Bool.random(using: &rng) {
                edges.append(WeightedEdge(i, j, Int64.random(in: 1...50, using: &rng)))
            }
        }
        let graph = try BipartiteGraph(leftCount: left, rightCount: right, edges: edges)
        let exact = try CapacitatedAssignment.solve(graph, capacities: [Int](repeating: 1, count: right)).weight
        var lp = PackingSimplex(rhs: [Double](repeating: 1, count: left + right))
        for (index, edge) in edges.enumerated() where index % 2 == 0 {
            lp.addColumn(rows: [edge.u, left + edge.v], cost: Double(edge.weight))
        }
        let solved = lp.solve()
        #expect(solved)
        for (index, edge) in edges.enumerated() where index % 2 == 1 {
            lp.addColumn(rows: [edge.u, left + edge.v], cost: Double(edge.weight))
        }
        let solvedAgain = lp.solve()
        #expect(solvedAgain)
        #expect(abs(lp.objective - Double(exact)) < 1e-6, "LP \(lp.objective), matching \(exact)")
        // Dual feasibility: no column prices above its cost.
        let y = lp.duals
        #expect(y.allSatisfy { $0 >= -1e-9 })
        for edge in edges { #expect(y[edge.u] + y[left + edge.v] >= Double(edge.weight) - 1e-6) }
    }

    /// Many equal columns make every pivot degenerate: Bland's rule still ends.
    @Test func degenerateCasesEnd() {
        var lp = PackingSimplex(rhs: [1, 1, 1, 1, 2])
        for a in 0..<4 { for b in (a + 1)..<4 { lp.addColumn(rows: [a, b, 4], cost: 1) } }
        let solved = lp.solve()
        #expect(solved)
        #expect(abs(lp.objective - 2) < 1e-9)
    }
}
