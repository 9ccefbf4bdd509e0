import Community
import Foundation
import Matching

extension Matchmaker {
    /// Tables of `size` (three by default, one student, one startup and one
    /// entrepreneur each when roles are mixed), with the most affinity inside
    /// them; a heuristic, so the draft carries the upper bound that says how
    /// close it is. Pairs that cannot meet never share a table; pinned pairs
    /// are kept together when the tables allow it.
    static func matchCircles(_ request: MatchRequest, members: [Int], model: AffinityModel, shouldStop: () -> Bool) throws -> Draft {
        let directory = model.directory
        let admissibility = Admissibility(forbidden: request.forbidden)
        let prepared = PreparedAdmissibility(admissibility, directory: directory)
        guard members.count >= 2 else { throw MatchError.tooFewMembers(count: members.count) }
        let (pins, pinNotes) = applicablePins(request.pins, members: members, directory: directory)
        var notes = pinNotes
        var vertexOf: [String: Int] = [:]
        for (vertex, member) in members.enumerated() { vertexOf[directory.members[member].id] = vertex }
        var edges: [WeightedEdge] = []
        var forbidden = Set<GroupFormation.Pair>()
        let pinned = Set(pins.compactMap { pair -> GroupFormation.Pair? in
            guard let u = vertexOf[pair.first], let v = vertexOf[pair.second] else { return nil }
            return GroupFormation.Pair(u, v)
        })
        var bestScore: Int64 = 1
        var scores: [(Int, Int, Int64)] = []
        for u in members.indices {
            if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
            for v in (u + 1)..<max(u + 1, members.count) {
                if prepared.exclusion(members[u], members[v]) != nil && !pinned.contains(GroupFormation.Pair(u, v)) {
                    forbidden.insert(GroupFormation.Pair(u, v))
                    continue
                }
                let score = model.score(members[u], members[v])
                bestScore = max(bestScore, score)
                scores.append((u, v, score))
            }
        }
        // A pinned pair weighs more than any table could without it.
        let pinBonus = bestScore * Int64(request.size * request.size) + 1
        for (u, v, score) in scores {
            edges.append(WeightedEdge(u, v, score + (pinned.contains(GroupFormation.Pair(u, v)) ? pinBonus : 0)))
        }
        let mixes = request.mixesRoles && request.size == 3
        var problem = GroupFormation.Problem(weights: try WeightedGraph(vertexCount: members.count, edges: edges),
                                             groupSize: request.size, forbidden: forbidden)
        if mixes {
            problem.classes = members.map { Role.allCases.firstIndex(of: directory.members[$0].role)! }
            problem.composition = [1, 1, 1]
        }
        var rng = SplitMix64(seed: request.seed)
        let result = try GroupFormation.solve(problem, using: &rng, shouldStop: shouldStop)
        var groups: [Draft.Group] = []
        for tableMembers in result.groups {
            let indices = tableMembers.map { members[$0] }
            let isPinned = pinned.contains { tableMembers.contains($0.low) && tableMembers.contains($0.high) }
            groups.append(group(indices, model: model, isPinned: isPinned, admissibility: admissibility, reasonCount: 3))
        }
        for pair in pins {
            let together = groups.contains { $0.members.contains(pair.first) && $0.members.contains(pair.second) }
            notes.append(together ? "pin \(pair.first)–\(pair.second) honoured" : "pin \(pair.first)–\(pair.second) could not be honoured by these tables")
        }
        let pinnedBonusCount = Int64(pinned.filter { pair in result.groups.contains { $0.contains(pair.low) && $0.contains(pair.high) } }.count)
        var unmatched: [Draft.Unmatched] = []
        for vertex in result.leftovers {
            let member = directory.members[members[vertex]]
            let reason: String
            let canJoin = result.groups.contains { table in
                table.allSatisfy { !forbidden.contains(GroupFormation.Pair(vertex, $0)) }
            }
            if !canJoin && !result.groups.isEmpty {
                reason = "no table where they can meet everyone (a language, a time slot or a ban stands in the way)"
            } else if mixes {
                let counts = Role.allCases.map { role in members.filter { directory.members[$0].role == role }.count }
                let scarce = Role.allCases[counts.indices.min { counts[$0] < counts[$1] }!]
                reason = "not enough \(scarce.rawValue)s for another mixed table, and the tables are full"
            } else {
                reason = result.groups.isEmpty ? "too few members for a table of \(request.size)" : "the tables are full"
            }
            unmatched.append(Draft.Unmatched(id: member.id, reason: reason))
        }
        var draft = Draft(mode: .circles, seed: request.seed, created: Date(timeIntervalSince1970: 0), groups: sorted(groups),
                          unmatched: unmatched, notes: notes, total: 0, upperBound: nil)
        let bound = result.upperBound - pinBonus * pinnedBonusCount
        draft.upperBound = max(bound, groups.reduce(0) { $0 + $1.score })
        return draft
    }
}
