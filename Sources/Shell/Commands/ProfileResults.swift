import Community
import Foundation

/// A member as JSON: every field of the profile, empty lists included.
enum MemberJSON {
    static func of(_ member: Member) -> JSONValue {
        .object([
            "id": .string(member.id),
            "name": .string(member.name),
            "role": .string(member.role.rawValue),
            "organization": .optional(member.organization),
            "wing": member.wing.map { .int($0) } ?? .null,
            "languages": .strings(member.languages),
            "skills": .array(
                member.skills.map { .object(["name": .string($0.name), "level": .optional($0.level?.rawValue)]) }),
            "interests": .strings(member.interests),
            "seeking": .strings(member.seeking),
            "offering": .strings(member.offering),
            "availability": .strings(member.availability),
            "capacity": .int(member.capacity),
            "contact": .optional(member.contact),
            "bio": .optional(member.bio),
        ])
    }

    /// The first skills, strongest first, for a one-line summary.
    static func topSkills(_ member: Member, count: Int = 3) -> String {
        let ordered = member.skills.enumerated().sorted { a, b in
            (a.element.level ?? .beginner, -a.offset) > (b.element.level ?? .beginner, -b.offset)
        }.map(\.element.name)
        return ordered.prefix(count).joined(separator: ", ") + (member.skills.count > count ? ", …" : "")
    }
}

/// `load`: how many members came in, and the problems (printed on standard error).
struct LoadSummary: Presentable {
    let folder: String
    let loaded: ProfileFolder.Loaded
    /// The draft computed on the profiles before was dropped (they changed), with so many planned rounds.
    var droppedDraft: Int?

    func document(in language: Language) -> Document {
        let members = language.counted(loaded.directory.members.count, "member", "membre")
        let count = loaded.directory.members.count
        var text = language.text(
            "\(members) loaded from \(folder)",
            "\(members) \(language.agree(count, "chargé", "chargés")) depuis \(folder)")
        if let name = loaded.directory.settings.name { text += " (\(name))" }
        let errors = loaded.errorCount
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.count
        var problems: [String] = []
        if errors > 0 {
            problems.append(
                language.counted(errors, "error", "erreur")
                    + language.text(" (what each names was not loaded)", " (ce que chacune désigne n’a pas été chargé)")
            )
        }
        if warnings > 0 {
            problems.append(
                language.counted(warnings, "warning", "avertissement")
                    + language.text(" (loaded, a part left out)", " (chargé, une partie laissée de côté)"))
        }
        if !problems.isEmpty {
            text +=
                language.text("; ", " ; ") + problems.joined(separator: language.text(" and ", " et "))
                + language.text(" (above)", ", voir ci-dessus")
        }
        guard let planned = droppedDraft else { return .message(text) }
        return Document([.paragraph(text), .note(Self.droppedDraft(planned: planned, in: language))])
    }

    /// Said when a load or an import changed the community under a draft.
    static func droppedDraft(planned: Int, in language: Language) -> String {
        if planned > 0 {
            let rounds = language.text(
                planned == 1 ? "the planned round" : "the \(language.grouped(planned)) planned rounds",
                planned == 1 ? "le tour planifié" : "les \(language.grouped(planned)) tours planifiés")
            return language.text(
                "The draft and \(rounds) after it were dropped: they were computed on the profiles as they were before ('plan' proposes new ones).",
                "Le brouillon et \(rounds) après lui ont été abandonnés : ils avaient été calculés sur les profils d’avant ('plan' en propose de nouveaux)."
            )
        }
        return language.text(
            "The draft was dropped: it was computed on the profiles as they were before ('match' proposes a new one).",
            "Le brouillon a été abandonné : il avait été calculé sur les profils d’avant ('match' en propose un nouveau)."
        )
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "folder": .string(folder),
            "community": .optional(loaded.directory.settings.name),
            "members": .int(loaded.directory.members.count),
            "files": .int(loaded.fileCount),
            "draft_dropped": .bool(droppedDraft != nil),
            "problems": .array(loaded.diagnostics.map { DiagnosticWording.json($0, in: language) }),
        ])
    }
}

/// `members`.
struct MemberList: Presentable {
    let members: Limited<Member>
    let total: Int
    /// At a terminal: one line a member (name, role, organisation, top skills, cut to fit).
    var isCompact = false
    /// When nobody fits: the conditions that find nobody alone, and what is near them.
    var misses: [FilterMiss] = []

    static func text(_ miss: FilterMiss, in language: Language) -> String {
        // What was typed, shown escaped and, when very long, shortened.
        let value = TerminalSafeText.phrase(miss.value)
        let what: String =
            switch (miss.field, language) {
            case (.role, .en): "nobody is \(value == "entrepreneur" ? "an" : "a") \(value)"
            case (.role, .fr): "personne n’a le rôle '\(value)'"
            case (.skill, _): language.text("nobody has the skill '\(value)'", "personne n’a la compétence '\(value)'")
            case (.interest, _):
                language.text("nobody has the interest '\(value)'", "personne n’a l’intérêt '\(value)'")
            case (.seeking, _): language.text("nobody seeks '\(value)'", "personne ne recherche '\(value)'")
            case (.offering, _): language.text("nobody offers '\(value)'", "personne ne propose '\(value)'")
            case (.wing, _): language.text("nobody is in wing \(value)", "personne n’est dans l’aile \(value)")
            case (.organization, _):
                language.text(
                    "no organisation's name contains '\(value)'", "aucun nom d’organisation ne contient '\(value)'")
            }
        return what + language.hint(miss.suggestion)
    }

    func document(in language: Language) -> Document {
        let found = members.shown.count + members.omitted
        if found == 0 && total > 0 {
            let reasons =
                misses.isEmpty
                ? [
                    language.text(
                        "each condition alone finds members, but nobody fits them all",
                        "chaque condition seule trouve des membres, mais personne ne les remplit toutes")
                ] : misses.map { Self.text($0, in: language) }
            return Document([
                .paragraph(
                    language.text("No member fits: ", "Aucun membre ne convient : ")
                        + reasons.joined(separator: language.text("; ", " ; ")) + ".")
            ])
        }
        let name = language.text("name", "nom")
        let role = language.text("role", "rôle")
        let organization = language.text("organization", "organisation")
        let skills = language.text("top skills", "compétences phares")
        let table =
            isCompact
            ? Table(
                columns: [
                    Table.Column(name, narrowing: .keepsWidth), Table.Column(role),
                    Table.Column(organization, narrowing: .truncates),
                    Table.Column(skills, narrowing: .truncates),
                ],
                rows: members.shown.map {
                    [$0.name, language.role($0.role), $0.organization ?? "", MemberJSON.topSkills($0)]
                })
            : Table(
                columns: [
                    Table.Column(language.text("id", "identifiant")), Table.Column(name), Table.Column(role),
                    Table.Column(organization), Table.Column(skills),
                ],
                rows: members.shown.map {
                    [$0.id, $0.name, language.role($0.role), $0.organization ?? "", MemberJSON.topSkills($0)]
                })
        var blocks: [Document.Block] = [.table(table)]
        if let more = members.note(in: language) { blocks.append(.note(more)) }
        let all = language.counted(total, "member", "membre")
        blocks.append(.note(found == total ? all : language.text("\(found) of \(all)", "\(found) sur \(all)")))
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "count": .int(members.shown.count + members.omitted), "members": .array(members.shown.map(MemberJSON.of)),
            "omitted": .int(members.omitted),
            "misses": .array(
                misses.map {
                    .object([
                        "filter": .string($0.field.rawValue), "value": .string($0.value),
                        "suggestion": .optional($0.suggestion),
                    ])
                }),
        ])
    }
}

/// `show`: the profile card.
struct ProfileCard: Presentable {
    let member: Member

    func document(in language: Language) -> Document {
        let t = language.text
        let role = language.role(member.role)
        var fields = [Field(t("id", "identifiant"), member.id), Field(t("role", "rôle"), role)]
        if let organization = member.organization {
            fields.append(Field(t("organization", "organisation"), organization))
        }
        if let wing = member.wing { fields.append(Field(t("wing", "aile"), String(wing))) }
        if !member.languages.isEmpty {
            fields.append(Field(t("languages", "langues"), language.languages(member.languages)))
        }
        if !member.skills.isEmpty {
            fields.append(
                Field(
                    t("skills", "compétences"),
                    member.skills.map { language.skill($0.name, level: $0.level) }.joined(separator: ", ")))
        }
        if !member.interests.isEmpty {
            fields.append(Field(t("interests", "intérêts"), member.interests.joined(separator: ", ")))
        }
        if !member.seeking.isEmpty {
            fields.append(Field(t("seeking", "recherche"), member.seeking.joined(separator: ", ")))
        }
        if !member.offering.isEmpty {
            fields.append(Field(t("offering", "propose"), member.offering.joined(separator: ", ")))
        }
        if !member.availability.isEmpty {
            fields.append(Field(t("availability", "disponibilités"), language.slots(member.availability)))
        }
        if member.role == .entrepreneur || member.capacity != 1 {
            fields.append(
                Field(
                    t("capacity", "capacité"),
                    language.counted(member.capacity, "mentee", "mentoré·e", frenchPlural: "mentoré·es")))
        }
        if let contact = member.contact { fields.append(Field(t("contact", "contact"), contact)) }
        var blocks: [Document.Block] = [.heading(member.name), .fields(fields)]
        if let bio = member.bio, !bio.isEmpty { blocks.append(.paragraph(bio)) }
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue { MemberJSON.of(member) }
}

/// `show A B`: a card each, one after the other; in JSON, a list of members.
struct ProfileCards: Presentable {
    let cards: [ProfileCard]

    func document(in language: Language) -> Document {
        Document(cards.flatMap { $0.document(in: language).blocks })
    }

    func json(in language: Language) -> JSONValue { .array(cards.map { $0.json(in: language) }) }
}

/// `search`.
struct SearchResults: Presentable {
    /// Members ranked by a score, with why: `search` and `suggest` alike.
    static func rankedMemberColumns(in language: Language) -> [Table.Column] {
        [
            Table.Column("#", alignment: .right), Table.Column(language.text("id", "identifiant")),
            Table.Column(language.text("name", "nom"), narrowing: .keepsWidth),
            Table.Column(language.text("role", "rôle")),
            Table.Column("score", alignment: .right), Table.Column(language.text("why", "pourquoi")),
        ]
    }

    let query: String
    let hits: Limited<SearchHit>

    var total: Int { hits.shown.count + hits.omitted }

    func document(in language: Language) -> Document {
        let query = TerminalSafeText.phrase(self.query)
        guard total > 0 else {
            return .message(language.text("nothing matches '\(query)'", "rien ne correspond à '\(query)'"))
        }
        var blocks: [Document.Block] = [
            .table(
                Table(
                    columns: SearchResults.rankedMemberColumns(in: language),
                    rows: hits.shown.enumerated().map { index, hit in
                        [
                            String(index + 1), hit.member.id, hit.member.name, language.role(hit.member.role),
                            String(hit.score),
                            hit.reasons.map { SearchWording.text($0, in: language) }.joined(
                                separator: language.text("; ", " ; ")),
                        ]
                    }))
        ]
        if let more = hits.note(in: language) { blocks.append(.note(more)) }
        blocks.append(
            .note(
                language.text(
                    "\(total) found",
                    "\(language.counted(total, "membre", "membre")) \(language.agree(total, "trouvé", "trouvés"))")))
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "query": .string(query), "total": .int(total),
            "results": .array(
                hits.shown.map { hit in
                    .object([
                        "id": .string(hit.member.id), "name": .string(hit.member.name),
                        "role": .string(hit.member.role.rawValue),
                        "score": .int(hit.score),
                        "reasons": .strings(hit.reasons.map { SearchWording.text($0, in: language) }),
                        "reason_facts": .array(hit.reasons.map(SearchWording.json)),
                    ])
                }),
            "omitted": .int(hits.omitted),
        ])
    }
}

/// `tags`.
struct TagList: Presentable {
    let counts: Limited<TagCount>
    let kind: String?

    func document(in language: Language) -> Document {
        var blocks: [Document.Block] = [
            .table(
                Table(
                    columns: [
                        Table.Column(language.text("tag", "étiquette")),
                        Table.Column(language.text("members", "membres"), alignment: .right),
                    ],
                    rows: counts.shown.map { [$0.tag, String($0.count)] }))
        ]
        if let more = counts.note(in: language) { blocks.append(.note(more)) }
        blocks.append(
            .note(
                language.counted(counts.shown.count + counts.omitted, "tag", "étiquette")
                    + (kind.flatMap(TagKind.init(rawValue:)).map { " (\(language.kind($0)))" } ?? "")))
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "kind": .optional(kind),
            "tags": .array(
                counts.shown.map {
                    .object(["tag": .string($0.tag), "key": .string($0.key), "members": .int($0.count)])
                }),
            "omitted": .int(counts.omitted),
        ])
    }
}

/// `tags --unmet`.
struct UnmetNeeds: Presentable {
    let needs: Limited<UnmetNeed>
    /// Members' needs of those tags, all together: what `stats` counts as needs without an offer.
    let seekers: Int

    func document(in language: Language) -> Document {
        guard !needs.shown.isEmpty else {
            return .message(
                language.text("every need is offered by someone", "chaque besoin est proposé par quelqu’un"))
        }
        var blocks: [Document.Block] = [
            .table(
                Table(
                    columns: [
                        Table.Column(language.text("sought, offered by nobody", "recherché, proposé par personne")),
                        Table.Column(language.text("by", "membres"), alignment: .right),
                        Table.Column(language.text("who", "qui")),
                    ],
                    rows: needs.shown.map { need in
                        [need.tag, String(need.seekers.count), need.seekers.map(\.name).joined(separator: ", ")]
                    }))
        ]
        if let more = needs.note(in: language) { blocks.append(.note(more)) }
        // As many members' needs as 'stats' counts unmet, over these tags.
        let tags = needs.shown.count + needs.omitted
        blocks.append(
            .note(
                language.text(
                    "\(language.counted(seekers, "need", "besoin")) nobody offers, over \(language.counted(tags, "tag", "étiquette"))",
                    "\(language.counted(seekers, "need", "besoin")) que personne ne propose, sur \(language.counted(tags, "tag", "étiquette"))"
                )))
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "unmet": .array(
                needs.shown.map { .object(["tag": .string($0.tag), "seekers": .strings($0.seekers.map(\.id))]) }),
            "omitted": .int(needs.omitted),
        ])
    }
}

/// `stats`.
struct StatisticsReport: Presentable {
    let statistics: CommunityStatistics
    let name: String?

    func coverage(in language: Language) -> String {
        guard statistics.needs > 0 else { return language.text("no needs declared", "aucun besoin déclaré") }
        let percent = String(format: "%.0f", Double(statistics.metNeeds) * 100 / Double(statistics.needs))
        let needs = language.counted(statistics.needs, "need", "besoin")
        let met = language.grouped(statistics.metNeeds)
        return language.text(
            "\(met) of \(needs) find an offer (\(percent)\u{A0}%)",
            "\(met) sur \(language.grouped(statistics.needs)) trouvent une offre (\(percent) %)")
    }

    /// Whole percents of `total` that add up to 100 (largest remainders):
    /// 60, 30 and 31 of 121 read 49, 25 and 26 (rounded each, 50, 25 and 26).
    static func wholePercents(_ values: [Int], of total: Int) -> [Int] {
        guard total > 0 else { return values.map { _ in 0 } }
        var percents = values.map { $0 * 100 / total }
        let remainders = values.enumerated().map { (index: $0.offset, rest: $0.element * 100 % total) }
        let missing = 100 - percents.reduce(0, +)
        for entry in remainders.sorted(by: { ($0.rest, $1.index) > ($1.rest, $0.index) }).prefix(max(0, missing)) {
            percents[entry.index] += 1
        }
        return percents
    }

    func document(in language: Language) -> Document {
        let count = statistics.memberCount
        let shares = Self.wholePercents(statistics.byRole.map(\.1), of: count)
        func share(_ index: Int) -> String { count == 0 ? "" : "\(shares[index])\u{A0}%" }
        let members = language.text("members", "membres")
        let community = name ?? language.text("The community", "La communauté")
        return Document([
            .heading(
                language.text(
                    "\(community): \(language.grouped(count)) members",
                    "\(community) : \(language.grouped(count)) membres")),
            .table(
                Table(
                    columns: [
                        Table.Column(language.text("role", "rôle")), Table.Column(members, alignment: .right),
                        Table.Column(language.text("share", "part"), alignment: .right),
                    ],
                    rows: statistics.byRole.enumerated().map { index, role in
                        [language.role(role.0), language.grouped(role.1), share(index)]
                    })),
            .table(
                Table(
                    columns: [Table.Column(language.text("wing", "aile")), Table.Column(members, alignment: .right)],
                    rows: statistics.byWing.map { [$0.0.map(String.init) ?? "—", language.grouped($0.1)] })),
            .table(
                Table(
                    columns: [
                        Table.Column(language.text("organization", "organisation")),
                        Table.Column(members, alignment: .right),
                    ],
                    rows: statistics.byOrganization.map { [$0.0, language.grouped($0.1)] })),
            .paragraph(
                statistics.metNeeds < statistics.needs
                    ? language.text(
                        "Needs: \(coverage(in: language)); 'tags --unmet' lists the others.",
                        "Besoins : \(coverage(in: language)) ; 'tags --unmet' liste les autres.")
                    : language.text("Needs: \(coverage(in: language)).", "Besoins : \(coverage(in: language)).")),
        ])
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "community": .optional(name),
            "members": .int(statistics.memberCount),
            "roles": .object(
                JSONValue.KeyValuePairs(statistics.byRole.map { (key: $0.0.rawValue, value: .int($0.1)) })),
            "wings": .array(
                statistics.byWing.map { .object(["wing": $0.0.map { .int($0) } ?? .null, "members": .int($0.1)]) }),
            "organizations": .array(
                statistics.byOrganization.map { .object(["organization": .string($0.0), "members": .int($0.1)]) }),
            "needs": .object(["total": .int(statistics.needs), "met": .int(statistics.metNeeds)]),
        ])
    }
}
