import Community
import Foundation
import Matching
import Testing

@testable import Matchmaker

struct AffinityModelTests {
    static let taxonomy = Taxonomy(parents: ["Blender": "modélisation 3D"])
    static func directory(_ members: [Member]) -> Directory { Directory(members: members, taxonomy: taxonomy) }

    /// Three bystanders make rarities differ from zero.
    static let bystanders = (0..<3).map { Member(id: "z\($0)", name: "Z\($0)", role: .student, offering: ["stage"]) }

    func model(_ members: [Member], weights: AffinityWeights = AffinityWeights(), history: MeetingHistory = .none)
        -> AffinityModel
    {
        AffinityModel(directory: Self.directory(members + Self.bystanders), weights: weights, history: history)
    }

    func index(_ model: AffinityModel, _ id: String) -> Int { model.directory.index(of: id)! }

    @Test func aNeedMetCountsItsRarityAndLevel() {
        let amelie = Member(id: "amelie", name: "Amélie", role: .student, seeking: ["rigging"])
        let expert = Member(id: "expert", name: "Expert", role: .student, skills: [Skill("rigging", level: .expert)])
        let beginner = Member(
            id: "beginner", name: "Beginner", role: .student, skills: [Skill("rigging", level: .beginner)])
        var weights = AffinityWeights()
        weights.role = 0
        let model = model([amelie, expert, beginner], weights: weights)
        // 6 members, 2 have rigging: rarity ln(7/3) + 1.
        let rarity = log(7.0 / 3.0) + 1
        let a = index(model, "amelie")
        #expect(
            model.explain(a, index(model, "expert")).terms[0]
                == Explanation.Term(name: "complementarity", points: Int64((rarity * 1000).rounded())))
        #expect(model.explain(a, index(model, "beginner")).terms[0].points == Int64((rarity * 0.5 * 1000).rounded()))
        #expect(
            model.explain(a, index(model, "expert")).reasons.first?.fact
                == .needMet(seeker: "amelie", offerer: "expert", tag: "rigging", sought: nil, means: .skill(.expert)))
        #expect(
            model.explain(a, index(model, "beginner")).reasons.first?.fact
                == .needMet(
                    seeker: "amelie", offerer: "beginner", tag: "rigging", sought: nil, means: .skill(.beginner)))
    }

    /// A need met by an offer says so; by a skill, which level counted (an
    /// offer before a skill of the same tag, the best of two levels).
    @Test func aNeedMetSaysWhetherByAnOfferOrASkill() {
        let seeker = Member(id: "seeker", name: "Seeker", role: .student, seeking: ["rigging", "Unity"])
        let both = Member(
            id: "both", name: "Both", role: .startup, skills: [Skill("Rigging", level: .beginner), Skill("unity")],
            offering: ["rigging"])
        let twice = Member(
            id: "twice", name: "Twice", role: .startup,
            skills: [Skill("rigging", level: .beginner), Skill("Rigging", level: .intermediate)])
        let model = model([seeker, both, twice])
        let s = index(model, "seeker")
        #expect(
            Set(model.explain(s, index(model, "both")).reasons.map(\.fact)).isSuperset(of: [
                .needMet(seeker: "seeker", offerer: "both", tag: "rigging", sought: nil, means: .offer),
                .needMet(seeker: "seeker", offerer: "both", tag: "unity", sought: nil, means: .skill(nil)),
            ]))
        #expect(
            model.explain(s, index(model, "twice")).reasons.first?.fact
                == .needMet(
                    seeker: "seeker", offerer: "twice", tag: "rigging", sought: nil, means: .skill(.intermediate)))
    }

    /// A round recorded before the means were kept reads back without them.
    @Test func aReasonRecordedWithoutItsMeansReadsBack() throws {
        let old = #"[{"needMet":{"seeker":"a","offerer":"b","tag":"Blender","sought":null}}]"#
        let facts = try JSONDecoder().decode([PairReason].self, from: Data(old.utf8))
        #expect(facts == [.needMet(seeker: "a", offerer: "b", tag: "Blender", sought: nil, means: nil)])
        let new = PairReason.needMet(seeker: "a", offerer: "b", tag: "Blender", sought: nil, means: .skill(.expert))
        #expect(try JSONDecoder().decode(PairReason.self, from: JSONEncoder().encode(new)) == new)
    }

    @Test func aNarrowerTagEarnsPartialCredit() {
        let seeker = Member(id: "seeker", name: "Seeker", role: .startup, seeking: ["modélisation 3D"])
        let blender = Member(id: "blender", name: "Blender User", role: .student, offering: ["Blender"])
        var weights = AffinityWeights()
        weights.role = 0
        weights.organization = 0
        let model = model([seeker, blender], weights: weights)
        let explanation = model.explain(index(model, "seeker"), index(model, "blender"))
        let rarity = log(Double(5) + 1) + 1  // five members; nobody offers "modélisation 3D" directly
        #expect(explanation.terms[0].points == Int64((rarity * 0.5 * 1000).rounded()))
        #expect(
            explanation.reasons.first?.fact
                == .needMet(
                    seeker: "seeker", offerer: "blender", tag: "Blender", sought: "modélisation 3D", means: .offer))
    }

    /// Tags and organisation names are folded apart: an organisation spelt
    /// like a tag the taxonomy renames keeps its own name.
    @Test func anOrganisationSpeltLikeARenamedTagKeepsItsName() {
        let directory = Directory(
            members: [
                Member(id: "a", name: "A", role: .student, organization: "VR", interests: ["VR"]),
                Member(id: "b", name: "B", role: .student, organization: "Réalité virtuelle"),
            ], taxonomy: Taxonomy(aliases: ["VR": "réalité virtuelle"]))
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        #expect(model.fixedPoints(0, 1) == 300 + 300, "two students 0.3, different organisations 0.3")
    }

    @Test func sharedInterestsRolesAndCrossPollination() {
        let a = Member(
            id: "a", name: "A", role: .student, organization: "École", wing: 3, interests: ["motion capture", "VR"])
        let b = Member(
            id: "b", name: "B", role: .entrepreneur, organization: "Nord Capital", wing: 9,
            interests: ["Motion Capture"])
        let model = model([a, b])
        let terms = Dictionary(
            uniqueKeysWithValues: model.explain(index(model, "a"), index(model, "b")).terms.map { ($0.name, $0.points) }
        )
        // Five members, two into motion capture: rarity ln(6/3) + 1.
        #expect(terms["interests"] == Int64((0.5 * (log(6.0 / 3.0) + 1) * 1000).rounded()))
        #expect(terms["role"] == 1000, "student and entrepreneur: 1.0")
        #expect(terms["cross-pollination"] == 500, "different organisations 0.3 and wings 0.2")
        var weights = AffinityWeights()
        weights.roles[RolePair(.entrepreneur, .student)] = 0.25
        #expect(self.model([a, b], weights: weights).explain(0, 1).terms[2].points == 250)
    }

    @Test func recentMeetingsCountLessAndRatingsMoveTheScore() {
        let a = Member(id: "a", name: "A", role: .student, seeking: ["rigging"])
        let b = Member(id: "b", name: "B", role: .entrepreneur, offering: ["rigging"])
        let fresh = model([a, b]).score(0, 1)
        #expect(fresh > 0)
        let lastRound = model([a, b], history: MeetingHistory([MemberPair("a", "b"): .init(roundsAgo: 1)]))
        #expect(lastRound.score(0, 1) == 0)
        #expect(lastRound.explain(0, 1).adjustments == [.met(roundsAgo: 1, percent: 100)])
        let twoAgo = model([a, b], history: MeetingHistory([MemberPair("a", "b"): .init(roundsAgo: 2)]))
        #expect(twoAgo.score(0, 1) == Int64((Double(fresh) * 0.5).rounded()))
        let rated = model([a, b], history: MeetingHistory([MemberPair("a", "b"): .init(roundsAgo: 3, rating: 5)]))
        #expect(rated.score(0, 1) == Int64((Double(fresh) * 0.75 * 1.5).rounded()))
        let disliked = model([a, b], history: MeetingHistory([MemberPair("a", "b"): .init(roundsAgo: 60, rating: 1)]))
        #expect(disliked.score(0, 1) == Int64((Double(fresh) * 0.5).rounded()))
        #expect(disliked.explain(0, 1).adjustments == [.rated(average: 1, percent: -50)], "the meeting is forgotten")
        // Eight rounds on the cut is 0.78 %, said as −1 %; nine rounds on, 0.39 %: forgotten, not said as −0 %.
        let eight = model([a, b], history: MeetingHistory([MemberPair("a", "b"): .init(roundsAgo: 8)]))
        #expect(eight.explain(0, 1).adjustments == [.met(roundsAgo: 8, percent: 1)])
        #expect(eight.score(0, 1) == Int64((Double(fresh) * (1 - 1.0 / 128)).rounded()))
        let nine = model([a, b], history: MeetingHistory([MemberPair("a", "b"): .init(roundsAgo: 9)]))
        #expect(nine.explain(0, 1).adjustments.isEmpty)
        #expect(nine.score(0, 1) == fresh)
    }

    @Test func scoresAreSymmetricAndMatchTheirExplanation() {
        let directory = Communities.random(60, seed: 3)
        let model = AffinityModel(
            directory: directory, weights: AffinityWeights(),
            history: MeetingHistory([MemberPair("m0001", "m0002"): .init(roundsAgo: 2, rating: 4)]))
        for a in 0..<60 {
            for b in 0..<60 where a != b {
                let score = model.score(a, b)
                #expect(score == model.score(b, a))
                #expect(score == model.explain(a, b).total)
            }
        }
    }

    @Test func theIndexesFindEveryPartnerWithATagInCommon() {
        let directory = Communities.random(80, seed: 4)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let scratch = AffinityModel.Scratch(count: 80)
        // Both ways of gathering the points are used here.
        let inPlace = (0..<80).map {
            AffinityModel.gathersInPlace(entries: model.listEntries(of: $0, met: model.metKeys(of: $0)), of: 80)
        }
        #expect(inPlace.contains(true) && inPlace.contains(false))
        for a in 0..<80 {
            let partners = Dictionary(
                uniqueKeysWithValues: model.tagPartners(of: a, using: scratch).map { ($0.member, $0.points) })
            for b in 0..<80 where b != a {
                let direct = model.explain(a, b)
                let tagPoints = direct.terms[0].points + direct.terms[1].points
                #expect((partners[b] ?? 0) == tagPoints, "\(a)–\(b)")
                if let points = partners[b] {
                    #expect(model.adjusted(points + model.fixedPoints(a, b), a, b) == model.score(a, b))
                }
            }
        }
    }

    /// A community whose members draw from `keys` tags (the first ones far
    /// more often), so that many more keys than a mask's bits occur.
    static func manyKeys(_ count: Int, keys: Int, seed: UInt64) -> Directory {
        var rng = SplitMix64(seed: seed)
        func some(_ most: Int) -> [String] {
            (0..<Int.random(in: 0...most, using: &rng)).map { _ in
                "tag \(Int(pow(Double.random(in: 0..<1, using: &rng), 3) * Double(keys)))"
            }
        }
        let members = (0..<count).map { index in
            Member(
                id: String(format: "k%04d", index), name: "K\(index)", role: .student,
                skills: some(3).map { Skill($0, level: .intermediate) }, interests: some(3), seeking: some(3),
                offering: some(2))
        }
        return Directory(members: members, taxonomy: Taxonomy(parents: ["tag 1": "tag 300", "tag 2": "tag 3"]))
    }

    struct MaskCase: CustomTestStringConvertible, Sendable {
        let name: String
        let directory: @Sendable () -> Directory
        var interests = 0.5
        let exact: Bool
        var testDescription: String { name }
    }

    /// Whether a pair shares a tag that scores, told by the masks, against
    /// the tag terms of its explanation, for every pair: with few keys and
    /// every tag scoring (the masks answer alone), with more keys than bits
    /// (two keys on one bit: pairs whose bits meet without a tag in common,
    /// scored), and with interests weighing nothing (a shared interest alone
    /// does not score).
    @Test(arguments: [
        MaskCase(name: "a community of 18 tags", directory: { Communities.random(120, seed: 5) }, exact: true),
        MaskCase(
            name: "600 tags, more than the bits", directory: { Self.manyKeys(150, keys: 600, seed: 6) }, exact: false),
        MaskCase(
            name: "interests weighing nothing", directory: { Communities.random(120, seed: 7) }, interests: 0,
            exact: false),
    ])
    func tagMasksTellWhetherAPairSharesAScoringTag(_ example: MaskCase) {
        var weights = AffinityWeights()
        weights.interests = example.interests
        let model = AffinityModel(directory: example.directory(), weights: weights)
        #expect(model.masksAreExact == example.exact)
        var answers: [Bool: Int] = [:]
        var bitsMeetWithoutScoring = 0
        let n = model.directory.members.count
        for a in 0..<n {
            for b in (a + 1)..<n {
                let terms = model.explain(a, b).terms
                let shares = terms[0].points + terms[1].points > 0
                #expect(model.sharesScoringTag(a, b) == shares, "\(a)–\(b)")
                #expect(model.sharesScoringTag(b, a) == shares, "\(b)–\(a)")
                answers[shares, default: 0] += 1
                if model.tagMasks[a].meets(model.tagMasks[b]) && !shares { bitsMeetWithoutScoring += 1 }
            }
        }
        #expect(answers[true, default: 0] > 0 && answers[false, default: 0] > 0)
        // Where the masks are not exact, some pairs' bits meet though they share nothing that scores.
        #expect((bitsMeetWithoutScoring > 0) == !example.exact, "\(bitsMeetWithoutScoring)")
    }

    /// The test that passes over covered pairs, against the rounded-up bounds
    /// of pricing and of the proof it stands for, on the edges where rounding
    /// matters (sums a few units either side of the bound): with a raise of 1
    /// it passes over exactly the pairs the bound covers; with others
    /// (1.5 and awkward fractions) never one it leaves, and every pair covered
    /// with a little room to spare.
    @Test func aCoverPassesOverThePairsItsBoundCovers() {
        var rng = SplitMix64(seed: 11)
        var passedOver = 0
        var handedOn = 0
        for raise in [1.0, 1.5, 1.37, 1.0 + 1e-9, 2.25, 1.1 * 1.45] {
            for _ in 0..<4000 {
                let tagPoints = Int64.random(in: 0...40_000, using: &rng)
                let fixed = Int64.random(in: 0...3000, using: &rng)
                let shift = Int64.random(in: 0...500, using: &rng)
                let own = Int64.random(in: -1000...60_000, using: &rng)
                // Pricing: covered when 4 · (⌈(t + fixed) · raise⌉ + 2 + s) ≤ D(u) + D(v).
                let most = Int64((Double(tagPoints + fixed) * raise).rounded(.up)) + 2
                let needed = 4 * (most + shift) - own
                // Room for the raise rounded up to 1024ths and the quarters' floor.
                let room = raise == 1 ? 0 : 4 * ((tagPoints + fixed) / 1024 + 2)
                for dual in (needed - 5)...(needed + room + 5) {
                    let table = DualTable(of: [0], [dual], directorySize: 1, raise: raise)
                    let cover = DualCover(table: table, own: own - 4 * shift, halvings: 2, fixed: fixed, margin: 2)
                    let bounded = own + dual >= 4 * (most + shift)
                    if raise == 1 || !bounded || dual >= needed + room {
                        #expect(cover.covers(tagPoints, of: 0) == bounded, "\(raise) \(dual)")
                    } else if cover.covers(tagPoints, of: 0) {
                        #expect(bounded)
                    }
                    if cover.covers(tagPoints, of: 0) { passedOver += 1 } else { handedOn += 1 }
                }
                // Mentoring's proof: covered when ⌈t · raise⌉ + bound + 1 + s ≤ u(i) + v(j).
                let proved = Int64((Double(tagPoints) * raise).rounded(.up)) + fixed + 1
                let slack = raise == 1 ? 0 : tagPoints / 1024 + 2
                for dual in (proved + shift - own - 3)...(proved + shift - own + slack + 3) {
                    let table = DualTable(of: [0], [dual], directorySize: 1, raise: raise)
                    let cover = DualCover(table: table, own: own - shift, halvings: 0, fixed: 0, margin: fixed + 1)
                    let bounded = own + dual >= proved + shift
                    if raise == 1 || !bounded || dual >= proved + shift - own + slack {
                        #expect(cover.covers(tagPoints, of: 0) == bounded)
                    } else if cover.covers(tagPoints, of: 0) {
                        #expect(bounded)
                    }
                }
            }
        }
        #expect(passedOver > 10_000 && handedOn > 10_000, "\(passedOver) passed over, \(handedOn) handed on")
    }

    /// With a cover, the partners handed on are exactly the tag partners it
    /// does not cover, gathered either way, from one side or both.
    @Test func theIndexesHandOnEveryPartnerACoverLeaves() {
        let directory = Communities.random(120, seed: 5)
        let model = AffinityModel(
            directory: directory, weights: AffinityWeights(),
            history: MeetingHistory([MemberPair("m0001", "m0002"): .init(roundsAgo: 2, rating: 5)]))
        let scratch = AffinityModel.Scratch(count: 120)
        var rng = SplitMix64(seed: 6)
        let duals = (0..<120).map { _ in Int64.random(in: 0...40_000, using: &rng) }
        let table = DualTable(of: Array(0..<120), duals, directorySize: 120, raise: 1.5)
        var handedOn = 0
        var passedOver = 0
        for a in 0..<120 {
            let cover = DualCover(
                table: table, own: duals[a] - 4 * 100, halvings: 2, fixed: 1500, margin: 2)
            for above in [-1, a] {
                var partners: [Int: Int64] = [:]
                model.forEachTagPartner(of: a, using: scratch, above: above, uncoveredBy: cover) { b, points in
                    #expect(partners[b] == nil)
                    partners[b] = points
                }
                for b in (above + 1)..<120 where b != a {
                    let tagPoints = model.tagPoints(a, b)
                    let left = tagPoints > 0 && !cover.covers(tagPoints, of: b)
                    #expect(partners[b] == (left ? tagPoints : nil), "\(a)–\(b) above \(above)")
                    if left { handedOn += 1 } else if tagPoints > 0 { passedOver += 1 }
                }
            }
        }
        // Both kinds are there: the test is not vacuous.
        #expect(handedOn > 500 && passedOver > 500, "\(handedOn) handed on, \(passedOver) passed over")
    }

    /// Through the indexes kept to some members (the mentors, a pool), a
    /// scan hands on exactly the partners among them that a scan of the
    /// whole index hands on, with the same points: from one side or both,
    /// with a cover or without, each way of gathering the points used.
    @Test(arguments: [3, 10])
    func anIndexKeptToSomeMembersFindsTheirPartnersOnly(every step: Int) {
        let directory = Communities.random(120, seed: 5)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let kept = Array(stride(from: 1, to: 120, by: step))
        let index = model.tagIndex(of: kept)
        #expect(index.members == kept.map { Int32($0) })
        let scratch = AffinityModel.Scratch(count: 120)
        var rng = SplitMix64(seed: 8)
        let duals = (0..<120).map { _ in Int64.random(in: 0...40_000, using: &rng) }
        let table = DualTable(of: Array(0..<120), duals, directorySize: 120, raise: 1)
        var ways: Set<Bool> = []
        var found = 0
        for a in 0..<120 {
            let met = model.metKeys(of: a)
            ways.insert(
                AffinityModel.gathersInPlace(entries: model.listEntries(of: a, met: met, among: index), of: kept.count))
            let cover = DualCover(table: table, own: duals[a] - 400, halvings: 2, fixed: 1500, margin: 2)
            for (above, cover) in [(-1, nil), (a, nil), (-1, cover), (a, cover)] as [(Int, DualCover?)] {
                var whole: [Int: Int64] = [:]
                model.forEachTagPartner(of: a, using: scratch, above: above, uncoveredBy: cover) { b, points in
                    if Set(kept).contains(b) { whole[b] = points }
                }
                var through: [Int: Int64] = [:]
                model.forEachTagPartner(of: a, using: scratch, above: above, among: index, uncoveredBy: cover) {
                    b, points in
                    #expect(through[b] == nil)
                    through[b] = points
                }
                #expect(through == whole, "\(a) above \(above)")
                found += through.count
            }
        }
        #expect(ways == [true, false], "both ways of gathering")
        #expect(found > 500, "\(found)")
    }
}

struct AdmissibilityTests {
    @Test func hardConstraints() {
        let admissibility = Admissibility(forbidden: [MemberPair("a", "c")])
        let a = Member(id: "a", name: "A", role: .student, languages: ["fr"], availability: ["tue-pm"])
        let b = Member(id: "b", name: "B", role: .student, languages: ["en"])
        let c = Member(id: "c", name: "C", role: .student, languages: ["fr", "en"], availability: ["tue-pm"])
        let d = Member(id: "d", name: "D", role: .student, languages: [], availability: ["thu-am"])
        let e = Member(id: "e", name: "E", role: .student)
        #expect(admissibility.exclusion(a, b) == .language)
        #expect(admissibility.exclusion(a, c) == .forbidden)
        #expect(admissibility.exclusion(a, d) == .availability)
        #expect(admissibility.exclusion(b, c) == nil)
        #expect(admissibility.exclusion(a, e) == nil, "nothing declared: no constraint")
    }

    /// The bit masks of the hot loops agree with the plain check on every
    /// pair, past 63 distinct languages and slots too (where one bit stands
    /// for many values).
    @Test func preparedMasksAgreeWithThePlainCheck() {
        var rng = SplitMix64(seed: 7)
        // 63 languages and slots take a bit each; every later one shares the last.
        let first = (0..<63).map {
            Member(id: "f\($0)", name: "F\($0)", role: .student, languages: ["l\($0)"], availability: ["s\($0)"])
        }
        let past = [["x1"], ["x2"], ["x1", "l5"], ["x2", "x3"]].enumerated().map { i, values in
            Member(id: "p\(i)", name: "P\(i)", role: .student, languages: values, availability: values)
        }
        let random = (0..<60).map { i in
            Member(
                id: "m\(i)", name: "M\(i)", role: .student,
                languages: (0..<Int(rng.next() % 3)).map { _ in "l\(rng.next() % 80)" },
                availability: (0..<Int(rng.next() % 3)).map { _ in "s\(rng.next() % 75)" })
        }
        let members = first + past + random
        let admissibility = Admissibility(forbidden: [MemberPair("m1", "m2"), MemberPair("m3", "p1")])
        let directory = Directory(members: members)
        let prepared = PreparedAdmissibility(admissibility, directory: directory)
        var excludedPastTheMask = 0
        for a in directory.members.indices {
            for b in directory.members.indices where a != b {
                let plain = admissibility.exclusion(directory.members[a], directory.members[b])
                #expect(prepared.exclusion(a, b) == plain, "\(directory.members[a].id) and \(directory.members[b].id)")
                let languages = prepared.languages[a] & prepared.languages[b]
                if plain == .language && languages == PreparedAdmissibility.sharedBit { excludedPastTheMask += 1 }
            }
        }
        #expect(excludedPastTheMask > 0, "the case where only the shared bit is common must occur")
    }
}
