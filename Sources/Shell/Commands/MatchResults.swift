import Community
import Foundation
import Ledger
import Matchmaker

/// `why A B`.
struct ExplanationView: Presentable {
    let a: Member
    let b: Member
    let directory: Directory
    var wording: any DraftWording = EnglishDraftWording()
    let explanation: Explanation
    let exclusion: Admissibility.Exclusion?
    let exclusionText: String?
    let isPinned: Bool
    /// How their earlier meetings went, with the notes.
    let ratings: [Rating]

    var document: Document {
        var fields = explanation.terms.map { Field($0.name, Points.text($0.points)) }
        fields.append(Field("sum", Points.text(explanation.base)))
        for adjustment in explanation.adjustments { fields.append(Field("history", wording.adjustment(adjustment))) }
        fields.append(Field("score", Points.text(explanation.total)))
        var blocks: [Document.Block] = [.heading("\(a.name) × \(b.name)"), .fields(fields)]
        if !explanation.reasons.isEmpty {
            blocks.append(
                .list(
                    explanation.reasons.map {
                        "\(wording.reason($0.fact, name: directory.displayName)) (+\(Points.text($0.points)))"
                    }))
        }
        if !ratings.isEmpty {
            blocks.append(.heading("Ratings"))
            blocks.append(
                .list(
                    ratings.map { rating in
                        "\(rating.value)/5 on \(rating.ratedAt.formatted(Date.ISO8601FormatStyle().year().month().day()))"
                            + (rating.note.map { ": \($0)" } ?? "")
                    }))
        }
        if let exclusionText {
            blocks.append(
                .paragraph(
                    "They cannot be paired: " + exclusionText + (isPinned ? " (but a pin makes them meet)" : "") + "."))
        } else if isPinned {
            blocks.append(.paragraph("They are pinned: every match pairs them."))
        }
        return Document(blocks)
    }

    var json: JSONValue {
        .object([
            "members": .strings([a.id, b.id]),
            "admissible": .bool(exclusion == nil),
            "exclusion": .optional(exclusionText),
            "exclusion_code": .optional(exclusion?.rawValue),
            "pinned": .bool(isPinned),
            "terms": .object(JSONValue.KeyValuePairs(explanation.terms.map { (key: $0.name, value: .int($0.points)) })),
            "base": .int(explanation.base),
            "factor": .double(explanation.factor),
            "score": .int(explanation.total),
            "reasons": .array(
                explanation.reasons.map { reason in
                    .object([
                        "text": .string(wording.reason(reason.fact, name: directory.displayName)),
                        "points": .int(reason.points),
                        "fact": FactJSON.reason(reason.fact),
                    ])
                }),
            "history": .strings(explanation.adjustments.map(wording.adjustment)),
            "history_facts": .array(explanation.adjustments.map(FactJSON.adjustment)),
            "ratings": .array(
                ratings.map {
                    .object([
                        "rating": .int($0.value), "note": .optional($0.note),
                        "rated": .string($0.ratedAt.formatted(.iso8601)),
                    ])
                }),
        ])
    }
}

/// `suggest ID`.
struct SuggestionList: Presentable {
    let subject: Member
    let suggestions: [(member: Member, score: Int64, reasons: [String])]
    var omitted = 0

    var document: Document {
        guard !suggestions.isEmpty else { return .message("nobody to suggest for \(subject.name)") }
        var blocks: [Document.Block] = [
            .heading("\(subject.name) should meet"),
            .table(
                Table(
                    columns: SearchResults.rankedMemberColumns,
                    rows: suggestions.enumerated().map { index, entry in
                        [
                            String(index + 1), entry.member.id, entry.member.name, entry.member.role.rawValue,
                            Points.text(entry.score),
                            entry.reasons.joined(separator: "; "),
                        ]
                    })),
        ]
        if omitted > 0 { blocks.append(.note("… \(omitted) more (--limit 0 for all)")) }
        return Document(blocks)
    }

    var json: JSONValue {
        .object([
            "member": .string(subject.id),
            "suggestions": .array(
                suggestions.map { entry in
                    .object([
                        "id": .string(entry.member.id), "name": .string(entry.member.name),
                        "role": .string(entry.member.role.rawValue),
                        "score": .int(entry.score), "reasons": .strings(entry.reasons),
                    ])
                }), "omitted": .int(omitted),
        ])
    }
}

/// `constraints`.
struct ConstraintList: Presentable {
    let pins: [MemberPair]
    let forbidden: [MemberPair]
    let directory: Directory

    func names(_ pair: MemberPair) -> String {
        [pair.first, pair.second].map(directory.displayName).joined(separator: " — ")
    }

    var document: Document {
        guard !pins.isEmpty || !forbidden.isEmpty else {
            return .message("no pins and no bans: 'pin A B' and 'forbid A B' add them")
        }
        return Document([
            .table(
                Table(
                    columns: [Table.Column("constraint"), Table.Column("members"), Table.Column("ids")],
                    rows: pins.map { ["pinned", names($0), $0.description] }
                        + forbidden.map { ["forbidden", names($0), $0.description] }))
        ])
    }

    var json: JSONValue {
        .object([
            "pins": .array(pins.map { .strings([$0.first, $0.second]) }),
            "forbidden": .array(forbidden.map { .strings([$0.first, $0.second]) }),
        ])
    }
}
