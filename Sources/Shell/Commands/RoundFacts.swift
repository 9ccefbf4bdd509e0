import Community
import Foundation
import Ledger
import Matchmaker

/// The facts of a round as the ledger keeps them: JSON text in its columns,
/// written at commit and read back for `round`, `export --round` and `diff`.
/// A round committed before facts were kept has English words instead: each
/// sentence is read back into its fact where it can be (`StoredProse`), and
/// shown as it was written where it cannot.
struct StoredFacts: Codable {
    var notes: [Draft.Note]
    var pins: [MemberPair]
    var bans: [MemberPair]

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    static func text(_ value: some Encodable) -> String? {
        (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }

    static func value<T: Decodable>(_ type: T.Type, from text: String?) -> T? {
        guard let data = text?.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }

    /// The ledger's record of a draft.
    /// - Parameter directory: the community, whose members' names the ledger keeps with the round.
    static func record(_ draft: Draft, name: String, at date: Date, directory: Directory) -> RoundRecord {
        var names: [String: String] = [:]
        for id in draft.groups.flatMap(\.members) + draft.unmatched.map(\.id) {
            names[id] = directory[id]?.name
        }
        return RoundRecord(
            name: name, committedAt: date,
            mode: draft.mode.rawValue + (draft.guarantee.claim == .stable ? "-stable" : ""), seed: draft.seed,
            total: draft.total,
            upperBound: {
                if case .withinBound(let bound, _, _) = draft.guarantee.claim { return bound } else { return nil }
            }(),
            groups: draft.groups.map { group in
                RoundRecord.Group(
                    members: group.members, score: group.score, isPinned: group.isPinned,
                    pinWarnings: group.pinWarnings.isEmpty ? nil : text(group.pinWarnings),
                    reasonFacts: text(group.reasons), starterFact: group.starter.flatMap(text),
                    adjustmentFacts: group.adjustments.isEmpty ? nil : text(group.adjustments))
            },
            unmatched: draft.unmatched.map { RoundRecord.Unmatched(id: $0.id, cause: text($0.cause)) },
            guarantee: text(draft.guarantee),
            noteFacts: text(StoredFacts(notes: draft.notes, pins: draft.pins, bans: draft.bans)), names: names)
    }

    /// The guarantee, notes and constraints of a committed round.
    static func decode(_ record: RoundRecord) -> (
        guarantee: Guarantee?, notes: [Stated<Draft.Note>], pins: [MemberPair], bans: [MemberPair]
    ) {
        let guarantee = value(Guarantee.self, from: record.guarantee)
        guard let stored = value(StoredFacts.self, from: record.noteFacts) else {
            return (guarantee, record.notes.map { .words($0) }, [], [])
        }
        return (guarantee, stored.notes.map { .fact($0) }, stored.pins, stored.bans)
    }

    static func cause(_ unmatched: RoundRecord.Unmatched) -> Stated<UnmatchedCause> {
        if let fact = value(UnmatchedCause.self, from: unmatched.cause) { return .fact(fact) }
        return StoredProse.cause(unmatched.reason).map { .fact($0) } ?? .words(unmatched.reason)
    }

    static func adjustments(_ group: RoundRecord.Group) -> [Adjustment] {
        value([Adjustment].self, from: group.adjustmentFacts) ?? []
    }

    static func pinWarnings(_ group: RoundRecord.Group) -> [PinWarning] {
        value([PinWarning].self, from: group.pinWarnings) ?? []
    }

    /// - Parameter name: a member's name from an id, to read old sentences back.
    static func reasons(_ group: RoundRecord.Group, name: (String) -> String) -> [Stated<PairReason>] {
        if let facts = value([PairReason].self, from: group.reasonFacts) { return facts.map { .fact($0) } }
        let people = group.members.map { (id: $0, name: name($0)) }
        return group.reasons.map { text in StoredProse.reason(text, people: people).map { .fact($0) } ?? .words(text) }
    }

    static func starter(_ group: RoundRecord.Group) -> Stated<Starter>? {
        if let fact = value(Starter.self, from: group.starterFact) { return .fact(fact) }
        return group.starter.map { text in StoredProse.starter(text).map { .fact($0) } ?? .words(text) }
    }
}

/// Facts in the JSON output: a `code`, the data, and the `text` a person reads.
enum FactJSON {
    static func guarantee(_ guarantee: Guarantee?, total: Int64, text: String) -> JSONValue {
        guard let guarantee else {
            return .object(["claim": .string("none"), "recorded": .bool(false), "text": .string(text)])
        }
        var claim = "none"
        var bound: JSONValue = .null
        var share: JSONValue = .null
        var seats: JSONValue = .null
        switch guarantee.claim {
        case .optimal: claim = "optimal"
        case .stable: claim = "stable"
        case .withinBound(let upper, let seated, _):
            claim = "within_bound"
            seats = seated.map { .int($0) } ?? .null
            bound = .int(upper)
            share = .double(upper > 0 ? (Double(total) * 1000 / Double(upper)).rounded(.down) / 10 : 100)
        case .none: claim = "none"
        }
        var coverage = "every_admissible_pair"
        var perMember: JSONValue = .null
        var pairs: JSONValue = .null
        if case .candidates(let count, let edges) = guarantee.coverage {
            coverage = "candidates"
            perMember = .int(count)
            pairs = .int(edges)
        }
        return .object([
            "claim": .string(claim),
            "recorded": .bool(true),
            "coverage": .string(coverage),
            "candidates_per_member": perMember,
            "candidate_pairs": pairs,
            "members": .int(guarantee.members),
            "whole_community": .bool(guarantee.isWholeCommunity),
            "pinned_groups": .int(guarantee.pinnedGroups),
            "fairness_adjusted": .bool(guarantee.isFairnessAdjusted),
            "cardinality_first": .bool(guarantee.isCardinalityFirst),
            "excludes_repeats": .bool(guarantee.excludesRepeats),
            "repeat_pairs": .int(guarantee.repeatPairs),
            "upper_bound": bound,
            "percent_of_bound": share,
            "seated": seats,
            "text": .string(text),
        ])
    }

    static func cause(_ cause: UnmatchedCause) -> JSONValue {
        switch cause {
        case .noSharedLanguage(let speaks, let partners):
            return .object([
                "code": .string("no_shared_language"), "languages": .strings(speaks),
                "partners": .string(partners.rawValue),
            ])
        case .noCommonSlot(let free, let partners):
            return .object([
                "code": .string("no_common_slot"), "slots": .strings(free), "partners": .string(partners.rawValue),
            ])
        case .everyPartnerForbidden(let partners):
            return .object(["code": .string("every_partner_forbidden"), "partners": .string(partners.rawValue)])
        case .nobodyElse: return .object(["code": .string("nobody_else")])
        case .sharesNoTag: return .object(["code": .string("shares_no_tag")])
        case .nothingInCommon(let partners):
            return .object(["code": .string("nothing_in_common"), "partners": .string(partners.rawValue)])
        case .oddOneOut: return .object(["code": .string("odd_one_out")])
        case .compatibleAlreadyPaired: return .object(["code": .string("compatible_already_paired")])
        case .noMentors: return .object(["code": .string("no_mentors")])
        case .mentorsFull: return .object(["code": .string("mentors_full")])
        case .noCompatibleTable: return .object(["code": .string("no_compatible_table")])
        case .tablesFull(let scarce):
            return .object(["code": .string("tables_full"), "scarce_role": .optional(scarce)])
        case .noTableTogether: return .object(["code": .string("no_table_together")])
        case .tooFewForTable(let size): return .object(["code": .string("too_few_for_table"), "size": .int(size)])
        }
    }

    static func reason(_ reason: PairReason) -> JSONValue {
        switch reason {
        case .needMet(let seeker, let offerer, let tag, let sought, let means):
            var level: String?
            if case .skill(let given) = means { level = given?.rawValue }
            return .object([
                "code": .string("need_met"), "seeker": .string(seeker), "offerer": .string(offerer),
                "tag": .string(tag),
                "sought": .optional(sought),
                "means": .optional(means.map { $0 == .offer ? "offer" : "skill" }), "level": .optional(level),
            ])
        case .sharedInterest(let tag): return .object(["code": .string("shared_interest"), "tag": .string(tag)])
        case .roles(let a, let b):
            return .object(["code": .string("roles"), "roles": .strings([a.rawValue, b.rawValue])])
        case .differentOrganizations(let a, let b):
            return .object(["code": .string("different_organizations"), "organizations": .strings([a, b])])
        case .differentWings(let a, let b):
            return .object(["code": .string("different_wings"), "wings": .array([.int(a), .int(b)])])
        }
    }

    static func starter(_ starter: Starter) -> JSONValue {
        switch starter {
        case .sharedInterest(let topic):
            return .object(["code": .string("shared_interest"), "topic": .string(topic)])
        case .askAbout(let asker, let expert, let topic):
            return .object([
                "code": .string("ask_about"), "asker": .string(asker), "expert": .string(expert),
                "topic": .string(topic),
            ])
        case .interest(let member, let topic):
            return .object(["code": .string("interest"), "member": .string(member), "topic": .string(topic)])
        }
    }

    static func adjustment(_ adjustment: Adjustment) -> JSONValue {
        switch adjustment {
        case .met(let roundsAgo, let percent):
            return .object(["code": .string("met"), "rounds_ago": .int(roundsAgo), "percent": .int(-percent)])
        case .rated(let average, let percent):
            return .object(["code": .string("rated"), "average": .double(average), "percent": .int(percent)])
        }
    }

    static func pinWarning(_ warning: PinWarning, text: String) -> JSONValue {
        switch warning {
        case .overrides(let pair, let exclusion):
            return .object([
                "code": .string("pin_overrides_" + exclusion.rawValue), "members": .strings([pair.first, pair.second]),
                "text": .string(text),
            ])
        case .scoresNothing(let pair):
            return .object([
                "code": .string("pin_scores_nothing"), "members": .strings([pair.first, pair.second]),
                "text": .string(text),
            ])
        }
    }
}
