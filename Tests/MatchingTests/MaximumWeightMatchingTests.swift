import Testing

@testable import Matching

struct MaximumWeightMatchingTests {
    /// Solves, checks the certificate, returns the sorted pairs.
    func solve(_ graph: WeightedGraph, maximumCardinality: Bool = false) throws -> MaximumWeightMatching.Result {
        let result = try MaximumWeightMatching.solve(graph, maximumCardinality: maximumCardinality)
        #expect(
            result.certificate.violations(result.matching, in: graph).isEmpty,
            "certificate: \(result.certificate.violations(result.matching, in: graph))")
        #expect(result.weight == result.matching.totalWeight(in: graph))
        return result
    }

    struct Named: CustomTestStringConvertible, Sendable {
        let name: String
        let edges: [(Int, Int, Int64)]
        let pairs: [[Int]]
        var maximumCardinality = false
        var testDescription: String { name }
    }

    /// Small graphs whose optimum forces each kind of blossom step: forming
    /// outer blossoms, nesting them, relabelling, expanding inner blossoms
    /// (including the awkward cases where the expansion path is not the least
    /// slack one), and augmenting through nested blossoms.
    static let named: [Named] = [
        Named(name: "single edge", edges: [(0, 1, 1)], pairs: [[0, 1]]),
        Named(name: "two edges", edges: [(1, 2, 10), (2, 3, 11)], pairs: [[2, 3]]),
        Named(name: "path of three", edges: [(1, 2, 5), (2, 3, 11), (3, 4, 5)], pairs: [[2, 3]]),
        Named(
            name: "path of three, everyone", edges: [(1, 2, 5), (2, 3, 11), (3, 4, 5)], pairs: [[1, 2], [3, 4]],
            maximumCardinality: true),
        Named(
            name: "negative weights are never taken",
            edges: [(1, 2, 2), (1, 3, -2), (2, 3, 1), (2, 4, -1), (3, 4, -6)], pairs: [[1, 2]]),
        Named(
            name: "negative weights, everyone", edges: [(1, 2, 2), (1, 3, -2), (2, 3, 1), (2, 4, -1), (3, 4, -6)],
            pairs: [[1, 3], [2, 4]], maximumCardinality: true),
        Named(name: "outer blossom", edges: [(1, 2, 8), (1, 3, 9), (2, 3, 10), (3, 4, 7)], pairs: [[1, 2], [3, 4]]),
        Named(
            name: "outer blossom then augment",
            edges: [(1, 2, 8), (1, 3, 9), (2, 3, 10), (3, 4, 7), (1, 6, 5), (4, 5, 6)],
            pairs: [[1, 6], [2, 3], [4, 5]]),
        Named(
            name: "inner blossom", edges: [(1, 2, 9), (1, 3, 8), (2, 3, 10), (1, 4, 5), (4, 5, 4), (1, 6, 3)],
            pairs: [[1, 6], [2, 3], [4, 5]]),
        Named(
            name: "inner blossom, variant", edges: [(1, 2, 9), (1, 3, 8), (2, 3, 10), (1, 4, 5), (4, 5, 3), (1, 6, 4)],
            pairs: [[1, 6], [2, 3], [4, 5]]),
        Named(
            name: "inner blossom, expanded",
            edges: [(1, 2, 9), (1, 3, 8), (2, 3, 10), (1, 4, 5), (4, 5, 3), (3, 6, 4)],
            pairs: [[1, 2], [3, 6], [4, 5]]),
        Named(
            name: "nested outer blossoms",
            edges: [(1, 2, 9), (1, 3, 9), (2, 3, 10), (2, 4, 8), (3, 5, 8), (4, 5, 10), (5, 6, 6)],
            pairs: [[1, 3], [2, 4], [5, 6]]),
        Named(
            name: "nested outer blossoms, relabelled",
            edges: [
                (1, 2, 10), (1, 7, 10), (2, 3, 12), (3, 4, 20), (3, 5, 20), (4, 5, 25), (5, 6, 10), (6, 7, 10),
                (7, 8, 8),
            ], pairs: [[1, 2], [3, 4], [5, 6], [7, 8]]),
        Named(
            name: "nested outer blossoms, expanded",
            edges: [
                (1, 2, 8), (1, 3, 8), (2, 3, 10), (2, 4, 12), (3, 5, 12), (4, 5, 14), (4, 6, 12), (5, 7, 12),
                (6, 7, 14), (7, 8, 12),
            ], pairs: [[1, 2], [3, 5], [4, 6], [7, 8]]),
        Named(
            name: "outer blossom made inner and expanded",
            edges: [(1, 2, 23), (1, 5, 22), (1, 6, 15), (2, 3, 25), (3, 4, 22), (4, 5, 25), (4, 8, 14), (5, 7, 13)],
            pairs: [[1, 6], [2, 3], [4, 8], [5, 7]]),
        Named(
            name: "nested outer blossom made inner and expanded",
            edges: [
                (1, 2, 19), (1, 3, 20), (1, 8, 8), (2, 3, 25), (2, 4, 18), (3, 5, 18), (4, 5, 13), (4, 7, 7), (5, 6, 7),
            ], pairs: [[1, 8], [2, 3], [4, 7], [5, 6]]),
        Named(
            name: "awkward inner expansion",
            edges: [
                (1, 2, 45), (1, 5, 45), (2, 3, 50), (3, 4, 45), (4, 5, 50), (1, 6, 30), (3, 9, 35), (4, 8, 35),
                (5, 7, 26), (9, 10, 5),
            ], pairs: [[1, 6], [2, 3], [4, 8], [5, 7], [9, 10]]),
        Named(
            name: "awkward inner expansion, variant",
            edges: [
                (1, 2, 45), (1, 5, 45), (2, 3, 50), (3, 4, 45), (4, 5, 50), (1, 6, 30), (3, 9, 35), (4, 8, 26),
                (5, 7, 40), (9, 10, 5),
            ], pairs: [[1, 6], [2, 3], [4, 8], [5, 7], [9, 10]]),
        Named(
            name: "inner expansion with least slack elsewhere",
            edges: [
                (1, 2, 45), (1, 5, 45), (2, 3, 50), (3, 4, 45), (4, 5, 50), (1, 6, 30), (3, 9, 35), (4, 8, 28),
                (5, 7, 26), (9, 10, 5),
            ], pairs: [[1, 6], [2, 3], [4, 8], [5, 7], [9, 10]]),
        Named(
            name: "nested awkward inner expansion",
            edges: [
                (1, 2, 45), (1, 7, 45), (2, 3, 50), (3, 4, 45), (4, 5, 95), (4, 6, 94), (5, 6, 94), (6, 7, 50),
                (1, 8, 30), (3, 11, 35), (5, 9, 36), (7, 10, 26), (11, 12, 5),
            ], pairs: [[1, 8], [2, 3], [4, 6], [5, 9], [7, 10], [11, 12]]),
        Named(
            name: "nested relabel and expansion",
            edges: [
                (1, 2, 40), (1, 3, 40), (2, 3, 60), (2, 4, 55), (3, 5, 55), (4, 5, 50), (1, 8, 15), (5, 7, 30),
                (7, 6, 10), (8, 10, 10), (4, 9, 30),
            ], pairs: [[1, 2], [3, 5], [4, 9], [6, 7], [8, 10]]),
        Named(
            name: "odd cycle of equal weights, ties by index",
            edges: [(0, 1, 3), (1, 2, 3), (2, 3, 3), (3, 4, 3), (4, 0, 3)], pairs: [[1, 2], [3, 4]]),
        Named(name: "star", edges: [(0, 1, 4), (0, 2, 7), (0, 3, 5), (0, 4, 6)], pairs: [[0, 2]]),
    ]

    @Test(arguments: named)
    func knownOptimum(_ example: Named) throws {
        let vertexCount = (example.edges.map { max($0.0, $0.1) }.max() ?? -1) + 1
        let graph = try WeightedGraph(
            vertexCount: vertexCount, edges: example.edges.map { WeightedEdge($0.0, $0.1, $0.2) })
        let result = try solve(graph, maximumCardinality: example.maximumCardinality)
        #expect(result.matching.pairs.map { [$0.0, $0.1] } == example.pairs)
        let reference = BruteForce.best(graph, maximumCardinality: example.maximumCardinality)
        #expect(result.weight == reference.weight)
    }

    @Test func emptyAndTinyGraphs() throws {
        for n in 0...3 {
            let result = try solve(try WeightedGraph(vertexCount: n, edges: []))
            #expect(result.matching.count == 0 && result.weight == 0)
        }
    }

    @Test func everyoneWhenAPerfectMatchingExists() throws {
        // The heaviest edges form a triangle; everyone can still be paired.
        let graph = try WeightedGraph(
            vertexCount: 6,
            edges: [
                WeightedEdge(0, 1, 100), WeightedEdge(1, 2, 100), WeightedEdge(0, 2, 100),
                WeightedEdge(2, 3, 1), WeightedEdge(3, 4, 100), WeightedEdge(4, 5, 1),
            ])
        let heaviest = try solve(graph)
        let everyone = try solve(graph, maximumCardinality: true)
        #expect(heaviest.weight == 200)
        #expect(everyone.matching.count == 3)
        #expect(everyone.weight == BruteForce.best(graph, maximumCardinality: true).weight)
    }

    struct RandomFamily: CustomTestStringConvertible, Sendable {
        let vertices: ClosedRange<Int>
        let density: Double
        let weights: ClosedRange<Int64>
        let cases: Int
        let seed: UInt64
        var testDescription: String { "n \(vertices), p \(density), w \(weights)" }
    }

    /// Thousands of seeded random graphs, each against exhaustive search, each certificate checked.
    @Test(arguments: [
        RandomFamily(vertices: 1...10, density: 0.5, weights: 1...10, cases: 1500, seed: 1),
        RandomFamily(vertices: 2...12, density: 0.35, weights: 1...100, cases: 1200, seed: 2),
        RandomFamily(vertices: 4...12, density: 0.9, weights: 1...3, cases: 600, seed: 3),
        RandomFamily(vertices: 6...13, density: 0.3, weights: 1...1_000_000, cases: 300, seed: 4),
        RandomFamily(vertices: 2...11, density: 0.6, weights: -5...20, cases: 600, seed: 5),
    ])
    func againstBruteForce(_ family: RandomFamily) throws {
        var rng = SeededGenerator(seed: family.seed)
        for _ in 0..<family.cases {
            let n = Int.random(in: family.vertices, using: &rng)
            let graph = RandomGraphs.general(vertices: n, density: family.density, weights: family.weights, using: &rng)
            for maximumCardinality in [false, true] {
                let result = try MaximumWeightMatching.solve(graph, maximumCardinality: maximumCardinality)
                let reference = BruteForce.best(graph, maximumCardinality: maximumCardinality)
                #expect(result.weight == reference.weight, "\(graph.edges) cardinality first: \(maximumCardinality)")
                if maximumCardinality { #expect(result.matching.count == reference.count) }
                let problems = result.certificate.violations(result.matching, in: graph)
                #expect(problems.isEmpty, "\(problems) on \(graph.edges)")
                if result.weight != reference.weight || !problems.isEmpty { return }
            }
        }
    }

    /// Larger graphs: no brute force, but the certificate proves each answer.
    @Test(arguments: [(100, 0.1, 1), (200, 0.05, 2), (300, 0.5, 3), (150, 0.9, 4)] as [(Int, Double, UInt64)])
    func largerGraphsProveThemselves(vertices: Int, density: Double, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for weights in [1...5, 1...1_000_000] as [ClosedRange<Int64>] {
            let graph = RandomGraphs.general(vertices: vertices, density: density, weights: weights, using: &rng)
            _ = try solve(graph)
            _ = try solve(graph, maximumCardinality: true)
        }
    }

    @Test func sameAnswerWhateverTheEdgeOrder() throws {
        var rng = SeededGenerator(seed: 9)
        let graph = RandomGraphs.general(vertices: 40, density: 0.3, weights: 1...3, using: &rng)
        let shuffled = try WeightedGraph(
            vertexCount: 40,
            edges: graph.edges.shuffled(using: &rng).map {
                Bool.random(using: &rng) ? WeightedEdge($0.v, $0.u, $0.weight) : $0
            })
        #expect(try solve(graph).matching == solve(shuffled).matching)
    }

    @Test func stopsWhenAsked() throws {
        var rng = SeededGenerator(seed: 11)
        let graph = RandomGraphs.general(vertices: 400, density: 0.5, weights: 1...1000, using: &rng)
        #expect(throws: MatchingError.cancelled) {
            try MaximumWeightMatching.solve(graph, shouldStop: { true })
        }
    }
}
