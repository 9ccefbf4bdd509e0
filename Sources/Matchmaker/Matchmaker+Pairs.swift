import Community
import Foundation
import Matching

extension Matchmaker {
    /// The pairing with the largest total: pinned pairs first, then the
    /// maximum-weight matching of everyone else, proved by its certificate
    /// against every admissible pair (or, in a large community, against the
    /// candidate graph it was solved on, and the guarantee says so).
    static func matchPairs(
        _ request: MatchRequest, members: [Int], model: AffinityModel, shouldStop: () -> Bool,
        report: (MatchStage) -> Void = { _ in }
    ) throws -> Draft {
        let directory = model.directory
        var groups: [Draft.Group] = []
        let (pinned, notes) = applicablePins(request.pins, members: members, directory: directory)
        let admissibility = Admissibility(forbidden: request.apart)
        var pinnedIDs = Set<String>()
        for pair in pinned {
            guard let a = directory.index(of: pair.first), let b = directory.index(of: pair.second) else { continue }
            pinnedIDs.formUnion([pair.first, pair.second])
            groups.append(group([a, b], model: model, pinned: Set(pinned), admissibility: admissibility))
        }
        let pool = members.filter { !pinnedIDs.contains(directory.members[$0].id) }
        let objective = DraftProof.Objective(model: model, priority: request.priority)
        let (graph, result) = try solvePairs(
            pool, request: request, model: model, objective: objective, shouldStop: shouldStop, report: report)
        report(.proving)
        let constraints = DraftProof.PlainConstraints(directory, forbidden: request.apart)
        try DraftProof.checkPairs(
            result.matching.pairs, certificate: result.certificate, pool: pool,
            candidateEdges: graph.isComplete ? nil : graph.graph.edges,
            objective: objective, constraints: constraints, shouldStop: shouldStop)
        if !graph.isComplete {
            try DraftProof.checkLeftOut(
                certificate: result.certificate, pool: pool, graphEdges: graph.graph.edges, objective: objective,
                constraints: constraints, shouldStop: shouldStop)
        }
        // Each pair's reasons, written on every core (Ctrl-C heard between two batches).
        let pairs = result.matching.pairs
        let vertices = graph.members
        groups += try Parallel.slices(pairs.count, shouldStop: shouldStop) { range in
            range.map { k in
                group(
                    [vertices[pairs[k].0], vertices[pairs[k].1]], model: model, pinned: [], admissibility: admissibility
                )
            }
        }.joined()
        let alone = graph.members.indices.filter { result.matching.mate[$0] == nil }
        let prepared = PreparedAdmissibility(admissibility, directory: directory)
        let unmatched = alone.map { u in
            Draft.Unmatched(
                id: directory.members[graph.members[u]].id,
                cause: unmatchedCause(
                    vertex: u, in: graph, aloneCount: alone.count, objective: objective, prepared: prepared,
                    everyone: request.everyone))
        }
        let guarantee = Guarantee(
            claim: .optimal, coverage: .everyAdmissiblePair,
            members: members.count, pinnedGroups: pinned.count, isFairnessAdjusted: objective.isAdjusted,
            isCardinalityFirst: request.everyone, excludesRepeats: !request.alreadyMet.isEmpty)
        return Draft(
            mode: .pairs, seed: request.seed, groups: sorted(groups), unmatched: unmatched, notes: notes,
            guarantee: guarantee)
    }

    /// The pairing graph of `pool` and its best matching: every admissible
    /// pair in a small community; in a large one, each member's best
    /// candidates, then the pairs left out that the duals do not cover
    /// (`PairPricing`), solved again from the previous matching and duals
    /// until none is left: the certificate then covers every admissible pair.
    static func solvePairs(
        _ pool: [Int], request: MatchRequest, model: AffinityModel, objective: DraftProof.Objective,
        shouldStop: () -> Bool, report: (MatchStage) -> Void = { _ in }
    ) throws -> (PairingGraph, MaximumWeightMatching.Result) {
        let admissibility = Admissibility(forbidden: request.apart)
        report(.candidates(members: pool.count))
        var graph = try PairingGraph(
            model: model, members: pool, admissibility: admissibility, candidates: request.candidates,
            sampling: request.sampling, completeLimit: request.completeLimit, shouldStop: shouldStop)
        report(.solving(pairs: graph.graph.edges.count, pass: 0))
        var result = try MaximumWeightMatching.solve(
            weighted(graph, by: objective), maximumCardinality: request.everyone, shouldStop: shouldStop)
        if !graph.isComplete {
            let pricing = PairPricing(model: model, pool: pool, objective: objective, admissibility: admissibility)
            // After the first round, only the members whose dual fell are scanned again (`PricingMemory`).
            var memory: PricingMemory?
            // A member that had more violated pairs than it handed on three rounds in a row or more
            // gets twice the room each next round (most members finish within two), and when few are
            // left unfinished, a share of a round's room.
            var unfinishedRounds = [Int](repeating: 0, count: pool.count)
            var pass = 1
            while true {
                report(.pricing(pass: pass))
                let round = try pricing.violators(
                    present: graph.edgeKeys, certificate: result.certificate, after: memory,
                    quotas: PairPricing.quotas(afterUnfinishedRounds: unfinishedRounds),
                    shouldStop: shouldStop)
                if round.pairs.isEmpty { break }
                if shouldStop() { throw MatchingError.cancelled }
                graph = graph.adding(round.pairs, model: model)
                if shouldStop() { throw MatchingError.cancelled }
                report(.solving(pairs: graph.graph.edges.count, pass: pass))
                pass += 1
                result = try MaximumWeightMatching.solve(
                    weighted(graph, by: objective), maximumCardinality: request.everyone, from: result,
                    shouldStop: shouldStop)
                memory = round.memory
                unfinishedRounds = pool.indices.map { round.unfinished[$0] ? unfinishedRounds[$0] + 1 : 0 }
            }
        }
        return (graph, result)
    }

    /// The graph `match pairs` would prove its pairing over, for the whole
    /// community (pins aside): what `export FILE.graph` writes.
    public static func pairingGraph(_ request: MatchRequest, model: AffinityModel, shouldStop: () -> Bool = { false })
        throws -> PairingGraph
    {
        let pool = request.among ?? Array(model.directory.members.indices)
        return try solvePairs(
            pool, request: request, model: model,
            objective: DraftProof.Objective(model: model, priority: request.priority),
            shouldStop: shouldStop
        ).0
    }

    /// Every admissible pair of the community (or of `request.among`) that
    /// scores more than zero, with its score, in member order: vertex i is
    /// the i-th of those members. Every pair is scored, whatever the size,
    /// so that another solver can check a claim over all of them (slow and
    /// large on purpose). `visit` gets each pair as it is found; `shouldStop`
    /// is asked every 64 members.
    ///
    /// - Complexity: O(n²) scores for n members.
    public static func everyPair(
        _ request: MatchRequest, model: AffinityModel, shouldStop: () -> Bool = { false },
        _ visit: (_ u: Int, _ v: Int, _ score: Int64) throws -> Void
    ) throws {
        let members = request.among ?? Array(model.directory.members.indices)
        let prepared = PreparedAdmissibility(Admissibility(forbidden: request.apart), directory: model.directory)
        for u in members.indices {
            if u & 63 == 0 && shouldStop() { throw MatchingError.cancelled }
            for v in (u + 1)..<max(u + 1, members.count) where prepared.exclusion(members[u], members[v]) == nil {
                let score = model.score(members[u], members[v])
                if score > 0 { try visit(u, v, score) }
            }
        }
    }

    /// The graph with each pair weighted as the objective says (fairness boosts included).
    static func weighted(_ graph: PairingGraph, by objective: DraftProof.Objective) -> WeightedGraph {
        guard objective.isAdjusted else { return graph.graph }
        let edges = graph.graph.edges.map { edge in
            WeightedEdge(
                edge.u, edge.v, objective.weight(of: edge.weight, graph.members[edge.u], graph.members[edge.v]))
        }
        return try! WeightedGraph(vertexCount: graph.graph.vertexCount, edges: edges)
    }

    /// Why an unmatched member is unmatched, from the graph and the matching
    /// (in a large community, whose graph holds only some pairs, from every
    /// member of the pool).
    static func unmatchedCause(
        vertex u: Int, in graph: PairingGraph, aloneCount: Int, objective: DraftProof.Objective,
        prepared: PreparedAdmissibility, everyone: Bool
    ) -> UnmatchedCause {
        let directory = objective.model.directory
        let a = graph.members[u]
        let member = directory.members[a]
        var admissible = graph.admissibleCount[u]
        var exclusions = graph.exclusions[u]
        var worthSomething = graph.hasPositiveEdge[u]
        if !graph.isComplete {
            (admissible, exclusions, worthSomething) = partnerFacts(
                of: a, among: graph.members, objective: objective, prepared: prepared)
        }
        if admissible == 0 {
            guard let main = mainExclusion(exclusions) else { return .nobodyElse }
            return excludedCause(main, member, with: .anyone)
        }
        if !everyone && !worthSomething { return .nothingInCommon(with: .anyone) }
        // Everyone else paired: the number of members is odd, whoever is left (with or without --everyone).
        if aloneCount == 1 { return .oddOneOut }
        return .compatibleAlreadyPaired
    }
}
