import Community
import Matching

/// Pricing for `match pairs` in a large community: the pairing is solved on
/// a sparse candidate graph, and then every admissible pair left out is
/// *priced* with the solution's duals. A pair (u, v) outside the graph can
/// improve the matching only if its weight passes what its vertices' duals
/// already cover, w(u, v) + s > y(u) + y(v) (s the weight shift of a
/// maximum-cardinality solve); those pairs are added and the graph solved
/// again, until no pair is left that could. The last certificate then covers
/// every admissible pair of the community, though most were never scored.
///
/// The pairs left out are of two kinds, and each is priced its own way:
/// - pairs that share a tag (a need met, an interest) are found through the
///   model's inverted indexes and scored exactly;
/// - pairs that share none score only their role, organisation and wing
///   terms, so no more than `untaggedBound`: for a vertex u only partners v
///   with y(v) < bound + s − y(u) can violate, and walking the vertices in
///   ascending order of their duals stops at the first that cannot.
///
/// This is column generation (delayed column generation, Dantzig–Wolfe
/// pricing) applied to Edmonds' matching LP, as in the "price and repair"
/// schemes for large matching problems (Applegate & Cook, "Solving large-scale
/// matching problems", 1993) and the sparse candidate graphs of Cook & Rohe
/// ("Computing minimum-weight perfect matchings", 1999): dual values decide
/// which left-out edges must be looked at. Blossom duals z(B) ≥ 0 only add
/// cover, so the check y(u) + y(v) ≥ w + s is sufficient and they are ignored.
///
/// After the first round only the members whose dual went down are looked
/// at again: a pair whose duals both stayed or rose, and that was covered,
/// is covered still (unless the weight shift changed, when all are).
///
/// - Complexity: in the first round, the tag partners of every member (as
///   for the candidates) plus, per member, the partners whose duals are below
///   the bound; later rounds the same for the members whose duals went down.
///   The number of rounds is small in practice (each adds only pairs that
///   could improve the matching).
struct PairPricing {
    let model: AffinityModel
    let pool: [Int]
    let objective: DraftProof.Objective
    let prepared: PreparedAdmissibility
    /// The largest weight a pair that shares no tag can have (points × 1000).
    let untaggedBound: Int64

    init(model: AffinityModel, pool: [Int], objective: DraftProof.Objective, admissibility: Admissibility) {
        self.model = model
        self.pool = pool
        self.objective = objective
        prepared = PreparedAdmissibility(admissibility, directory: model.directory)
        untaggedBound = Self.untaggedBound(model: model, objective: objective)
    }

    /// Role, organisation and wing at their largest, raised by the largest
    /// history factor and fairness boost there are, rounded up.
    static func untaggedBound(model: AffinityModel, objective: DraftProof.Objective) -> Int64 {
        let fixed = (model.rolePoints.max() ?? 0) + model.organizationPoints + model.wingPoints
        let history = max(1, model.historyFactor.values.max() ?? 1)
        return Int64((Double(fixed) * history * objective.largestFactor).rounded(.up)) + 1
    }

    /// What one round of pricing found.
    struct Round {
        /// The pairs to add: for each member, its most violated pairs.
        var pairs: [(u: Int, v: Int)]
        /// Members that had more violated pairs than were added: looked at again next round.
        var unfinished: [Bool]
    }

    /// The admissible pairs outside `present` (keys `low << 32 | high` of
    /// vertices of `pool`) that the duals do not cover, the `perMember` most
    /// violated of each member (the others wait for the next round, as column
    /// generation adds the most promising columns first). Only members in
    /// `looked` are priced (all when nil).
    func violators(
        present: Set<UInt64>, certificate: DualCertificate, looked: [Bool]? = nil, perMember: Int = 8,
        shouldStop: () -> Bool
    ) throws(MatchingError) -> Round {
        let duals = certificate.vertexDuals
        let shift = certificate.weightShift
        let n = pool.count
        let looked = looked ?? [Bool](repeating: true, count: n)
        var vertexOf = [Int32](repeating: -1, count: model.directory.members.count)
        for (vertex, member) in pool.enumerated() { vertexOf[member] = Int32(vertex) }
        // Per member, its violated pairs and by how much (4·(w + s) − D(u) − D(v)).
        var violated = [[(other: Int32, by: Int64)]](repeating: [], count: n)
        var seen = Set<UInt64>()
        func consider(_ u: Int, _ v: Int, weight: Int64) {
            let by = 4 * (weight + shift) - duals[u] - duals[v]
            guard by > 0 else { return }
            let key = UInt64(min(u, v)) << 32 | UInt64(max(u, v))
            guard !present.contains(key), prepared.exclusion(pool[u], pool[v]) == nil, seen.insert(key).inserted
            else { return }
            violated[u].append((Int32(v), by))
            violated[v].append((Int32(u), by))
        }
        // Pairs that share a tag, scored exactly.
        var scratch = AffinityModel.Scratch(count: model.directory.members.count)
        for u in 0..<n where looked[u] {
            if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
            let a = pool[u]
            for (b, tagPoints) in model.tagPartners(of: a, using: &scratch) {
                let v = Int(vertexOf[b])
                guard v >= 0, v != u, !looked[v] || v > u else { continue }
                let score = model.adjusted(tagPoints + model.fixedPoints(a, b), a, b)
                consider(u, v, weight: objective.weight(of: score, a, b))
            }
        }
        // Pairs that share none weigh at most the bound: only partners with low duals can violate.
        let order = (0..<n).sorted { duals[$0] < duals[$1] }
        let reach = 4 * (untaggedBound + shift)
        for u in 0..<n where looked[u] {
            if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
            let limit = reach - duals[u]
            for v in order {
                if duals[v] >= limit { break }
                guard v != u, !looked[v] || v > u else { continue }
                consider(u, v, weight: objective.weight(pool[u], pool[v]))
            }
        }
        var chosen = Set<UInt64>()
        var unfinished = [Bool](repeating: false, count: n)
        for u in 0..<n where !violated[u].isEmpty {
            let most = violated[u].sorted { ($0.by, -$0.other) > ($1.by, -$1.other) }
            if most.count > perMember { unfinished[u] = true }
            for entry in most.prefix(perMember) {
                let v = Int(entry.other)
                chosen.insert(UInt64(min(u, v)) << 32 | UInt64(max(u, v)))
            }
        }
        return Round(pairs: chosen.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }, unfinished: unfinished)
    }
}
