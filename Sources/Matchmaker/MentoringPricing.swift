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
/// After the first round, pricing goes on from the round before (`Memory`):
/// a mentee or a mentor is scanned again only when its dual fell past a
/// quarter point below its highest since its scan, and the others weigh
/// again the pairs they kept within half a point of being violated.
///
/// - Complexity: in the first round, the mentor partners of every mentee
///   through the tag indexes kept to the mentors (`AffinityModel.TagIndex`)
///   plus the mentors whose duals are below the bound; later rounds the same
///   for the mentees scanned again, the mentee partners of the mentors
///   scanned again, and the pairs the others kept; shared out among the
///   cores. The number of rounds is small in practice. The first candidates
///   read a popular tag's holders in part (`PairingGraph.sampling`).
struct MentoringPricing: Sendable {
    let model: AffinityModel
    /// Mentees (rows) and mentors (columns), as directory indices.
    let rows: [Int]
    let mentors: [Int]
    let objective: DraftProof.Objective
    let prepared: PreparedAdmissibility
    /// For each directory index, its column, or -1.
    let columnOf: [Int32]
    /// For each directory index, its row, or -1.
    let rowOf: [Int32]
    /// The tag indexes kept to the mentors, and to the mentees: a scan visits only the other side.
    let mentorIndex: AffinityModel.TagIndex
    let menteeIndex: AffinityModel.TagIndex
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
        var rowOf = [Int32](repeating: -1, count: model.directory.members.count)
        for (i, mentee) in rows.enumerated() { rowOf[mentee] = Int32(i) }
        self.rowOf = rowOf
        mentorIndex = model.tagIndex(of: mentors)
        menteeIndex = model.tagIndex(of: rows)
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

    /// What pricing keeps from one round to the next: a `PricingMemory` for
    /// the mentees and one for the mentors, of the same rounds. A pair is
    /// weighed again from the side scanned later (the mentee's on a tie),
    /// which kept it if its slack was under the margin then; the argument is
    /// `PricingMemory`'s, with the two sides of the pair taken apart.
    struct Memory: Sendable {
        var rows: PricingMemory
        var columns: PricingMemory
    }

    /// The slack under which a pair is kept: half a point, in the assignment's thousandths.
    static let margin: Int64 = 500

    /// What one round of pricing found.
    struct Round {
        /// The pairs to add: for each mentee, its most violated pairs.
        var pairs: [(row: Int, column: Int)]
        /// What the next round goes on from.
        var memory: Memory
    }

    /// The admissible pairs outside `present` (keys `row << 32 | column`)
    /// that the duals do not cover, the `perRow` most violated of each mentee.
    ///
    /// With the `memory` of the round before, a mentee or a mentor is
    /// scanned only when its dual fell more than a quarter point below its
    /// highest since its last scan (or it kept too many pairs): a mentee's
    /// scan weighs its pairs with every mentor, a mentor's its pairs with the
    /// mentees not scanned this round. The others weigh again the pairs they
    /// kept, each pair from the side scanned later. The first round scans
    /// every mentee; the pairs found are the same as a scan of everyone's.
    func violators(
        present: PairKeys, certificate: AssignmentCertificate, after memory: Memory? = nil, perRow: Int = 8,
        shouldStop: () -> Bool
    ) throws(MatchingError) -> Round {
        let rowDuals = certificate.rowDuals
        let columnDuals = certificate.columnDuals
        let shift = certificate.weightShift
        let (rowMemory, rowScans) = PricingMemory.next(
            memory?.rows, duals: rowDuals, shift: shift, margin: Self.margin)
        let (columnMemory, columnScans) = PricingMemory.next(
            memory?.columns, duals: columnDuals, shift: shift, margin: Self.margin)
        var next = Memory(rows: rowMemory, columns: columnMemory)
        let scan = Scan(
            pricing: self, present: present, rowDuals: rowDuals, columnDuals: columnDuals, shift: shift,
            rowScans: rowScans)
        var most = MostViolated(count: rows.count, keeping: perRow)
        // The mentees: scanned, or their kept pairs whose mentor was not scanned since.
        try Parallel.slices(rows.count, shouldStop: shouldStop) { [self, rowMemory, columnMemory] range in
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            var found: [(row: Int32, count: Int, pairs: [(by: Int64, other: Int32)])] = []
            var lists: [(Int32, [PricingMemory.NearPair]?)] = []
            var near: [PricingMemory.NearPair] = []
            for i in range {
                var mine = OwnViolations(keeping: perRow)
                if rowScans[i] {
                    near.removeAll(keepingCapacity: true)
                    let isKept = scan.row(
                        i, scratch: scratch, near: &near, matters: { mine.matters($2, Int32($1)) },
                        report: { mine.add($2, Int32($1)) })
                    lists.append((Int32(i), isKept ? near.withUnsafeBufferPointer { Array($0) } : nil))
                } else {
                    for pair in rowMemory.near[i]!
                    where columnMemory.scanned[Int(pair.partner)] <= rowMemory.scanned[i] {
                        let by = Int64(pair.weight) + shift - rowDuals[i] - columnDuals[Int(pair.partner)]
                        if by > 0 && mine.matters(by, pair.partner)
                            && !present.contains(Self.key(i, Int(pair.partner)))
                        {
                            mine.add(by, pair.partner)
                        }
                    }
                }
                if mine.found > 0 { found.append((Int32(i), mine.found, mine.entries)) }
            }
            return (found, lists)
        } merge: { (found, lists) in
            for (i, _, pairs) in found {
                for (by, j) in pairs { most.add(i, j, by: by) }
            }
            for (i, near) in lists { next.rows.near[Int(i)] = near }
        }
        // The mentors: scanned (against the mentees not scanned this round), or their kept pairs whose mentee
        // was scanned before them. In the first round every mentee was scanned: nothing is left to them.
        let everyRow = rowScans.allSatisfy { $0 }
        try Parallel.slices(mentors.count, shouldStop: shouldStop) { [self, rowMemory, columnMemory] range in
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            var found: [(row: Int32, column: Int32, by: Int64)] = []
            var lists: [(Int32, [PricingMemory.NearPair]?)] = []
            var near: [PricingMemory.NearPair] = []
            for j in range {
                if columnScans[j] {
                    near.removeAll(keepingCapacity: true)
                    let isKept =
                        everyRow
                        || scan.column(j, scratch: scratch, near: &near, matters: { _, _, _ in true }) {
                            found.append((Int32($0), Int32(j), $2))
                        }
                    lists.append((Int32(j), isKept ? near.withUnsafeBufferPointer { Array($0) } : nil))
                } else {
                    for pair in columnMemory.near[j]!
                    where rowMemory.scanned[Int(pair.partner)] < columnMemory.scanned[j] {
                        let i = Int(pair.partner)
                        let by = Int64(pair.weight) + shift - rowDuals[i] - columnDuals[j]
                        if by > 0 && !present.contains(Self.key(i, j)) { found.append((pair.partner, Int32(j), by)) }
                    }
                }
            }
            return (found, lists)
        } merge: { (found, lists) in
            for (i, j, by) in found { most.add(i, j, by: by) }
            for (j, near) in lists { next.columns.near[Int(j)] = near }
        }
        let pairs = rows.indices.flatMap { i in most.kept(i).sorted().map { (row: i, column: $0) } }
        return Round(pairs: pairs, memory: next)
    }

    /// One round's scans: a mentee's pairs with every mentor, a mentor's with
    /// the mentees not scanned this round, each pair weighed exactly unless
    /// its bound leaves it covered by the margin; those within the margin
    /// are kept (`near`), and the violated ones reported (row, column, by).
    struct Scan {
        /// One side of the assignment as the other side's scans see it.
        struct Side {
            let isRows: Bool
            /// Its members (directory indices), their duals and, in ascending order of dual, their positions.
            let members: [Int]
            let duals: [Int64]
            let order: [Int]
            /// The duals by directory index, for the covers; each directory index's position, or -1.
            let table: DualTable
            let position: [Int32]
            /// The tag indexes kept to its members.
            let index: AffinityModel.TagIndex

            init(_ pricing: MentoringPricing, rows isRows: Bool, duals: [Int64]) {
                self.isRows = isRows
                members = isRows ? pricing.rows : pricing.mentors
                self.duals = duals
                order = duals.indices.sorted { duals[$0] < duals[$1] }
                table = DualTable(
                    of: members, duals, directorySize: pricing.model.directory.members.count,
                    raise: pricing.weightBound.raise)
                position = isRows ? pricing.rowOf : pricing.columnOf
                index = isRows ? pricing.menteeIndex : pricing.mentorIndex
            }
        }

        let pricing: MentoringPricing
        let present: PairKeys
        let shift: Int64
        let rowScans: [Bool]
        /// Whether the objective raises some pairs above their score (fairness boosts).
        let isAdjusted: Bool
        let rows: Side
        let columns: Side

        init(
            pricing: MentoringPricing, present: PairKeys, rowDuals: [Int64], columnDuals: [Int64], shift: Int64,
            rowScans: [Bool]
        ) {
            self.pricing = pricing
            self.present = present
            self.shift = shift
            self.rowScans = rowScans
            isAdjusted = pricing.objective.isAdjusted
            rows = Side(pricing, rows: true, duals: rowDuals)
            columns = Side(pricing, rows: false, duals: columnDuals)
        }

        /// Mentee i's pairs with every mentor; whether it kept all those within the margin.
        func row(
            _ i: Int, scratch: AffinityModel.Scratch, near: inout [PricingMemory.NearPair],
            matters: (Int, Int, Int64) -> Bool, report: (Int, Int, Int64) -> Void
        ) -> Bool {
            scan(i, of: rows, against: columns, scratch: scratch, near: &near, matters: matters, report: report)
        }

        /// Mentor j's pairs with the mentees not scanned this round; whether it kept all those within the margin.
        func column(
            _ j: Int, scratch: AffinityModel.Scratch, near: inout [PricingMemory.NearPair],
            matters: (Int, Int, Int64) -> Bool, report: (Int, Int, Int64) -> Void
        ) -> Bool {
            scan(j, of: columns, against: rows, scratch: scratch, near: &near, matters: matters, report: report)
        }

        /// Member x of `side` against the members of `other` (the mentees scanned this round left out):
        /// its tag partners through `other`'s lists unless covered, then those whose duals are low enough
        /// for a pair that shares no tag to matter. Each pair weighed within the margin is kept (as the
        /// other side's position) while the list holds them all (a list past `PricingMemory.kept`, or a
        /// weight past 32 bits, ends it); whether it did. Once the list is given up, a violated pair
        /// that `matters` says changes nothing (row, column, by) is not looked at further.
        private func scan(
            _ x: Int, of side: Side, against other: Side, scratch: AffinityModel.Scratch,
            near: inout [PricingMemory.NearPair], matters: (Int, Int, Int64) -> Bool,
            report: (Int, Int, Int64) -> Void
        ) -> Bool {
            let model = pricing.model
            let member = side.members[x]
            var isKept = true
            func weigh(_ y: Int, tagPoints: Int64) {
                let (i, j) = side.isRows ? (x, y) : (y, x)
                guard side.isRows || !rowScans[i] else { return }
                let (a, b) = (pricing.rows[i], pricing.mentors[j])
                let score = model.adjusted(tagPoints + model.fixedPoints(a, b), a, b)
                let weight = isAdjusted ? pricing.objective.weight(of: score, a, b) : score
                let by = weight + shift - rows.duals[i] - columns.duals[j]
                guard by > -MentoringPricing.margin, isKept || (by > 0 && matters(i, j, by)) else { return }
                guard pricing.prepared.exclusion(a, b) == nil, !present.contains(MentoringPricing.key(i, j)) else {
                    return
                }
                if by > 0 { report(i, j, by) }
                PricingMemory.keep(y, weight: weight, in: &near, isKept: &isKept)
            }
            // Within the margin, whatever else the pair scores, when most(tag points) + s ≤ u(i) + v(j) − margin.
            let cover = pricing.weightBound.cover(
                own: side.duals[x] - shift - MentoringPricing.margin, table: other.table, halvings: 0)
            model.forEachTagPartner(of: member, using: scratch, among: other.index, uncoveredBy: cover) {
                partner, tagPoints in
                weigh(Int(other.position[partner]), tagPoints: tagPoints)
            }
            let limit = pricing.weightBound.untagged + shift - side.duals[x] + MentoringPricing.margin
            for y in other.order {
                if other.duals[y] >= limit { break }
                let partner = other.members[y]
                // A pair with a tag in common was priced above.
                guard partner != member, !model.sharesScoringTag(member, partner) else { continue }
                weigh(y, tagPoints: 0)
            }
            return isKept
        }
    }
}
