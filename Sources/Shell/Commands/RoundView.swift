import Community
import Foundation
import Ledger
import Matchmaker

extension Directory {
    /// A member's name as shown (`displayName`); for one with no profile
    /// now, the name the ledger `kept` when its round was committed, else its id.
    func name(_ id: String, kept: String?) -> String {
        self[id] != nil ? displayName(id) : kept ?? id
    }

    /// As `name`, and one with no profile now said so, with its id:
    /// `Basile Roy (basile, no profile now)`, or `basile (no profile now)`.
    func markedName(_ id: String, kept: String?, in language: Language) -> String {
        guard self[id] == nil else { return displayName(id) }
        guard let kept else { return language.text("\(id) (no profile now)", "\(id) (sans profil désormais)") }
        return language.text("\(kept) (\(id), no profile now)", "\(kept) (\(id), sans profil désormais)")
    }
}

/// A fact, or the words a round committed before facts were kept has instead.
enum Stated<Fact: Sendable>: Sendable {
    case fact(Fact)
    case words(String)
}

/// A draft or a committed round, ready to show or export: members resolved
/// to names, roles and organisations from the community, facts worded.
struct RoundView: Presentable {
    struct Person {
        let id: String
        let name: String
        let role: String
        let organization: String?
        let wing: Int?
        let contact: String?
    }

    struct Group {
        let people: [Person]
        let score: Int64
        let reasons: [Stated<PairReason>]
        let starter: Stated<Starter>?
        let isPinned: Bool
        let pinWarnings: [PinWarning]
        /// What earlier meetings and ratings did to the score.
        var adjustments: [Adjustment] = []
    }

    var name: String?
    /// Which planned round this is, of how many.
    var plan: (index: Int, count: Int)?
    /// `pairs`, `mentoring`, `mentoring-stable` or `circles`, as the ledger keeps it.
    var mode: String
    var seed: UInt64
    var date: Date
    var groups: [Group]
    var unmatched: [(person: Person, cause: Stated<UnmatchedCause>)]
    var notes: [Stated<Draft.Note>]
    var total: Int64
    /// What was proved; nil for a round committed before guarantees were kept.
    var guarantee: Guarantee?
    var pins: [MemberPair]
    var bans: [MemberPair]
    var community: String?
    /// A table of one line a group at most two: the strongest reason in a few words (`--full` shows them all).
    var isCompact = false
    /// Every reason of each group (`--full`); the strongest three otherwise, in tables and sheets.
    var showsEveryReason = false
    static let reasonsShown = 3
    /// Show the first groups and the first members left out only (`--limit`;
    /// JSON keeps every member left out); the summary still counts them all.
    var limit: Int?
    /// The language its words are in: what `document(in:)` and `json(in:)` are asked for, or what an export sets.
    var language: Language = .en
    var wording: any DraftWording { language.draftWording }
    /// Names by id, of the pins' and bans' members and of everyone in a group: found once.
    private var names: [String: String]

    /// - Parameter kept: the name the ledger kept for a member whose profile is gone now.
    static func person(_ id: String, in directory: Directory, kept: String? = nil) -> Person {
        guard let member = directory[id] else {
            return Person(id: id, name: kept ?? id, role: "", organization: nil, wing: nil, contact: nil)
        }
        return Person(
            id: id, name: directory.displayName(id), role: member.role.rawValue, organization: member.organization,
            wing: member.wing, contact: member.contact)
    }

    init(draft: Draft, directory: Directory, plan: (index: Int, count: Int)? = nil, language: Language = .en) {
        self.init(
            name: nil, plan: plan, mode: draft.mode.rawValue + (draft.guarantee.claim == .stable ? "-stable" : ""),
            seed: draft.seed,
            date: draft.created, total: draft.total, guarantee: draft.guarantee, pins: draft.pins, bans: draft.bans,
            directory: directory, language: language)
        groups = draft.groups.map { group in
            Group(
                people: group.members.map { Self.person($0, in: directory) }, score: group.score,
                reasons: group.reasons.map { .fact($0) },
                starter: group.starter.map { .fact($0) }, isPinned: group.isPinned, pinWarnings: group.pinWarnings,
                adjustments: group.adjustments)
        }
        unmatched = draft.unmatched.map { (Self.person($0.id, in: directory), .fact($0.cause)) }
        notes = draft.notes.map { .fact($0) }
        nameEveryone()
    }

    private mutating func nameEveryone() {
        for person in groups.lazy.flatMap(\.people) where names[person.id] == nil { names[person.id] = person.name }
    }

    init(record: RoundRecord, directory: Directory, language: Language = .en) {
        let stored = StoredFacts.decode(record)
        self.init(
            name: record.name, plan: nil, mode: record.mode, seed: record.seed, date: record.committedAt,
            total: record.total,
            guarantee: stored.guarantee, pins: stored.pins, bans: stored.bans, directory: directory, language: language)
        groups = record.groups.map { group in
            Group(
                people: group.members.map { Self.person($0, in: directory, kept: record.names[$0]) },
                score: group.score,
                reasons: StoredFacts.reasons(group, name: { directory.name($0, kept: record.names[$0]) }),
                starter: StoredFacts.starter(group), isPinned: group.isPinned,
                pinWarnings: StoredFacts.pinWarnings(group), adjustments: StoredFacts.adjustments(group))
        }
        unmatched = record.unmatched.map {
            (Self.person($0.id, in: directory, kept: record.names[$0.id]), StoredFacts.cause($0))
        }
        notes = stored.notes
        nameEveryone()
    }

    private init(
        name: String?, plan: (index: Int, count: Int)?, mode: String, seed: UInt64, date: Date, total: Int64,
        guarantee: Guarantee?,
        pins: [MemberPair], bans: [MemberPair], directory: Directory, language: Language
    ) {
        self.name = name
        self.plan = plan
        self.mode = mode
        self.seed = seed
        self.date = date
        self.groups = []
        self.unmatched = []
        self.notes = []
        self.total = total
        self.guarantee = guarantee
        self.pins = pins
        self.bans = bans
        self.language = language
        community = directory.settings.name
        var names: [String: String] = [:]
        for id in Set((pins + bans).flatMap { [$0.first, $0.second] }) { names[id] = directory.displayName(id) }
        self.names = names
    }

    var isStable: Bool { mode.hasSuffix("-stable") }
    var draftMode: Draft.Mode { Draft.Mode(rawValue: mode.replacingOccurrences(of: "-stable", with: "")) ?? .pairs }
    var separator: String { draftMode == .mentoring ? " → " : " — " }
    var placedCount: Int { Set(groups.flatMap { $0.people.map(\.id) }).count }

    func name(_ id: String) -> String { names[id] ?? groups.lazy.flatMap(\.people).first { $0.id == id }?.name ?? id }

    /// The guarantee in words, with the scope it holds in.
    var guaranteeText: String {
        wording.guarantee(guarantee ?? .nothing(members: placedCount + unmatched.count), total: total, mode: draftMode)
    }

    func text(_ cause: Stated<UnmatchedCause>) -> String {
        switch cause {
        case .fact(let fact): return wording.cause(fact)
        case .words(let words): return words
        }
    }

    func text(_ note: Stated<Draft.Note>) -> String {
        switch note {
        case .fact(let fact): return wording.note(fact)
        case .words(let words): return words
        }
    }

    /// The reasons of a group, in sentences: what its pins break first, then
    /// every reason (or the strongest few, `all` false), then what history did.
    /// A group's reasons in words, after what its pins break; with
    /// `adjustments`, what earlier meetings and ratings did to its score
    /// (which explains a score, but is no reason to meet: invitations and
    /// cards leave it out).
    func reasons(of group: Group, all: Bool = true, adjustments: Bool = true) -> [String] {
        let shown = all ? group.reasons[...] : group.reasons.prefix(Self.reasonsShown)
        return group.pinWarnings.map { wording.pinWarning($0, name: name) }
            + shown.map { reason in
                switch reason {
                case .fact(let fact): return wording.reason(fact, name: name)
                case .words(let words): return words
                }
            } + (adjustments ? group.adjustments.map(wording.adjustment) : [])
    }

    /// How to call a member in a few words: the first word of its name,
    /// unless another member of the group starts the same way (two Amélies,
    /// or generated names): then the whole name.
    func shortName(_ id: String, in group: Group) -> String {
        let whole = name(id)
        let first = EnglishDraftWording.first(whole)
        let shared = group.people.contains { $0.id != id && EnglishDraftWording.first(name($0.id)) == first }
        return shared ? whole : first
    }

    /// The strongest reason in a few words (a pin's warning first).
    func shortReason(of group: Group) -> String {
        if let warning = group.pinWarnings.first { return wording.pinWarning(warning, name: name) }
        switch group.reasons.first {
        case .fact(let fact)?: return wording.shortReason(fact) { shortName($0, in: group) }
        case .words(let words)?: return words
        case nil: return ""
        }
    }

    func starterText(of group: Group) -> String? {
        switch group.starter {
        case .fact(let fact)?: return wording.starter(fact) { shortName($0, in: group) }
        case .words(let words)?: return words
        case nil: return nil
        }
    }

    /// A person's role as the language writes it.
    func role(of person: Person) -> String { Role(rawValue: person.role).map(language.role) ?? person.role }

    /// `pairs`, `mentoring, stable`: the mode in words.
    var modeText: String { language.mode(draftMode.rawValue) + (isStable ? ", stable" : "") }

    var summary: String {
        let groupCount =
            draftMode == .circles
            ? language.counted(groups.count, "table", "table") : language.counted(groups.count, "pair", "paire")
        return [
            language.text(
                "total \(language.points(total)) points", "total \(language.points(total)) points"),
            language.text("seed \(seed)", "graine \(seed)"), groupCount, guaranteeText,
        ]
        .joined(separator: " · ")
    }

    /// The pins and bans in force when the round was drafted.
    var constraintsText: String? {
        guard !pins.isEmpty || !bans.isEmpty else { return nil }
        let show = { (pairs: [MemberPair]) in
            pairs.map { "\(name($0.first)) — \(name($0.second))" }.joined(separator: language.semicolon)
        }
        return [
            pins.isEmpty ? nil : language.text("Pinned: ", "Épinglé·es : ") + show(pins),
            bans.isEmpty ? nil : language.text("Kept apart: ", "Tenu·es à l’écart : ") + show(bans),
        ]
        .compactMap { $0 }.joined(separator: ". ") + "."
    }

    /// `Round NAME (pairs)`, or `Draft: pairs`.
    var heading: String {
        if let name { return language.text("Round \(name) (\(modeText))", "Tour \(name) (\(modeText))") }
        if let (index, count) = plan {
            return language.text(
                "Round \(index) of \(count): \(modeText)", "Tour \(index) sur \(count) : \(modeText)")
        }
        return language.text("Draft: \(modeText)", "Brouillon : \(modeText)")
    }

    func document(in language: Language) -> Document {
        var view = self
        view.language = language
        return view.document
    }

    func json(in language: Language) -> JSONValue {
        var view = self
        view.language = language
        return view.json
    }

    private var document: Document {
        let t = language.text
        var blocks: [Document.Block] = []
        blocks.append(.heading(heading))
        if let constraintsText { blocks.append(.note(constraintsText)) }
        let shown = Limited(Array(groups.enumerated()), limit: limit)
        blocks.append(
            .table(
                Table(
                    columns: [
                        Table.Column("#", alignment: .right),
                        Table.Column(
                            draftMode == .mentoring
                                ? t("mentee → mentor", "mentoré·e → mentor") : t("members", "membres"),
                            breaksAt: separator),
                        Table.Column("score", alignment: .right), Table.Column(t("why", "pourquoi")),
                    ],
                    rows: shown.shown.map { index, group in
                        [
                            String(index + 1) + (group.isPinned ? "*" : ""),
                            group.people.map(\.name).joined(separator: separator),
                            language.points(group.score),
                            isCompact
                                ? shortReason(of: group)
                                : reasons(of: group, all: showsEveryReason).joined(separator: language.semicolon),
                        ]
                    })))
        if let more = shown.note(in: language) { blocks.append(.note(more)) }
        blocks.append(.note(summary + (groups.contains(where: \.isPinned) ? t(" · * pinned", " · * épinglé") : "")))
        if !unmatched.isEmpty {
            blocks.append(
                .heading(draftMode == .circles ? t("Unmatched", "Sans table") : t("Unmatched", "Sans partenaire")))
            let alone = Limited(unmatched, limit: limit)
            blocks.append(
                .table(
                    Table(
                        columns: [Table.Column(t("member", "membre")), Table.Column(t("why", "pourquoi"))],
                        rows: alone.shown.map { ["\($0.person.name) (\($0.person.id))", text($0.cause)] })))
            if let more = alone.note(in: language) { blocks.append(.note(more)) }
        }
        // In a plan the heading already says which round this is.
        let shownNotes =
            plan == nil ? notes : notes.filter { if case .fact(.planRound) = $0 { false } else { true } }
        if !shownNotes.isEmpty { blocks.append(.list(shownNotes.map(text))) }
        return Document(blocks)
    }

    private var json: JSONValue {
        let bound: Int64? = if case .withinBound(let value, _, _)? = guarantee?.claim { value } else { nil }
        return .object([
            "name": .optional(name),
            "mode": .string(draftMode.rawValue),
            "stable": .bool(isStable),
            "seed": .int(Int64(bitPattern: seed)),
            "date": .string(date.formatted(.iso8601)),
            "total": .int(total),
            "upper_bound": bound.map { .int($0) } ?? .null,
            "groups": .array(
                groups.prefix(limit ?? groups.count).map { group in
                    .object([
                        "members": .strings(group.people.map(\.id)),
                        "names": .strings(group.people.map(\.name)),
                        "score": .int(group.score),
                        "reasons": .strings(reasons(of: group)),
                        "reason_facts": .array(
                            group.reasons.compactMap {
                                if case .fact(let fact) = $0 { return FactJSON.reason(fact) } else { return nil }
                            }),
                        "adjustments": .strings(group.adjustments.map(wording.adjustment)),
                        "adjustment_facts": .array(group.adjustments.map(FactJSON.adjustment)),
                        "starter": .optional(starterText(of: group)),
                        "starter_fact": {
                            if case .fact(let fact) = group.starter {
                                return FactJSON.starter(fact)
                            } else {
                                return .null
                            }
                        }(),
                        "pinned": .bool(group.isPinned),
                        "pin_warnings": .array(
                            group.pinWarnings.map { FactJSON.pinWarning($0, text: wording.pinWarning($0, name: name)) }),
                    ])
                }),
            "unmatched": .array(
                unmatched.map { entry in
                    var cause = JSONValue.null
                    if case .fact(let fact) = entry.cause { cause = FactJSON.cause(fact) }
                    return .object([
                        "id": .string(entry.person.id), "name": .string(entry.person.name),
                        "reason": .string(text(entry.cause)), "cause": cause,
                    ])
                }),
            "notes": .strings(notes.map(text)),
            "guarantee": FactJSON.guarantee(guarantee, total: total, text: guaranteeText),
            "pins": .array(pins.map { .strings([$0.first, $0.second]) }),
            "bans": .array(bans.map { .strings([$0.first, $0.second]) }),
            "omitted": .int(max(0, groups.count - (limit ?? groups.count))),
        ])
    }
}

/// `plan`: every planned round.
struct PlanView: Presentable {
    let rounds: [RoundView]

    func document(in language: Language) -> Document {
        Document(
            rounds.flatMap { $0.document(in: language).blocks } + [
                .note(
                    language.text(
                        "the first round is the draft now; 'commit' records it and brings the next, 'commit --all' records them all",
                        "le premier tour est maintenant le brouillon ; 'commit' l’enregistre et amène le suivant, 'commit --all' les enregistre tous"
                    ))
            ])
    }

    func json(in language: Language) -> JSONValue { .object(["rounds": .array(rounds.map { $0.json(in: language) })]) }
}
