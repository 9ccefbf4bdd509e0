/// Maximum-weight assignment with capacities, exact, with a proof.
///
/// Rows (mentees) are assigned to columns (mentors): each row to at most one
/// column, column j to at most `capacities[j]` rows, only along edges of the
/// graph, for the largest total weight. Optimal for the community as a whole:
/// no other assignment within the capacities gains more. With
/// `maximumCardinality`, as many rows as possible are assigned first, and the
/// heaviest such assignment is taken.
///
/// The method is the Hungarian method (H. W. Kuhn, *The Hungarian method for
/// the assignment problem*, 1955) in its primal–dual form: shortest
/// augmenting paths under dual potentials (as in Jonker and Volgenant, 1987),
/// grown from each unassigned row in turn, with lazy dual updates and event
/// heaps; a column with capacity c is a vertex that takes c partners. It
/// starts from an auction among the rows (Jonker and Volgenant's augmenting
/// row reduction, a full column of any capacity raising its price as far as
/// its holders' margins allow: D. P. Bertsekas, *The auction algorithm*,
/// 1988), which assigns most rows before any tree is grown.
///
/// - Complexity: O(n·m·log n) time in the worst case for n rows and columns
///   and m edges; O(n + m) memory.
///
/// The `AssignmentCertificate` holds duals u ≥ 0, v ≥ 0 with u(i) + v(j) ≥ w
/// on every unassigned edge, u(i) + v(j) ≤ w on assigned ones (equality when
/// rows take one column; otherwise the difference is the dual of that edge's
/// "at most once"), u(i) > 0 only for full rows and v(j) > 0 only for full
/// columns: by LP duality no assignment is heavier.
/// Edges of weight zero or less are left out unless `maximumCardinality` is set.
/// Ties are broken the same way on every run (events in index order).
///
/// ```swift
/// // Two mentees, one mentor who can take both, one who can take one.
/// let graph = try BipartiteGraph(leftCount: 2, rightCount: 2, edges: [
///     WeightedEdge(0, 0, 5), WeightedEdge(1, 0, 4), WeightedEdge(1, 1, 1),
/// ])
/// let result = try CapacitatedAssignment.solve(graph, capacities: [2, 1])
/// // result.columns == [0, 0], result.weight == 9
/// ```
public enum CapacitatedAssignment {
    public struct Result: Sendable {
        /// For each row, its columns, sorted (at most its capacity).
        public let assignments: [[Int]]
        public let weight: Int64
        public let certificate: AssignmentCertificate
        /// The solver's duals and pairs at the end, to go on from when edges are added.
        let state: AssignmentSolver.State?

        /// For each row, its first column, or nil: the assignment when rows take one column.
        public var columns: [Int?] { assignments.map(\.first) }
    }

    /// - Parameters:
    ///   - capacities: how many rows each column takes.
    ///   - rowCapacities: how many columns each row takes; one each when nil.
    ///   - previous: a solution of the same rows and columns, capacities and
    ///     shift on fewer edges (the same weights), to go on from: its duals and
    ///     pairs are kept, and only what the added edges upset is repaired
    ///     (`AssignmentSolver.resume`). Otherwise, or when it does not fit, the
    ///     solve starts from nothing. The optimum is the same either way.
    public static func solve(
        _ graph: BipartiteGraph, capacities: [Int], rowCapacities: [Int]? = nil, maximumCardinality: Bool = false,
        from previous: Result? = nil, shouldStop: () -> Bool = { false }
    ) throws(MatchingError) -> Result {
        let rowCapacities = rowCapacities ?? [Int](repeating: 1, count: graph.leftCount)
        precondition(capacities.count == graph.rightCount, "one capacity per column")
        precondition(rowCapacities.count == graph.leftCount, "one capacity per row")
        precondition(
            capacities.allSatisfy { $0 >= 0 } && rowCapacities.allSatisfy { $0 >= 0 }, "capacities are not negative")
        let shift = try WeightShift.amount(
            for: graph.edges, pairsAtMost: min(graph.edges.count, rowCapacities.reduce(0, +)),
            maximumCardinality: maximumCardinality)
        var solver = AssignmentSolver(
            graph: graph, rowCapacity: rowCapacities, capacity: capacities, shift: shift,
            keepsNonPositive: maximumCardinality, starts: false)
        let resumed = previous?.state.map { solver.resume($0, shift: shift, keepsNonPositive: maximumCardinality) }
        if resumed != true { solver.reduceRows() }
        guard solver.run(shouldStop: shouldStop), solver.settleColumns(shouldStop: shouldStop) else {
            throw MatchingError.cancelled
        }
        var assignments = [[Int]](repeating: [], count: graph.leftCount)
        var weight: Int64 = 0
        for k in solver.isAssigned.indices where solver.isAssigned[k] {
            assignments[Int(solver.edgeRow[k])].append(Int(solver.edgeColumn[k]))
            weight += solver.weight[k] - shift
        }
        // Rows and columns of capacity zero were left out; their duals cost
        // nothing in the bound, so they can be as large as their edges need.
        var rowDuals = solver.rowDualBase
        var columnDuals = solver.columnDualBase
        for edge in graph.edges where rowCapacities[edge.u] == 0 {
            rowDuals[edge.u] = max(rowDuals[edge.u], edge.weight + shift - columnDuals[edge.v])
        }
        for edge in graph.edges where capacities[edge.v] == 0 {
            columnDuals[edge.v] = max(columnDuals[edge.v], edge.weight + shift - rowDuals[edge.u])
        }
        let certificate = AssignmentCertificate(rowDuals: rowDuals, columnDuals: columnDuals, weightShift: shift)
        return Result(
            assignments: assignments.map { $0.sorted() }, weight: weight, certificate: certificate,
            state: solver.state(shift: shift, keepsNonPositive: maximumCardinality))
    }
}
