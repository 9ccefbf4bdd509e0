@preconcurrency import Glibc
import Foundation
import LineEditor
import Shell

// patio: parse the command line, then run the commands given, a script, a pipe, or the prompt.

let options = PatioCommand.parseOrExit()
let environmentVariables = ProcessInfo.processInfo.environment
let isInteractive = options.commands.isEmpty && options.script == nil && isatty(0) == 1 && isatty(1) == 1

let console = StandardConsole()
var session = Session(
    settings: options.settings(),
    console: console,
    environment: Environment(
        outputIsTerminal: isatty(1) == 1,
        noColor: !(environmentVariables["NO_COLOR"] ?? "").isEmpty,
        terminalSize: { TerminalWindow.size() }))

session.matchmaking.ledgerFile =
    options.ledger ?? environmentVariables["PATIO_LEDGER"].flatMap { $0.isEmpty ? nil : $0 }

func finish(_ failures: Int) -> Never {
    fflush(stdout)
    exit(failures > 0 ? 1 : 0)
}

/// The profiles: --profiles, else PATIO_PROFILES, else ./Profiles when it exists.
let profilesFolder =
    options.profiles ?? environmentVariables["PATIO_PROFILES"].flatMap { $0.isEmpty ? nil : $0 }
    ?? (FileManager.default.fileExists(atPath: "Profiles") ? "Profiles" : nil)
var failures = 0
if let profilesFolder {
    // Problems in the profiles count as a failed command in batch mode.
    if !ProfileCommands.loadAtStart(profilesFolder, into: &session, showingSummary: isInteractive) {
        failures += 1
        if !isInteractive && !session.settings.keepGoing {
            Interpreter.report(ShellError.notRunAfterLoadErrors, at: nil, in: session)
            finish(failures)
        }
    }
}

if isInteractive {
    if profilesFolder == nil {
        session.console.writeError(
            "note: no profiles loaded: \(ProfileCommands.whereItLooked(from: session.environment.workingDirectory))\n")
    }
    let historyPath = environmentVariables["PATIO_HISTORY"] ?? (NSHomeDirectory() + "/.patio_history")
    let shell = InteractiveShell(
        session: session, console: console, historyFile: historyPath.isEmpty ? nil : HistoryFile(path: historyPath),
        environment: environmentVariables)
    exit(shell.run())
}

if !options.commands.isEmpty {
    let outcome = Interpreter.run(options.commands, from: "-c", in: &session)
    failures += outcome.failures
    if outcome.didQuit || (failures > 0 && !session.settings.keepGoing) { finish(failures) }
}
if let script = options.script {
    do {
        let text = try ScriptText.read(session.resolvePath(script), shownAs: script)
        failures += Interpreter.run(ScriptText.lines(of: text), from: script, in: &session).failures
    } catch {
        Interpreter.report(error, at: nil, in: session)
        failures += 1
    }
} else if options.commands.isEmpty {
    var isFirstLine = true
    let lines = AnySequence {
        AnyIterator { () -> String? in
            guard var line = readLine(strippingNewline: true) else { return nil }
            if isFirstLine, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            isFirstLine = false
            return line
        }
    }
    failures += Interpreter.run(lines, from: "<stdin>", in: &session).failures
}
finish(failures)
