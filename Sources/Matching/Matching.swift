/// A set of edges no two of which share a vertex, as each vertex's partner.
public struct Matching: Sendable, Equatable {
    /// `mate[v]` is v's partner, or `nil` when v is unmatched.
    public let mate: [Int?]

    public init(mate: [Int?]) { self.mate = mate }

    /// Builds a matching from pairs; `nil` when two pairs share a vertex or a vertex is out of range.
    public init?(vertexCount: Int, pairs: [(Int, Int)]) {
        var mate = [Int?](repeating: nil, count: vertexCount)
        for (u, v) in pairs {
            guard u != v, (0..<vertexCount).contains(u), (0..<vertexCount).contains(v),
                mate[u] == nil, mate[v] == nil
            else { return nil }
            mate[u] = v
            mate[v] = u
        }
        self.mate = mate
    }

    /// The matched pairs `(u, v)` with `u < v`, sorted.
    public var pairs: [(Int, Int)] {
        mate.enumerated().compactMap { vertex, partner in
            guard let partner, vertex < partner else { return nil }
            return (vertex, partner)
        }
    }

    public var count: Int { mate.reduce(0) { $0 + ($1 == nil ? 0 : 1) } / 2 }

    /// Whether this is a matching of `graph`: symmetric, and every pair an edge.
    public func isMatching(in graph: WeightedGraph) -> Bool {
        guard mate.count == graph.vertexCount else { return false }
        for (vertex, partner) in mate.enumerated() {
            guard let partner else { continue }
            guard (0..<mate.count).contains(partner), mate[partner] == vertex,
                graph.weight(vertex, partner) != nil
            else { return false }
        }
        return true
    }

    /// The sum of the weights of the matched edges; the pairs must be edges of `graph`.
    public func totalWeight(in graph: WeightedGraph) -> Int64 {
        pairs.reduce(0) { $0 + (graph.weight($1.0, $1.1) ?? 0) }
    }
}
