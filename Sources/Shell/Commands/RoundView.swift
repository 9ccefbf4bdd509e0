import Community
import Foundation
import Ledger
import Matchmaker

/// Scores are kept in thousandths of a point; people read points.
enum Points {
    static func text(_ score: Int64) -> String { String(format: "%.2f", Double(score) / 1000) }
}

/// A draft or a committed round, ready to show or export: members resolved
/// to names, roles and organisations from the community.
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
        let reasons: [String]
        let starter: String?
        let isPinned: Bool
    }

    var name: String?
    var title: String?
    var mode: String
    var isStable = false
    var seed: UInt64
    var date: Date
    var groups: [Group]
    var unmatched: [(person: Person, reason: String)]
    var notes: [String]
    var total: Int64
    var upperBound: Int64?
    var community: String?

    static func person(_ id: String, in directory: Directory) -> Person {
        guard let member = directory[id] else { return Person(id: id, name: id, role: "", organization: nil, wing: nil, contact: nil) }
        return Person(id: id, name: member.name, role: member.role.rawValue, organization: member.organization, wing: member.wing, contact: member.contact)
    }

    init(draft: Draft, directory: Directory, title: String? = nil) {
        self.init(name: nil, title: title, mode: draft.mode.rawValue, isStable: draft.isStable, seed: draft.seed, date: draft.created,
                  groups: draft.groups.map { ($0.members, $0.score, $0.reasons, $0.starter, $0.isPinned) },
                  unmatched: draft.unmatched.map { ($0.id, $0.reason) }, notes: draft.notes, total: draft.total,
                  upperBound: draft.upperBound, directory: directory)
    }

    init(record: RoundRecord, directory: Directory) {
        self.init(name: record.name, title: nil, mode: record.mode, isStable: record.mode.hasSuffix("-stable"), seed: record.seed,
                  date: record.committedAt, groups: record.groups.map { ($0.members, $0.score, $0.reasons, $0.starter, $0.isPinned) },
                  unmatched: record.unmatched.map { ($0.id, $0.reason) }, notes: record.notes, total: record.total,
                  upperBound: record.upperBound, directory: directory)
    }

    private init(name: String?, title: String?, mode: String, isStable: Bool, seed: UInt64, date: Date,
                 groups: [(members: [String], score: Int64, reasons: [String], starter: String?, isPinned: Bool)],
                 unmatched: [(id: String, reason: String)], notes: [String], total: Int64, upperBound: Int64?, directory: Directory) {
        self.name = name
        self.title = title
        self.mode = mode
        self.isStable = isStable
        self.seed = seed
        self.date = date
        self.groups = groups.map { group in
            Group(people: group.members.map { Self.person($0, in: directory) }, score: group.score, reasons: group.reasons,
                  starter: group.starter, isPinned: group.isPinned)
        }
        self.unmatched = unmatched.map { (Self.person($0.id, in: directory), $0.reason) }
        self.notes = notes
        self.total = total
        self.upperBound = upperBound
        community = directory.settings.name
    }

    var separator: String { mode == "mentoring" ? " → " : " — " }

    var summary: String {
        var parts = ["total \(Points.text(total)) points", "seed \(seed)", counted(groups.count, mode == "circles" ? "table" : "pair")]
        if let upperBound {
            let share = upperBound > 0 ? Double(total) * 100 / Double(upperBound) : 100
            parts.append("no grouping can pass \(Points.text(upperBound)): this one reaches at least \(String(format: "%.0f", share.rounded(.down))) % of the best possible")
        } else if mode == "mentoring" && isStable {
            parts.append("stable, best for every mentee")
        } else {
            parts.append("optimal (proved)")
        }
        return parts.joined(separator: " · ")
    }

    var document: Document {
        var blocks: [Document.Block] = []
        let label = name.map { "Round \($0) (\(mode))" } ?? title ?? "Draft: \(mode)\(isStable ? ", stable" : "")"
        blocks.append(.heading(label))
        blocks.append(.table(Table(
            columns: [Table.Column("#", alignment: .right), Table.Column(mode == "mentoring" ? "mentee → mentor" : "members"),
                      Table.Column("score", alignment: .right), Table.Column("why")],
            rows: groups.enumerated().map { index, group in
                [String(index + 1) + (group.isPinned ? "*" : ""), group.people.map(\.name).joined(separator: separator),
                 Points.text(group.score), group.reasons.joined(separator: "; ")]
            })))
        blocks.append(.note(summary + (groups.contains(where: \.isPinned) ? " · * pinned" : "")))
        if !unmatched.isEmpty {
            blocks.append(.heading("Unmatched"))
            blocks.append(.table(Table(columns: [Table.Column("member"), Table.Column("why")],
                                       rows: unmatched.map { ["\($0.person.name) (\($0.person.id))", $0.reason] })))
        }
        if !notes.isEmpty { blocks.append(.list(notes)) }
        return Document(blocks)
    }

    var json: JSONValue {
        .object([
            "name": .optional(name),
            "mode": .string(mode),
            "stable": .bool(isStable),
            "seed": .int(Int64(bitPattern: seed)),
            "date": .string(date.formatted(.iso8601)),
            "total": .int(total),
            "upper_bound": upperBound.map { .int($0) } ?? .null,
            "groups": .array(groups.map { group in
                .object([
                    "members": .strings(group.people.map(\.id)),
                    "names": .strings(group.people.map(\.name)),
                    "score": .int(group.score),
                    "reasons": .strings(group.reasons),
                    "starter": .optional(group.starter),
                    "pinned": .bool(group.isPinned),
                ])
            }),
            "unmatched": .array(unmatched.map { .object(["id": .string($0.person.id), "name": .string($0.person.name), "reason": .string($0.reason)]) }),
            "notes": .strings(notes),
        ])
    }
}

/// `plan`: every planned round.
struct PlanView: Presentable {
    let rounds: [RoundView]

    var document: Document {
        Document(rounds.flatMap(\.document.blocks) + [.note("the first round is the draft now; 'commit' records it and brings the next, 'commit --all' records them all")])
    }

    var json: JSONValue { .object(["rounds": .array(rounds.map(\.json))]) }
}
