import Community
import Foundation
import Matching

extension Matchmaker {
    /// Students and startups (mentees) to entrepreneurs (mentors) within their
    /// capacities: the assignment with the best total (proved optimal), or,
    /// with `stable`, deferred acceptance by the mentees: no mentee and mentor
    /// would both rather be together, and every mentee gets the best mentor
    /// any stable assignment could give.
    static func matchMentoring(_ request: MatchRequest, members: [Int], model: AffinityModel, shouldStop: () -> Bool) throws -> Draft {
        let directory = model.directory
        let admissibility = Admissibility(forbidden: request.forbidden)
        let prepared = PreparedAdmissibility(admissibility, directory: directory)
        var notes: [String] = []
        let mentees = members.filter { directory.members[$0].role != .entrepreneur }
        let mentors = members.filter { directory.members[$0].role == .entrepreneur }
        var capacity = mentors.map { directory.members[$0].capacity }
        var groups: [Draft.Group] = []
        var assignedMentee = Set<Int>()
        let menteeIDs = Set(mentees.map { directory.members[$0].id }), mentorIDs = Set(mentors.map { directory.members[$0].id })
        for pair in request.pins.sorted() {
            let (menteeID, mentorID) = menteeIDs.contains(pair.first) ? (pair.first, pair.second) : (pair.second, pair.first)
            guard menteeIDs.contains(menteeID), mentorIDs.contains(mentorID),
                  let mentee = directory.index(of: menteeID), let mentor = directory.index(of: mentorID),
                  let column = mentors.firstIndex(of: mentor) else {
                notes.append("pin \(pair.first)–\(pair.second) set aside: a mentoring pin joins a mentee and a mentor being matched")
                continue
            }
            guard capacity[column] > 0 else {
                notes.append("pin \(pair.first)–\(pair.second) set aside: \(mentorID) has no room left")
                continue
            }
            capacity[column] -= 1
            assignedMentee.insert(mentee)
            groups.append(group([mentee, mentor], model: model, isPinned: true, admissibility: admissibility))
        }
        let rows = mentees.filter { !assignedMentee.contains($0) }
        var edges: [WeightedEdge] = []
        var admissibleCount = [Int](repeating: 0, count: rows.count)
        var exclusions = [[Admissibility.Exclusion: Int]](repeating: [:], count: rows.count)
        for (i, mentee) in rows.enumerated() {
            if i & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
            for (j, mentor) in mentors.enumerated() {
                if let exclusion = prepared.exclusion(mentee, mentor) {
                    exclusions[i][exclusion, default: 0] += 1
                    continue
                }
                admissibleCount[i] += 1
                let score = model.score(mentee, mentor)
                let boost = (request.priority[directory.members[mentee].id] ?? 0)
                edges.append(WeightedEdge(i, j, Int64((Double(score) * (1 + boost)).rounded())))
            }
        }
        let graph = try BipartiteGraph(leftCount: rows.count, rightCount: mentors.count, edges: edges)
        var columns: [Int?]
        if request.stable {
            var preferences = [[Int]](repeating: [], count: rows.count)
            var mentorPreferences = [[(Int64, Int)]](repeating: [], count: mentors.count)
            for edge in graph.edges where edge.weight > 0 || request.everyone {
                preferences[edge.u].append(edge.v)
                mentorPreferences[edge.v].append((edge.weight, edge.u))
            }
            let weight = Dictionary(graph.edges.map { (UInt64($0.u) << 32 | UInt64($0.v), $0.weight) }, uniquingKeysWith: { a, _ in a })
            let ranked = preferences.enumerated().map { i, list in
                list.sorted { (weight[UInt64(i) << 32 | UInt64($0)]!, -$0) > (weight[UInt64(i) << 32 | UInt64($1)]!, -$1) }
            }
            let mentorRanked = mentorPreferences.map { $0.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.map(\.1) }
            columns = DeferredAcceptance.match(proposerPreferences: ranked, receiverPreferences: mentorRanked, capacities: capacity).receiver
        } else {
            columns = try CapacitatedAssignment.solve(graph, capacities: capacity, maximumCardinality: request.everyone,
                                                      shouldStop: shouldStop).columns
        }
        var load = capacity.map { _ in 0 }
        var unmatched: [Draft.Unmatched] = []
        for (i, column) in columns.enumerated() {
            if let column {
                load[column] += 1
                groups.append(group([rows[i], mentors[column]], model: model, isPinned: false, admissibility: admissibility))
                continue
            }
            let member = directory.members[rows[i]]
            let reason: String
            if mentors.isEmpty {
                reason = "no entrepreneur to mentor anyone"
            } else if admissibleCount[i] == 0 {
                let main = exclusions[i].max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }?.key
                reason = main == .language ? "shares no language with any mentor (speaks \(member.languages.joined(separator: ", ")))"
                    : main == .availability ? "no time slot in common with any mentor" : "every mentor is forbidden"
            } else if graph.edges.filter({ $0.u == i }).allSatisfy({ $0.weight <= 0 }) && !request.everyone {
                reason = "nothing in common with any mentor (--everyone assigns anyway)"
            } else {
                reason = "the mentors who suit are full"
            }
            unmatched.append(Draft.Unmatched(id: member.id, reason: reason))
        }
        let room = mentors.indices.filter { load[$0] < capacity[$0] }.map { j in
            "\(directory.members[mentors[j]].id) (\(capacity[j] - load[j]) of \(directory.members[mentors[j]].capacity))"
        }
        if !room.isEmpty { notes.append("mentors with room left: " + room.joined(separator: ", ")) }
        var draft = Draft(mode: .mentoring, seed: request.seed, created: Date(timeIntervalSince1970: 0), groups: sorted(groups),
                          unmatched: unmatched, notes: notes, total: 0, upperBound: nil)
        draft.isStable = request.stable
        return draft
    }
}
