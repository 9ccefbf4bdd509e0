import Community
import Foundation

/// The commands of the shell itself: help, quit, set, echo, source.
enum ShellCommands {
    static let all: [CommandSpec] = [help, quit, set, echo, source]

    static let help = CommandSpec(
        "help", aliases: ["?"], group: .shell,
        summary: "List the commands, or show how to use one",
        details: "Any unique prefix of a command works in its place ('he' for 'help'), and every command takes --help.",
        arguments: [
            ArgumentSpec("COMMAND", summary: "The command to explain", arity: .optional, completion: .commands)
        ],
        examples: ["help", "help set", "set --help"]
    ) { _, arguments in
        guard let word = arguments[0] else { return .show(HelpIndex(table: .standard)) }
        do {
            return .show(HelpPage(spec: try CommandTable.standard.resolve(word)))
        } catch ShellError.unknownCommand(let typed, let suggestion) {
            // An option's name (`help among`): the commands that take it.
            let name = String(word.drop { $0 == "-" }).lowercased()
            let commands = CommandTable.standard.commands.filter { spec in
                spec.options.contains { $0.name == name && $0.name != "help" }
            }
            guard !commands.isEmpty else { throw ShellError.unknownCommand(typed, suggestion: suggestion) }
            throw ShellError.helpForAnOption(name, commands: commands.map(\.name))
        }
    }

    static let quit = CommandSpec(
        "quit", aliases: ["exit"], group: .shell,
        summary: "Leave the shell (Ctrl-D does too)",
        details: "In a script, quit ends the script and the run: the exit status says whether anything failed before."
    ) { _, _ in .quit }

    static let set = CommandSpec(
        "set", group: .shell,
        summary: "Show the settings, or change one",
        details:
            "With no argument, every setting and its value; with a name, that setting; with a name and a value, change it for the rest of the session.",
        arguments: [
            ArgumentSpec(
                "NAME", summary: "The setting", arity: .optional,
                completion: .custom { request in
                    SettingTable.standard.map { CompletionCandidate($0.name) }
                }),
            ArgumentSpec(
                "VALUE", summary: "Its new value", arity: .optional,
                completion: .custom { request in
                    guard let name = request.previousArguments.first,
                        let spec = try? SettingTable.setting(named: name)
                    else { return [] }
                    return spec.values.map { CompletionCandidate($0) }
                }),
        ],
        examples: ["set", "set format json", "set color never", "set seed 42", "set keep-going on"]
    ) { session, arguments in
        guard let name = arguments[0] else { return .show(SettingsList(SettingTable.standard, in: session)) }
        let spec = try SettingTable.setting(named: name)
        guard let value = arguments[1] else { return .show(SettingsList([spec], in: session)) }
        let previous = spec.get(session)
        try spec.set(&session, value)
        var change = SettingChange(name: spec.name, value: spec.get(session), previous: previous)
        change.draftMadeBefore =
            change.value != previous && session.matchmaking.draft != nil
            && MatchmakingSettings.all.contains { $0.name == spec.name }
        return .show(change)
    }

    static let echo = CommandSpec(
        "echo", group: .shell,
        summary: "Print the arguments, separated by spaces",
        details: "Handy in scripts to label their output.",
        arguments: [ArgumentSpec("TEXT", summary: "The words to print", arity: .zeroOrMore)],
        examples: ["echo 'Séance du mardi'", "echo Élodie Dupré"]
    ) { _, arguments in
        // What is typed is shown, never obeyed: a line break in a quoted word is written \n.
        .show(Message(TerminalSafeText.escape(arguments.positionals.joined(separator: " "))))
    }

    /// Deeper than this, a script is most likely sourcing itself.
    static let sourceDepthLimit = 16

    static let source = CommandSpec(
        "source", aliases: ["."], group: .shell,
        summary: "Run the commands of a script file",
        details:
            "Lines run in order; '#' starts a comment. The script stops at its first failed command unless keep-going is on; errors name the file and the line.",
        arguments: [ArgumentSpec("FILE", summary: "The script", completion: .files(extensions: []))],
        examples: ["source tuesday.patio"]
    ) { session, arguments in
        let path = arguments[0] ?? ""
        guard session.sourceDepth < sourceDepthLimit else {
            throw ShellError.sourceTooDeep(path: path, limit: sourceDepthLimit)
        }
        let text = try ScriptText.read(session.resolvePath(path), shownAs: path)
        session.sourceDepth += 1
        defer { session.sourceDepth -= 1 }
        let outcome = Interpreter.run(ScriptText.lines(of: text), from: path, in: &session)
        if outcome.didQuit { return .quit }
        if outcome.failures > 0 { throw ShellError.reported }
        return .nothing
    }
}

/// One line of a script or of standard input: its text, or where it stops being UTF-8.
public enum ScriptLine: Equatable, Sendable {
    case text(String)
    /// The first byte that is not UTF-8, and its column (counting characters from 1).
    case notUTF8(column: Int, byte: UInt8)
    /// Longer than a command line may be (`Limits.commandLineBytes`): not decoded.
    case tooLong(bytes: Int)

    /// Decodes one line's bytes (without its ending).
    public init(bytes: some Collection<UInt8>) {
        guard bytes.count <= Limits.commandLineBytes else {
            self = .tooLong(bytes: bytes.count)
            return
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            self = .text(text)
            return
        }
        switch UTF8Text.decode(Data(bytes)) {
        case .success(let text): self = .text(text)
        case .failure(let problem): self = .notUTF8(column: problem.column, byte: problem.byte)
        }
    }

    /// The longest line that is decoded: longer ones are only counted.
    public static let longestLine = Limits.commandLineBytes
}

/// Reading scripts: UTF-8 (a byte-order mark is skipped), any line ending,
/// at most `Limits.scriptBytes`. A line that is not UTF-8 is reported at its
/// place and not run; the others are.
public enum ScriptText {
    public static func read(_ path: String, shownAs name: String) throws(ShellError) -> [UInt8] {
        let data = try InputFile.read(path, shownAs: name, limit: Limits.scriptBytes, allowingPipes: true)
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return bytes
    }

    /// The lines of `bytes`, split at `\n`, `\r\n` or `\r`, without their endings.
    public static func lines(of bytes: [UInt8]) -> [ScriptLine] {
        var lines: [ScriptLine] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(ScriptLine(bytes: bytes[start..<index]))
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(ScriptLine(bytes: bytes[start...])) }
        return lines
    }
}

/// Reading a file named on a command line (`BoundedFile`), with what stands
/// in the way said as `cannot read NAME: reason`.
enum InputFile {
    static func read(
        _ path: String, shownAs name: String, limit: Int? = nil, allowingPipes: Bool = false
    ) throws(ShellError) -> Data {
        switch BoundedFile.read(path, limit: limit, allowingPipes: allowingPipes) {
        case .success(let data): return data
        case .failure(let problem): throw ShellError.cannotRead(path: name, reason: reason(problem))
        }
    }

    /// That `path` is a file that can be read.
    static func check(_ path: String, shownAs name: String) throws(ShellError) {
        if let problem = BoundedFile.check(path) { throw ShellError.cannotRead(path: name, reason: reason(problem)) }
    }

    static func reason(_ problem: BoundedFile.Problem) -> FileReason {
        switch problem {
        case .missing: .missing
        case .denied: .denied
        case .folder: .folder
        case .pipe: .pipe
        case .device: .device
        case .tooLarge(_, let limit): .tooLarge(limitMiB: limit / 1024 / 1024)
        }
    }
}
