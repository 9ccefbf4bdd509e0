/// `help`: every command, by group.
struct HelpIndex: Presentable {
    let table: CommandTable

    var document: Document {
        var blocks: [Document.Block] = [
            .paragraph("Patio pairs the members of La Serre numérique by skills and interests.")
        ]
        for group in CommandGroup.allCases {
            let specs = table.commands.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            blocks.append(.heading(group.rawValue))
            blocks.append(.fields(specs.map { Field($0.shortSynopsis, $0.summary) }))
        }
        blocks.append(
            .note(
                "Type 'help COMMAND' for more. A unique prefix of a command works too ('he' for 'help'). Every command takes --help and --format table|csv|json|markdown."
            ))
        return Document(blocks)
    }

    var json: JSONValue {
        .object([
            "commands": .array(
                table.commands.map { spec in
                    .object([
                        "name": .string(spec.name),
                        "aliases": .strings(spec.aliases),
                        "group": .string(spec.group.rawValue),
                        "synopsis": .string(spec.synopsis),
                        "summary": .string(spec.summary),
                    ])
                })
        ])
    }
}

/// `help COMMAND` and `COMMAND --help`.
struct HelpPage: Presentable {
    let spec: CommandSpec

    var document: Document {
        var blocks: [Document.Block] = [.heading(spec.synopsis), .paragraph(spec.summary + ".")]
        if !spec.details.isEmpty { blocks.append(.paragraph(spec.details)) }
        if !spec.aliases.isEmpty {
            blocks.append(.note("Also: " + spec.aliases.joined(separator: ", ")))
        }
        if !spec.arguments.isEmpty {
            blocks.append(.heading("Arguments"))
            blocks.append(.fields(spec.arguments.map { Field($0.name, $0.summary) }))
        }
        let options = spec.options + CommandSpec.universalOptions
        blocks.append(.heading("Options"))
        blocks.append(
            .fields(
                options.map { option in
                    var label = "--" + option.name + (option.valueName.map { " " + $0 } ?? "")
                    if let short = option.short { label = "-\(short), " + label }
                    let hint = option.valueHint.map { " (" + $0 + ")" } ?? ""
                    let aliases =
                        option.aliases.isEmpty ? "" : " Also --" + option.aliases.joined(separator: ", --") + "."
                    return Field(label, option.summary + hint + aliases)
                }))
        if !spec.examples.isEmpty {
            blocks.append(.heading("Examples"))
            blocks.append(.list(spec.examples))
        }
        return Document(blocks)
    }

    var json: JSONValue {
        .object([
            "name": .string(spec.name),
            "aliases": .strings(spec.aliases),
            "group": .string(spec.group.rawValue),
            "synopsis": .string(spec.synopsis),
            "summary": .string(spec.summary),
            "details": .string(spec.details),
            "arguments": .array(
                spec.arguments.map { argument in
                    .object([
                        "name": .string(argument.name), "summary": .string(argument.summary),
                        "arity": .string(String(describing: argument.arity)),
                    ])
                }),
            "options": .array(
                (spec.options + CommandSpec.universalOptions).map { option in
                    .object([
                        "name": .string(option.name), "value": .optional(option.valueName),
                        "summary": .string(option.summary),
                        "choices": option.choices.map(JSONValue.strings) ?? .null,
                        "default": .optional(option.defaultValue),
                        "range": {
                            if case .integer(let range) = option.kind {
                                return .array([.int(range.lowerBound), .int(range.upperBound)])
                            } else {
                                return .null
                            }
                        }(),
                        "modes": option.modes.map(JSONValue.strings) ?? .null,
                    ])
                }),
            "examples": .strings(spec.examples),
        ])
    }
}

/// `set` and `set NAME`.
struct SettingsList: Presentable {
    let rows: [(name: String, value: String, summary: String)]

    init(_ specs: [SettingSpec], in session: Session) {
        rows = specs.map { ($0.name, $0.get(session), $0.summary) }
    }

    var document: Document {
        Document([
            .table(
                Table(
                    columns: [Table.Column("setting"), Table.Column("value"), Table.Column("meaning")],
                    rows: rows.map { [$0.name, $0.value, $0.summary] }))
        ])
    }

    var json: JSONValue {
        .object([
            "settings": .array(
                rows.map {
                    .object(["name": .string($0.name), "value": .string($0.value), "summary": .string($0.summary)])
                })
        ])
    }
}

/// `set NAME VALUE`: the new value, and the one it replaces.
struct SettingChange: Presentable {
    let name: String
    let value: String
    let previous: String

    var document: Document {
        .message(value == previous ? "\(name) is \(value) (unchanged)" : "\(name) = \(value) (was \(previous))")
    }
    var json: JSONValue { .object(["setting": .string(name), "value": .string(value), "previous": .string(previous)]) }
}
