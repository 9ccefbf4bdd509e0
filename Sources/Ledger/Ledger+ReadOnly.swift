import Foundation
import Glibc
import GRDB

/// A ledger this process may not write: opened to be read only.
extension Ledger {
    /// Whether this process may write the ledger at `path` as SQLite does
    /// in WAL mode: the file, and its journal and shared-memory files beside
    /// it (made in its folder when they are not there).
    public static func canWrite(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK) == 0 { return true }
        return access(path + "-wal", W_OK) == 0 && access(path + "-shm", W_OK) == 0
    }

    /// Opens a ledger this process may not write, to be read only, making no
    /// file beside it (a journal made by this process would be its own,
    /// and could keep its keeper from writing). With a journal beside it (a
    /// patio writing to it), through SQLite's read-only WAL access, from
    /// that patio's journal and shared memory. Without one, everything
    /// committed is in the file itself: it is copied (`snapshot`), and the
    /// copy read, again by the next openings while the file is unchanged
    /// (`SnapshotCache`). A patio that starts or stops writing in the meantime
    /// (its journal appears or goes, the file changes) makes it try again,
    /// every 10 ms up to `waitLimit` seconds, and then say the ledger is
    /// busy. A ledger whose schema is older than this version's cannot be
    /// brought up to date, and is refused.
    ///
    /// A journal that SQLite cannot read in place (no shared-memory file
    /// beside it, and none can be made: `journalIsReadableInPlace`) is read
    /// from a private copy too, the file and its journal copied together
    /// and the journal folded into the copy (`journalSnapshot`).
    static func openReadOnly(
        at path: String, readsJournalInPlace: (String) -> Bool = journalIsReadableInPlace
    ) throws(LedgerError) -> Ledger {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.journalMode = .default
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .callback { tries in
            guard tries < Self.waitLimit * 100 else { return false }
            usleep(10_000)
            return true
        }
        func ready(_ queue: DatabaseQueue, _ opening: Opening) throws -> Ledger {
            guard try queue.read({ db in try Self.migrator.hasCompletedMigrations(db) }) else {
                throw LedgerError.readOnly(path: path, outdated: true)
            }
            return Ledger(path: path, queue: queue, opening: opening)
        }
        /// A private copy opened as it is, never to change; read once opened, its name is no longer needed.
        func copyQueue(_ copy: String) throws -> DatabaseQueue {
            defer { unlink(copy) }
            return try DatabaseQueue(path: "file:" + uriEscaped(copy) + "?immutable=1", configuration: configuration)
        }
        // What a writer starting or stopping can cause while the ledger is opened: tried again.
        let passing: [ResultCode] = [.SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_READONLY, .SQLITE_CANTOPEN]
        var tries = 0
        while true {
            do {
                if journalSize(path) > 0 {
                    if readsJournalInPlace(path) {
                        return try ready(try DatabaseQueue(path: path, configuration: configuration), .readOnly)
                    }
                    if case .copy(let copy, _) = try journalSnapshot(of: path) {
                        return try ready(try copyQueue(copy), .snapshot)
                    }
                }
                // The copy of the same file taken for an earlier opening (a command reads the ledger a few times).
                if let stamp = fileStamp(path), let queue = SnapshotCache.shared.queue(of: path, stamp: stamp) {
                    return Ledger(path: path, queue: queue, opening: .snapshot)
                }
                if case .copy(let copy, let stamp) = try snapshot(of: path) {
                    let queue = try copyQueue(copy)
                    let ledger = try ready(queue, .snapshot)
                    SnapshotCache.shared.keep(queue, of: path, stamp: stamp)
                    return ledger
                }
            } catch let error as DatabaseError where passing.contains(error.resultCode) && tries < Self.waitLimit * 100
            {
                // Tried again below.
            } catch let error as DatabaseError where error.resultCode == .SQLITE_LOCKED {
                throw LedgerError.busy(path: path)
            } catch {
                throw openingError(error, path: path)
            }
            tries += 1
            guard tries <= Self.waitLimit * 100 else { throw LedgerError.busy(path: path) }
            usleep(10_000)
        }
    }

    /// The size of the journal beside the ledger (0 when there is none).
    static func journalSize(_ path: String) -> Int {
        var status = stat()
        return stat(path + "-wal", &status) == 0 ? Int(status.st_size) : 0
    }

    /// What copying the ledger gave.
    enum Snapshot {
        /// A private copy, the same file from start to end of the copy, and that file's stamp.
        case copy(String, stamp: [Int])
        /// A journal appeared beside it: it is to be read too.
        case journalAppeared
        /// The file changed while it was copied (a checkpoint, a new ledger in its place).
        case changed
    }

    /// A private copy of the ledger at `path`, kept when the file was the
    /// same from start to end of the copy (inode, size and times unchanged)
    /// with no journal beside it.
    static func snapshot(of path: String) throws(LedgerError) -> Snapshot {
        let before = fileStamp(path)
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw LedgerError.cannotOpen(path: path, reason: "\(error.localizedDescription)")
        }
        guard journalSize(path) == 0 else { return .journalAppeared }
        guard let before, fileStamp(path) == before else { return .changed }
        let copy = privateCopyName()
        guard FileManager.default.createFile(atPath: copy, contents: bytes, attributes: [.posixPermissions: 0o600])
        else {
            throw LedgerError.cannotOpen(path: path, reason: "no copy of it can be made in \(NSTemporaryDirectory())")
        }
        return .copy(copy, stamp: before)
    }

    /// A new name in the temporary folder for a private copy of a ledger.
    static func privateCopyName() -> String {
        NSTemporaryDirectory() + "patio-ledger-\(getpid())-\(UUID().uuidString).sqlite"
    }

    /// Whether SQLite can read the journal beside the ledger where it is: its
    /// shared-memory file is there to be read, or can be made in the folder.
    /// Not so for a ledger copied with its journal but not that file, or
    /// left so by a patio that stopped, in a folder this user may not write.
    static func journalIsReadableInPlace(_ path: String) -> Bool {
        if access(path + "-shm", R_OK) == 0 { return true }
        let folder = (path as NSString).deletingLastPathComponent
        return access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// A private copy of the ledger at `path` with what its journal holds:
    /// the file and its journal copied together (both the same from start
    /// to end of the copy), then the journal folded into the copy, which is
    /// left alone in its temporary folder.
    static func journalSnapshot(of path: String) throws(LedgerError) -> Snapshot {
        let journal = path + "-wal"
        let before = (fileStamp(path), fileStamp(journal))
        let bytes: (file: Data, journal: Data)
        do {
            bytes = (
                try Data(contentsOf: URL(fileURLWithPath: path)), try Data(contentsOf: URL(fileURLWithPath: journal))
            )
        } catch {
            throw LedgerError.cannotOpen(path: path, reason: "\(error.localizedDescription)")
        }
        guard let stamp = before.0, before.1 != nil, fileStamp(path) == stamp, fileStamp(journal) == before.1 else {
            return .changed
        }
        let copy = privateCopyName()
        func remove() { for suffix in ["", "-wal", "-shm"] { unlink(copy + suffix) } }
        let made = [(copy, bytes.file), (copy + "-wal", bytes.journal)].allSatisfy { name, contents in
            FileManager.default.createFile(atPath: name, contents: contents, attributes: [.posixPermissions: 0o600])
        }
        do {
            guard made else { throw LedgerError.cannotOpen(path: path, reason: "") }
            let queue = try DatabaseQueue(path: copy)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try queue.close()
        } catch {
            remove()
            throw LedgerError.cannotOpen(
                path: path, reason: "no copy of it and its journal can be made in \(NSTemporaryDirectory())")
        }
        unlink(copy + "-wal")
        unlink(copy + "-shm")
        return .copy(copy, stamp: stamp)
    }

    /// What tells one state of a file from another: its inode, size, and
    /// modification and change times (nil when there is no file).
    static func fileStamp(_ path: String) -> [Int]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [
            Int(status.st_ino), Int(status.st_size), status.st_mtim.tv_sec, status.st_mtim.tv_nsec,
            status.st_ctim.tv_sec, status.st_ctim.tv_nsec,
        ]
    }

    /// The last copy of each ledger read only, kept open while its file is
    /// unchanged (same stamp, no journal), so that the readings of one
    /// command, or of the next, do not copy it again.
    final class SnapshotCache: @unchecked Sendable {
        static let shared = SnapshotCache()
        private let lock = NSLock()
        private var kept: [String: (stamp: [Int], queue: DatabaseQueue)] = [:]

        func queue(of path: String, stamp: [Int]) -> DatabaseQueue? {
            lock.withLock { kept[path].flatMap { $0.stamp == stamp ? $0.queue : nil } }
        }

        func keep(_ queue: DatabaseQueue, of path: String, stamp: [Int]) {
            lock.withLock { kept[path] = (stamp, queue) }
        }
    }

    /// A path as the path of a SQLite URI: '%', '?' and '#' escaped.
    static func uriEscaped(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
