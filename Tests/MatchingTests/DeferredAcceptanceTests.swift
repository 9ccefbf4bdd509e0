import Testing

@testable import Matching

struct DeferredAcceptanceTests {
    @Test func theWorkedExample() {
        let result = DeferredAcceptance.match(
            proposerPreferences: [[0, 1], [0, 1]], receiverPreferences: [[1, 0], [0, 1]], capacities: [1, 1])
        #expect(result.receiver == [1, 0])
    }

    @Test func capacitiesAndUnacceptablePairs() {
        // Mentor 0 takes two; mentee 2 lists only mentor 1, who does not list mentee 2.
        let proposers = [[0, 1], [0], [1]]
        let receivers = [[2, 1, 0], [0]]
        let result = DeferredAcceptance.match(
            proposerPreferences: proposers, receiverPreferences: receivers, capacities: [2, 1])
        #expect(result.receiver == [0, 0, nil])
        #expect(
            DeferredAcceptance.blockingPairs(
                result.receiver, proposerPreferences: proposers, receiverPreferences: receivers, capacities: [2, 1]
            ).isEmpty)
    }

    @Test func blockingPairsAreFound() {
        let proposers = [[0, 1], [0, 1]]
        let receivers = [[1, 0], [0, 1]]
        let blocking = DeferredAcceptance.blockingPairs(
            [0, 1], proposerPreferences: proposers, receiverPreferences: receivers, capacities: [1, 1])
        #expect(blocking.map { [$0.proposer, $0.receiver] } == [[1, 0]])
    }

    /// Random lists: complete or not, capacities 0 to 3.
    static func randomInstance(using rng: inout SeededGenerator) -> (
        proposers: [[Int]], receivers: [[Int]], capacities: [Int]
    ) {
        let p = Int.random(in: 1...6, using: &rng)
        let r = Int.random(in: 1...4, using: &rng)
        let proposers = (0..<p).map { _ in
            Array((0..<r).shuffled(using: &rng).prefix(Int.random(in: 0...r, using: &rng)))
        }
        let receivers = (0..<r).map { _ in
            Array((0..<p).shuffled(using: &rng).prefix(Int.random(in: 0...p, using: &rng)))
        }
        let capacities = (0..<r).map { _ in Int.random(in: 0...3, using: &rng) }
        return (proposers, receivers, capacities)
    }

    /// Every assignment within the capacities along acceptable pairs.
    static func allAssignments(_ instance: (proposers: [[Int]], receivers: [[Int]], capacities: [Int])) -> [[Int?]] {
        var results: [[Int?]] = []
        var current = [Int?](repeating: nil, count: instance.proposers.count)
        var load = [Int](repeating: 0, count: instance.receivers.count)
        func search(_ p: Int) {
            guard p < instance.proposers.count else {
                results.append(current)
                return
            }
            search(p + 1)
            for r in instance.proposers[p] where instance.receivers[r].contains(p) && load[r] < instance.capacities[r] {
                current[p] = r
                load[r] += 1
                search(p + 1)
                load[r] -= 1
                current[p] = nil
            }
        }
        search(0)
        return results
    }

    @Test func stableAndBestForEveryProposer() {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<1500 {
            let instance = Self.randomInstance(using: &rng)
            let result = DeferredAcceptance.match(
                proposerPreferences: instance.proposers, receiverPreferences: instance.receivers,
                capacities: instance.capacities)
            #expect(
                DeferredAcceptance.blockingPairs(
                    result.receiver, proposerPreferences: instance.proposers,
                    receiverPreferences: instance.receivers, capacities: instance.capacities
                ).isEmpty)
            let stable = Self.allAssignments(instance).filter {
                DeferredAcceptance.blockingPairs(
                    $0, proposerPreferences: instance.proposers, receiverPreferences: instance.receivers,
                    capacities: instance.capacities
                ).isEmpty
            }
            #expect(!stable.isEmpty)
            // No stable assignment gives any proposer something it prefers.
            for other in stable {
                for (p, list) in instance.proposers.enumerated() {
                    let mine = result.receiver[p].flatMap { list.firstIndex(of: $0) } ?? Int.max
                    let theirs = other[p].flatMap { list.firstIndex(of: $0) } ?? Int.max
                    #expect(mine <= theirs, "proposer \(p) does better in \(other) than in \(result.receiver)")
                }
            }
        }
    }

    @Test func proposalOrderDoesNotMatter() {
        var rng = SeededGenerator(seed: 32)
        let n = 60
        let proposers = (0..<n).map { _ in Array((0..<n).shuffled(using: &rng)) }
        let receivers = (0..<n).map { _ in Array((0..<n).shuffled(using: &rng)) }
        let result = DeferredAcceptance.match(
            proposerPreferences: proposers, receiverPreferences: receivers, capacities: Array(repeating: 1, count: n))
        #expect(result.receiver.allSatisfy { $0 != nil })
        // Renumbering the proposers renumbers the answer and nothing else.
        let permutation = Array((0..<n).shuffled(using: &rng))
        var renumbered = [[Int]](repeating: [], count: n)
        for p in 0..<n { renumbered[permutation[p]] = proposers[p] }
        let renumberedReceivers = receivers.map { $0.map { permutation[$0] } }
        let again = DeferredAcceptance.match(
            proposerPreferences: renumbered, receiverPreferences: renumberedReceivers,
            capacities: Array(repeating: 1, count: n))
        for p in 0..<n { #expect(again.receiver[permutation[p]] == result.receiver[p]) }
    }
}
