import Community
import Foundation
import Matchmaker
import Testing

@testable import Shell

/// Commands over the community and its ledger: members named, filters, spreadsheets, ids that changed.
extension InterpreterTests {
    /// A community whose round s1 is committed, after which aicha-trehou's
    /// file is renamed aicha.yaml (its id with it), not loaded again yet.
    static func renamedAfterARound(_ members: [(String, String, String)], tag: String) throws -> (URL, Harness) {
        let folder = try community(members, tag: tag)
        var harness = Harness(workingDirectory: folder.path)
        harness.run("load Profiles")
        #expect(harness.run("match pairs") == .succeeded)
        #expect(harness.run("commit s1") == .succeeded)
        let profiles = folder.appendingPathComponent("Profiles")
        try FileManager.default.moveItem(
            at: profiles.appendingPathComponent("aicha-trehou.yaml"), to: profiles.appendingPathComponent("aicha.yaml"))
        return (folder, harness)
    }

    /// The renamed file given its old id back with an 'id:' line.
    static func putTheOldIDBack(in folder: URL) throws {
        let file = folder.appendingPathComponent("Profiles/aicha.yaml")
        try (String(contentsOf: file, encoding: .utf8) + "id: aicha-trehou\n").write(
            to: file, atomically: true, encoding: .utf8)
    }

    /// A profile file renamed leaves its member's rounds under the old id:
    /// the load says so, with the line that keeps them; once added, silence.
    @Test func aRenamedProfileIsNoticedAtLoad() throws {
        var (folder, harness) = try Self.renamedAfterARound(
            [("aicha-trehou", "Aïcha Tréhou", "student"), ("basile-roy", "Basile Roy", "student")], tag: "renamed")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(harness.run("load") == .succeeded, "a note, not an error")
        #expect(
            harness.console.errors
                == "note: a new ledger was started at Profiles/.patio/ledger.sqlite (there was none)\n"
                + "note: Aïcha Tréhou (aicha) met people under the id 'aicha-trehou', which no profile holds now (a file renamed?): 'id: aicha-trehou' in the profile keeps that history\n"
        )
        // Under the old id, with no profile now, the history is still there, and the meeting can be rated.
        #expect(harness.run("history aicha-trehou") == .succeeded)
        #expect(harness.console.output.contains("Aïcha Tréhou (aicha-trehou, no profile now) has met"))
        #expect(harness.run("rate aicha-trehou basile-roy 4 utile") == .succeeded)
        #expect(harness.run("history someone-else") == .failed)
        try Self.putTheOldIDBack(in: folder)
        harness.run("load")
        #expect(harness.console.errors.components(separatedBy: "note:").count == 3, "said once, not again")
        harness.run("history aicha-trehou")
        #expect(harness.console.output.hasSuffix("4/5 (utile)\n"))
        #expect(harness.session.directory["aicha-trehou"]?.name == "Aïcha Tréhou")
    }

    /// A name changed, then the file renamed after it: the id the name gives
    /// is not the old one, but the one departed id near the member's own is
    /// said, at every load until the history is joined; a member who left,
    /// with no profile near its id, is not.
    @Test func aFileRenamedAfterItsNameChangedIsNoticedAtEveryLoad() throws {
        var (folder, harness) = try Self.renamedAfterARound(
            [
                ("aicha-trehou", "Aïcha Tréhou", "student"), ("basile-roy", "Basile Roy", "student"),
                ("chloe", "Chloé", "student"), ("dan", "Dan", "student"),
            ], tag: "renamed-twice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profiles = folder.appendingPathComponent("Profiles")
        // Aïcha's name changed and her file renamed after it; Dan left.
        try FileManager.default.removeItem(at: profiles.appendingPathComponent("aicha.yaml"))
        try "name: Aïcha Tréhou-Lenoir\nrole: student\ninterests: [jeu vidéo]\n".write(
            to: profiles.appendingPathComponent("aicha-trehou-lenoir.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: profiles.appendingPathComponent("dan.yaml"))
        let note =
            "note: the ledger holds rounds of 'aicha-trehou' (Aïcha Tréhou), which no profile holds now; if that was Aïcha Tréhou-Lenoir (aicha-trehou-lenoir), whose profile has none (a file renamed?), 'id: aicha-trehou' in the profile keeps that history\n"
        // Once a session, and again in the next one (a new patio, each run of a script).
        harness.console.clear()
        #expect(harness.run("load") == .succeeded)
        #expect(harness.console.errors.hasSuffix(note), "\(harness.console.errors)")
        #expect(!harness.console.errors.contains("'dan'"))
        harness.console.clear()
        #expect(harness.run("load") == .succeeded)
        #expect(!harness.console.errors.contains("note:"), "not twice in one session")
        var next = Harness(workingDirectory: folder.path)
        #expect(next.run("load Profiles") == .succeeded)
        #expect(next.console.errors.hasSuffix(note), "\(next.console.errors)")
        #expect(harness.run("reassign aicha-trehou aicha-trehou-lenoir") == .succeeded)
        harness.console.clear()
        harness.run("load")
        #expect(!harness.console.errors.contains("note:"), "joined: nothing more to say")
        // A family name changed: the first name the ledger kept is hers alone.
        try FileManager.default.moveItem(
            at: profiles.appendingPathComponent("aicha-trehou-lenoir.yaml"),
            to: profiles.appendingPathComponent("aicha-martin.yaml"))
        let file = profiles.appendingPathComponent("aicha-martin.yaml")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Tréhou-Lenoir", with: "Martin").write(
            to: file, atomically: true, encoding: .utf8)
        harness.console.clear()
        harness.run("load")
        #expect(
            harness.console.errors.hasSuffix(
                "note: the ledger holds rounds of 'aicha-trehou-lenoir' (Aïcha Tréhou), which no profile holds now; if that was Aïcha Martin (aicha-martin), whose profile has none (a file renamed?), 'id: aicha-trehou-lenoir' in the profile keeps that history\n"
            ), "\(harness.console.errors)")
    }

    /// A round committed under a renamed file's id, then the old id put
    /// back with 'id:': the history is split between two ids. Load says so
    /// and names the command; 'reassign' gives the rounds, ratings and bans
    /// to the member in one step, after which 'history' sees them all and
    /// load says nothing more. An id a profile holds, or one the ledger does
    /// not know, is refused.
    @Test func aSplitHistoryIsSaidAndReassignJoinsIt() throws {
        var (folder, harness) = try Self.renamedAfterARound(
            [
                ("aicha-trehou", "Aïcha Tréhou", "student"), ("basile-roy", "Basile Roy", "student"),
                ("chloe", "Chloé", "student"), ("dan", "Dan", "student"),
            ], tag: "reassign")
        defer { try? FileManager.default.removeItem(at: folder) }
        harness.run("load")
        #expect(harness.run("match pairs --no-repeats") == .succeeded)
        #expect(harness.run("commit s2") == .succeeded)
        #expect(harness.run("forbid aicha dan") == .succeeded)
        try Self.putTheOldIDBack(in: folder)
        harness.run("load")
        #expect(
            harness.console.errors.hasSuffix(
                "note: Aïcha Tréhou (aicha-trehou) also met people under the id 'aicha', which no profile holds now (a file renamed?): 'history', novelty and --no-repeats see only aicha-trehou's; 'reassign aicha aicha-trehou' joins them\n"
            ), "\(harness.console.errors)")
        #expect(harness.run("reassign basile-roy aicha-trehou") == .failed, "a member's id")
        #expect(harness.run("reassign nobody aicha-trehou") == .failed, "nothing under it")
        #expect(harness.console.errors.contains("the ledger holds nothing under 'nobody'"))
        let mark = harness.console.output.count
        #expect(harness.run("reassign aicha aicha-trehou") == .succeeded)
        #expect(
            String(harness.console.output.dropFirst(mark))
                == "what the ledger held under 'aicha' (1 round, 0 ratings, 1 ban) is Aïcha Tréhou's (aicha-trehou) now\n"
        )
        let ledger = try #require(try harness.session.existingLedger())
        #expect(!(try ledger.memberIDs()).contains("aicha"))
        #expect(try ledger.bans().map { [$0.first, $0.second] } == [["aicha-trehou", "dan"]])
        let before = harness.console.output.count
        #expect(harness.run("history aicha-trehou --format json") == .succeeded)
        let history = String(harness.console.output.dropFirst(before))
        #expect(history.components(separatedBy: "\"round\": ").count == 3, "both rounds: \(history)")
        // The facts the rounds keep (reasons, starters, notes) name the member by its id now too.
        let shown = harness.console.output.count
        #expect(harness.run("round s2 --format json") == .succeeded)
        let round = String(harness.console.output.dropFirst(shown))
        #expect(!round.contains("\"aicha\""), "\(round)")
        #expect(harness.run("reassign aicha aicha-trehou") == .failed, "done once")
        #expect(harness.run("reassign aicha aicha") == .failed, "the same word twice")
    }

    /// `show` takes a name of several words, or several members (one word
    /// each): a card each, once each; a list in JSON. A name that is none
    /// of them is reported as a whole, with the nearest; among ids, the
    /// word that names nobody.
    @Test func showTakesOneNameOrSeveralMembers() throws {
        let folder = try Self.community(
            Self.four + [(file: "eva-lopez", name: "Eva López", role: "student")], tag: "show")
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        #expect(harness.run("load Profiles") == .succeeded)
        var mark = harness.console.output.count
        #expect(harness.run("show Eva López") == .succeeded)
        #expect(String(harness.console.output.dropFirst(mark)).hasPrefix("Eva López\nid         eva-lopez"))
        mark = harness.console.output.count
        #expect(harness.run("show ana dan ana") == .succeeded)
        let cards = String(harness.console.output.dropFirst(mark))
        #expect(cards.hasPrefix("Ana\n") && cards.contains("\n\nDan\n"), "\(cards)")
        #expect(cards.components(separatedBy: "id         ana\n").count == 2, "Ana once")
        mark = harness.console.output.count
        #expect(harness.run("show ana 'Eva López' --format json") == .succeeded)
        let json = String(harness.console.output.dropFirst(mark))
        #expect(json.hasPrefix("[{\"id\": \"ana\"") && json.contains("{\"id\": \"eva-lopez\""), "\(json)")
        #expect(harness.run("show ana zzz") == .failed)
        // Members named by id: the word that names nobody is the one said.
        #expect(harness.console.errors.contains("no member 'zzz'"), "\(harness.console.errors)")
        #expect(harness.run("show Eva Lopes") == .failed)
        #expect(harness.console.errors.contains("no member 'Eva Lopes'"), "\(harness.console.errors)")
    }

    /// A filter's key given twice is refused, not read as its last value:
    /// `wing=3,wing=4` matched wing 4 only, and a script committed it.
    @Test func aFilterKeyGivenTwiceIsRefused() throws {
        #expect(throws: MatchCommandError.filterKeyTwice("wing", filter: "wing=3,wing=4")) {
            try MatchCommands.memberFilter("wing=3,wing=4")
        }
        #expect(try MatchCommands.memberFilter("role=student,wing=3") == MemberFilter(role: .student, wing: 3))
        // Nothing, or a key without its value: refused, without suggesting the key typed.
        for empty in ["", ","] {
            #expect(throws: MatchCommandError.invalidFilter(empty, suggestion: nil)) {
                try MatchCommands.memberFilter(empty)
            }
        }
        #expect(throws: MatchCommandError.invalidFilter("wing", suggestion: nil)) {
            try MatchCommands.memberFilter("wing")
        }
        #expect(throws: MatchCommandError.invalidFilter("wnig=3", suggestion: "wing")) {
            try MatchCommands.memberFilter("wnig=3")
        }
    }

    /// A spreadsheet refused as a whole (empty, no name column) is said so,
    /// not summed up as rows read and skipped.
    @Test func anEmptySpreadsheetSkipsNoRow() throws {
        let folder = try Self.community(Self.four, tag: "empty-csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "".write(to: folder.appendingPathComponent("empty.csv"), atomically: true, encoding: .utf8)
        try "Qui;Quoi\nAna;x\n".write(
            to: folder.appendingPathComponent("noname.csv"), atomically: true, encoding: .utf8)
        var harness = Harness(workingDirectory: folder.path)
        #expect(harness.run("load Profiles") == .succeeded)
        #expect(harness.run("import empty.csv") == .failed)
        #expect(harness.run("import noname.csv") == .failed)
        #expect(harness.console.output.contains("nothing imported from empty.csv\n"))
        #expect(harness.console.output.contains("nothing imported from noname.csv\n"))
        #expect(!harness.console.output.contains("skipped"), "\(harness.console.output)")
        // A column mapped by hand that the sheet lacks (a typo): refused, with the nearest title.
        harness.console.clear()
        #expect(harness.run("import noname.csv --map Qui=name --map Quoii=skills") == .failed)
        #expect(
            harness.console.errors
                == "noname.csv:1:1: error: --map names the column 'Quoii', which the sheet does not have (did you mean 'Quoi'?): nothing is imported\n"
        )
        #expect(harness.console.output == "nothing imported from noname.csv\n")
        #expect(harness.run("import noname.csv --map Qui=name --map quoi=skills") == .succeeded, "any case")
    }
}
