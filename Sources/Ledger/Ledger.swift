import Foundation
import Glibc
import GRDB

/// The record of committed rounds and of feedback on meetings: a SQLite file
/// (through GRDB), in WAL mode, with migrations from the first version on.
///
/// A commit is one transaction: a crash or a kill at any moment loses no
/// committed round and leaves nothing half-written. Two shells on the same
/// ledger take turns: readers never wait (WAL lets them read while another
/// writes); a writer that finds another writing waits up to `waitLimit`
/// seconds, says so (`onWait`) once the wait passes half a second, and then
/// reports that the ledger is busy.
///
/// A ledger this process may not write (the file, or the folder its
/// journal goes in, belongs to someone else) is opened to be read only:
/// every reading works, and every writing is refused (`readOnly`) before
/// anything is tried.
public struct Ledger: Sendable {
    public let path: String
    let queue: DatabaseQueue
    let opening: Opening

    /// How the ledger was opened: to be written, or read only (`openReadOnly`).
    enum Opening {
        case readWrite
        /// Read only, through the journal and shared memory of the patio writing to it.
        case readOnly
        /// Read only, from a copy of the file made when it was opened (no journal was beside it).
        case snapshot
    }

    /// Whether the ledger was opened to be read only (see `open`).
    public var isReadOnly: Bool { opening != .readWrite }

    init(path: String, queue: DatabaseQueue, opening: Opening = .readWrite) {
        self.path = path
        self.queue = queue
        self.opening = opening
    }

    /// How long a writer waits for another, in seconds.
    public static let waitLimit = 5
    /// Retries (10 ms each) before a wait is worth saying: two shells taking
    /// turns wait a few milliseconds at a time, and say nothing of it.
    static let quietTries = 50

    /// Opens (or creates) the ledger and brings its schema up to date.
    /// - Parameters:
    ///   - makesFolder: whether a missing folder is made for it (the one kept
    ///     beside the profiles, `.patio`), or is an error (a path named by the
    ///     user: mistyped, it would start a new history somewhere unseen).
    ///   - onWait: called once, when a write has waited half a second for another process.
    public static func open(at path: String, makesFolder: Bool = true, onWait: (@Sendable () -> Void)? = nil)
        throws(LedgerError) -> Ledger
    {
        // A folder, a device or a pipe (/dev/null) is no file to keep rounds in: nothing is made beside it.
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            throw (status.st_mode & S_IFMT) == S_IFDIR ? LedgerError.isFolder(path: path) : .notAFile(path: path)
        }
        var isFolder: ObjCBool = false
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !makesFolder
            && !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue)
        {
            throw LedgerError.noFolder(path: path, folder: folder)
        }
        if !folder.isEmpty {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw LedgerError.cannotMakeFolder(path: path, folder: folder)
            }
        }
        if FileManager.default.fileExists(atPath: path) && !canWrite(path) {
            return try openReadOnly(at: path)
        }
        var configuration = Configuration()
        // The ledger is switched to WAL once, when it is created (the mode is
        // kept in the file): asking again at every opening would write, and
        // so wait for any writer, even to read.
        configuration.journalMode = .default
        configuration.foreignKeysEnabled = true
        // SQLite calls this while another connection holds the write lock:
        // say so once, retry every 10 ms, give up after waitLimit seconds.
        let retries = Self.waitLimit * 100
        configuration.busyMode = .callback { tries in
            if tries == Self.quietTries { onWait?() }
            guard tries < retries else { return false }
            usleep(10_000)
            return true
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            // An up-to-date ledger is only read: no lock to take. A ledger that
            // another process is creating right now may not answer yet: it is
            // then taken as not up to date, and the lock below settles it.
            if (try? queue.read({ db in try Self.migrator.hasCompletedMigrations(db) })) == true {
                return Ledger(path: path, queue: queue)
            }
            // Another program's database (tables, but none of a ledger's migrations) is left as it
            // is, without even a lock file beside it.
            try queue.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if !tables.isEmpty && !tables.contains("grdb_migrations") {
                    throw LedgerError.notALedger(path: path)
                }
            }
            // Two shells opening a new ledger at once would both migrate it: the
            // first to take this lock does, the other then finds it up to date.
            let lock = try FileLock(path + ".lock", onWait: onWait)
            defer { lock.release() }
            try queue.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw LedgerError.cannotOpen(path: path, reason: "the ledger cannot be put in WAL mode")
                }
            }
            try Self.migrator.migrate(queue)
            return Ledger(path: path, queue: queue)
        } catch {
            throw openingError(error, path: path)
        }
    }

    /// What went wrong opening the ledger at `path`, in the ledger's terms.
    static func openingError(_ error: any Error, path: String) -> LedgerError {
        switch error {
        case let error as LedgerError: return error
        case let error as DatabaseError where error.resultCode == .SQLITE_BUSY: return .busy(path: path)
        case let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode):
            return .damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        case let error as DatabaseError: return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        default: return .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Writes through `body` in one transaction, the ledger's errors for
    /// SQLite's; refused at once when the ledger is read only.
    func write<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        guard !isReadOnly else { throw LedgerError.readOnly(path: path, outdated: false) }
        return try run { try queue.write(body) }
    }

    /// An exclusive `flock` on a file beside the ledger, taken within the wait limit or not at all.
    struct FileLock {
        let descriptor: Int32

        init(_ path: String, onWait: (@Sendable () -> Void)?) throws(LedgerError) {
            descriptor = Glibc.open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return }  // A read-only folder: SQLite's own locks still hold.
            var tries = 0
            while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                if tries == Ledger.quietTries { onWait?() }
                tries += 1
                guard tries <= Ledger.waitLimit * 100 else {
                    close(descriptor)
                    throw LedgerError.busy(path: String(path.dropLast(".lock".count)))
                }
                usleep(10_000)
            }
        }

        func release() {
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    /// Dates as ISO 8601 text with milliseconds, in UTC: readable in the file and ordered as text.
    static let dateStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func text(_ date: Date) -> String { date.formatted(dateStyle) }

    /// Runs database work, turning its errors into the ledger's own.
    func run<T>(_ body: () throws -> T) throws(LedgerError) -> T {
        do {
            return try body()
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw LedgerError.busy(path: path)
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw LedgerError.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        } catch let error as DatabaseError {
            throw LedgerError.failed(reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw LedgerError.failed(reason: "\(error)")
        }
    }

    // MARK: Writing

    /// Records a round, all of it or nothing; with `mark`, only if no round
    /// was committed since the ledger stood there (checked in the same
    /// transaction). Returns where the ledger stands after it.
    @discardableResult
    public func commit(_ record: RoundRecord, ifStill mark: LedgerMark? = nil) throws(LedgerError) -> LedgerMark {
        try commit([record], ifStill: mark)
    }

    /// Records `records` in order, in one transaction: all of them or none
    /// (a plan committed with `--all`, a kill in the middle).
    public func commit(_ records: [RoundRecord], ifStill mark: LedgerMark? = nil) throws(LedgerError) -> LedgerMark {
        try write { db in
            if let mark {
                let since = try String.fetchAll(
                    db, sql: "SELECT name FROM round WHERE id > ? ORDER BY id", arguments: [mark.lastRound ?? 0])
                if !since.isEmpty { throw LedgerError.changedSince(rounds: since) }
            }
            var last = mark ?? LedgerMark.empty
            for record in records { last = try Self.insert(record, into: db) }
            return last
        }
    }

    /// One round's rows; the mark after it.
    private static func insert(_ record: RoundRecord, into db: Database) throws -> LedgerMark {
        if try Int.fetchOne(db, sql: "SELECT 1 FROM round WHERE name = ?", arguments: [record.name]) != nil {
            throw LedgerError.roundExists(name: record.name)
        }
        try db.execute(
            sql: """
                INSERT INTO round (name, committed_at, mode, seed, total, upper_bound, notes, guarantee, note_facts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.name, Self.text(record.committedAt), record.mode, Int64(bitPattern: record.seed),
                record.total,
                record.upperBound, record.notes.joined(separator: "\n"), record.guarantee, record.noteFacts,
            ])
        let roundID = db.lastInsertedRowID
        for (position, group) in record.groups.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO round_group (round_id, position, score, reasons, starter, pinned, pin_warnings, reason_facts, starter_fact, adjustment_facts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    roundID, position, group.score, group.reasons.joined(separator: "\n"), group.starter,
                    group.isPinned,
                    group.pinWarnings, group.reasonFacts, group.starterFact, group.adjustmentFacts,
                ])
            for (slot, member) in group.members.enumerated() {
                try db.execute(
                    sql: "INSERT INTO round_member (round_id, position, slot, member_id, name) VALUES (?, ?, ?, ?, ?)",
                    arguments: [roundID, position, slot, member, record.names[member]])
            }
        }
        for unmatched in record.unmatched {
            try db.execute(
                sql: "INSERT INTO round_unmatched (round_id, member_id, reason, cause, name) VALUES (?, ?, ?, ?, ?)",
                arguments: [roundID, unmatched.id, unmatched.reason, unmatched.cause, record.names[unmatched.id]])
        }
        return LedgerMark(lastRound: roundID)
    }

    /// Gives everything recorded under `old` to `new`, in one transaction:
    /// its places in rounds, its ratings and its bans (a profile whose file
    /// was renamed, its id with it, left its history under the old id).
    /// Refused when the two ids sat in one round (two members), or when
    /// nothing names `old`.
    public func moveHistory(from old: String, to new: String) throws(LedgerError) -> MovedHistory {
        try write { db in
            if let round = try String.fetchOne(
                db,
                sql: """
                    SELECT name FROM round WHERE id IN (
                        SELECT round_id FROM round_member WHERE member_id = ?
                        INTERSECT SELECT round_id FROM round_member WHERE member_id = ?) ORDER BY id LIMIT 1
                    """, arguments: [old, new])
            {
                throw LedgerError.inOneRound(old, new, round: round)
            }
            let ofTheRounds = """
                IN (SELECT round_id FROM round_member WHERE member_id = ?
                UNION SELECT round_id FROM round_unmatched WHERE member_id = ?)
                """
            let rounds =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM round WHERE id " + ofTheRounds, arguments: [old, old])
                ?? 0
            // The facts those rounds keep (reasons, starters, pin warnings, notes, causes) name members by id too.
            func renameFacts(in table: String, _ columns: [String], where condition: String) throws {
                let rows = try Row.fetchAll(
                    db,
                    sql:
                        "SELECT rowid AS row_key, \(columns.joined(separator: ", ")) FROM \(table) WHERE \(condition)",
                    arguments: [old, old])
                for row in rows {
                    let renamed: [String?] = columns.map {
                        (row[$0] as String?).map { Self.renamingID(old, to: new, in: $0) }
                    }
                    try db.execute(
                        sql:
                            "UPDATE \(table) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE rowid = ?",
                        arguments: StatementArguments(renamed) + [row["row_key"] as Int64])
                }
            }
            try renameFacts(
                in: "round_group", ["reason_facts", "starter_fact", "pin_warnings"],
                where: "round_id " + ofTheRounds)
            try renameFacts(in: "round", ["note_facts"], where: "id " + ofTheRounds)
            try renameFacts(in: "round_unmatched", ["cause"], where: "member_id = ? OR member_id = ?")
            try db.execute(sql: "UPDATE round_member SET member_id = ? WHERE member_id = ?", arguments: [new, old])
            try db.execute(
                sql: "UPDATE round_unmatched SET member_id = ? WHERE member_id = ?", arguments: [new, old])
            // Pairs are kept in order (a < b): each is written again in the order of its new ids.
            let ratings = try Row.fetchAll(
                db, sql: "SELECT id, member_a, member_b FROM feedback WHERE member_a = ? OR member_b = ?",
                arguments: [old, old])
            for row in ratings {
                let other: String = row["member_a"] == old ? row["member_b"] : row["member_a"]
                try db.execute(
                    sql: "UPDATE feedback SET member_a = ?, member_b = ? WHERE id = ?",
                    arguments: [min(new, other), max(new, other), row["id"] as Int64])
            }
            let bans = try Row.fetchAll(
                db, sql: "SELECT member_a, member_b, banned_at FROM ban WHERE member_a = ? OR member_b = ?",
                arguments: [old, old])
            for row in bans {
                let other: String = row["member_a"] == old ? row["member_b"] : row["member_a"]
                // A ban between the two ids would keep a member apart from itself: it goes.
                guard other != new else { continue }
                try db.execute(
                    sql: "INSERT OR IGNORE INTO ban (member_a, member_b, banned_at) VALUES (?, ?, ?)",
                    arguments: [min(new, other), max(new, other), row["banned_at"] as String])
            }
            try db.execute(sql: "DELETE FROM ban WHERE member_a = ? OR member_b = ?", arguments: [old, old])
            guard rounds + ratings.count + bans.count > 0 else { throw LedgerError.nothingUnder(old) }
            return MovedHistory(rounds: rounds, ratings: ratings.count, bans: bans.count)
        }
    }

    /// The keys under which the facts a round keeps name a member.
    static let memberKeys: Set<String> = [
        "seeker", "offerer", "asker", "expert", "of", "first", "second", "member", "id",
    ]

    /// `text` (a fact as JSON) with `old` put as `new` wherever a member is
    /// named by id; a pair (`first`, `second`) stays in order. Text that is
    /// not JSON stays as it is.
    static func renamingID(_ old: String, to new: String, in text: String) -> String {
        guard let data = text.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return text }
        func walk(_ value: Any) -> Any {
            if let list = value as? [Any] { return list.map(walk) }
            guard var object = value as? [String: Any] else { return value }
            for (key, inner) in object {
                object[key] = memberKeys.contains(key) && inner as? String == old ? new : walk(inner)
            }
            if let first = object["first"] as? String, let second = object["second"] as? String, first > second {
                (object["first"], object["second"]) = (second, first)
            }
            return object
        }
        guard
            let renamed = try? JSONSerialization.data(
                withJSONObject: walk(value), options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return text }
        return String(data: renamed, encoding: .utf8) ?? text
    }

    /// Where the ledger stands now.
    public func mark() throws(LedgerError) -> LedgerMark {
        try run {
            try queue.read { db in LedgerMark(lastRound: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM round")) }
        }
    }

    /// Keeps two members apart in every match from now on, until `lift`.
    /// Returns false when they were kept apart already.
    @discardableResult
    public func ban(_ a: String, _ b: String, at date: Date) throws(LedgerError) -> Bool {
        let (first, second) = a < b ? (a, b) : (b, a)
        // Read only: a ban it keeps already asks nothing of it.
        if isReadOnly, try bans().contains(where: { $0 == (first, second) }) { return false }
        return try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO ban (member_a, member_b, banned_at) VALUES (?, ?, ?)",
                arguments: [first, second, Self.text(date)])
            return db.changesCount > 0
        }
    }

    /// Lifts the ban between two members; false when there was none (a
    /// ledger read only is refused only when there is one).
    @discardableResult
    public func lift(_ a: String, _ b: String) throws(LedgerError) -> Bool {
        let (first, second) = a < b ? (a, b) : (b, a)
        if isReadOnly, try !bans().contains(where: { $0 == (first, second) }) { return false }
        return try write { db in
            try db.execute(sql: "DELETE FROM ban WHERE member_a = ? AND member_b = ?", arguments: [first, second])
            return db.changesCount > 0
        }
    }

    /// Records how a meeting went, 1 to 5: only for two members a committed
    /// round paired (or put at one table), checked in the same transaction.
    public func rate(_ a: String, _ b: String, rating: Int, note: String?, at date: Date) throws(LedgerError) {
        let (first, second) = a < b ? (a, b) : (b, a)
        // Read only: a meeting that never happened is said so first, as it would be anywhere.
        if isReadOnly, try !run({ try queue.read { db in try Self.haveMet(first, second, db) } }) {
            throw LedgerError.neverMet(first, second)
        }
        try write { db in
            guard try Self.haveMet(first, second, db) else { throw LedgerError.neverMet(first, second) }
            try db.execute(
                sql: "INSERT INTO feedback (member_a, member_b, rating, note, rated_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [first, second, rating, note, Self.text(date)])
        }
    }

    /// Removes every rating of a pair; returns how many there were.
    @discardableResult
    public func clearRatings(_ a: String, _ b: String) throws(LedgerError) -> Int {
        let (first, second) = a < b ? (a, b) : (b, a)
        return try write { db in
            try db.execute(
                sql: "DELETE FROM feedback WHERE member_a = ? AND member_b = ?", arguments: [first, second])
            guard db.changesCount > 0 else { throw LedgerError.noRating(first, second) }
            return db.changesCount
        }
    }

    static func haveMet(_ first: String, _ second: String, _ db: Database) throws -> Bool {
        try Int.fetchOne(
            db,
            sql: """
                SELECT 1 FROM round_member a JOIN round_member b ON a.round_id = b.round_id AND a.position = b.position
                WHERE a.member_id = ? AND b.member_id = ? LIMIT 1
                """, arguments: [first, second]) != nil
    }
}
