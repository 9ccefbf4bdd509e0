import Testing

@testable import Matching

struct DualCertificateTests {
    let triangle = try! WeightedGraph(
        vertexCount: 4,
        edges: [
            WeightedEdge(0, 1, 6), WeightedEdge(1, 2, 6), WeightedEdge(0, 2, 6), WeightedEdge(2, 3, 2),
        ])

    @Test func aHandMadeProofPasses() {
        // y = (2, 2, 2, 0) and z = 2 on the triangle: every edge covered, the
        // matched ones tight, the triangle holds one matched edge; the bound
        // Σy + z = 8 is the weight of {0–1, 2–3}. Stored ×4.
        let proof = DualCertificate(
            vertexDuals: [8, 8, 8, 0], blossoms: [DualCertificate.Blossom(vertices: [0, 1, 2], dual: 8)])
        let best = Matching(vertexCount: 4, pairs: [(0, 1), (2, 3)])!
        #expect(proof.violations(best, in: triangle).isEmpty)
    }

    @Test func withoutTheBlossomTheSameMatchingIsNotProved() {
        // y = 3 on the triangle covers it without a blossom, but the bound is then 9 + 0 > 8.
        let loose = DualCertificate(vertexDuals: [12, 12, 12, 0], blossoms: [])
        let best = Matching(vertexCount: 4, pairs: [(0, 1), (2, 3)])!
        #expect(
            loose.violations(best, in: triangle) == [
                .matchedEdgeNotTight(u: 2, v: 3, slack: 4), .boundNotReached(primal: 32, dual: 36),
            ])
    }

    @Test func theSolverProofOfTheTriangleHolds() throws {
        let result = try MaximumWeightMatching.solve(triangle)
        #expect(result.weight == 8)
        #expect(result.certificate.violations(result.matching, in: triangle).isEmpty)
    }

    @Test func catchesEachKindOfFlaw() throws {
        let result = try MaximumWeightMatching.solve(triangle)
        let matching = result.matching
        var duals = result.certificate.vertexDuals

        // A worse matching cannot be proved optimal by the same duals.
        let worse = Matching(vertexCount: 4, pairs: [(0, 1)])!
        #expect(!result.certificate.violations(worse, in: triangle).isEmpty)

        // Lowering a dual uncovers an edge.
        duals[0] -= 4
        let lowered = DualCertificate(vertexDuals: duals, blossoms: result.certificate.blossoms)
        #expect(
            lowered.violations(matching, in: triangle).contains {
                if case .edgeNotCovered = $0 { return true }
                if case .matchedEdgeNotTight = $0 { return true }
                return false
            })

        // Not a matching at all.
        let broken = Matching(mate: [1, 0, 1, nil])
        #expect(result.certificate.violations(broken, in: triangle) == [.notAMatching])

        // Even blossoms and negative duals are refused.
        let even = DualCertificate(
            vertexDuals: result.certificate.vertexDuals, blossoms: [DualCertificate.Blossom(vertices: [0, 1], dual: 4)])
        #expect(even.violations(matching, in: triangle) == [.invalidBlossom(index: 0)])
        let negative = DualCertificate(vertexDuals: [-1, 0, 0, 0], blossoms: [])
        #expect(negative.violations(matching, in: triangle).contains(.negativeVertexDual(vertex: 0)))

        // Crossing blossoms are not a laminar family.
        let graph = try WeightedGraph(vertexCount: 5, edges: [WeightedEdge(0, 1, 1)])
        let crossing = DualCertificate(
            vertexDuals: [0, 0, 0, 0, 0],
            blossoms: [
                DualCertificate.Blossom(vertices: [0, 1, 2], dual: 0),
                DualCertificate.Blossom(vertices: [2, 3, 4], dual: 0),
            ])
        #expect(crossing.violations(Matching(vertexCount: 5, pairs: [])!, in: graph) == [.blossomsNotNested])
    }
}
