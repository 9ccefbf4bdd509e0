import Community
import Foundation
import Matchmaker
import Testing

@testable import Shell

/// Runs lines through the interpreter with a recording console.
struct Harness {
    let console = RecordingConsole()
    var session: Session

    init(settings: Settings = Settings(), workingDirectory: String = FileManager.default.currentDirectoryPath) {
        session = Session(
            settings: settings, console: console,
            environment: Environment(workingDirectory: workingDirectory))
    }

    @discardableResult
    mutating func run(_ line: String, at location: InputLocation? = nil) -> Interpreter.Outcome {
        Interpreter.execute(line, at: location, in: &session)
    }

    mutating func script(_ lines: [String], from source: String = "script") -> ScriptOutcome {
        Interpreter.run(lines, from: source, in: &session)
    }
}

struct InterpreterTests {
    /// A temporary folder holding `profiles` (file stem, name, role; each into
    /// video games) in its subfolder `subfolder`; the caller removes it.
    static func community(
        _ profiles: [(file: String, name: String, role: String)], in subfolder: String = "Profiles", tag: String
    ) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-\(tag)-\(UUID())")
        let place = folder.appendingPathComponent(subfolder)
        try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
        for profile in profiles {
            try "name: \(profile.name)\nrole: \(profile.role)\ninterests: [jeu vidéo]\n".write(
                to: place.appendingPathComponent("\(profile.file).yaml"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Four members, two of them students.
    static let four = [("ana", "student"), ("basile", "entrepreneur"), ("chloe", "student"), ("dan", "startup")].map {
        (file: $0.0, name: $0.0.capitalized, role: $0.1)
    }

    @Test func runsACommandAndRendersItsResult() {
        var harness = Harness()
        #expect(harness.run("echo Élodie  Dupré") == .succeeded)
        #expect(harness.run("  ") == .succeeded)
        #expect(harness.run("# nothing") == .succeeded)
        #expect(harness.console.output == "Élodie Dupré\n")
        #expect(harness.console.errors.isEmpty)
    }

    /// A command whose output could not be written fails where it is, in
    /// either language, and a script stops there.
    @Test func aCommandWhoseOutputIsNotWrittenFails() {
        var harness = Harness()
        harness.console.writeFailure = ENOSPC
        #expect(
            harness.script(["echo un", "echo deux"], from: "s.patio") == ScriptOutcome(failures: 1, didQuit: false))
        #expect(
            harness.console.errors == "s.patio:1: error: the output could not be written: no space left on device\n")
        harness.session.settings.language = .fr
        harness.console.clear()
        harness.console.writeFailure = ENOSPC
        #expect(harness.run("echo trois") == .failed)
        #expect(
            harness.console.errors
                == "erreur\u{A0}: la sortie n’a pas pu être écrite\u{A0}: plus de place sur le disque\n")
        #expect(harness.run("echo quatre") == .succeeded, "said once")
    }

    /// A folder of its own holding `two.patio` (`echo first`, `echo second`); the caller removes it.
    static func folderWithATwoLineScript() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-stop-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "echo first\necho second\n".write(
            to: folder.appendingPathComponent("two.patio"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Ctrl-C while a result is being shown: its output is given up with a
    /// note, the command counts as failed, and a script being run stops there.
    @Test func anOutputStoppedByCtrlCStopsTheScript() throws {
        let folder = try Self.folderWithATwoLineScript()
        defer { try? FileManager.default.removeItem(at: folder) }
        let console = RecordingConsole()
        // Pressed once each command has run, as its result is being laid out.
        let asked = Counter()
        var session = Session(
            console: console,
            environment: Environment(workingDirectory: folder.path, isCancelled: { asked.next() % 2 == 1 }))
        #expect(Interpreter.execute("echo shown", at: nil, in: &session) == .failed)
        asked.reset()
        #expect(Interpreter.execute("source two.patio", at: nil, in: &session) == .failed)
        #expect(console.output.isEmpty)
        #expect(
            console.errors
                == String(
                    repeating: "note: output stopped (Ctrl-C); the command itself was carried out\n", count: 2),
            "the script's second line did not run")
    }

    /// Ctrl-C while a command runs that is carried out all the same (a commit
    /// is whole or not at all): what it did is shown whole, and a script being
    /// run stops there.
    @Test func whatACommandDidInSpiteOfCtrlCIsShown() throws {
        let folder = try Self.folderWithATwoLineScript()
        defer { try? FileManager.default.removeItem(at: folder) }
        let console = RecordingConsole()
        var session = Session(
            console: console, environment: Environment(workingDirectory: folder.path, isCancelled: { true }))
        #expect(Interpreter.execute("echo shown", at: nil, in: &session) == .failed)
        #expect(Interpreter.execute("source two.patio", at: nil, in: &session) == .failed)
        #expect(console.output == "shown\nfirst\n", "the script's second line did not run")
        #expect(console.errors.isEmpty)
    }

    /// A first load stopped by Ctrl-C keeps nothing; `load` alone then starts
    /// that folder's load again (no other folder is current).
    @Test func loadAloneStartsAnInterruptedFirstLoadAgain() throws {
        let folder = try Self.community(
            [("Ana", "Ana", "student"), ("Basile", "Basile", "student")], in: "profils serre", tag: "again")
        defer { try? FileManager.default.removeItem(at: folder) }
        final class Flag: @unchecked Sendable { var raised = true }
        let flag = Flag()
        let console = RecordingConsole()
        var session = Session(
            console: console,
            environment: Environment(workingDirectory: folder.path, isCancelled: { flag.raised }))
        #expect(Interpreter.execute("load 'profils serre'", at: nil, in: &session) == .failed)
        #expect(Interpreter.execute("members", at: nil, in: &session) == .failed)
        #expect(
            console.errors == """
                error: interrupted: no profiles are loaded ('load' starts again)
                error: no profiles loaded: the load of profils serre was interrupted ('load' starts it again)

                """)
        flag.raised = false
        #expect(Interpreter.execute("load", at: nil, in: &session) == .succeeded)
        #expect(session.directory.members.map(\.name) == ["Ana", "Basile"])
        #expect(session.profilesFolder?.shownAs == "profils serre")
    }

    /// A ban is kept in the ledger: the next session keeps the two apart,
    /// until one unpins them; without a ledger it lasts the session.
    @Test func aBanOutlivesTheSession() throws {
        let folder = try Self.community(Self.four, tag: "bans")
        defer { try? FileManager.default.removeItem(at: folder) }
        func session() -> Harness {
            var harness = Harness(workingDirectory: folder.path)
            harness.run("load Profiles")
            return harness
        }
        var first = session()
        #expect(first.run("forbid ana basile") == .succeeded)
        #expect(first.console.output.contains("forbidden Ana and Basile (kept in the ledger until 'unpin')"))
        var second = session()
        #expect(second.run("forbid basile ana") == .succeeded)
        #expect(
            second.console.output.contains(
                "forbidden Ana and Basile (kept apart already: the ledger keeps them apart until 'unpin')"))
        #expect(second.run("match pairs") == .succeeded)
        let draft = try #require(second.session.matchmaking.draft)
        #expect(draft.bans == [MemberPair("ana", "basile")])
        #expect(!draft.pairs.contains(MemberPair("ana", "basile")))
        #expect(second.run("why ana basile") == .succeeded)
        #expect(second.console.output.contains("kept apart (unpin ana basile lifts it)"))
        #expect(second.run("unpin ana basile") == .succeeded)
        var third = session()
        third.run("constraints")
        #expect(third.console.output.hasSuffix("no pins and no bans: 'pin A B' and 'forbid A B' add them\n"))
        // A pin lifts a ban kept in the ledger too.
        third.run("forbid chloe dan")
        #expect(third.run("pin chloe dan") == .succeeded)
        #expect(third.console.output.contains("(the ban between them is lifted)"))
        var fourth = session()
        fourth.run("constraints")
        #expect(fourth.console.output.hasSuffix("no pins and no bans: 'pin A B' and 'forbid A B' add them\n"))
        // No profiles folder and no --ledger: no ledger to keep it.
        var alone = Harness(workingDirectory: folder.path)
        alone.session.directory = first.session.directory
        alone.run("forbid ana basile")
        #expect(alone.console.output.contains("(for this session only: no ledger)"))
        #expect(try alone.session.bans() == [MemberPair("ana", "basile")])
    }

    /// A second pin on one member is taken (a table or a mentor holds
    /// several), and said at once, not first at 'match pairs'.
    @Test func aSecondPinOnOneMemberIsSaid() throws {
        let folder = try Self.community(Self.four, tag: "pins")
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        harness.run("load Profiles")
        #expect(harness.run("pin ana basile") == .succeeded)
        #expect(!harness.console.output.contains("too"))
        harness.console.clear()
        #expect(harness.run("pin chloe ana") == .succeeded)
        #expect(
            harness.console.output
                == "pinned Ana and Chloe: 'match' again to apply; Ana is pinned with Basile too: 'match circles' seats them at one table and a mentor takes them all, but 'match pairs' needs one pin a member\n"
        )
        harness.console.clear()
        #expect(harness.run("pin ana chloe") == .succeeded)
        #expect(harness.console.output == "pinned already: Ana and Chloe\n")
        #expect(harness.run("match pairs") == .failed)
        #expect(harness.run("match circles --any-roles --size 3") == .succeeded)
    }

    /// A rating is of one pair: at a table of several, `history` says whom
    /// it is with (in the table and in JSON), not as if it rated the table.
    @Test func aRatingAtATableSaysWhomItIsWith() throws {
        let folder = try Self.community(Self.four, tag: "table")
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        harness.run("load Profiles")
        #expect(harness.run("match circles --any-roles --size 4") == .succeeded)
        #expect(harness.run("commit atelier") == .succeeded)
        #expect(harness.run("rate ana basile 4 'table animée'") == .succeeded)
        harness.console.clear()
        #expect(harness.run("history ana") == .succeeded)
        #expect(harness.console.output.contains("Basile: 4/5 (table animée)"))
        // A note of spaces is no note; one with spaces around it is kept without them.
        #expect(harness.run("rate ana chloe 3 '   '") == .succeeded)
        #expect(harness.run("rate ana dan 5 ' bien '") == .succeeded)
        harness.console.clear()
        #expect(harness.run("history ana") == .succeeded)
        #expect(harness.console.output.contains("Chloe: 3/5;") || harness.console.output.contains("Chloe: 3/5\n"))
        #expect(harness.console.output.contains("Dan: 5/5 (bien)"))
        harness.console.clear()
        #expect(harness.run("history ana --format json") == .succeeded)
        #expect(
            harness.console.output.contains(
                "\"ratings\": [4, 3, 5], \"rated_with\": [\"basile\", \"chloe\", \"dan\"], \"notes\": [\"table animée\", null, \"bien\"]"
            ))
        // Everyone met at the table just before: only --everyone pairs them again.
        #expect(harness.run("match pairs --everyone") == .succeeded)
        #expect(harness.run("commit lundi") == .succeeded)
        let paired = try #require(
            harness.session.openLedger().meetings(of: "dan").first { $0.mode == "pairs" }?.partners.first)
        #expect(harness.run("rate dan \(paired) 5") == .succeeded)
        harness.console.clear()
        #expect(harness.run("history dan") == .succeeded)
        #expect(harness.console.output.contains("  5/5"), "a pair's rating needs no name")
    }

    /// A member who left (its profile taken out) is still named in the rounds
    /// it was in, by the name it had when they were committed: in `round`,
    /// its reasons and exports, and in the history of those who met it.
    @Test func aMemberWhoLeftIsStillNamedInPastRounds() throws {
        let folder = try Self.community(
            [("ana", "student"), ("basile", "entrepreneur")].map {
                (file: $0.0, name: $0.0 == "ana" ? "Ana Lopez" : "Basile Roy", role: $0.1)
            }, tag: "left")
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        harness.run("load Profiles")
        #expect(harness.run("match pairs") == .succeeded)
        #expect(harness.run("commit r1") == .succeeded)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Profiles/basile.yaml"))
        harness.run("load Profiles")
        harness.console.clear()
        #expect(harness.run("round r1") == .succeeded)
        #expect(harness.console.output.contains("Ana Lopez — Basile Roy"), "\(harness.console.output)")
        #expect(!harness.console.output.contains(" basile"))
        harness.console.clear()
        #expect(harness.run("history ana") == .succeeded)
        #expect(harness.console.output.contains("Basile Roy"))
        harness.console.clear()
        #expect(harness.run("history basile") == .succeeded)
        #expect(harness.console.output.hasPrefix("Basile Roy (basile, no profile now) has met"))
        #expect(harness.run("export r1.html --round r1") == .succeeded)
        let sheet = try String(contentsOf: folder.appendingPathComponent("r1.html"), encoding: .utf8)
        #expect(sheet.contains("Basile Roy"))
        // And in what a new draft changes from that round.
        try "name: Chloé\nrole: student\ninterests: [jeu vidéo]\n".write(
            to: folder.appendingPathComponent("Profiles/chloe.yaml"), atomically: true, encoding: .utf8)
        harness.run("load Profiles")
        #expect(harness.run("match pairs") == .succeeded)
        harness.console.clear()
        #expect(harness.run("diff --round r1") == .succeeded)
        #expect(
            harness.console.output.contains("Ana Lopez — Basile Roy (basile, no profile now)"),
            "\(harness.console.output)")
    }

    /// What earlier meetings did to a score explains the score (the draft
    /// says it), but is no reason to meet: invitations and cards leave it out.
    @Test func invitationsAndCardsGiveOnlyReasonsToMeet() throws {
        let folder = try Self.community(Self.four, tag: "invite")
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        harness.run("load Profiles")
        #expect(harness.run("match pairs --everyone") == .succeeded)
        #expect(harness.run("commit r1") == .succeeded)
        // Ana and her partner of r1 pinned together again: their score says they met.
        let partner = try #require(harness.session.openLedger().meetings(of: "ana").first?.partners.first)
        #expect(harness.run("pin ana \(partner)") == .succeeded)
        #expect(harness.run("match pairs --everyone") == .succeeded)
        harness.console.clear()
        #expect(harness.run("draft --full") == .succeeded)
        #expect(harness.console.output.contains("met in the last round"))
        for file in ["r.ics", "r.html"] {
            #expect(harness.run("export \(file)") == .succeeded)
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("met in the last round"), "\(file)")
            #expect(text.contains("jeu vidéo"), "\(file): its reasons are still there")
        }
    }

    /// In a new session with no draft, over a ledger that holds rounds,
    /// `export` and `draft` name the line that does it with the last round.
    @Test func aNewSessionIsToldOfTheLastRound() throws {
        let folder = try Self.community(Self.four, tag: "new-session")
        defer { try? FileManager.default.removeItem(at: folder) }
        var first = Harness(workingDirectory: folder.path)
        first.run("load Profiles")
        #expect(first.run("export x.html") == .failed)
        #expect(
            first.console.errors.hasSuffix(
                "error: no draft yet: 'match pairs', 'match mentoring', 'match circles' or 'plan N' makes one\n"))
        #expect(first.run("match pairs") == .succeeded)
        #expect(first.run("commit 'lundi 7'") == .succeeded)
        var second = Harness(workingDirectory: folder.path)
        second.run("load Profiles")
        #expect(second.run("export x.html") == .failed)
        #expect(
            second.console.errors.hasSuffix(
                "error: no draft yet ('export x.html --round \"lundi 7\"' exports the last round committed): 'match pairs', 'match mentoring', 'match circles' or 'plan N' makes one\n"
            ), "\(second.console.errors)")
        #expect(second.run("draft") == .failed)
        #expect(second.console.errors.contains("('round \"lundi 7\"' shows the last round committed)"))
        #expect(second.run("export x.html --round \"lundi 7\"") == .succeeded)
    }

    /// A round's name is not blank and has no space at either end: in
    /// `rounds` and `history` such a name looks like no name, or like the
    /// line above wrapped. Nothing is recorded, and the draft stays.
    @Test func aRoundsNameIsNotBlank() throws {
        let folder = try Self.community(Self.four, tag: "blank")
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        harness.run("load Profiles")
        #expect(harness.run("match pairs") == .succeeded)
        for name in ["''", "'   '", "' lundi'", "'lundi\t'"] {
            harness.console.clear()
            #expect(harness.run("commit \(name)") == .failed, "\(name)")
            #expect(harness.console.errors.contains("expected a name not blank and with no space at either end"))
        }
        #expect(try harness.session.existingLedger()?.rounds().isEmpty ?? true)
        // A name with its accents decomposed (NFD) is the same name, found either way.
        #expect(harness.run("commit 'e\u{301}te\u{301}'") == .succeeded)
        #expect(try harness.session.openLedger().rounds().map(\.name) == ["\u{E9}t\u{E9}"])
        #expect(harness.run("round 'e\u{301}te\u{301}'") == .succeeded)
        #expect(harness.run("round '\u{E9}t\u{E9}'") == .succeeded)
        #expect(harness.run("match pairs") == .succeeded)
        #expect(harness.run("commit '\u{E9}t\u{E9}'") == .failed, "taken")
    }

    /// Two shells on one ledger: a draft made before the other committed a
    /// round is not recorded (its novelty did not count that round); drafted
    /// again, it is. A plan's rounds go on committing one after the other.
    @Test func aDraftIsCommittedOnlyOnTheLedgerItWasMadeOn() throws {
        let folder = try Self.community(Self.four, tag: "mark")
        defer { try? FileManager.default.removeItem(at: folder) }
        var first = Harness(workingDirectory: folder.path)
        var second = Harness(workingDirectory: folder.path)
        first.run("load Profiles")
        second.run("load Profiles")
        #expect(first.run("match pairs") == .succeeded)
        #expect(second.run("match pairs") == .succeeded)
        #expect(second.run("commit lundi") == .succeeded)
        #expect(first.run("commit mardi") == .failed)
        #expect(
            first.console.errors.hasSuffix(
                "error: rounds were committed since this draft was made ('lundi', by another patio): nothing was recorded; 'match' again makes a draft that counts them\n"
            ))
        #expect(try first.session.openLedger().rounds().map(\.name) == ["lundi"])
        #expect(first.run("match pairs") == .succeeded)
        #expect(first.run("commit mardi") == .succeeded)
        #expect(second.run("plan 2") == .succeeded)
        #expect(second.run("commit") == .succeeded)
        #expect(second.run("commit") == .succeeded, "the plan's next round goes on from the one just committed")
        #expect(try second.session.openLedger().rounds().count == 4)
        // commit --all whose second name is taken records nothing, and leaves the plan as it was.
        #expect(second.run("commit atelier-2") == .failed, "no draft left")
        #expect(second.run("plan 2") == .succeeded)
        #expect(second.run("commit atelier-2") == .succeeded)
        #expect(second.run("plan 2") == .succeeded)
        let planned = second.session.matchmaking.draft
        #expect(second.run("commit atelier --all") == .failed)
        #expect(
            second.console.errors.hasSuffix(
                "error: a round named 'atelier-2' is committed already: choose another name\n"))
        #expect(try second.session.openLedger().rounds().count == 5)
        #expect(second.session.matchmaking.draft == planned && second.session.matchmaking.planned.count == 1)
        #expect(second.run("commit atelier --all") == .failed)
        #expect(second.run("commit ateliers --all") == .succeeded)
        #expect(try second.session.openLedger().rounds().map(\.name).suffix(2) == ["ateliers-1", "ateliers-2"])
    }

    /// `match --no-repeats` keeps apart every pair a committed round made,
    /// while there is an alternative, and its claim says over which pairs;
    /// two members with no one else meet again, said so.
    @Test func noRepeatsKeepsEarlierPairsApart() throws {
        let people = ["ana", "basile", "chloe", "dan", "eve", "farid"]
        let folder = try Self.community(
            people.enumerated().map { ($1, $1.capitalized, $0 % 2 == 0 ? "student" : "entrepreneur") }, tag: "repeats")
        let profiles = folder.appendingPathComponent("Profiles")
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        harness.run("load Profiles")
        var met = Set<MemberPair>()
        for week in 1...5 {
            #expect(harness.run(week == 1 ? "match pairs" : "match pairs --no-repeats") == .succeeded)
            let draft = try #require(harness.session.matchmaking.draft)
            #expect(draft.pairs.count == 3)
            // A pair meets again only in the second step, among those the first left over, and the claim counts it.
            let repeats = draft.pairs.filter(met.contains).count
            #expect(repeats == draft.guarantee.repeatPairs, "week \(week)")
            if week == 2 { #expect(repeats == 0) }
            #expect(draft.guarantee.excludesEarlierRounds == (week > 1 ? true : nil))
            met.formUnion(draft.pairs)
            #expect(harness.run("commit w\(week)") == .succeeded)
        }
        #expect(
            harness.console.output.contains(
                "optimal (proved over every admissible pair of the 6 members, among pairs that have not met before)"))
        // Two members who met: no alternative, so they meet again, and the claim says how.
        let pair: Set<String> = ["ana", "basile"]
        #expect(met.contains(MemberPair("ana", "basile")))
        for id in ["chloe", "dan", "eve", "farid"] {
            try? FileManager.default.removeItem(at: profiles.appendingPathComponent("\(id).yaml"))
        }
        harness.run("load")
        #expect(harness.run("match pairs --no-repeats") == .succeeded)
        let again = try #require(harness.session.matchmaking.draft)
        #expect(again.groups.map { Set($0.members) } == [pair])
        #expect(again.guarantee.repeatPairs == 1)
        #expect(
            harness.console.output.hasSuffix(
                "; then 1 pair among those left, meeting again (proved optimal among them)\n"))
    }

    @Test func formatComesFromTheSettingOrTheCommand() {
        var harness = Harness()
        harness.run("set format json")
        harness.run("echo one")
        harness.run("echo two --format csv")
        harness.run("echo \"--format\" three")
        #expect(
            harness.console.output == "{\"setting\": \"format\", \"value\": \"json\", \"previous\": \"table\"}\n"
                + "{\"message\": \"one\"}\ntwo\r\n{\"message\": \"--format three\"}\n")
    }

    @Test func errorsNameTheirSourceAndLine() {
        var harness = Harness()
        #expect(harness.run("hlep", at: InputLocation("script", line: 2)) == .failed)
        #expect(harness.run("echo 'open") == .failed)
        #expect(harness.run("set colour never") == .failed)
        #expect(
            harness.console.errors == """
                script:2: error: unknown command 'hlep' (did you mean 'help'?)
                error: unterminated single quote starting at column 6
                error: unknown setting 'colour' (did you mean 'color'?)

                """)
    }

    @Test func quitIsNotAFailure() {
        var harness = Harness()
        #expect(harness.run("quit") == .quit)
        #expect(harness.run("exit") == .quit)
        #expect(harness.console.errors.isEmpty)
    }

    @Test func scriptsStopAtTheFirstFailure() {
        var harness = Harness()
        let outcome = harness.script(["echo a", "bogus", "echo b"], from: "tuesday.patio")
        #expect(outcome == ScriptOutcome(failures: 1, didQuit: false))
        #expect(harness.console.output == "a\n")
        #expect(harness.console.errors.hasPrefix("tuesday.patio:2: error: unknown command 'bogus'"))
    }

    @Test func keepGoingRunsEverythingAndCountsFailures() {
        var harness = Harness()
        harness.session.settings.keepGoing = true
        let outcome = harness.script(["echo a", "bogus", "echo b", "set seed x", "quit", "echo never"])
        #expect(outcome == ScriptOutcome(failures: 2, didQuit: true))
        #expect(harness.console.output == "a\nb\n")
    }

    @Test func settingsChangeAndShow() {
        var harness = Harness()
        harness.run("set seed 42")
        harness.run("set keep-going on")
        harness.run("set color NEVER")
        #expect(harness.session.settings.seed == 42)
        #expect(harness.session.settings.keepGoing)
        #expect(harness.session.settings.color == .never)
        #expect(
            harness.console.output == "seed = 42 (was 1)\nkeep-going = on (was off)\ncolor = never (was auto)\n",
            "set confirms each change")
        harness.run("set color never")
        #expect(harness.console.output.hasSuffix("color is never (unchanged)\n"))
        harness.console.clear()
        harness.run("set seed --format json")
        #expect(
            harness.console.output
                == "{\"settings\": [{\"name\": \"seed\", \"value\": \"42\", \"summary\": \"Seed for every randomised step, so that runs repeat\"}]}\n"
        )
        #expect(harness.run("set format yaml") == .failed)
        #expect(harness.console.errors == "error: invalid format 'yaml': expected table, csv, json or markdown\n")
    }

    @Test func helpForEveryCommand() {
        for spec in CommandTable.standard.commands {
            var harness = Harness()
            #expect(harness.run("help \(spec.name)") == .succeeded)
            #expect(harness.console.output.hasPrefix(spec.synopsis + "\n"))
            var viaFlag = Harness()
            viaFlag.run("\(spec.name) --help")
            #expect(viaFlag.console.output == harness.console.output)
        }
        var harness = Harness()
        #expect(harness.run("help sauce") == .failed)
        #expect(harness.console.errors == "error: unknown command 'sauce' (did you mean 'source'?)\n")
    }

    @Test func timingGoesToStandardError() {
        var harness = Harness()
        harness.run("set timing on")
        harness.run("echo x")
        #expect(harness.console.output == "timing = on (was off)\nx\n")
        #expect(harness.console.errors.hasPrefix("Time: ") && harness.console.errors.hasSuffix(" ms\n"))
    }

    @Test func sourceRunsAFileAndReportsItsLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-source-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "\u{FEFF}#!/usr/bin/env patio\r\necho one\r\n\r\nzzz\r\necho two\r\n"
            .write(to: folder.appendingPathComponent("inner.patio"), atomically: true, encoding: .utf8)
        try "source inner.patio\n".write(
            to: folder.appendingPathComponent("loop.patio"), atomically: true, encoding: .utf8)
        try "source self.patio\n".write(
            to: folder.appendingPathComponent("self.patio"), atomically: true, encoding: .utf8)

        var harness = Harness(workingDirectory: folder.path)
        #expect(harness.run("source inner.patio", at: InputLocation("-c", line: 1)) == .failed)
        #expect(harness.console.output == "one\n")
        #expect(
            harness.console.errors == "inner.patio:4: error: unknown command 'zzz' (type 'help' to see the commands)\n")

        var missing = Harness(workingDirectory: folder.path)
        #expect(missing.run("source nowhere.patio") == .failed)
        #expect(missing.console.errors == "error: cannot read nowhere.patio: no such file\n")

        var looping = Harness(workingDirectory: folder.path)
        #expect(looping.run("source self.patio") == .failed)
        #expect(
            looping.console.errors.hasSuffix(
                "self.patio:1: error: cannot source self.patio: scripts are nested more than 16 deep\n"))
    }

    @Test func scriptLinesSplitOnAnyLineEnding() {
        func lines(_ text: String) -> [ScriptLine] { ScriptText.lines(of: Array(text.utf8)) }
        #expect(lines("a\nb\r\nc\rd") == [.text("a"), .text("b"), .text("c"), .text("d")])
        #expect(lines("a\n\nb\n") == [.text("a"), .text(""), .text("b")])
        #expect(lines("") == [])
        #expect(ScriptText.lines(of: [0x61, 0x0A, 0x62, 0xC3, 0x28]) == [.text("a"), .notUTF8(column: 2, byte: 0xC3)])
    }
}

/// Counts the questions asked of it, from any thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// The number of questions before this one.
    func next() -> Int {
        lock.withLock {
            defer { count += 1 }
            return count
        }
    }

    func reset() { lock.withLock { count = 0 } }
}
