import Community
import Foundation
import Matching

extension Matchmaker {
    /// Students and startups (mentees) to entrepreneurs (mentors) within their
    /// capacities: the assignment with the best total (proved optimal by its
    /// certificate), or, with `stable`, deferred acceptance by the mentees: no
    /// mentee and mentor would both rather be together (checked), and every
    /// mentee gets the best mentor any stable assignment could give.
    static func matchMentoring(_ request: MatchRequest, members: [Int], model: AffinityModel, shouldStop: () -> Bool)
        throws -> Draft
    {
        let directory = model.directory
        let admissibility = Admissibility(forbidden: request.apart)
        let prepared = PreparedAdmissibility(admissibility, directory: directory)
        var notes: [Draft.Note] = []
        let mentees = members.filter { directory.members[$0].role != .entrepreneur }
        let mentors = members.filter { directory.members[$0].role == .entrepreneur }
        guard !mentees.isEmpty else { throw MatchError.noMentees }
        var capacity = mentors.map { directory.members[$0].capacity }
        var groups: [Draft.Group] = []
        var assignedMentee = Set<Int>()
        let menteeIDs = Set(mentees.map { directory.members[$0].id })
        let mentorIDs = Set(mentors.map { directory.members[$0].id })
        var pinnedCount = 0
        for pair in request.pins.sorted() {
            let (menteeID, mentorID) =
                menteeIDs.contains(pair.first) ? (pair.first, pair.second) : (pair.second, pair.first)
            guard menteeIDs.contains(menteeID), mentorIDs.contains(mentorID),
                let mentee = directory.index(of: menteeID), let mentor = directory.index(of: mentorID),
                let column = mentors.firstIndex(of: mentor)
            else {
                let matched = Set(members.map { directory.members[$0].id })
                notes.append(
                    .pinSetAside(
                        pair,
                        matched.contains(pair.first) && matched.contains(pair.second)
                            ? .notMenteeAndMentor : .notBothMatched))
                continue
            }
            guard capacity[column] > 0 else {
                notes.append(.pinSetAside(pair, .mentorFull(mentorID)))
                continue
            }
            capacity[column] -= 1
            assignedMentee.insert(mentee)
            pinnedCount += 1
            groups.append(group([mentee, mentor], model: model, pinned: [pair], admissibility: admissibility))
        }
        let rows = mentees.filter { !assignedMentee.contains($0) }
        let objective = DraftProof.Objective(model: model, priority: request.priority)
        let constraints = DraftProof.PlainConstraints(directory, forbidden: request.apart)
        // Stable assignments need every preference list whole; the best total does not.
        let priced = !request.stable && rows.count + mentors.count > request.completeLimit
        var edges: [WeightedEdge] = []
        let pricing = MentoringPricing(
            model: model, rows: rows, mentors: mentors, objective: objective, admissibility: admissibility)
        if priced {
            edges = try pricing.candidates(request.candidates, sampling: request.sampling, shouldStop: shouldStop)
        } else if !request.stable {
            for (i, mentee) in rows.enumerated() {
                if i & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
                for (j, mentor) in mentors.enumerated() where prepared.exclusion(mentee, mentor) == nil {
                    edges.append(WeightedEdge(i, j, objective.weight(of: model.score(mentee, mentor), mentee, mentor)))
                }
            }
        }
        var graph = try BipartiteGraph(leftCount: rows.count, rightCount: mentors.count, edges: edges)
        var columns: [Int?]
        if request.stable {
            // The lists are let go before the check builds its own.
            columns = try { [rows, mentors, prepared, objective, model, everyone = request.everyone] in
                let preferences = try StablePreferences(
                    rowCount: rows.count, columnCount: mentors.count, shouldStop: shouldStop
                ) { i, j in
                    guard prepared.exclusion(rows[i], mentors[j]) == nil else { return nil }
                    let weight = objective.weight(of: model.score(rows[i], mentors[j]), rows[i], mentors[j])
                    return weight > 0 || everyone ? weight : nil
                }
                return DeferredAcceptance.match(
                    proposerPreferences: preferences.rows, receiverPreferences: preferences.columns,
                    capacities: capacity
                ).receiver
            }()
            try DraftProof.checkStable(
                columns, rows: rows, mentors: mentors, capacities: capacity, objective: objective,
                constraints: constraints, acceptsZero: request.everyone, shouldStop: shouldStop)
        } else {
            var result = try CapacitatedAssignment.solve(
                graph, capacities: capacity, maximumCardinality: request.everyone, shouldStop: shouldStop)
            // Pairs left out that the duals do not cover are added, and the assignment solved again.
            var memory: MentoringPricing.Memory?
            while priced {
                let present = PairKeys(graph.edges.lazy.map { MentoringPricing.key($0.u, $0.v) })
                let round = try pricing.violators(
                    present: present, certificate: result.certificate, after: memory, shouldStop: shouldStop)
                let added = round.pairs
                memory = round.memory
                if added.isEmpty { break }
                edges += added.map { WeightedEdge($0.row, $0.column, pricing.weight($0.row, $0.column)) }
                graph = try BipartiteGraph(leftCount: rows.count, rightCount: mentors.count, edges: edges)
                result = try CapacitatedAssignment.solve(
                    graph, capacities: capacity, maximumCardinality: request.everyone, from: result,
                    shouldStop: shouldStop)
            }
            columns = result.columns
            try DraftProof.checkAssignment(
                columns, certificate: result.certificate, rows: rows, mentors: mentors, capacities: capacity,
                candidateEdges: priced ? graph.edges : nil, objective: objective, constraints: constraints)
            if priced {
                try DraftProof.checkAssignmentLeftOut(
                    certificate: result.certificate, rows: rows, mentors: mentors, graphEdges: graph.edges,
                    objective: objective, constraints: constraints, shouldStop: shouldStop)
            }
        }
        var load = capacity.map { _ in 0 }
        var unmatched: [Draft.Unmatched] = []
        for (i, column) in columns.enumerated() {
            if let column {
                load[column] += 1
                groups.append(
                    group([rows[i], mentors[column]], model: model, pinned: [], admissibility: admissibility))
                continue
            }
            let member = directory.members[rows[i]]
            unmatched.append(
                Draft.Unmatched(
                    id: member.id,
                    cause: unmatchedMenteeCause(
                        rows[i], mentors: mentors, model: model, objective: objective, prepared: prepared,
                        everyone: request.everyone)))
        }
        let room = mentors.indices.filter { load[$0] < capacity[$0] }.map { j in
            Draft.MentorRoom(
                id: directory.members[mentors[j]].id, left: capacity[j] - load[j],
                capacity: directory.members[mentors[j]].capacity)
        }
        if !room.isEmpty { notes.append(.mentorsWithRoom(room)) }
        let guarantee = Guarantee(
            claim: request.stable ? .stable : .optimal, members: members.count, pinnedGroups: pinnedCount,
            isFairnessAdjusted: objective.isAdjusted, isCardinalityFirst: request.everyone && !request.stable,
            excludesRepeats: !request.alreadyMet.isEmpty)
        return Draft(
            mode: .mentoring, seed: request.seed, groups: sorted(groups), unmatched: unmatched, notes: notes,
            guarantee: guarantee)
    }

    /// Why a mentee has no mentor, from every mentor (for the unassigned only):
    /// none at all, none admissible (and the main reason), none it has
    /// anything in common with, or those it has are full.
    static func unmatchedMenteeCause(
        _ mentee: Int, mentors: [Int], model: AffinityModel, objective: DraftProof.Objective,
        prepared: PreparedAdmissibility, everyone: Bool
    ) -> UnmatchedCause {
        guard !mentors.isEmpty else { return .noMentors }
        let facts = partnerFacts(of: mentee, among: mentors, objective: objective, prepared: prepared)
        if facts.admissible == 0 {
            return mainExclusion(facts.exclusions).map {
                excludedCause($0, model.directory.members[mentee], with: .mentors)
            } ?? .noMentors
        }
        return !facts.worthSomething && !everyone ? .nothingInCommon(with: .mentors) : .mentorsFull
    }
}
