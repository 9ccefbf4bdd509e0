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
    /// Pairs that met earlier in a plan: kept apart like bans, but the
    /// guarantee says the claim is over the pairs that have not met.
    public var alreadyMet: Set<MemberPair> = []
    /// `alreadyMet` also holds the pairs of the committed rounds (`--no-repeats`), not only the plan's.
    public var keepsEarlierRoundsApart = false
    /// Large communities: partners scored per member.
    public var candidates = PairingGraph.candidates
    /// Large communities: a tag's holders are all read for the candidates up
    /// to this many; a longer list is read in part (`PairingGraph.sampling`).
    public var sampling = PairingGraph.sampling
    /// Up to this many members every admissible pair is scored; above, candidates and pricing.
    public var completeLimit = PairingGraph.completeLimit
    /// Up to this many members `match circles` scores every pair; above, each
    /// member's best partners for the search and the pairs above a floor for
    /// the bound (`CirclePairs`).
    public var tablesScoreAllUpTo = GroupFormation.Problem.sparseThreshold
    public var seed: UInt64 = 1
    /// A bonus on every pair of these members (fairness across planned rounds).
    public var priority: [String: Double] = [:]

    public init(mode: Draft.Mode) { self.mode = mode }

    /// The pairs kept apart: the session's bans and, in a plan, those who met already.
    var apart: Set<MemberPair> { alreadyMet.isEmpty ? forbidden : forbidden.union(alreadyMet) }
}

/// Turns a community, its affinities and the session's constraints into a
/// draft round, and proves what it can about it before handing it back.
public enum Matchmaker {
    public static func match(
        _ request: MatchRequest, model: AffinityModel, now: Date, shouldStop: () -> Bool = { false },
        report: (MatchStage) -> Void = { _ in }
    ) throws -> Draft {
        let directory = model.directory
        let members = request.among ?? Array(directory.members.indices)
        for pair in request.pins where request.forbidden.contains(pair) { throw MatchError.pinnedAndForbidden(pair) }
        var partnersOf: [String: [String]] = [:]
        for pair in request.pins.sorted() {
            partnersOf[pair.first, default: []].append(pair.second)
            partnersOf[pair.second, default: []].append(pair.first)
        }
        // A table seats several; in mentoring a mentor takes as many mentees as its capacity (more are set aside).
        func takesSeveral(_ id: String) -> Bool {
            request.mode == .circles
                || (request.mode == .mentoring
                    && directory.index(of: id).map { directory.members[$0].role } == .entrepreneur)
        }
        if let (member, partners) = partnersOf.sorted(by: { $0.key < $1.key }).first(where: {
            $0.value.count > 1 && !takesSeveral($0.key)
        }) {
            throw MatchError.pinnedTwice(member: member, partners: partners)
        }
        var draft: Draft
        switch request.mode {
        case .pairs:
            draft = try matchPairs(request, members: members, model: model, shouldStop: shouldStop, report: report)
        case .mentoring:
            draft = try matchMentoring(
                request, members: members, model: model, shouldStop: shouldStop, report: report)
        case .circles:
            draft = try matchCircles(request, members: members, model: model, shouldStop: shouldStop, report: report)
        }
        try DraftProof.checkTotal(draft.groups, model: model, mode: request.mode)
        draft.created = now
        // The pins it honours: one set aside (its note says why) is not shown as pinning the draft.
        let setAside = Set(
            draft.notes.compactMap { note -> MemberPair? in
                if case .pinSetAside(let pair, _) = note { return pair }
                return nil
            })
        draft.pins = request.pins.subtracting(setAside).sorted()
        draft.bans = request.forbidden.sorted()
        draft.guarantee.isWholeCommunity = request.among == nil
        if request.keepsEarlierRoundsApart && !request.alreadyMet.isEmpty {
            draft.guarantee.excludesEarlierRounds = true
        }
        return draft
    }

    /// Pins whose two members are both being matched; the others are noted and set aside.
    static func applicablePins(_ pins: Set<MemberPair>, members: [Int], directory: Directory) -> (
        [MemberPair], [Draft.Note]
    ) {
        let ids = Set(members.map { directory.members[$0].id })
        var kept: [MemberPair] = []
        var notes: [Draft.Note] = []
        for pair in pins.sorted() {
            if ids.contains(pair.first) && ids.contains(pair.second) {
                kept.append(pair)
            } else {
                notes.append(.pinSetAside(pair, .notBothMatched))
            }
        }
        return (kept, notes)
    }

    /// A group with its score (the sum of its pairs'), strongest reasons, a
    /// conversation starter, and what its pinned pairs break.
    static func group(
        _ indices: [Int], model: AffinityModel, pinned: Set<MemberPair>, admissibility: Admissibility
    ) -> Draft.Group {
        let directory = model.directory
        var score: Int64 = 0
        var reasons: [Explanation.Reason] = []
        var warnings: [PinWarning] = []
        var adjustments: [Adjustment] = []
        for (position, a) in indices.enumerated() {
            for b in indices[(position + 1)...] {
                let explanation = model.explain(a, b)
                score += explanation.total
                reasons += explanation.reasons
                for adjustment in explanation.adjustments where !adjustments.contains(adjustment) {
                    adjustments.append(adjustment)
                }
                let pair = MemberPair(directory.members[a].id, directory.members[b].id)
                guard pinned.contains(pair) else { continue }
                if let exclusion = admissibility.exclusion(directory.members[a], directory.members[b]),
                    exclusion != .forbidden
                {
                    warnings.append(.overrides(pair, exclusion))
                }
                if explanation.total == 0 { warnings.append(.scoresNothing(pair)) }
            }
        }
        // The same fact seen from either member of a pair is one reason (organisations and wings in either order).
        func canonical(_ fact: PairReason) -> PairReason {
            switch fact {
            case .differentOrganizations(let a, let b) where b < a: return .differentOrganizations(b, a)
            case .differentWings(let a, let b) where b < a: return .differentWings(b, a)
            default: return fact
            }
        }
        var seen = Set<PairReason>()
        let strongest = reasons.sorted { $0.points > $1.points }.map(\.fact).filter {
            seen.insert(canonical($0)).inserted
        }
        let ids = indices.map { directory.members[$0].id }
        let isPinned = pinned.contains { ids.contains($0.first) && ids.contains($0.second) }
        return Draft.Group(
            members: ids, score: score, reasons: strongest, starter: starter(indices, model: model),
            isPinned: isPinned, pinWarnings: warnings, adjustments: adjustments)
    }

    /// Something to talk about first: an interest the members share, else one's
    /// interest that another has as a skill, else someone's interest.
    static func starter(_ indices: [Int], model: AffinityModel) -> Starter? {
        let members = indices.map { model.directory.members[$0] }
        let taxonomy = model.directory.taxonomy
        var counts: [String: Int] = [:]
        for member in members {
            for key in Set(member.interests.map(model.key(for:))) { counts[key, default: 0] += 1 }
        }
        if let shared = counts.filter({ $0.value >= 2 }).sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first {
            return .sharedInterest(
                AffinityModel.shown(
                    shared.key, in: model.spellings(members.flatMap(\.interests)), taxonomy))
        }
        let skillKeys = members.map { Set($0.skills.map { model.key(for: $0.name) }) }
        for member in members {
            for (other, skills) in zip(members, skillKeys) where other.id != member.id {
                if let interest = member.interests.first(where: { skills.contains(model.key(for: $0)) }) {
                    return .askAbout(asker: member.id, expert: other.id, topic: interest)
                }
            }
        }
        return members.first { !$0.interests.isEmpty }.map { .interest(of: $0.id, topic: $0.interests[0]) }
    }

    /// The most frequent exclusion among a member's counts (ties: by name).
    /// A pair is refused by the first rule it breaks (language, then time
    /// slots, then bans), so the last rule that refused anyone is the one
    /// that stands between the member and the partners who passed the others.
    static func mainExclusion(_ counts: [Admissibility.Exclusion: Int]) -> Admissibility.Exclusion? {
        [Admissibility.Exclusion.forbidden, .availability, .language].first { (counts[$0] ?? 0) > 0 }
    }

    /// What every partner in `others` is to member `a`: how many are
    /// admissible, why the others are not, and whether one of the admissible
    /// weighs more than zero. For the causes of those left out.
    static func partnerFacts(
        of a: Int, among others: [Int], objective: DraftProof.Objective, prepared: PreparedAdmissibility
    ) -> (admissible: Int, exclusions: [Admissibility.Exclusion: Int], worthSomething: Bool) {
        var exclusions: [Admissibility.Exclusion: Int] = [:]
        var admissible = 0
        var worthSomething = false
        for b in others where b != a {
            if let exclusion = prepared.exclusion(a, b) {
                exclusions[exclusion, default: 0] += 1
                continue
            }
            admissible += 1
            if !worthSomething { worthSomething = objective.weight(a, b) > 0 }
        }
        return (admissible, exclusions, worthSomething)
    }

    /// The cause for a member whom every possible partner excludes.
    static func excludedCause(
        _ exclusion: Admissibility.Exclusion, _ member: Member, with partners: UnmatchedCause.Partners
    ) -> UnmatchedCause {
        switch exclusion {
        case .language: return .noSharedLanguage(speaks: member.languages, with: partners)
        case .availability: return .noCommonSlot(free: member.availability, with: partners)
        case .forbidden: return .everyPartnerForbidden(partners)
        }
    }

    /// Groups in a stable order: by their first member's id.
    static func sorted(_ groups: [Draft.Group]) -> [Draft.Group] {
        groups.sorted { ($0.members.first ?? "") < ($1.members.first ?? "") }
    }
}
