import Foundation
import Testing

/// The interactive shell on a pseudo-terminal: completion, UTF-8, Ctrl-C,
/// Ctrl-R, Ctrl-D, the history file and the terminal left as it was found.
@Suite(.serialized)
struct TerminalTests {
    let folder: URL
    let historyPath: String

    init() throws {
        folder = try PatioProcess.temporaryFolder()
        historyPath = folder.appendingPathComponent("history").path
    }

    func start(_ extra: [String: String] = [:], arguments: [String] = []) throws -> PseudoTerminal {
        var environment = [
            "TERM": "xterm", "LANG": "C.UTF-8", "HOME": folder.path, "PATIO_HISTORY": historyPath, "NO_COLOR": "1",
            "PAGER": "cat",
        ]
        environment.merge(extra) { $1 }
        let terminal = try PseudoTerminal(arguments: arguments, environment: environment)
        try terminal.waitForPrompt()
        return terminal
    }

    /// Types a line and waits for the next prompt; returns what the command printed.
    @discardableResult
    func run(_ line: String, on terminal: PseudoTerminal) throws -> String {
        let mark = terminal.mark
        terminal.type(line + "\r")
        try terminal.waitForPrompt(after: mark)
        return String(terminal.transcript.utf8.dropFirst(mark)) ?? ""
    }

    @Test func aWholeSession() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try start()
        #expect(!terminal.generatesSignals, "^C is a key while a line is edited")

        // he<Tab> completes to help.
        let helpOutput = try run("he\t", on: terminal)
        #expect(helpOutput.contains("Patio pairs the members"))
        #expect(helpOutput.contains("source FILE"))

        // Accented text typed and shown intact.
        let echoed = try run("echo --format json Élodie Dupré", on: terminal)
        #expect(echoed.contains("{\"message\": \"Élodie Dupré\"}"))

        // Ctrl-C abandons the line and the shell goes on.
        var mark = terminal.mark
        terminal.type("echo --format json abandoned")
        try terminal.waitFor("abandoned", after: mark)
        mark = terminal.mark
        terminal.type("\u{03}")
        try terminal.waitForPrompt(after: mark)
        let alive = try run("echo --format json alive", on: terminal)
        #expect(alive.contains("{\"message\": \"alive\"}"))
        #expect(!terminal.transcript.contains("{\"message\": \"abandoned\"}"))

        // Ctrl-R finds the accented line again.
        mark = terminal.mark
        terminal.type("\u{12}Élo")
        try terminal.waitFor("(search) 'Élo'", after: mark)
        // Accepting the search redraws the prompt before running the line: wait for the result itself.
        mark = terminal.mark
        terminal.type("\r")
        let result = "{\"message\": \"Élodie Dupré\"}"
        let shown = try terminal.waitFor(result, after: mark)
        let resultEnd = shown.utf8.distance(from: shown.startIndex, to: shown.range(of: result)!.upperBound)
        try terminal.waitForPrompt(after: mark + resultEnd)

        // Completion of a setting's value, accent- and case-insensitively from the spec.
        let completed = try run("set fo\tjs\t", on: terminal)
        #expect(completed.isEmpty || !completed.contains("error"))
        let json = try run("echo now in json", on: terminal)
        #expect(json.contains("{\"message\": \"now in json\"}"))

        // Ctrl-D on an empty line leaves with status 0 and the terminal back in line mode.
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.isInLineMode)
        #expect(terminal.generatesSignals)

        let history = try String(contentsOfFile: historyPath, encoding: .utf8)
        #expect(history.contains("echo --format json Élodie Dupré\n"))
        #expect(history.contains("set format json\n"))
        #expect(!history.contains("abandoned"))
        let attributes = try FileManager.default.attributesOfItem(atPath: historyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    /// A terminal that says it is dumb shows escape sequences as text: none is sent, colour included.
    @Test func aDumbTerminalGetsNoEscapeSequence() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for term in ["dumb", ""] {
            let terminal = try start(
                ["TERM": term, "NO_COLOR": ""], arguments: ["--profiles", ProfileBatchTests.community])
            try run("members --limit 2", on: terminal)
            try run("bogus", on: terminal)
            terminal.type("\u{04}")
            #expect(try terminal.waitForExit() == 0)
            #expect(terminal.transcript.contains("error: unknown command 'bogus'"))
            #expect(!terminal.transcript.contains("\u{1B}["), "TERM='\(term)': \(terminal.transcript.debugDescription)")
        }
    }

    @Test func quitSavesHistoryAndTheNextSessionReadsIt() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try start()
        try run("echo première session", on: first)
        first.type("quit\r")
        #expect(try first.waitForExit() == 0)

        let second = try start()
        // Up arrow brings back the previous session's last line ("quit"), twice the one before.
        let mark = second.mark
        second.type("\u{1B}[A\u{1B}[A\r")
        try second.waitFor("première session", after: mark)
        try second.waitForPrompt(after: mark)
        second.type("\u{04}")
        #expect(try second.waitForExit() == 0)
    }

    /// With no PATIO_HISTORY, the history file is in $HOME; a home whose
    /// folder cannot be made is said in the shell's words, once, and the
    /// session goes on.
    @Test func aHistoryFileThatCannotBeWrittenIsSaidOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file")
        try Data().write(to: file)
        let home = file.appendingPathComponent("home").path
        let terminal = try PseudoTerminal(environment: [
            "TERM": "xterm", "LANG": "C.UTF-8", "HOME": home, "NO_COLOR": "1", "PAGER": "cat",
        ])
        try terminal.waitForPrompt()
        // Wrapped to the window, the long path on a line of its own.
        let first = try run("echo un", on: terminal).replacingOccurrences(of: "\r\n  ", with: " ")
        #expect(first.contains("warning: cannot write the history file \(home)/.patio_history"))
        #expect(first.contains("this session's commands are not kept in it (PATIO_HISTORY names another file"))
        #expect(!first.contains("NSCocoaErrorDomain"))
        let second = try run("echo deux", on: terminal)
        #expect(second.contains("deux") && !second.contains("history file"), "said once")
        terminal.type("quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func completesNamesWhateverTheAccents() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let community = ProfileBatchTests.community
        var environment = [
            "TERM": "xterm", "LANG": "C.UTF-8", "HOME": folder.path, "PATIO_HISTORY": historyPath, "NO_COLOR": "1",
            "PAGER": "cat",
        ]
        environment["PATIO_PROFILES"] = community
        let terminal = try PseudoTerminal(environment: environment)
        try terminal.waitForPrompt()
        let shown = try run("show --format json emi\t", on: terminal)
        #expect(shown.contains("{\"id\": \"emilie-durand\", \"name\": \"Émilie Durand\""))
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
        let history = try String(contentsOfFile: historyPath, encoding: .utf8)
        #expect(
            history.contains("show --format json \"Émilie Durand\"\n"),
            "completion inserted the proper spelling, quoted")
    }

    @Test func ctrlCStopsALongComputationAndTheShellGoesOn() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // Twenty rounds of tables for the bundled community: many seconds of work.
        let terminal = try start(arguments: ["--profiles", ProfileBatchTests.bundled])
        var mark = terminal.mark
        terminal.type("plan 20 circles --any-roles\r")
        // Once the command runs (before that, Ctrl-C would be a key of the line being edited).
        try terminal.waitUntilGeneratingSignals()
        usleep(300_000)
        terminal.type("\u{03}")
        let stopped = try terminal.waitFor("patio> ", after: mark, timeout: .seconds(60))
        // On a line of its own, whatever the terminal echoed for the key.
        #expect(stopped.contains("\r\u{1B}[Kerror: the computation was cancelled; nothing was changed"))
        #expect(!stopped.contains("Round 1 of 20"))
        try terminal.waitForPrompt(after: mark)
        mark = terminal.mark
        let alive = try run("echo --format json still here", on: terminal)
        #expect(alive.contains("{\"message\": \"still here\"}"))
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    /// `source`: each command's output is shown when it is done, not when
    /// the script ends; Ctrl-C during a later command stops it, and what
    /// the commands before it did stays shown (no "output stopped").
    @Test func aSourcedScriptShowsEachCommandAsItEnds() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try "echo --format json first done\nplan 20 circles --any-roles\necho never\n".write(
            to: folder.appendingPathComponent("long.patio"), atomically: true, encoding: .utf8)
        let terminal = try start(arguments: ["--profiles", ProfileBatchTests.bundled])
        let mark = terminal.mark
        terminal.type("source \(folder.appendingPathComponent("long.patio").path)\r")
        // Shown while the plan is being computed.
        _ = try terminal.waitFor("{\"message\": \"first done\"}", after: mark, timeout: .seconds(30))
        try terminal.waitUntilGeneratingSignals()
        usleep(300_000)
        terminal.type("\u{03}")
        try terminal.waitForPrompt(after: mark, timeout: .seconds(60))
        let shown = String(terminal.transcript.utf8.dropFirst(mark)) ?? ""
        // (Fitted to the 80 columns: the long path pushes the message onto a second line.)
        #expect(
            shown.contains("long.patio:2: error: the") && shown.contains("cancelled; nothing was changed"), "\(shown)")
        #expect(!shown.contains("output stopped") && !shown.contains("never"), "\(shown)")
        #expect(shown.components(separatedBy: "first done").count == 2)
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCStopsALongOutputBetweenTwoPieces() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // 4,000 members: about 200 KB of rows, far more than the terminal holds unread.
        let profiles = folder.appendingPathComponent("profiles")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        for index in 0..<4000 {
            try "name: Personne \(index)\nrole: student\nskills: [Blender]\n".write(
                to: profiles.appendingPathComponent(String(format: "p%04d.yaml", index)), atomically: false,
                encoding: .utf8)
        }
        let terminal = try start(arguments: ["--profiles", profiles.path])
        try run("set pager off", on: terminal)
        let mark = terminal.mark
        terminal.type("members --limit 0\r")
        // The rows start coming; unread, they soon fill the terminal and the shell waits to write more.
        try terminal.waitFor("Personne 1", after: mark, timeout: .seconds(30))
        usleep(300_000)
        terminal.type("\u{03}")
        try terminal.waitForPrompt(after: mark, timeout: .seconds(30))
        // The terminal echoes the key as "^C" wherever its output stands, even inside a row.
        let shown = (String(terminal.transcript.utf8.dropFirst(mark)) ?? "").replacingOccurrences(of: "^C", with: "")
        #expect(shown.contains("note: output stopped (Ctrl-C); the command itself was carried out"))
        #expect(!shown.contains("Personne 3999"), "the rest of the rows was not written")
        #expect(!shown.contains("4,000 members"))
        #expect(shown.contains("Personne 0 "))
        // The terminal drops the output it holds when the key comes, perhaps inside a row, and echoes
        // "^C" where its cursor stands: the note erases that line first, so it stands on a line of its own.
        #expect(shown.contains("\r\u{1B}[Knote: output stopped"), "\(shown.suffix(200).debugDescription)")
        #expect(shown.components(separatedBy: "output stopped").count == 2)
        let alive = try run("echo --format json still here", on: terminal)
        #expect(alive.contains("{\"message\": \"still here\"}"))
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    /// Ctrl-D or quit with a draft not committed: a note, fitted to the
    /// window, and the prompt again; a second time leaves, as does the first
    /// once the draft is committed. Any other line in between asks again.
    @Test func leavingWithAnUncommittedDraftAsksOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = [
            "TERM": "xterm", "LANG": "C.UTF-8", "HOME": folder.path, "PATIO_HISTORY": "", "NO_COLOR": "1",
            "PAGER": "cat", "PATIO_LEDGER": folder.appendingPathComponent("ledger.sqlite").path,
        ]
        let note = "note: the draft is not committed ('commit' records it); Ctrl-D or 'quit' again leaves without it"
        for (language, columns) in [("C.UTF-8", 60), ("fr_FR.UTF-8", 80)] {
            environment["LANG"] = language
            let terminal = try PseudoTerminal(
                arguments: ["--profiles", ProfileBatchTests.bundled], environment: environment, columns: columns)
            try terminal.waitForPrompt(timeout: .seconds(30))
            if language == "C.UTF-8" {
                // The banner is fitted to the window too.
                #expect(terminal.transcript.contains("Tab to complete,\r\n  Ctrl-D to leave."))
            }
            try run("match pairs", on: terminal)
            var mark = terminal.mark
            terminal.type("\u{04}")
            try terminal.waitForPrompt(after: mark)
            var shown = String(terminal.transcript.utf8.dropFirst(mark)) ?? ""
            let lines = shown.components(separatedBy: "\r\n").filter { $0.contains("commit") || $0.contains("quit") }
            #expect(lines.count == 2 && lines.allSatisfy { $0.count <= columns }, "\(lines)")
            // French puts non-breaking spaces before its colons and semicolons: never broken there.
            let joined = lines.joined(separator: "\r\n").replacingOccurrences(of: "\r\n  ", with: " ")
                .replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            if language == "C.UTF-8" {
                #expect(joined == note)
            } else {
                #expect(joined.hasPrefix("note : le brouillon n’est pas enregistré ('commit' l’enregistre)"))
            }
            // Another line, then quit: asked again.
            try run("echo encore", on: terminal)
            mark = terminal.mark
            terminal.type("quit\r")
            try terminal.waitForPrompt(after: mark)
            shown = String(terminal.transcript.utf8.dropFirst(mark)) ?? ""
            #expect(
                shown.contains(language == "C.UTF-8" ? "note: the draft is not committed" : "le brouillon n’est pas"))
            if language == "C.UTF-8" {
                // The second time in a row leaves.
                terminal.type("\u{04}")
                #expect(try terminal.waitForExit() == 0)
            } else {
                // Committed, the first Ctrl-D leaves.
                let committed = try run("commit", on: terminal)
                #expect(committed.contains("enregistré"))
                terminal.type("\u{04}")
                #expect(try terminal.waitForExit() == 0)
            }
        }
    }

    /// More candidates than the window holds: asked first; n lists none,
    /// y lists them all, and the line being typed stays as it was.
    @Test func asksBeforeListingMoreCandidatesThanTheWindowHolds() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try start()
        var mark = terminal.mark
        terminal.type("show \t")
        _ = try terminal.waitFor("Display all 121 possibilities? (y or n)", after: mark)
        mark = terminal.mark
        terminal.type("n")
        try terminal.waitForPrompt(after: mark)
        let declined = String(terminal.transcript.utf8.dropFirst(mark)) ?? ""
        #expect(!declined.contains("Zoé Crépin"), "\(declined)")
        mark = terminal.mark
        terminal.type("\t")
        _ = try terminal.waitFor("(y or n)", after: mark)
        terminal.type("y")
        _ = try terminal.waitFor("Zoé Crépin", after: mark)
        // The line is still 'show ': a name typed after it completes the command.
        mark = terminal.mark
        terminal.type("zoé cr\t\r")
        _ = try terminal.waitFor("crepin", after: mark)
        try terminal.waitForPrompt(after: mark)
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func listsCandidatesWhenTabCannotChoose() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try start()
        let mark = terminal.mark
        terminal.type("so\t")
        let listing = try terminal.waitFor("source", after: mark)
        #expect(listing.contains("solve"))
        terminal.type("\u{03}")
        try terminal.waitForPrompt(after: terminal.mark)
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }
}
