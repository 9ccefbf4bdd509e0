/// `help`: every command, by group.
struct HelpIndex: Presentable {
    let table: CommandTable

    func document(in language: Language) -> Document {
        var blocks: [Document.Block] = [
            .paragraph(
                language.text(
                    "Patio pairs the members of La Serre numérique by skills and interests.",
                    "Patio met en relation les membres de La Serre numérique selon leurs compétences et leurs intérêts."
                ))
        ]
        for group in CommandGroup.allCases {
            let specs = table.commands.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            blocks.append(.heading(HelpText.title(of: group, in: language)))
            blocks.append(
                .fields(
                    specs.map {
                        Field(
                            HelpText.placeholders($0.shortSynopsis, in: language),
                            HelpText.summary(of: $0, in: language))
                    }))
        }
        blocks.append(
            .note(
                language.text(
                    "Type 'help COMMAND' for more. A unique prefix of a command works too ('he' for 'help'). Every command takes --help and --format table|csv|json|markdown.",
                    "Tapez 'help COMMANDE' pour en savoir plus. Tout début unique d’une commande fonctionne aussi ('he' pour 'help'). Chaque commande accepte --help et --format table|csv|json|markdown."
                )))
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "commands": .array(
                table.commands.map { spec in
                    .object([
                        "name": .string(spec.name),
                        "aliases": .strings(spec.aliases),
                        "group": .string(spec.group.rawValue),
                        "synopsis": .string(spec.synopsis),
                        "summary": .string(HelpText.summary(of: spec, in: language)),
                    ])
                })
        ])
    }
}

/// `help COMMAND` and `COMMAND --help`.
struct HelpPage: Presentable {
    let spec: CommandSpec

    func document(in language: Language) -> Document {
        let details = HelpText.details(of: spec, in: language)
        var blocks: [Document.Block] = [
            .heading(HelpText.placeholders(spec.synopsis, in: language)),
            .paragraph(HelpText.summary(of: spec, in: language) + "."),
        ]
        if !details.isEmpty { blocks.append(.paragraph(details)) }
        if !spec.aliases.isEmpty {
            blocks.append(.note(language.text("Also: ", "Aussi : ") + spec.aliases.joined(separator: ", ")))
        }
        if !spec.arguments.isEmpty {
            blocks.append(.heading(language.text("Arguments", "Arguments")))
            blocks.append(
                .fields(
                    spec.arguments.map {
                        Field(
                            HelpText.placeholders($0.name, in: language),
                            HelpText.summary(of: $0, command: spec.name, in: language))
                    }))
        }
        let options = spec.options + CommandSpec.universalOptions
        blocks.append(.heading(language.text("Options", "Options")))
        blocks.append(
            .fields(
                options.map { option in
                    var label =
                        "--" + option.name
                        + (option.valueName.map { " " + HelpText.placeholders($0, in: language) } ?? "")
                    if let short = option.short { label = "-\(short), " + label }
                    let hint = HelpText.valueHint(of: option, in: language).map { " (" + $0 + ")" } ?? ""
                    let others = "--" + option.aliases.joined(separator: ", --")
                    let aliases = option.aliases.isEmpty ? "" : language.text(" Also \(others).", " Aussi \(others).")
                    return Field(label, HelpText.summary(of: option, command: spec.name, in: language) + hint + aliases)
                }))
        if !spec.examples.isEmpty {
            blocks.append(.heading(language.text("Examples", "Exemples")))
            blocks.append(.list(spec.examples.map { HelpText.example($0, in: language) }))
        }
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "name": .string(spec.name),
            "aliases": .strings(spec.aliases),
            "group": .string(spec.group.rawValue),
            "synopsis": .string(spec.synopsis),
            "summary": .string(HelpText.summary(of: spec, in: language)),
            "details": .string(HelpText.details(of: spec, in: language)),
            "arguments": .array(
                spec.arguments.map { argument in
                    .object([
                        "name": .string(argument.name),
                        "summary": .string(HelpText.summary(of: argument, command: spec.name, in: language)),
                        "arity": .string(String(describing: argument.arity)),
                    ])
                }),
            "options": .array(
                (spec.options + CommandSpec.universalOptions).map { option in
                    .object([
                        "name": .string(option.name), "value": .optional(option.valueName),
                        "summary": .string(HelpText.summary(of: option, command: spec.name, in: language)),
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
        rows = specs.map { ($0.name, $0.get(session), HelpText.summary(of: $0, in: session.language)) }
    }

    func document(in language: Language) -> Document {
        Document([
            .table(
                Table(
                    columns: [
                        Table.Column(language.text("setting", "réglage")),
                        Table.Column(language.text("value", "valeur")),
                        Table.Column(language.text("meaning", "sens")),
                    ],
                    rows: rows.map { [$0.name, language.settingValue($0.value), $0.summary] }))
        ])
    }

    func json(in language: Language) -> JSONValue {
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
    /// A setting of the scores changed while a draft made with the value before is kept.
    var draftMadeBefore = false

    func document(in language: Language) -> Document {
        let t = language.text
        guard value != previous else {
            return .message(
                t("\(name) is \(value) (unchanged)", "\(name) vaut \(language.settingValue(value)) (inchangé)"))
        }
        return .message(
            t(
                "\(name) = \(value) (was \(previous))",
                "\(name) = \(language.settingValue(value)) (était \(language.settingValue(previous)))")
                + (draftMadeBefore
                    ? t(
                        "; the draft was made before this change ('match' makes one with it)",
                        " ; le brouillon a été calculé avant ce changement ('match' en calcule un avec)") : ""))
    }
    func json(in language: Language) -> JSONValue {
        var fields: JSONValue.KeyValuePairs = [
            "setting": .string(name), "value": .string(value), "previous": .string(previous),
        ]
        if draftMadeBefore { fields.pairs.append(("draft_made_before", .bool(true))) }
        return .object(fields)
    }
}
