import Community
import Matching

/// The admissible pairs among some members, weighted by their scores: what
/// the engine pairs on. Vertex i is `members[i]` (directory indices, in id
/// order). Small communities get every admissible pair; large ones the
/// `candidates` best partners of each member found through the tag indexes
/// (a popular tag's holders read in part, `sampling`), never all n² pairs.
public struct PairingGraph: Sendable {
    public let members: [Int]
    public let graph: WeightedGraph
    /// Per vertex: admissible partners (any score), and partners excluded by
    /// each constraint; in a large community, not counted (zero and none: the
    /// members left alone are looked at against everyone instead).
    public let admissibleCount: [Int]
    public let exclusions: [[Admissibility.Exclusion: Int]]
    /// Per vertex: whether some edge at it weighs more than zero.
    public let hasPositiveEdge: [Bool]
    public let isComplete: Bool
    /// How many times pairs left out were priced in (0 for a complete graph, or before pricing).
    public let pricingRounds: Int

    /// Above this many members, only the best candidates of each are scored.
    public static let completeLimit = 1500

    /// In a large community, how many best partners each member starts
    /// from (`set candidates` chooses another number).
    public static let candidates = 20

    /// In a large community, the holders of a tag are all read for a
    /// member's candidates up to this many; a longer list (a popular tag,
    /// which adds few points) is read in part, evenly spaced. The candidates
    /// only start the search: pricing adds every pair that could improve it.
    public static let sampling = 256

    init(
        members: [Int], graph: WeightedGraph, admissibleCount: [Int], exclusions: [[Admissibility.Exclusion: Int]],
        hasPositiveEdge: [Bool], isComplete: Bool, pricingRounds: Int = 0
    ) {
        self.pricingRounds = pricingRounds
        self.members = members
        self.graph = graph
        self.admissibleCount = admissibleCount
        self.exclusions = exclusions
        self.hasPositiveEdge = hasPositiveEdge
        self.isComplete = isComplete
    }

    /// The `count` highest scores (ties: lower vertex first), without sorting them all.
    static func best(_ count: Int, of scored: [(vertex: Int, score: Int64)]) -> ArraySlice<(vertex: Int, score: Int64)>
    {
        var top = TopScores(keeping: count)
        for entry in scored { top.offer(entry.vertex, entry.score) }
        return top.sorted()[...]
    }

    /// The pairs of the graph, as keys `low << 32 | high`.
    var edgeKeys: PairKeys { PairKeys(graph.edges.lazy.map { PairKeys.key($0.u, $0.v) }) }

    /// This graph with the given admissible pairs (not in it yet) added,
    /// scored by the model. They are sorted and merged into the graph's
    /// sorted edges, so that nothing of the size of the graph is sorted or
    /// hashed again.
    func adding(_ pairs: [(u: Int, v: Int)], model: AffinityModel) -> PairingGraph {
        var added: [WeightedEdge] = []
        var positive = hasPositiveEdge
        for (u, v) in pairs {
            let score = model.score(members[u], members[v])
            added.append(WeightedEdge(min(u, v), max(u, v), score))
            if score > 0 {
                positive[u] = true
                positive[v] = true
            }
        }
        added.sort { PairKeys.key($0.u, $0.v) < PairKeys.key($1.u, $1.v) }
        var edges: [WeightedEdge] = []
        edges.reserveCapacity(graph.edges.count + added.count)
        var next = 0
        for edge in graph.edges {
            let key = PairKeys.key(edge.u, edge.v)
            while next < added.count && PairKeys.key(added[next].u, added[next].v) < key {
                edges.append(added[next])
                next += 1
            }
            edges.append(edge)
        }
        edges += added[next...]
        return PairingGraph(
            members: members, graph: try! WeightedGraph(vertexCount: members.count, edges: edges),
            admissibleCount: admissibleCount, exclusions: exclusions, hasPositiveEdge: positive, isComplete: false,
            pricingRounds: pricingRounds + 1)
    }

    public init(
        model: AffinityModel, members: [Int], admissibility: Admissibility, candidates: Int = Self.candidates,
        sampling: Int = Self.sampling, completeLimit: Int = Self.completeLimit, shouldStop: () -> Bool = { false }
    ) throws(MatchingError) {
        let directory = model.directory
        let prepared = PreparedAdmissibility(admissibility, directory: directory)
        let n = members.count
        var vertexOf = [Int32](repeating: -1, count: directory.members.count)
        for (vertex, member) in members.enumerated() { vertexOf[member] = Int32(vertex) }
        var edges: [WeightedEdge] = []
        var admissible = [Int](repeating: 0, count: n)
        var exclusions = [[Admissibility.Exclusion: Int]](repeating: [:], count: n)
        isComplete = n <= completeLimit
        if isComplete {
            for u in 0..<n {
                if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
                let a = members[u]
                for v in (u + 1)..<max(u + 1, n) {
                    let b = members[v]
                    if let exclusion = prepared.exclusion(a, b) {
                        exclusions[u][exclusion, default: 0] += 1
                        exclusions[v][exclusion, default: 0] += 1
                        continue
                    }
                    admissible[u] += 1
                    admissible[v] += 1
                    edges.append(WeightedEdge(u, v, model.score(a, b)))
                }
            }
        } else {
            // Each member's best partners, found on every core; then joined in member order.
            let vertexIndex = vertexOf
            let index = model.poolIndex(of: members)
            // Candidates are ranked by their plain scores: the history factors raise them, no boost does.
            let bound = WeightBound(model: model, objective: DraftProof.Objective(model: model, priority: [:]))
            let rows = try Parallel.slices(n, shouldStop: shouldStop) { range in
                let scratch = AffinityModel.Scratch(count: directory.members.count)
                return range.map { u in
                    Self.bestPartners(
                        of: u, members: members, vertexOf: vertexIndex, model: model, prepared: prepared,
                        candidates: candidates, bound: bound, sampling: sampling, among: index, scratch: scratch)
                }
            }.joined()
            var chosen = Set<UInt64>()
            for (u, row) in rows.enumerated() {
                for (v, score) in row {
                    let key = UInt64(min(u, v)) << 32 | UInt64(max(u, v))
                    if chosen.insert(key).inserted { edges.append(WeightedEdge(u, v, score)) }
                }
            }
        }
        self.members = members
        self.graph = try! WeightedGraph(vertexCount: n, edges: edges)
        admissibleCount = admissible
        self.exclusions = exclusions
        var positive = [Bool](repeating: false, count: n)
        for edge in edges where edge.weight > 0 {
            positive[edge.u] = true
            positive[edge.v] = true
        }
        hasPositiveEdge = positive
        pricingRounds = 0
    }
}

extension PairingGraph {
    /// The `candidates` best admissible tag partners of vertex u. A partner
    /// whose score cannot reach the least of those kept so far, whatever its
    /// other terms (`WeightBound`), is passed over before its constraints and
    /// terms are looked up: most are, once the first few hundred are met.
    static func bestPartners(
        of u: Int, members: [Int], vertexOf: [Int32], model: AffinityModel, prepared: PreparedAdmissibility,
        candidates: Int, bound: WeightBound, sampling: Int = .max, among index: AffinityModel.TagIndex? = nil,
        scratch: AffinityModel.Scratch
    ) -> [(vertex: Int, score: Int64)] {
        let a = members[u]
        var top = TopScores(keeping: candidates)
        model.forEachTagPartner(of: a, using: scratch, sampling: sampling, among: index) { b, tagPoints in
            let v = Int(vertexOf[b])
            guard v >= 0 else { return }
            if let least = top.least, bound.most(tagPoints: tagPoints) < least { return }
            guard prepared.exclusion(a, b) == nil else { return }
            top.offer(v, model.adjusted(tagPoints + model.fixedPoints(a, b), a, b))
        }
        let best = top.sorted()
        guard sampling != .max else { return best }
        // Points from lists read in part may lack terms: the chosen are scored in full.
        return best.map { ($0.vertex, model.score(a, members[$0.vertex])) }
    }

    /// The pairs worth something, in the benchmark's graph text format
    /// (vertex i is `members[i]`), so that another solver can check the optimum.
    public var benchmarkText: String {
        GraphText.write(try! WeightedGraph(vertexCount: graph.vertexCount, edges: graph.edges.filter { $0.weight > 0 }))
    }
}

/// Pairs as keys (`low << 32 | high`, or `row << 32 | column` for mentees
/// and mentors), sorted, and looked up by binary search: built from a
/// graph's edges, which are sorted already, in one pass, without hashing
/// millions of them.
struct PairKeys: Sendable, Equatable {
    let keys: [UInt64]

    init<Keys: Sequence>(_ keys: Keys) where Keys.Element == UInt64 {
        var keys = Array(keys)
        if !zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) { keys.sort() }
        self.keys = keys
    }

    /// The key of an unordered pair.
    static func key(_ u: Int, _ v: Int) -> UInt64 { UInt64(min(u, v)) << 32 | UInt64(max(u, v)) }

    func contains(_ key: UInt64) -> Bool {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key
    }
}

/// The `keeping` highest scores offered, the highest first, ties to the
/// lower vertex: a heap whose top is the least kept, the one a better offer
/// replaces, so that a member's partners are never all sorted.
struct TopScores {
    let keeping: Int
    private var heap: [(vertex: Int, score: Int64)] = []

    init(keeping: Int) {
        self.keeping = keeping
        heap.reserveCapacity(max(0, keeping))
    }

    /// Whether `a` goes before `b`: a higher score, or the same and a lower vertex.
    static func precedes(_ a: (vertex: Int, score: Int64), _ b: (vertex: Int, score: Int64)) -> Bool {
        a.score > b.score || (a.score == b.score && a.vertex < b.vertex)
    }

    /// The least score kept once `keeping` are: an offer below it is not kept.
    var least: Int64? { heap.count == keeping && keeping > 0 ? heap[0].score : nil }

    mutating func offer(_ vertex: Int, _ score: Int64) {
        let entry = (vertex: vertex, score: score)
        if heap.count < keeping {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 && Self.precedes(heap[(child - 1) / 2], heap[child]) {
                heap.swapAt(child, (child - 1) / 2)
                child = (child - 1) / 2
            }
        } else if keeping > 0 && Self.precedes(entry, heap[0]) {
            heap[0] = entry
            var parent = 0
            while true {
                var worst = parent
                for child in [2 * parent + 1, 2 * parent + 2]
                where child < heap.count && Self.precedes(heap[worst], heap[child]) { worst = child }
                if worst == parent { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
    }

    /// What is kept, the highest first.
    func sorted() -> [(vertex: Int, score: Int64)] { heap.sorted(by: Self.precedes) }
}
