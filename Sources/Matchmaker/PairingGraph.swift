import Community
import Matching

/// The admissible pairs among some members, weighted by their scores: what
/// the engine pairs on. Vertex i is `members[i]` (directory indices, in id
/// order). Small communities get every admissible pair; large ones the
/// `candidates` best partners of each member found through the tag indexes,
/// never all n² pairs.
public struct PairingGraph: Sendable {
    public let members: [Int]
    public let graph: WeightedGraph
    /// Per vertex: admissible partners (any score), and partners excluded by each constraint.
    public let admissibleCount: [Int]
    public let exclusions: [[Admissibility.Exclusion: Int]]
    public let isComplete: Bool

    /// Above this many members, only the best candidates of each are scored.
    public static let completeLimit = 1500

    public init(model: AffinityModel, members: [Int], admissibility: Admissibility, candidates: Int = 40,
                shouldStop: () -> Bool = { false }) throws(MatchingError) {
        let directory = model.directory
        let n = members.count
        var vertexOf = [Int: Int]()
        for (vertex, member) in members.enumerated() { vertexOf[member] = vertex }
        var edges: [WeightedEdge] = []
        var admissible = [Int](repeating: 0, count: n)
        var exclusions = [[Admissibility.Exclusion: Int]](repeating: [:], count: n)
        isComplete = n <= Self.completeLimit
        if isComplete {
            for u in 0..<n {
                if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
                let a = members[u]
                for v in (u + 1)..<max(u + 1, n) {
                    let b = members[v]
                    if let exclusion = admissibility.exclusion(directory.members[a], directory.members[b]) {
                        exclusions[u][exclusion, default: 0] += 1
                        exclusions[v][exclusion, default: 0] += 1
                        continue
                    }
                    admissible[u] += 1
                    admissible[v] += 1
                    edges.append(WeightedEdge(u, v, model.score(a, b)))
                }
            }
        } else {
            var chosen = Set<UInt64>()
            for u in 0..<n {
                if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
                let a = members[u]
                var scored: [(vertex: Int, score: Int64)] = []
                for (b, tagPoints) in model.tagPartners(of: a) {
                    guard let v = vertexOf[b] else { continue }
                    if let exclusion = admissibility.exclusion(directory.members[a], directory.members[b]) {
                        exclusions[u][exclusion, default: 0] += 1
                        continue
                    }
                    admissible[u] += 1
                    let score = model.adjusted(tagPoints + model.fixedPoints(a, b), a, b)
                    scored.append((v, score))
                }
                scored.sort { ($0.score, -$0.vertex) > ($1.score, -$1.vertex) }
                for (v, score) in scored.prefix(candidates) {
                    let key = UInt64(min(u, v)) << 32 | UInt64(max(u, v))
                    if chosen.insert(key).inserted { edges.append(WeightedEdge(u, v, score)) }
                }
            }
        }
        self.members = members
        self.graph = try! WeightedGraph(vertexCount: n, edges: edges)
        admissibleCount = admissible
        self.exclusions = exclusions
    }
}
