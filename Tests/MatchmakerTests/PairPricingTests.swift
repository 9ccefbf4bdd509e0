import Community
import Foundation
import Matching
import Testing

@testable import Matchmaker

/// Pricing against the complete graph: solved on a few candidates per
/// member and priced, the pairing has the optimum of every admissible pair,
/// and its certificate holds over all of them.
struct PairPricingTests {
    static let now = Date(timeIntervalSince1970: 1_796_112_000)

    /// Every admissible pair of the pool, weighted as the objective says.
    static func completeGraph(_ pool: [Int], model: AffinityModel, request: MatchRequest) throws -> WeightedGraph {
        let constraints = DraftProof.PlainConstraints(model.directory, forbidden: request.apart)
        let objective = DraftProof.Objective(model: model, priority: request.priority)
        var edges: [WeightedEdge] = []
        for u in pool.indices {
            for v in (u + 1)..<pool.count where constraints.allows(pool[u], pool[v]) {
                edges.append(WeightedEdge(u, v, objective.weight(pool[u], pool[v])))
            }
        }
        return try WeightedGraph(vertexCount: pool.count, edges: edges)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let size: Int
        let seed: UInt64
        let candidates: Int
        var everyone = false
        var withHistory = false
        /// Tag lists longer than this are read in part for the candidates.
        var sampling = PairingGraph.sampling
        /// The pool is every this many members (its scans read tag lists kept to it).
        var poolEvery = 1
        var testDescription: String {
            "\(size) members, \(candidates) candidates, seed \(seed)" + (everyone ? ", --everyone" : "")
                + (poolEvery > 1 ? ", a pool of every \(poolEvery)" : "")
                + (withHistory ? ", with history and boosts" : "")
                + (sampling < PairingGraph.sampling ? ", tag lists read \(sampling) at most" : "")
        }
    }

    @Test(arguments: [
        Case(size: 200, seed: 31, candidates: 2), Case(size: 300, seed: 32, candidates: 5),
        Case(size: 500, seed: 33, candidates: 3, withHistory: true),
        Case(size: 400, seed: 34, candidates: 4, everyone: true),
        Case(size: 1000, seed: 35, candidates: 10), Case(size: 3000, seed: 36, candidates: 20),
        Case(size: 600, seed: 37, candidates: 5, sampling: 8),
        Case(size: 400, seed: 38, candidates: 3, everyone: true, sampling: 4),
        Case(size: 500, seed: 39, candidates: 4, withHistory: true, sampling: 6),
        Case(size: 900, seed: 40, candidates: 3, poolEvery: 3),
        Case(size: 800, seed: 41, candidates: 4, withHistory: true, sampling: 5, poolEvery: 2),
    ])
    func pricingReachesTheOptimumOfEveryPair(_ example: Case) throws {
        let directory = Communities.random(example.size, seed: example.seed)
        var history = MeetingHistory.none
        var request = MatchRequest(mode: .pairs)
        request.candidates = example.candidates
        request.sampling = example.sampling
        request.completeLimit = 0
        request.everyone = example.everyone
        if example.withHistory {
            var rng = SplitMix64(seed: example.seed)
            history = Communities.randomHistory(of: directory, using: &rng)
            request.priority = [directory.members[0].id: 0.5, directory.members[1].id: 0.3]
            request.forbidden = [MemberPair(directory.members[2].id, directory.members[3].id)]
        }
        let model = AffinityModel(directory: directory, weights: AffinityWeights(), history: history)
        let pool = Array(stride(from: 0, to: example.size, by: example.poolEvery))
        let objective = DraftProof.Objective(model: model, priority: request.priority)
        let (graph, result) = try Matchmaker.solvePairs(
            pool, request: request, model: model, objective: objective, shouldStop: { false })
        #expect(!graph.isComplete)
        // Candidates found through lists read in part are still weighed in full.
        let unweighed = graph.graph.edges.filter { $0.weight != model.score(pool[$0.u], pool[$0.v]) }
        #expect(unweighed.count == 0, "pairs weighed wrong, the first: \(unweighed.prefix(3))")
        if example.sampling < PairingGraph.sampling {
            let admissibility = Admissibility(forbidden: request.apart)
            func candidates(_ sampling: Int) throws -> PairKeys {
                try PairingGraph(
                    model: model, members: pool, admissibility: admissibility, candidates: example.candidates,
                    sampling: sampling, completeLimit: 0
                ).edgeKeys
            }
            #expect(try candidates(example.sampling) != candidates(.max), "the lists were read in part")
        }
        // Cardinality first shifts every weight, and its duals rule out fewer pairs: correct, but not sparse.
        if !example.everyone {
            #expect(graph.graph.edges.count < pool.count * (pool.count - 1) / 4, "far fewer pairs than all of them")
        }
        let complete = try Self.completeGraph(pool, model: model, request: request)
        let optimum = try MaximumWeightMatching.solve(complete, maximumCardinality: example.everyone)
        #expect(result.matching.totalWeight(in: complete) == optimum.weight)
        if example.everyone { #expect(result.matching.pairs.count == optimum.matching.pairs.count) }
        #expect(result.certificate.violations(result.matching, in: complete).isEmpty)
        // And the draft says so, after its own check.
        let draft = try Matchmaker.match(request, model: model, now: Self.now)
        #expect(draft.guarantee.coverage == .everyAdmissiblePair)
    }

    /// A random community of `size`, its pricing, and duals of zero: every pair that weighs something is violated.
    static func zeroDuals(_ size: Int, seed: UInt64) -> (
        Directory, [Int], DraftProof.Objective, PairPricing, DualCertificate
    ) {
        let directory = Communities.random(size, seed: seed)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let pool = Array(directory.members.indices)
        let objective = DraftProof.Objective(model: model, priority: [:])
        let pricing = PairPricing(model: model, pool: pool, objective: objective, admissibility: Admissibility())
        return (
            directory, pool, objective, pricing,
            DualCertificate(vertexDuals: [Int64](repeating: 0, count: size), blossoms: [])
        )
    }

    /// Pairs already in the graph that the vertex duals alone fall short of
    /// (a blossom's dual covers them) never take the place of a pair left out.
    @Test func pairsOfTheGraphDoNotCrowdOutThoseLeftOut() throws {
        let (_, pool, objective, pricing, zero) = Self.zeroDuals(80, seed: 39)
        let partners = (1..<pool.count).filter { objective.weight(0, $0) > 0 }
            .sorted { objective.weight(0, $0) > objective.weight(0, $1) }
        #expect(partners.count > 20)
        // Zero duals: every pair that weighs something is violated; member 0's 12 best are "in the graph".
        let present = PairKeys(partners.prefix(12).map { PairKeys.key(0, $0) })
        let round = try pricing.violators(present: present, certificate: zero, perMember: 4, shouldStop: { false })
        let ofZero = round.pairs.filter { $0.u == 0 }.map(\.v)
        #expect(ofZero.count >= 4)
        #expect(Set(ofZero).isDisjoint(with: partners.prefix(12)))
        #expect(round.unfinished[0])
    }

    /// A round hands on no more than each member's most violated pairs,
    /// however many the duals leave uncovered (with zero duals, every pair
    /// that weighs something): the first rounds of a large community find
    /// many millions, and only these are kept.
    @Test func aRoundKeepsOnlyEachMembersMostViolated() throws {
        let (directory, pool, objective, pricing, zero) = Self.zeroDuals(120, seed: 41)
        let round = try pricing.violators(
            present: PairKeys([]), certificate: zero, perMember: 3, shouldStop: { false })
        #expect(round.pairs.count <= pool.count * 3)
        let positive = pool.indices.flatMap { u in ((u + 1)..<pool.count).map { (u, $0) } }
            .filter { objective.weight(pool[$0.0], pool[$0.1]) > 0 }
        #expect(positive.count > 10 * round.pairs.count, "far more pairs were violated than were kept")
        // Member 0 prices all its pairs: its three heaviest are handed on.
        let constraints = DraftProof.PlainConstraints(directory, forbidden: [])
        let best = (1..<pool.count).filter { constraints.allows(0, $0) }.sorted {
            (objective.weight(0, $0), -$0) > (objective.weight(0, $1), -$1)
        }.prefix(3)
        let ofZero = Set(round.pairs.filter { $0.u == 0 }.map(\.v))
        #expect(ofZero.isSuperset(of: best))
        #expect(round.unfinished[0])
    }

    /// A member's own quota: member 0, given room for twelve, hands on its
    /// twelve heaviest while the others keep three; and the quota doubles
    /// only from the third round in a row with more than it could hand on.
    @Test func aMemberHandsOnAsManyAsItsQuota() throws {
        let (directory, pool, objective, pricing, zero) = Self.zeroDuals(120, seed: 41)
        var quotas = [Int](repeating: 3, count: pool.count)
        quotas[0] = 12
        let round = try pricing.violators(
            present: PairKeys([]), certificate: zero, quotas: quotas, shouldStop: { false })
        let constraints = DraftProof.PlainConstraints(directory, forbidden: [])
        let best = (1..<pool.count).filter { constraints.allows(0, $0) }.sorted {
            (objective.weight(0, $0), -$0) > (objective.weight(0, $1), -$1)
        }
        let ofZero = Set(round.pairs.filter { $0.u == 0 }.map(\.v))
        #expect(ofZero.isSuperset(of: best.prefix(12)))
        #expect(round.pairs.count <= 3 * (pool.count - 1) + 12)
        #expect(
            (0..<6).map(PairPricing.quota(afterUnfinishedRounds:)) == [16, 16, 16, 32, 64, 128]
                && PairPricing.quota(afterUnfinishedRounds: 40) == 1024)
    }

    /// When few members are left unfinished, each gets its share of a
    /// round's room, never less than its own quota; the others keep theirs.
    @Test func fewUnfinishedMembersShareARoundsRoom() {
        let share = PairPricing.roundShare
        #expect(PairPricing.quotas(afterUnfinishedRounds: [0, 0, 5, 0]) == [16, 16, share, 16])
        #expect(PairPricing.quotas(afterUnfinishedRounds: [1, 0, 4]) == [share / 2, 16, share / 2])
        // Many unfinished: the share is less than the quotas, which stand.
        let many = [Int](repeating: 1, count: share) + [9, 0]
        let quotas = PairPricing.quotas(afterUnfinishedRounds: many)
        #expect(quotas.prefix(share).allSatisfy { $0 == 16 } && quotas[share] == 1024 && quotas[share + 1] == 16)
        #expect(PairPricing.quotas(afterUnfinishedRounds: [0, 0]) == [16, 16])
    }

    /// Per member, the most violated pairs are kept whatever the order they come in.
    @Test func theMostViolatedAreKeptInAnyOrder() {
        var rng = SplitMix64(seed: 42)
        for keeping in [1, 2, 7, 50] {
            let offers = (0..<60).map { (Int32($0), Int64.random(in: 1...9, using: &rng)) }
            let expected = offers.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(keeping).map { Int($0.0) }
            for _ in 0..<10 {
                var most = MostViolated(count: 1, keeping: keeping)
                for (other, by) in offers.shuffled(using: &rng) { most.add(0, other, by: by) }
                #expect(most.kept(0).sorted() == expected.sorted(), "keeping \(keeping)")
                #expect(most.members[0].found == 60)
            }
        }
    }

    /// A member's own scan keeps the same pairs as `MostViolated` when it
    /// passes over every pair `matters` turns away, and counts them as far
    /// as a round asks: exactly up to one past what it keeps.
    @Test func aScanPassesOverOnlyPairsThatChangeNothing() {
        var rng = SplitMix64(seed: 43)
        for keeping in [1, 3, 16] {
            for count in [0, 1, keeping, keeping + 1, keeping + 2, 200] {
                let offers = (0..<count).map { (Int32($0), Int64.random(in: 1...12, using: &rng)) }.shuffled(
                    using: &rng)
                var most = MostViolated(count: 1, keeping: keeping)
                var own = OwnViolations(keeping: keeping)
                var passedOver = 0
                for (other, by) in offers {
                    most.add(0, other, by: by)
                    if own.matters(by, other) { own.add(by, other) } else { passedOver += 1 }
                }
                let label = "keeping \(keeping), \(count) pairs"
                #expect(own.entries.map(\.other).sorted() == most.kept(0).map(Int32.init).sorted(), "\(label)")
                if count <= keeping + 1 {
                    #expect(own.found == count && passedOver == 0, "\(label)")
                } else {
                    #expect(own.found > keeping && own.found <= count, "\(label)")
                }
                if count == 200 { #expect(passedOver > 100, "\(label): most pairs changed nothing") }
            }
        }
    }

    /// The check of the pairs left out is not the pricing: duals that cover
    /// nothing outside the graph are refused.
    @Test func aCertificateThatLeavesPairsUncoveredIsRefused() throws {
        let directory = Communities.random(300, seed: 37)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let pool = Array(directory.members.indices)
        var request = MatchRequest(mode: .pairs)
        request.completeLimit = 0
        request.candidates = 1
        let objective = DraftProof.Objective(model: model, priority: [:])
        let graph = try PairingGraph(
            model: model, members: pool, admissibility: Admissibility(forbidden: []), candidates: 1, completeLimit: 0)
        let solved = try MaximumWeightMatching.solve(graph.graph)
        let constraints = DraftProof.PlainConstraints(directory, forbidden: [])
        #expect(throws: MatchError.self) {
            try DraftProof.checkLeftOut(
                certificate: solved.certificate, pool: pool, graphEdges: graph.graph.edges, objective: objective,
                constraints: constraints, shouldStop: { false })
        }
    }
}

/// The check of the pairs left out finds an uncovered pair that shares a
/// tag even when every member's dual covers the pairs that share none (so
/// that only the walk through the tags can find it), and passes duals that
/// cover every pair.
struct LeftOutCheckTests {
    @Test func anUncoveredPairSharingATagIsFoundWhateverTheOtherDuals() throws {
        let directory = Communities.random(300, seed: 39)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let pool = Array(directory.members.indices)
        let objective = DraftProof.Objective(model: model, priority: [:])
        let constraints = DraftProof.PlainConstraints(directory, forbidden: [])
        var heaviest: Int64 = 0
        for u in pool.indices {
            for v in (u + 1)..<pool.count where constraints.allows(pool[u], pool[v]) {
                heaviest = max(heaviest, objective.weight(pool[u], pool[v]))
            }
        }
        func check(everyDual dual: Int64) throws {
            try DraftProof.checkLeftOut(
                certificate: DualCertificate(vertexDuals: [Int64](repeating: dual, count: pool.count), blossoms: []),
                pool: pool, graphEdges: [], objective: objective, constraints: constraints, shouldStop: { false })
        }
        let coversUntagged = 4 * DraftProof.untaggedBound(weights: model.weights, objective: objective) + 4
        #expect(2 * coversUntagged < 4 * heaviest, "the heaviest pair is not covered")
        #expect(throws: MatchError.self) { try check(everyDual: coversUntagged) }
        try check(everyDual: 2 * heaviest)
    }

    @Test func anUncoveredMenteeMentorPairSharingATagIsFound() throws {
        let directory = Communities.random(300, seed: 40)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let mentors = directory.members.indices.filter { directory.members[$0].role == .entrepreneur }
        let rows = directory.members.indices.filter { directory.members[$0].role != .entrepreneur }
        let objective = DraftProof.Objective(model: model, priority: [:])
        let constraints = DraftProof.PlainConstraints(directory, forbidden: [])
        var heaviest: Int64 = 0
        for i in rows {
            for j in mentors where constraints.allows(i, j) { heaviest = max(heaviest, objective.weight(i, j)) }
        }
        func check(everyDual dual: Int64) throws {
            try DraftProof.checkAssignmentLeftOut(
                certificate: AssignmentCertificate(
                    rowDuals: [Int64](repeating: dual, count: rows.count),
                    columnDuals: [Int64](repeating: dual, count: mentors.count)),
                rows: rows, mentors: mentors, graphEdges: [], objective: objective, constraints: constraints,
                shouldStop: { false })
        }
        let coversUntagged = DraftProof.untaggedBound(weights: model.weights, objective: objective) + 1
        #expect(2 * coversUntagged < heaviest, "the heaviest pair is not covered")
        #expect(throws: MatchError.self) { try check(everyDual: coversUntagged) }
        try check(everyDual: heaviest)
    }
}

/// A pair that met before and was rated well scores more than its terms
/// alone: the checks weigh each such pair. Duals that cover every pair, the
/// rated one up to its tag points and the most its other terms weigh (so
/// that the scan through the tags passes over it), are refused once the
/// rating raises it past them.
struct RatedPairCheckTests {
    /// The heaviest admissible pair of `pairs` (directory indices).
    static func heaviest(_ pairs: [(Int, Int)], _ model: AffinityModel) -> (Int, Int) {
        let constraints = DraftProof.PlainConstraints(model.directory, forbidden: [])
        let allowed = pairs.filter { constraints.allows($0.0, $0.1) }
        return allowed.max { model.score($0.0, $0.1) < model.score($1.0, $1.1) }!
    }

    static func ratedModel(_ directory: Directory, _ a: Int, _ b: Int) -> AffinityModel {
        let pair = MemberPair(directory.members[a].id, directory.members[b].id)
        return AffinityModel(
            directory: directory, weights: AffinityWeights(),
            history: MeetingHistory([pair: .init(roundsAgo: 40, rating: 5)]))
    }

    /// What the scan's bound covers for the pair: its tag points and the most the rest can weigh, plus one.
    static func scanBound(_ model: AffinityModel, _ a: Int, _ b: Int) -> Int64 {
        let objective = DraftProof.Objective(model: model, priority: [:])
        return model.tagPoints(a, b) + DraftProof.untaggedBound(weights: model.weights, objective: objective) + 1
    }

    @Test func aRatedPairRaisedPastTheDualsIsFound() throws {
        let directory = Communities.random(300, seed: 41)
        let pool = Array(directory.members.indices)
        let plain = AffinityModel(directory: directory, weights: AffinityWeights())
        let (a, b) = Self.heaviest(pool.flatMap { u in ((u + 1)..<pool.count).map { (u, $0) } }, plain)
        let rated = Self.ratedModel(directory, a, b)
        let covered = Self.scanBound(plain, a, b)
        #expect(plain.score(a, b) <= covered && rated.score(a, b) > covered, "only the rating uncovers the pair")
        // Quarters: everyone covers anything, but a and b cover their pair up to `covered` only.
        var duals = [Int64](repeating: 8 * plain.score(a, b), count: pool.count)
        duals[a] = 2 * covered
        duals[b] = 2 * covered
        func check(_ model: AffinityModel) throws {
            try DraftProof.checkLeftOut(
                certificate: DualCertificate(vertexDuals: duals, blossoms: []), pool: pool, graphEdges: [],
                objective: DraftProof.Objective(model: model, priority: [:]),
                constraints: DraftProof.PlainConstraints(directory, forbidden: []), shouldStop: { false })
        }
        try check(plain)
        #expect(throws: MatchError.self) { try check(rated) }
    }

    @Test func aRatedMenteeMentorPairRaisedPastTheDualsIsFound() throws {
        let directory = Communities.random(300, seed: 42)
        let mentors = directory.members.indices.filter { directory.members[$0].role == .entrepreneur }
        let rows = directory.members.indices.filter { directory.members[$0].role != .entrepreneur }
        let plain = AffinityModel(directory: directory, weights: AffinityWeights())
        let (a, b) = Self.heaviest(rows.flatMap { i in mentors.map { (i, $0) } }, plain)
        let rated = Self.ratedModel(directory, b, a)
        let covered = Self.scanBound(plain, a, b)
        #expect(plain.score(a, b) <= covered && rated.score(a, b) > covered, "only the rating uncovers the pair")
        let large = 4 * plain.score(a, b)
        var rowDuals = [Int64](repeating: large, count: rows.count)
        var columnDuals = [Int64](repeating: large, count: mentors.count)
        rowDuals[rows.firstIndex(of: a)!] = covered / 2
        columnDuals[mentors.firstIndex(of: b)!] = covered - covered / 2
        func check(_ model: AffinityModel) throws {
            try DraftProof.checkAssignmentLeftOut(
                certificate: AssignmentCertificate(rowDuals: rowDuals, columnDuals: columnDuals),
                rows: rows, mentors: mentors, graphEdges: [],
                objective: DraftProof.Objective(model: model, priority: [:]),
                constraints: DraftProof.PlainConstraints(directory, forbidden: []), shouldStop: { false })
        }
        try check(plain)
        #expect(throws: MatchError.self) { try check(rated) }
    }
}

/// Ctrl-C stops each stage of a large `match pairs`: the candidates, the
/// pricing and the check of the pairs left out.
struct PairPricingCancellationTests {
    @Test func everyStageStopsWhenAsked() throws {
        let directory = Communities.random(400, seed: 38)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let pool = Array(directory.members.indices)
        let admissibility = Admissibility(forbidden: [])
        let objective = DraftProof.Objective(model: model, priority: [:])
        #expect(throws: MatchingError.cancelled) {
            _ = try PairingGraph(
                model: model, members: pool, admissibility: admissibility, candidates: 3, completeLimit: 0,
                shouldStop: { true })
        }
        let graph = try PairingGraph(
            model: model, members: pool, admissibility: admissibility, candidates: 3, completeLimit: 0)
        let solved = try MaximumWeightMatching.solve(graph.graph)
        let pricing = PairPricing(model: model, pool: pool, objective: objective, admissibility: admissibility)
        #expect(throws: MatchingError.cancelled) {
            _ = try pricing.violators(present: graph.edgeKeys, certificate: solved.certificate, shouldStop: { true })
        }
        #expect(throws: MatchingError.cancelled) {
            try DraftProof.checkLeftOut(
                certificate: solved.certificate, pool: pool, graphEdges: graph.graph.edges, objective: objective,
                constraints: DraftProof.PlainConstraints(directory, forbidden: []), shouldStop: { true })
        }
        // And the whole match, stopped halfway through its questions, throws rather than claims.
        var request = MatchRequest(mode: .pairs)
        request.completeLimit = 0
        request.candidates = 3
        var questions = 0
        _ = try Matchmaker.match(
            request, model: model, now: Date(),
            shouldStop: {
                questions += 1
                return false
            })
        #expect(questions > 4)
        var asked = 0
        #expect(throws: MatchingError.cancelled) {
            _ = try Matchmaker.match(
                request, model: model, now: Date(),
                shouldStop: {
                    asked += 1
                    return asked > questions / 2
                })
        }
    }
}
