import Community
import Foundation

extension Matchmaker {
    /// N successive rounds at once. Each round sees the ones before it as
    /// met (novelty), and a pair met earlier in the plan is not repeated while
    /// an alternative exists: a round first matches without repeats, then
    /// pairs who is left over among themselves, repeats allowed; both steps
    /// are proved, and the guarantee says so. Fairness: whoever had no
    /// partner, or a weak one, in a round comes first in the next (their
    /// pairs weigh up to half more), and the guarantee is then about those
    /// raised scores.
    ///
    /// - Parameter makeModel: the affinity model for a given history.
    public static func plan(
        _ request: MatchRequest, rounds: Int, history: MeetingHistory, makeModel: (MeetingHistory) -> AffinityModel,
        now: Date, shouldStop: () -> Bool = { false }, report: (MatchStage) -> Void = { _ in }
    ) throws -> [Draft] {
        var drafts: [Draft] = []
        var history = history
        var met = Set<MemberPair>()
        var priority: [String: Double] = [:]
        for round in 0..<rounds {
            let model = makeModel(history)
            var first = request
            first.seed = request.seed &+ UInt64(round)
            // Pins are for the coming round, not for every round of the plan.
            if round > 0 { first.pins = [] }
            first.priority = priority
            first.alreadyMet = request.alreadyMet.union(met)
            report(.planRound(round + 1, of: rounds))
            var draft = try matchAvoidingRepeats(first, model: model, now: now, shouldStop: shouldStop, report: report)
            draft.notes.append(.planRound(round + 1, of: rounds))
            drafts.append(draft)
            met.formUnion(draft.pairs)
            history = history.adding(round: draft.pairs)
            priority = fairness(after: draft)
        }
        return drafts
    }

    /// A round keeping `request.alreadyMet` apart while an alternative
    /// exists: matched without those pairs, then (pairs) whoever is left
    /// over paired among themselves, repeats allowed; both steps proved, and
    /// the guarantee says so.
    public static func matchAvoidingRepeats(
        _ request: MatchRequest, model: AffinityModel, now: Date, shouldStop: () -> Bool = { false },
        report: (MatchStage) -> Void = { _ in }
    ) throws -> Draft {
        var draft = try match(request, model: model, now: now, shouldStop: shouldStop, report: report)
        guard request.mode == .pairs, !request.alreadyMet.isEmpty, draft.unmatched.count >= 2 else { return draft }
        // Those left over may meet again rather than not at all.
        var second = request
        second.alreadyMet = []
        second.keepsEarlierRoundsApart = false
        second.pins = []
        second.among = draft.unmatched.compactMap { model.directory.index(of: $0.id) }
        report(.leftOver(members: draft.unmatched.count))
        let rest = try match(second, model: model, now: now, shouldStop: shouldStop, report: report)
        if !rest.groups.isEmpty {
            draft.groups = sorted(draft.groups + rest.groups)
            draft.unmatched = rest.unmatched
            draft.total = draft.groups.reduce(0) { $0 + $1.score }
            draft.guarantee.repeatPairs = rest.groups.count
            draft.guarantee.isFairnessAdjusted = draft.guarantee.isFairnessAdjusted || rest.guarantee.isFairnessAdjusted
        }
        return draft
    }

    /// Members left out get +50 % on their pairs next round; those whose
    /// group scored below the round's median get +25 %.
    static func fairness(after draft: Draft) -> [String: Double] {
        var priority: [String: Double] = [:]
        for member in draft.unmatched { priority[member.id] = 0.5 }
        let scores = draft.groups.map(\.score).sorted()
        guard !scores.isEmpty else { return priority }
        let median = scores[scores.count / 2]
        for group in draft.groups where group.score < median {
            for member in group.members { priority[member] = max(priority[member] ?? 0, 0.25) }
        }
        return priority
    }
}
