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
/// from y(v) = half the heaviest weight at v and the edges that are then tight.
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
/// on every run: the result depends only on the graph (edges are canonical),
/// and events that happen at the same time are taken in index order.
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
    }

    /// - Parameters:
    ///   - maximumCardinality: pair as many vertices as possible first.
    ///   - shouldStop: polled now and then; when it returns true the solver stops.
    /// - Throws: `MatchingError.cancelled` when stopped, `.weightsTooLarge`
    ///   when the weights could overflow 64-bit arithmetic.
    public static func solve(
        _ graph: WeightedGraph, maximumCardinality: Bool = false, shouldStop: () -> Bool = { false }
    ) throws(MatchingError) -> Result {
        let n = graph.vertexCount
        let shift = try WeightShift.amount(for: graph.edges, pairsAtMost: n / 2, maximumCardinality: maximumCardinality)
        let edges = maximumCardinality ? graph.edges : graph.edges.filter { $0.weight > 0 }
        var solver = BlossomSolver(vertexCount: n, edges: edges, shift: shift)
        guard solver.run(shouldStop: shouldStop) else { throw MatchingError.cancelled }

        var mate = [Int?](repeating: nil, count: n)
        for v in 0..<n where solver.mate[v] >= 0 { mate[v] = Int(solver.endpoint[Int(solver.mate[v])]) }
        var blossoms: [DualCertificate.Blossom] = []
        for b in n..<(2 * n) where solver.blossomBase[b] >= 0 && solver.zBase[b] > 0 {
            blossoms.append(DualCertificate.Blossom(vertices: solver.leaves(of: b).sorted(), dual: solver.zBase[b]))
        }
        let matching = Matching(mate: mate)
        let certificate = DualCertificate(vertexDuals: solver.dualBase, blossoms: blossoms, weightShift: shift)
        return Result(matching: matching, weight: matching.totalWeight(in: graph), certificate: certificate)
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
