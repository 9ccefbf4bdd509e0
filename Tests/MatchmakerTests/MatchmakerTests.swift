import Community
import Foundation
import Matching
import Testing

@testable import Matchmaker

struct MatchmakerTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    func match(
        _ directory: Directory, _ configure: (inout MatchRequest) -> Void = { _ in }, mode: Draft.Mode = .pairs,
        history: MeetingHistory = .none
    ) throws -> Draft {
        var request = MatchRequest(mode: mode)
        configure(&request)
        let model = AffinityModel(directory: directory, weights: AffinityWeights(), history: history)
        return try Matchmaker.match(request, model: model, now: Self.now)
    }

    /// Every hard constraint, every mode: no group holds a pair that cannot
    /// meet (unless pinned), members appear once, capacities hold, everyone
    /// is placed or has a reason.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func hardConstraintsHoldInEveryMode(seed: UInt64) throws {
        let directory = Communities.random(45, seed: seed)
        var forbidden = Set<MemberPair>()
        var rng = SplitMix64(seed: seed)
        for _ in 0..<20 {
            forbidden.insert(
                MemberPair(
                    directory.members.randomElement(using: &rng)!.id, directory.members.randomElement(using: &rng)!.id))
        }
        forbidden = forbidden.filter { $0.first != $0.second }
        let admissibility = Admissibility(forbidden: forbidden)
        for mode in Draft.Mode.allCases {
            for everyone in [false, true] {
                let draft = try match(
                    directory,
                    {
                        $0.forbidden = forbidden
                        $0.everyone = everyone
                        $0.seed = seed
                    }, mode: mode)
                var seen = Set<String>()
                for group in draft.groups {
                    // A mentor appears once for each mentee; everyone else once.
                    let once = mode == .mentoring ? [group.members[0]] : group.members
                    for member in once { #expect(seen.insert(member).inserted, "\(member) placed twice in \(mode)") }
                    for (i, a) in group.members.enumerated() {
                        for b in group.members[(i + 1)...] {
                            #expect(
                                admissibility.exclusion(directory[a]!, directory[b]!) == nil, "\(a)–\(b) in \(mode)")
                        }
                    }
                }
                for unmatched in draft.unmatched { #expect(!seen.contains(unmatched.id)) }
                if mode == .pairs {
                    #expect(seen.count + draft.unmatched.count == directory.members.count)
                    #expect(draft.groups.allSatisfy { $0.members.count == 2 })
                }
                if mode == .mentoring {
                    var load: [String: Int] = [:]
                    for group in draft.groups {
                        #expect(directory[group.members[0]]!.role != .entrepreneur)
                        #expect(directory[group.members[1]]!.role == .entrepreneur)
                        load[group.members[1], default: 0] += 1
                    }
                    for (mentor, count) in load {
                        #expect(count <= directory[mentor]!.capacity, "\(mentor) over capacity")
                    }
                }
                if mode == .circles {
                    for group in draft.groups {
                        let roles = Set(group.members.map { directory[$0]!.role })
                        #expect(roles == Set(Role.allCases), "a table mixes the three roles")
                    }
                    guard case .withinBound(let bound, _, _) = draft.guarantee.claim else {
                        Issue.record("circles carry a bound")
                        continue
                    }
                    #expect(bound >= draft.total)
                }
                #expect(draft.total == draft.groups.reduce(0) { $0 + $1.score })
            }
        }
    }

    /// The draft's total is the optimum of the graph it pairs on, which `solve` would find from the exported graph.
    @Test func pairsAreTheOptimumOfTheAdmissibleGraph() throws {
        let directory = Communities.random(70, seed: 11)
        let draft = try match(directory)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let graph = try PairingGraph(
            model: model, members: Array(directory.members.indices), admissibility: Admissibility())
        let text = GraphText.write(
            try WeightedGraph(vertexCount: graph.graph.vertexCount, edges: graph.graph.edges.filter { $0.weight > 0 }))
        let reread = try GraphText.parse(text).generalGraph
        let optimum = try MaximumWeightMatching.solve(reread)
        #expect(optimum.weight == draft.total)
        #expect(optimum.certificate.violations(optimum.matching, in: reread).isEmpty)
    }

    @Test func sameSeedSameDraft() throws {
        let directory = Communities.random(50, seed: 12)
        for mode in Draft.Mode.allCases {
            #expect(try match(directory, { $0.seed = 7 }, mode: mode) == match(directory, { $0.seed = 7 }, mode: mode))
        }
    }

    @Test func pinsAreHonouredAndConflictsExplained() throws {
        let directory = Communities.random(30, seed: 13, languages: false, availability: false)
        let pin = MemberPair("m0003", "m0017")
        let draft = try match(directory) { $0.pins = [pin] }
        #expect(draft.groups.contains { Set($0.members) == [pin.first, pin.second] && $0.isPinned })
        #expect(throws: MatchError.pinnedTwice(member: "m0003", partners: ["m0004", "m0017"])) {
            try match(directory) { $0.pins = [pin, MemberPair("m0003", "m0004")] }
        }
        #expect(throws: MatchError.pinnedAndForbidden(pin)) {
            try match(directory) {
                $0.pins = [pin]
                $0.forbidden = [pin]
            }
        }
        let circles = try match(
            directory,
            {
                $0.pins = [pin]
                $0.mixesRoles = false
            }, mode: .circles)
        #expect(circles.groups.contains { $0.members.contains(pin.first) && $0.members.contains(pin.second) })
        #expect(circles.notes.contains(.pinHonoured(pin)))
        // A pin with a member outside the pool is set aside with a note, and not listed as pinning the draft.
        let outside = MemberPair("m0001", "m0002")
        let pool = directory.members.indices.filter { directory.members[$0].id != "m0002" }
        let among = try match(directory) {
            $0.pins = [pin, outside]
            $0.among = pool
        }
        #expect(among.pins == [pin])
        #expect(among.notes.contains(.pinSetAside(outside, .notBothMatched)))
        #expect(!among.pairs.contains(outside))
    }

    /// In mentoring a mentor may be pinned with as many mentees as it has
    /// places (those beyond are set aside, with a note); a mentee pinned to
    /// two mentors is still refused.
    @Test func aMentorTakesAsManyPinsAsItHasPlaces() throws {
        let directory = Communities.random(60, seed: 14, languages: false, availability: false)
        let mentor = try #require(directory.members.first { $0.role == .entrepreneur && $0.capacity >= 2 })
        let mentees = directory.members.filter { $0.role != .entrepreneur }.prefix(mentor.capacity + 1).map(\.id)
        let pins = Set(mentees.map { MemberPair($0, mentor.id) })
        let draft = try match(directory, { $0.pins = pins }, mode: .mentoring)
        let pinned = draft.groups.filter(\.isPinned)
        #expect(pinned.count == mentor.capacity)
        #expect(pinned.allSatisfy { $0.members[1] == mentor.id })
        #expect(draft.notes.contains { if case .pinSetAside(_, .mentorFull(mentor.id)) = $0 { true } else { false } })
        #expect(!draft.groups.contains { !$0.isPinned && $0.members[1] == mentor.id }, "no place left for others")
        let other = try #require(directory.members.first { $0.role == .entrepreneur && $0.id != mentor.id })
        #expect(throws: MatchError.self) {
            try match(
                directory, { $0.pins = [MemberPair(mentees[0], mentor.id), MemberPair(mentees[0], other.id)] },
                mode: .mentoring)
        }
        // In pairs, a member pinned twice is refused as before.
        #expect(throws: MatchError.self) { try match(directory) { $0.pins = pins } }
    }

    @Test func unmatchedMembersGetTheRealReason() throws {
        let members = [
            Member(id: "a", name: "A", role: .student, languages: ["fr"], seeking: ["rigging"]),
            Member(id: "b", name: "B", role: .entrepreneur, languages: ["fr"], offering: ["rigging"]),
            Member(id: "c", name: "C", role: .student, languages: ["ja"], seeking: ["rigging"]),
            Member(id: "d", name: "D", role: .student, languages: ["fr"], seeking: ["rigging"]),
        ]
        let draft = try match(Directory(members: members))
        #expect(draft.groups.map(\.members) == [["a", "b"]] || draft.groups.map(\.members) == [["b", "d"]])
        let causes = Dictionary(uniqueKeysWithValues: draft.unmatched.map { ($0.id, $0.cause) })
        #expect(causes["c"] == .noSharedLanguage(speaks: ["ja"], with: .anyone))
        #expect(causes["a"] ?? causes["d"] == .compatibleAlreadyPaired)
    }

    /// The cause is the rule that refused the partners who passed the
    /// others, and it is the same when the graph holds only candidates.
    @Test(arguments: [false, true])
    func theCauseIsTheLastRuleThatRefused(large: Bool) throws {
        var members = [
            Member(id: "de", name: "De", role: .student, languages: ["de"], seeking: ["rigging"]),
            Member(id: "de-it", name: "Deit", role: .entrepreneur, languages: ["de", "it"], offering: ["rigging"]),
            Member(id: "it", name: "It", role: .student, languages: ["it"], seeking: ["rigging"]),
        ]
        members += (0..<20).map { Member(id: "fr\($0)", name: "Fr \($0)", role: .startup, languages: ["fr"]) }
        let directory = Directory(members: members)
        let draft = try match(
            directory,
            {
                $0.forbidden = [MemberPair("de", "de-it")]
                if large { $0.completeLimit = 0 }
            })
        let causes = Dictionary(uniqueKeysWithValues: draft.unmatched.map { ($0.id, $0.cause) })
        #expect(draft.groups.contains { Set($0.members) == ["de-it", "it"] })
        // Most refuse "de" for its language, but the one who speaks it is forbidden.
        #expect(causes["de"] == .everyPartnerForbidden(.anyone))
    }

    @Test func mentoringStableHasNoBlockingPair() throws {
        let directory = Communities.random(60, seed: 14)
        let draft = try match(directory, { $0.stable = true }, mode: .mentoring)
        #expect(draft.guarantee.claim == .stable)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let admissibility = Admissibility()
        var mentorOf: [String: String] = [:]
        var mentees: [String: [String]] = [:]
        for group in draft.groups {
            mentorOf[group.members[0]] = group.members[1]
            mentees[group.members[1], default: []].append(group.members[0])
        }
        // A mentee who prefers a mentor who has room or prefers the mentee to one of theirs: none.
        for mentee in directory.members where mentee.role != .entrepreneur {
            let i = directory.index(of: mentee.id)!
            let current = mentorOf[mentee.id].map { model.score(i, directory.index(of: $0)!) } ?? 0
            for mentor in directory.members
            where mentor.role == .entrepreneur && mentor.capacity > 0 && mentor.id != mentorOf[mentee.id] {
                guard admissibility.exclusion(mentee, mentor) == nil else { continue }
                let j = directory.index(of: mentor.id)!
                let score = model.score(i, j)
                guard score > current else { continue }
                let held = mentees[mentor.id, default: []]
                let wantsMe =
                    held.count < mentor.capacity || held.contains { model.score(directory.index(of: $0)!, j) < score }
                #expect(!wantsMe, "\(mentee.id) and \(mentor.id) would both rather be together")
            }
        }
    }

    @Test func aPlanDoesNotRepeatPairsWhileAlternativesExist() throws {
        let directory = Communities.random(40, seed: 15, languages: false, availability: false)
        let model = { (history: MeetingHistory) in
            AffinityModel(directory: directory, weights: AffinityWeights(), history: history)
        }
        var request = MatchRequest(mode: .pairs)
        request.everyone = true
        let drafts = try Matchmaker.plan(request, rounds: 4, history: .none, makeModel: model, now: Self.now)
        #expect(drafts.count == 4)
        var met = Set<MemberPair>()
        for draft in drafts {
            #expect(draft.groups.count == 20, "everyone is paired in every round")
            for pair in draft.pairs { #expect(met.insert(pair).inserted, "\(pair) repeated") }
        }
    }

    @Test func leftoversInAPlanMeetAgainRatherThanSitAlone() throws {
        // Two members, three rounds: the only pair there is meets every round.
        let members = [
            Member(id: "a", name: "A", role: .student, seeking: ["x"]),
            Member(id: "b", name: "B", role: .entrepreneur, offering: ["x"]),
        ]
        let directory = Directory(members: members)
        let makeModel = { (history: MeetingHistory) in
            AffinityModel(directory: directory, weights: AffinityWeights(), history: history)
        }
        var everyone = MatchRequest(mode: .pairs)
        everyone.everyone = true
        #expect(
            try Matchmaker.plan(everyone, rounds: 3, history: .none, makeModel: makeModel, now: Self.now).map(
                \.groups.count) == [1, 1, 1])
        // Without --everyone, novelty keeps them apart right after meeting (score 0), not two rounds later.
        #expect(
            try Matchmaker.plan(
                MatchRequest(mode: .pairs), rounds: 3, history: .none, makeModel: makeModel, now: Self.now
            )
            .map(\.groups.count) == [1, 0, 1])
    }

    @Test func largeCommunitiesUseTheBestCandidatesOnly() throws {
        let directory = Communities.random(1700, seed: 16)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let graph = try PairingGraph(
            model: model, members: Array(directory.members.indices), admissibility: Admissibility(), candidates: 10)
        #expect(!graph.isComplete)
        #expect(graph.graph.edges.count <= 1700 * 10)
        for edge in graph.graph.edges.prefix(500) { #expect(edge.weight == model.score(edge.u, edge.v)) }
    }

    /// Larger tables still mix the roles: one of each, the seats beyond
    /// shared by how many each role has; tables of two cannot.
    @Test func largerTablesStillMixTheRoles() throws {
        let directory = Communities.random(60, seed: 17, languages: false, availability: false)
        let draft = try match(directory, { $0.size = 4 }, mode: .circles)
        #expect(draft.groups.allSatisfy { Set($0.members.map { directory[$0]!.role }) == Set(Role.allCases) })
        #expect(
            draft.notes.contains {
                if case .tableMakeUp(let counts) = $0 { return counts.reduce(0, +) == 4 } else { return false }
            })
        #expect(throws: MatchError.tablesTooSmallToMix(size: 2)) {
            try match(directory, { $0.size = 2 }, mode: .circles)
        }
        #expect(
            Matchmaker.tableMakeUp(
                size: 4,
                classes: Array(repeating: 0, count: 60) + Array(repeating: 1, count: 31)
                    + Array(repeating: 2, count: 30)) == [2, 1, 1])
    }

    /// A pin is for the coming round: a plan applies it to its first round only.
    @Test func aPlanPinsItsFirstRoundOnly() throws {
        let directory = Communities.random(30, seed: 18, languages: false, availability: false)
        let pin = MemberPair("m0004", "m0009")
        var request = MatchRequest(mode: .pairs)
        request.pins = [pin]
        let drafts = try Matchmaker.plan(
            request, rounds: 3, history: .none,
            makeModel: { AffinityModel(directory: directory, weights: AffinityWeights(), history: $0) }, now: Self.now)
        #expect(drafts[0].pairs.contains(pin))
        #expect(!drafts[1].pairs.contains(pin) && !drafts[2].pairs.contains(pin))
        #expect(drafts[1].guarantee.pinnedGroups == 0)
    }

    @Test func mentoringWithoutMenteesIsAnError() throws {
        let directory = Communities.random(40, seed: 19)
        let mentors = directory.members.indices.filter { directory.members[$0].role == .entrepreneur }
        #expect(throws: MatchError.noMentees) { try match(directory, { $0.among = mentors }, mode: .mentoring) }
    }
}
