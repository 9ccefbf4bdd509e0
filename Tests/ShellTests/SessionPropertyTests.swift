import Community
import Foundation
import GRDB
import Matching
import Testing

@testable import Ledger
@testable import Matchmaker
@testable import Shell

/// Weeks of a community's life in one ledger, at random: seeded sequences of
/// every command that changes something (import, load, pin, forbid, unpin,
/// match in every mode, plan, commit, rate, set) mixed with those that read
/// (diff, rounds, round, history, why, export), against generated profile
/// folders. After every step: no member twice in a group or a round, every
/// claim of the draft checked again by means of the test's own, committed
/// rounds read back as they were committed and never lost, the ledger's
/// integrity intact, an import repeated changing nothing.
///
/// `PATIO_PROPERTY_STEPS` sets the steps a seed (default 400);
/// `PATIO_PROPERTY_SEEDS` how many seeds (default 6), for a long run by hand.
struct SessionPropertyTests {
    static let steps = Int(ProcessInfo.processInfo.environment["PATIO_PROPERTY_STEPS"] ?? "") ?? 400
    static let seeds = (1...(Int(ProcessInfo.processInfo.environment["PATIO_PROPERTY_SEEDS"] ?? "") ?? 6)).map(
        UInt64.init)

    @Test(arguments: seeds)
    func aCommunityLivesManyWeeks(seed: UInt64) throws {
        var world = try World(seed: seed)
        defer { world.close() }
        for step in 0..<Self.steps {
            let line = world.nextCommand()
            let draftBefore = world.session.matchmaking.draft
            let plannedBefore = world.session.matchmaking.planned
            let outcome = Interpreter.execute(line, at: InputLocation("step", line: step), in: &world.session)
            try world.check(after: line, outcome: outcome, draftBefore: draftBefore, plannedBefore: plannedBefore)
        }
        #expect(world.committed.count > 0, "the run committed rounds")
    }
}

/// A profiles folder, a ledger and a session over them, with what the test
/// expects the ledger to hold.
struct World {
    var rng: SplitMix64
    let folder: URL
    var session: Session
    let console = RecordingConsole()
    /// Rounds committed so far, as they were recorded.
    var committed: [String: RoundRecord] = [:]
    var importedOnce = false
    var roundNumber = 0

    static let tags = [
        "Blender", "Maya", "rigging", "Unity", "Unreal Engine", "level design", "game design", "UX research",
        "levée de fonds", "business plan", "motion capture", "réalité virtuelle", "stage", "mentoring",
    ]
    static let organizations = ["École de jeu vidéo", "École de design", "Pixel Fabrik", "Nord Capital", "Fablab"]

    init(seed: UInt64) throws {
        rng = SplitMix64(seed: seed)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-property-\(seed)-\(UUID())")
        let profiles = folder.appendingPathComponent("profiles")
        try FileManager.default.createDirectory(at: profiles, withIntermediateDirectories: true)
        let count = Int.random(in: 14...40, using: &rng)
        var members: [Member] = []
        for index in 0..<count { members.append(Self.member(index, using: &rng)) }
        for member in members { _ = try ProfileWriter.write(member, into: profiles.path, replacing: false) }
        // A spreadsheet: people already there (some changed), new people, a namesake from elsewhere.
        var rows = ["Nom;Rôle;Organisation;Courriel;Compétences;Centres d'intérêt"]
        for member in members.shuffled(using: &rng).prefix(4) {
            let organization =
                Bool.random(using: &rng) ? member.organization ?? "" : Self.organizations.randomElement(using: &rng)!
            rows.append(
                "\(member.name);\(member.role.rawValue);\(organization);\(member.contact ?? "");Blender;motion capture")
        }
        for index in 0..<3 { rows.append("Nouveau \(seed)-\(index);student;Fablab;;Maya;stage") }
        try rows.joined(separator: "\n").write(
            to: folder.appendingPathComponent("rows.csv"), atomically: true, encoding: .utf8)
        var session = Session(
            console: console,
            environment: Environment(workingDirectory: folder.path, now: { Date(timeIntervalSince1970: 1_796_112_000) })
        )
        session.matchmaking.ledgerFile = "ledger.sqlite"
        self.session = session
        #expect(Interpreter.execute("load profiles", at: nil, in: &self.session) == .succeeded)
    }

    static func member(_ index: Int, using rng: inout SplitMix64) -> Member {
        let role = Role.allCases[Int.random(in: 0..<3, using: &rng)]
        func some(_ most: Int) -> [String] {
            Array(tags.shuffled(using: &rng).prefix(Int.random(in: 0...most, using: &rng)))
        }
        let languages = [["fr"], ["fr", "en"], ["fr", "en"], ["en"], []][Int.random(in: 0..<5, using: &rng)]
        return Member(
            id: String(format: "m%03d", index), name: "Membre \(index)", role: role,
            organization: organizations.randomElement(using: &rng),
            wing: Bool.random(using: &rng) ? Int.random(in: 1...9, using: &rng) : nil,
            languages: languages, skills: some(3).map { Skill($0) }, interests: some(3), seeking: some(2),
            offering: some(2),
            availability: Int.random(in: 0..<4, using: &rng) == 0 ? ["tue-pm"] : [],
            capacity: role == .entrepreneur ? Int.random(in: 0...3, using: &rng) : 1,
            contact: Bool.random(using: &rng) ? "membre\(index)@example.org" : nil)
    }

    func close() { try? FileManager.default.removeItem(at: folder) }

    var ids: [String] { session.directory.members.map(\.id) }

    mutating func someone() -> String { ids.randomElement(using: &rng) ?? "nobody" }

    /// A member the draft pairs with someone, and that partner, when there is a draft.
    mutating func draftedPair() -> (String, String)? {
        guard let pair = session.matchmaking.draft?.pairs.randomElement(using: &rng) else { return nil }
        return (pair.first, pair.second)
    }

    mutating func nextCommand() -> String {
        let roll = Int.random(in: 0..<100, using: &rng)
        switch roll {
        case 0..<3: return "import rows.csv --write"
        case 3..<5: return "load"
        case 5..<10: return "pin \(someone()) \(someone())"
        case 10..<14: return "forbid \(someone()) \(someone())"
        case 14..<18: return "unpin \(someone()) \(someone())"
        case 18..<30:
            var line = "match pairs"
            if Bool.random(using: &rng) { line += " --everyone" }
            return line
        case 30..<36:
            return "match mentoring" + (Bool.random(using: &rng) ? " --stable" : "")
                + (Bool.random(using: &rng) ? " --everyone" : "")
        case 36..<41:
            return "match circles" + (Bool.random(using: &rng) ? " --any-roles" : "")
                + (Int.random(in: 0..<4, using: &rng) == 0 ? " --size 2 --any-roles" : "")
        case 41..<45:
            return "plan \(Int.random(in: 2...3, using: &rng)) " + ["pairs", "mentoring", "circles"].randomElement(
                using: &rng)!
        case 45..<56:
            roundNumber += 1
            return "commit week-\(roundNumber)" + (Bool.random(using: &rng) ? " --keep-pins" : "")
                + (Int.random(in: 0..<4, using: &rng) == 0 ? " --all" : "")
        case 56..<64:
            if let past = committed.values.randomElement(using: &rng),
                let group = past.groups.randomElement(using: &rng), group.members.count >= 2
            {
                return "rate \(group.members[0]) \(group.members[1]) \(Int.random(in: 1...5, using: &rng)) une note"
            }
            return "rate \(someone()) \(someone()) 4"
        case 64..<67: return "rate \(someone()) \(someone()) --clear"
        case 67..<70: return "diff"
        case 70..<72: return "rounds"
        case 72..<75: return committed.keys.randomElement(using: &rng).map { "round \($0)" } ?? "round"
        case 75..<78: return "history \(someone())"
        case 78..<82: return "why \(someone()) \(someone())"
        case 82..<88:
            let format = ["csv", "json", "html", "ics", "md", "dot", "graph"].randomElement(using: &rng)!
            return "export out.\(format)"
        case 88..<93:
            let name = ["weight.interests", "weight.novelty", "weight.feedback", "weight.role"].randomElement(
                using: &rng)!
            return "set \(name) \(["0", "0.5", "1", "2"].randomElement(using: &rng)!)"
        case 93..<96: return "set seed \(Int.random(in: 0...1000, using: &rng))"
        default: return "members --skill \(Self.tags.randomElement(using: &rng)!)"
        }
    }

    // MARK: Invariants

    mutating func check(after line: String, outcome: Interpreter.Outcome, draftBefore: Draft?, plannedBefore: [Draft])
        throws
    {
        #expect(outcome != .quit)
        #expect(!console.errors.contains("failed its check"), "a proof failed after '\(line)': \(console.errors)")
        if outcome == .succeeded, let draft = session.matchmaking.draft, draft != draftBefore || line.hasPrefix("match")
        {
            try checkDraft(draft, after: line)
        }
        for draft in session.matchmaking.planned where !plannedBefore.contains(draft) {
            try checkDraft(draft, after: line)
        }
        if line.hasPrefix("commit"), outcome == .succeeded, let draftBefore {
            let drafts = line.contains("--all") ? [draftBefore] + plannedBefore : [draftBefore]
            let names =
                drafts.count > 1 ? drafts.indices.map { "week-\(roundNumber)-\($0 + 1)" } : ["week-\(roundNumber)"]
            for (name, draft) in zip(names, drafts) {
                var expected = StoredFacts.record(
                    draft, name: name, at: Date(timeIntervalSince1970: 1_796_112_000), directory: session.directory)
                expected.committedAt = Ledger.date(Ledger.text(expected.committedAt))
                committed[name] = expected
            }
            if !line.contains("--keep-pins") { #expect(session.matchmaking.pins.isEmpty, "a commit releases the pins") }
        }
        if line.hasPrefix("rate"), !line.contains("--clear"), outcome == .succeeded {
            let words = line.split(separator: " ").map(String.init)
            let pair = MemberPair(words[1], words[2])
            #expect(
                committed.values.contains { record in
                    record.groups.contains { Set($0.members).isSuperset(of: [pair.first, pair.second]) }
                },
                "only a pair that met can be rated: \(line)")
        }
        if line.hasPrefix("import"), outcome == .succeeded {
            if importedOnce {
                #expect(
                    console.output.contains("0 new, 0 updated, 7 unchanged"),
                    "a repeated import changes nothing: \(console.output.suffix(200))")
            }
            importedOnce = true
        }
        try checkLedger(after: line)
        console.clear()
    }

    /// The draft's groups and its claim, checked with the test's own means.
    func checkDraft(_ draft: Draft, after line: String) throws {
        let directory = session.directory
        var seen = Set<String>()
        for group in draft.groups {
            #expect(Set(group.members).count == group.members.count, "a member twice in a group after '\(line)'")
            let once = draft.mode == .mentoring ? [group.members[0]] : group.members
            for member in once { #expect(seen.insert(member).inserted, "\(member) placed twice after '\(line)'") }
        }
        for unmatched in draft.unmatched {
            #expect(!seen.contains(unmatched.id), "\(unmatched.id) both placed and unmatched")
        }
        if case .withinBound(let bound, _, _) = draft.guarantee.claim {
            #expect(bound >= draft.total, "'\(line)': bound \(bound) below \(draft.total)")
        }
        // A planned round was scored with the plan's own history: checked when it was made (below, for the first).
        let isPlanned = draft.notes.contains {
            if case .planRound(let index, _) = $0 { return index > 1 } else { return false }
        }
        guard !isPlanned else { return }
        let model = try session.affinityModel()
        #expect(draft.total == draft.groups.reduce(0) { $0 + $1.score })
        var sum: Int64 = 0
        for group in draft.groups {
            let indices = group.members.compactMap(directory.index(of:))
            for (i, a) in indices.enumerated() { for b in indices[(i + 1)...] { sum += model.score(a, b) } }
        }
        #expect(sum == draft.total, "the total is the sum of the pairs' scores")
        let g = draft.guarantee
        let plain =
            g.pinnedGroups == 0 && !g.isFairnessAdjusted && !g.excludesRepeats && g.isWholeCommunity
            && g.repeatPairs == 0
        switch (draft.mode, g.claim) {
        case (.pairs, .optimal) where plain && g.coverage == .everyAdmissiblePair:
            let best = try MaximumWeightMatching.solve(
                admissibleGraph(model, bans: draft.bans), maximumCardinality: g.isCardinalityFirst)
            #expect(best.weight == draft.total, "'\(line)': optimum \(best.weight), draft \(draft.total)")
        case (.mentoring, .optimal) where plain && !g.isCardinalityFirst:
            let (graph, capacities) = admissibleMentoring(model, bans: draft.bans)
            let best = try CapacitatedAssignment.solve(graph, capacities: capacities)
            #expect(best.weight == draft.total, "'\(line)': optimum \(best.weight), draft \(draft.total)")
        case (.mentoring, .stable) where plain:
            #expect(
                blockingPairs(draft, model: model, bans: draft.bans, acceptsZero: line.contains("--everyone")) == 0,
                "'\(line)' is not stable")
        case (_, .none):
            Issue.record("a fresh draft always carries a checked claim")
        default:
            break
        }
    }

    func admissible(_ a: Member, _ b: Member, bans: [MemberPair]) -> Bool {
        if !a.languages.isEmpty && !b.languages.isEmpty && Set(a.languages).isDisjoint(with: b.languages) {
            return false
        }
        if !a.availability.isEmpty && !b.availability.isEmpty && Set(a.availability).isDisjoint(with: b.availability) {
            return false
        }
        return !bans.contains(MemberPair(a.id, b.id))
    }

    func admissibleGraph(_ model: AffinityModel, bans: [MemberPair]) throws -> WeightedGraph {
        let members = session.directory.members
        var edges: [WeightedEdge] = []
        for a in members.indices {
            for b in (a + 1)..<members.count where admissible(members[a], members[b], bans: bans) {
                edges.append(WeightedEdge(a, b, model.score(a, b)))
            }
        }
        return try WeightedGraph(vertexCount: members.count, edges: edges)
    }

    func admissibleMentoring(_ model: AffinityModel, bans: [MemberPair]) -> (BipartiteGraph, [Int]) {
        let members = session.directory.members
        let mentees = members.indices.filter { members[$0].role != .entrepreneur }
        let mentors = members.indices.filter { members[$0].role == .entrepreneur }
        var edges: [WeightedEdge] = []
        for (i, a) in mentees.enumerated() {
            for (j, b) in mentors.enumerated() where admissible(members[a], members[b], bans: bans) {
                edges.append(WeightedEdge(i, j, model.score(a, b)))
            }
        }
        return (
            try! BipartiteGraph(leftCount: mentees.count, rightCount: mentors.count, edges: edges),
            mentors.map { members[$0].capacity }
        )
    }

    /// Mentees and mentors who would both rather be together than as the draft has them.
    func blockingPairs(_ draft: Draft, model: AffinityModel, bans: [MemberPair], acceptsZero: Bool) -> Int {
        let directory = session.directory
        var mentorOf: [String: String] = [:]
        var held: [String: [String]] = [:]
        for group in draft.groups {
            mentorOf[group.members[0]] = group.members[1]
            held[group.members[1], default: []].append(group.members[0])
        }
        var count = 0
        for mentee in directory.members where mentee.role != .entrepreneur {
            let i = directory.index(of: mentee.id)!
            let current = mentorOf[mentee.id].map { model.score(i, directory.index(of: $0)!) }
            for mentor in directory.members
            where mentor.role == .entrepreneur && mentor.capacity > 0 && mentor.id != mentorOf[mentee.id] {
                guard admissible(mentee, mentor, bans: bans) else { continue }
                let j = directory.index(of: mentor.id)!
                let score = model.score(i, j)
                guard score > 0 || acceptsZero, current.map({ score > $0 }) ?? true else { continue }
                let theirs = held[mentor.id, default: []]
                if theirs.count < mentor.capacity
                    || theirs.contains(where: { model.score(directory.index(of: $0)!, j) < score })
                {
                    count += 1
                }
            }
        }
        return count
    }

    func checkLedger(after line: String) throws {
        let path = folder.appendingPathComponent("ledger.sqlite").path
        guard FileManager.default.fileExists(atPath: path) else {
            #expect(committed.isEmpty)
            return
        }
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let integrity = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"], "after '\(line)'")
        guard line.hasPrefix("commit") || line.hasPrefix("rate") else { return }
        let ledger = try Ledger.open(at: path)
        let names = Set(try ledger.rounds().map(\.name))
        #expect(names == Set(committed.keys), "after '\(line)'")
        for (name, expected) in committed where line.hasPrefix("commit") {
            #expect(try ledger.round(named: name) == expected, "round \(name) reads back as committed")
        }
        _ = try ledger.pastMeetings()
    }
}
