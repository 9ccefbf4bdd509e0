import Community
import Foundation
import Matchmaker

/// How the facts about a draft read: what was proved, why someone is left
/// out, what a pin breaks, what the matchmaker noted. One type per language;
/// a fact without its sentence does not compile.
protocol DraftWording: Sendable {
    /// A reason in a sentence (`Kenji Watanabe offers game design, which Amélie Dupré seeks`); `name` gives a member's name from an id.
    func reason(_ reason: PairReason, name: (String) -> String) -> String
    /// A reason in a few words, for a compact table (`game design for Amélie`);
    /// `shortName` gives how to call a member there (a first name, unless another in the group has it).
    func shortReason(_ reason: PairReason, shortName: (String) -> String) -> String
    /// Something to talk about first, calling members by `shortName`.
    func starter(_ starter: Starter, shortName: (String) -> String) -> String
    func adjustment(_ adjustment: Adjustment) -> String
    func guarantee(_ guarantee: Guarantee, total: Int64, mode: Draft.Mode) -> String
    func cause(_ cause: UnmatchedCause) -> String
    func note(_ note: Draft.Note) -> String
    func pinWarning(_ warning: PinWarning, name: (String) -> String) -> String
    func exclusion(_ exclusion: Admissibility.Exclusion, _ a: Member, _ b: Member) -> String
    func matchError(_ error: MatchError) -> String
}

/// English.
struct EnglishDraftWording: DraftWording {
    static func article(_ role: Role) -> String { role == .entrepreneur ? "an" : "a" }

    static func counted(_ count: Int, _ noun: String) -> String { Language.en.counted(count, noun, noun) }

    /// The first word of a name: how a starter addresses people.
    static func first(_ name: String) -> String { String(name.split(separator: " ").first ?? Substring(name)) }

    func reason(_ reason: PairReason, name: (String) -> String) -> String {
        switch reason {
        case .needMet(let seeker, let offerer, let tag, nil, let means):
            return "\(name(offerer)) \(Self.holds(tag, means)), which \(name(seeker)) seeks"
        case .needMet(let seeker, let offerer, let tag, let sought?, let means):
            return "\(name(offerer)) \(Self.holds(tag, means)), close to \(sought), which \(name(seeker)) seeks"
        case .sharedInterest(let tag):
            return "both are into \(tag)"
        case .roles(let low, let high) where low == high:
            return "two \(low.rawValue)s"
        case .roles(let low, let high):
            return "\(Self.article(low)) \(low.rawValue) and \(Self.article(high)) \(high.rawValue)"
        case .differentOrganizations(let a, let b):
            return "from different organisations (\(a), \(b))"
        case .differentWings(let a, let b):
            return "from different wings (\(a) and \(b))"
        }
    }

    /// "offers Blender", "knows Blender (expert)": how an offerer has the tag.
    static func holds(_ tag: String, _ means: PairReason.Means?) -> String {
        guard case .skill(let level) = means else { return "offers \(tag)" }
        return "knows \(Language.en.skill(tag, level: level))"
    }

    func shortReason(_ reason: PairReason, shortName name: (String) -> String) -> String {
        switch reason {
        case .needMet(let seeker, _, let tag, _, _): return "\(tag) for \(name(seeker))"
        case .sharedInterest(let tag): return "both into \(tag)"
        case .roles(let low, let high): return "\(low.rawValue) + \(high.rawValue)"
        case .differentOrganizations: return "other organisations"
        case .differentWings: return "other wings"
        }
    }

    func starter(_ starter: Starter, shortName name: (String) -> String) -> String {
        switch starter {
        case .sharedInterest(let topic): return "What got you into \(topic)?"
        case .askAbout(let asker, let expert, let topic):
            return "\(name(asker)) asks \(name(expert)): how did you learn \(topic)?"
        case .interest(let member, let topic): return "\(name(member)), what draws you to \(topic)?"
        }
    }

    func adjustment(_ adjustment: Adjustment) -> String {
        switch adjustment {
        case .met(let roundsAgo, let percent):
            return "met \(roundsAgo == 1 ? "in the last round" : "\(roundsAgo) rounds ago"): −\(percent)\u{A0}%"
        case .rated(let average, let percent):
            // A rating of 3 moves nothing: said so, not as "+0 %".
            let change = percent == 0 ? "no change" : "\(percent > 0 ? "+" : "−")\(abs(percent))\u{A0}%"
            return "rated \(String(format: "%.1f", average))/5 before: \(change)"
        }
    }

    func guarantee(_ guarantee: Guarantee, total: Int64, mode: Draft.Mode) -> String {
        let people =
            guarantee.isWholeCommunity
            ? "the \(Language.en.grouped(guarantee.members)) members"
            : "the \(Language.en.grouped(guarantee.members)) members matched"
        var scope: [String] = []
        if guarantee.pinnedGroups > 0 { scope.append("given \(Self.counted(guarantee.pinnedGroups, "pin"))") }
        if guarantee.isFairnessAdjusted { scope.append("for this round's fairness-adjusted scores") }
        if guarantee.isCardinalityFirst {
            scope.append(
                mode == .mentoring
                    ? "among the assignments placing the most mentees" : "among the pairings with the most pairs")
        }
        let pairs = mode == .mentoring ? "mentee–mentor pair" : "pair"
        if guarantee.excludesRepeats {
            scope.insert(
                guarantee.excludesEarlierRounds == true
                    ? "among pairs that have not met before" : "among pairs that have not met in this plan", at: 0)
        }
        let qualifiers = scope.isEmpty ? "" : ", " + scope.joined(separator: ", ")
        var text: String
        switch guarantee.claim {
        case .optimal:
            switch guarantee.coverage {
            case .everyAdmissiblePair:
                text = "optimal (proved over every admissible \(pairs) of \(people)\(qualifiers))"
            case .candidates(let perMember, let count):
                text =
                    "optimal among the candidate pairs only (each member's \(perMember) best partners, \(Language.en.grouped(count)) pairs\(qualifiers)); "
                    + "not proved over every pair"
            }
        case .stable:
            text = "stable: no mentee and mentor would both rather be together (checked over \(people)\(qualifiers))"
        case .withinBound(let bound, let seated, let tables):
            let share = bound > 0 ? Int((Double(total) * 100 / Double(bound)).rounded(.down)) : 100
            let seating =
                seated.map { $0 == guarantee.members ? "" : " seating \(Language.en.grouped($0)) or more" } ?? ""
            let into = tables.map { "into \(Self.counted($0, "table"))" } ?? "into these tables"
            let apart =
                !guarantee.excludesRepeats
                ? ""
                : guarantee.excludesEarlierRounds == true
                    ? " keeping apart those who have met before" : " keeping apart those who have met in this plan"
            text =
                "at least \(share) % of the best possible: no grouping of \(people) \(into)\(seating)\(apart) can pass \(Language.en.points(bound))"
            if guarantee.pinnedGroups > 0 { text += " (pins aside)" }
        case .none:
            text = "no guarantee recorded"
        }
        if guarantee.repeatPairs > 0 {
            text +=
                "; then \(Self.counted(guarantee.repeatPairs, "pair")) among those left, meeting again (proved optimal among them)"
        }
        return text
    }

    func cause(_ cause: UnmatchedCause) -> String {
        func whom(_ partners: UnmatchedCause.Partners) -> String { partners == .mentors ? "any mentor" : "anyone" }
        switch cause {
        case .noSharedLanguage(let speaks, let partners):
            return "shares no language with \(whom(partners)) (speaks \(Language.en.languages(speaks)))"
        case .noCommonSlot(let free, let partners):
            return "no time slot in common with \(whom(partners)) (free \(free.joined(separator: ", ")))"
        case .everyPartnerForbidden(let partners):
            return partners == .mentors ? "every mentor is forbidden" : "every possible partner is forbidden"
        case .nobodyElse: return "nobody else to meet"
        case .sharesNoTag: return "shares no need, offer or interest with anyone"
        case .nothingInCommon(let partners):
            return partners == .mentors
                ? "nothing in common with any mentor (--everyone assigns anyway)"
                : "has nothing in common with anyone available (scores of 0; --everyone pairs anyway)"
        case .oddOneOut: return "odd number of members: one is left"
        case .compatibleAlreadyPaired: return "everyone compatible is already paired"
        case .noMentors: return "no entrepreneur to mentor anyone"
        case .mentorsFull: return "the mentors who suit are full"
        case .noCompatibleTable:
            return "every table with a free seat holds someone they cannot meet (a language, a time slot or a ban)"
        case .tablesFull(let scarce):
            guard let scarce, let role = Role(rawValue: scarce) else {
                return "every table is full, and too few are left for another"
            }
            return
                "every table is full (one extra seat each), and too few \(role.rawValue)s are left for another mixed table"
        case .noTableTogether:
            return "every table is full, and those left cannot sit together (a language, a time slot or a ban)"
        case .tooFewForTable(let size): return "too few members for a table of \(size)"
        }
    }

    func note(_ note: Draft.Note) -> String {
        switch note {
        case .pinSetAside(let pair, .notBothMatched): return "pin \(pair) set aside: not both among the members matched"
        case .pinSetAside(let pair, .notMenteeAndMentor):
            return "pin \(pair) set aside: a mentoring pin joins a mentee and a mentor"
        case .pinSetAside(let pair, .mentorFull(let mentor)):
            return "pin \(pair) set aside: \(mentor) has no place left"
        case .pinHonoured(let pair): return "pin \(pair) honoured"
        case .pinNotHonoured(let pair): return "pin \(pair) could not be honoured by these tables"
        case .mentorsWithRoom(let rooms):
            return "mentors with room left: "
                + rooms.map { "\($0.id) (\($0.left) of \($0.capacity))" }.joined(separator: ", ")
        case .planRound(let index, let count): return "round \(index) of a plan of \(count)"
        case .tableMakeUp(let counts):
            let parts = zip(Role.allCases, counts).filter { $0.1 > 0 }.map { Self.counted($0.1, $0.0.rawValue) }
            return "tables of \(counts.reduce(0, +)): " + parts.joined(separator: ", ")
                + " each (--any-roles for any mix)"
        }
    }

    func pinWarning(_ warning: PinWarning, name: (String) -> String) -> String {
        switch warning {
        case .overrides(let pair, .language):
            return "pinned although \(name(pair.first)) and \(name(pair.second)) share no language"
        case .overrides(let pair, .availability):
            return "pinned although \(name(pair.first)) and \(name(pair.second)) have no time slot in common"
        case .overrides(let pair, .forbidden):
            return "pinned although \(name(pair.first)) and \(name(pair.second)) are forbidden"
        case .scoresNothing(let pair):
            return "pinned although \(name(pair.first)) and \(name(pair.second)) score 0 together"
        }
    }

    func exclusion(_ exclusion: Admissibility.Exclusion, _ a: Member, _ b: Member) -> String {
        switch exclusion {
        case .language:
            return
                "no shared language (\(a.name): \(Language.en.languages(a.languages)); \(b.name): \(Language.en.languages(b.languages)))"
        case .availability:
            return
                "no time slot in common (\(a.name): \(a.availability.joined(separator: ", ")); \(b.name): \(b.availability.joined(separator: ", ")))"
        case .forbidden:
            return "kept apart (unpin \(a.id) \(b.id) lifts it)"
        }
    }

    func matchError(_ error: MatchError) -> String {
        switch error {
        case .pinnedTwice(let member, let partners):
            return
                "\(member) is pinned with \(partners.joined(separator: " and ")): unpin one (unpin \(member) \(partners[0]))"
        case .pinnedAndForbidden(let pair):
            return "\(pair.first) and \(pair.second) are both pinned and forbidden: unpin them first"
        case .tooFewMembers(let count):
            return "\(count == 0 ? "no members" : "only one member") to match"
        case .tablesTooSmallToMix(let size):
            return "tables of \(size) cannot hold the three roles: add --any-roles, or use 'match pairs'"
        case .roleMissingForTables(let role):
            return
                "no \(role.rawValue) among the members matched, and each table mixes the three roles: add --any-roles, or match more members"
        case .noMentees:
            return "no student or startup among the members matched: mentoring pairs them with entrepreneurs"
        case .proofFailed(let mode, let failure):
            let what: String
            switch failure {
            case .certificate(let detail, let count):
                what =
                    "the optimality certificate does not hold (\(detail)\(count > 1 ? ", and \(count - 1) more" : ""))"
            case .totalMismatch(let draft, let checked):
                what =
                    "its total \(Language.en.points(draft)) is not the sum of its pairs' scores, \(Language.en.points(checked))"
            case .blockingPair(let mentee, let mentor):
                what = "\(mentee) and \(mentor) would both rather be together"
            case .invalidGroups(let detail):
                what = "its tables break the rules (\(detail))"
            case .boundBelowTotal(let bound, let total):
                what =
                    "the bound \(Language.en.points(bound)) is below the total found, \(Language.en.points(total))"
            }
            return "the \(mode.rawValue) draft failed its check and was discarded: \(what); nothing is claimed about it"
        }
    }
}

extension MatchError: CustomStringConvertible {
    public var description: String { EnglishDraftWording().matchError(self) }
}
