/// A graph whose edges join a left vertex `0..<leftCount` (a mentee, say) to a
/// right vertex `0..<rightCount` (a mentor). Each edge's `u` is its left end and
/// `v` its right end, each pair at most once; they are kept sorted.
public struct BipartiteGraph: Sendable, Equatable {
    public let leftCount: Int
    public let rightCount: Int
    public let edges: [WeightedEdge]

    public init(leftCount: Int, rightCount: Int, edges: [WeightedEdge]) throws(GraphError) {
        for (index, edge) in edges.enumerated() {
            if !(0..<leftCount).contains(edge.u) {
                throw GraphError.vertexOutOfRange(edge: index, vertex: edge.u, vertexCount: leftCount)
            }
            if !(0..<rightCount).contains(edge.v) {
                throw GraphError.vertexOutOfRange(edge: index, vertex: edge.v, vertexCount: rightCount)
            }
        }
        var sorted = edges
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ $0.key < $1.key }) { sorted.sort { $0.key < $1.key } }
        for index in sorted.indices.dropFirst() where sorted[index - 1].key == sorted[index].key {
            throw GraphError.duplicateEdge(u: sorted[index].u, v: sorted[index].v)
        }
        self.leftCount = leftCount
        self.rightCount = rightCount
        self.edges = sorted
    }

    /// The same graph with right vertex j numbered `leftCount + j`.
    public var asGeneralGraph: WeightedGraph {
        try! WeightedGraph(
            vertexCount: leftCount + rightCount,
            edges: edges.map { WeightedEdge($0.u, leftCount + $0.v, $0.weight) })
    }
}
