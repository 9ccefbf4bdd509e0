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

    var document: Document { .message(text) }
    var json: JSONValue {
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
    /// Pairs a pin made: a kept pair may be kept only because of it.
    let pinned: Set<MemberPair>

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
        self.directory = directory
    }

    func names(_ pair: MemberPair) -> String {
        [pair.first, pair.second].map(directory.displayName).joined(separator: " — ")
            + (pinned.contains(pair) ? " (pinned)" : "")
    }

    var document: Document {
        guard let against else {
            return .message("no committed round yet: every pair of the draft is new (\(added.count))")
        }
        var blocks: [Document.Block] = [
            .paragraph("Against round \(against): \(added.count) new, \(kept.count) kept, \(removed.count) ended.")
        ]
        if !added.isEmpty {
            blocks.append(.heading("New"))
            blocks.append(.list(added.map(names)))
        }
        if !kept.isEmpty {
            blocks.append(.heading("Kept"))
            blocks.append(.list(kept.map(names)))
        }
        if !removed.isEmpty {
            blocks.append(.heading("Ended"))
            blocks.append(.list(removed.map(names)))
        }
        return Document(blocks)
    }

    var json: JSONValue {
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

    var document: Document {
        guard !rounds.shown.isEmpty else { return .message("no round committed yet") }
        var blocks: [Document.Block] = [
            .table(
                Table(
                    columns: [
                        Table.Column("round"), Table.Column("committed"), Table.Column("mode"),
                        Table.Column("groups", alignment: .right),
                        Table.Column("members", alignment: .right), Table.Column("total", alignment: .right),
                    ],
                    rows: rounds.shown.map {
                        [
                            $0.name, $0.committedAt.formatted(.iso8601), $0.mode, String($0.groups), String($0.members),
                            Points.text($0.total),
                        ]
                    }))
        ]
        if let more = rounds.note { blocks.append(.note(more)) }
        blocks.append(.note(counted(rounds.shown.count + rounds.omitted, "round")))
        return Document(blocks)
    }

    var json: JSONValue {
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
    let member: Member
    let meetings: Limited<Meeting>
    let directory: Directory

    var document: Document {
        guard !meetings.shown.isEmpty else { return .message("\(member.name) has not met anyone through Patio yet") }
        var blocks: [Document.Block] = [
            .heading("\(member.name) has met"),
            .table(
                Table(
                    columns: [
                        Table.Column("round"), Table.Column("date"), Table.Column("mode"), Table.Column("with"),
                        Table.Column("score", alignment: .right), Table.Column("ratings"),
                    ],
                    rows: meetings.shown.map { meeting in
                        [
                            meeting.round,
                            meeting.committedAt.formatted(Date.ISO8601FormatStyle().year().month().day()), meeting.mode,
                            meeting.partners.map(directory.displayName).joined(separator: ", "),
                            Points.text(meeting.score),
                            meeting.ratings.map(Self.text).joined(separator: "; "),
                        ]
                    })),
        ]
        if let more = meetings.note { blocks.append(.note(more)) }
        return Document(blocks)
    }

    /// `5/5 (a new internship)`.
    static func text(_ rating: Rating) -> String { "\(rating.value)/5" + (rating.note.map { " (\($0))" } ?? "") }

    var json: JSONValue {
        .object([
            "member": .string(member.id),
            "meetings": .array(
                meetings.shown.map { meeting in
                    .object([
                        "round": .string(meeting.round), "committed": .string(meeting.committedAt.formatted(.iso8601)),
                        "mode": .string(meeting.mode),
                        "partners": .strings(meeting.partners), "score": .int(meeting.score),
                        "ratings": .array(meeting.ratings.map { .int($0.value) }),
                        "notes": .array(meeting.ratings.map { .optional($0.note) }),
                    ])
                }), "omitted": .int(meetings.omitted),
        ])
    }
}
