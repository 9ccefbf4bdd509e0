import Community
import Foundation
import Matching

/// What to match, and under which constraints.
public struct MatchRequest: Sendable {
    public var mode: Draft.Mode
    /// Directory indices of the members to match; all when nil.
    public var among: [Int]?
    /// Pair (or assign) as many as possible first.
    public var everyone = false
    /// Mentoring: stable and mentee-optimal instead of the best total.
    public var stable = false
    /// Circles: members a group.
    public var size = 3
    /// Circles of three: one student, one startup, one entrepreneur.
    public var mixesRoles = true
    public var pins: Set<MemberPair> = []
    public var forbidden: Set<MemberPair> = []
    /// Large communities: partners scored per member.
    public var candidates = 40
    public var seed: UInt64 = 1
    /// A bonus on every pair of these members (fairness across planned rounds).
    public var priority: [String: Double] = [:]

    public init(mode: Draft.Mode) { self.mode = mode }
}

/// Turns a community, its affinities and the session's constraints into a draft round.
public enum Matchmaker {
    public static func match(
        _ request: MatchRequest, model: AffinityModel, now: Date, shouldStop: () -> Bool = { false }
    ) throws -> Draft {
        let directory = model.directory
        let members = request.among ?? Array(directory.members.indices)
        for pair in request.pins where request.forbidden.contains(pair) { throw MatchError.pinnedAndForbidden(pair) }
        var partnersOf: [String: [String]] = [:]
        for pair in request.pins.sorted() {
            partnersOf[pair.first, default: []].append(pair.second)
            partnersOf[pair.second, default: []].append(pair.first)
        }
        if let (member, partners) = partnersOf.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 1 }), request.mode != .circles {
            throw MatchError.pinnedTwice(member: member, partners: partners)
        }
        var draft: Draft
        switch request.mode {
        case .pairs: draft = try matchPairs(request, members: members, model: model, shouldStop: shouldStop)
        case .mentoring: draft = try matchMentoring(request, members: members, model: model, shouldStop: shouldStop)
        case .circles: draft = try matchCircles(request, members: members, model: model, shouldStop: shouldStop)
        }
        draft.created = now
        draft.total = draft.groups.reduce(0) { $0 + $1.score }
        return draft
    }

    // MARK: Pairs

    static func matchPairs(_ request: MatchRequest, members: [Int], model: AffinityModel, shouldStop: () -> Bool) throws -> Draft {
        let directory = model.directory
        var groups: [Draft.Group] = []
        var notes: [String] = []
        let (pinned, pinNotes) = applicablePins(request.pins, members: members, directory: directory)
        notes += pinNotes
        let admissibility = Admissibility(forbidden: request.forbidden)
        var pinnedIDs = Set<String>()
        for pair in pinned {
            guard let a = directory.index(of: pair.first), let b = directory.index(of: pair.second) else { continue }
            pinnedIDs.formUnion([pair.first, pair.second])
            groups.append(group([a, b], model: model, isPinned: true, admissibility: admissibility))
        }
        let pool = members.filter { !pinnedIDs.contains(directory.members[$0].id) }
        var graph = try PairingGraph(model: model, members: pool, admissibility: admissibility, candidates: request.candidates, shouldStop: shouldStop)
        var result = try MaximumWeightMatching.solve(prioritized(graph, priority: request.priority, directory: directory),
                                                     maximumCardinality: request.everyone, shouldStop: shouldStop)
        if !graph.isComplete {
            // Large community: those the best candidates left alone may still
            // pair with each other. Add every admissible pair among them and
            // solve again, exactly, on the union.
            let alone = result.matching.mate.indices.filter { result.matching.mate[$0] == nil }
            graph = graph.addingEveryPair(among: alone, model: model, admissibility: admissibility)
            result = try MaximumWeightMatching.solve(prioritized(graph, priority: request.priority, directory: directory),
                                                     maximumCardinality: request.everyone, shouldStop: shouldStop)
        }
        for (u, v) in result.matching.pairs {
            groups.append(group([graph.members[u], graph.members[v]], model: model, isPinned: false, admissibility: admissibility))
        }
        let alone = graph.members.indices.filter { result.matching.mate[$0] == nil }
        let unmatched = alone.map { u in
            Draft.Unmatched(id: directory.members[graph.members[u]].id,
                            reason: unmatchedReason(vertex: u, in: graph, aloneCount: alone.count, directory: directory, everyone: request.everyone))
        }
        return Draft(mode: .pairs, seed: request.seed, created: Date(timeIntervalSince1970: 0), groups: sorted(groups),
                     unmatched: unmatched, notes: notes, total: 0, upperBound: nil)
    }

    /// Pins whose two members are both being matched; the others are noted and set aside.
    static func applicablePins(_ pins: Set<MemberPair>, members: [Int], directory: Directory) -> ([MemberPair], [String]) {
        let ids = Set(members.map { directory.members[$0].id })
        var kept: [MemberPair] = [], notes: [String] = []
        for pair in pins.sorted() {
            if ids.contains(pair.first) && ids.contains(pair.second) { kept.append(pair) } else {
                notes.append("pin \(pair.first)–\(pair.second) set aside: not both among the members matched")
            }
        }
        return (kept, notes)
    }

    /// The graph with each pair's weight raised by its members' priority (fairness).
    static func prioritized(_ graph: PairingGraph, priority: [String: Double], directory: Directory) -> WeightedGraph {
        guard !priority.isEmpty else { return graph.graph }
        let boost = graph.members.map { priority[directory.members[$0].id] ?? 0 }
        let edges = graph.graph.edges.map { edge in
            WeightedEdge(edge.u, edge.v, Int64((Double(edge.weight) * (1 + boost[edge.u] + boost[edge.v])).rounded()))
        }
        return try! WeightedGraph(vertexCount: graph.graph.vertexCount, edges: edges)
    }

    /// A group with its score (the sum of its pairs'), strongest reasons and a conversation starter.
    static func group(_ indices: [Int], model: AffinityModel, isPinned: Bool, admissibility: Admissibility, reasonCount: Int = 3) -> Draft.Group {
        let directory = model.directory
        var score: Int64 = 0
        var reasons: [Explanation.Reason] = []
        var notes: [String] = []
        for (position, a) in indices.enumerated() {
            for b in indices[(position + 1)...] {
                let explanation = model.explain(a, b)
                score += explanation.total
                reasons += explanation.reasons
                if let exclusion = admissibility.exclusion(directory.members[a], directory.members[b]), exclusion != .forbidden {
                    notes.append("pinned although: " + Admissibility.describe(exclusion, directory.members[a], directory.members[b]))
                }
            }
        }
        var seen = Set<String>()
        let strongest = reasons.sorted { $0.points > $1.points }.map(\.text).filter { seen.insert($0).inserted }.prefix(reasonCount)
        return Draft.Group(members: indices.map { directory.members[$0].id }, score: score,
                           reasons: notes + strongest, starter: starter(indices, model: model), isPinned: isPinned)
    }

    /// An opening question from the interests the members share (or one's interest and the other's skill).
    static func starter(_ indices: [Int], model: AffinityModel) -> String? {
        let members = indices.map { model.directory.members[$0] }
        let taxonomy = model.directory.taxonomy
        var counts: [String: Int] = [:]
        for member in members { for key in Set(member.interests.map(taxonomy.key(for:))) { counts[key, default: 0] += 1 } }
        if let shared = counts.filter({ $0.value >= 2 }).sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first {
            let shown = AffinityModel.shown(shared.key, in: members.flatMap(\.interests), taxonomy)
            return "What got you into \(shown)?"
        }
        for member in members {
            for other in members where other.id != member.id {
                if let interest = member.interests.first(where: { tag in other.skills.contains { taxonomy.key(for: $0.name) == taxonomy.key(for: tag) } }) {
                    return "\(member.name.split(separator: " ").first ?? ""), ask \(other.name.split(separator: " ").first ?? "") about \(interest)."
                }
            }
        }
        return members.first { !$0.interests.isEmpty }.map { "Ask \($0.name.split(separator: " ").first ?? "") about \($0.interests[0])." }
    }

    /// Why an unmatched member is unmatched, from the graph and the matching.
    static func unmatchedReason(vertex u: Int, in graph: PairingGraph, aloneCount: Int, directory: Directory, everyone: Bool) -> String {
        let member = directory.members[graph.members[u]]
        if graph.admissibleCount[u] == 0 {
            let exclusions = graph.exclusions[u]
            guard let (main, _) = exclusions.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) else {
                return graph.isComplete ? "nobody else to meet" : "shares no need, offer or interest with anyone"
            }
            switch main {
            case .language: return "shares no language with anyone (speaks \(member.languages.joined(separator: ", ")))"
            case .availability: return "no time slot in common with anyone (free \(member.availability.joined(separator: ", ")))"
            case .forbidden: return "every possible partner is forbidden"
            }
        }
        if !everyone && !graph.hasPositiveEdge[u] {
            return "has nothing in common with anyone available (scores of 0; --everyone pairs anyway)"
        }
        if everyone && aloneCount == 1 { return "odd number of members: one is left" }
        return "everyone compatible is already paired"
    }

    /// Groups in a stable order: by their first member's id.
    static func sorted(_ groups: [Draft.Group]) -> [Draft.Group] {
        groups.sorted { ($0.members.first ?? "") < ($1.members.first ?? "") }
    }
}
