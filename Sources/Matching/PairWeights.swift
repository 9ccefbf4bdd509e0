/// Weight lookups for any pair in O(1) (a dense table up to a few thousand
/// vertices) or O(log d) (sorted neighbours beyond, which can be listed); a
/// missing edge weighs 0.
struct PairWeights {
    let n: Int
    private let dense: [Int64]
    private let neighbours: [[Int32]]
    private let neighbourWeights: [[Int64]]

    init(_ graph: WeightedGraph, denseUpTo: Int = GroupFormation.Problem.sparseThreshold) {
        n = graph.vertexCount
        if n <= denseUpTo {
            var table = [Int64](repeating: 0, count: n * n)
            for edge in graph.edges {
                table[edge.u * n + edge.v] = edge.weight
                table[edge.v * n + edge.u] = edge.weight
            }
            dense = table
            neighbours = []
            neighbourWeights = []
        } else {
            var lists = [[(Int32, Int64)]](repeating: [], count: n)
            for edge in graph.edges {
                lists[edge.u].append((Int32(edge.v), edge.weight))
                lists[edge.v].append((Int32(edge.u), edge.weight))
            }
            for v in 0..<n { lists[v].sort { $0.0 < $1.0 } }
            dense = []
            neighbours = lists.map { $0.map(\.0) }
            neighbourWeights = lists.map { $0.map(\.1) }
        }
    }

    /// v's neighbours, in increasing order (beyond the dense table's size only; empty below it).
    func neighbours(of v: Int) -> [Int32] { neighbours.isEmpty ? [] : neighbours[v] }

    /// The weights of v's edges to `neighbours(of: v)`, in the same order.
    func neighbourWeights(of v: Int) -> [Int64] { neighbourWeights.isEmpty ? [] : neighbourWeights[v] }

    @inline(__always)
    func callAsFunction(_ u: Int, _ v: Int) -> Int64 {
        if !dense.isEmpty { return dense[u * n + v] }
        let list = neighbours[u]
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if Int(list[middle]) < v { low = middle + 1 } else { high = middle }
        }
        return low < list.count && Int(list[low]) == v ? neighbourWeights[u][low] : 0
    }
}
