import Community
import Foundation
import GRDB
import Testing

@testable import Ledger
@testable import Matchmaker
@testable import Shell

/// What a round claims is kept with it: a committed round shows the guarantee
/// checked when it was drafted, and a round from before guarantees were kept
/// shows what its data supports and nothing more.
struct RoundFactsTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-facts-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A round committed at 23:30 UTC on 4 December is of the 5th in Valenciennes: named as the
    /// machine's zone dates it, as 'rounds' shows it.
    @Test func aRoundsDefaultNameIsItsLocalDay() {
        let draft = Draft(
            mode: .pairs, seed: 1, groups: [], unmatched: [], notes: [],
            guarantee: Guarantee(claim: .optimal, coverage: .everyAdmissiblePair, members: 0, pinnedGroups: 0))
        let late = Date(timeIntervalSince1970: 1_796_427_000)  // 2026-12-04T23:30:00Z
        #expect(RoundCommands.defaultName(for: draft, now: late, in: .gmt) == "pairs-2026-12-04")
        #expect(
            RoundCommands.defaultName(for: draft, now: late, in: TimeZone(identifier: "Europe/Paris")!)
                == "pairs-2026-12-05")
    }

    /// The rounds of a day are numbered on from the highest, whether committed
    /// one by one or as a plan: their names sort in the order they were
    /// committed, and a plan's rounds are not numbered twice (`-1-6`).
    @Test func aDaysRoundsAreNumberedInTheOrderTheyCame() {
        let day = "pairs-2026-12-05"
        var taken = Set<String>()
        func commit(_ count: Int) -> [String] {
            let names = RoundCommands.defaultNames(day, count: count, taken: taken)
            taken.formUnion(names)
            return names
        }
        #expect(commit(1) == [day])
        #expect(commit(1) == ["\(day)-2"])
        #expect(commit(3) == ["\(day)-3", "\(day)-4", "\(day)-5"])
        #expect(commit(1) == ["\(day)-6"])
        taken = []
        #expect(commit(2) == ["\(day)-1", "\(day)-2"], "a plan first on its day")
        #expect(commit(1) == ["\(day)-3"], "after it, not before it")
        taken = ["\(day)-2-1", "\(day)-x", "lundi"]
        #expect(commit(1) == [day], "names that are not the day's numbers do not count")
    }

    @Test func aCommittedRoundKeepsItsGuaranteeAndFacts() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = Draft(
            mode: .pairs, seed: 3,
            groups: [
                Draft.Group(
                    members: ["a", "b"], score: 1200, reasons: [.sharedInterest("VR")],
                    starter: .sharedInterest("VR"), isPinned: true,
                    pinWarnings: [.overrides(MemberPair("a", "b"), .language)])
            ],
            unmatched: [Draft.Unmatched(id: "c", cause: .noSharedLanguage(speaks: ["ja"], with: .anyone))],
            notes: [.planRound(1, of: 2)],
            guarantee: Guarantee(
                claim: .optimal, coverage: .candidates(perMember: 40, pairs: 900), members: 3, pinnedGroups: 1),
            pins: [MemberPair("a", "b")], bans: [MemberPair("a", "c")])
        let ledger = try Ledger.open(at: folder.appendingPathComponent("ledger.sqlite").path)
        try ledger.commit(
            StoredFacts.record(
                draft, name: "r1", at: Date(timeIntervalSince1970: 1_796_112_000), directory: .init(members: [])))
        let record = try #require(try ledger.round(named: "r1"))
        let view = RoundView(record: record, directory: .init(members: []))
        #expect(view.guarantee == draft.guarantee)
        #expect(view.pins == draft.pins && view.bans == draft.bans)
        #expect(view.groups[0].pinWarnings == draft.groups[0].pinWarnings)
        #expect(view.reasons(of: view.groups[0]).last == "both are into VR")
        #expect(view.starterText(of: view.groups[0]) == "What got you into VR?")
        guard case .fact(let cause) = view.unmatched[0].cause, case .fact(let note) = view.notes[0] else {
            Issue.record("facts come back as facts")
            return
        }
        #expect(cause == draft.unmatched[0].cause && note == draft.notes[0])
        #expect(
            view.summary.hasSuffix(
                "optimal among the candidate pairs only (each member's 40 best partners, 900 pairs, given 1 pin); not proved over every pair"
            ))
    }

    /// Rounds from the first schemas: the circles bound becomes the guarantee
    /// it stood for; a pairs round, whose claim nothing checked, claims nothing.
    @Test func anOldLedgerClaimsOnlyWhatItsDataSupports() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Ledger.migrator.migrate(old, upTo: "v2: notes, starters and pins")
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO round (name, committed_at, mode, seed, total, upper_bound, notes) VALUES
                      ('tables', '2026-01-06T10:00:00.000Z', 'circles', 3, 1500, 2000, 'pin a–b honoured'),
                      ('pairs', '2026-01-13T10:00:00.000Z', 'pairs', 3, 900, NULL, '');
                    INSERT INTO round_group (round_id, position, score, reasons) VALUES (1, 0, 1500, 'x'), (2, 0, 900, 'y');
                    INSERT INTO round_member (round_id, position, slot, member_id) VALUES (1, 0, 0, 'a'), (1, 0, 1, 'b'), (1, 0, 2, 'c'), (2, 0, 0, 'a'), (2, 0, 1, 'c');
                    INSERT INTO round_unmatched (round_id, member_id, reason) VALUES (1, 'd', 'the tables are full');
                    """)
        }
        try old.close()
        let ledger = try Ledger.open(at: path)
        let tables = RoundView(record: try #require(try ledger.round(named: "tables")), directory: .init(members: []))
        #expect(tables.guarantee?.claim == .withinBound(upperBound: 2000, seated: nil, tables: nil))
        #expect(
            tables.guaranteeText
                == "at least 75 % of the best possible: no grouping of the 4 members matched into these tables can pass 2.00"
        )
        guard case .words(let reason) = tables.unmatched[0].cause, case .words(let note) = tables.notes[0] else {
            Issue.record("words stay words")
            return
        }
        #expect(reason == "the tables are full" && note == "pin a–b honoured")
        let pairs = RoundView(record: try #require(try ledger.round(named: "pairs")), directory: .init(members: []))
        #expect(pairs.guarantee == nil)
        #expect(pairs.summary.hasSuffix("no guarantee recorded"))
    }

    /// `--limit` shortens the list of members left out as it does the
    /// groups, and says how many more there are; JSON keeps them all.
    @Test func theLimitShortensTheUnmatchedToo() throws {
        let draft = Draft(
            mode: .pairs, seed: 1,
            groups: [Draft.Group(members: ["a", "b"], score: 900, reasons: [], starter: nil, isPinned: false)],
            unmatched: (0..<5).map { Draft.Unmatched(id: "m\($0)", cause: .compatibleAlreadyPaired) },
            notes: [],
            guarantee: Guarantee(claim: .optimal, coverage: .everyAdmissiblePair, members: 7, pinnedGroups: 0))
        var view = RoundView(draft: draft, directory: .init(members: []))
        view.limit = 2
        let blocks = view.document(in: .en).blocks
        let tables = blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
        #expect(tables.count == 2)
        #expect(tables[1].rows.count == 2)
        #expect(blocks.last.map { if case .note(let text) = $0 { text } else { "" } } == "… 3 more (--limit 0 for all)")
        guard case .array(let alone)? = view.json(in: .en)["unmatched"] else {
            Issue.record("the JSON has its unmatched list")
            return
        }
        #expect(alone.count == 5)
        view.limit = nil
        #expect(
            view.document(in: .en).blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }[1].rows.count
                == 5)
    }

    /// In a few words a member is called by the first word of its name,
    /// unless the other member of the group starts the same way: then by
    /// the whole name (two Amélies; generated "Membre 00012" names).
    @Test func shortWordsCallMembersByAFirstNameOnlyWhenItIsTheirs() throws {
        let directory = Directory(members: [
            Member(id: "a", name: "Amélie Dupré", role: .student),
            Member(id: "b", name: "Amélie Martin", role: .startup),
            Member(id: "c", name: "Kenji Watanabe", role: .entrepreneur),
        ])
        func group(_ members: [String], _ reason: PairReason, _ starter: Starter) -> Draft.Group {
            Draft.Group(members: members, score: 900, reasons: [reason], starter: starter)
        }
        let draft = Draft(
            mode: .pairs, seed: 1,
            groups: [
                group(
                    ["a", "b"], .needMet(seeker: "a", offerer: "b", tag: "rigging", sought: nil),
                    .askAbout(asker: "a", expert: "b", topic: "rigging")),
                group(
                    ["a", "c"], .needMet(seeker: "a", offerer: "c", tag: "rigging", sought: nil),
                    .askAbout(asker: "a", expert: "c", topic: "rigging")),
            ], unmatched: [], notes: [],
            guarantee: Guarantee(claim: .optimal, coverage: .everyAdmissiblePair, members: 3, pinnedGroups: 0))
        let view = RoundView(draft: draft, directory: directory)
        #expect(view.shortReason(of: view.groups[0]) == "rigging for Amélie Dupré")
        #expect(view.starterText(of: view.groups[0]) == "Amélie Dupré asks Amélie Martin: how did you learn rigging?")
        #expect(view.shortReason(of: view.groups[1]) == "rigging for Amélie")
        #expect(view.starterText(of: view.groups[1]) == "Amélie asks Kenji: how did you learn rigging?")
    }

    /// `diff` counts pairs as every count is written, grouped by thousands.
    @Test func diffGroupsItsCounts() throws {
        let draft = Draft(
            mode: .pairs, seed: 1,
            groups: (0..<1200).map {
                Draft.Group(members: ["a\($0)", "b\($0)"], score: 900, reasons: [], starter: nil, isPinned: false)
            },
            unmatched: [], notes: [],
            guarantee: Guarantee(claim: .optimal, coverage: .everyAdmissiblePair, members: 2400, pinnedGroups: 0))
        let view = DiffView(draft: draft, last: nil, directory: .init(members: []))
        #expect(view.document(in: .en) == .message("no committed round yet: every pair of the draft is new (1,200)"))
        guard case .paragraph(let french)? = view.document(in: .fr).blocks.first else {
            Issue.record("a message")
            return
        }
        #expect(french.hasSuffix("(1\u{202F}200)"), "\(french)")
    }

    /// `diff --round` compares with a round named, `--limit` cuts each list
    /// and says how many more there are; JSON keeps every pair.
    @Test func diffComparesWithANamedRoundAndCutsItsLists() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-diff-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var (session, console) = try ExportTests.session(in: folder, match: "match pairs --everyone")
        for command in [
            "commit first", "match pairs --everyone --no-repeats", "commit second", "match pairs --everyone",
        ] {
            #expect(Interpreter.execute(command, at: nil, in: &session) == .succeeded, "\(command): \(console.errors)")
        }
        let draft = Set(session.matchmaking.draft!.pairs)
        let first = Set(
            try session.existingLedger()!.round(named: "first")!.groups.map { MemberPair($0.members[0], $0.members[1]) }
        )
        let mark = console.output.count
        #expect(Interpreter.execute("diff --round first --limit 1", at: nil, in: &session) == .succeeded)
        let said = String(console.output.dropFirst(mark))
        let new = draft.subtracting(first).count
        #expect(said.hasPrefix("Against round first: \(new) new, \(draft.intersection(first).count) kept"), "\(said)")
        if new > 1 { #expect(said.contains("… \(new - 1) more (--limit 0 for all)"), "\(said)") }
        let json = console.output.count
        #expect(Interpreter.execute("diff --round first --limit 1 --format json", at: nil, in: &session) == .succeeded)
        #expect(String(console.output.dropFirst(json)).contains("\"against\": \"first\""))
        // The latest rounds when cut.
        let listed = console.output.count
        #expect(Interpreter.execute("rounds --limit 1", at: nil, in: &session) == .succeeded)
        let rounds = String(console.output.dropFirst(listed))
        #expect(rounds.hasPrefix("… 1 earlier round (--limit 0 for all)") && rounds.contains("second "), "\(rounds)")
        #expect(!rounds.contains("first "), "\(rounds)")
        #expect(Interpreter.execute("diff --round frist", at: nil, in: &session) == .failed)
        #expect(console.errors.contains("no round named 'frist' (did you mean 'first'?)"), "\(console.errors)")
    }

    /// A round of a plan does not repeat under its heading which round it
    /// is; the draft alone, and JSON, still say it.
    @Test func aPlanRoundSaysItsNumberOnce() {
        let draft = Draft(
            mode: .pairs, seed: 1,
            groups: [Draft.Group(members: ["a", "b"], score: 900, reasons: [])], unmatched: [],
            notes: [.planRound(1, of: 2)],
            guarantee: Guarantee(claim: .optimal, coverage: .everyAdmissiblePair, members: 2, pinnedGroups: 0))
        func lists(_ view: RoundView) -> [[String]] {
            view.document(in: .en).blocks.compactMap { if case .list(let items) = $0 { items } else { nil } }
        }
        let inPlan = RoundView(draft: draft, directory: .init(members: []), plan: (1, 2))
        #expect(inPlan.heading == "Round 1 of 2: pairs")
        #expect(lists(inPlan).isEmpty)
        #expect(inPlan.json(in: .en)["notes"] == .strings(["round 1 of a plan of 2"]))
        #expect(lists(RoundView(draft: draft, directory: .init(members: []))) == [["round 1 of a plan of 2"]])
    }
}
