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

    var document: Document {
        var text = counted(loaded.directory.members.count, "member") + " loaded from \(folder)"
        if let name = loaded.directory.settings.name { text += " (\(name))" }
        let errors = loaded.errorCount
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.count
        var problems: [String] = []
        if errors > 0 { problems.append(counted(errors, "error") + " (not loaded)") }
        if warnings > 0 { problems.append(counted(warnings, "warning") + " (loaded, a part left out)") }
        if !problems.isEmpty { text += "; " + problems.joined(separator: " and ") + " (above)" }
        return .message(text)
    }

    var json: JSONValue {
        .object([
            "folder": .string(folder),
            "community": .optional(loaded.directory.settings.name),
            "members": .int(loaded.directory.members.count),
            "files": .int(loaded.fileCount),
            "problems": .array(
                loaded.diagnostics.map { diagnostic in
                    .object([
                        "path": .string(diagnostic.path), "line": .int(diagnostic.line),
                        "column": .int(diagnostic.column),
                        "severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message),
                    ])
                }),
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

    static func text(_ miss: FilterMiss) -> String {
        // What was typed, shown escaped and, when very long, shortened.
        let value = TerminalSafeText.phrase(miss.value)
        let what: String =
            switch miss.field {
            case .role: "nobody is \(value == "entrepreneur" ? "an" : "a") \(value)"
            case .skill: "nobody has the skill '\(value)'"
            case .interest: "nobody has the interest '\(value)'"
            case .seeking: "nobody seeks '\(value)'"
            case .offering: "nobody offers '\(value)'"
            case .wing: "nobody is in wing \(value)"
            case .organization: "no organisation's name contains '\(value)'"
            }
        return what + Suggestions.hint(miss.suggestion)
    }

    var document: Document {
        let found = members.shown.count + members.omitted
        if found == 0 && total > 0 {
            let reasons =
                misses.isEmpty
                ? ["each condition alone finds members, but nobody fits them all"] : misses.map(Self.text)
            return Document([.paragraph("No member fits: " + reasons.joined(separator: "; ") + ".")])
        }
        let table =
            isCompact
            ? Table(
                columns: [
                    Table.Column("name", narrowing: .keepsWidth), Table.Column("role"),
                    Table.Column("organization", narrowing: .truncates),
                    Table.Column("top skills", narrowing: .truncates),
                ],
                rows: members.shown.map {
                    [$0.name, $0.role.rawValue, $0.organization ?? "", MemberJSON.topSkills($0)]
                })
            : Table(
                columns: [
                    Table.Column("id"), Table.Column("name"), Table.Column("role"), Table.Column("organization"),
                    Table.Column("top skills"),
                ],
                rows: members.shown.map {
                    [$0.id, $0.name, $0.role.rawValue, $0.organization ?? "", MemberJSON.topSkills($0)]
                })
        var blocks: [Document.Block] = [.table(table)]
        if let more = members.note { blocks.append(.note(more)) }
        blocks.append(.note(found == total ? counted(total, "member") : "\(found) of " + counted(total, "member")))
        return Document(blocks)
    }

    var json: JSONValue {
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

    var document: Document {
        var fields = [Field("id", member.id), Field("role", "\(member.role.rawValue) (\(member.role.frenchName))")]
        if let organization = member.organization { fields.append(Field("organization", organization)) }
        if let wing = member.wing { fields.append(Field("wing", String(wing))) }
        if !member.languages.isEmpty { fields.append(Field("languages", member.languages.joined(separator: ", "))) }
        if !member.skills.isEmpty { fields.append(Field("skills", member.skills.map(\.label).joined(separator: ", "))) }
        if !member.interests.isEmpty { fields.append(Field("interests", member.interests.joined(separator: ", "))) }
        if !member.seeking.isEmpty { fields.append(Field("seeking", member.seeking.joined(separator: ", "))) }
        if !member.offering.isEmpty { fields.append(Field("offering", member.offering.joined(separator: ", "))) }
        if !member.availability.isEmpty {
            fields.append(Field("availability", member.availability.joined(separator: ", ")))
        }
        if member.role == .entrepreneur || member.capacity != 1 {
            fields.append(Field("capacity", "\(member.capacity) mentee\(member.capacity == 1 ? "" : "s")"))
        }
        if let contact = member.contact { fields.append(Field("contact", contact)) }
        var blocks: [Document.Block] = [.heading(member.name), .fields(fields)]
        if let bio = member.bio, !bio.isEmpty { blocks.append(.paragraph(bio)) }
        return Document(blocks)
    }

    var json: JSONValue { MemberJSON.of(member) }
}

/// `search`.
struct SearchResults: Presentable {
    /// Members ranked by a score, with why: `search` and `suggest` alike.
    static let rankedMemberColumns = [
        Table.Column("#", alignment: .right), Table.Column("id"),
        Table.Column("name", narrowing: .keepsWidth), Table.Column("role"),
        Table.Column("score", alignment: .right), Table.Column("why"),
    ]

    let query: String
    let hits: Limited<SearchHit>

    var total: Int { hits.shown.count + hits.omitted }

    var document: Document {
        guard total > 0 else { return .message("nothing matches '\(TerminalSafeText.phrase(query))'") }
        var blocks: [Document.Block] = [
            .table(
                Table(
                    columns: SearchResults.rankedMemberColumns,
                    rows: hits.shown.enumerated().map { index, hit in
                        [
                            String(index + 1), hit.member.id, hit.member.name, hit.member.role.rawValue,
                            String(hit.score), hit.reasons.joined(separator: "; "),
                        ]
                    }))
        ]
        if let more = hits.note { blocks.append(.note(more)) }
        blocks.append(.note("\(total) found"))
        return Document(blocks)
    }

    var json: JSONValue {
        .object([
            "query": .string(query), "total": .int(total),
            "results": .array(
                hits.shown.map { hit in
                    .object([
                        "id": .string(hit.member.id), "name": .string(hit.member.name),
                        "role": .string(hit.member.role.rawValue),
                        "score": .int(hit.score), "reasons": .strings(hit.reasons),
                    ])
                }),
        ])
    }
}

/// `tags`.
struct TagList: Presentable {
    let counts: Limited<TagCount>
    let kind: String?

    var document: Document {
        var blocks: [Document.Block] = [
            .table(
                Table(
                    columns: [Table.Column("tag"), Table.Column("members", alignment: .right)],
                    rows: counts.shown.map { [$0.tag, String($0.count)] }))
        ]
        if let more = counts.note { blocks.append(.note(more)) }
        blocks.append(.note(counted(counts.shown.count + counts.omitted, "tag") + (kind.map { " (\($0))" } ?? "")))
        return Document(blocks)
    }

    var json: JSONValue {
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

    var document: Document {
        guard !needs.shown.isEmpty else { return .message("every need is offered by someone") }
        var blocks: [Document.Block] = [
            .table(
                Table(
                    columns: [
                        Table.Column("sought, offered by nobody"), Table.Column("by", alignment: .right),
                        Table.Column("who"),
                    ],
                    rows: needs.shown.map { need in
                        [need.tag, String(need.seekers.count), need.seekers.map(\.name).joined(separator: ", ")]
                    }))
        ]
        if let more = needs.note { blocks.append(.note(more)) }
        blocks.append(.note(counted(needs.shown.count + needs.omitted, "unmet need")))
        return Document(blocks)
    }

    var json: JSONValue {
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

    var coverage: String {
        guard statistics.needs > 0 else { return "no needs declared" }
        let percent = Double(statistics.metNeeds) * 100 / Double(statistics.needs)
        return "\(statistics.metNeeds) of " + counted(statistics.needs, "need")
            + " find an offer (\(String(format: "%.0f", percent))\u{A0}%)"
    }

    var document: Document {
        let count = statistics.memberCount
        func share(_ value: Int) -> String {
            count == 0 ? "" : String(format: "%.0f\u{A0}%%", Double(value) * 100 / Double(count))
        }
        return Document([
            .heading("\(name ?? "The community"): \(count) members"),
            .table(
                Table(
                    columns: [
                        Table.Column("role"), Table.Column("members", alignment: .right),
                        Table.Column("share", alignment: .right),
                    ],
                    rows: statistics.byRole.map { [$0.0.rawValue, String($0.1), share($0.1)] })),
            .table(
                Table(
                    columns: [Table.Column("wing"), Table.Column("members", alignment: .right)],
                    rows: statistics.byWing.map { [$0.0.map(String.init) ?? "—", String($0.1)] })),
            .table(
                Table(
                    columns: [Table.Column("organization"), Table.Column("members", alignment: .right)],
                    rows: statistics.byOrganization.map { [$0.0, String($0.1)] })),
            .paragraph("Needs: " + coverage + "; 'tags --unmet' lists the others."),
        ])
    }

    var json: JSONValue {
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
