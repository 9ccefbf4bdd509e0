@testable import Matching

typealias SeededGenerator = SplitMix64

enum RandomGraphs {
    /// Each pair is an edge with probability `density`; weights in `weights`.
    static func general(
        vertices: Int, density: Double, weights: ClosedRange<Int64>,
        using rng: inout SeededGenerator
    ) -> WeightedGraph {
        var edges: [WeightedEdge] = []
        for u in 0..<vertices {
            for v in (u + 1)..<max(u + 1, vertices) where Double.random(in: 0..<1, using: &rng) < density {
                edges.append(WeightedEdge(u, v, Int64.random(in: weights, using: &rng)))
            }
        }
        return try! WeightedGraph(vertexCount: vertices, edges: edges)
    }
}

/// Exhaustive search over all matchings: the reference for small graphs.
enum BruteForce {
    /// The best (cardinality, weight) — weight only when `maximumCardinality` is false.
    static func best(_ graph: WeightedGraph, maximumCardinality: Bool = false) -> (count: Int, weight: Int64) {
        let n = graph.vertexCount
        var neighbours = [[(Int, Int64)]](repeating: [], count: n)
        for edge in graph.edges {
            neighbours[edge.u].append((edge.v, edge.weight))
            neighbours[edge.v].append((edge.u, edge.weight))
        }
        var used = [Bool](repeating: false, count: n)
        var best = (count: 0, weight: Int64(0))
        func better(_ a: (count: Int, weight: Int64), _ b: (count: Int, weight: Int64)) -> Bool {
            maximumCardinality ? (a.count, a.weight) > (b.count, b.weight) : a.weight > b.weight
        }
        func search(_ start: Int, _ count: Int, _ weight: Int64) {
            var v = start
            while v < n && used[v] { v += 1 }
            guard v < n else {
                if better((count, weight), best) { best = (count, weight) }
                return
            }
            used[v] = true
            search(v + 1, count, weight)
            for (w, edgeWeight) in neighbours[v] where !used[w] {
                used[w] = true
                search(v + 1, count + 1, weight + edgeWeight)
                used[w] = false
            }
            used[v] = false
        }
        search(0, 0, 0)
        return best
    }
}
