import ArgumentParser
import Foundation
import Shell

/// The command line of `patio` (see the README): options, `-c` commands and a script.
struct PatioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patio",
        abstract: "Pair the members of La Serre numérique by skills and interests.",
        discussion: """
            With no command and a terminal, patio starts the interactive shell. With -c or a \
            SCRIPT it runs those commands and exits; with standard input from a pipe it runs \
            the lines it reads. Type 'help' in the shell for the commands.

            Exit status: 0 when every command succeeded, 1 when a command failed, 2 when the \
            command line itself is wrong.

            Profiles come from --profiles, else PATIO_PROFILES, else ./Profiles when it exists. \
            Problems in them are reported with file, line and column; in batch mode they make \
            the run fail unless --keep-going.

            Environment: PATIO_PROFILES (profiles folder), PATIO_LEDGER (ledger file), PATIO_HISTORY (history file, default \
            ~/.patio_history; empty for none), NO_COLOR (no colour unless --color always), PATIO_LANG (fr or en; \
            otherwise LC_ALL, LC_MESSAGES or LANG decide: French when it starts with fr).
            """,
        version: "patio 0.1.0"
    )

    @Option(help: ArgumentHelp("The folder of member profiles.", valueName: "dir"))
    var profiles: String?

    @Option(
        help: ArgumentHelp(
            "The ledger of committed rounds (default: .patio/ledger.sqlite in the profiles folder).", valueName: "file")
    )
    var ledger: String?

    @Option(help: ArgumentHelp("How results are shown: table, csv, json or markdown.", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Colour: auto, always or never.", valueName: "when"))
    var color: String?

    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "The language of what patio writes: fr or en (default: PATIO_LANG, else French when LC_ALL, LC_MESSAGES or LANG starts with fr).",
            valueName: "language"))
    var language: String?

    // Read as text so that a negative number is refused as a value, not taken for an option.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Seed for every randomised step, so that runs repeat.", valueName: "n"))
    var seed: String?

    @Flag(help: "Carry on after a failed command; exit 1 at the end if any failed.")
    var keepGoing = false

    @Option(
        name: .customShort("c"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Run this command, then exit (repeatable; runs before SCRIPT).", valueName: "command"))
    var commands: [String] = []

    @Argument(help: ArgumentHelp("A file of commands to run ('#' starts a comment).", valueName: "script"))
    var script: String?

    mutating func validate() throws {
        do {
            if let format { _ = try OutputFormat.parse(format, as: "format") }
            if let color { _ = try ColorMode.parse(color, as: "color") }
            if let language, Language(word: language) == nil {
                throw ShellError.invalidValue(
                    language, for: "--lang", expected: .oneOf(Language.names), suggestion: nil)
            }
            if let seed, UInt64(seed) == nil {
                throw ShellError.invalidValue(
                    seed, for: "--seed", expected: .wholeNumber(from: "0", to: String(UInt64.max)), suggestion: nil)
            }
        } catch {
            throw ValidationError(String(describing: error))
        }
    }

    /// The settings the command line asks for, over the defaults.
    func settings(environment: [String: String]) -> Settings {
        var settings = Settings()
        settings.language = language.flatMap(Language.init(word:)) ?? Language.chosen(by: environment)
        if let format, let value = try? OutputFormat.parse(format, as: "format") { settings.format = value }
        if let color, let value = try? ColorMode.parse(color, as: "color") { settings.color = value }
        if let seed = seed.flatMap({ UInt64($0) }) { settings.seed = seed }
        settings.keepGoing = keepGoing
        return settings
    }

    /// Parses the process arguments; prints help or the version and exits 0,
    /// or prints the problem and exits 2.
    static func parseOrExit() -> PatioCommand {
        // The arguments are read as text: bytes that are not UTF-8 are refused, never replaced.
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeRawBufferPointer(start: argument, count: strlen(argument)).bindMemory(to: UInt8.self)
            if case .notUTF8(let column, let byte) = ScriptLine(bytes: bytes) {
                FileHandleOutput.writeError(
                    "patio: argument \(index) is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column))\n"
                )
                Foundation.exit(2)
            }
        }
        do {
            guard let command = try parseAsRoot() as? PatioCommand else { throw CleanExit.helpRequest() }
            return command
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                exit(withError: error)
            }
            // The usage lines are the parser's; what was typed in them is escaped
            // (its line breaks too, so that it cannot forge a line) and shortened.
            var message = fullMessage(for: error)
            let typed = CommandLine.arguments.dropFirst().flatMap { argument in
                [argument] + (argument.split(separator: "=", maxSplits: 1).dropFirst().map(String.init))
            }
            for argument in typed.sorted(by: { $0.count > $1.count }) where TerminalSafeText.line(argument) != argument
            {
                message = message.replacingOccurrences(of: argument, with: TerminalSafeText.line(argument))
            }
            message = TerminalSafeText.escape(message, keepingLineBreaks: true)
            FileHandleOutput.writeError(message.hasSuffix("\n") ? message : message + "\n")
            Foundation.exit(2)
        }
    }
}
