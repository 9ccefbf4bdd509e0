import Community
import Matching

/// The pairs `match circles` works with in a community too large to score
/// every pair (above `GroupFormation.Problem.sparseThreshold` members, where
/// n² scores and an n × tables search would take gigabytes):
/// - for the search, each member's `candidates` best admissible partners,
///   found through the tag indexes as `PairingGraph` finds them;
/// - for the bound, every admissible pair scoring more than `floor`, a score
///   chosen so that members have about `heavyPerMember` such pairs each, and
///   never below the most a pair sharing no tag can score (those pairs are
///   then all below it, and the tag indexes find the others).
///
/// The degree bound prices every pair at `floor` or more, so the pairs left
/// out, all at `floor` or less, add nothing to it: it holds for every pair.
struct CirclePairs: Sendable {
    var search: [WeightedEdge]
    var heavy: [WeightedEdge]
    var floor: Int64

    /// Members whose pairs are scored to choose the floor, at most.
    static let sampleSize = 256

    init(
        model: AffinityModel, members: [Int], prepared: PreparedAdmissibility, candidates: Int = 80,
        heavyPerMember: Int = 300, shouldStop: () -> Bool
    ) throws(MatchingError) {
        let n = members.count
        var vertexOf = [Int32](repeating: -1, count: model.directory.members.count)
        for (vertex, member) in members.enumerated() { vertexOf[member] = Int32(vertex) }
        let vertexIndex = vertexOf
        @Sendable func scored(_ u: Int, _ scratch: AffinityModel.Scratch) -> [(vertex: Int, score: Int64)] {
            let a = members[u]
            var row: [(vertex: Int, score: Int64)] = []
            for (b, tagPoints) in model.tagPartners(of: a, using: scratch) {
                let v = Int(vertexIndex[b])
                guard v >= 0, v != u, prepared.exclusion(a, b) == nil else { continue }
                row.append((v, model.adjusted(tagPoints + model.fixedPoints(a, b), a, b)))
            }
            return row
        }
        // The floor: the score that about heavyPerMember pairs of a sampled member pass.
        let stride = max(1, n / Self.sampleSize)
        let sample = Array(Swift.stride(from: 0, to: n, by: stride))
        let sampled = try Parallel.slices(sample.count, shouldStop: shouldStop) { range in
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            return range.flatMap { scored(sample[$0], scratch).map(\.score) }
        }.joined().sorted(by: >)
        let untagged = WeightBound(model: model, objective: DraftProof.Objective(model: model, priority: [:])).untagged
        let rank = heavyPerMember * sample.count
        floor = max(untagged, rank < sampled.count ? sampled[rank] : 0)
        let floor = floor
        var search: [WeightedEdge] = []
        var heavy: [WeightedEdge] = []
        var chosen = Set<UInt64>()
        try Parallel.slices(n, shouldStop: shouldStop) { range in
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            return range.map { u in
                let row = scored(u, scratch)
                return (
                    u: u, best: Array(PairingGraph.best(candidates, of: row)),
                    heavy: row.filter { $0.vertex > u && $0.score > floor }
                )
            }
        } merge: { rows in
            for (u, best, heavyRow) in rows {
                for (v, score) in best where chosen.insert(UInt64(min(u, v)) << 32 | UInt64(max(u, v))).inserted {
                    search.append(WeightedEdge(u, v, score))
                }
                for (v, score) in heavyRow { heavy.append(WeightedEdge(u, v, score)) }
            }
        }
        self.search = search
        self.heavy = heavy
    }
}
