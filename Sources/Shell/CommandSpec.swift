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
    public var run: Handler

    public init(
        _ name: String, aliases: [String] = [], group: CommandGroup, summary: String, details: String = "",
        arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], examples: [String] = [],
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
    static let universalOptions = [
        OptionSpec("help", summary: "Show how to use the command"),
        OptionSpec("format", value: "FORMAT", summary: "How to show this result",
                   choices: OutputFormat.names),
    ]

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name } ?? Self.universalOptions.first { $0.name == name }
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
    public var name: String
    public var short: Character?
    /// `nil` for a flag; the placeholder shown in help otherwise.
    public var valueName: String?
    public var summary: String
    /// When set, the value must be one of these (and completion offers them).
    public var choices: [String]?
    public var isRepeatable: Bool
    public var completion: ArgumentCompletion

    public init(
        _ name: String, short: Character? = nil, value valueName: String? = nil, summary: String,
        choices: [String]? = nil, isRepeatable: Bool = false, completion: ArgumentCompletion = .none
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.summary = summary
        self.choices = choices
        self.isRepeatable = isRepeatable
        self.completion = choices.map(ArgumentCompletion.choices) ?? completion
    }

    public var takesValue: Bool { valueName != nil }
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
