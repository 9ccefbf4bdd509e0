import GRDB

/// The ledger's schema, version by version.
extension Ledger {
    /// Versions of the schema, oldest first; a ledger is brought up to the last one when opened.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: rounds and feedback") { db in
            try db.execute(
                sql: """
                    CREATE TABLE round (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL UNIQUE,
                        committed_at TEXT NOT NULL,
                        mode TEXT NOT NULL,
                        seed INTEGER NOT NULL,
                        total INTEGER NOT NULL,
                        upper_bound INTEGER
                    );
                    CREATE TABLE round_group (
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        score INTEGER NOT NULL,
                        reasons TEXT NOT NULL,
                        PRIMARY KEY (round_id, position)
                    );
                    CREATE TABLE round_member (
                        round_id INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        slot INTEGER NOT NULL,
                        member_id TEXT NOT NULL,
                        PRIMARY KEY (round_id, position, slot),
                        FOREIGN KEY (round_id, position) REFERENCES round_group(round_id, position) ON DELETE CASCADE
                    );
                    CREATE INDEX round_member_by_member ON round_member(member_id);
                    CREATE TABLE round_unmatched (
                        round_id INTEGER NOT NULL REFERENCES round(id) ON DELETE CASCADE,
                        member_id TEXT NOT NULL,
                        reason TEXT NOT NULL
                    );
                    CREATE TABLE feedback (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        member_a TEXT NOT NULL,
                        member_b TEXT NOT NULL,
                        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                        note TEXT,
                        rated_at TEXT NOT NULL,
                        CHECK (member_a < member_b)
                    );
                    """)
        }
        migrator.registerMigration("v2: notes, starters and pins") { db in
            try db.execute(
                sql: """
                    ALTER TABLE round ADD COLUMN notes TEXT NOT NULL DEFAULT '';
                    ALTER TABLE round_group ADD COLUMN starter TEXT;
                    ALTER TABLE round_group ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
                    CREATE INDEX feedback_by_pair ON feedback(member_a, member_b);
                    """)
        }
        migrator.registerMigration("v3: guarantees and facts") { db in
            // What was proved, the notes, causes and pin warnings as facts
            // (the shell's JSON). Rounds from before keep their words; their
            // circles bound becomes the guarantee it stood for, their pairs
            // and mentoring claims, which nothing checked, none.
            try db.execute(
                sql: """
                    ALTER TABLE round ADD COLUMN guarantee TEXT;
                    ALTER TABLE round ADD COLUMN note_facts TEXT;
                    ALTER TABLE round_unmatched ADD COLUMN cause TEXT;
                    ALTER TABLE round_group ADD COLUMN pin_warnings TEXT;
                    UPDATE round SET guarantee = json_object(
                        'claim', json_object('withinBound', json_object('upperBound', upper_bound)),
                        'coverage', json_object('everyAdmissiblePair', json_object()),
                        'members', (SELECT COUNT(*) FROM round_member m WHERE m.round_id = round.id)
                                  + (SELECT COUNT(*) FROM round_unmatched u WHERE u.round_id = round.id),
                        'isWholeCommunity', json('false'), 'pinnedGroups', 0, 'isFairnessAdjusted', json('false'),
                        'isCardinalityFirst', json('false'), 'excludesRepeats', json('false'), 'repeatPairs', 0)
                    WHERE upper_bound IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v4: reasons and starters as facts") { db in
            try db.execute(
                sql: """
                    ALTER TABLE round_group ADD COLUMN reason_facts TEXT;
                    ALTER TABLE round_group ADD COLUMN starter_fact TEXT;
                    """)
        }
        migrator.registerMigration("v5: what history did to the scores, as facts") { db in
            try db.execute(sql: "ALTER TABLE round_group ADD COLUMN adjustment_facts TEXT;")
        }
        migrator.registerMigration("v6: bans kept from one session to the next") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ban (
                        member_a TEXT NOT NULL,
                        member_b TEXT NOT NULL,
                        banned_at TEXT NOT NULL,
                        PRIMARY KEY (member_a, member_b)
                    );
                    """)
        }
        migrator.registerMigration("v7: members' names as they were when committed") { db in
            // A member who leaves (its profile taken out) is still named in the rounds it was in.
            try db.execute(
                sql: """
                    ALTER TABLE round_member ADD COLUMN name TEXT;
                    ALTER TABLE round_unmatched ADD COLUMN name TEXT;
                    """)
        }
        return migrator
    }
}
