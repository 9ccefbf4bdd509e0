import Community
import Foundation
import Matching

extension Matchmaker {
    /// Tables of `size` (three by default, one student, one startup and one
    /// entrepreneur each when roles are mixed), with the most affinity inside
    /// them; a table takes one extra member only to seat someone who would
    /// otherwise be left out. A heuristic, so the draft carries an upper bound
    /// on any grouping's total, computed on the plain scores (pins aside) and
    /// checked to lie above the draft. Pairs that cannot meet never share a
    /// table; pinned pairs are kept together when the tables allow it.
    static func matchCircles(
        _ request: MatchRequest, members: [Int], model: AffinityModel, shouldStop: () -> Bool,
        report: (MatchStage) -> Void = { _ in }
    ) throws -> Draft {
        let directory = model.directory
        let admissibility = Admissibility(forbidden: request.apart)
        let prepared = PreparedAdmissibility(admissibility, directory: directory)
        guard members.count >= 2 else { throw MatchError.tooFewMembers(count: members.count) }
        let (pins, pinNotes) = applicablePins(request.pins, members: members, directory: directory)
        var notes = pinNotes
        var vertexOf: [String: Int] = [:]
        for (vertex, member) in members.enumerated() { vertexOf[directory.members[member].id] = vertex }
        var forbidden = Set<GroupFormation.Pair>()
        let pinned = Set(
            pins.compactMap { pair -> GroupFormation.Pair? in
                guard let u = vertexOf[pair.first], let v = vertexOf[pair.second] else { return nil }
                return GroupFormation.Pair(u, v)
            })
        var scores: [WeightedEdge] = []
        // In a large community: each member's best partners for the search, and for the bound
        // every pair above a floor (see CirclePairs); pairs that cannot meet are told pair by pair.
        var large: CirclePairs?
        report(.candidates(members: members.count))
        if members.count > request.tablesScoreAllUpTo {
            let found = try CirclePairs(model: model, members: members, prepared: prepared, shouldStop: shouldStop)
            var present = pinned.isEmpty ? [] : Set(found.search.map { GroupFormation.Pair($0.u, $0.v) })
            scores = found.search
            for pair in pinned where present.insert(pair).inserted {
                scores.append(WeightedEdge(pair.low, pair.high, model.score(members[pair.low], members[pair.high])))
            }
            large = found
        } else {
            for u in members.indices {
                if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
                for v in (u + 1)..<max(u + 1, members.count) {
                    if prepared.exclusion(members[u], members[v]) != nil && !pinned.contains(GroupFormation.Pair(u, v))
                    {
                        forbidden.insert(GroupFormation.Pair(u, v))
                        continue
                    }
                    scores.append(WeightedEdge(u, v, model.score(members[u], members[v])))
                }
            }
        }
        let bestScore = max(1, scores.map(\.weight).max() ?? 1)
        // A pinned pair weighs more than any table could without it.
        let pinBonus = bestScore * Int64(request.size * request.size) + 1
        let boosted = scores.map { edge in
            WeightedEdge(
                edge.u, edge.v, edge.weight + (pinned.contains(GroupFormation.Pair(edge.u, edge.v)) ? pinBonus : 0))
        }
        let mixes = request.mixesRoles
        var problem = GroupFormation.Problem(
            weights: try WeightedGraph(vertexCount: members.count, edges: boosted),
            groupSize: request.size, forbidden: forbidden)
        problem.sparseAbove = request.tablesScoreAllUpTo
        if large != nil {
            problem.excludes = { u, v in
                prepared.exclusion(members[u], members[v]) != nil && !pinned.contains(GroupFormation.Pair(u, v))
            }
        }
        if mixes {
            guard request.size >= 3 else { throw MatchError.tablesTooSmallToMix(size: request.size) }
            let classes = members.map { Role.allCases.firstIndex(of: directory.members[$0].role)! }
            // A table mixes the three roles: without one of them no table can be made.
            if let missing = Role.allCases.indices.first(where: { !classes.contains($0) }) {
                throw MatchError.roleMissingForTables(Role.allCases[missing])
            }
            problem.classes = classes
            let composition = tableMakeUp(size: request.size, classes: classes)
            problem.composition = composition
            if request.size > 3 { notes.append(.tableMakeUp(composition)) }
        }
        var rng = SplitMix64(seed: request.seed)
        report(.formingTables(members: members.count))
        let result = try GroupFormation.solve(problem, using: &rng, shouldStop: shouldStop)
        let problems = GroupFormation.violations(of: result.groups, leftovers: result.leftovers, for: problem)
        if let first = problems.first { throw MatchError.proofFailed(.circles, .invalidGroups(first)) }
        // The bound is on the plain scores: every grouping, pins honoured or not, stays below it.
        // Each table's pairs scored again: in a large community the search counted only candidate pairs.
        var plain = problem
        if let large {
            let heavy = pinned.isEmpty ? [] : Set(large.heavy.map { GroupFormation.Pair($0.u, $0.v) })
            let pinnedHeavy = pinned.filter { !heavy.contains($0) }.compactMap { pair -> WeightedEdge? in
                let score = model.score(members[pair.low], members[pair.high])
                return score > large.floor ? WeightedEdge(pair.low, pair.high, score) : nil
            }
            plain.weights = try WeightedGraph(vertexCount: members.count, edges: large.heavy + pinnedHeavy)
            plain.absentAtMost = large.floor
        } else {
            plain.weights = try WeightedGraph(vertexCount: members.count, edges: scores)
        }
        let plainResult = GroupFormation.Result(
            groups: result.groups, leftovers: result.leftovers,
            weight: result.groups.reduce(0) { total, table in
                var sum: Int64 = 0
                for (index, a) in table.enumerated() {
                    for b in table[(index + 1)...] { sum += model.score(members[a], members[b]) }
                }
                return total + sum
            })
        report(.bounding)
        let bound = try GroupFormation.upperBound(plain, for: plainResult, shouldStop: shouldStop)
        if bound < plainResult.weight {
            throw MatchError.proofFailed(.circles, .boundBelowTotal(bound: bound, total: plainResult.weight))
        }

        let pinnedIDs = Set(pins)
        var groups: [Draft.Group] = []
        for (index, tableMembers) in result.groups.enumerated() {
            // Each table's reasons are written from the profiles: thousands of tables take seconds.
            if index & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
            groups.append(
                group(tableMembers.map { members[$0] }, model: model, pinned: pinnedIDs, admissibility: admissibility))
        }
        for pair in pins {
            let together = groups.contains { $0.members.contains(pair.first) && $0.members.contains(pair.second) }
            notes.append(together ? .pinHonoured(pair) : .pinNotHonoured(pair))
        }
        let unmatched = result.leftovers.map { vertex in
            Draft.Unmatched(
                id: directory.members[members[vertex]].id,
                cause: leftoverCause(vertex, result: result, problem: problem, mixes: mixes))
        }
        let seated = result.groups.reduce(0) { $0 + $1.count }
        let guarantee = Guarantee(
            claim: .withinBound(upperBound: bound, seated: seated, tables: result.groups.count), members: members.count,
            pinnedGroups: pinnedIDs.count,
            excludesRepeats: !request.alreadyMet.isEmpty)
        return Draft(
            mode: .circles, seed: request.seed, groups: sorted(groups), unmatched: unmatched, notes: notes,
            guarantee: guarantee)
    }

    /// One of each role, and the seats beyond three shared among the roles
    /// by how many members each has (D'Hondt's rule: 60 students, 31
    /// startups and 30 entrepreneurs make tables of four of 2, 1 and 1).
    static func tableMakeUp(size: Int, classes: [Int]) -> [Int] {
        var counts = [Int](repeating: 0, count: Role.allCases.count)
        for c in classes { counts[c] += 1 }
        var makeUp = [Int](repeating: 1, count: counts.count)
        for _ in 0..<max(0, size - makeUp.count) {
            let next = counts.indices.max { (counts[$0] * (makeUp[$1] + 1), $1) < (counts[$1] * (makeUp[$0] + 1), $0) }!
            makeUp[next] += 1
        }
        return makeUp
    }

    /// Why a member has no seat, from the tables as they are: every table with
    /// a free seat holds someone they cannot meet, or no table has a free seat
    /// (and a class is too short to open another), or there is no table at all.
    static func leftoverCause(
        _ vertex: Int, result: GroupFormation.Result, problem: GroupFormation.Problem, mixes: Bool
    ) -> UnmatchedCause {
        guard !result.groups.isEmpty else { return .tooFewForTable(size: problem.groupSize) }
        let open = result.groups.filter { $0.count < problem.tableCapacity }
        if !open.isEmpty { return .noCompatibleTable }
        guard mixes, let classes = problem.classes, let composition = problem.composition else {
            return result.leftovers.count < problem.groupSize ? .tablesFull(scarce: nil) : .noTableTogether
        }
        var left = [Int](repeating: 0, count: composition.count)
        for v in result.leftovers { left[classes[v]] += 1 }
        // Enough of every role left for another table: it is the constraints that keep them apart
        // (GroupFormation.violations checked that no table of them can be opened).
        let counts = problem.classCounts
        let short = composition.indices.filter { left[$0] < composition[$0] }
        // Of the roles too short for another table, the scarcest in the community.
        guard let scarce = short.min(by: { (counts[$0] * composition[$1], $0) < (counts[$1] * composition[$0], $1) })
        else { return .noTableTogether }
        return .tablesFull(scarce: Role.allCases[scarce].rawValue)
    }
}
