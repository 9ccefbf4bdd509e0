import Community
import Matching
import Testing

@testable import Matchmaker

/// Pricing that goes on from the round before: whatever the duals do from
/// one round to the next, it finds the same violated pairs as pricing every
/// member from nothing, while scanning fewer members.
struct PricingMemoryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let size: Int
        let seed: UInt64
        var withHistory = false
        /// Needs met weigh so much that pairs pass 32 bits: their members keep none and are scanned each round.
        var heavy = false
        var testDescription: String {
            "\(size) members, seed \(seed)" + (withHistory ? ", with history and boosts" : "")
                + (heavy ? ", pairs too heavy to keep" : "")
        }
    }

    /// Each member's dual moved at random: most stay, some move less than
    /// half the margin either way, some fall past it, some rise.
    static func moved(_ duals: [Int64], margin: Int64 = PricingMemory.margin, using rng: inout SplitMix64) -> [Int64] {
        let half = margin / 2
        return duals.map { dual in
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5: dual
            case 5..<7: dual + Int64.random(in: -half...half, using: &rng)
            case 7: dual - Int64.random(in: (half + 1)...(6 * half), using: &rng)
            case 8: dual - Int64.random(in: (half / 2)...(2 * half), using: &rng)
            default: dual + Int64.random(in: 0...(3 * half), using: &rng)
            }
        }
    }

    @Test(arguments: [
        Case(size: 300, seed: 51), Case(size: 600, seed: 52), Case(size: 400, seed: 53, withHistory: true),
        Case(size: 300, seed: 54, heavy: true),
    ])
    func roundsGoingOnFindWhatAFullScanFinds(_ example: Case) throws {
        let directory = Communities.random(example.size, seed: example.seed)
        var rng = SplitMix64(seed: example.seed)
        var history = MeetingHistory.none
        var priority: [String: Double] = [:]
        if example.withHistory {
            history = Communities.randomHistory(of: directory, using: &rng)
            priority = [directory.members[0].id: 0.5, directory.members[1].id: 0.3]
        }
        var weights = AffinityWeights()
        if example.heavy { weights.complementarity = 1_000_000 }
        let model = AffinityModel(directory: directory, weights: weights, history: history)
        let pool = Array(directory.members.indices)
        let objective = DraftProof.Objective(model: model, priority: priority)
        let pricing = PairPricing(model: model, pool: pool, objective: objective, admissibility: Admissibility())
        let graph = try PairingGraph(
            model: model, members: pool, admissibility: Admissibility(), candidates: 3, completeLimit: 0)
        let present = graph.edgeKeys
        var duals = try MaximumWeightMatching.solve(graph.graph).certificate.vertexDuals
        // Room for every violated pair: a round hands them all on, and the two can be compared whole.
        let quotas = [Int](repeating: 1 << 20, count: pool.count)
        var memory: PricingMemory?
        var scannedFewer = 0
        var violatedRounds = 0
        for round in 1...12 {
            // Round 7 changes the weight shift: everyone is scanned again.
            let shift: Int64 = round >= 7 ? 250 : 0
            let certificate = DualCertificate(vertexDuals: duals, blossoms: [], weightShift: shift)
            let goingOn = try pricing.violators(
                present: present, certificate: certificate, after: memory, quotas: quotas, shouldStop: { false })
            let fromNothing = try pricing.violators(
                present: present, certificate: certificate, quotas: quotas, shouldStop: { false })
            let found = Set(goingOn.pairs.map { PairKeys.key($0.u, $0.v) })
            let expected = Set(fromNothing.pairs.map { PairKeys.key($0.u, $0.v) })
            #expect(
                found.symmetricDifference(expected).isEmpty,
                "round \(round): \(found.subtracting(expected).count) more, \(expected.subtracting(found).count) missed"
            )
            #expect(!goingOn.unfinished.contains(true))
            if round == 1 || round == 7 { #expect(goingOn.memory.scannedLastRound == pool.count) }
            if goingOn.memory.scannedLastRound < pool.count { scannedFewer += 1 }
            if !expected.isEmpty { violatedRounds += 1 }
            if example.heavy && round < 7 {
                // Those with a pair too heavy for 32 bits among those within the margin keep nothing.
                #expect(goingOn.memory.near.contains { $0 == nil })
            }
            memory = goingOn.memory
            duals = Self.moved(duals, using: &rng)
        }
        #expect(scannedFewer >= (example.heavy ? 0 : 8), "most rounds scan only some members")
        #expect(violatedRounds >= 8, "the duals left pairs violated")
    }

    /// A member is scanned again when its dual falls more than half the
    /// margin below its highest since its last scan, or its list overflowed.
    @Test func aMemberIsScannedAgainWhenItsDualFallsPastHalfTheMargin() {
        let half = PricingMemory.margin / 2
        var (memory, scans) = PricingMemory.next(nil, duals: [10_000, 10_000, 10_000], shift: 0)
        #expect(scans == [true, true, true])
        memory.near = [[], [], nil]
        // Member 0 falls exactly half the margin, member 1 rises, member 2 overflowed.
        (memory, scans) = PricingMemory.next(memory, duals: [10_000 - half, 12_000, 10_000], shift: 0)
        #expect(scans == [false, false, true])
        #expect(memory.peak == [10_000, 12_000, 10_000])
        memory.near[2] = []
        // Member 1 falls from its peak (not from its dual at its scan) by one more than half.
        (memory, scans) = PricingMemory.next(memory, duals: [10_000 - half, 12_000 - half - 1, 10_000], shift: 0)
        #expect(scans == [false, true, false])
        #expect(memory.scanned == [1, 3, 2] && memory.round == 3)
        // Another weight shift: everyone.
        (_, scans) = PricingMemory.next(memory, duals: [0, 0, 0], shift: 8)
        #expect(scans == [true, true, true])
    }
}
