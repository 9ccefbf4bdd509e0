/// Groups of k (tables of three at the patio, say) with the most weight
/// inside them, and an upper bound that says how far from the best it can be.
///
/// The value of a grouping is the sum, over every group, of the weights of
/// the pairs inside it. Finding the best grouping is NP-hard for k ≥ 3, so
/// this is a heuristic: a greedy construction (each group started from the
/// member with the strongest ties left, then filled with whoever adds most),
/// improved by swapping members between groups while that helps, and an
/// iterated local search (random shakes of the seeded generator, then local
/// search again, the best kept). Beside the result it reports an *upper bound*
/// on what any grouping could reach, from a relaxation solved exactly: inside
/// groups every member has k − 1 partners (c_b of class b with a
/// composition) and the groups hold a known number of pairs, so the best
/// weight of a subgraph with those degrees, with a Lagrangian price on the
/// number of pairs, bounds every grouping; for each pair of classes this is
/// a bipartite b-matching (or, within a class, a fractional one on the
/// bipartite double cover), solved by `CapacitatedAssignment`.
/// `upperBound − weight` is the largest possible shortfall.
///
/// - Composition: with `classes` (one per vertex) and `composition` (how many
///   of each class a group holds, summing to k), every group has that
///   make-up; swaps exchange members of the same class only.
/// - Leftovers: members who cannot fill another group either join existing
///   groups as extra members (the smallest groups first, where they add most,
///   so sizes differ by one at most and stay below 2k) or stay out, and are
///   reported.
/// - Forbidden pairs never share a group.
///
/// - Complexity: O(n²/k) per local-search pass with an n × groups table of
///   each member's ties to each group; the bound costs a few assignments.
///   Deterministic for a given seed.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let result = try GroupFormation.solve(GroupFormation.Problem(weights: graph, groupSize: 3), using: &rng)
/// // result.groups, result.weight ≤ result.upperBound
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

        public init(weights: WeightedGraph, groupSize: Int = 3, classes: [Int]? = nil, composition: [Int]? = nil,
                    leftovers: Leftovers = .join, forbidden: Set<Pair> = [], rounds: Int = 40) {
            self.weights = weights
            self.groupSize = groupSize
            self.classes = classes
            self.composition = composition
            self.leftovers = leftovers
            self.forbidden = forbidden
            self.rounds = rounds
        }
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
        /// No grouping with the same sizes can weigh more than this.
        public let upperBound: Int64
    }

    public enum ProblemError: Error, Equatable, Sendable, CustomStringConvertible {
        case groupSizeTooSmall
        case compositionDoesNotSum(size: Int, sum: Int)
        case classesMissing

        public var description: String {
            switch self {
            case .groupSizeTooSmall: return "groups need at least 2 members"
            case .compositionDoesNotSum(let size, let sum): return "the composition adds up to \(sum), not to the group size \(size)"
            case .classesMissing: return "a composition needs a class for every member"
            }
        }
    }

    public static func solve(
        _ problem: Problem, using rng: inout some RandomNumberGenerator, shouldStop: () -> Bool = { false }
    ) throws -> Result {
        guard problem.groupSize >= 2 else { throw ProblemError.groupSizeTooSmall }
        if let composition = problem.composition {
            guard let classes = problem.classes, classes.count == problem.weights.vertexCount,
                  classes.allSatisfy({ (0..<composition.count).contains($0) }) else { throw ProblemError.classesMissing }
            let sum = composition.reduce(0, +)
            guard sum == problem.groupSize else { throw ProblemError.compositionDoesNotSum(size: problem.groupSize, sum: sum) }
        }
        var search = GroupSearch(problem)
        search.construct()
        search.improve()
        var best = search.snapshot()
        for _ in 0..<problem.rounds {
            if shouldStop() { throw MatchingError.cancelled }
            search.shake(using: &rng)
            search.improve()
            if search.total > best.total { best = search.snapshot() }
        }
        let bound = try upperBound(problem, sizes: best.groups.map(\.count))
        let groups = best.groups.map { $0.sorted() }.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
        return Result(groups: groups, leftovers: best.leftovers.sorted(), weight: best.total, upperBound: max(bound, best.total))
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
    /// range, wrong sizes, wrong make-up, forbidden pairs together.
    public static func violations(of groups: [[Int]], leftovers: [Int], for problem: Problem) -> [String] {
        var problems: [String] = []
        var seen = Set<Int>()
        for member in groups.joined() + leftovers where !seen.insert(member).inserted || !(0..<problem.weights.vertexCount).contains(member) {
            problems.append("member \(member) appears twice or is out of range")
        }
        if seen.count != problem.weights.vertexCount { problems.append("not every member is placed or left over") }
        let sizes = groups.map(\.count)
        if let low = sizes.min(), let high = sizes.max(), high - low > 1 { problems.append("group sizes \(low) and \(high) differ by more than one") }
        for group in groups {
            let extra = problem.leftovers == .join ? problem.groupSize - 1 : 0
            if group.count < problem.groupSize || group.count > problem.groupSize + extra {
                problems.append("group \(group) has \(group.count) members")
            }
            if let composition = problem.composition, let classes = problem.classes {
                var counts = [Int](repeating: 0, count: composition.count)
                for member in group { counts[classes[member]] += 1 }
                if zip(counts, composition).contains(where: { $0 < $1 }) { problems.append("group \(group) lacks a class") }
            }
            for (index, a) in group.enumerated() {
                for b in group[(index + 1)...] where problem.forbidden.contains(Pair(a, b)) {
                    problems.append("\(a) and \(b) are forbidden to share a group")
                }
            }
        }
        return problems
    }
}
