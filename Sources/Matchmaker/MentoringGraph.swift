import Community
import Matching

/// A mentoring round as a graph any matching solver can check: the mentees
/// still to assign on the left (pinned ones are set first), each mentor's
/// seats left on the right, a mentor's seats one after another, and every
/// pair given once per seat of its mentor. A best matching of this graph is
/// a best assignment within the capacities, and has its total.
public struct MentoringGraph: Sendable {
    /// The mentees of the left side (directory indices), in directory order.
    public let mentees: [Int]
    /// The mentors (directory indices), in directory order, and each one's seats left.
    public let mentors: [Int]
    public let seats: [Int]
    /// Mentee to seat, each weighed as the assignment weighs it: those of a
    /// large community's priced graph, or every admissible pair.
    public let graph: BipartiteGraph

    /// Each pair (row, mentor column, weight) given once per seat of its
    /// mentor; pairs weighing nothing are left out, as in a `.graph` of pairs.
    init(setup: Matchmaker.MentoringSetup, pairs: [WeightedEdge]) {
        mentees = setup.rows
        mentors = setup.mentors
        seats = setup.capacity
        let first = Self.firstSeats(seats)
        var edges: [WeightedEdge] = []
        for pair in pairs where pair.weight > 0 {
            for seat in first[pair.v]..<(first[pair.v] + seats[pair.v]) {
                edges.append(WeightedEdge(pair.u, seat, pair.weight))
            }
        }
        graph = try! BipartiteGraph(leftCount: setup.rows.count, rightCount: first.last ?? 0, edges: edges)
    }

    /// Where each mentor's seats start, and after them all, how many there are.
    static func firstSeats(_ seats: [Int]) -> [Int] {
        var first = [0]
        for count in seats { first.append(first.last! + count) }
        return first
    }

    /// In the benchmark's bipartite format (`n_left n_right m`, then `i j w`).
    public var benchmarkText: String { GraphText.write(graph) }
}

extension Matchmaker {
    /// The graph `match mentoring` finds its best assignment on, with the
    /// request's members, pins and bans: every admissible mentee–mentor
    /// pair in a small community, the candidates and the pairs pricing
    /// brought in in a large one (those left out being proved covered by
    /// the assignment's duals).
    ///
    /// `including` (mentee and mentor directory indices) adds those pairs to
    /// the priced graph when they are not in it: a stable draft's, so that
    /// the file holds every pair of that draft too (admissible pairs the
    /// duals cover: the optimum stays the same).
    public static func mentoringGraph(
        _ request: MatchRequest, model: AffinityModel, including: [(mentee: Int, mentor: Int)] = [],
        shouldStop: () -> Bool = { false }
    ) throws -> MentoringGraph {
        let members = request.among ?? Array(model.directory.members.indices)
        let setup = try mentoringSetup(request, members: members, directory: model.directory)
        let objective = DraftProof.Objective(model: model, priority: request.priority)
        let (graph, _, _) = try solveMentoring(
            setup, request: request, model: model, objective: objective, shouldStop: shouldStop)
        var edges = graph.edges
        let present = PairKeys(edges.lazy.map { MentoringPricing.key($0.u, $0.v) })
        let row = Dictionary(uniqueKeysWithValues: setup.rows.enumerated().map { ($1, $0) })
        let column = Dictionary(uniqueKeysWithValues: setup.mentors.enumerated().map { ($1, $0) })
        for pair in including {
            guard let i = row[pair.mentee], let j = column[pair.mentor], !present.contains(MentoringPricing.key(i, j))
            else { continue }
            edges.append(WeightedEdge(i, j, objective.weight(pair.mentee, pair.mentor)))
        }
        return MentoringGraph(setup: setup, pairs: edges)
    }

    /// Every admissible mentee–mentor pair of the request that weighs more
    /// than zero, once per seat of its mentor, as `mentoringGraph` numbers
    /// them (`visit(mentee, seat, weight)`), whatever the size (slow and
    /// large on purpose); `shouldStop` is asked every 64 mentees. Returns
    /// how many mentees, mentors and seats there are.
    ///
    /// - Complexity: O(mentees × mentors) scores.
    @discardableResult
    public static func everyMentoringPair(
        _ request: MatchRequest, model: AffinityModel, shouldStop: () -> Bool = { false },
        _ visit: (_ mentee: Int, _ seat: Int, _ weight: Int64) throws -> Void
    ) throws -> (mentees: Int, mentors: Int, seats: Int) {
        let members = request.among ?? Array(model.directory.members.indices)
        let setup = try mentoringSetup(request, members: members, directory: model.directory)
        let objective = DraftProof.Objective(model: model, priority: request.priority)
        let prepared = PreparedAdmissibility(Admissibility(forbidden: request.apart), directory: model.directory)
        let first = MentoringGraph.firstSeats(setup.capacity)
        try forEachAdmissiblePair(of: setup, prepared: prepared, objective: objective, shouldStop: shouldStop) {
            i, j, weight in
            guard weight > 0 else { return }
            for seat in first[j]..<first[j + 1] { try visit(i, seat, weight) }
        }
        return (setup.rows.count, setup.mentors.count, first.last ?? 0)
    }
}
