import Community
import Foundation

/// A command's arguments once checked against its spec.
public struct Arguments: Sendable {
    public let command: String
    public private(set) var positionals: [String]
    private var optionValues: [String: [String]]

    public init(command: String, positionals: [String] = [], options: [String: [String]] = [:]) {
        self.command = command
        self.positionals = positionals
        self.optionValues = options
    }

    public subscript(position: Int) -> String? {
        positions.contains(position) ? positionals[position] : nil
    }

    private var positions: Range<Int> { positionals.indices }

    /// An option's value, as its declaration types it (checked when the line was read).
    public subscript<Value>(option: CommandOption<Value>) -> Value { option.read(self) }

    func isGiven(_ name: String) -> Bool { optionValues[name] != nil }
    func text(of name: String) -> String? { optionValues[name]?.last }
    func texts(of name: String) -> [String] { optionValues[name] ?? [] }

    public static func integer(_ text: String, named name: String, in range: ClosedRange<Int>) throws(ShellError) -> Int
    {
        guard let number = Int(text), range.contains(number) else {
            throw ShellError.invalidValue(
                text, for: name, expected: .wholeNumber(in: range),
                suggestion: nil)
        }
        return number
    }

    /// Reads the words after the command name. `--name value`, `--name=value`,
    /// `-x value` and flags are options; `--` ends them; quoted words are
    /// always plain arguments.
    static func parse(_ tokens: ArraySlice<Token>, for spec: CommandSpec) throws(ShellError) -> Arguments {
        var positionals: [String] = []
        var options: [String: [String]] = [:]
        var onlyPositionals = false
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let token = tokens[index]
            index += 1
            let text = token.text
            if onlyPositionals || token.isQuoted || !text.hasPrefix("-") || text == "-" || Self.isNumber(text) {
                positionals.append(text)
                continue
            }
            if text == "--" {
                onlyPositionals = true
                continue
            }
            let option: OptionSpec
            var inlineValue: String?
            if text.hasPrefix("--") {
                let body = text.dropFirst(2)
                let name = body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                if let equals = body.firstIndex(of: "=") { inlineValue = String(body[body.index(after: equals)...]) }
                guard let found = spec.option(named: name) else {
                    let suggestion = Suggestions.nearest(to: name, among: spec.allOptionNames)
                    throw ShellError.unknownOption(
                        "--" + name, command: spec.name, suggestion: suggestion.map { "--" + $0 })
                }
                option = found
            } else if text.count == 2, let found = spec.option(short: text.last!) {
                option = found
            } else if text == "-h" {
                option = CommandSpec.universalOptions[0]
            } else {
                let suggestion = Suggestions.nearest(to: String(text.drop { $0 == "-" }), among: spec.allOptionNames)
                throw ShellError.unknownOption(text, command: spec.name, suggestion: suggestion.map { "--" + $0 })
            }
            if !option.takesValue {
                if inlineValue != nil { throw ShellError.flagTakesNoValue(option: option.name, command: spec.name) }
                options[option.name, default: []].append("")
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < tokens.endIndex {
                value = tokens[index].text
                index += 1
            } else {
                throw ShellError.missingOptionValue(option: option.name, command: spec.name)
            }
            if options[option.name] != nil && !option.isRepeatable {
                throw ShellError.repeatedOption(option: option.name, command: spec.name)
            }
            options[option.name, default: []].append(try Self.checked(value, for: option))
        }
        let arguments = Arguments(command: spec.name, positionals: positionals, options: options)
        if options["help"] == nil {
            try arguments.checkCount(against: spec)
            try arguments.checkModes(against: spec)
        }
        return arguments
    }

    /// A value checked against its option's kind: a whole number in range, a
    /// word of the list (any case, given back as the list writes it).
    static func checked(_ value: String, for option: OptionSpec) throws(ShellError) -> String {
        switch option.kind {
        case .flag, .text:
            return value
        case .integer(let range):
            return String(try integer(value, named: "--" + option.name, in: range))
        case .choice(let words):
            // Without regard to case, and a plural choice also answers to its singular (`--kind skill`).
            let typed = value.lowercased()
            if let word = words.first(where: { $0.lowercased() == typed || $0.lowercased() == typed + "s" }) {
                return word
            }
            throw ShellError.invalidValue(
                value, for: "--" + option.name, expected: .oneOf(words),
                suggestion: Suggestions.nearest(to: value, among: words, reach: .likelyTypo))
        }
    }

    /// The command's mode, when it has one: `circles` in `match circles`, `ics` in `export a.ics`.
    func mode(of spec: CommandSpec) -> String? {
        spec.mode?.mode { self[$0] }
    }

    /// Refuses an option given for a mode it does not apply to (`match pairs --size 4`).
    private func checkModes(against spec: CommandSpec) throws(ShellError) {
        guard let mode = mode(of: spec) else { return }
        for option in spec.options where optionValues[option.name] != nil {
            guard let modes = option.modes, !modes.contains(mode) else { continue }
            throw ShellError.optionDoesNotApply(option: option.name, command: spec.name, modes: modes, given: mode)
        }
    }

    private func checkCount(against spec: CommandSpec) throws(ShellError) {
        var needed = 0
        var limit: Int? = 0
        for argument in spec.arguments {
            switch argument.arity {
            case .required:
                needed += 1
                limit = limit.map { $0 + 1 }
            case .optional: limit = limit.map { $0 + 1 }
            case .oneOrMore:
                needed += 1
                limit = nil
            case .zeroOrMore: limit = nil
            }
        }
        if positionals.count < needed {
            var counted = 0
            for argument in spec.arguments where argument.arity == .required || argument.arity == .oneOrMore {
                if counted == positionals.count {
                    throw ShellError.missingArgument(name: argument.name, command: spec.name)
                }
                counted += 1
            }
        }
        if let limit, positionals.count > limit {
            throw ShellError.unexpectedArgument(positionals[limit], command: spec.name)
        }
        for (index, argument) in spec.arguments.enumerated() where index < positionals.count {
            if case .choices(let choices) = argument.completion,
                !choices.contains(where: { $0.lowercased() == positionals[index].lowercased() })
            {
                throw ShellError.invalidValue(
                    positionals[index], for: argument.name.lowercased(), expected: .oneOf(choices),
                    suggestion: Suggestions.nearest(to: positionals[index], among: choices, reach: .likelyTypo))
            }
        }
    }

    private static func isNumber(_ text: String) -> Bool { Double(text) != nil }
}
