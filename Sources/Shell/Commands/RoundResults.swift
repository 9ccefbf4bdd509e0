import Community
import Foundation
import Ledger
import Matchmaker

/// `commit`.
struct CommitView: Presentable {
    let names: [String]
    let ledger: String
    /// The pins the commit released.
    let released: [MemberPair]
    let text: String

    func document(in language: Language) -> Document { .message(text) }
    func json(in language: Language) -> JSONValue {
        .object([
            "committed": .strings(names), "ledger": .string(ledger),
            "released_pins": .array(released.map { .strings([$0.first, $0.second]) }),
        ])
    }
}

/// `diff`: the draft against the last committed round.
struct DiffView: Presentable {
    let kept: [MemberPair]
    let added: [MemberPair]
    let removed: [MemberPair]
    let against: String?
    let directory: Directory
    /// The names the round compared with kept, for its members whose profile is gone.
    let keptNames: [String: String]
    /// Pairs a pin made: a kept pair may be kept only because of it.
    let pinned: Set<MemberPair>
    /// Each list cut to its first pairs (none: all).
    var limit: Int?

    init(draft: Draft, last: RoundRecord?, directory: Directory) {
        pinned = Set(draft.pins)
        let now = Set(draft.pairs)
        let before = Set(
            last.map { record in
                record.groups.flatMap { group in
                    group.members.indices.flatMap { i in
                        group.members[(i + 1)...].map { MemberPair(group.members[i], $0) }
                    }
                }
            } ?? [])
        kept = now.intersection(before).sorted()
        added = now.subtracting(before).sorted()
        removed = before.subtracting(now).sorted()
        against = last?.name
        keptNames = last?.names ?? [:]
        self.directory = directory
    }

    func names(_ pair: MemberPair, in language: Language) -> String {
        // One with no profile now is marked so: a file renamed would otherwise show one name twice.
        [pair.first, pair.second].map { directory.markedName($0, kept: keptNames[$0], in: language) }.joined(
            separator: " — ")
            + (pinned.contains(pair) ? language.text(" (pinned)", " (épinglé·es)") : "")
    }

    func document(in language: Language) -> Document {
        let t = language.text
        guard let against else {
            return .message(
                t(
                    "no committed round yet: every pair of the draft is new (\(language.grouped(added.count)))",
                    "aucun tour enregistré : chaque paire du brouillon est nouvelle (\(language.grouped(added.count)))")
            )
        }
        let count = { (pairs: [MemberPair]) in language.grouped(pairs.count) }
        var blocks: [Document.Block] = [
            .paragraph(
                t(
                    "Against round \(against): \(count(added)) new, \(count(kept)) kept, \(count(removed)) ended.",
                    "Par rapport au tour \(against) : \(count(added)) \(language.agree(added.count, "nouvelle", "nouvelles")), \(count(kept)) \(language.agree(kept.count, "gardée", "gardées")), \(count(removed)) \(language.agree(removed.count, "terminée", "terminées"))."
                ))
        ]
        for (heading, pairs) in [
            (t("New", "Nouvelles"), added), (t("Kept", "Gardées"), kept), (t("Ended", "Terminées"), removed),
        ]
        where !pairs.isEmpty {
            let shown = Limited(pairs, limit: limit)
            blocks.append(.heading(heading))
            blocks.append(.list(shown.shown.map { names($0, in: language) }))
            if let more = shown.note(in: language) { blocks.append(.note(more)) }
        }
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        func list(_ pairs: [MemberPair]) -> JSONValue { .array(pairs.map { .strings([$0.first, $0.second]) }) }
        return .object([
            "against": .optional(against), "added": list(added), "kept": list(kept), "removed": list(removed),
            "pinned": list(pinned.sorted()),
        ])
    }
}

/// `rounds`.
struct RoundList: Presentable {
    let rounds: Limited<RoundSummary>

    func document(in language: Language) -> Document {
        let t = language.text
        guard !rounds.shown.isEmpty else { return .message(t("no round committed yet", "aucun tour enregistré")) }
        var blocks: [Document.Block] = [
            .table(
                Table(
                    columns: [
                        Table.Column(t("round", "tour")), Table.Column(t("committed", "enregistré")),
                        Table.Column("mode"), Table.Column(t("groups", "groupes"), alignment: .right),
                        Table.Column(t("members", "membres"), alignment: .right),
                        Table.Column("total", alignment: .right),
                    ],
                    rows: rounds.shown.map {
                        [
                            $0.name, language.dateAndTime($0.committedAt), language.mode($0.mode),
                            language.grouped($0.groups), language.grouped($0.members),
                            language.points($0.total),
                        ]
                    }))
        ]
        if rounds.omitted > 0 {
            blocks.insert(
                .note(
                    language.text(
                        "… \(language.grouped(rounds.omitted)) earlier \(rounds.omitted == 1 ? "round" : "rounds") (--limit 0 for all)",
                        "… \(language.counted(rounds.omitted, "round", "tour")) plus \(language.agree(rounds.omitted, "ancien", "anciens")) (--limit 0 pour tout afficher)"
                    )), at: 0)
        }
        blocks.append(.note(language.counted(rounds.shown.count + rounds.omitted, "round", "tour")))
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "rounds": .array(
                rounds.shown.map { round in
                    .object([
                        "name": .string(round.name), "committed": .string(round.committedAt.formatted(.iso8601)),
                        "mode": .string(round.mode),
                        "groups": .int(round.groups), "members": .int(round.members), "total": .int(round.total),
                    ])
                }), "omitted": .int(rounds.omitted),
        ])
    }
}

/// `history ID`.
struct MeetingList: Presentable {
    let id: String
    /// Nil for one who has left (no profile now): the id is shown, and said so.
    let name: String?
    /// For one who has left, the name the ledger last kept for them, if any.
    var keptName: String? = nil
    let meetings: Limited<Meeting>
    let directory: Directory

    func document(in language: Language) -> Document {
        let t = language.text
        guard !meetings.shown.isEmpty else {
            let name = name ?? id
            return .message(
                t(
                    "\(name) has not met anyone through Patio yet",
                    "\(name) n’a encore rencontré personne par Patio"))
        }
        let who = name ?? directory.markedName(id, kept: keptName, in: language)
        var blocks: [Document.Block] = [
            .heading(t("\(who) has met", "\(who) a rencontré")),
            .table(
                Table(
                    columns: [
                        Table.Column(t("round", "tour")), Table.Column("date"), Table.Column("mode"),
                        // Each name whole: a narrow window breaks the list between names only.
                        Table.Column(t("with", "avec"), breaksAt: ", "), Table.Column("score", alignment: .right),
                        Table.Column(t("ratings", "notes")),
                    ],
                    rows: meetings.shown.map { meeting in
                        [
                            meeting.round,
                            language.day(meeting.committedAt), language.mode(meeting.mode),
                            meeting.partners.map { directory.name($0, kept: meeting.names[$0]) }.joined(
                                separator: ", "),
                            language.points(meeting.score),
                            // At a table of several, each rating says whom it is with: it is of one pair.
                            meeting.ratings.map { rating in
                                (meeting.partners.count > 1
                                    ? directory.name(other(in: rating), kept: meeting.names[other(in: rating)])
                                        + language.text(": ", " : ") : "")
                                    + Self.text(rating)
                            }.joined(separator: language.semicolon),
                        ]
                    })),
        ]
        if let more = meetings.note(in: language) { blocks.append(.note(more)) }
        return Document(blocks)
    }

    /// The member a rating of `id`'s is with.
    func other(in rating: Rating) -> String { rating.first == id ? rating.second : rating.first }

    /// `5/5 (a new internship)`.
    static func text(_ rating: Rating) -> String { "\(rating.value)/5" + (rating.note.map { " (\($0))" } ?? "") }

    func json(in language: Language) -> JSONValue {
        .object([
            "member": .string(id),
            "meetings": .array(
                meetings.shown.map { meeting in
                    .object([
                        "round": .string(meeting.round), "committed": .string(meeting.committedAt.formatted(.iso8601)),
                        "mode": .string(meeting.mode),
                        "partners": .strings(meeting.partners), "score": .int(meeting.score),
                        "ratings": .array(meeting.ratings.map { .int($0.value) }),
                        "rated_with": .strings(meeting.ratings.map(other)),
                        "notes": .array(meeting.ratings.map { .optional($0.note) }),
                    ])
                }), "omitted": .int(meetings.omitted),
        ])
    }
}
