/// Groups of k (tables of three at the patio, say) with the most weight
/// inside them, and an upper bound that says how far from the best it can be.
///
/// The value of a grouping is the sum, over every group, of the weights of
/// the pairs inside it. Finding the best grouping is NP-hard for k ≥ 3, so
/// this is a heuristic: a greedy construction (each group started from the
/// member with the strongest ties left, then filled with whoever adds most),
/// improved by local search — members trading places, an extra member moving
/// to a smaller table, a member left out taking a free seat — and an iterated
/// local search (random shakes of the seeded generator, then local search
/// again, the best kept). `upperBound(_:for:shouldStop:)` gives, separately, a
/// bound on what any grouping could reach, so the gap is known.
///
/// - Tables: there are as many as the members allow (`tableCount`), each of
///   exactly `groupSize` members. With `leftovers: .join`, a table takes one
///   extra member only to seat someone who would otherwise be left out, so
///   sizes are k or k + 1; nobody stays out while a table with a free seat
///   could take them (`violations` checks it).
/// - Composition: with `classes` (one per vertex) and `composition` (how many
///   of each class a group holds, summing to k), every group has at least that
///   make-up (exactly, but for its extra member); swaps exchange members of
///   the same class only.
/// - Forbidden pairs never share a group; a table that cannot be completed
///   without one is not opened.
///
/// Groupings rank by how many members are seated, then by how many tables
/// (tables of k rather than extra seats), then by weight.
///
/// - Complexity: O(n²/k) per local-search pass with an n × groups table of
///   each member's ties to each group; above `sparseAbove` members, about
///   the edges at the members looked from (those whose neighbourhood
///   changed), with no table. Deterministic for a given seed.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let problem = GroupFormation.Problem(weights: graph, groupSize: 3)
/// let result = try GroupFormation.solve(problem, using: &rng)
/// let bound = try GroupFormation.upperBound(problem, for: result)
/// // result.weight ≤ bound
/// ```
public enum GroupFormation {
    public enum Leftovers: Sendable { case join, leaveOut }

    public struct Problem: Sendable {
        public var weights: WeightedGraph
        public var groupSize: Int
        public var classes: [Int]?
        public var composition: [Int]?
        public var leftovers: Leftovers
        public var forbidden: Set<Pair>
        /// Rounds of shake-then-improve after the first local optimum.
        public var rounds: Int
        /// Pairs that may not share a group, decided pair by pair, beside
        /// `forbidden`: for communities too large to list them.
        public var excludes: (@Sendable (Int, Int) -> Bool)?
        /// The most a pair absent from `weights` can weigh (0: absent pairs
        /// weigh nothing). The search counts absent pairs as 0; the bound
        /// prices every pair at this or more, so that it holds for them too.
        public var absentAtMost: Int64 = 0
        /// Above this many members the search works from each member's
        /// neighbours (`sparseThreshold` unless a test says otherwise).
        public var sparseAbove = Problem.sparseThreshold

        public init(
            weights: WeightedGraph, groupSize: Int = 3, classes: [Int]? = nil, composition: [Int]? = nil,
            leftovers: Leftovers = .join, forbidden: Set<Pair> = [], rounds: Int = 40
        ) {
            self.weights = weights
            self.groupSize = groupSize
            self.classes = classes
            self.composition = composition
            self.leftovers = leftovers
            self.forbidden = forbidden
            self.rounds = rounds
        }

        /// The class of each vertex (all 0 without a composition).
        var vertexClasses: [Int] {
            composition == nil ? [Int](repeating: 0, count: weights.vertexCount) : classes ?? []
        }

        /// The make-up of a table (`[groupSize]` without a composition).
        var tableComposition: [Int] { composition ?? [groupSize] }

        /// Members of each class.
        public var classCounts: [Int] {
            var counts = [Int](repeating: 0, count: tableComposition.count)
            for c in vertexClasses { counts[c] += 1 }
            return counts
        }

        /// How many tables the members allow: the scarcest class decides.
        public var tableCount: Int {
            zip(classCounts, tableComposition).filter { $0.1 > 0 }.map { $0.0 / $0.1 }.min() ?? 0
        }

        /// The most members a table may hold.
        public var tableCapacity: Int { leftovers == .join ? groupSize + 1 : groupSize }

        /// Members who cannot have a seat of their own in a full table: the extras.
        var extraCount: Int { leftovers == .join ? max(0, weights.vertexCount - tableCount * groupSize) : 0 }

        func isForbidden(_ a: Int, _ b: Int) -> Bool {
            (!forbidden.isEmpty && forbidden.contains(Pair(a, b))) || excludes?(a, b) == true
        }

        /// Above this many members the search works from each member's
        /// neighbours in `weights` and sums a member's tie to a group when
        /// it needs it, rather than holding an n × groups table.
        public static let sparseThreshold = 4_096
    }

    /// An unordered pair of vertices.
    public struct Pair: Hashable, Sendable {
        public let low: Int
        public let high: Int
        public init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }

    public struct Result: Sendable, Equatable {
        /// Groups, each sorted, in order of their first member.
        public let groups: [[Int]]
        /// Members in no group.
        public let leftovers: [Int]
        public let weight: Int64

        public init(groups: [[Int]], leftovers: [Int], weight: Int64) {
            self.groups = groups
            self.leftovers = leftovers
            self.weight = weight
        }
    }

    public enum ProblemError: Error, Equatable, Sendable, CustomStringConvertible {
        case groupSizeTooSmall
        case compositionDoesNotSum(size: Int, sum: Int)
        case classesMissing

        public var description: String {
            switch self {
            case .groupSizeTooSmall: return "groups need at least 2 members"
            case .compositionDoesNotSum(let size, let sum):
                return "the composition adds up to \(sum), not to the group size \(size)"
            case .classesMissing: return "a composition needs a class for every member"
            }
        }
    }

    static func validate(_ problem: Problem) throws(ProblemError) {
        guard problem.groupSize >= 2 else { throw .groupSizeTooSmall }
        if let composition = problem.composition {
            guard let classes = problem.classes, classes.count == problem.weights.vertexCount,
                classes.allSatisfy({ (0..<composition.count).contains($0) })
            else { throw .classesMissing }
            let sum = composition.reduce(0, +)
            guard sum == problem.groupSize else { throw .compositionDoesNotSum(size: problem.groupSize, sum: sum) }
        }
    }

    public static func solve(
        _ problem: Problem, using rng: inout some RandomNumberGenerator, shouldStop: () -> Bool = { false }
    ) throws -> Result {
        try validate(problem)
        // Small communities afford restarts from shuffled orders: the
        // constraints can make the first greedy start seat fewer than possible.
        let n = problem.weights.vertexCount
        let restarts = n <= 60 ? 8 : n <= 300 ? 3 : 1
        var seeds = SplitMix64(seed: UInt64.random(in: 0...UInt64.max, using: &rng))
        var best: GroupSearch.Snapshot?
        for restart in 0..<restarts {
            var search = GroupSearch(problem)
            if restart == 0 {
                search.construct()
            } else {
                withUnsafeMutablePointer(to: &seeds) { search.construct(shuffling: $0) }
            }
            guard search.improve(shouldStop: shouldStop) else { throw MatchingError.cancelled }
            var local = search.snapshot()
            for _ in 0..<max(1, shakes(problem.rounds, members: n, sparse: n > problem.sparseAbove) / restarts) {
                if shouldStop() { throw MatchingError.cancelled }
                search.shake(using: &rng)
                guard search.improve(shouldStop: shouldStop) else { throw MatchingError.cancelled }
                let current = search.snapshot()
                if current.rank > local.rank { local = current }
            }
            if best.map({ local.rank > $0.rank }) ?? true { best = local }
        }
        guard let best else { return Result(groups: [], leftovers: Array(0..<n), weight: 0) }
        let groups = best.groups.map { $0.sorted() }.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
        return Result(groups: groups, leftovers: best.leftovers.sorted(), weight: best.total)
    }

    /// Shakes for n members: `rounds` up to 500 members, then fewer, as each
    /// improvement pass costs about n² (down to 2); one for the sparse search
    /// (on 5,000 and 10,000 generated members, 10 or 40 shakes moved the
    /// total by less than one percent, either way).
    static func shakes(_ rounds: Int, members n: Int, sparse: Bool = false) -> Int {
        sparse ? 1 : n <= 500 ? rounds : max(2, rounds * 500 * 500 / (n * n))
    }

    /// The sum of the weights inside the groups.
    public static func weight(of groups: [[Int]], in graph: WeightedGraph) -> Int64 {
        let weights = PairWeights(graph)
        return groups.reduce(0) { total, group in
            var sum: Int64 = 0
            for (index, a) in group.enumerated() { for b in group[(index + 1)...] { sum += weights(a, b) } }
            return total + sum
        }
    }

    /// What is wrong with `groups` for `problem`: members twice or out of
    /// range, more tables than the members allow, wrong sizes, wrong make-up,
    /// forbidden pairs together, someone left out although a table has a
    /// free seat where they can meet everyone.
    public static func violations(of groups: [[Int]], leftovers: [Int], for problem: Problem) -> [String] {
        var problems: [String] = []
        var seen = Set<Int>()
        for member in groups.joined() + leftovers
        where !seen.insert(member).inserted || !(0..<problem.weights.vertexCount).contains(member) {
            problems.append("member \(member) appears twice or is out of range")
        }
        if seen.count != problem.weights.vertexCount { problems.append("not every member is placed or left over") }
        guard problems.isEmpty else { return problems }
        if groups.count > problem.tableCount {
            problems.append("\(groups.count) groups, but the members allow \(problem.tableCount)")
        }
        let classes = problem.vertexClasses
        let composition = problem.tableComposition
        for group in groups {
            if group.count < problem.groupSize || group.count > problem.tableCapacity {
                problems.append("group \(group) has \(group.count) members")
            }
            var counts = [Int](repeating: 0, count: composition.count)
            for member in group { counts[classes[member]] += 1 }
            if zip(counts, composition).contains(where: { $0 < $1 }) { problems.append("group \(group) lacks a class") }
            for (index, a) in group.enumerated() {
                for b in group[(index + 1)...] where problem.isForbidden(a, b) {
                    problems.append("\(a) and \(b) are forbidden to share a group")
                }
            }
        }
        for member in leftovers {
            if let table = groups.first(where: {
                $0.count < problem.tableCapacity && $0.allSatisfy { !problem.isForbidden(member, $0) }
            }) {
                problems.append("member \(member) is left out although group \(table) has a free seat for them")
            }
        }
        if groups.count < problem.tableCount {
            // Those left out and one extra member from each table that has one: enough for another table?
            var pool = leftovers
            var origins = leftovers.map { _ in -1 }
            for (index, group) in groups.enumerated() where group.count > problem.groupSize {
                for member in group
                where group.filter({ classes[$0] == classes[member] }).count > composition[classes[member]] {
                    pool.append(member)
                    origins.append(index)
                }
            }
            if let table = completeTable(from: pool, origins: origins, mustInclude: Set(pool), problem: problem) {
                problems.append("members \(table), left out or extra, could open another table")
            }
        }
        return problems
    }

    /// Members of `pool` who can sit at one table together: the composition,
    /// no forbidden pair, at most one from each origin table (`origins`, -1
    /// for none) and at least one of `mustInclude`; nil when there are none
    /// (the search is exhaustive up to a million steps).
    static func completeTable(from pool: [Int], origins: [Int], mustInclude: Set<Int>, problem: Problem) -> [Int]? {
        let classes = problem.vertexClasses
        let composition = problem.tableComposition
        var need = composition
        var chosen: [Int] = []
        var usedOrigins = Set<Int>()
        var steps = 0
        let order = pool.indices.sorted {
            (mustInclude.contains(pool[$0]) ? 0 : 1, pool[$0]) < (mustInclude.contains(pool[$1]) ? 0 : 1, pool[$1])
        }
        func search(_ from: Int) -> Bool {
            if chosen.count == problem.groupSize { return chosen.contains(where: mustInclude.contains) }
            steps += 1
            guard steps < 1_000_000 else { return false }
            for position in from..<order.count {
                let index = order[position]
                let v = pool[index]
                guard need[classes[v]] > 0, origins[index] < 0 || !usedOrigins.contains(origins[index]),
                    chosen.allSatisfy({ !problem.isForbidden($0, v) })
                else { continue }
                // The first seat is one of those who need it: every table found seats one of them.
                if chosen.isEmpty && !mustInclude.contains(v) { break }
                need[classes[v]] -= 1
                chosen.append(v)
                if origins[index] >= 0 { usedOrigins.insert(origins[index]) }
                if search(position + 1) { return true }
                if origins[index] >= 0 { usedOrigins.remove(origins[index]) }
                chosen.removeLast()
                need[classes[v]] += 1
            }
            return false
        }
        return search(0) ? chosen.sorted() : nil
    }
}
