/// Pairing as many as possible first: adding the same amount K to every
/// weight, with K larger than (pairs possible) × (spread of the weights),
/// makes every larger matching heavier than every smaller one, while among
/// matchings of one size the order by weight is unchanged.
enum WeightShift {
    /// Weights, scaled by the solvers, must stay far from overflow.
    static let limit: Int64 = 1 << 58

    /// K for `maximumCardinality`, 0 otherwise.
    /// - Throws: `MatchingError.weightsTooLarge` when the arithmetic could overflow.
    static func amount(for edges: [WeightedEdge], pairsAtMost pairs: Int, maximumCardinality: Bool)
        throws(MatchingError) -> Int64
    {
        guard let low = edges.lazy.map(\.weight).min(), let high = edges.lazy.map(\.weight).max() else { return 0 }
        guard high < limit / 4, low > -limit / 4 else { throw MatchingError.weightsTooLarge }
        guard maximumCardinality else { return 0 }
        let spread = (high - low) + max(0, -low)
        let (product, overflow) = Int64(pairs + 1).multipliedReportingOverflow(by: spread)
        guard !overflow, product < limit / 8 else { throw MatchingError.weightsTooLarge }
        return product + 1
    }
}
