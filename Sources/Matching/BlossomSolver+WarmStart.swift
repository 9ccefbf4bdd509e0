/// Starting the blossom algorithm from a previous solution instead of from nothing.
extension BlossomSolver {
    /// A feasible point to start from instead of the heaviest weights: vertex
    /// duals (quarter units, for this solver's weights) and pairs to keep.
    struct Start {
        var duals: [Int64]
        var mate: [Int?]
    }

    /// The start's duals, nonnegative and raised until every edge is
    /// covered: an uncovered edge with a free end raises that end (no pair
    /// loses its tightness), otherwise both ends share the difference; then
    /// rounded up to even numbers.
    static func warmDuals(_ start: Start, endpoint: [Int32], weight4: [Int64]) -> [Int64] {
        var dual = start.duals.map { max(0, $0) }
        for k in weight4.indices {
            let u = Int(endpoint[2 * k])
            let v = Int(endpoint[2 * k + 1])
            let missing = weight4[k] - dual[u] - dual[v]
            guard missing > 0 else { continue }
            if start.mate[u] == nil {
                dual[u] += missing
            } else if start.mate[v] == nil {
                dual[v] += missing
            } else {
                dual[u] += (missing + 1) / 2
                dual[v] += missing / 2
            }
        }
        // Even, as the heaviest-weight start is: every step then stays an integer.
        return dual.map { $0 + ($0 & 1) }
    }

    /// Keeps the start's pairs that are still tight under the duals: the
    /// others begin again from their free ends.
    mutating func keepTightPairs(of start: Start) {
        for u in 0..<n {
            guard let v = start.mate[u], v > u, v < n, start.mate[v] == u else { continue }
            for index in adjacencyStart[u]..<adjacencyStart[u + 1] {
                let p = Int(adjacency[index])
                if Int(endpoint[p]) == v && dualBase[u] + dualBase[v] == weight4[p >> 1] {
                    mate[u] = Int32(p)
                    mate[v] = Int32(p ^ 1)
                    break
                }
            }
        }
    }
}
