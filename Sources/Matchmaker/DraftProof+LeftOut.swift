import Community
import Matching

extension DraftProof {
    /// Proves that the certificate of a pairing solved on a partial graph
    /// covers every admissible pair of `pool` left out of it as well:
    /// y(u) + y(v) ≥ w(u, v) + s for each. Rebuilt from the community, not
    /// from the pricing that chose the graph: pairs that share a tag are
    /// weighed with the model's plain `score`, and admitted by the plain
    /// constraints (a pair whose tag points, with the most its other terms
    /// and a boost could add, are covered already needs no exact score); a
    /// pair that shares none scores at most its role, organisation and wing
    /// weights, raised by the most a fairness boost can add — computed here
    /// from the weights themselves — so the pairs of a vertex whose duals
    /// reach that bound need no look, and the others are weighed one by one
    /// (those found to share a tag after all were weighed through the tags).
    /// Only a pair that met before can score more than its terms (a good
    /// rating): each of those is weighed exactly.
    ///
    /// - Complexity: the tag partners of every member, plus for each member
    ///   the partners whose duals are below the bound, plus the pairs met before.
    static func checkLeftOut(
        certificate: DualCertificate, pool: [Int], graphEdges: [WeightedEdge], objective: Objective,
        constraints: PlainConstraints, shouldStop: () -> Bool
    ) throws {
        let model = objective.model
        let duals = certificate.vertexDuals
        let shift = certificate.weightShift
        let n = pool.count
        guard duals.count == n else {
            throw MatchError.proofFailed(.pairs, .certificate("\(duals.count) duals for \(n) members", count: 1))
        }
        let inGraph = PairKeys(graphEdges.lazy.map { PairKeys.key($0.u, $0.v) })
        var vertexOf = [Int32](repeating: -1, count: model.directory.members.count)
        for (vertex, member) in pool.enumerated() { vertexOf[member] = Int32(vertex) }
        let bound = Self.untaggedBound(weights: model.weights, objective: objective)
        // Only the fairness boosts raise a pair that never met (those that met are weighed below).
        let dualOf = DualTable(
            of: pool, duals, directorySize: model.directory.members.count, raise: objective.largestFactor)
        let order = (0..<n).sorted { duals[$0] < duals[$1] }
        // A pool smaller than the directory is scanned through its own index lists.
        let poolIndex = model.poolIndex(of: pool)
        let found = try Parallel.slices(n, shouldStop: shouldStop) { [vertexOf, dualOf] range in
            var uncovered: [(Int, Int, Int64)] = []
            func check(_ u: Int, _ v: Int) {
                let key = UInt64(min(u, v)) << 32 | UInt64(max(u, v))
                guard !inGraph.contains(key) else { return }
                let slack = duals[u] + duals[v] - 4 * (objective.weight(pool[u], pool[v]) + shift)
                if slack < 0 && constraints.allows(pool[u], pool[v]) { uncovered.append((u, v, slack)) }
            }
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            for u in range {
                // Each pair sharing a tag from the member of lower index.
                // No more than its tag points raised, plus the most the other terms weigh: covered when
                // 4 · (⌈points · raise⌉ + bound + 1 + s) ≤ D(u) + D(v).
                let cover = DualCover(
                    table: dualOf, own: duals[u] - 4 * shift, halvings: 2, fixed: 0, margin: bound + 1)
                model.forEachTagPartner(
                    of: pool[u], using: scratch, above: pool[u], among: poolIndex, uncoveredBy: cover
                ) { b, _ in
                    let v = Int(vertexOf[b])
                    guard v >= 0 else { return }
                    check(u, v)
                }
                // The pairs that share no tag, by ascending dual (one that shares a tag was looked at above).
                let limit = 4 * (bound + shift) - duals[u]
                for v in order {
                    if duals[v] >= limit { break }
                    if v > u && !model.sharesScoringTag(pool[u], pool[v]) { check(u, v) }
                }
            }
            return uncovered
        }
        // The pairs that met before, whose rating can raise them past the bounds above: each weighed.
        var uncovered = Array(found.joined())
        var seen = Set(uncovered.map { PairKeys.key($0.0, $0.1) })
        for (a, b) in metBefore(model) {
            let (u, v) = (Int(vertexOf[a]), Int(vertexOf[b]))
            guard u >= 0, v >= 0, !inGraph.contains(PairKeys.key(u, v)), seen.insert(PairKeys.key(u, v)).inserted else {
                continue
            }
            let slack = duals[u] + duals[v] - 4 * (objective.weight(a, b) + shift)
            if slack < 0 && constraints.allows(a, b) { uncovered.append((min(u, v), max(u, v), slack)) }
        }
        if let (u, v, slack) = uncovered.first {
            throw MatchError.proofFailed(
                .pairs,
                .certificate(
                    "pair \(model.directory.members[pool[u]].id)–\(model.directory.members[pool[v]].id) left out of the graph is not covered (slack \(slack))",
                    count: uncovered.count))
        }
    }

    /// Proves that the certificate of an assignment solved on a partial
    /// graph covers every admissible mentee–mentor pair left out of it:
    /// u(i) + v(j) ≥ w(i, j) + s for each, weighed and bounded as
    /// `checkLeftOut` does for pairs (mentors in ascending order of their duals).
    static func checkAssignmentLeftOut(
        certificate: AssignmentCertificate, rows: [Int], mentors: [Int], graphEdges: [WeightedEdge],
        objective: Objective, constraints: PlainConstraints, shouldStop: () -> Bool
    ) throws {
        let model = objective.model
        let rowDuals = certificate.rowDuals
        let columnDuals = certificate.columnDuals
        let shift = certificate.weightShift
        guard rowDuals.count == rows.count, columnDuals.count == mentors.count else {
            throw MatchError.proofFailed(
                .mentoring, .certificate("the duals do not match the mentees and mentors", count: 1))
        }
        let inGraph = PairKeys(graphEdges.lazy.map { UInt64($0.u) << 32 | UInt64($0.v) })
        var columnOf = [Int32](repeating: -1, count: model.directory.members.count)
        for (j, mentor) in mentors.enumerated() { columnOf[mentor] = Int32(j) }
        let bound = Self.untaggedBound(weights: model.weights, objective: objective)
        let order = mentors.indices.sorted { columnDuals[$0] < columnDuals[$1] }
        let dualOf = DualTable(
            of: mentors, columnDuals, directorySize: model.directory.members.count, raise: objective.largestFactor)
        // The mentors' own index lists: a mentee's scan visits no other member.
        let mentorIndex = model.tagIndex(of: mentors)
        let found = try Parallel.slices(rows.count, shouldStop: shouldStop) { [columnOf, dualOf] range in
            var uncovered: [(Int, Int, Int64)] = []
            func check(_ i: Int, _ j: Int) {
                guard !inGraph.contains(UInt64(i) << 32 | UInt64(j)) else { return }
                let slack = rowDuals[i] + columnDuals[j] - (objective.weight(rows[i], mentors[j]) + shift)
                if slack < 0 && constraints.allows(rows[i], mentors[j]) { uncovered.append((i, j, slack)) }
            }
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            for i in range {
                // Covered when ⌈points · raise⌉ + bound + 1 + s ≤ u(i) + v(j).
                let cover = DualCover(
                    table: dualOf, own: rowDuals[i] - shift, halvings: 0, fixed: 0, margin: bound + 1)
                model.forEachTagPartner(of: rows[i], using: scratch, among: mentorIndex, uncoveredBy: cover) { b, _ in
                    let j = Int(columnOf[b])
                    guard j >= 0 else { return }
                    check(i, j)
                }
                for j in order {
                    if columnDuals[j] >= bound + shift - rowDuals[i] { break }
                    if !model.sharesScoringTag(rows[i], mentors[j]) { check(i, j) }
                }
            }
            return uncovered
        }
        // The pairs that met before, whose rating can raise them past the bounds above: each weighed.
        var uncovered = Array(found.joined())
        var seen = Set(uncovered.map { UInt64($0.0) << 32 | UInt64($0.1) })
        var rowOf = [Int32](repeating: -1, count: model.directory.members.count)
        for (i, row) in rows.enumerated() { rowOf[row] = Int32(i) }
        for (a, b) in metBefore(model) {
            for (mentee, mentor) in [(a, b), (b, a)] where rowOf[mentee] >= 0 && columnOf[mentor] >= 0 {
                let (i, j) = (Int(rowOf[mentee]), Int(columnOf[mentor]))
                let key = UInt64(i) << 32 | UInt64(j)
                guard !inGraph.contains(key), seen.insert(key).inserted else { continue }
                let slack = rowDuals[i] + columnDuals[j] - (objective.weight(mentee, mentor) + shift)
                if slack < 0 && constraints.allows(mentee, mentor) { uncovered.append((i, j, slack)) }
            }
        }
        if let (i, j, slack) = uncovered.first {
            throw MatchError.proofFailed(
                .mentoring,
                .certificate(
                    "mentee–mentor pair \(model.directory.members[rows[i]].id)–\(model.directory.members[mentors[j]].id) left out of the graph is not covered (slack \(slack))",
                    count: uncovered.count))
        }
    }

    /// The most a pair that shares no tag and never met can weigh, from the
    /// weights alone: the best role affinity, a different organisation and a
    /// different wing, raised by the two largest fairness boosts (a pair that
    /// met before, which a rating can raise more, is weighed on its own:
    /// `metBefore`).
    static func untaggedBound(weights: AffinityWeights, objective: Objective) -> Int64 {
        let roles = Role.allCases.flatMap { a in Role.allCases.map { b in weights.roleAffinity(a, b) } }
        let points = weights.role * (roles.max() ?? 0) + max(0, weights.organization) + max(0, weights.wing)
        return Int64((points * 1000 * objective.largestFactor).rounded(.up)) + 2
    }

    /// The pairs of the meeting history among the community's members (directory indices).
    static func metBefore(_ model: AffinityModel) -> [(Int, Int)] {
        model.history.pairs.keys.compactMap { pair in
            guard let a = model.directory.index(of: pair.first), let b = model.directory.index(of: pair.second) else {
                return nil
            }
            return (a, b)
        }
    }
}
