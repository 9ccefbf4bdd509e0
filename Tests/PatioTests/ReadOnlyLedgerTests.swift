import Foundation
import Testing

/// Someone who may read the community's folder but not write its ledger
/// (the ledger belongs to the community manager) browses who is who and
/// drafts: everything is read, nothing is written, and a commit says why.
struct ReadOnlyLedgerTests {
    /// The binary as a user whom permissions stop: `nobody` when the tests
    /// run as root (whom none stop), else the user running them.
    static var reader: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
    }

    @Test func aLedgerThatCannotBeWrittenIsReadAndSaysSoOnACommit() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer {
            _ = chmod(folder.appendingPathComponent("community/.patio").path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let community = folder.appendingPathComponent("community")
        try FileManager.default.copyItem(atPath: ProfileBatchTests.community, toPath: community.path)
        let kept = try PatioProcess.run(
            [
                "--profiles", "community", "-c", "match pairs", "-c", "commit w1", "-c",
                "forbid emilie-durand zoe-blender",
            ],
            in: folder)
        #expect(kept.status == 0, "\(kept.errors)")
        let patio = community.appendingPathComponent(".patio")
        let ledger = patio.appendingPathComponent("ledger.sqlite")
        // Everyone may read the folder; only its keeper may write the ledger and its folder.
        for path in [folder.path, community.path]
            + (try FileManager.default.subpathsOfDirectory(atPath: community.path))
            .map({ community.appendingPathComponent($0).path })
        {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            #expect(chmod(path, isFolder.boolValue ? 0o755 : 0o644) == 0)
        }
        #expect(chmod(ledger.path, 0o444) == 0 && chmod(patio.path, 0o555) == 0)
        let before = try Data(contentsOf: ledger)
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: patio.path).sorted()

        let read = try PatioProcess.run(
            ["--profiles", "community", "-c", "rounds", "-c", "history amelie-dupre"], in: folder,
            launcher: Self.reader)
        #expect(read.status == 0, "\(read.errors)")
        #expect(read.output.contains("w1") && read.output.contains("1 round"))
        #expect(!read.output.contains("has not met"), "her round of w1 is read")

        let commit = try PatioProcess.run(
            ["--profiles", "community", "-c", "match pairs", "-c", "commit w2"], in: folder, launcher: Self.reader)
        #expect(commit.status == 1)
        #expect(commit.output.contains("total "), "the draft is made, the ledger's history read")
        #expect(
            commit.errors
                == "-c:2: error: the ledger community/.patio/ledger.sqlite can only be read here (no right to write to it, or to its folder for its journal): nothing was recorded; ask whoever keeps it, or name another with --ledger\n"
        )
        let french = try PatioProcess.run(
            ["--profiles", "community", "-c", "forbid amelie-dupre anais-dupre"], environment: ["LANG": "fr_FR.UTF-8"],
            in: folder, launcher: Self.reader)
        #expect(french.status == 0)
        #expect(french.output.contains("pour cette session seulement"))
        #expect(french.output.contains("ne peut qu’être lu ici"))

        // The ledger's ban cannot be lifted here; a ban of this session can.
        let why = try PatioProcess.run(
            [
                "--profiles", "community", "-c", "why emilie-durand zoe-blender", "-c",
                "forbid amelie-dupre zoe-blender",
                "-c", "why amelie-dupre zoe-blender",
            ], in: folder, launcher: Self.reader)
        #expect(why.status == 0, "\(why.errors)")
        #expect(
            why.output.contains(
                "kept apart by the ledger, which can only be read here (no command of this session lifts it)"))
        #expect(why.output.contains("kept apart (unpin amelie-dupre zoe-blender lifts it)"))
        #expect(!why.output.contains("unpin emilie-durand"))
        // Two who never met: rating them is refused, and nothing suggests a commit this ledger would refuse.
        let rate = try PatioProcess.run(
            ["--profiles", "community", "-c", "rate amelie-dupre zoe-blender 4"], in: folder, launcher: Self.reader)
        #expect(rate.status == 1)
        #expect(
            rate.errors
                == "-c:1: error: amelie-dupre and zoe-blender have not met in a committed round, so there is no meeting to rate; the ledger can only be read here, so no round can be committed to it either\n"
        )
        // Leaving with a draft: the note does not send to 'commit'.
        let terminal = try PseudoTerminal(
            arguments: ["--profiles", community.path],
            environment: ["TERM": "xterm", "LANG": "C.UTF-8", "PATIO_HISTORY": "", "NO_COLOR": "1", "PAGER": "cat"],
            columns: 200, launcher: Self.reader)
        try terminal.waitForPrompt(timeout: .seconds(30))
        var mark = terminal.mark
        terminal.type("match pairs\r")
        try terminal.waitForPrompt(after: mark)
        mark = terminal.mark
        terminal.type("\u{04}")
        try terminal.waitForPrompt(after: mark)
        #expect(
            terminal.transcript.contains(
                "note: the draft is not committed, and cannot be here: the ledger can only be read ('export FILE' keeps a copy); Ctrl-D or 'quit' again leaves without it"
            ))
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)

        #expect(try Data(contentsOf: ledger) == before, "not a byte written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: patio.path).sorted() == filesBefore)
    }
}
