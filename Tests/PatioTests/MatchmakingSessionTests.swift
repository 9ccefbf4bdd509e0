import Foundation
import Testing

/// A Tuesday morning, as the community manager does it: at the prompt, and the same as a script.
@Suite(.serialized)
struct MatchmakingSessionTests {
    /// A copy of the bundled profiles, so that the ledger lands in a temporary folder.
    static func profilesCopy() throws -> URL {
        let folder = try PatioProcess.temporaryFolder()
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: ProfileBatchTests.bundled), to: folder.appendingPathComponent("Profiles"))
        return folder
    }

    /// The groups of a draft's JSON line (the date aside).
    static func groups(_ json: Substring) -> Substring? {
        guard let start = json.range(of: "\"groups\": "), let end = json.range(of: ", \"notes\": ") else { return nil }
        return json[start.lowerBound..<end.lowerBound]
    }

    @Test func theSameSeedGivesTheSamePairsEveryTime() throws {
        let folder = try Self.profilesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        for mode in ["pairs", "mentoring", "circles"] {
            let first = try PatioProcess.run(
                ["--profiles", "Profiles", "--format", "json", "--seed", "5", "-c", "match \(mode)"], in: folder)
            let second = try PatioProcess.run(
                ["--profiles", "Profiles", "--format", "json", "--seed", "5", "-c", "match \(mode)"], in: folder)
            #expect(first.status == 0, "\(first.errors)")
            #expect(Self.groups(first.output[...]) != nil)
            #expect(Self.groups(first.output[...]) == Self.groups(second.output[...]), "\(mode)")
        }
    }

    /// A draft is a draft of the profiles it was computed on: loading them
    /// again unchanged keeps it; loading a changed community drops it, says
    /// so, and nothing of it can be committed.
    @Test func aDraftDoesNotOutliveTheProfilesItWasComputedOn() throws {
        let folder = try Self.profilesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let changed = folder.appendingPathComponent("Changed")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("Profiles"), to: changed)
        let gone = try #require(
            try FileManager.default.contentsOfDirectory(atPath: changed.path).sorted().first { $0.hasSuffix(".yaml") })
        try FileManager.default.removeItem(at: changed.appendingPathComponent(gone))
        let script = """
            set keep-going on
            match pairs
            load Profiles
            commit kept-draft
            match pairs
            load Changed
            commit stale-draft
            draft
            rounds
            load Profiles
            plan 3
            commit planned-1
            commit planned-2
            plan 3
            load Changed
            """
        try script.write(to: folder.appendingPathComponent("week.patio"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(
            ["--profiles", "Profiles", "--ledger", "week.sqlite", "week.patio"], in: folder)
        let dropped = "The draft was dropped: it was computed on the profiles as they were before"
        #expect(result.output.components(separatedBy: dropped).count - 1 == 1, "\(result.output)")
        #expect(
            result.errors.components(
                separatedBy:
                    "no draft: the last one was dropped when the community changed ('match' or 'plan' makes a new one)"
            ).count - 1 == 2, "commit and draft: \(result.errors)")
        #expect(result.output.contains("the next planned round is the draft now (1 more after it)"))
        #expect(result.output.contains("the next planned round is the draft now (the last of the plan)"))
        #expect(
            result.output.contains(
                "The draft and the 2 planned rounds after it were dropped: they were computed on the profiles as they were before ('plan' proposes new ones)."
            ), "\(result.output)")
        #expect(result.output.contains("kept-draft"))
        #expect(!result.output.contains("stale-draft"))
    }

    /// A ledger named in a folder that is not there is an error, nothing is
    /// made (a mistyped path would start a history nobody sees); the one
    /// kept beside the profiles gets its `.patio` folder.
    @Test func aLedgerNamedInAMissingFolderIsNotMade() throws {
        let folder = try Self.profilesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let named = try PatioProcess.run(
            ["--profiles", "Profiles", "--ledger", "nope/sub/l.sqlite", "-c", "match pairs", "-c", "commit w1"],
            in: folder)
        #expect(named.status == 1)
        #expect(named.errors.contains("there is no folder"), "\(named.errors)")
        #expect(named.errors.contains("nope/sub"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nope").path))
        let kept = try PatioProcess.run(["--profiles", "Profiles", "-c", "match pairs", "-c", "commit w1"], in: folder)
        #expect(kept.status == 0, "\(kept.errors)")
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("Profiles/.patio/ledger.sqlite").path))
    }

    @Test func theScriptedSessionCommitsAndDoesNotRepeat() throws {
        let folder = try Self.profilesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
            #!/usr/bin/env patio
            match pairs
            forbid anaelle-mercier melanie-mercier
            match pairs
            commit mardi
            match pairs
            diff --format json
            export patio.html
            export round.ics --at 2026-12-01T10:00 --minutes 30
            rounds --format json
            """
        try script.write(to: folder.appendingPathComponent("mardi.patio"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(["--profiles", "Profiles", "mardi.patio"], in: folder)
        #expect(result.status == 0, "\(result.errors)")
        let diff = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("{\"against\": \"mardi\"") })
        #expect(diff.contains("\"kept\": []"), "no pair of the committed round meets again")
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("Profiles/.patio/ledger.sqlite").path))
        let html = try String(contentsOf: folder.appendingPathComponent("patio.html"), encoding: .utf8)
        #expect(html.contains("<article class=\"card\""))
        let ics = try String(contentsOf: folder.appendingPathComponent("round.ics"), encoding: .utf8)
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count - 1 == 60)
        #expect(result.output.contains("{\"rounds\": [{\"name\": \"mardi\""))
    }

    @Test func atThePromptTheSamePairsAsTheScript() throws {
        let folder = try Self.profilesCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let batch = try PatioProcess.run(
            ["--profiles", "Profiles", "--format", "json", "-c", "match pairs"], in: folder)
        let environment = [
            "TERM": "xterm", "LANG": "C.UTF-8", "HOME": folder.path,
            "PATIO_HISTORY": folder.appendingPathComponent("history").path,
            "NO_COLOR": "1", "PAGER": "cat", "PATIO_PROFILES": folder.appendingPathComponent("Profiles").path,
        ]
        let terminal = try PseudoTerminal(environment: environment)
        try terminal.waitForPrompt()
        var mark = terminal.mark
        terminal.type("match pairs --format json\r")
        try terminal.waitForPrompt(after: mark)
        let interactive = String(terminal.transcript.utf8.dropFirst(mark)) ?? ""
        #expect(Self.groups(interactive[...]) != nil)
        #expect(Self.groups(interactive[...]) == Self.groups(batch.output[...]))
        // why, forbid, match again, commit, match again, export: all at the prompt.
        for line in [
            "why anaelle-mercier melanie-mercier", "forbid anaelle-mercier melanie-mercier", "match pairs",
            "commit mardi",
            "match pairs", "export patio.html", "export round.ics --at 2026-12-01T10:00",
        ] {
            mark = terminal.mark
            terminal.type(line + "\r")
            try terminal.waitForPrompt(after: mark, timeout: .seconds(30))
            let shown = String(decoding: terminal.transcript.utf8.dropFirst(mark), as: UTF8.self)
            #expect(!shown.contains("error:"), "\(line): \(shown)")
        }
        #expect(terminal.transcript.contains("committed 'mardi'"))
        #expect(terminal.transcript.contains("wrote patio.html"))
        #expect(terminal.transcript.contains("wrote round.ics"))
        // The last draft is not committed: the first Ctrl-D says so, the second leaves.
        mark = terminal.mark
        terminal.type("\u{04}")
        try terminal.waitForPrompt(after: mark)
        #expect((String(terminal.transcript.utf8.dropFirst(mark)) ?? "").contains("note: the draft is not committed"))
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }
}
