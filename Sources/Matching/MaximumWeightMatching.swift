/// Maximum-weight matching on a general graph, exact, with a proof.
///
/// Among all sets of edges no two of which share a vertex, finds one of
/// largest total weight: the best possible pairing when every edge weight says
/// how much a pair would gain from meeting. With `maximumCardinality`, it
/// first pairs as many vertices as possible, and among those pairings takes
/// the heaviest — everyone is paired whenever the graph allows it.
///
/// The algorithm is Edmonds' blossom algorithm with dual variables
/// (J. Edmonds, *Maximum matching and a polyhedron with 0,1-vertices*, 1965),
/// in the primal–dual form of Z. Galil (*Efficient algorithms for finding
/// maximum matching in graphs*, ACM Computing Surveys 18, 1986) with
/// alternating trees grown from every free vertex at once, kept across
/// augmentations, lazy dual updates and event heaps as in H. N. Gabow's
/// O(nm log n) implementation and LEMON's `MaxWeightedMatching`. It starts
/// from y(v) = half the heaviest weight at v, then lowers each free vertex's
/// dual in turn as far as its edges allow and pairs it along an edge that is
/// then tight with another free vertex (the greedy start of V. Kolmogorov's
/// Blossom V, *Math. Prog. Comp.* 1, 2009, turned to maximum weight).
///
/// - Complexity: O(n·m·log n) time in the worst case, O(n + m) memory; on
///   random and similarity graphs most augmentations touch only small trees.
///
/// Every answer comes with its `DualCertificate`: vertex and blossom duals
/// that satisfy complementary slackness with the matching, which proves that
/// no heavier matching exists. `DualCertificate.violations(_:of:in:)` checks it.
///
/// Weights are integers; edges of weight zero or less never help and are left
/// out unless `maximumCardinality` is set (then every edge counts, as pairing
/// comes first). Ties between equally heavy matchings are broken the same way
/// on every run: the result depends only on the graph (edges are canonical)
/// and on the previous solution started from, if any, and events that
/// happen at the same time are taken in index order.
///
/// ```swift
/// let graph = try WeightedGraph(vertexCount: 4, edges: [
///     WeightedEdge(0, 1, 5), WeightedEdge(1, 2, 11), WeightedEdge(2, 3, 5),
/// ])
/// let result = try MaximumWeightMatching.solve(graph)
/// // result.matching.pairs == [(1, 2)], result.weight == 11
/// let everyone = try MaximumWeightMatching.solve(graph, maximumCardinality: true)
/// // everyone.matching.pairs == [(0, 1), (2, 3)], everyone.weight == 10
/// ```
public enum MaximumWeightMatching {
    public struct Result: Sendable {
        public let matching: Matching
        /// The total weight of the matching (of the original weights).
        public let weight: Int64
        public let certificate: DualCertificate
        /// The solver's state at the end, to go on from when edges are added.
        let structure: BlossomSolver.Structure?
    }

    /// - Parameters:
    ///   - maximumCardinality: pair as many vertices as possible first.
    ///   - shouldStop: polled now and then; when it returns true the solver stops.
    /// - Throws: `MatchingError.cancelled` when stopped, `.weightsTooLarge`
    ///   when the weights could overflow 64-bit arithmetic.
    ///   - previous: a solution of the same vertices on fewer edges (or other
    ///     weights), to start from. When the graph holds all its edges, with
    ///     the same weights and shift, the solve goes
    ///     on from its duals, pairs and blossoms, repairing only around the
    ///     added edges it leaves uncovered (`BlossomSolver.resume`); otherwise
    ///     its duals, with each blossom's spread over its vertices, are raised
    ///     where an edge is not covered, and its pairs that are still tight
    ///     are kept. The optimum is the same as from nothing; the work is that
    ///     of repairing what changed.
    public static func solve(
        _ graph: WeightedGraph, maximumCardinality: Bool = false, from previous: Result? = nil,
        shouldStop: () -> Bool = { false }
    ) throws(MatchingError) -> Result {
        let n = graph.vertexCount
        let shift = try WeightShift.amount(for: graph.edges, pairsAtMost: n / 2, maximumCardinality: maximumCardinality)
        let edges = maximumCardinality ? graph.edges : graph.edges.filter { $0.weight > 0 }
        // The start is made once it is known whether the previous solve can be gone on from.
        var solver = BlossomSolver(vertexCount: n, edges: edges, shift: shift, begins: false)
        if let structure = previous?.structure, let place = solver.place(of: structure, shift: shift) {
            solver.resume(structure, place: place)
        } else {
            solver.begin(from: previous.map { warmStart(from: $0, shift: shift) })
        }
        guard solver.run(shouldStop: shouldStop) else { throw MatchingError.cancelled }

        var mate = [Int?](repeating: nil, count: n)
        for v in 0..<n where solver.mate[v] >= 0 { mate[v] = Int(solver.endpoint[Int(solver.mate[v])]) }
        var blossoms: [DualCertificate.Blossom] = []
        for b in n..<(2 * n) where solver.blossomBase[b] >= 0 && solver.zBase[b] > 0 {
            if b & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
            blossoms.append(DualCertificate.Blossom(vertices: solver.leaves(of: b).sorted(), dual: solver.zBase[b]))
        }
        let matching = Matching(mate: mate)
        let certificate = DualCertificate(vertexDuals: solver.dualBase, blossoms: blossoms, weightShift: shift)
        return Result(
            matching: matching, weight: matching.totalWeight(in: graph), certificate: certificate,
            structure: solver.structure(shift: shift))
    }
}

extension MaximumWeightMatching {
    /// A previous result as a starting point for weights shifted by `shift`:
    /// each blossom's dual shared by its vertices (which covers every edge it
    /// covered), the change of shift added to every vertex.
    static func warmStart(from previous: Result, shift: Int64) -> BlossomSolver.Start {
        let certificate = previous.certificate
        var duals = certificate.vertexDuals
        for blossom in certificate.blossoms {
            for v in blossom.vertices where v < duals.count { duals[v] += (blossom.dual + 1) / 2 }
        }
        let change = 2 * (shift - certificate.weightShift)
        if change != 0 { duals = duals.map { $0 + change } }
        return BlossomSolver.Start(duals: duals, mate: previous.matching.mate)
    }
}

public enum MatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    case cancelled
    case weightsTooLarge

    public var description: String {
        switch self {
        case .cancelled: return "the computation was cancelled"
        case .weightsTooLarge: return "the weights are too large for exact 64-bit arithmetic"
        }
    }
}
