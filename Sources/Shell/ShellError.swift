import Community

/// What can go wrong in the shell itself, as facts; the wording is in one
/// place, `description`.
public enum ShellError: Error, Equatable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    case ambiguousCommand(String, candidates: [String])
    case unknownOption(String, command: String, suggestion: String?)
    case missingOptionValue(option: String, command: String)
    case flagTakesNoValue(option: String, command: String)
    case repeatedOption(option: String, command: String)
    case optionDoesNotApply(option: String, command: String, modes: [String], given: String)
    case missingArgument(name: String, command: String)
    case unexpectedArgument(String, command: String)
    case invalidValue(String, for: String, expected: String, suggestion: String?)
    case unterminatedQuote(Character, column: Int)
    case unknownSetting(String, suggestion: String?)
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// A line of a script or of standard input that is not UTF-8 text.
    case lineNotUTF8(column: Int, byte: UInt8)
    case lineTooLong(bytes: Int, limit: Int)
    case sourceTooDeep(path: String, limit: Int)
    case interrupted
    /// Ctrl-C while profiles loaded: the community loaded before, if any, is kept.
    case loadInterrupted(keptFolder: String?, members: Int)
    /// Batch mode: the profiles had errors, so the commands were not run.
    case notRunAfterLoadErrors
    /// A failure whose messages were written already (a script's own errors).
    case reported

    public var description: String {
        switch self {
        case .unknownCommand(let word, let suggestion):
            return "unknown command '\(word)'"
                + Suggestions.hint(suggestion, orElse: " (type 'help' to see the commands)")
        case .ambiguousCommand(let word, let candidates):
            return "ambiguous command '\(word)': it could be " + listing(candidates)
        case .unknownOption(let option, let command, let suggestion):
            return "unknown option '\(option)' for '\(command)'"
                + Suggestions.hint(suggestion, orElse: " (see 'help \(command)')")
        case .missingOptionValue(let option, let command):
            return "option '--\(option)' of '\(command)' needs a value"
        case .flagTakesNoValue(let option, let command):
            return "option '--\(option)' of '\(command)' takes no value"
        case .repeatedOption(let option, let command):
            return "option '--\(option)' of '\(command)' is given more than once"
        case .optionDoesNotApply(let option, let command, let modes, let given):
            return "--\(option) applies to \(listing(modes, quoted: false)), not to '\(command) \(given)'"
        case .missingArgument(let name, let command):
            return "'\(command)' needs \(name) (see 'help \(command)')"
        case .unexpectedArgument(let word, let command):
            return "unexpected argument '\(word)' for '\(command)' (see 'help \(command)')"
        case .invalidValue(let value, let name, let expected, let suggestion):
            return "invalid \(name) '\(TerminalSafeText.phrase(value))': expected \(expected)"
                + Suggestions.hint(suggestion)
        case .unterminatedQuote(let quote, let column):
            return "unterminated \(quote == "'" ? "single" : "double") quote starting at column \(column)"
        case .unknownSetting(let name, let suggestion):
            return "unknown setting '\(name)'"
                + Suggestions.hint(suggestion, orElse: " (type 'set' to see the settings)")
        case .cannotRead(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .lineNotUTF8(let column, let byte):
            return
                "the line is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)) at column \(column)): it is not run"
        case .lineTooLong(let bytes, let limit):
            return "the line is \(bytes) bytes long, more than the \(limit) a command line may hold: it is not run"
        case .sourceTooDeep(let path, let limit):
            return "cannot source \(path): scripts are nested more than \(limit) deep"
        case .interrupted:
            return "interrupted"
        case .loadInterrupted(let folder, let members):
            guard let folder else { return "interrupted: no profiles are loaded (type 'load FOLDER' to load some)" }
            return "interrupted: the community loaded before is kept (\(members) members from \(folder))"
        case .notRunAfterLoadErrors:
            return
                "some profiles could not be loaded (above): no command was run; --keep-going runs them with the profiles that loaded"
        case .reported:
            return "failed"
        }
    }

    private func listing(_ words: [String], quoted: Bool = true) -> String {
        Self.orList(words, quoted: quoted)
    }

    /// "a, b or c", each word in quotes when asked.
    static func orList(_ words: [String], quoted: Bool = false) -> String {
        let quoted = quoted ? words.map { "'\($0)'" } : words
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
