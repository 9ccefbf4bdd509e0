/// The Hungarian method behind `CapacitatedAssignment`.
///
/// Row i (a mentee) takes up to `rowCapacity[i]` columns (usually one),
/// column j (a mentor) up to `capacity[j]` rows, each edge at most once. Duals: `u[i]` for rows, `v[j]` for columns, with
/// `u[i] + v[j] ≥ w[i][j]` on every edge, equality on assigned edges, `v[j] > 0`
/// only for full columns. A start in the manner of Jonker and Volgenant
/// assigns most rows; then, for each row still unassigned, an alternating
/// tree grows from it: its rows' duals fall, the columns it reaches rise, a
/// full column brings in the rows it holds, until a tight edge reaches a
/// column with room (augment) or a row's dual reaches zero (that row may stay
/// unassigned). This is a shortest augmenting path search (Dijkstra on
/// reduced costs) with the duals kept lazily: rows and columns in the tree
/// remember when they joined, so one dual step costs nothing.
struct AssignmentSolver {
    let rowCount: Int
    let columnCount: Int
    let rowCapacity: [Int]
    let capacity: [Int]
    /// Edges in row order: edge k joins `edgeRow[k]` and `edgeColumn[k]`.
    let edgeRow: [Int32]
    let edgeColumn: [Int32]
    let weight: [Int64]
    let rowStart: [Int]
    /// Edges by column (CSR over edge indices).
    let columnStart: [Int]
    let columnEdges: [Int32]

    var isAssigned: [Bool]
    var rowLoad: [Int]
    var load: [Int]
    /// The assigned edges of each column, for bringing their rows into the tree.
    var holders: [[Int32]]

    var rowDualBase: [Int64]
    var columnDualBase: [Int64]
    /// Membership of the one tree being grown, and when each member joined.
    var rowInTree: [Bool]
    var columnInTree: [Bool]
    var rowTime: [Int64]
    var columnTime: [Int64]
    /// The edge through which a column of the tree was reached, and the
    /// assigned edge through which a row was (-1 for the root).
    var columnParent: [Int32]
    var rowParent: [Int32]
    var treeRows: [Int32] = []
    var treeColumns: [Int32] = []
    var now: Int64 = 0

    /// Rows of the tree by the time their dual reaches zero.
    var rowZero: IndexedMinHeap
    /// Columns outside the tree by the time their best edge from it becomes tight.
    var columnEdge: [Int32]
    var columnHeap: IndexedMinHeap
    /// Rows outside the tree holding a column of it through an edge that is
    /// not tight (a row with several columns lowered its dual in an earlier
    /// tree), by the time that edge becomes tight and brings them in.
    var entryEdge: [Int32]
    var rowEntry: IndexedMinHeap
    var steps = 0

    /// - Parameters:
    ///   - keepsNonPositive: keep edges of weight ≤ 0 (for pairing as many as possible).
    ///   - starts: begin with the row reduction (a solver about to `resume` does not).
    init(
        graph: BipartiteGraph, rowCapacity: [Int], capacity: [Int], shift: Int64, keepsNonPositive: Bool,
        starts: Bool = true
    ) {
        let kept = graph.edges.filter {
            (keepsNonPositive || $0.weight > 0) && rowCapacity[$0.u] > 0 && capacity[$0.v] > 0
        }
        self.init(
            rowCount: graph.leftCount, columnCount: graph.rightCount, rowCapacity: rowCapacity, capacity: capacity,
            edges: kept.map { ($0.u, $0.v, $0.weight + shift) })
        if starts { reduceRows() }
    }

    /// A solver over `edges` (row, column, weight with the shift), sorted by
    /// row then column, all kept, nothing assigned, every dual zero.
    init(rowCount: Int, columnCount: Int, rowCapacity: [Int], capacity: [Int], edges: [(Int, Int, Int64)]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowCapacity = rowCapacity
        self.capacity = capacity
        var edgeRow: [Int32] = []
        var edgeColumn: [Int32] = []
        var weight: [Int64] = []
        edgeRow.reserveCapacity(edges.count)
        edgeColumn.reserveCapacity(edges.count)
        weight.reserveCapacity(edges.count)
        var rowStart = [Int](repeating: 0, count: rowCount + 1)
        var columnStart = [Int](repeating: 0, count: columnCount + 1)
        for (row, column, value) in edges {
            edgeRow.append(Int32(row))
            edgeColumn.append(Int32(column))
            weight.append(value)
            rowStart[row + 1] += 1
            columnStart[column + 1] += 1
        }
        for i in 0..<rowCount { rowStart[i + 1] += rowStart[i] }
        for j in 0..<columnCount { columnStart[j + 1] += columnStart[j] }
        var fill = columnStart
        var columnEdges = [Int32](repeating: 0, count: edgeRow.count)
        for k in edgeColumn.indices {
            let j = Int(edgeColumn[k])
            columnEdges[fill[j]] = Int32(k)
            fill[j] += 1
        }
        self.edgeRow = edgeRow
        self.edgeColumn = edgeColumn
        self.weight = weight
        self.rowStart = rowStart
        self.columnStart = columnStart
        self.columnEdges = columnEdges

        isAssigned = [Bool](repeating: false, count: edgeRow.count)
        rowLoad = [Int](repeating: 0, count: rowCount)
        load = [Int](repeating: 0, count: columnCount)
        holders = [[Int32]](repeating: [], count: columnCount)
        rowDualBase = [Int64](repeating: 0, count: rowCount)
        columnDualBase = [Int64](repeating: 0, count: columnCount)
        rowInTree = [Bool](repeating: false, count: rowCount)
        columnInTree = [Bool](repeating: false, count: columnCount)
        rowTime = [Int64](repeating: 0, count: rowCount)
        columnTime = [Int64](repeating: 0, count: columnCount)
        columnParent = [Int32](repeating: -1, count: columnCount)
        rowParent = [Int32](repeating: -1, count: rowCount)
        rowZero = IndexedMinHeap(capacity: rowCount)
        columnEdge = [Int32](repeating: -1, count: columnCount)
        columnHeap = IndexedMinHeap(capacity: columnCount)
        entryEdge = [Int32](repeating: -1, count: rowCount)
        rowEntry = IndexedMinHeap(capacity: rowCount)
    }

    @inline(__always)
    func rowDual(_ i: Int) -> Int64 {
        rowInTree[i] ? rowDualBase[i] - (now - rowTime[i]) : rowDualBase[i]
    }

    @inline(__always)
    func columnDual(_ j: Int) -> Int64 {
        columnInTree[j] ? columnDualBase[j] + (now - columnTime[j]) : columnDualBase[j]
    }

    @inline(__always)
    func slack(_ k: Int) -> Int64 {
        rowDual(Int(edgeRow[k])) + columnDual(Int(edgeColumn[k])) - weight[k]
    }

    mutating func assign(_ k: Int) {
        let j = Int(edgeColumn[k])
        isAssigned[k] = true
        rowLoad[Int(edgeRow[k])] += 1
        load[j] += 1
        holders[j].append(Int32(k))
    }

    mutating func unassign(_ k: Int) {
        let j = Int(edgeColumn[k])
        isAssigned[k] = false
        rowLoad[Int(edgeRow[k])] -= 1
        load[j] -= 1
        if let index = holders[j].firstIndex(of: Int32(k)) { holders[j].remove(at: index) }
    }

    // MARK: The start

    /// The passes of `reduceRows` at most.
    static let reductionPasses = 8

    /// Jonker and Volgenant's augmenting row reduction, extended to columns
    /// of any capacity as in an auction: each free row (of capacity one) bids
    /// for its most profitable column (profit = w − v); a column with room
    /// takes it; a full column takes it too, drops the holder with the least
    /// margin over its next best column, and raises its price v as far as
    /// makes the bidder indifferent with its second-best choice, but no
    /// further than the other holders' margins, since their duals fall with
    /// it; the dropped holder bids in turn. A holder's margin is kept as a
    /// lower bound (the other prices only rise). Afterwards u(i) = the best
    /// profit of row i (0 if none is positive), every assigned row holds a
    /// best column, and only full columns have a price: the duals are
    /// feasible and tight. Up to eight passes, each of at most 8 bids a row
    /// (a bid that raised no price waits for the next pass); the rows still
    /// free are left to the trees.
    mutating func reduceRows() {
        var pending = (0..<rowCount).filter { rowCapacity[$0] == 1 }
        /// Per assigned row, how far its dual can fall and its column stay its best.
        var margin = [Int64](repeating: 0, count: rowCount)
        for _ in 0..<Self.reductionPasses {
            var next: [Int] = []
            var index = 0
            var budget = 8 * rowCount + 64
            while index < pending.count {
                let i = pending[index]
                index += 1
                guard budget > 0 else {
                    next.append(i)
                    continue
                }
                budget -= 1
                var best = Int64.min
                var second = Int64(0)
                var bestEdge = -1
                for k in rowStart[i]..<rowStart[i + 1] {
                    let profit = weight[k] - columnDualBase[Int(edgeColumn[k])]
                    if profit > best {
                        if best > second { second = best }
                        best = profit
                        bestEdge = k
                    } else if profit > second {
                        second = profit
                    }
                }
                guard bestEdge >= 0, best > 0 else { continue }
                let j = Int(edgeColumn[bestEdge])
                guard load[j] >= capacity[j] else {
                    assign(bestEdge)
                    rowDualBase[i] = best
                    margin[i] = best - second
                    continue
                }
                var dropped = 0
                for (position, held) in holders[j].enumerated()
                where margin[Int(edgeRow[Int(held)])] < margin[Int(edgeRow[Int(holders[j][dropped])])] {
                    dropped = position
                }
                let held = Int(holders[j][dropped])
                let holder = Int(edgeRow[held])
                unassign(held)
                var raise = best - second
                for other in holders[j] { raise = min(raise, margin[Int(edgeRow[Int(other)])]) }
                for other in holders[j] {
                    let row = Int(edgeRow[Int(other)])
                    rowDualBase[row] -= raise
                    margin[row] -= raise
                }
                columnDualBase[j] += raise
                assign(bestEdge)
                rowDualBase[i] = best - raise
                margin[i] = best - raise - second
                // A raised price is progress: the holder bids now; a tie waits for the next pass.
                if raise > 0 { pending.append(holder) } else { next.append(holder) }
            }
            pending = next
        }
        // Rows with room: their best profit at the final prices.
        for i in 0..<rowCount where rowLoad[i] < rowCapacity[i] {
            var best: Int64 = 0
            for k in rowStart[i]..<rowStart[i + 1] {
                best = max(best, weight[k] - columnDualBase[Int(edgeColumn[k])])
            }
            rowDualBase[i] = best
        }
    }

    // MARK: The tree

    /// Row i joins the tree through its assigned edge `parent` (-1 for the
    /// root): its dual starts falling, and its other edges to columns outside
    /// the tree limit the dual step.
    mutating func addRow(_ i: Int, through parent: Int) {
        rowInTree[i] = true
        rowTime[i] = now
        rowParent[i] = Int32(parent)
        treeRows.append(Int32(i))
        rowEntry.remove(i)
        let dual = rowDualBase[i]
        rowZero.set(i, now + dual)
        for k in rowStart[i]..<rowStart[i + 1] {
            let j = Int(edgeColumn[k])
            guard !columnInTree[j], !isAssigned[k] else { continue }
            let key = now + dual + columnDualBase[j] - weight[k]
            if !columnHeap.contains(j) || key < columnHeap.keys[j] {
                columnEdge[j] = Int32(k)
                columnHeap.set(j, key)
            }
        }
    }

    /// Column j, full, joins the tree through edge k; the rows it holds
    /// follow, each once its edge to j is tight (at once for rows of one column).
    mutating func addColumn(_ j: Int, through k: Int) {
        columnInTree[j] = true
        columnTime[j] = now
        columnParent[j] = Int32(k)
        treeColumns.append(Int32(j))
        columnHeap.remove(j)
        for held in holders[j] {
            let h = Int(held)
            let r = Int(edgeRow[h])
            guard !rowInTree[r] else { continue }
            let key = now - slack(h)
            if key == now {
                addRow(r, through: h)
            } else if !rowEntry.contains(r) || key < rowEntry.keys[r] {
                entryEdge[r] = Int32(h)
                rowEntry.set(r, key)
            }
        }
    }

    /// Moves the assignments along the tree path from row `start` to the
    /// root: each row on the path gives up the edge it entered the tree by
    /// and takes the one below it, the root gains one, and `start` takes
    /// edge `newEdge` (or just gives up its edge, for -1).
    mutating func alternatePath(from start: Int, newEdge: Int) {
        var i = start
        var k = newEdge
        while true {
            let entered = Int(rowParent[i])
            if k >= 0 { assign(k) }
            guard entered >= 0 else { break }
            unassign(entered)
            k = Int(columnParent[Int(edgeColumn[entered])])
            i = Int(edgeRow[k])
        }
    }

    /// Ends the tree: its members settle their duals and leave.
    mutating func dissolveTree() {
        for row in treeRows {
            let i = Int(row)
            rowDualBase[i] = rowDual(i)
            rowInTree[i] = false
            rowParent[i] = -1
        }
        for column in treeColumns {
            let j = Int(column)
            columnDualBase[j] = columnDual(j)
            columnInTree[j] = false
            columnParent[j] = -1
        }
        treeRows.removeAll(keepingCapacity: true)
        treeColumns.removeAll(keepingCapacity: true)
        rowZero.removeAll()
        columnHeap.removeAll()
        rowEntry.removeAll()
    }

    // MARK: The main loop

    /// Grows a tree from each row with room in turn (index order), as long
    /// as it has room and a positive dual, until it augments or a row's dual
    /// reaches zero. Other rows keep their duals meanwhile, which stays
    /// feasible, and each gets its turn, so at the end every row with room
    /// has a zero dual. Returns false when `shouldStop` asked to stop.
    mutating func run(shouldStop: () -> Bool) -> Bool {
        for root in 0..<rowCount {
            while rowLoad[root] < rowCapacity[root] && rowDualBase[root] > 0 {
                addRow(root, through: -1)
                var growing = true
                while growing {
                    if steps & 255 == 0 && shouldStop() { return false }
                    steps += 1
                    growing = step()
                }
            }
        }
        return true
    }

    /// One event: the first column reached through a tight edge, the first
    /// row brought in by a column it holds, or the first row whose dual
    /// reaches zero (in that order on ties). Returns whether the tree goes on.
    mutating func step() -> Bool {
        let growth = columnHeap.top.map { (key: columnHeap.keys[$0], column: $0) }
        let entry = rowEntry.top.map { (key: rowEntry.keys[$0], row: $0) }
        let zero = rowZero.top.map { (key: rowZero.keys[$0], row: $0) }
        if let entry, growth.map({ entry.key < $0.key }) ?? true, zero.map({ entry.key <= $0.key }) ?? true {
            now = entry.key
            addRow(entry.row, through: Int(entryEdge[entry.row]))
            return true
        }
        if let growth, zero.map({ growth.key <= $0.key }) ?? true {
            now = growth.key
            let j = growth.column
            let k = Int(columnEdge[j])
            let i = Int(edgeRow[k])
            guard load[j] >= capacity[j] else {
                alternatePath(from: i, newEdge: k)
                dissolveTree()
                return false
            }
            addColumn(j, through: k)
            return true
        }
        guard let zero else { preconditionFailure("a tree always has a row whose dual can reach zero") }
        now = zero.key
        alternatePath(from: zero.row, newEdge: -1)
        dissolveTree()
        return false
    }
}
