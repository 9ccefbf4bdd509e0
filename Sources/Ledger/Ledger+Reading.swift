import Foundation
import GRDB

extension Ledger {
    /// Every committed round, oldest first.
    public func rounds() throws(LedgerError) -> [RoundSummary] {
        try run {
            try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.name, r.committed_at, r.mode, r.total,
                               (SELECT COUNT(*) FROM round_group g WHERE g.round_id = r.id) AS groups,
                               (SELECT COUNT(DISTINCT m.member_id) FROM round_member m WHERE m.round_id = r.id) AS members
                        FROM round r ORDER BY r.committed_at, r.id
                        """
                ).map { row in
                    RoundSummary(
                        name: row["name"], committedAt: Self.date(row["committed_at"]), mode: row["mode"],
                        groups: row["groups"], members: row["members"], total: row["total"])
                }
            }
        }
    }

    /// One round, whole; nil when there is none by that name.
    public func round(named name: String) throws(LedgerError) -> RoundRecord? {
        try run {
            try queue.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM round WHERE name = ?", arguments: [name])
                else { return nil }
                return try Self.record(from: row, db)
            }
        }
    }

    /// The round committed last, if any.
    public func lastRound() throws(LedgerError) -> RoundRecord? {
        try run {
            try queue.read { db in
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT * FROM round ORDER BY committed_at DESC, id DESC LIMIT 1")
                else { return nil }
                return try Self.record(from: row, db)
            }
        }
    }

    static func record(from row: Row, _ db: Database) throws -> RoundRecord {
        let roundID: Int64 = row["id"]
        let members = try Row.fetchAll(
            db, sql: "SELECT position, member_id, name FROM round_member WHERE round_id = ? ORDER BY position, slot",
            arguments: [roundID])
        var byGroup: [Int: [String]] = [:]
        var names: [String: String] = [:]
        for member in members {
            byGroup[member["position"], default: []].append(member["member_id"])
            if let name: String = member["name"] { names[member["member_id"]] = name }
        }
        let groups = try Row.fetchAll(
            db, sql: "SELECT * FROM round_group WHERE round_id = ? ORDER BY position", arguments: [roundID]
        ).map { group in
            RoundRecord.Group(
                members: byGroup[group["position"]] ?? [], score: group["score"],
                reasons: lines(group["reasons"]), starter: group["starter"], isPinned: group["pinned"],
                pinWarnings: group["pin_warnings"], reasonFacts: group["reason_facts"],
                starterFact: group["starter_fact"], adjustmentFacts: group["adjustment_facts"])
        }
        let unmatched = try Row.fetchAll(
            db, sql: "SELECT member_id, reason, cause, name FROM round_unmatched WHERE round_id = ? ORDER BY rowid",
            arguments: [roundID]
        ).map { row in
            if let name: String = row["name"] { names[row["member_id"]] = name }
            return RoundRecord.Unmatched(id: row["member_id"], reason: row["reason"], cause: row["cause"])
        }
        let seed: Int64 = row["seed"]
        return RoundRecord(
            name: row["name"], committedAt: date(row["committed_at"]), mode: row["mode"],
            seed: UInt64(bitPattern: seed),
            total: row["total"], upperBound: row["upper_bound"], groups: groups, unmatched: unmatched,
            notes: lines(row["notes"]),
            guarantee: row["guarantee"], noteFacts: row["note_facts"], names: names)
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: dateStyle)) ?? Date(timeIntervalSince1970: 0)
    }

    /// Everyone a member has met, newest first.
    public func meetings(of member: String) throws(LedgerError) -> [Meeting] {
        try run {
            try queue.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT r.name, r.committed_at, r.mode, g.score, g.round_id, g.position
                        FROM round_member m
                        JOIN round_group g ON g.round_id = m.round_id AND g.position = m.position
                        JOIN round r ON r.id = m.round_id
                        WHERE m.member_id = ?
                        ORDER BY r.committed_at DESC, r.id DESC
                        """, arguments: [member])
                var meetings = try rows.map { row in
                    let partners = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT member_id, name FROM round_member WHERE round_id = ? AND position = ? AND member_id != ? ORDER BY slot
                            """, arguments: [row["round_id"] as Int64, row["position"] as Int, member])
                    var names: [String: String] = [:]
                    for partner in partners {
                        if let name: String = partner["name"] { names[partner["member_id"]] = name }
                    }
                    return Meeting(
                        round: row["name"], committedAt: Self.date(row["committed_at"]), mode: row["mode"],
                        partners: partners.map { $0["member_id"] }, names: names, score: row["score"], ratings: [])
                }
                // A rating is of the pair's last meeting committed before it was given (the first
                // meeting, for one given earlier by a clock set otherwise), not of every meeting.
                for partner in Set(meetings.flatMap(\.partners)).sorted() {
                    let theirs = meetings.indices.filter { meetings[$0].partners.contains(partner) }
                    for rating in try Self.ratings(member, partner, db) {
                        let index =
                            theirs.first { meetings[$0].committedAt <= rating.ratedAt } ?? theirs[theirs.count - 1]
                        meetings[index].ratings.append(rating)
                    }
                }
                // Each meeting's ratings in the order they were given, whatever the order of its partners.
                for index in meetings.indices {
                    meetings[index].ratings.sort {
                        ($0.ratedAt, $0.first, $0.second) < ($1.ratedAt, $1.first, $1.second)
                    }
                }
                return meetings
            }
        }
    }

    /// The name the last round that names each of `members` kept for it, for those it kept one.
    public func keptNames(of members: Set<String>) throws(LedgerError) -> [String: String] {
        guard !members.isEmpty else { return [:] }
        return try run {
            try queue.read { db in
                var names: [String: String] = [:]
                // Through the index on member_id, some hundreds at a time; the later round's name last.
                let ids = members.sorted()
                for start in stride(from: 0, to: ids.count, by: 500) {
                    let chunk = Array(ids[start..<min(ids.count, start + 500)])
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                    let rows = try Row.fetchAll(
                        db,
                        sql: """
                            SELECT member_id, name, round_id FROM round_member
                            WHERE member_id IN (\(marks)) AND name IS NOT NULL
                            UNION ALL SELECT member_id, name, round_id FROM round_unmatched
                            WHERE member_id IN (\(marks)) AND name IS NOT NULL
                            ORDER BY 3
                            """, arguments: StatementArguments(chunk + chunk))
                    for row in rows { names[row["member_id"]] = row["name"] }
                }
                return names
            }
        }
    }

    /// Every member id that a committed round names (paired, at a table, or left out).
    public func memberIDs() throws(LedgerError) -> Set<String> {
        try run {
            try queue.read { db in
                Set(
                    try String.fetchAll(
                        db,
                        sql: "SELECT member_id FROM round_member UNION SELECT member_id FROM round_unmatched"))
            }
        }
    }

    /// The pairs kept apart (`ban`), each as its two ids in order, in the order of their ids.
    public func bans() throws(LedgerError) -> [(first: String, second: String)] {
        try run {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT member_a, member_b FROM ban ORDER BY member_a, member_b").map {
                    (first: $0["member_a"], second: $0["member_b"])
                }
            }
        }
    }

    /// The ratings of a pair, oldest first.
    public func ratings(_ a: String, _ b: String) throws(LedgerError) -> [Rating] {
        try run { try queue.read { db in try Self.ratings(a, b, db) } }
    }

    static func ratings(_ a: String, _ b: String, _ db: Database) throws -> [Rating] {
        let (first, second) = a < b ? (a, b) : (b, a)
        return try Row.fetchAll(
            db, sql: "SELECT rating, note, rated_at FROM feedback WHERE member_a = ? AND member_b = ? ORDER BY id",
            arguments: [first, second]
        ).map { row in
            Rating(
                first: first, second: second, value: row["rating"], note: row["note"], ratedAt: date(row["rated_at"]))
        }
    }

    /// For every pair that met: how many rounds ago they last met, and their
    /// mean rating. Ratings of pairs no round paired (a ledger from before
    /// `rate` checked it) are left out: they describe no meeting.
    public func pastMeetings() throws(LedgerError) -> [PastMeeting] {
        try run {
            try queue.read { db in
                let order = try Int64.fetchAll(db, sql: "SELECT id FROM round ORDER BY committed_at DESC, id DESC")
                var roundsAgo: [Int64: Int] = [:]
                for (index, id) in order.enumerated() { roundsAgo[id] = index + 1 }
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.member_id AS first, b.member_id AS second, a.round_id AS round_id
                        FROM round_member a JOIN round_member b
                          ON a.round_id = b.round_id AND a.position = b.position AND a.member_id < b.member_id
                        """)
                var latest: [String: (String, String, Int)] = [:]
                for row in rows {
                    let first: String = row["first"]
                    let second: String = row["second"]
                    guard let ago = roundsAgo[row["round_id"] as Int64] else { continue }
                    let key = first + "\u{1}" + second
                    if latest[key].map({ ago < $0.2 }) ?? true { latest[key] = (first, second, ago) }
                }
                var ratings: [String: [Int]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT member_a, member_b, rating FROM feedback") {
                    ratings[(row["member_a"] as String) + "\u{1}" + (row["member_b"] as String), default: []].append(
                        row["rating"])
                }
                return latest.map { key, value in
                    PastMeeting(
                        first: value.0, second: value.1, roundsAgo: value.2,
                        averageRating: ratings[key].map { Double($0.reduce(0, +)) / Double($0.count) })
                }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
            }
        }
    }
}
