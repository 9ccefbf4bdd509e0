/// The LP dual of a capacitated assignment: u(i) ≥ 0 per row, v(j) ≥ 0 per
/// column, and for each edge z(i, j) ≥ 0 (the dual of "each edge at most
/// once"), with u(i) + v(j) + z(i, j) ≥ w(i, j). Every assignment within the
/// capacities then weighs at most Σ rowCapacity(i)·u(i) + Σ capacity(j)·v(j)
/// + Σ z; an assignment reaching it is optimal. Here z is implied: it is
/// w − u − v on assigned edges (where u + v may fall short of w when rows take
/// several columns) and 0 elsewhere. With `weightShift` s, the weights proved are w + s.
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
        case overRowCapacity(row: Int)
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
            case .overRowCapacity(let i): return "row \(i) takes more columns than its capacity"
            case .wrongSize: return "the duals do not match the graph"
            case .negativeDual: return "a dual is negative"
            case .edgeNotCovered(let i, let j, let slack): return "edge \(i)–\(j) is not covered (slack \(slack))"
            case .assignedEdgeNotTight(let i, let j, let slack):
                return "assigned edge \(i)–\(j) is overcovered (slack \(slack))"
            case .unassignedRowWithDual(let i): return "row \(i) has room left and a positive dual"
            case .columnWithRoomAndDual(let j): return "column \(j) has room left and a positive dual"
            case .boundNotReached(let primal, let dual):
                return "the assignment (\(primal)) does not reach the dual bound \(dual)"
            }
        }
    }

    /// Everything wrong with this certificate as a proof that `columns` is a
    /// maximum-weight assignment of `graph` within `capacities`; empty when it holds.
    public func violations(_ columns: [Int?], in graph: BipartiteGraph, capacities: [Int]) -> [Violation] {
        violations(
            columns.map { $0.map { [$0] } ?? [] }, in: graph, capacities: capacities,
            rowCapacities: [Int](repeating: 1, count: columns.count))
    }

    /// The same for rows that take several columns.
    public func violations(_ assignments: [[Int]], in graph: BipartiteGraph, capacities: [Int], rowCapacities: [Int])
        -> [Violation]
    {
        guard rowDuals.count == graph.leftCount, columnDuals.count == graph.rightCount,
            assignments.count == graph.leftCount, capacities.count == graph.rightCount,
            rowCapacities.count == graph.leftCount
        else { return [.wrongSize] }
        let chosen = Set(
            assignments.enumerated().flatMap { row, columns in columns.map { UInt64(row) << 32 | UInt64($0) } })
        guard rowDuals.allSatisfy({ $0 >= 0 }), columnDuals.allSatisfy({ $0 >= 0 }) else { return [.negativeDual] }
        var load = [Int](repeating: 0, count: graph.rightCount)
        var problems: [Violation] = []
        var assignedSeen = 0
        var primal: Int64 = 0
        var edgeDuals: Int64 = 0
        for edge in graph.edges {
            let slack = rowDuals[edge.u] + columnDuals[edge.v] - (edge.weight + weightShift)
            if chosen.contains(UInt64(edge.u) << 32 | UInt64(edge.v)) {
                assignedSeen += 1
                load[edge.v] += 1
                primal += edge.weight + weightShift
                if slack > 0 {
                    problems.append(.assignedEdgeNotTight(row: edge.u, column: edge.v, slack: slack))
                } else {
                    edgeDuals -= slack
                }
            } else if slack < 0 {
                problems.append(.edgeNotCovered(row: edge.u, column: edge.v, slack: slack))
            }
        }
        if assignedSeen != assignments.reduce(0, { $0 + $1.count }) || chosen.count != assignedSeen {
            return [.notAnAssignment]
        }
        for j in 0..<graph.rightCount where load[j] > capacities[j] { problems.append(.overCapacity(column: j)) }
        for i in 0..<graph.leftCount where assignments[i].count > rowCapacities[i] {
            problems.append(.overRowCapacity(row: i))
        }
        for i in 0..<graph.leftCount where assignments[i].count < rowCapacities[i] && rowDuals[i] != 0 {
            problems.append(.unassignedRowWithDual(row: i))
        }
        for j in 0..<graph.rightCount where load[j] < capacities[j] && columnDuals[j] != 0 {
            problems.append(.columnWithRoomAndDual(column: j))
        }
        let bound =
            zip(rowDuals, rowCapacities).reduce(0) { $0 + $1.0 * Int64($1.1) }
            + zip(columnDuals, capacities).reduce(0) { $0 + $1.0 * Int64($1.1) } + edgeDuals
        if primal != bound { problems.append(.boundNotReached(primal: primal, dual: bound)) }
        return problems
    }
}
