import Foundation

/// One command of the shell, as data: the command table built from these
/// drives `help`, `help COMMAND`, `COMMAND --help`, completion, argument
/// checking and "did you mean".
public struct CommandSpec: Sendable {
    public typealias Handler = @Sendable (inout Session, Arguments) throws -> CommandResult

    public var name: String
    public var aliases: [String]
    public var group: CommandGroup
    public var summary: String
    /// Paragraphs shown by `help COMMAND` below the summary.
    public var details: String
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var examples: [String]
    /// Where the command's mode is read, for options that apply to some modes only.
    public var mode: ModeSource?
    public var run: Handler

    public init(
        _ name: String, aliases: [String] = [], group: CommandGroup, summary: String, details: String = "",
        arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], examples: [String] = [], mode: ModeSource? = nil,
        run: @escaping Handler
    ) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.summary = summary
        self.details = details
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.mode = mode
        self.run = run
    }

    /// `members [--role ROLE] [--wing N] [TEXT]`, built from the specs.
    public var synopsis: String {
        let options = self.options.map { option in
            "[--" + option.name + (option.valueName.map { " " + $0 } ?? "") + "]" + (option.isRepeatable ? "..." : "")
        }
        return ([name] + options + argumentWords).joined(separator: " ")
    }

    /// The name and arguments, `[options]` standing for the options: for the list of commands.
    public var shortSynopsis: String {
        ([name] + (options.isEmpty ? [] : ["[options]"]) + argumentWords).joined(separator: " ")
    }

    private var argumentWords: [String] {
        arguments.map { argument in
            switch argument.arity {
            case .required: return argument.name
            case .optional: return "[" + argument.name + "]"
            case .zeroOrMore: return "[" + argument.name + "...]"
            case .oneOrMore: return argument.name + "..."
            }
        }
    }

    /// The options every command takes, handled by the interpreter.
    static let help = CommandOption<Bool>.flag("help", summary: "Show how to use the command")
    static let format = CommandOption<OutputFormat?>.choice(
        "format", value: "FORMAT", summary: "How to show this result")
    static let universalOptions = [help.spec, format.spec]

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name || $0.aliases.contains(name) }
            ?? Self.universalOptions.first { $0.name == name }
    }

    func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }

    var allOptionNames: [String] { options.map(\.name) + Self.universalOptions.map(\.name) }
}

/// Where a command is listed in `help`.
public enum CommandGroup: String, CaseIterable, Sendable {
    case shell = "Shell"
    case profiles = "Profiles"
    case matching = "Matching"
    case rounds = "Rounds and the ledger"
}

/// What a command gives back: something to show, nothing, or the end of the session.
public enum CommandResult {
    case nothing
    case show(any Presentable)
    /// Leave the shell (or the script): quitting is not an error.
    case quit
    /// Something to show, and yet the command failed (its problems were
    /// reported already): a load with broken files, an import with bad rows.
    case failed(any Presentable)
}

public struct ArgumentSpec: Sendable {
    public enum Arity: Sendable { case required, optional, zeroOrMore, oneOrMore }

    public var name: String
    public var summary: String
    public var arity: Arity
    public var completion: ArgumentCompletion

    public init(_ name: String, summary: String, arity: Arity = .required, completion: ArgumentCompletion = .none) {
        self.name = name
        self.summary = summary
        self.arity = arity
        self.completion = completion
    }
}

public struct OptionSpec: Sendable {
    /// What an option's value is; the value is checked against it before any handler runs.
    public enum Kind: Sendable, Equatable {
        case flag
        case integer(ClosedRange<Int>)
        /// One word of a list, any case: it reaches the handler as written in the list.
        case choice([String])
        case text
    }

    public var name: String
    public var short: Character?
    /// `nil` for a flag; the placeholder shown in help otherwise.
    public var valueName: String?
    public var summary: String
    public var kind: Kind
    /// Shown in help; handlers get it when the option is not given.
    public var defaultValue: String?
    /// The modes the option applies to (`circles`, `.ics`); nil for all.
    public var modes: [String]?
    public var isRepeatable: Bool
    public var completion: ArgumentCompletion
    /// Other names that give the same option (an older spelling).
    public var aliases: [String] = []

    public init(
        _ name: String, short: Character? = nil, value valueName: String? = nil, summary: String, kind: Kind? = nil,
        default defaultValue: String? = nil, modes: [String]? = nil, isRepeatable: Bool = false,
        completion: ArgumentCompletion = .none
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.summary = summary
        self.kind = kind ?? (valueName == nil ? .flag : .text)
        self.defaultValue = defaultValue
        self.modes = modes
        self.isRepeatable = isRepeatable
        if case .choice(let words) = self.kind, case .none = completion {
            self.completion = .choices(words)
        } else {
            self.completion = completion
        }
    }

    public var takesValue: Bool { kind != .flag }

    public var choices: [String]? {
        if case .choice(let words) = kind { return words }
        return nil
    }

    /// What help says of the value: its range or choices, and its default.
    public var valueHint: String? {
        var parts: [String] = []
        switch kind {
        case .integer(let range):
            parts.append("\(range.lowerBound) to \(range.upperBound)")
        case .choice(let words): parts.append(words.joined(separator: ", "))
        case .flag, .text: break
        }
        if let defaultValue { parts.append("default " + defaultValue) }
        if let modes { parts.append(modes.joined(separator: ", ") + " only") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

/// Where a command's mode comes from: a positional argument (with the mode
/// when it is left out), or the extension of a file named by one.
public enum ModeSource: Sendable {
    case argument(Int, default: String)
    case fileExtension(Int)

    /// The mode the arguments typed so far give: `circles` in `match circles`,
    /// `.ics` in `export a.ics` (nil while the file is not typed yet, or
    /// when it has no extension: the command says what is missing).
    func mode(_ positional: (Int) -> String?) -> String? {
        switch self {
        case .argument(let index, let fallback): (positional(index) ?? fallback).lowercased()
        case .fileExtension(let index):
            positional(index).flatMap {
                let ext = ($0 as NSString).pathExtension.lowercased()
                return ext.isEmpty ? nil : "." + ext
            }
        }
    }
}

/// An option declared once, with its type: commands list its `spec`, and
/// handlers read its value as that type (`arguments[Options.size]`), already
/// checked against the spec, with its default when it was not given.
public struct CommandOption<Value>: Sendable {
    public let spec: OptionSpec
    let read: @Sendable (Arguments) -> Value
}

extension CommandOption where Value == Bool {
    public static func flag(_ name: String, summary: String, modes: [String]? = nil) -> CommandOption {
        let spec = OptionSpec(name, summary: summary, kind: .flag, modes: modes)
        return CommandOption(spec: spec) { $0.isGiven(name) }
    }
}

extension CommandOption where Value == Int {
    public static func integer(
        _ name: String, value: String, summary: String, range: ClosedRange<Int>, default fallback: Int,
        modes: [String]? = nil
    ) -> CommandOption {
        let spec = OptionSpec(
            name, value: value, summary: summary, kind: .integer(range), default: String(fallback), modes: modes)
        return CommandOption(spec: spec) { $0.text(of: name).flatMap(Int.init) ?? fallback }
    }
}

extension CommandOption where Value == Int? {
    public static func integer(
        _ name: String, value: String, summary: String, range: ClosedRange<Int>, modes: [String]? = nil,
        choices: [String]? = nil
    ) -> CommandOption {
        let spec = OptionSpec(
            name, value: value, summary: summary, kind: .integer(range), modes: modes,
            completion: choices.map { .choices($0) } ?? .none)
        return CommandOption(spec: spec) { $0.text(of: name).flatMap(Int.init) }
    }
}

extension CommandOption where Value == String? {
    public static func text(
        _ name: String, value: String, summary: String, modes: [String]? = nil, completion: ArgumentCompletion = .none
    ) -> CommandOption {
        let spec = OptionSpec(name, value: value, summary: summary, kind: .text, modes: modes, completion: completion)
        return CommandOption(spec: spec) { $0.text(of: name) }
    }
}

extension CommandOption where Value == [String] {
    public static func repeated(_ name: String, value: String, summary: String) -> CommandOption {
        let spec = OptionSpec(name, value: value, summary: summary, kind: .text, isRepeatable: true)
        return CommandOption(spec: spec) { $0.texts(of: name) }
    }
}

extension CommandOption {
    /// One word of a `ChoiceWord` list, any case; nil when not given.
    public static func choice<Word: ChoiceWord>(_ name: String, value: String, summary: String, modes: [String]? = nil)
        -> CommandOption
    where Value == Word? {
        let spec = OptionSpec(name, value: value, summary: summary, kind: .choice(Word.names), modes: modes)
        return CommandOption(spec: spec) { $0.text(of: name).flatMap(Word.init(rawValue:)) }
    }
}

/// What Tab offers for an argument or an option's value.
public enum ArgumentCompletion: Sendable {
    case none
    case choices([String])
    /// Files with one of these extensions (any file when empty), and folders to get there.
    case files(extensions: [String])
    case directories
    case commands
    /// Computed from the session: member ids, tags, setting values, …
    case custom(@Sendable (CompletionRequest) -> [CompletionCandidate])
}

/// What a custom completion sees.
public struct CompletionRequest {
    public let session: Session
    /// The arguments typed before the word being completed.
    public let previousArguments: [String]
    /// The word typed so far, without its quotes.
    public let word: String
}
