/// Stable assignment with capacities: deferred acceptance, proposers first.
///
/// Proposers (mentees) rank receivers (mentors), receivers rank proposers,
/// receiver j takes up to `capacities[j]` proposers; a pair is acceptable when
/// each lists the other. The result is *stable*: no proposer and receiver
/// would both rather be together than with what they have (a receiver with
/// room left wants any acceptable proposer). Among all stable assignments it
/// is the best one for every proposer at once, and the worst for receivers
/// (proposer-optimal: D. Gale and L. S. Shapley, *College admissions and the
/// stability of marriage*, 1962; A. E. Roth, 1984, for capacities).
///
/// - Complexity: O(total length of the lists) proposals, each O(log c) for a
///   receiver of capacity c; O(P·R) memory for the ranks when lists are long.
///
/// Ties cannot occur: lists are strict orders. The order in which free
/// proposers propose does not change the result; proposers go in index order.
///
/// ```swift
/// // Two mentees who both want mentor 0 first; mentor 0 (capacity 1) prefers mentee 1.
/// let result = DeferredAcceptance.match(
///     proposerPreferences: [[0, 1], [0, 1]], receiverPreferences: [[1, 0], [0, 1]], capacities: [1, 1])
/// // result.receiver == [1, 0]
/// ```
public enum DeferredAcceptance {
    public struct Result: Sendable, Equatable {
        /// For each proposer, its receiver or nil.
        public let receiver: [Int?]
        /// How many proposals were made.
        public let proposals: Int
    }

    /// - Precondition: lists hold valid indices, each at most once.
    public static func match(proposerPreferences: [[Int]], receiverPreferences: [[Int]], capacities: [Int]) -> Result {
        let proposers = proposerPreferences.count
        let receivers = receiverPreferences.count
        precondition(capacities.count == receivers, "one capacity per receiver")
        let ranks = Ranks(receiverPreferences, others: proposers)
        var next = [Int](repeating: 0, count: proposers)
        var receiver = [Int?](repeating: nil, count: proposers)
        /// Held proposers of each receiver, worst (highest rank) on top.
        var held = [[Int32]](repeating: [], count: receivers)
        var free = Array((0..<proposers).reversed())
        var proposals = 0
        while let p = free.popLast() {
            let list = proposerPreferences[p]
            while next[p] < list.count {
                let r = list[next[p]]
                next[p] += 1
                guard let rank = ranks.rank(of: p, by: r), capacities[r] > 0 else { continue }
                proposals += 1
                if held[r].count < capacities[r] {
                    Self.push(Int32(p), rank: rank, into: &held[r], ranks: ranks, receiver: r)
                    receiver[p] = r
                    break
                }
                let worst = Int(held[r][0])
                if rank < ranks.rank(of: worst, by: r)! {
                    Self.popWorst(from: &held[r], ranks: ranks, receiver: r)
                    receiver[worst] = nil
                    free.append(worst)
                    Self.push(Int32(p), rank: rank, into: &held[r], ranks: ranks, receiver: r)
                    receiver[p] = r
                    break
                }
            }
        }
        return Result(receiver: receiver, proposals: proposals)
    }

    /// The pairs that would rather be together: an acceptable proposer and
    /// receiver where the proposer prefers the receiver to its own (or has
    /// none) and the receiver has room or prefers the proposer to one it holds.
    public static func blockingPairs(
        _ receiver: [Int?], proposerPreferences: [[Int]], receiverPreferences: [[Int]], capacities: [Int]
    ) -> [(proposer: Int, receiver: Int)] {
        let ranks = Ranks(receiverPreferences, others: proposerPreferences.count)
        var worstHeld = [Int](repeating: -1, count: receiverPreferences.count)
        var load = [Int](repeating: 0, count: receiverPreferences.count)
        for (p, r) in receiver.enumerated() {
            guard let r else { continue }
            load[r] += 1
            worstHeld[r] = max(worstHeld[r], ranks.rank(of: p, by: r) ?? Int(Int32.max))
        }
        var blocking: [(proposer: Int, receiver: Int)] = []
        for (p, list) in proposerPreferences.enumerated() {
            for r in list {
                if r == receiver[p] { break }
                guard let rank = ranks.rank(of: p, by: r), capacities[r] > 0 else { continue }
                if load[r] < capacities[r] || rank < worstHeld[r] { blocking.append((p, r)) }
            }
        }
        return blocking
    }

    private static func push(_ p: Int32, rank: Int, into heap: inout [Int32], ranks: Ranks, receiver r: Int) {
        heap.append(p)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard ranks.rank(of: Int(heap[child]), by: r)! > ranks.rank(of: Int(heap[parent]), by: r)! else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private static func popWorst(from heap: inout [Int32], ranks: Ranks, receiver r: Int) {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            var child = 2 * parent + 1
            guard child < heap.count else { break }
            if child + 1 < heap.count,
                ranks.rank(of: Int(heap[child + 1]), by: r)! > ranks.rank(of: Int(heap[child]), by: r)!
            {
                child += 1
            }
            guard ranks.rank(of: Int(heap[child]), by: r)! > ranks.rank(of: Int(heap[parent]), by: r)! else { break }
            heap.swapAt(child, parent)
            parent = child
        }
    }
}

/// Where each chooser puts each candidate: O(1) lookups, from a flat table
/// when the lists are long, from a dictionary per chooser when they are short.
struct Ranks {
    private let others: Int
    private let table: [Int32]
    private let sparse: [[Int: Int32]]

    init(_ preferences: [[Int]], others: Int) {
        self.others = others
        let total = preferences.reduce(0) { $0 + $1.count }
        if preferences.count * others <= 64_000_000 && total * 4 >= preferences.count * others / 16 {
            var table = [Int32](repeating: -1, count: preferences.count * others)
            for (chooser, list) in preferences.enumerated() {
                for (rank, candidate) in list.enumerated() { table[chooser * others + candidate] = Int32(rank) }
            }
            self.table = table
            sparse = []
        } else {
            table = []
            sparse = preferences.map { list in
                Dictionary(list.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }

    /// The rank (0 = first choice) `chooser` gives `candidate`, nil when not listed.
    @inline(__always)
    func rank(of candidate: Int, by chooser: Int) -> Int? {
        if table.isEmpty { return sparse[chooser][candidate].map(Int.init) }
        let value = table[chooser * others + candidate]
        return value < 0 ? nil : Int(value)
    }
}
