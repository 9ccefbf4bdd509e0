/// An undirected graph on vertices `0..<vertexCount` with integer edge weights.
///
/// Weights are `Int64` so that every optimum is exact: Patio turns its scores
/// into fixed-point integers before matching. Edges are kept in canonical
/// form (`u < v`), sorted, without self-loops or parallel edges, so that a
/// solver's answer depends on the graph only, never on the order edges were given.
public struct WeightedGraph: Sendable, Equatable {
    public let vertexCount: Int
    public let edges: [WeightedEdge]

    /// - Throws: `GraphError` for a vertex out of range, a self-loop or a pair given twice.
    public init(vertexCount: Int, edges: [WeightedEdge]) throws(GraphError) {
        precondition(vertexCount >= 0 && vertexCount <= Int(Int32.max) / 2, "vertex count out of range")
        var canonical = edges
        for (index, edge) in canonical.enumerated() {
            for vertex in [edge.u, edge.v] where vertex < 0 || vertex >= vertexCount {
                throw GraphError.vertexOutOfRange(edge: index, vertex: vertex, vertexCount: vertexCount)
            }
            if edge.u == edge.v { throw GraphError.selfLoop(edge: index, vertex: edge.u) }
            if edge.u > edge.v { canonical[index] = WeightedEdge(edge.v, edge.u, edge.weight) }
        }
        var isSorted = true
        for index in canonical.indices.dropFirst() where !(canonical[index - 1].key < canonical[index].key) {
            isSorted = false
            break
        }
        if !isSorted { canonical.sort { $0.key < $1.key } }
        for index in canonical.indices.dropFirst() where canonical[index - 1].key == canonical[index].key {
            throw GraphError.duplicateEdge(u: canonical[index].u, v: canonical[index].v)
        }
        self.vertexCount = vertexCount
        self.edges = canonical
    }

    /// The weight of edge `{u, v}`, if there is one. - Complexity: O(log m).
    public func weight(_ u: Int, _ v: Int) -> Int64? {
        let key = WeightedEdge(min(u, v), max(u, v), 0).key
        var low = 0
        var high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if edges[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < edges.count && edges[low].key == key ? edges[low].weight : nil
    }
}

public struct WeightedEdge: Sendable, Hashable {
    private let first: Int32
    private let second: Int32
    public let weight: Int64

    public var u: Int { Int(first) }
    public var v: Int { Int(second) }

    public init(_ u: Int, _ v: Int, _ weight: Int64) {
        first = Int32(truncatingIfNeeded: u)
        second = Int32(truncatingIfNeeded: v)
        self.weight = weight
        precondition(Int(first) == u && Int(second) == v, "vertex index out of range")
    }

    /// Orders edges by `u`, then `v`.
    var key: UInt64 { UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second)) }
}

public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    case vertexOutOfRange(edge: Int, vertex: Int, vertexCount: Int)
    case selfLoop(edge: Int, vertex: Int)
    case duplicateEdge(u: Int, v: Int)

    public var description: String {
        switch self {
        case .vertexOutOfRange(_, let vertex, let count):
            return "vertex \(vertex) is out of range: vertices are numbered 0 to \(count - 1)"
        case .selfLoop(_, let vertex):
            return "edge joins vertex \(vertex) to itself"
        case .duplicateEdge(let u, let v):
            return "edge \(u)–\(v) is given twice"
        }
    }
}
