import Community
import Matching

/// Pricing for `match mentoring` in a large community, as `PairPricing` does
/// for pairs: the assignment is solved on each mentee's best mentors, and
/// every admissible mentee–mentor pair left out is priced with the
/// assignment's duals. A pair (i, j) outside the graph can improve the
/// assignment only if w(i, j) + s > u(i) + v(j); those are added, the
/// assignment solved again from the one before (its prices and pairs kept,
/// only what the added pairs upset repaired: `CapacitatedAssignment.solve(…,
/// from:)`), until none is left, and the last certificate
/// covers every admissible mentee–mentor pair though most were never scored.
///
/// Pairs that share a tag come from the model's inverted indexes and are
/// passed over when their bound is covered, else scored exactly; pairs that
/// share none weigh at most their role, organisation and wing terms, so only
/// mentors whose dual is below that bound, less the mentee's, are looked at
/// (mentors in ascending order of their duals). The method and its
/// references are those of `PairPricing` (column generation on the
/// assignment LP, whose duals are the Hungarian method's potentials).
///
/// - Complexity: per round, the mentor partners of every mentee through the
///   tag indexes kept to the mentors (`AffinityModel.TagIndex`) plus the mentors whose duals are below the bound, shared
///   out among the cores; the number of rounds is small in practice. The
///   first candidates read a popular tag's holders in part
///   (`PairingGraph.sampling`).
struct MentoringPricing: Sendable {
    let model: AffinityModel
    /// Mentees (rows) and mentors (columns), as directory indices.
    let rows: [Int]
    let mentors: [Int]
    let objective: DraftProof.Objective
    let prepared: PreparedAdmissibility
    /// For each directory index, its column, or -1.
    let columnOf: [Int32]
    /// The tag indexes kept to the mentors: a mentee's scan visits no other member.
    let mentorIndex: AffinityModel.TagIndex
    let weightBound: WeightBound

    init(
        model: AffinityModel, rows: [Int], mentors: [Int], objective: DraftProof.Objective,
        admissibility: Admissibility
    ) {
        self.model = model
        self.rows = rows
        self.mentors = mentors
        self.objective = objective
        prepared = PreparedAdmissibility(admissibility, directory: model.directory)
        var columnOf = [Int32](repeating: -1, count: model.directory.members.count)
        for (j, mentor) in mentors.enumerated() { columnOf[mentor] = Int32(j) }
        self.columnOf = columnOf
        mentorIndex = model.tagIndex(of: mentors)
        weightBound = WeightBound(model: model, objective: objective)
    }

    static func key(_ row: Int, _ column: Int) -> UInt64 { UInt64(row) << 32 | UInt64(column) }

    /// The pair's weight, as the objective says.
    func weight(_ row: Int, _ column: Int) -> Int64 { objective.weight(rows[row], mentors[column]) }

    /// Each mentee's `count` best admissible mentors among those sharing a tag
    /// with it (reading a longer tag list than `sampling` in part).
    func candidates(_ count: Int, sampling: Int = PairingGraph.sampling, shouldStop: () -> Bool) throws(MatchingError)
        -> [WeightedEdge]
    {
        let lists = try Parallel.slices(rows.count, shouldStop: shouldStop) { [self] range in
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            var edges: [WeightedEdge] = []
            for i in range {
                let a = rows[i]
                var scored: [(vertex: Int, score: Int64)] = []
                for (b, tagPoints) in model.tagPartners(of: a, using: scratch, sampling: sampling, among: mentorIndex) {
                    let j = Int(columnOf[b])
                    guard j >= 0, prepared.exclusion(a, b) == nil else { continue }
                    let score = model.adjusted(tagPoints + model.fixedPoints(a, b), a, b)
                    scored.append((j, objective.weight(of: score, a, b)))
                }
                // Points from lists read in part may lack terms: the chosen are weighed in full.
                for (j, _) in PairingGraph.best(count, of: scored) {
                    edges.append(WeightedEdge(i, j, weight(i, j)))
                }
            }
            return edges
        }
        return Array(lists.joined())
    }

    /// The admissible pairs outside `present` (keys `row << 32 | column`)
    /// that the duals do not cover, the `perRow` most violated of each mentee.
    func violators(
        present: PairKeys, certificate: AssignmentCertificate, perRow: Int = 8, shouldStop: () -> Bool
    ) throws(MatchingError) -> [(row: Int, column: Int)] {
        let rowDuals = certificate.rowDuals
        let columnDuals = certificate.columnDuals
        let shift = certificate.weightShift
        let order = mentors.indices.sorted { columnDuals[$0] < columnDuals[$1] }
        let dualOf = DualTable(
            of: mentors, columnDuals, directorySize: model.directory.members.count, raise: weightBound.raise)
        let lists = try Parallel.slices(rows.count, shouldStop: shouldStop) { [self, dualOf] range in
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            var chosen: [(row: Int, column: Int)] = []
            for i in range {
                let a = rows[i]
                var most = MostViolated(count: 1, keeping: perRow)
                func consider(_ j: Int, _ b: Int, score: Int64) {
                    let by = objective.weight(of: score, a, b) + shift - rowDuals[i] - columnDuals[j]
                    guard by > 0, prepared.exclusion(a, b) == nil, !present.contains(Self.key(i, j)) else { return }
                    most.add(0, Int32(j), by: by)
                }
                // Covered, whatever else the pair scores, when most(tag points) + s ≤ u(i) + v(j).
                let cover = weightBound.cover(own: rowDuals[i] - shift, table: dualOf, halvings: 0)
                model.forEachTagPartner(of: a, using: scratch, among: mentorIndex, uncoveredBy: cover) { b, tagPoints in
                    let j = Int(columnOf[b])
                    guard j >= 0 else { return }
                    consider(j, b, score: model.adjusted(tagPoints + model.fixedPoints(a, b), a, b))
                }
                let limit = weightBound.untagged + shift - rowDuals[i]
                for j in order {
                    if columnDuals[j] >= limit { break }
                    let b = mentors[j]
                    // A pair with a tag in common was priced above.
                    guard b != a, !model.sharesScoringTag(a, b) else { continue }
                    consider(j, b, score: model.adjusted(model.fixedPoints(a, b), a, b))
                }
                chosen += most.kept(0).map { (i, $0) }
            }
            return chosen
        }
        return Array(lists.joined())
    }
}
