import Foundation
import GRDB
import Synchronization
import Testing

@testable import Ledger

/// Two processes on one ledger: readers never wait for a writer; a writer
/// that waits says so and gives up after `Ledger.waitLimit` seconds.
struct LedgerWaitTests {
    @Test func readersDoNotWaitAndAWaitingWriterSaysSo() throws {
        let path = LedgerTests.temporaryPath()
        try Ledger.open(at: path).commit(LedgerTests.round("mardi", at: 1_796_000_000, pairs: [["a", "b"]]))
        // Another connection holds the write lock, as another patio committing would.
        let other = try DatabaseQueue(path: path)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            try? other.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    holding.signal()
                    release.wait()
                    return .rollback
                }
            }
            done.signal()
        }.start()
        holding.wait()
        defer {
            release.signal()
            done.wait()
        }
        // The lock beside the ledger is held too: an up-to-date ledger does not need it.
        let lock = open(path + ".lock", O_RDWR)
        #expect(flock(lock, LOCK_EX) == 0)
        defer { close(lock) }

        let waits = Atomic<Int>(0)
        let started = Date()
        let ledger = try Ledger.open(at: path, onWait: { waits.add(1, ordering: .relaxed) })
        #expect(try ledger.rounds().map(\.name) == ["mardi"])
        #expect(try ledger.pastMeetings().count == 1)
        #expect(waits.load(ordering: .relaxed) == 0)
        #expect(Date().timeIntervalSince(started) < 1)

        #expect(throws: LedgerError.busy(path: path)) {
            try ledger.commit(LedgerTests.round("jeudi", at: 1_796_100_000, pairs: [["a", "c"]]))
        }
        #expect(waits.load(ordering: .relaxed) == 1)
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= Double(Ledger.waitLimit) - 0.5 && waited < Double(Ledger.waitLimit) + 3)
    }

    @Test func aNewLedgerWaitsForTheLockThenSaysItIsBusy() throws {
        let path = try LedgerTests.temporaryPathInAFolder()
        let lock = open(path + ".lock", O_CREAT | O_RDWR, 0o644)
        #expect(flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        let waits = Atomic<Int>(0)
        #expect(throws: LedgerError.busy(path: path)) {
            try Ledger.open(at: path, onWait: { waits.add(1, ordering: .relaxed) })
        }
        #expect(waits.load(ordering: .relaxed) == 1)
    }
}
