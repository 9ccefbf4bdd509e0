/// The LP dual of a capacitated assignment: u(i) ≥ 0 per row, v(j) ≥ 0 per
/// column, u(i) + v(j) ≥ w(i, j) on every edge. Every assignment within the
/// capacities then weighs at most Σ u + Σ capacity(j)·v(j); an assignment
/// reaching it is optimal. With `weightShift` s, the weights proved are w + s.
public struct AssignmentCertificate: Sendable, Equatable {
    public let rowDuals: [Int64]
    public let columnDuals: [Int64]
    public let weightShift: Int64

    public init(rowDuals: [Int64], columnDuals: [Int64], weightShift: Int64 = 0) {
        self.rowDuals = rowDuals
        self.columnDuals = columnDuals
        self.weightShift = weightShift
    }

    public enum Violation: Equatable, Sendable, CustomStringConvertible {
        case notAnAssignment
        case overCapacity(column: Int)
        case wrongSize
        case negativeDual
        case edgeNotCovered(row: Int, column: Int, slack: Int64)
        case assignedEdgeNotTight(row: Int, column: Int, slack: Int64)
        case unassignedRowWithDual(row: Int)
        case columnWithRoomAndDual(column: Int)
        case boundNotReached(primal: Int64, dual: Int64)

        public var description: String {
            switch self {
            case .notAnAssignment: return "a row is assigned along a pair that is not an edge"
            case .overCapacity(let j): return "column \(j) holds more rows than its capacity"
            case .wrongSize: return "the duals do not match the graph"
            case .negativeDual: return "a dual is negative"
            case .edgeNotCovered(let i, let j, let slack): return "edge \(i)–\(j) is not covered (slack \(slack))"
            case .assignedEdgeNotTight(let i, let j, let slack): return "assigned edge \(i)–\(j) is not tight (slack \(slack))"
            case .unassignedRowWithDual(let i): return "unassigned row \(i) has a positive dual"
            case .columnWithRoomAndDual(let j): return "column \(j) has room left and a positive dual"
            case .boundNotReached(let primal, let dual): return "the assignment (\(primal)) does not reach the dual bound \(dual)"
            }
        }
    }

    /// Everything wrong with this certificate as a proof that `columns` is a
    /// maximum-weight assignment of `graph` within `capacities`; empty when it holds.
    public func violations(_ columns: [Int?], in graph: BipartiteGraph, capacities: [Int]) -> [Violation] {
        guard rowDuals.count == graph.leftCount, columnDuals.count == graph.rightCount,
              columns.count == graph.leftCount, capacities.count == graph.rightCount else { return [.wrongSize] }
        guard rowDuals.allSatisfy({ $0 >= 0 }), columnDuals.allSatisfy({ $0 >= 0 }) else { return [.negativeDual] }
        var load = [Int](repeating: 0, count: graph.rightCount)
        var problems: [Violation] = []
        var assignedSeen = 0
        var primal: Int64 = 0
        for edge in graph.edges {
            let slack = rowDuals[edge.u] + columnDuals[edge.v] - (edge.weight + weightShift)
            if columns[edge.u] == edge.v {
                assignedSeen += 1
                load[edge.v] += 1
                primal += edge.weight + weightShift
                if slack != 0 { problems.append(.assignedEdgeNotTight(row: edge.u, column: edge.v, slack: slack)) }
            } else if slack < 0 {
                problems.append(.edgeNotCovered(row: edge.u, column: edge.v, slack: slack))
            }
        }
        if assignedSeen != columns.compactMap({ $0 }).count { return [.notAnAssignment] }
        for j in 0..<graph.rightCount where load[j] > capacities[j] { problems.append(.overCapacity(column: j)) }
        for i in 0..<graph.leftCount where columns[i] == nil && rowDuals[i] != 0 { problems.append(.unassignedRowWithDual(row: i)) }
        for j in 0..<graph.rightCount where load[j] < capacities[j] && columnDuals[j] != 0 {
            problems.append(.columnWithRoomAndDual(column: j))
        }
        let bound = rowDuals.reduce(0, +) + zip(columnDuals, capacities).reduce(0) { $0 + $1.0 * Int64($1.1) }
        if primal != bound { problems.append(.boundNotReached(primal: primal, dual: bound)) }
        return problems
    }
}
