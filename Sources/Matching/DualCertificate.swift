/// Edmonds' dual for a matching: a value y(v) ≥ 0 for each vertex and z(B) ≥ 0
/// for each odd set B, such that every edge is covered,
/// y(u) + y(v) + Σ_{B ∋ u, v} z(B) ≥ w(u, v). Any such duals bound every
/// matching's weight from above by Σ y + Σ z·(|B| − 1)/2, so a matching
/// reaching that bound is a maximum one. Complementary slackness says when it
/// does: matched edges are tight, vertices with y > 0 are matched, and sets
/// with z > 0 hold (|B| − 1)/2 matched edges.
///
/// Values are stored multiplied by 4 (`D = 4y`, `Z = 4z`), which keeps them
/// integers; with `weightShift` s, the weights proved optimal are w + s.
public struct DualCertificate: Sendable, Equatable {
    public struct Blossom: Sendable, Equatable {
        public let vertices: [Int]
        public let dual: Int64

        public init(vertices: [Int], dual: Int64) {
            self.vertices = vertices
            self.dual = dual
        }
    }

    public let vertexDuals: [Int64]
    public let blossoms: [Blossom]
    public let weightShift: Int64

    public init(vertexDuals: [Int64], blossoms: [Blossom], weightShift: Int64 = 0) {
        self.vertexDuals = vertexDuals
        self.blossoms = blossoms
        self.weightShift = weightShift
    }

    public enum Violation: Equatable, Sendable, CustomStringConvertible {
        case notAMatching
        case wrongSize(duals: Int, vertices: Int)
        case negativeVertexDual(vertex: Int)
        case invalidBlossom(index: Int)
        case blossomsNotNested
        case edgeNotCovered(u: Int, v: Int, slack: Int64)
        case matchedEdgeNotTight(u: Int, v: Int, slack: Int64)
        case unmatchedVertexWithDual(vertex: Int)
        case blossomNotFull(index: Int)
        case boundNotReached(primal: Int64, dual: Int64)

        public var description: String {
            switch self {
            case .notAMatching: return "the pairs are not a matching of the graph"
            case .wrongSize(let duals, let vertices): return "\(duals) vertex duals for \(vertices) vertices"
            case .negativeVertexDual(let v): return "vertex \(v) has a negative dual"
            case .invalidBlossom(let i):
                return "blossom \(i) is not an odd set of 3 or more vertices with a nonnegative dual"
            case .blossomsNotNested: return "the blossoms are not nested"
            case .edgeNotCovered(let u, let v, let slack): return "edge \(u)–\(v) is not covered (slack \(slack))"
            case .matchedEdgeNotTight(let u, let v, let slack):
                return "matched edge \(u)–\(v) is not tight (slack \(slack))"
            case .unmatchedVertexWithDual(let v): return "unmatched vertex \(v) has a positive dual"
            case .blossomNotFull(let i): return "blossom \(i) does not hold (|B| − 1)/2 matched edges"
            case .boundNotReached(let primal, let dual):
                return "the matching (4·w = \(primal)) does not reach the dual bound \(dual)"
            }
        }
    }

    /// Everything wrong with this certificate as a proof that `matching` is a
    /// maximum-weight matching of `graph`; empty when the proof holds.
    ///
    /// - Complexity: O(n + m·d + Σ|B|), d the depth of blossom nesting.
    public func violations(_ matching: Matching, in graph: WeightedGraph) -> [Violation] {
        violations(matching, in: graph, stopping: { false }) ?? []
    }

    /// The same, asking `shouldStop` now and then (each blossom, every
    /// 65,536 edges): throws `MatchingError.cancelled` when it says so.
    public func violations(_ matching: Matching, in graph: WeightedGraph, shouldStop: () -> Bool) throws(MatchingError)
        -> [Violation]
    {
        guard let problems = violations(matching, in: graph, stopping: shouldStop) else {
            throw MatchingError.cancelled
        }
        return problems
    }

    /// The violations, or nil when `stopping` said to stop.
    func violations(_ matching: Matching, in graph: WeightedGraph, stopping: () -> Bool) -> [Violation]? {
        let n = graph.vertexCount
        guard matching.isMatching(in: graph) else { return [.notAMatching] }
        guard vertexDuals.count == n else { return [.wrongSize(duals: vertexDuals.count, vertices: n)] }
        var problems: [Violation] = []
        for v in 0..<n where vertexDuals[v] < 0 { problems.append(.negativeVertexDual(vertex: v)) }
        for (index, blossom) in blossoms.enumerated() {
            if stopping() { return nil }
            let isOdd = blossom.vertices.count >= 3 && blossom.vertices.count % 2 == 1
            let inRange =
                blossom.vertices.allSatisfy { (0..<n).contains($0) }
                && Set(blossom.vertices).count == blossom.vertices.count
            if !isOdd || !inRange || blossom.dual < 0 { problems.append(.invalidBlossom(index: index)) }
        }
        guard problems.isEmpty else { return problems }
        guard let nesting = BlossomNesting(blossoms, vertexCount: n) else { return [.blossomsNotNested] }

        var primal: Int64 = 0
        for (index, edge) in graph.edges.enumerated() {
            if index & 0xFFFF == 0 && stopping() { return nil }
            let weight4 = 4 * (edge.weight + weightShift)
            let slack =
                vertexDuals[edge.u] + vertexDuals[edge.v] + nesting.sharedDual(edge.u, edge.v, blossoms) - weight4
            let isMatched = matching.mate[edge.u] == edge.v
            if isMatched {
                primal += weight4
                if slack != 0 { problems.append(.matchedEdgeNotTight(u: edge.u, v: edge.v, slack: slack)) }
            } else if slack < 0 {
                problems.append(.edgeNotCovered(u: edge.u, v: edge.v, slack: slack))
            }
        }
        for v in 0..<n where matching.mate[v] == nil && vertexDuals[v] != 0 {
            problems.append(.unmatchedVertexWithDual(vertex: v))
        }
        var bound = vertexDuals.reduce(0, +)
        for (index, blossom) in blossoms.enumerated() {
            bound += blossom.dual * Int64((blossom.vertices.count - 1) / 2)
            guard blossom.dual > 0 else { continue }
            if stopping() { return nil }
            let members = Set(blossom.vertices)
            let inside = blossom.vertices.filter { v in matching.mate[v].map(members.contains) ?? false }.count / 2
            if inside != (blossom.vertices.count - 1) / 2 { problems.append(.blossomNotFull(index: index)) }
        }
        if primal != bound { problems.append(.boundNotReached(primal: primal, dual: bound)) }
        return problems
    }
}

/// The blossoms as a forest (each inside the next larger one holding it), to
/// add up quickly the duals of the blossoms that hold both ends of an edge.
struct BlossomNesting {
    /// For each vertex, the blossoms holding it, innermost first.
    let chains: [[Int]]
    let parent: [Int]

    init?(_ blossoms: [DualCertificate.Blossom], vertexCount n: Int) {
        let order = blossoms.indices.sorted { (blossoms[$0].vertices.count, $0) < (blossoms[$1].vertices.count, $1) }
        var chains = [[Int]](repeating: [], count: n)
        for index in order {
            for v in blossoms[index].vertices { chains[v].append(index) }
        }
        var parent = [Int](repeating: -1, count: blossoms.count)
        for chain in chains {
            for (inner, outer) in zip(chain, chain.dropFirst()) {
                if parent[inner] == -1 { parent[inner] = outer } else if parent[inner] != outer { return nil }
            }
        }
        // Each blossom must lie wholly inside its parent.
        var mark = [Int](repeating: -1, count: n)
        var children = [[Int]](repeating: [], count: blossoms.count)
        for (index, p) in parent.enumerated() where p >= 0 { children[p].append(index) }
        for (index, blossom) in blossoms.enumerated() {
            for v in blossom.vertices { mark[v] = index }
            for child in children[index] where !blossoms[child].vertices.allSatisfy({ mark[$0] == index }) {
                return nil
            }
        }
        self.chains = chains
        self.parent = parent
    }

    /// The sum of the duals of the blossoms holding both u and v: the common
    /// outer part of their chains.
    func sharedDual(_ u: Int, _ v: Int, _ blossoms: [DualCertificate.Blossom]) -> Int64 {
        let a = chains[u]
        let b = chains[v]
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = a.count - 1
        var j = b.count - 1
        var total: Int64 = 0
        while i >= 0, j >= 0, a[i] == b[j] {
            total += blossoms[a[i]].dual
            i -= 1
            j -= 1
        }
        return total
    }
}
