import Community
import Foundation
import Matching
import Testing

@testable import Matchmaker

/// Mentoring priced against mentoring scored whole: solved on a few mentors
/// per mentee and priced, the assignment has the optimum of every admissible
/// mentee–mentor pair, and says so only after its own check.
struct MentoringPricingTests {
    static let now = Date(timeIntervalSince1970: 1_796_112_000)

    /// The objective the assignment maximises (boosts included), summed over the draft's pairs.
    func objectiveValue(_ draft: Draft, _ objective: DraftProof.Objective) -> Int64 {
        let directory = objective.model.directory
        return draft.groups.reduce(0) { total, group in
            total + objective.weight(directory.index(of: group.members[0])!, directory.index(of: group.members[1])!)
        }
    }

    /// The last case reads tag lists longer than 5 in part for the first candidates.
    @Test(arguments: [
        (300, 51, false, false, PairingGraph.sampling), (600, 52, true, false, PairingGraph.sampling),
        (400, 53, false, true, PairingGraph.sampling), (500, 54, true, false, 5),
    ])
    func pricingReachesTheOptimumOfEveryPair(
        size: Int, seed: UInt64, withHistory: Bool, everyone: Bool, sampling: Int
    ) throws {
        let directory = Communities.random(size, seed: seed)
        var history = MeetingHistory.none
        var request = MatchRequest(mode: .mentoring)
        request.everyone = everyone
        if withHistory {
            var rng = SplitMix64(seed: seed)
            history = Communities.randomHistory(of: directory, using: &rng)
            request.priority = [directory.members[0].id: 0.5, directory.members[1].id: 0.3]
            request.forbidden = [MemberPair(directory.members[2].id, directory.members[3].id)]
        }
        let model = AffinityModel(directory: directory, weights: AffinityWeights(), history: history)
        let objective = DraftProof.Objective(model: model, priority: request.priority)
        let whole = try Matchmaker.match(request, model: model, now: Self.now)
        request.completeLimit = 0
        request.candidates = 2
        request.sampling = sampling
        let priced = try Matchmaker.match(request, model: model, now: Self.now)
        #expect(objectiveValue(priced, objective) == objectiveValue(whole, objective))
        #expect(priced.groups.count == whole.groups.count)
        #expect(priced.guarantee.claim == .optimal && priced.guarantee.coverage == .everyAdmissiblePair)
        // Each unassigned mentee gets the same cause as when every pair is scored.
        let wholeCauses = Dictionary(uniqueKeysWithValues: whole.unmatched.map { ($0.id, $0.cause) })
        for entry in priced.unmatched where wholeCauses[entry.id] != nil {
            #expect(entry.cause == wholeCauses[entry.id])
        }
    }

    /// The pricing adds pairs: one mentor a mentee is not enough, and the
    /// check of the pairs left out refuses the first certificate.
    @Test func theCandidatesAloneAreNotProvedAndTheCheckSaysSo() throws {
        let directory = Communities.random(300, seed: 54)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let rows = directory.members.indices.filter { directory.members[$0].role != .entrepreneur }
        let mentors = directory.members.indices.filter { directory.members[$0].role == .entrepreneur }
        let objective = DraftProof.Objective(model: model, priority: [:])
        let pricing = MentoringPricing(
            model: model, rows: rows, mentors: mentors, objective: objective, admissibility: Admissibility())
        let edges = try pricing.candidates(1, shouldStop: { false })
        #expect(edges.count <= rows.count)
        let graph = try BipartiteGraph(leftCount: rows.count, rightCount: mentors.count, edges: edges)
        let capacities = mentors.map { directory.members[$0].capacity }
        let solved = try CapacitatedAssignment.solve(graph, capacities: capacities)
        let present = PairKeys(edges.map { MentoringPricing.key($0.u, $0.v) })
        let added = try pricing.violators(present: present, certificate: solved.certificate, shouldStop: { false })
            .pairs
        #expect(!added.isEmpty)
        #expect(added.allSatisfy { !present.contains(MentoringPricing.key($0.row, $0.column)) })
        #expect(throws: MatchError.self) {
            try DraftProof.checkAssignmentLeftOut(
                certificate: solved.certificate, rows: rows, mentors: mentors, graphEdges: edges,
                objective: objective, constraints: DraftProof.PlainConstraints(directory, forbidden: []),
                shouldStop: { false })
        }
    }

    /// Rounds that go on from the memory of the round before find the same
    /// violated pairs as a scan of every mentee from nothing, whatever the
    /// duals of either side do (most stay, some move within half the margin,
    /// some fall past it, some rise), with a change of the weight shift at
    /// round 7; and they scan only some mentees, and some mentors. In the
    /// last case needs met weigh so much that pairs pass 32 bits: those
    /// within the margin cannot be kept, and their members are scanned again.
    @Test(arguments: [
        (300 as Int, 61 as UInt64, false, false), (600, 62, false, false), (400, 63, true, false),
        (300, 64, false, true),
    ])
    func roundsGoingOnFindWhatAFullScanFinds(size: Int, seed: UInt64, withHistory: Bool, heavy: Bool) throws {
        let directory = Communities.random(size, seed: seed)
        var rng = SplitMix64(seed: seed)
        var history = MeetingHistory.none
        var priority: [String: Double] = [:]
        if withHistory {
            history = Communities.randomHistory(of: directory, using: &rng)
            priority = [directory.members[0].id: 0.5, directory.members[1].id: 0.3]
        }
        var weights = AffinityWeights()
        if heavy { weights.complementarity = 1_000_000 }
        let model = AffinityModel(directory: directory, weights: weights, history: history)
        let rows = directory.members.indices.filter { directory.members[$0].role != .entrepreneur }
        let mentors = directory.members.indices.filter { directory.members[$0].role == .entrepreneur }
        let objective = DraftProof.Objective(model: model, priority: priority)
        let pricing = MentoringPricing(
            model: model, rows: rows, mentors: mentors, objective: objective, admissibility: Admissibility())
        let edges = try pricing.candidates(2, shouldStop: { false })
        let graph = try BipartiteGraph(leftCount: rows.count, rightCount: mentors.count, edges: edges)
        let solved = try CapacitatedAssignment.solve(graph, capacities: mentors.map { directory.members[$0].capacity })
        let present = PairKeys(edges.map { MentoringPricing.key($0.u, $0.v) })
        var rowDuals = solved.certificate.rowDuals
        var columnDuals = solved.certificate.columnDuals
        var memory: MentoringPricing.Memory?
        var fewerRows = 0
        var someColumns = 0
        var violatedRounds = 0
        for round in 1...12 {
            let shift: Int64 = round >= 7 ? 120 : 0
            let certificate = AssignmentCertificate(rowDuals: rowDuals, columnDuals: columnDuals, weightShift: shift)
            // Room for every violated pair: a round hands them all on, and the two can be compared whole.
            let goingOn = try pricing.violators(
                present: present, certificate: certificate, after: memory, perRow: 1 << 20, shouldStop: { false })
            let fromNothing = try pricing.violators(
                present: present, certificate: certificate, perRow: 1 << 20, shouldStop: { false })
            let found = Set(goingOn.pairs.map { MentoringPricing.key($0.row, $0.column) })
            let expected = Set(fromNothing.pairs.map { MentoringPricing.key($0.row, $0.column) })
            #expect(
                found.symmetricDifference(expected).isEmpty,
                "round \(round): \(found.subtracting(expected).count) more, \(expected.subtracting(found).count) missed"
            )
            #expect(goingOn.pairs.count == found.count, "each pair once")
            let scannedRows = goingOn.memory.rows.scannedLastRound
            if round == 1 || round == 7 { #expect(scannedRows == rows.count) }
            if scannedRows < rows.count { fewerRows += 1 }
            if scannedRows < rows.count && goingOn.memory.columns.scannedLastRound > 0 { someColumns += 1 }
            if !expected.isEmpty { violatedRounds += 1 }
            if heavy && round < 7 { #expect(goingOn.memory.rows.near.contains { $0 == nil }) }
            memory = goingOn.memory
            rowDuals = PricingMemoryTests.moved(rowDuals, margin: MentoringPricing.margin, using: &rng)
            columnDuals = PricingMemoryTests.moved(columnDuals, margin: MentoringPricing.margin, using: &rng)
        }
        #expect(fewerRows >= (heavy ? 0 : 8), "most rounds scan only some mentees")
        #expect(someColumns >= (heavy ? 0 : 8), "and some mentors")
        #expect(violatedRounds >= 8, "the duals left pairs violated")
    }

    @Test func everyStageStopsWhenAsked() throws {
        let directory = Communities.random(300, seed: 55)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        var request = MatchRequest(mode: .mentoring)
        request.completeLimit = 0
        request.candidates = 2
        #expect(try Cancellation.expectEveryStageStops(request, model: model, now: Self.now) > 3)
    }

    /// A stable draft's pairs are put in the priced graph of its community,
    /// whose optimum stays that of every pair.
    @Test func theGraphOfAStableDraftHoldsItsPairs() throws {
        let directory = Communities.random(500, seed: 58)
        var request = MatchRequest(mode: .mentoring)
        request.stable = true
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let draft = try Matchmaker.match(request, model: model, now: Self.now)
        let pairs = draft.groups.map { (directory.index(of: $0.members[0])!, directory.index(of: $0.members[1])!) }
        request.stable = false
        request.completeLimit = 0
        request.candidates = 2
        let plain = try Matchmaker.mentoringGraph(request, model: model)
        let file = try Matchmaker.mentoringGraph(request, model: model, including: pairs.map { ($0.0, $0.1) })
        let first = MentoringGraph.firstSeats(file.seats)
        let edges = Set(file.graph.edges.map { "\($0.u) \($0.v) \($0.weight)" })
        var missing = 0
        for (mentee, mentor) in pairs where model.score(mentee, mentor) > 0 {
            let i = file.mentees.firstIndex(of: mentee)!
            let j = file.mentors.firstIndex(of: mentor)!
            missing += edges.contains("\(i) \(first[j]) \(model.score(mentee, mentor))") ? 0 : 1
        }
        #expect(missing == 0)
        #expect(file.graph.edges.count > plain.graph.edges.count, "the stable pairs were not all in the priced graph")
        let best = try MaximumWeightMatching.solve(plain.graph.asGeneralGraph).weight
        #expect(try MaximumWeightMatching.solve(file.graph.asGeneralGraph).weight == best)
        #expect(draft.total <= best)
    }

    /// The graph of a mentoring round, as another solver would read it:
    /// its best matching, over the priced graph or over every pair given once
    /// per seat, is the draft's total less its pin; each side numbered as
    /// said (mentees, then each mentor's seats in a row).
    @Test(arguments: [false, true])
    func theMentoringGraphHasTheDraftsOptimum(priced: Bool) throws {
        let directory = Communities.random(500, seed: 57)
        var request = MatchRequest(mode: .mentoring)
        let mentee = directory.members.first { $0.role == .student }!
        let mentor = directory.members.first { $0.role == .entrepreneur && $0.capacity > 1 }!
        request.pins = [MemberPair(mentee.id, mentor.id)]
        request.forbidden = [MemberPair(directory.members[2].id, directory.members[3].id)]
        if priced {
            request.completeLimit = 0
            request.candidates = 2
        }
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let draft = try Matchmaker.match(request, model: model, now: Self.now)
        let pinned = draft.groups.filter(\.isPinned)
        #expect(pinned.count == 1)
        let file = try Matchmaker.mentoringGraph(request, model: model)
        let mentors = directory.members.indices.filter { directory.members[$0].role == .entrepreneur }
        #expect(file.mentors == mentors)
        #expect(file.mentees.count == directory.members.count - mentors.count - 1)
        #expect(!file.mentees.contains(directory.index(of: mentee.id)!))
        let column = mentors.firstIndex(of: directory.index(of: mentor.id)!)!
        #expect(file.seats[column] == mentor.capacity - 1)
        #expect(file.seats.reduce(0, +) == file.graph.rightCount)
        var every: [WeightedEdge] = []
        let sides = try Matchmaker.everyMentoringPair(request, model: model) { every.append(WeightedEdge($0, $1, $2)) }
        #expect(sides == (file.mentees.count, mentors.count, file.graph.rightCount))
        let whole = try BipartiteGraph(leftCount: sides.mentees, rightCount: sides.seats, edges: every)
        let best = draft.total - pinned[0].score
        for graph in [file.graph, whole] {
            let read = try GraphText.parse(GraphText.write(graph))
            #expect(read.isBipartite)
            #expect(try MaximumWeightMatching.solve(read.generalGraph).weight == best)
        }
        // The priced graph holds only some pairs; every pair is there once per seat.
        #expect(priced == (file.graph.edges.count < whole.edges.count))
        let first = MentoringGraph.firstSeats(file.seats)
        for j in mentors.indices where file.seats[j] > 1 {
            let seatsOfJ = Set(first[j]..<first[j + 1])
            let rowsBySeat = Dictionary(grouping: whole.edges.filter { seatsOfJ.contains($0.v) }, by: \.v)
                .mapValues { Set($0.map(\.u)) }
            #expect(Set(rowsBySeat.values).count <= 1, "every seat of a mentor has the same mentees")
        }
    }
}
