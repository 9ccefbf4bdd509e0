import Community
import Matching

/// The checks every draft passes before anyone sees it. Each rebuilds what
/// it checks against from the community — the admissible pairs with the plain
/// `Admissibility` rules, the scores from the model — instead of trusting the
/// solver's own graph, runs the independent checker of `Matching` on the
/// draft's own groups (`DualCertificate`, `AssignmentCertificate`,
/// `DeferredAcceptance.blockingPairs`, `GroupFormation.violations` and its
/// bound), and returns what it proved; a check that fails throws, and the
/// draft is discarded.
enum DraftProof {
    /// The objective a solver maximised: each pair's score, raised by its members' fairness boosts.
    struct Objective: Sendable {
        let model: AffinityModel
        /// Per directory index: the fairness boost (0 when none).
        let boost: [Double]

        init(model: AffinityModel, priority: [String: Double]) {
            self.model = model
            var boost = [Double](repeating: 0, count: model.directory.members.count)
            for (id, value) in priority { if let index = model.directory.index(of: id) { boost[index] = value } }
            self.boost = boost
        }

        var isAdjusted: Bool { boost.contains { $0 != 0 } }

        /// The most the boosts can multiply a pair's score by: the two largest, or none.
        var largestFactor: Double {
            let boosts = boost.sorted(by: >)
            return max(1, 1 + (boosts.first ?? 0) + (boosts.dropFirst().first ?? 0))
        }

        /// The weight of a pair of directory indices.
        func weight(_ a: Int, _ b: Int) -> Int64 { weight(of: model.score(a, b), a, b) }

        func weight(of score: Int64, _ a: Int, _ b: Int) -> Int64 {
            let factor = 1 + boost[a] + boost[b]
            return factor == 1 ? score : Int64((Double(score) * factor).rounded())
        }
    }

    /// The hard constraints, as plain sets per member: the rules of
    /// `Admissibility`, applied value by value (not through the solvers' bit masks).
    struct PlainConstraints: Sendable {
        let languages: [Set<String>]
        let slots: [Set<String>]
        let forbidden: Set<MemberPair>
        let ids: [String]

        init(_ directory: Directory, forbidden: Set<MemberPair>) {
            languages = directory.members.map { Set($0.languages) }
            slots = directory.members.map { Set($0.availability) }
            ids = directory.members.map(\.id)
            self.forbidden = forbidden
        }

        func allows(_ a: Int, _ b: Int) -> Bool {
            if !languages[a].isEmpty && !languages[b].isEmpty && languages[a].isDisjoint(with: languages[b]) {
                return false
            }
            if !slots[a].isEmpty && !slots[b].isEmpty && slots[a].isDisjoint(with: slots[b]) { return false }
            return forbidden.isEmpty || !forbidden.contains(MemberPair(ids[a], ids[b]))
        }
    }

    // MARK: Pairs

    /// Proves a pairing of `pool` optimal with its certificate.
    /// - Parameters:
    ///   - pairs: the pairs found, as vertices of `pool` (vertex i is `pool[i]`).
    ///   - candidateEdges: the pairs the solver was given when it saw only
    ///     candidates; nil when it was given every admissible pair, which the
    ///     check then enumerates itself.
    static func checkPairs(
        _ pairs: [(Int, Int)], certificate: DualCertificate, pool: [Int], candidateEdges: [WeightedEdge]?,
        objective: Objective, constraints: PlainConstraints, shouldStop: () -> Bool
    ) throws {
        var edges: [WeightedEdge] = []
        if let candidateEdges {
            edges = try weighedAgain(
                candidateEdges, left: pool, right: pool, objective: objective, constraints: constraints,
                shouldStop: shouldStop)
        } else {
            for u in pool.indices {
                if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
                for v in (u + 1)..<max(u + 1, pool.count) where constraints.allows(pool[u], pool[v]) {
                    edges.append(WeightedEdge(u, v, objective.weight(pool[u], pool[v])))
                }
            }
        }
        // Pairs weighing nothing, which the solver leaves out unless --everyone, are covered all the same.
        let graph = try WeightedGraph(vertexCount: pool.count, edges: edges)
        guard let matching = Matching(vertexCount: pool.count, pairs: pairs) else {
            throw MatchError.proofFailed(.pairs, .certificate("the pairs are not a matching", count: 1))
        }
        let problems = try certificate.violations(matching, in: graph, shouldStop: shouldStop)
        if let first = problems.first {
            throw MatchError.proofFailed(.pairs, .certificate(first.description, count: problems.count))
        }
    }

    /// The pairs a solver was given, each weighed again from the community
    /// (edge (u, v) is the pair `left[u]`, `right[v]`), on every core, 64 a
    /// piece; a pair the constraints refuse is dropped: it cannot be part
    /// of the proof.
    static func weighedAgain(
        _ given: [WeightedEdge], left: [Int], right: [Int], objective: Objective, constraints: PlainConstraints,
        shouldStop: () -> Bool
    ) throws(MatchingError) -> [WeightedEdge] {
        var edges: [WeightedEdge] = []
        edges.reserveCapacity(given.count)
        try Parallel.slices((given.count + 63) / 64, shouldStop: shouldStop) { pieces in
            var weighed: [WeightedEdge] = []
            for edge in given[(pieces.lowerBound * 64)..<min(given.count, pieces.upperBound * 64)]
            where constraints.allows(left[edge.u], right[edge.v]) {
                weighed.append(WeightedEdge(edge.u, edge.v, objective.weight(left[edge.u], right[edge.v])))
            }
            return weighed
        } merge: {
            edges += $0
        }
        return edges
    }

    /// The draft's total must be the sum of its groups' pair scores, recomputed from the model.
    static func checkTotal(_ groups: [Draft.Group], model: AffinityModel, mode: Draft.Mode) throws {
        let directory = model.directory
        var checked: Int64 = 0
        for group in groups {
            let indices = group.members.compactMap(directory.index(of:))
            guard indices.count == group.members.count else {
                throw MatchError.proofFailed(mode, .invalidGroups("a member is not in the community"))
            }
            for (i, a) in indices.enumerated() { for b in indices[(i + 1)...] { checked += model.score(a, b) } }
        }
        let total = groups.reduce(0) { $0 + $1.score }
        if total != checked { throw MatchError.proofFailed(mode, .totalMismatch(draft: total, checked: checked)) }
    }

    // MARK: Mentoring

    /// Proves an assignment of mentees (rows) to mentors (columns) optimal:
    /// every admissible mentee–mentor pair (or, when the assignment was
    /// solved on them, the candidate pairs; `checkAssignmentLeftOut` then
    /// proves the others) is weighed again and the certificate checked against them.
    static func checkAssignment(
        _ columns: [Int?], certificate: AssignmentCertificate, rows: [Int], mentors: [Int], capacities: [Int],
        candidateEdges: [WeightedEdge]? = nil, objective: Objective, constraints: PlainConstraints
    ) throws {
        var edges: [WeightedEdge] = []
        if let candidateEdges {
            edges = try weighedAgain(
                candidateEdges, left: rows, right: mentors, objective: objective, constraints: constraints,
                shouldStop: { false })
        } else {
            for (i, mentee) in rows.enumerated() {
                for (j, mentor) in mentors.enumerated() where constraints.allows(mentee, mentor) {
                    edges.append(WeightedEdge(i, j, objective.weight(mentee, mentor)))
                }
            }
        }
        let graph = try BipartiteGraph(leftCount: rows.count, rightCount: mentors.count, edges: edges)
        let problems = certificate.violations(columns, in: graph, capacities: capacities)
        if let first = problems.first {
            throw MatchError.proofFailed(.mentoring, .certificate(first.description, count: problems.count))
        }
    }

    /// Checks a stable assignment: the preferences are rebuilt from the
    /// scores (each side ranks by the pair's weight, ties by index) and no
    /// mentee and mentor may both rather be together.
    static func checkStable(
        _ columns: [Int?], rows: [Int], mentors: [Int], capacities: [Int], objective: Objective,
        constraints: PlainConstraints, acceptsZero: Bool, shouldStop: () -> Bool = { false }
    ) throws {
        let preferences = try StablePreferences(
            rowCount: rows.count, columnCount: mentors.count, shouldStop: shouldStop
        ) { i, j in
            guard constraints.allows(rows[i], mentors[j]) else { return nil }
            let weight = objective.weight(rows[i], mentors[j])
            return weight > 0 || acceptsZero ? weight : nil
        }
        let blocking = DeferredAcceptance.blockingPairs(
            columns, proposerPreferences: preferences.rows, receiverPreferences: preferences.columns,
            capacities: capacities)
        if let first = blocking.first {
            let directory = objective.model.directory
            throw MatchError.proofFailed(
                .mentoring,
                .blockingPair(
                    mentee: directory.members[rows[first.proposer]].id,
                    mentor: directory.members[mentors[first.receiver]].id))
        }
    }
}
