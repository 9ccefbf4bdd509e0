import Matching

/// Both sides' preference lists for a stable assignment of rows (mentees)
/// to columns (mentors): each side ranks those it may be paired with by the
/// pair's weight, heaviest first, ties by the lower index. Every pair is
/// weighed once, on every core, into one table of 8 bytes a pair, and the
/// lists (8 bytes a pair each side) are read from it; the table is let go
/// once they are built.
struct StablePreferences {
    let rows: [[Int]]
    let columns: [[Int]]

    /// - Parameter weight: the pair's weight, or nil when the two may not be paired.
    init(
        rowCount: Int, columnCount: Int, shouldStop: () -> Bool, weight: @escaping @Sendable (Int, Int) -> Int64?
    ) throws(MatchingError) {
        var table: [Int64] = []
        table.reserveCapacity(rowCount * columnCount)
        try Parallel.slices(rowCount, shouldStop: shouldStop) { range in
            var part = [Int64](repeating: Int64.min, count: range.count * columnCount)
            for (offset, row) in range.enumerated() {
                for column in 0..<columnCount {
                    if let value = weight(row, column) { part[offset * columnCount + column] = value }
                }
            }
            return part
        } merge: {
            table += $0
        }
        if shouldStop() { throw .cancelled }
        rows = (0..<rowCount).map { row in
            let base = row * columnCount
            return (0..<columnCount).filter { table[base + $0] != Int64.min }
                .sorted { (table[base + $0], -$0) > (table[base + $1], -$1) }
        }
        if shouldStop() { throw .cancelled }
        columns = (0..<columnCount).map { column in
            (0..<rowCount).filter { table[$0 * columnCount + column] != Int64.min }
                .sorted { (table[$0 * columnCount + column], -$0) > (table[$1 * columnCount + column], -$1) }
        }
    }
}
