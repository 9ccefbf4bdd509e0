import Testing

@testable import Matching

struct StableRoommatesTests {
    @Test func theWorkedExampleHasNoStableMatching() {
        #expect(StableRoommates.match([[1, 2, 3], [2, 0, 3], [0, 1, 3], [0, 1, 2]]) == nil)
    }

    @Test func aClassicInstanceWithAStableMatching() {
        // Six people with complete lists that do have a stable matching.
        let preferences = [
            [3, 5, 1, 4, 2], [5, 2, 4, 0, 3], [3, 4, 0, 5, 1],
            [4, 5, 1, 0, 2], [1, 3, 2, 0, 5], [0, 4, 2, 1, 3],
        ]
        let result = StableRoommates.match(preferences)
        #expect(result != nil)
        if let result { #expect(StableRoommates.blockingPairs(result, preferences: preferences).isEmpty) }
    }

    static func allMatchings(_ preferences: [[Int]]) -> [[Int?]] {
        let n = preferences.count
        func acceptable(_ a: Int, _ b: Int) -> Bool { preferences[a].contains(b) && preferences[b].contains(a) }
        var results: [[Int?]] = []
        var partner = [Int?](repeating: nil, count: n)
        func search(_ start: Int) {
            var a = start
            while a < n && partner[a] != nil { a += 1 }
            guard a < n else {
                results.append(partner)
                return
            }
            partner[a] = a  // marks a as decided (single) while the rest is searched
            search(a + 1)
            partner[a] = nil
            for b in (a + 1)..<max(a + 1, n) where partner[b] == nil && acceptable(a, b) {
                partner[a] = b
                partner[b] = a
                search(a + 1)
                partner[a] = nil
                partner[b] = nil
            }
        }
        search(0)
        return results.map { matching in matching.enumerated().map { $1 == $0 ? nil : $1 } }
    }

    /// Against every matching of small random instances, complete lists and incomplete ones.
    @Test func findsAStableMatchingExactlyWhenOneExists() {
        var rng = SeededGenerator(seed: 41)
        var withStable = 0
        var without = 0
        for round in 0..<3000 {
            let n = Int.random(in: 1...8, using: &rng)
            let complete = round % 2 == 0
            let preferences = (0..<n).map { person -> [Int] in
                let others = (0..<n).filter { $0 != person }.shuffled(using: &rng)
                return complete ? others : Array(others.prefix(Int.random(in: 0...others.count, using: &rng)))
            }
            let stable = Self.allMatchings(preferences).filter {
                StableRoommates.blockingPairs($0, preferences: preferences).isEmpty
            }
            let result = StableRoommates.match(preferences)
            if stable.isEmpty {
                without += 1
                #expect(result == nil, "\(preferences)")
            } else {
                withStable += 1
                #expect(result != nil, "\(preferences)")
                if let result {
                    #expect(
                        StableRoommates.blockingPairs(result, preferences: preferences).isEmpty,
                        "\(preferences) → \(result)")
                    // Everyone single in one stable matching is single in all of them.
                    let singles = Set(result.indices.filter { result[$0] == nil })
                    #expect(Set(stable[0].indices.filter { stable[0][$0] == nil }) == singles)
                }
            }
        }
        #expect(withStable > 500 && without > 100, "both kinds of instance were tried")
    }
}
