import Foundation
import GRDB
import Testing

@testable import Ledger

/// A ledger this process may not write is read, and every writing refused
/// before anything is tried. The tests run as root, whom no permission
/// stops: they open the ledger the way `open` does when `canWrite` says no.
struct LedgerReadOnlyTests {
    /// The ledger's folder and the names of the files in it.
    static func files(beside path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent).sorted()
    }

    @Test func everyReadingWorksAndEveryWritingIsRefused() throws {
        let path = LedgerTests.temporaryPath()
        do {
            let keeper = try Ledger.open(at: path)
            try keeper.commit(
                LedgerTests.round("w1", at: 1_796_000_000, pairs: [["amelie", "emilie"], ["kenji", "zoe"]]))
            try keeper.ban("amelie", "kenji", at: Date(timeIntervalSince1970: 1_796_000_100))
            try keeper.rate("amelie", "emilie", rating: 4, note: "bien", at: Date(timeIntervalSince1970: 1_796_000_200))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let filesBefore = try Self.files(beside: path)

        let reader = try Ledger.openReadOnly(at: path)
        #expect(reader.isReadOnly)
        #expect(reader.opening == .snapshot, "no journal left beside it: a copy of the file is read")
        #expect(try reader.rounds().map(\.name) == ["w1"])
        #expect(try reader.round(named: "w1")?.groups.count == 2)
        #expect(try reader.bans().map { [$0.first, $0.second] } == [["amelie", "kenji"]])
        #expect(try reader.ratings("amelie", "emilie").map(\.value) == [4])
        #expect(try reader.mark().lastRound == 1)

        let refused = LedgerError.readOnly(path: path, outdated: false)
        #expect(throws: refused) { try reader.commit(LedgerTests.round("w2", at: 1_796_100_000, pairs: [["a", "b"]])) }
        #expect(throws: refused) { try reader.ban("emilie", "zoe", at: Date()) }
        #expect(throws: refused) { try reader.lift("amelie", "kenji") }
        #expect(throws: refused) { try reader.rate("kenji", "zoe", rating: 5, note: nil, at: Date()) }
        #expect(throws: refused) { try reader.clearRatings("amelie", "emilie") }
        #expect(throws: refused) { try reader.moveHistory(from: "zoe", to: "zoé") }
        // Lifting a ban there is not asks nothing of the ledger (a pin on a read-only ledger).
        #expect(try reader.lift("emilie", "zoe") == false)

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "not a byte written")
        #expect(try Self.files(beside: path) == filesBefore, "no journal made beside it")
    }

    /// The readings of a command open the ledger a few times: an unchanged
    /// file is copied once, a changed one again.
    @Test func anUnchangedLedgerIsCopiedOnce() throws {
        let path = LedgerTests.temporaryPath()
        do { try Ledger.open(at: path).commit(LedgerTests.round("w1", at: 1_796_000_000, pairs: [["a", "b"]])) }
        let first = try Ledger.openReadOnly(at: path)
        let second = try Ledger.openReadOnly(at: path)
        #expect(first.queue === second.queue, "the same copy")
        do { try Ledger.open(at: path).commit(LedgerTests.round("w2", at: 1_796_100_000, pairs: [["c", "d"]])) }
        let third = try Ledger.openReadOnly(at: path)
        #expect(third.queue !== first.queue, "copied again")
        #expect(try third.rounds().map(\.name) == ["w1", "w2"])
        #expect(try first.rounds().map(\.name) == ["w1"], "a copy stays as it was taken")
    }

    /// While a patio writes to the ledger, what it committed is still in its
    /// journal: the reader reads it from there, not from the file alone.
    @Test func aRoundStillInTheJournalIsRead() throws {
        let path = LedgerTests.temporaryPath()
        let keeper = try Ledger.open(at: path)
        try keeper.commit(LedgerTests.round("w1", at: 1_796_000_000, pairs: [["amelie", "emilie"]]))
        let journal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(journal > 0, "the keeper is open: the round is in its journal")
        let reader = try Ledger.openReadOnly(at: path)
        #expect(reader.opening == .readOnly)
        #expect(try reader.rounds().map(\.name) == ["w1"])
        try keeper.commit(LedgerTests.round("w2", at: 1_796_100_000, pairs: [["kenji", "zoe"]]))
        #expect(try reader.rounds().map(\.name) == ["w1", "w2"], "a round committed while it is open is read too")
    }

    /// A ledger copied with its journal but not its shared-memory file, in a
    /// folder the reader may not write (SQLite cannot read such a journal in
    /// place): what the journal holds is read all the same, from a private
    /// copy, and nothing is made beside it.
    @Test func aJournalThatCannotBeReadInPlaceIsReadFromACopy() throws {
        let path = LedgerTests.temporaryPath()
        let keeper = try Ledger.open(at: path)
        try keeper.commit(LedgerTests.round("w1", at: 1_796_000_000, pairs: [["amelie", "emilie"]]))
        let copied = try LedgerTests.temporaryPathInAFolder()
        try FileManager.default.copyItem(atPath: path, toPath: copied)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copied + "-wal")
        let filesBefore = try Self.files(beside: copied)
        let reader = try Ledger.openReadOnly(at: copied, readsJournalInPlace: { _ in false })
        #expect(reader.opening == .snapshot)
        #expect(try reader.rounds().map(\.name) == ["w1"], "the round is only in the journal")
        #expect(try Self.files(beside: copied) == filesBefore, "no file made beside it")
    }

    /// Readers open and read while a patio commits round after round, its
    /// journal coming and going: each reading is whole (every round it lists
    /// has all its pairs) and none fails.
    @Test func readersWhileAPatioCommits() throws {
        let path = LedgerTests.temporaryPath()
        do { try Ledger.open(at: path).commit(LedgerTests.round("r0", at: 1_796_000_000, pairs: [["a", "b"]])) }
        let rounds = 300
        let writer = Thread {
            for index in 1...rounds {
                // Opened and closed each time, as each shell command does: the journal comes and goes.
                let pairs = (0..<(1 + index % 41)).map { ["m\($0)", "n\($0)"] }
                _ = try? Ledger.open(at: path).commit(
                    LedgerTests.round("r\(index)", at: 1_796_000_000 + Double(index), pairs: pairs))
            }
        }
        writer.start()
        var seen = 0
        var failures: [String] = []
        while seen < rounds + 1 {
            do {
                let reader = try Ledger.openReadOnly(at: path)
                let summaries = try reader.rounds()
                for summary in summaries {
                    let index = Int(summary.name.dropFirst())!
                    if summary.groups != (index == 0 ? 1 : 1 + index % 41) {
                        failures.append("\(summary.name) read with \(summary.groups) pairs")
                    }
                }
                #expect(summaries.count >= seen, "no round read before is missing")
                seen = summaries.count
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    /// A ledger of an older schema would have to be brought up to date, which writes: refused, nothing read.
    @Test func anOlderLedgerIsRefusedAsOutdated() throws {
        let path = try LedgerTests.temporaryPathInAFolder()
        let old = try DatabaseQueue(path: path)
        try Ledger.migrator.migrate(old, upTo: "v5: what history did to the scores, as facts")
        try old.close()
        #expect(throws: LedgerError.readOnly(path: path, outdated: true)) { try Ledger.openReadOnly(at: path) }
    }

    /// The immutable file is named by a URI: a folder whose name holds what a URI gives a meaning to still works.
    @Test func aFolderNamedWithURICharacters() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio ? #1 100%-\(UUID())").path
        let path = folder + "/ledger.sqlite"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do { try Ledger.open(at: path).commit(LedgerTests.round("w1", at: 1_796_000_000, pairs: [["a", "b"]])) }
        let reader = try Ledger.openReadOnly(at: path)
        #expect(reader.opening == .snapshot)
        #expect(try reader.rounds().map(\.name) == ["w1"])
        #expect(Ledger.uriEscaped("/a?b#c%d é") == "/a%3Fb%23c%25d é")
    }

    @Test func whoMayWrite() throws {
        let path = LedgerTests.temporaryPath()
        _ = try Ledger.open(at: path)
        #expect(Ledger.canWrite(path))
        #expect(!Ledger.canWrite((path as NSString).deletingLastPathComponent + "/none/ledger.sqlite"))
        #expect(try !Ledger.open(at: path).isReadOnly)
    }
}

/// The real binary, as a user the permissions stop, on a ledger of an older schema it may not bring up to date.
struct OutdatedLedgerTests {
    @Test func aForbidFailsAsTheMatchAfterItWould() throws {
        let path = try LedgerTests.temporaryPathInAFolder()
        let folder = (path as NSString).deletingLastPathComponent
        let old = try DatabaseQueue(path: path)
        try Ledger.migrator.migrate(old, upTo: "v5: what history did to the scores, as facts")
        try old.close()
        #expect(chmod(path, 0o444) == 0 && chmod(folder, 0o555) == 0)
        defer { _ = chmod(folder, 0o755) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let process = Process()
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("patio").path
        let community = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ShellTests/Transcripts/community").path
        let patio = [binary, "--profiles", community, "--ledger", path, "--keep-going"]
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups"] + patio
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = Array(patio.dropFirst())
        }
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": folder, "PATIO_HISTORY": ""]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(
            Data("pin emilie-durand zoe-blender\nforbid emilie-durand zoe-blender\nconstraints\n".utf8))
        try input.fileHandleForWriting.close()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 1)
        let outdated =
            "the ledger \(path) was made by an older patio and must be brought up to date, which needs the right to write to it: nothing was read; ask whoever keeps it to open it once with this version"
        // Every command that reads the ledger says why it cannot, the forbid too (not a ban of this session).
        #expect(said == (1...3).map { "<stdin>:\($0): error: " + outdated + "\n" }.joined(), "\(said)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
