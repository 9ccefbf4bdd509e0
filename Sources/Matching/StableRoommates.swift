/// Stable pairs within one group: Irving's stable roommates algorithm.
///
/// Everyone ranks the others they would meet (a pair is acceptable when each
/// lists the other). A matching is *stable* when no two people who are not
/// paired together would both rather be paired with each other than with
/// what they have (being unpaired is worse than any acceptable partner).
/// Unlike the two-sided case a stable matching may not exist; the algorithm
/// finds one or reports that there is none (R. W. Irving, *An efficient
/// algorithm for the "stable roommates" problem*, J. Algorithms 6, 1985;
/// incomplete lists: D. Gusfield and R. W. Irving, 1989).
///
/// Phase 1 is a round of proposals after which everyone holds at most one
/// proposal and lists are cut after it; phase 2 eliminates "rotations" until
/// every list has one entry. Someone whose list empties in phase 1 is single
/// in every stable matching; a list emptying in phase 2 means none exists.
///
/// - Complexity: O(n²) time and memory for n people.
///
/// ```swift
/// // Three people in a cycle of wishes, the fourth everyone's last choice: no stable matching.
/// let none = StableRoommates.match([[1, 2, 3], [2, 0, 3], [0, 1, 3], [0, 1, 2]])
/// // none == nil
/// ```
public enum StableRoommates {
    /// A stable matching as each person's partner (nil: single), or nil when none exists.
    public static func match(_ preferences: [[Int]]) -> [Int?]? {
        var table = ReducedLists(preferences)
        let n = preferences.count

        // Phase 1: everyone proposes down their list; a person holding a
        // proposal drops everyone they like less than its proposer.
        var holder = [Int?](repeating: nil, count: n)
        var free = Array((0..<n).reversed())
        while let proposer = free.popLast() {
            guard let target = table.first(of: proposer) else { continue }
            // Target's list was cut after its current proposer, so this one is preferred.
            if let current = holder[target] {
                table.delete(target, current)
                free.append(current)
            }
            holder[target] = proposer
            table.cut(target, after: proposer)
        }

        // Phase 2: while a list has two entries, find a rotation and eliminate it.
        let single = (0..<n).map { table.first(of: $0) == nil }
        var start = 0
        while true {
            while start < n && table.second(of: start) == nil { start += 1 }
            guard start < n else { break }
            var order: [Int] = []
            var position = [Int: Int]()
            var p = start
            while position[p] == nil {
                position[p] = order.count
                order.append(p)
                guard let q = table.second(of: p), let next = table.last(of: q) else { return nil }
                p = next
            }
            let rotation = Array(order[position[p]!...])
            let seconds = rotation.map { table.second(of: $0)! }
            table.touched.removeAll()
            for (person, second) in zip(rotation, seconds) { table.cut(second, after: person) }
            if table.touched.contains(where: { !single[$0] && table.first(of: $0) == nil }) { return nil }
            start = 0
        }
        var partner = [Int?](repeating: nil, count: n)
        for person in 0..<n {
            if let other = table.first(of: person), table.first(of: other) == person { partner[person] = other }
        }
        return partner
    }

    /// Pairs who are not together and would both rather be: each is single or
    /// ranks the other above their partner.
    public static func blockingPairs(_ partner: [Int?], preferences: [[Int]]) -> [(Int, Int)] {
        let n = preferences.count
        let ranks = Ranks(preferences, others: n)
        func prefers(_ person: Int, _ other: Int) -> Bool {
            guard let candidate = ranks.rank(of: other, by: person) else { return false }
            guard let current = partner[person] else { return true }
            return candidate < (ranks.rank(of: current, by: person) ?? Int.max)
        }
        var blocking: [(Int, Int)] = []
        for a in 0..<n {
            for b in preferences[a] where a < b && partner[a] != b && b < n && ranks.rank(of: a, by: b) != nil {
                if prefers(a, b) && prefers(b, a) { blocking.append((a, b)) }
            }
        }
        return blocking
    }
}

/// Preference lists reduced as the algorithm goes: only mutually acceptable
/// pairs, deletions symmetric, the first and last entries found in O(1) amortised.
struct ReducedLists {
    let n: Int
    let lists: [[Int]]
    private let rank: [Int32]
    private var present: [Bool]
    private var firstIndex: [Int]
    private var lastIndex: [Int]
    /// The people whose lists lost an entry since this was last emptied.
    var touched: [Int] = []

    init(_ preferences: [[Int]]) {
        n = preferences.count
        var rank = [Int32](repeating: -1, count: n * n)
        for (person, list) in preferences.enumerated() {
            for (index, other) in list.enumerated()
            where (0..<n).contains(other) && other != person && rank[person * n + other] < 0 {
                rank[person * n + other] = Int32(index)
            }
        }
        let n = n
        lists = (0..<n).map { person in
            var seen = Set<Int>()
            return preferences[person].filter { other in
                (0..<n).contains(other) && other != person && rank[other * n + person] >= 0
                    && seen.insert(other).inserted
            }
        }
        var present = [Bool](repeating: false, count: n * n)
        for (person, list) in lists.enumerated() { for other in list { present[person * n + other] = true } }
        self.rank = rank
        self.present = present
        firstIndex = [Int](repeating: 0, count: n)
        lastIndex = lists.map { $0.count - 1 }
    }

    mutating func first(of person: Int) -> Int? {
        let list = lists[person]
        while firstIndex[person] < list.count, !present[person * n + list[firstIndex[person]]] {
            firstIndex[person] += 1
        }
        return firstIndex[person] < list.count ? list[firstIndex[person]] : nil
    }

    mutating func second(of person: Int) -> Int? {
        guard first(of: person) != nil else { return nil }
        let list = lists[person]
        var index = firstIndex[person] + 1
        while index < list.count {
            if present[person * n + list[index]] { return list[index] }
            index += 1
        }
        return nil
    }

    mutating func last(of person: Int) -> Int? {
        let list = lists[person]
        while lastIndex[person] >= 0, !present[person * n + list[lastIndex[person]]] { lastIndex[person] -= 1 }
        return lastIndex[person] >= 0 ? list[lastIndex[person]] : nil
    }

    mutating func delete(_ a: Int, _ b: Int) {
        present[a * n + b] = false
        present[b * n + a] = false
        touched.append(a)
        touched.append(b)
    }

    /// `person` drops everyone after `kept` on its list (and leaves their lists).
    mutating func cut(_ person: Int, after kept: Int) {
        let keep = Int(rank[person * n + kept])
        guard keep >= 0 else { return }
        let list = lists[person]
        var index = max(lastIndex[person], -1)
        while index >= 0 {
            let other = list[index]
            if Int(rank[person * n + other]) <= keep { break }
            if present[person * n + other] { delete(person, other) }
            index -= 1
        }
    }
}
