import Community
import Foundation
import Ledger
import Matchmaker

/// `why A B`.
struct ExplanationView: Presentable {
    let a: Member
    let b: Member
    let directory: Directory
    let explanation: Explanation
    let exclusion: Admissibility.Exclusion?
    let isPinned: Bool
    /// How their earlier meetings went, with the notes.
    let ratings: [Rating]
    /// Whether their ban is the ledger's, and the ledger can only be read
    /// here: no command of this session lifts it.
    var banIsFixed = false

    /// The name of a term of the score.
    static func term(_ name: String, in language: Language) -> String {
        switch (name, language) {
        case (_, .en): return name
        case ("complementarity", .fr): return "complémentarité"
        case ("interests", .fr): return "intérêts"
        case ("role", .fr): return "rôles"
        case ("cross-pollination", .fr): return "pollinisation croisée"
        default: return name
        }
    }

    func document(in language: Language) -> Document {
        let t = language.text
        let wording = language.draftWording
        // In thousandths, as the engine adds them: the terms add up to the sum as shown.
        var fields = explanation.terms.map {
            Field(Self.term($0.name, in: language), language.points($0.points, exact: true), isNumber: true)
        }
        fields.append(Field(t("sum", "somme"), language.points(explanation.base, exact: true), isNumber: true))
        for adjustment in explanation.adjustments {
            fields.append(Field(t("history", "historique"), wording.adjustment(adjustment)))
        }
        // History multiplies the sum: the factor its lines make together, then the score.
        if explanation.factor != 1 {
            fields.append(
                Field(t("factor", "facteur"), "×" + language.decimal(explanation.factor, digits: 3), isNumber: true))
        }
        fields.append(Field("score", language.points(explanation.total, exact: true), isNumber: true))
        var blocks: [Document.Block] = [.heading("\(a.name) × \(b.name)"), .fields(fields)]
        if !explanation.reasons.isEmpty {
            blocks.append(
                .list(
                    explanation.reasons.map {
                        "\(wording.reason($0.fact, name: directory.displayName)) (+\(language.points($0.points, exact: true)))"
                    }))
        }
        if !ratings.isEmpty {
            blocks.append(.heading(t("Ratings", "Notes")))
            blocks.append(
                .list(
                    ratings.map { rating in
                        let day = language.day(rating.ratedAt)
                        return t("\(rating.value)/5 on \(day)", "\(rating.value)/5 le \(day)")
                            + (rating.note.map { t(": ", " : ") + $0 } ?? "")
                    }))
        }
        if let exclusionText = exclusionText(in: language) {
            let pin = isPinned ? t(" (but a pin makes them meet)", " (mais une épingle les fait se rencontrer)") : ""
            blocks.append(
                .paragraph(
                    t("They cannot be paired: ", "Ces deux membres ne peuvent pas être mis·es en relation : ")
                        + exclusionText + pin + "."))
        } else if isPinned {
            blocks.append(
                .paragraph(
                    t(
                        "They are pinned: every match pairs them.",
                        "Une épingle les réunit : chaque mise en relation les met ensemble.")))
        }
        return Document(blocks)
    }

    func exclusionText(in language: Language) -> String? {
        if exclusion == .forbidden && banIsFixed {
            return language.text(
                "kept apart by the ledger, which can only be read here (no command of this session lifts it)",
                "tenu·es à l’écart par le registre, qui ne peut qu’être lu ici (aucune commande de cette session ne lève l’exclusion)"
            )
        }
        return exclusion.map { language.draftWording.exclusion($0, a, b) }
    }

    func json(in language: Language) -> JSONValue {
        let wording = language.draftWording
        return .object([
            "members": .strings([a.id, b.id]),
            "admissible": .bool(exclusion == nil),
            "exclusion": .optional(exclusionText(in: language)),
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
    let suggestions: [(member: Member, score: Int64, reasons: [PairReason])]
    var omitted = 0
    let directory: Directory

    func reasons(_ reasons: [PairReason], in language: Language) -> [String] {
        reasons.map { language.draftWording.reason($0, name: directory.displayName) }
    }

    func document(in language: Language) -> Document {
        guard !suggestions.isEmpty else {
            return .message(
                language.text(
                    "nobody to suggest for \(subject.name)", "personne à proposer à \(subject.name)"))
        }
        var blocks: [Document.Block] = [
            .heading(language.text("\(subject.name) should meet", "\(subject.name) devrait rencontrer")),
            .table(
                Table(
                    columns: SearchResults.rankedMemberColumns(in: language),
                    rows: suggestions.enumerated().map { index, entry in
                        [
                            String(index + 1), entry.member.id, entry.member.name, language.role(entry.member.role),
                            language.points(entry.score),
                            reasons(entry.reasons, in: language).joined(separator: language.semicolon),
                        ]
                    })),
        ]
        if let more = language.moreNote(omitted) { blocks.append(.note(more)) }
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "member": .string(subject.id),
            "suggestions": .array(
                suggestions.map { entry in
                    .object([
                        "id": .string(entry.member.id), "name": .string(entry.member.name),
                        "role": .string(entry.member.role.rawValue),
                        "score": .int(entry.score), "reasons": .strings(reasons(entry.reasons, in: language)),
                        "reason_facts": .array(entry.reasons.map(FactJSON.reason)),
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

    func document(in language: Language) -> Document {
        let t = language.text
        guard !pins.isEmpty || !forbidden.isEmpty else {
            return .message(
                t(
                    "no pins and no bans: 'pin A B' and 'forbid A B' add them",
                    "ni épingle ni exclusion : 'pin A B' et 'forbid A B' en ajoutent"))
        }
        return Document([
            .table(
                Table(
                    columns: [
                        Table.Column(t("constraint", "contrainte")), Table.Column(t("members", "membres")),
                        Table.Column(t("ids", "identifiants")),
                    ],
                    rows: pins.map { [t("pinned", "épinglé·es"), names($0), $0.description] }
                        + forbidden.map { [t("forbidden", "exclu·es"), names($0), $0.description] }))
        ])
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "pins": .array(pins.map { .strings([$0.first, $0.second]) }),
            "forbidden": .array(forbidden.map { .strings([$0.first, $0.second]) }),
        ])
    }
}
