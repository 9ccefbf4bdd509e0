import Community
import Foundation
import Matching

extension Matchmaker {
    /// Students and startups (mentees) to entrepreneurs (mentors) within their
    /// capacities: the assignment with the best total (proved optimal by its
    /// certificate), or, with `stable`, deferred acceptance by the mentees: no
    /// mentee and mentor would both rather be together (checked), and every
    /// mentee gets the best mentor any stable assignment could give.
    static func matchMentoring(
        _ request: MatchRequest, members: [Int], model: AffinityModel, shouldStop: () -> Bool,
        report: (MatchStage) -> Void = { _ in }
    ) throws -> Draft {
        let directory = model.directory
        let admissibility = Admissibility(forbidden: request.apart)
        let prepared = PreparedAdmissibility(admissibility, directory: directory)
        let setup = try mentoringSetup(request, members: members, directory: directory)
        var notes = setup.notes
        var groups = setup.pinned.map { pin in
            group([pin.mentee, pin.mentor], model: model, pinned: [pin.pair], admissibility: admissibility)
        }
        let (rows, mentors, capacity) = (setup.rows, setup.mentors, setup.capacity)
        let objective = DraftProof.Objective(model: model, priority: request.priority)
        let constraints = DraftProof.PlainConstraints(directory, forbidden: request.apart)
        let columns: [Int?]
        if request.stable {
            // The lists are let go before the check builds its own.
            report(.candidates(members: setup.rows.count + setup.mentors.count))
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
            report(.proving)
            try DraftProof.checkStable(
                columns, rows: rows, mentors: mentors, capacities: capacity, objective: objective,
                constraints: constraints, acceptsZero: request.everyone, shouldStop: shouldStop)
        } else {
            let (graph, result, priced) = try solveMentoring(
                setup, request: request, model: model, objective: objective, shouldStop: shouldStop, report: report)
            columns = result.columns
            report(.proving)
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
            claim: request.stable ? .stable : .optimal, members: members.count, pinnedGroups: setup.pinned.count,
            isFairnessAdjusted: objective.isAdjusted, isCardinalityFirst: request.everyone && !request.stable,
            excludesRepeats: !request.alreadyMet.isEmpty)
        return Draft(
            mode: .mentoring, seed: request.seed, groups: sorted(groups), unmatched: unmatched, notes: notes,
            guarantee: guarantee)
    }

    /// A mentoring round before it is solved: the mentees still to assign
    /// (rows), the mentors and each one's seats left once the pins are set,
    /// and the pins set or set aside.
    struct MentoringSetup {
        var rows: [Int]
        var mentors: [Int]
        var capacity: [Int]
        var pinned: [(mentee: Int, mentor: Int, pair: MemberPair)] = []
        var notes: [Draft.Note] = []
    }

    /// Students and startups are mentees, entrepreneurs mentors; each pin
    /// of a mentee and a mentor with a seat left is set first (the others
    /// are set aside with a note).
    static func mentoringSetup(_ request: MatchRequest, members: [Int], directory: Directory) throws
        -> MentoringSetup
    {
        let mentees = members.filter { directory.members[$0].role != .entrepreneur }
        let mentors = members.filter { directory.members[$0].role == .entrepreneur }
        guard !mentees.isEmpty else { throw MatchError.noMentees }
        var setup = MentoringSetup(rows: [], mentors: mentors, capacity: mentors.map { directory.members[$0].capacity })
        var assigned = Set<Int>()
        let menteeIDs = Set(mentees.map { directory.members[$0].id })
        let mentorIDs = Set(mentors.map { directory.members[$0].id })
        for pair in request.pins.sorted() {
            let (menteeID, mentorID) =
                menteeIDs.contains(pair.first) ? (pair.first, pair.second) : (pair.second, pair.first)
            guard menteeIDs.contains(menteeID), mentorIDs.contains(mentorID),
                let mentee = directory.index(of: menteeID), let mentor = directory.index(of: mentorID),
                let column = mentors.firstIndex(of: mentor)
            else {
                let matched = Set(members.map { directory.members[$0].id })
                setup.notes.append(
                    .pinSetAside(
                        pair,
                        matched.contains(pair.first) && matched.contains(pair.second)
                            ? .notMenteeAndMentor : .notBothMatched))
                continue
            }
            guard setup.capacity[column] > 0 else {
                setup.notes.append(.pinSetAside(pair, .mentorFull(mentorID)))
                continue
            }
            setup.capacity[column] -= 1
            assigned.insert(mentee)
            setup.pinned.append((mentee, mentor, pair))
        }
        setup.rows = mentees.filter { !assigned.contains($0) }
        return setup
    }

    /// The best total assignment of `setup`'s mentees and the graph it was
    /// solved on: every admissible pair in a small community; in a large one,
    /// each mentee's best candidates, then the pairs left out that the
    /// assignment duals do not cover (`MentoringPricing`), solved again from
    /// the previous assignment until none is left (`priced`).
    static func solveMentoring(
        _ setup: MentoringSetup, request: MatchRequest, model: AffinityModel, objective: DraftProof.Objective,
        shouldStop: () -> Bool, report: (MatchStage) -> Void = { _ in }
    ) throws -> (graph: BipartiteGraph, result: CapacitatedAssignment.Result, priced: Bool) {
        let (rows, mentors, capacity) = (setup.rows, setup.mentors, setup.capacity)
        let admissibility = Admissibility(forbidden: request.apart)
        let prepared = PreparedAdmissibility(admissibility, directory: model.directory)
        let priced = rows.count + mentors.count > request.completeLimit
        var edges: [WeightedEdge] = []
        let pricing = MentoringPricing(
            model: model, rows: rows, mentors: mentors, objective: objective, admissibility: admissibility)
        report(.candidates(members: rows.count + mentors.count))
        if priced {
            edges = try pricing.candidates(request.candidates, sampling: request.sampling, shouldStop: shouldStop)
        } else {
            try forEachAdmissiblePair(of: setup, prepared: prepared, objective: objective, shouldStop: shouldStop) {
                edges.append(WeightedEdge($0, $1, $2))
            }
        }
        var graph = try BipartiteGraph(leftCount: rows.count, rightCount: mentors.count, edges: edges)
        report(.solving(pairs: edges.count, pass: 0))
        var result = try CapacitatedAssignment.solve(
            graph, capacities: capacity, maximumCardinality: request.everyone, shouldStop: shouldStop)
        var memory: MentoringPricing.Memory?
        var pass = 1
        while priced {
            report(.pricing(pass: pass))
            let present = PairKeys(graph.edges.lazy.map { MentoringPricing.key($0.u, $0.v) })
            let round = try pricing.violators(
                present: present, certificate: result.certificate, after: memory, shouldStop: shouldStop)
            memory = round.memory
            if round.pairs.isEmpty { break }
            edges += round.pairs.map { WeightedEdge($0.row, $0.column, pricing.weight($0.row, $0.column)) }
            graph = try BipartiteGraph(leftCount: rows.count, rightCount: mentors.count, edges: edges)
            report(.solving(pairs: edges.count, pass: pass))
            pass += 1
            result = try CapacitatedAssignment.solve(
                graph, capacities: capacity, maximumCardinality: request.everyone, from: result,
                shouldStop: shouldStop)
        }
        return (graph, result, priced)
    }

    /// Every admissible pair of `setup` (row, mentor column, weight), every
    /// mentee against every mentor; `shouldStop` is asked every 64 mentees.
    static func forEachAdmissiblePair(
        of setup: MentoringSetup, prepared: PreparedAdmissibility, objective: DraftProof.Objective,
        shouldStop: () -> Bool, _ body: (_ row: Int, _ column: Int, _ weight: Int64) throws -> Void
    ) throws {
        for (i, mentee) in setup.rows.enumerated() {
            if i & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
            for (j, mentor) in setup.mentors.enumerated() where prepared.exclusion(mentee, mentor) == nil {
                try body(i, j, objective.weight(mentee, mentor))
            }
        }
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
