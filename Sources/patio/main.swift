@preconcurrency import Glibc
import Foundation
import LineEditor
import Shell

// patio: parse the command line, then run the commands given, a script, a pipe, or the prompt.

// A standard descriptor closed at start (`patio … >&-`) is held by /dev/null, or the
// first file opened would take its number and get what is written there.
let closedAtStart = (Int32(0)...2).map { descriptor -> Bool in
    guard fcntl(descriptor, F_GETFD) < 0 else { return false }
    return open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY) == descriptor
}
let options = PatioCommand.parseOrExit(outputWasClosed: closedAtStart[1])
let environmentVariables = ProcessInfo.processInfo.environment
let isInteractive = options.commands.isEmpty && options.script == nil && isatty(0) == 1 && isatty(1) == 1

let console = StandardConsole()
console.outputWasClosed = closedAtStart[1]
console.fitsMessagesToWindow = isInteractive && isatty(2) == 1
console.erasesLines = TerminalWindow.obeysEscapes(environmentVariables)
if console.fitsMessagesToWindow && console.erasesLines {
    console.statusLine = StatusLine(columns: { TerminalWindow.size()?.columns })
}
var session = Session(
    settings: options.settings(environment: environmentVariables),
    console: console,
    environment: Environment(
        outputIsTerminal: isatty(1) == 1,
        // A terminal that names itself dumb (or none) shows escape sequences as text: no colour either.
        noColor: !(environmentVariables["NO_COLOR"] ?? "").isEmpty || !console.erasesLines,
        // The home of $HOME, as shells take it, before the account's: for '~' and the history file.
        homeDirectory: environmentVariables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory(),
        terminalSize: { TerminalWindow.size() }))

if options.language == nil, let asked = environmentVariables["PATIO_LANG"], !asked.isEmpty,
    Language(word: asked) == nil
{
    console.writeError(session.language.words(.unknownLanguage(TerminalSafeText.line(asked))) + "\n")
}

session.matchmaking.ledgerFile =
    options.ledger ?? environmentVariables["PATIO_LEDGER"].flatMap { $0.isEmpty ? nil : $0 }

/// Exits with 1 when a command failed, or when output could not be written (a full disk).
@MainActor func finish(_ failures: Int) -> Never {
    if let code = console.flushOutput() {
        Interpreter.report(ShellError.outputNotWritten(reason: .system(code)), at: nil, in: session)
        exit(1)
    }
    exit(failures > 0 ? 1 : 0)
}

/// The profiles: --profiles, else PATIO_PROFILES, else ./Profiles when it exists.
let profilesFolder =
    options.profiles ?? environmentVariables["PATIO_PROFILES"].flatMap { $0.isEmpty ? nil : $0 }
    ?? (FileManager.default.fileExists(atPath: "Profiles") ? "Profiles" : nil)
var failures = 0
if isInteractive {
    // Ctrl-C stops a long first load and leaves the prompt, with no community.
    Interrupts.install()
    session.environment.isCancelled = { Interrupts.isPending }
}
/// The lines of SCRIPT, read before anything runs.
var scriptLines: [ScriptLine]?
if let script = options.script {
    do {
        scriptLines = ScriptText.lines(of: try ScriptText.read(session.resolvePath(script), shownAs: script))
    } catch {
        // A SCRIPT that cannot be read is a wrong command line.
        Interpreter.report(error, at: nil, in: session)
        fflush(stdout)
        exit(2)
    }
}
/// The commands of a script or of -c that begin with `load DIR` (a folder that is there) replace the profiles at
/// once: those found at start are not read before.
let firstCommands =
    options.commands.isEmpty
    ? AnySequence(
        // Up to a line that is not text (it fails where it is).
        (scriptLines ?? []).lazy.prefix { if case .text = $0 { true } else { false } }.compactMap { line in
            if case .text(let text) = line { text } else { nil }
        }) : AnySequence(options.commands)
/// A folder that is there: one that is not leaves the profiles found at start in place (`load` says why).
let loadsAFolderFirst =
    Interpreter.folderLoadedFirst(firstCommands).map { folder in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: session.resolvePath(folder), isDirectory: &isDirectory)
            && isDirectory.boolValue
    } ?? false
if let profilesFolder, isInteractive || !loadsAFolderFirst {
    // Problems in the profiles count as a failed command in batch mode.
    let load = ProfileCommands.loadAtStart(profilesFolder, into: &session, showingSummary: isInteractive)
    if load != .loaded {
        failures += 1
        if !isInteractive && !session.settings.keepGoing {
            Interpreter.report(
                load == .problems ? ShellError.notRunAfterLoadErrors : ShellError.notRunWithoutFolder, at: nil,
                in: session)
            finish(failures)
        }
    }
}

if isInteractive {
    Interrupts.clear()
    if profilesFolder == nil {
        let language = session.language
        session.console.writeError(
            language.words(.noProfilesNote)
                + TerminalSafeText.line(
                    ProfileCommands.whereItLooked(from: session.environment.workingDirectory, in: language))
                + "\n")
    }
    let historyPath =
        environmentVariables["PATIO_HISTORY"] ?? (session.environment.homeDirectory + "/.patio_history")
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
if let script = options.script, let scriptLines {
    failures += Interpreter.run(scriptLines, from: script, in: &session).failures
} else if options.commands.isEmpty {
    failures += Interpreter.run(StandardInputLines(), from: "<stdin>", in: &session).failures
}
finish(failures)
