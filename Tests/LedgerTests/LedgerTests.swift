import Foundation
import GRDB
import Testing

@testable import Ledger

/// The folders the ledger tests made, removed when the tests end.
final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()
    private let lock = NSLock()
    private var folders: [URL] = []

    func keep(_ folder: URL) {
        lock.withLock {
            if folders.isEmpty { atexit { TemporaryFolders.shared.removeAll() } }
            folders.append(folder)
        }
    }

    private func removeAll() {
        for folder in lock.withLock({ folders }) { try? FileManager.default.removeItem(at: folder) }
    }
}

struct LedgerTests {
    /// A ledger's path in a folder of its own, not made yet (removed when the tests end).
    static func temporaryPath() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-ledger-\(UUID())")
        TemporaryFolders.shared.keep(folder)
        return folder.appendingPathComponent(".patio/ledger.sqlite").path
    }

    /// The same, its folder made (for a ledger written otherwise than through `Ledger.open`).
    static func temporaryPathInAFolder() throws -> String {
        let path = temporaryPath()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return path
    }

    static func round(_ name: String, at seconds: Double, pairs: [[String]]) -> RoundRecord {
        RoundRecord(
            name: name, committedAt: Date(timeIntervalSince1970: seconds), mode: "pairs", seed: UInt64.max - 1,
            total: Int64(pairs.count * 1000),
            groups: pairs.map {
                RoundRecord.Group(members: $0, score: 1000, reasons: ["a reason", "another"], starter: "What?")
            },
            unmatched: [RoundRecord.Unmatched(id: "zoe", reason: "odd number")], notes: ["round 1 of 2"])
    }

    @Test func aRoundComesBackWhole() throws {
        let ledger = try Ledger.open(at: Self.temporaryPath())
        let original = Self.round("mardi", at: 1_796_000_000.125, pairs: [["amelie", "emilie"], ["kenji", "zoe"]])
        try ledger.commit(original)
        #expect(try ledger.round(named: "mardi") == original)
        #expect(try ledger.lastRound() == original)
        #expect(
            try ledger.rounds() == [
                RoundSummary(
                    name: "mardi", committedAt: original.committedAt, mode: "pairs", groups: 2, members: 4, total: 2000)
            ])
        #expect(try ledger.round(named: "jeudi") == nil)
    }

    /// A file that is not a ledger, or a ledger whose pages were overwritten,
    /// is said to be damaged, and nothing is written to it.
    @Test func aDamagedLedgerIsSaidSoAndLeftAlone() throws {
        let path = try Self.temporaryPathInAFolder()
        let garbage = Data(String(repeating: "not a ledger ", count: 400).utf8)
        try garbage.write(to: URL(fileURLWithPath: path))
        #expect(throws: LedgerError.damaged(path: path, detail: "file is not a database")) {
            _ = try Ledger.open(at: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        // A real ledger whose schema pages are overwritten.
        let second = Self.temporaryPath()
        try Ledger.open(at: second).commit(Self.round("mardi", at: 1, pairs: [["a", "b"]]))
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: second))
        try handle.seek(toOffset: 100)
        handle.write(Data(repeating: 0xFF, count: 3000))
        try handle.close()
        do {
            _ = try Ledger.open(at: second)
            Issue.record("a damaged ledger opened")
        } catch {
            guard case .damaged(let at, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(at == second)
        }
    }

    /// Another program's SQLite database is not taken for a new ledger: it
    /// is said so, and not a table is added to it.
    @Test func anotherProgramsDatabaseIsLeftAsItIs() throws {
        let path = try Self.temporaryPathInAFolder()
        let other = try DatabaseQueue(path: path)
        try other.write { db in try db.execute(sql: "CREATE TABLE foo (x INTEGER); INSERT INTO foo VALUES (1);") }
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: LedgerError.notALedger(path: path)) { _ = try Ledger.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"), "nothing made beside it")
        // An empty file is a new ledger, as a missing one is.
        let empty = try Self.temporaryPathInAFolder()
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(try Ledger.open(at: empty).rounds().isEmpty)
    }

    /// A folder named as the ledger is said to be a folder, and nothing is made in it.
    @Test func aFolderIsNoLedger() throws {
        let path = try Self.temporaryPathInAFolder()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(throws: LedgerError.isFolder(path: path)) { _ = try Ledger.open(at: path) }
        #expect(throws: LedgerError.isFolder(path: path)) { _ = try Ledger.open(at: path, makesFolder: false) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
        // A device or a pipe neither.
        let pipe = try Self.temporaryPathInAFolder()
        #expect(mkfifo(pipe, 0o644) == 0)
        #expect(throws: LedgerError.notAFile(path: pipe)) { _ = try Ledger.open(at: pipe) }
        #expect(!FileManager.default.fileExists(atPath: pipe + ".lock"))
        #expect(throws: LedgerError.notAFile(path: "/dev/null")) { _ = try Ledger.open(at: "/dev/null") }
    }

    /// Bans are kept from one opening to the next, each pair once whatever
    /// its order, until lifted.
    @Test func bansStayUntilLifted() throws {
        let path = Self.temporaryPath()
        let ledger = try Ledger.open(at: path)
        #expect(try ledger.bans().isEmpty)
        #expect(try ledger.ban("zoe", "amelie", at: Date(timeIntervalSince1970: 1)))
        #expect(try !ledger.ban("amelie", "zoe", at: Date(timeIntervalSince1970: 2)), "already kept apart")
        #expect(try ledger.ban("kenji", "emilie", at: Date(timeIntervalSince1970: 3)))
        let reopened = try Ledger.open(at: path)
        #expect(try reopened.bans().map { [$0.first, $0.second] } == [["amelie", "zoe"], ["emilie", "kenji"]])
        #expect(try reopened.lift("zoe", "amelie"))
        #expect(try !reopened.lift("zoe", "amelie"), "nothing left to lift")
        #expect(try Ledger.open(at: path).bans().map { [$0.first, $0.second] } == [["emilie", "kenji"]])
    }

    /// A commit made on a mark is refused once other rounds came after it, naming them; nothing is written.
    @Test func aCommitOnAnOldMarkIsRefused() throws {
        let ledger = try Ledger.open(at: Self.temporaryPath())
        let start = try ledger.mark()
        #expect(start == .empty)
        let afterFirst = try ledger.commit(Self.round("lundi", at: 1, pairs: [["a", "b"]]), ifStill: start)
        #expect(afterFirst == (try ledger.mark()))
        try ledger.commit(Self.round("mardi", at: 2, pairs: [["a", "c"]]))
        #expect(throws: LedgerError.changedSince(rounds: ["lundi", "mardi"])) {
            try ledger.commit(Self.round("jeudi", at: 3, pairs: [["b", "c"]]), ifStill: start)
        }
        #expect(throws: LedgerError.changedSince(rounds: ["mardi"])) {
            try ledger.commit(Self.round("jeudi", at: 3, pairs: [["b", "c"]]), ifStill: afterFirst)
        }
        #expect(try ledger.rounds().map(\.name) == ["lundi", "mardi"])
        try ledger.commit(Self.round("jeudi", at: 3, pairs: [["b", "c"]]), ifStill: ledger.mark())
        #expect(try ledger.rounds().count == 3)
    }

    @Test func aNameIsTakenOnce() throws {
        let ledger = try Ledger.open(at: Self.temporaryPath())
        try ledger.commit(Self.round("mardi", at: 1, pairs: [["a", "b"]]))
        #expect(throws: LedgerError.roundExists(name: "mardi")) {
            try ledger.commit(Self.round("mardi", at: 2, pairs: [["c", "d"]]))
        }
        #expect(try ledger.rounds().count == 1)
    }

    /// Several rounds (a plan with --all) are one transaction: when one of
    /// them cannot be recorded, none is.
    @Test func roundsCommittedTogetherAreAllOrNone() throws {
        let ledger = try Ledger.open(at: Self.temporaryPath())
        try ledger.commit(Self.round("atelier-3", at: 1, pairs: [["a", "b"]]))
        #expect(throws: LedgerError.roundExists(name: "atelier-3")) {
            try ledger.commit(
                (1...4).map { Self.round("atelier-\($0)", at: Double($0 + 1), pairs: [["c", "d"]]) })
        }
        #expect(try ledger.rounds().map(\.name) == ["atelier-3"])
        let mark = try ledger.commit((1...2).map { Self.round("plan-\($0)", at: Double($0 + 9), pairs: [["c", "d"]]) })
        #expect(try ledger.rounds().map(\.name) == ["atelier-3", "plan-1", "plan-2"])
        #expect(mark == (try ledger.mark()))
    }

    /// Facts kept as JSON are renamed where they name a member, and only there.
    @Test func renamingAnIDInFacts() {
        let facts = #"[{"needMet":{"offerer":"aicha","seeker":"zoe","sought":null,"tag":"aicha"}}]"#
        #expect(
            Ledger.renamingID("aicha", to: "aicha-trehou", in: facts)
                == #"[{"needMet":{"offerer":"aicha-trehou","seeker":"zoe","sought":null,"tag":"aicha"}}]"#)
        // A pair stays in order.
        #expect(
            Ledger.renamingID("zed", to: "abel", in: #"{"first":"mia","second":"zed"}"#)
                == #"{"first":"abel","second":"mia"}"#)
        #expect(Ledger.renamingID("a", to: "b", in: "not json") == "not json")
    }

    @Test func meetingsRatingsAndHowLongAgo() throws {
        let ledger = try Ledger.open(at: Self.temporaryPath())
        try ledger.commit(Self.round("one", at: 100, pairs: [["a", "b"], ["c", "d"]]))
        try ledger.commit(Self.round("two", at: 200, pairs: [["a", "c"], ["b", "d"]]))
        try ledger.rate("b", "a", rating: 5, note: "great", at: Date(timeIntervalSince1970: 300))
        try ledger.rate("a", "b", rating: 2, note: nil, at: Date(timeIntervalSince1970: 301))
        #expect(throws: LedgerError.neverMet("x", "y")) {
            try ledger.rate("x", "y", rating: 4, note: nil, at: Date(timeIntervalSince1970: 302))
        }
        #expect(throws: LedgerError.neverMet("a", "d")) {
            try ledger.rate("d", "a", rating: 4, note: nil, at: Date(timeIntervalSince1970: 302))
        }
        let meetings = try ledger.meetings(of: "a")
        #expect(meetings.map(\.round) == ["two", "one"])
        #expect(meetings.map(\.partners) == [["c"], ["b"]])
        #expect(meetings[1].ratings.map(\.value) == [5, 2])
        #expect(meetings[1].ratings.map(\.note) == ["great", nil])
        let past = try ledger.pastMeetings()
        #expect(
            past == [
                PastMeeting(first: "a", second: "b", roundsAgo: 2, averageRating: 3.5),
                PastMeeting(first: "a", second: "c", roundsAgo: 1, averageRating: nil),
                PastMeeting(first: "b", second: "d", roundsAgo: 1, averageRating: nil),
                PastMeeting(first: "c", second: "d", roundsAgo: 2, averageRating: nil),
            ])
        #expect(try ledger.clearRatings("a", "b") == 2)
        #expect(throws: LedgerError.noRating("a", "b")) { try ledger.clearRatings("b", "a") }
        #expect(try ledger.pastMeetings()[0].averageRating == nil)
    }

    /// A pair that met three times, rated after the first and after the third:
    /// each rating goes with the meeting before it, not with every meeting.
    @Test func aRatingIsOfTheMeetingBeforeIt() throws {
        let ledger = try Ledger.open(at: Self.temporaryPath())
        try ledger.commit(Self.round("w1", at: 100, pairs: [["a", "b"]]))
        try ledger.rate("a", "b", rating: 5, note: "super", at: Date(timeIntervalSince1970: 150))
        try ledger.commit(Self.round("w2", at: 200, pairs: [["a", "b"]]))
        try ledger.commit(Self.round("w3", at: 300, pairs: [["a", "c"]]))
        try ledger.commit(Self.round("w4", at: 400, pairs: [["b", "a"]]))
        try ledger.rate("b", "a", rating: 2, note: "moins bien", at: Date(timeIntervalSince1970: 450))
        try ledger.rate("a", "c", rating: 4, note: nil, at: Date(timeIntervalSince1970: 460))
        let meetings = try ledger.meetings(of: "a")
        #expect(meetings.map(\.round) == ["w4", "w3", "w2", "w1"])
        #expect(meetings.map { $0.ratings.map(\.value) } == [[2], [4], [], [5]])
        // The pair's mean still counts both.
        #expect(try ledger.pastMeetings().first { $0.second == "b" }?.averageRating == 3.5)
    }

    /// A ledger written before ratings were checked may hold one for a pair
    /// that never met: it is left out of the history (it once made every
    /// later plan overflow), and it can be cleared.
    @Test func aRatingForAPairThatNeverMetIsHarmless() throws {
        let ledger = try Ledger.open(at: Self.temporaryPath())
        try ledger.commit(Self.round("one", at: 100, pairs: [["a", "b"]]))
        try ledger.queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO feedback (member_a, member_b, rating, note, rated_at) VALUES ('x', 'y', 4, NULL, '2026-01-01T00:00:00.000Z')"
            )
        }
        #expect(try ledger.pastMeetings() == [PastMeeting(first: "a", second: "b", roundsAgo: 1, averageRating: nil)])
        #expect(try ledger.clearRatings("y", "x") == 1)
    }

    @Test func aRatingIsOneToFive() throws {
        let ledger = try Ledger.open(at: Self.temporaryPath())
        #expect(throws: LedgerError.self) { try ledger.rate("a", "b", rating: 6, note: nil, at: Date()) }
    }

    /// A ledger made by the first version of the schema opens, keeps its rounds and gains the new columns.
    @Test func migrationsBringAnOldLedgerUpToDate() throws {
        let path = try Self.temporaryPathInAFolder()
        let old = try DatabaseQueue(path: path)
        try Ledger.migrator.migrate(old, upTo: "v1: rounds and feedback")
        try old.write { db in
            try db.execute(
                sql:
                    "INSERT INTO round (name, committed_at, mode, seed, total) VALUES ('ancienne', '2026-01-06T10:00:00.000Z', 'pairs', 3, 1500)"
            )
            try db.execute(sql: "INSERT INTO round_group (round_id, position, score, reasons) VALUES (1, 0, 1500, 'x')")
            try db.execute(
                sql:
                    "INSERT INTO round_member (round_id, position, slot, member_id) VALUES (1, 0, 0, 'a'), (1, 0, 1, 'b')"
            )
        }
        try old.close()
        let ledger = try Ledger.open(at: path)
        let record = try #require(try ledger.round(named: "ancienne"))
        #expect(
            record.groups == [
                RoundRecord.Group(members: ["a", "b"], score: 1500, reasons: ["x"], starter: nil, isPinned: false)
            ])
        #expect(record.notes.isEmpty)
        let applied = try ledger.queue.read { db in try Ledger.migrator.appliedMigrations(db) }
        #expect(
            applied == [
                "v1: rounds and feedback", "v2: notes, starters and pins", "v3: guarantees and facts",
                "v4: reasons and starters as facts", "v5: what history did to the scores, as facts",
                "v6: bans kept from one session to the next", "v7: members' names as they were when committed",
            ])
        #expect(try ledger.bans().isEmpty)
        #expect(record.names.isEmpty, "no names were kept then: the profiles name them")
        #expect(record.guarantee == nil, "nothing was checked for an old pairs round: no guarantee")
    }

    @Test func anUnwritablePlaceIsReported() {
        #expect(throws: LedgerError.self) { try Ledger.open(at: "/proc/patio/ledger.sqlite") }
    }
}
