import Community
import Foundation
import Ledger

/// Where a command line came from, for error messages: `script.patio:2`, `-c:1`, `<stdin>:3`.
public struct InputLocation: Sendable, Equatable {
    public var source: String
    public var line: Int

    public init(_ source: String, line: Int) {
        self.source = source
        self.line = line
    }
}

/// Runs command lines against a session: the same path for the prompt, `-c`,
/// scripts and pipes.
public enum Interpreter {
    public enum Outcome: Equatable {
        case succeeded
        case failed
        case quit
    }

    /// Runs one line: tokenize, find the command, check its arguments, run it,
    /// render the result. Errors are reported on the session's console,
    /// prefixed with `location` (none at the prompt). A command whose output
    /// could not all be written (a full disk) fails, so that a script stops
    /// and its exit status says so.
    @discardableResult
    public static func execute(_ line: String, at location: InputLocation?, in session: inout Session) -> Outcome {
        let outcome = run(line, at: location, in: &session)
        guard outcome != .quit, let code = session.console.flushOutput() else { return outcome }
        report(ShellError.outputNotWritten(reason: .system(code)), at: location, in: session)
        return .failed
    }

    private static func run(_ line: String, at location: InputLocation?, in session: inout Session) -> Outcome {
        let started = ContinuousClock.now
        let outer = session.location
        session.location = location
        defer { session.location = outer }
        do {
            guard line.utf8.count <= Limits.commandLineBytes else {
                throw ShellError.lineTooLong(bytes: line.utf8.count, limit: Limits.commandLineBytes)
            }
            let tokens = try Tokenizer.tokenize(line)
            guard let first = tokens.first else { return .succeeded }
            let spec = try CommandTable.standard.resolve(first.text)
            let arguments = try Arguments.parse(tokens.dropFirst(), for: spec)
            let format = arguments[CommandSpec.format]
            let result: CommandResult
            do {
                // What a long command showed of where it stood goes before its result.
                defer { session.console.status(nil) }
                result = arguments[CommandSpec.help] ? .show(HelpPage(spec: spec)) : try spec.run(&session, arguments)
            }
            if session.settings.showsTiming {
                session.console.writeError(
                    session.language.text("Time: ", "Durée : ") + "\(Self.milliseconds(since: started)) ms\n")
            }
            /// Writes the value, unless Ctrl-C stops its rendering: then a note
            /// says so, and it counts as a failure (a script being run stops there).
            /// Ctrl-C pressed while the command ran, which was carried out all the
            /// same (a commit is recorded whole or not at all), does not hide what
            /// it did: the value is shown whole, and a script being run stops there.
            func show(_ value: any Presentable) -> Bool {
                let interruptedBefore = session.environment.isCancelled()
                let isCancelled = session.environment.isCancelled
                let stopsWhen = { !interruptedBefore && isCancelled() }
                guard
                    let text = Renderer.render(
                        value, as: format ?? session.settings.format, style: session.style, layout: session.layout,
                        language: session.language, isCancelled: stopsWhen)
                else {
                    session.console.writeError(session.language.words(.outputStopped) + "\n")
                    return false
                }
                session.console.write(text)
                return !interruptedBefore
            }
            switch result {
            case .nothing: return .succeeded
            case .quit: return .quit
            case .show(let value): return show(value) ? .succeeded : .failed
            case .failed(let value):
                _ = show(value)
                return .failed
            }
        } catch ShellError.reported {
            return .failed
        } catch {
            report(error, at: location, in: session)
            return .failed
        }
    }

    /// Runs lines one after another, as a script: stops at the first failure
    /// unless the session keeps going. Returns how many commands failed and
    /// whether a `quit` ended it.
    public static func run(
        _ lines: some Sequence<String>, from source: String, in session: inout Session
    ) -> ScriptOutcome {
        run(lines.lazy.map { ScriptLine.text($0) }, from: source, in: &session)
    }

    /// Runs the lines of a script or of standard input; a line that is not
    /// UTF-8 fails at its place, like a command that fails.
    public static func run(
        _ lines: some Sequence<ScriptLine>, from source: String, in session: inout Session
    ) -> ScriptOutcome {
        var outcome = ScriptOutcome()
        for (index, scriptLine) in lines.enumerated() {
            let location = InputLocation(source, line: index + 1)
            let result: Outcome
            switch scriptLine {
            case .text(let line):
                result = execute(line, at: location, in: &session)
                if session.sourceDepth > 0 { session.console.commandDone() }
            case .notUTF8(let column, let byte):
                report(ShellError.lineNotUTF8(column: column, byte: byte), at: location, in: session)
                result = .failed
            case .tooLong(let bytes):
                report(ShellError.lineTooLong(bytes: bytes, limit: Limits.commandLineBytes), at: location, in: session)
                result = .failed
            }
            switch result {
            case .succeeded:
                continue
            case .quit:
                outcome.didQuit = true
                return outcome
            case .failed:
                outcome.failures += 1
                if !session.settings.keepGoing { return outcome }
            }
        }
        return outcome
    }

    /// The folder the first command among `lines` loads, when it is a
    /// `load` that names one: the profiles given at start would then be read
    /// only to be replaced, their problems said twice when it is the same folder.
    public static func folderLoadedFirst(_ lines: some Sequence<String>) -> String? {
        for line in lines {
            guard let tokens = try? Tokenizer.tokenize(line) else { return nil }
            guard let first = tokens.first else { continue }
            guard let spec = try? CommandTable.standard.resolve(first.text), spec.name == "load",
                let arguments = try? Arguments.parse(tokens.dropFirst(), for: spec), !arguments[CommandSpec.help]
            else { return nil }
            return arguments[0]
        }
        return nil
    }

    /// `SOURCE:LINE: error: message`, or `error: message` at the prompt; a
    /// problem inside a file (a `Diagnostic`) is reported at its own place,
    /// `FILE:LINE:COLUMN:`. Always one line: what came from outside (a file
    /// name, a word typed) is escaped and, when very long, shortened.
    public static func report(_ error: any Error, at location: InputLocation?, in session: Session) {
        var error = error
        // The session's ledger named as the user gave it, as 'commit' names it.
        if let ledgerError = error as? LedgerError, let ledger = session.ledgerLocation {
            error = ledgerError.naming(ledger.path, as: ledger.shownAs)
        }
        let message = ErrorWording.message(error, in: session.language)
        var prefix = place(location)
        if let diagnostic = error as? Diagnostic { prefix += TerminalSafeText.line(diagnostic.location) + ": " }
        session.console.writeError(
            prefix + session.style.red(session.language.text("error:", "erreur :")) + " "
                + TerminalSafeText.line(message)
                + "\n")
    }

    /// A problem beside a command that was carried out all the same (the
    /// history file that cannot be written): `warning: message`.
    public static func warn(_ error: any Error, in session: Session) {
        session.console.writeError(
            session.style.yellow(session.language.text("warning:", "avertissement :")) + " "
                + TerminalSafeText.line(ErrorWording.message(error, in: session.language)) + "\n")
    }

    /// File problems, one a line: `path:line:column: error: message` (or
    /// `warning:`, `note:`), after the script line of the command that found
    /// them, when it came from one (`s.patio:2: data.csv:4:1: error: …`).
    public static func report(_ diagnostics: [Diagnostic], in session: Session) {
        for diagnostic in diagnostics {
            let t = session.language.text
            let label =
                switch diagnostic.severity {
                case .error: session.style.red(t("error:", "erreur :"))
                case .warning: session.style.yellow(t("warning:", "avertissement :"))
                case .note: session.style.cyan(t("note:", "note :"))
                }
            session.console.writeError(
                place(session.location) + TerminalSafeText.line(diagnostic.location) + ": " + label + " "
                    + TerminalSafeText.line(DiagnosticWording.message(diagnostic, in: session.language)) + "\n")
        }
    }

    /// `SOURCE:LINE: `, escaped, or nothing at the prompt.
    static func place(_ location: InputLocation?) -> String {
        location.map { TerminalSafeText.line("\($0.source):\($0.line)") + ": " } ?? ""
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let duration = ContinuousClock.now - start
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.3f", ms)
    }
}

public struct ScriptOutcome: Equatable, Sendable {
    public var failures = 0
    public var didQuit = false

    public init(failures: Int = 0, didQuit: Bool = false) {
        self.failures = failures
        self.didQuit = didQuit
    }
}
