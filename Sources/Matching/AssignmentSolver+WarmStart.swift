/// Going on from a finished assignment when edges are added.
///
/// The previous duals stay feasible on the old edges; an added edge they do
/// not cover raises its row's dual, which leaves that row's assigned edges
/// loose: they are given up. The row then has room and a positive dual, as
/// every row has before its turn, and the usual trees grow from it. A column
/// that lost a row keeps its price, which only a full column may have: once
/// the rows are settled, such columns are settled the same way from the
/// other side — the problem turned around (columns as rows), whose trees
/// lower a column's price until it takes a row with room again or its price
/// is zero. The optimum is the same as from nothing; the work is that of
/// repairing around the added edges.
extension AssignmentSolver {
    /// What a finished solve leaves: its duals and its assigned pairs with
    /// their weights (shift included), for the same rows, columns and shift.
    struct State: Sendable {
        let rowCapacity: [Int]
        let capacity: [Int]
        let shift: Int64
        let keepsNonPositive: Bool
        let rowDuals: [Int64]
        let columnDuals: [Int64]
        let assigned: [(row: Int32, column: Int32, weight: Int64)]
    }

    func state(shift: Int64, keepsNonPositive: Bool) -> State {
        State(
            rowCapacity: rowCapacity, capacity: capacity, shift: shift, keepsNonPositive: keepsNonPositive,
            rowDuals: rowDualBase, columnDuals: columnDualBase,
            assigned: isAssigned.indices.filter { isAssigned[$0] }.map { (edgeRow[$0], edgeColumn[$0], weight[$0]) })
    }

    /// The edge joining row i and column j, if there is one.
    func edge(_ i: Int, _ j: Int) -> Int? {
        var low = rowStart[i]
        var high = rowStart[i + 1]
        while low < high {
            let middle = (low + high) / 2
            if Int(edgeColumn[middle]) < j { low = middle + 1 } else { high = middle }
        }
        return low < rowStart[i + 1] && Int(edgeColumn[low]) == j ? low : nil
    }

    /// Starts from `state` if this solver has its rows, columns, capacities
    /// and shift, and every pair it assigned with the same weight; returns
    /// whether it did (if not, nothing was changed).
    mutating func resume(_ state: State, shift: Int64, keepsNonPositive: Bool) -> Bool {
        guard state.shift == shift, state.keepsNonPositive == keepsNonPositive, state.rowCapacity == rowCapacity,
            state.capacity == capacity
        else { return false }
        var edges: [Int] = []
        for pair in state.assigned {
            guard let k = edge(Int(pair.row), Int(pair.column)), weight[k] == pair.weight else { return false }
            edges.append(k)
        }
        rowDualBase = state.rowDuals
        columnDualBase = state.columnDuals
        for k in edges { assign(k) }
        // An edge the duals leave uncovered raises its row; the row's assigned edges that are then loose go.
        for i in 0..<rowCount {
            var raise: Int64 = 0
            for k in rowStart[i]..<rowStart[i + 1] {
                raise = max(raise, weight[k] - rowDualBase[i] - columnDualBase[Int(edgeColumn[k])])
            }
            guard raise > 0 else { continue }
            rowDualBase[i] += raise
            for k in rowStart[i]..<rowStart[i + 1] where isAssigned[k] && slack(k) > 0 { unassign(k) }
        }
        return true
    }

    /// Columns with room that keep a price: after the rows are settled, the
    /// problem turned around settles them (its rows are these columns), and
    /// its answer is brought back. Returns false when `shouldStop` asked to stop.
    mutating func settleColumns(shouldStop: () -> Bool) -> Bool {
        guard (0..<columnCount).contains(where: { load[$0] < capacity[$0] && columnDualBase[$0] > 0 }) else {
            return true
        }
        // Edge k' of the turned problem is edge columnEdges[k'] here (by column, then row).
        let order = columnEdges.map(Int.init)
        var turned = AssignmentSolver(
            rowCount: columnCount, columnCount: rowCount, rowCapacity: capacity, capacity: rowCapacity,
            edges: order.map { (Int(edgeColumn[$0]), Int(edgeRow[$0]), weight[$0]) })
        turned.rowDualBase = columnDualBase
        turned.columnDualBase = rowDualBase
        for (turnedEdge, k) in order.enumerated() where isAssigned[k] { turned.assign(turnedEdge) }
        guard turned.run(shouldStop: shouldStop) else { return false }
        rowDualBase = turned.columnDualBase
        columnDualBase = turned.rowDualBase
        for (turnedEdge, k) in order.enumerated() where turned.isAssigned[turnedEdge] != isAssigned[k] {
            if turned.isAssigned[turnedEdge] { assign(k) } else { unassign(k) }
        }
        return true
    }
}
