import Community
import Foundation
import Matching
import Testing

@testable import Matchmaker

/// What a draft claims is what its checker proved, with its scope; a proof
/// that does not hold is an error.
struct DraftProofTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Profiles").path

    func draft(_ directory: Directory, mode: Draft.Mode = .pairs, _ configure: (inout MatchRequest) -> Void = { _ in })
        throws -> Draft
    {
        var request = MatchRequest(mode: mode)
        configure(&request)
        return try Matchmaker.match(
            request, model: AffinityModel(directory: directory, weights: AffinityWeights()), now: Self.now)
    }

    @Test func eachModeClaimsWhatWasChecked() throws {
        let directory = Communities.random(60, seed: 21)
        let pairs = try draft(directory)
        #expect(pairs.guarantee == Guarantee(claim: .optimal, coverage: .everyAdmissiblePair, members: 60))
        let pinned = try draft(directory) { $0.pins = [MemberPair("m0001", "m0002")] }
        #expect(pinned.guarantee.pinnedGroups == 1)
        let among = try draft(directory) { $0.among = Array(0..<30) }
        #expect(among.guarantee.members == 30 && !among.guarantee.isWholeCommunity)
        let everyone = try draft(directory) { $0.everyone = true }
        #expect(everyone.guarantee.isCardinalityFirst)
        let boosted = try draft(directory) { $0.priority = ["m0003": 0.5] }
        #expect(boosted.guarantee.isFairnessAdjusted && boosted.guarantee.claim == .optimal)
        #expect(try draft(directory, mode: .mentoring).guarantee.claim == .optimal)
        #expect(try draft(directory, mode: .mentoring) { $0.stable = true }.guarantee.claim == .stable)
        guard case .withinBound(let bound, _, let tables) = try draft(directory, mode: .circles).guarantee.claim else {
            Issue.record("circles claim a bound")
            return
        }
        #expect(bound > 0 && tables != nil)
    }

    /// Above 1,500 members candidates are weighed, and the pairs left out
    /// priced: the claim still covers every admissible pair.
    @Test func aLargeCommunityIsProvedOverEveryPair() throws {
        let directory = Communities.random(1600, seed: 22)
        let result = try draft(directory) { $0.candidates = 5 }
        #expect(result.guarantee.coverage == .everyAdmissiblePair)
        #expect(result.guarantee.claim == .optimal)
    }

    /// Above `tablesScoreAllUpTo` members `match circles` searches each
    /// member's best partners and bounds with the pairs above a floor (taken
    /// here at 150 members): its tables keep every rule, its total is their
    /// real score, and each path's bound lies above the other's tables.
    @Test func largeCommunitiesSeatFromCandidates() throws {
        let directory = Communities.random(150, seed: 24)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        // A pin across roles, so that a table of one of each can honour it.
        let partner = directory.members[100...].first { $0.role != directory.members[5].role }!
        let pin = MemberPair(directory.members[5].id, partner.id)
        let everyPair = try draft(directory, mode: .circles) { $0.pins = [pin] }
        let large = try draft(directory, mode: .circles) {
            $0.pins = [pin]
            $0.tablesScoreAllUpTo = 0
        }
        guard case .withinBound(let everyPairBound, _, _) = everyPair.guarantee.claim,
            case .withinBound(let largeBound, _, _) = large.guarantee.claim
        else {
            Issue.record("circles claim a bound")
            return
        }
        func total(_ draft: Draft) -> Int64 { draft.groups.reduce(0) { $0 + $1.score } }
        #expect(total(large) <= everyPairBound && total(everyPair) <= largeBound)
        #expect(everyPair.notes.contains(.pinHonoured(pin)))
        #expect(large.notes.contains(.pinHonoured(pin)))
        let admissibility = Admissibility()
        var seen = Set<String>()
        for group in large.groups {
            let indices = group.members.map { directory.index(of: $0)! }
            for (position, a) in indices.enumerated() {
                for b in indices[(position + 1)...] {
                    let pinned =
                        Set([a, b]) == Set([directory.index(of: pin.first)!, directory.index(of: pin.second)!])
                    #expect(
                        pinned
                            || admissibility.exclusion(directory.members[a], directory.members[b]) == nil)
                }
            }
            for id in group.members { #expect(seen.insert(id).inserted) }
        }
        #expect(seen.count + large.unmatched.count == 150)
        // Ctrl-C is heard at every stage: stopped at the last question asked or anywhere before, it throws.
        var request = MatchRequest(mode: .circles)
        request.tablesScoreAllUpTo = 0
        try Cancellation.expectEveryStageStops(request, model: model, now: Self.now)
    }

    /// The pairs of a large community's circles: the bound's hold every
    /// admissible pair above the floor, scored, and no other pair passes
    /// it; the search's hold each member's best partners (checked against
    /// every pair of 150 members, with a floor from the sample).
    @Test func circlePairsHoldEveryPairAboveTheFloor() throws {
        let directory = Communities.random(150, seed: 25)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let members = Array(directory.members.indices)
        let prepared = PreparedAdmissibility(Admissibility(), directory: directory)
        let found = try CirclePairs(
            model: model, members: members, prepared: prepared, candidates: 5, heavyPerMember: 6, shouldStop: { false })
        let untagged = WeightBound(model: model, objective: DraftProof.Objective(model: model, priority: [:])).untagged
        #expect(found.floor > untagged, "the sample sets the floor")
        let heavy = Dictionary(uniqueKeysWithValues: found.heavy.map { (AffinityModel.pairKey($0.u, $0.v), $0.weight) })
        let search = Dictionary(
            uniqueKeysWithValues: found.search.map { (AffinityModel.pairKey($0.u, $0.v), $0.weight) })
        var best = [[Int64]](repeating: [], count: members.count)
        for a in members {
            for b in members where b > a && prepared.exclusion(a, b) == nil {
                let score = model.score(a, b)
                #expect(heavy[AffinityModel.pairKey(a, b)] == (score > found.floor ? score : nil), "\(a), \(b)")
                #expect(search[AffinityModel.pairKey(a, b)].map { $0 == score } ?? true)
                guard model.tagPoints(a, b) > 0 else { continue }
                best[a].append(score)
                best[b].append(score)
            }
        }
        // Each member's fifth best score among its tag partners is reached by five in the search's graph.
        for a in members where best[a].count >= 5 {
            let fifth = best[a].sorted(by: >)[4]
            let kept = found.search.filter { $0.u == a || $0.v == a }.map(\.weight)
            #expect(kept.filter { $0 >= fifth }.count >= 5, "member \(a)")
        }
    }

    /// The check rebuilds every admissible pair and refuses a certificate that
    /// does not prove the pairing optimal, or pairs that are not a matching.
    @Test func aFalseProofIsAnError() throws {
        let directory = Communities.random(12, seed: 23, languages: false, availability: false)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let pool = Array(directory.members.indices)
        var edges: [WeightedEdge] = []
        for u in pool { for v in (u + 1)..<pool.count { edges.append(WeightedEdge(u, v, model.score(u, v))) } }
        let graph = try WeightedGraph(vertexCount: pool.count, edges: edges)
        let solved = try MaximumWeightMatching.solve(graph)
        let objective = DraftProof.Objective(model: model, priority: [:])
        let constraints = DraftProof.PlainConstraints(directory, forbidden: [])
        try DraftProof.checkPairs(
            solved.matching.pairs, certificate: solved.certificate, pool: pool, candidateEdges: nil,
            objective: objective, constraints: constraints, shouldStop: { false })
        // A worse pairing with the same certificate: refused.
        let worse = Array(solved.matching.pairs.dropFirst())
        #expect(throws: MatchError.self) {
            try DraftProof.checkPairs(
                worse, certificate: solved.certificate, pool: pool, candidateEdges: nil,
                objective: objective, constraints: constraints, shouldStop: { false })
        }
        // Duals that cover nothing: refused.
        let empty = DualCertificate(vertexDuals: [Int64](repeating: 0, count: pool.count), blossoms: [])
        #expect(throws: MatchError.self) {
            try DraftProof.checkPairs(
                solved.matching.pairs, certificate: empty, pool: pool, candidateEdges: nil,
                objective: objective, constraints: constraints, shouldStop: { false })
        }
        // A pair the rules forbid, although the solver was handed it: refused (not a matching of the admissible pairs).
        let pair = solved.matching.pairs[0]
        let banned = DraftProof.PlainConstraints(
            directory, forbidden: [MemberPair(directory.members[pair.0].id, directory.members[pair.1].id)])
        #expect(throws: MatchError.self) {
            try DraftProof.checkPairs(
                solved.matching.pairs, certificate: solved.certificate, pool: pool, candidateEdges: nil,
                objective: objective, constraints: banned, shouldStop: { false })
        }
    }

    /// Preference lists read from the table of weights are each side's
    /// acceptable partners by weight, heaviest first, ties by the lower
    /// index, over more rows than one batch of cores.
    @Test func preferencesRankByWeightThenIndex() throws {
        let (rowCount, columnCount) = (1_100, 7)
        let weight: @Sendable (Int, Int) -> Int64? = { i, j in
            (i * 7 + j * 3) % 11 == 0 ? nil : Int64((i * 31 + j * 17) % 5)
        }
        let preferences = try StablePreferences(
            rowCount: rowCount, columnCount: columnCount, shouldStop: { false }, weight: weight)
        for i in 0..<rowCount {
            let expected = (0..<columnCount).compactMap { j in weight(i, j).map { (j, $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            #expect(preferences.rows[i] == expected, "row \(i)")
        }
        for j in 0..<columnCount {
            let expected = (0..<rowCount).compactMap { i in weight(i, j).map { (i, $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
            #expect(preferences.columns[j] == expected, "column \(j)")
        }
        #expect(throws: MatchingError.cancelled) {
            try StablePreferences(rowCount: rowCount, columnCount: columnCount, shouldStop: { true }, weight: weight)
        }
    }

    /// The stable check rebuilds both sides' lists and refuses an assignment
    /// that a mentee and a mentor would both leave for each other.
    @Test func anUnstableAssignmentIsAnError() throws {
        let directory = Communities.random(40, seed: 25, languages: false, availability: false)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        let objective = DraftProof.Objective(model: model, priority: [:])
        let constraints = DraftProof.PlainConstraints(directory, forbidden: [])
        let mentors = directory.members.indices.filter { directory.members[$0].role == .entrepreneur }
        let rows = directory.members.indices.filter { directory.members[$0].role != .entrepreneur }
        let capacities = mentors.map { directory.members[$0].capacity }
        let stable = try draft(directory, mode: .mentoring) { $0.stable = true }
        let index = Dictionary(uniqueKeysWithValues: directory.members.enumerated().map { ($1.id, $0) })
        var columns = [Int?](repeating: nil, count: rows.count)
        for group in stable.groups {
            let members = group.members.map { index[$0]! }
            guard let row = rows.firstIndex(where: members.contains),
                let column = mentors.firstIndex(where: members.contains)
            else { continue }
            columns[row] = column
        }
        try DraftProof.checkStable(
            columns, rows: rows, mentors: mentors, capacities: capacities, objective: objective,
            constraints: constraints, acceptsZero: false)
        // A mentee taken from its mentor, who then has a free place it would fill with them: refused.
        let row = try #require(columns.indices.first { columns[$0] != nil })
        var unstable = columns
        unstable[row] = nil
        #expect(throws: MatchError.self) {
            try DraftProof.checkStable(
                unstable, rows: rows, mentors: mentors, capacities: capacities, objective: objective,
                constraints: constraints, acceptsZero: false)
        }
    }

    @Test func aTotalThatIsNotTheSumOfItsPairsIsAnError() throws {
        let directory = Communities.random(10, seed: 24, languages: false, availability: false)
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        var draft = try self.draft(directory)
        draft.groups[0].score += 1
        #expect(
            throws: MatchError.proofFailed(
                .pairs,
                .totalMismatch(
                    draft: draft.groups.reduce(0) { $0 + $1.score },
                    checked: draft.groups.reduce(0) { $0 + $1.score } - 1))
        ) {
            try DraftProof.checkTotal(draft.groups, model: model, mode: .pairs)
        }
    }

    /// The bundled community's tables of three: everyone seated who can be,
    /// and a bound that proves them within a tenth of the best.
    @Test func theBundledCirclesAreWithinATenth() throws {
        let loaded = ProfileFolder.load(Self.bundled, shownAs: "Profiles")
        let result = try draft(loaded.directory, mode: .circles)
        guard case .withinBound(let bound, _, _) = result.guarantee.claim else {
            Issue.record("circles claim a bound")
            return
        }
        #expect(result.total * 100 >= bound * 90, "\(result.total) of \(bound)")
        #expect(result.groups.allSatisfy { (3...4).contains($0.members.count) })
        let students = result.groups.filter { $0.members.count == 4 }.count
        #expect(students + 3 * result.groups.count + result.unmatched.count == loaded.directory.members.count)
        for unmatched in result.unmatched {
            #expect(unmatched.cause == .tablesFull(scarce: "startup"), "\(unmatched)")
        }
    }
}
