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
        return .show(HelpPage(spec: try CommandTable.standard.resolve(word)))
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
        return .show(SettingChange(name: spec.name, value: spec.get(session), previous: previous))
    }

    static let echo = CommandSpec(
        "echo", group: .shell,
        summary: "Print the arguments, separated by spaces",
        details: "Handy in scripts to label their output.",
        arguments: [ArgumentSpec("TEXT", summary: "The words to print", arity: .zeroOrMore)],
        examples: ["echo 'Séance du mardi'", "echo Élodie Dupré"]
    ) { _, arguments in
        .show(Message(arguments.positionals.joined(separator: " ")))
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

/// Reading scripts: UTF-8 (a byte-order mark is skipped), any line ending.
public enum ScriptText {
    public static func read(_ path: String, shownAs name: String) throws(ShellError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw ShellError.cannotRead(
                path: name,
                reason: !exists ? "no such file" : isDirectory.boolValue ? "it is a folder" : "permission denied")
        }
        guard var text = String(data: data, encoding: .utf8) else { throw ShellError.notUTF8(path: name) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// The lines of `text`, split at `\n`, `\r\n` or `\r`, without their endings.
    public static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasReturn {
                previousWasReturn = false
                continue
            }
            previousWasReturn = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }
}
