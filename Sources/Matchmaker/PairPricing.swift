import Community
import Matching

/// Pricing for `match pairs` in a large community: the pairing is solved on
/// a sparse candidate graph, and then every admissible pair left out is
/// *priced* with the solution's duals. A pair (u, v) outside the graph can
/// improve the matching only if its weight passes what its vertices' duals
/// already cover, w(u, v) + s > y(u) + y(v) (s the weight shift of a
/// maximum-cardinality solve); those pairs are added and the graph solved
/// again, starting from the previous matching and duals (only what the new
/// pairs change is repaired), until no pair is left that could. The last
/// certificate then covers every admissible pair of the community, though
/// most were never scored.
///
/// The pairs left out are of two kinds, and each is priced its own way:
/// - pairs that share a tag (a need met, an interest) are found through the
///   model's inverted indexes; one whose tag points, with the most its other
///   terms and factors could add, are covered is passed over by the scan
///   itself (`DualCover`), the others are scored exactly;
/// - pairs that share none score only their role, organisation and wing
///   terms, so no more than `WeightBound.untagged`: for a vertex u only partners v
///   with y(v) < bound + s − y(u) can violate, and walking the vertices in
///   ascending order of their duals stops at the first that cannot.
///
/// This is column generation (delayed column generation, Dantzig–Wolfe
/// pricing) applied to Edmonds' matching LP, as in the "price and repair"
/// schemes for large matching problems (Applegate & Cook, "Solving large-scale
/// matching problems", 1993) and the sparse candidate graphs of Cook & Rohe
/// ("Computing minimum-weight perfect matchings", 1999): dual values decide
/// which left-out edges must be looked at. Blossom duals z(B) ≥ 0 only add
/// cover, so the check y(u) + y(v) ≥ w + s is sufficient and they are ignored.
///
/// After the first round only some members are scanned again: each scan
/// keeps the pairs it weighed within half a point of being violated, later
/// rounds weigh those again at the new duals, and a member is scanned again
/// only when its dual fell more than a quarter point below its highest since
/// its scan, or it kept too many (`PricingMemory`, where the argument is);
/// a change of the weight shift scans everyone.
///
/// - Complexity: in the first round, the tag partners of every member (as
///   for the candidates) plus, per member, the partners whose duals are below
///   the bound; later rounds the same for the members scanned again, plus
///   the pairs the others kept. The number of rounds is small in practice
///   (each adds only pairs that could improve the matching). The members are
///   shared out among the cores.
struct PairPricing: Sendable {
    let model: AffinityModel
    let pool: [Int]
    let objective: DraftProof.Objective
    let prepared: PreparedAdmissibility
    let weightBound: WeightBound
    /// The tag indexes kept to the pool when it is not the whole directory.
    let index: AffinityModel.TagIndex?
    /// Whether the objective raises some pairs above their score (fairness boosts).
    let isAdjusted: Bool

    init(model: AffinityModel, pool: [Int], objective: DraftProof.Objective, admissibility: Admissibility) {
        self.model = model
        self.pool = pool
        self.objective = objective
        prepared = PreparedAdmissibility(admissibility, directory: model.directory)
        weightBound = WeightBound(model: model, objective: objective)
        index = model.poolIndex(of: pool)
        isAdjusted = objective.isAdjusted
    }

    /// The most violated pairs a member hands on in a round, at first.
    static let perMember = 16

    /// How many violated pairs a member hands on after `rounds` rounds in a
    /// row with more than it could: 16 for the first two, then twice as
    /// many each round, up to 1,024 (the few members with hundreds of
    /// violated pairs would otherwise take a round each sixteen of them).
    static func quota(afterUnfinishedRounds rounds: Int) -> Int { perMember << min(6, max(0, rounds - 2)) }

    /// How many violated pairs the members still unfinished share in a round
    /// at least: when few are left (the last rounds often have one or two
    /// members with hundreds of violated pairs), each gets its share of this
    /// rather than a round per doubling of its quota.
    static let roundShare = 1 << 16

    /// Each member's quota for the next round, from how many rounds in a row
    /// each was unfinished: `quota(afterUnfinishedRounds:)`, or for an
    /// unfinished member its share of `roundShare` when that is more.
    static func quotas(afterUnfinishedRounds rounds: [Int]) -> [Int] {
        let unfinished = rounds.count { $0 > 0 }
        let share = roundShare / max(1, unfinished)
        return rounds.map { $0 > 0 ? max(quota(afterUnfinishedRounds: $0), share) : quota(afterUnfinishedRounds: 0) }
    }

    /// What one round of pricing found.
    struct Round {
        /// The pairs to add: for each member, its most violated pairs.
        var pairs: [(u: Int, v: Int)]
        /// Members that had more violated pairs than were added.
        var unfinished: [Bool]
        /// What the next round goes on from.
        var memory: PricingMemory
    }

    /// The admissible pairs outside `present` (keys `low << 32 | high` of
    /// vertices of `pool`) that the duals do not cover, the `perMember` most
    /// violated of each member (the others wait for the next round, as column
    /// generation adds the most promising columns first). With the `memory`
    /// of the round before, only the members it says are scanned; the others
    /// weigh their kept pairs again (`PricingMemory`). The members are shared
    /// out among the cores; a pair is weighed by one of them only, which
    /// hands on only the `perMember` most violated it weighed, so that a
    /// round holds no more than that per member however many pairs are
    /// violated (each pair handed on then counts for both its members). A
    /// member with more violated pairs than it handed on is `unfinished`.
    /// `quotas`, when given, are each member's own `perMember`.
    func violators(
        present: PairKeys, certificate: DualCertificate, after memory: PricingMemory? = nil, perMember: Int = 16,
        quotas: [Int]? = nil, shouldStop: () -> Bool
    ) throws(MatchingError) -> Round {
        let duals = certificate.vertexDuals
        let shift = certificate.weightShift
        let n = pool.count
        let (memory, scans) = PricingMemory.next(memory, duals: duals, shift: shift)
        // When every member is scanned, a pair sharing a tag is weighed from its lower member only.
        let everyone = memory.round == 1
        var vertexOf = [Int32](repeating: -1, count: model.directory.members.count)
        for (vertex, member) in pool.enumerated() { vertexOf[member] = Int32(vertex) }
        // Each member's dual by directory index; one that is not priced, as good as covered.
        let dualOf = DualTable(
            of: pool, duals, directorySize: model.directory.members.count, raise: weightBound.raise)
        let order = (0..<n).sorted { duals[$0] < duals[$1] }
        let quota = quotas ?? [Int](repeating: perMember, count: n)
        var most = MostViolated(keeping: quota)
        var next = memory
        try Parallel.slices(n, shouldStop: shouldStop) { [self, vertexOf, dualOf, quota, memory] range in
            let scratch = AffinityModel.Scratch(count: model.directory.members.count)
            // Per member of the slice, only its most violated pairs are kept, and how many it had:
            // the first rounds can find many millions.
            var kept: [(u: Int32, count: Int, pairs: [(by: Int64, other: Int32)])] = []
            var lists: [(u: Int32, near: [PricingMemory.NearPair]?)] = []
            var near: [PricingMemory.NearPair] = []
            for u in range {
                var mine = OwnViolations(keeping: quota[u])
                if scans[u] {
                    near.removeAll(keepingCapacity: true)
                    let isKept = violations(
                        of: u, duals: duals, shift: shift, present: present, scans: scans, everyone: everyone,
                        vertexOf: vertexOf, dualOf: dualOf, order: order, scratch: scratch, into: &mine,
                        near: &near)
                    // Kept in an array of their own size: a hundred thousand members keep millions.
                    lists.append((Int32(u), isKept ? near.withUnsafeBufferPointer { Array($0) } : nil))
                } else {
                    // A pair with a partner scanned since is that partner's to weigh.
                    for pair in memory.near[u]! where memory.scanned[Int(pair.partner)] <= memory.scanned[u] {
                        let v = Int(pair.partner)
                        let by = 4 * (Int64(pair.weight) + shift) - duals[u] - duals[v]
                        if by > 0 && mine.matters(by, pair.partner)
                            && !present.contains(Self.key(Int32(u), pair.partner))
                        {
                            mine.add(by, pair.partner)
                        }
                    }
                }
                if mine.found > 0 { kept.append((Int32(u), mine.found, mine.entries)) }
            }
            return (kept, lists)
        } merge: { (kept, lists) in
            for (u, count, pairs) in kept {
                for (by, v) in pairs {
                    most.add(u, v, by: by)
                    most.add(v, u, by: by)
                }
                most.members[Int(u)].found += count - pairs.count
            }
            for (u, near) in lists { next.near[Int(u)] = near }
        }
        var chosen = Set<UInt64>()
        for u in 0..<n {
            for v in most.kept(u) { chosen.insert(UInt64(min(u, v)) << 32 | UInt64(max(u, v))) }
        }
        return Round(
            pairs: chosen.sorted().map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) },
            unfinished: (0..<n).map { most.members[$0].found > quota[$0] }, memory: next)
    }

    static func key(_ u: Int32, _ v: Int32) -> UInt64 { PairKeys.key(Int(u), Int(v)) }

    /// The violated pairs of member u with the partners it prices (those not
    /// priced from their own side), into `found`: tag partners scored exactly
    /// unless their bound is covered, then the partners with no tag in common
    /// whose duals are below the bound for such pairs. Each pair weighed
    /// whose slack is under `PricingMemory.margin` goes to `near`; false when
    /// they are more than `PricingMemory.kept` (or one weighs too much to be
    /// kept). Once `near` is given up, a violated pair that can change
    /// nothing `found` holds is not looked at further (most pairs of the
    /// first rounds: hundreds a member are violated, a few are kept).
    func violations(
        of u: Int, duals: [Int64], shift: Int64, present: PairKeys, scans: [Bool], everyone: Bool,
        vertexOf: [Int32], dualOf: DualTable, order: [Int], scratch: AffinityModel.Scratch,
        into found: inout OwnViolations, near: inout [PricingMemory.NearPair]
    ) -> Bool {
        let a = pool[u]
        let margin = PricingMemory.margin
        var isKept = true
        func consider(_ v: Int, _ b: Int, score: Int64) {
            let weight = isAdjusted ? objective.weight(of: score, a, b) : score
            let by = 4 * (weight + shift) - duals[u] - duals[v]
            guard by > -margin, isKept || (by > 0 && found.matters(by, Int32(v))) else { return }
            guard prepared.exclusion(a, b) == nil else { return }
            // Pairs of the graph inside a blossom can fall short of y(u) + y(v): z(B) covers them.
            guard !present.contains(Self.key(Int32(u), Int32(v))) else { return }
            if by > 0 { found.add(by, Int32(v)) }
            PricingMemory.keep(v, weight: weight, in: &near, isKept: &isKept)
        }
        // A pair sharing a tag is weighed by the member of lower index, unless the other is not scanned.
        // Within the margin, whatever else the pair scores, when 4 · (most(tag points) + s) ≤ D(u) + D(v) − margin.
        let cover = weightBound.cover(own: duals[u] - 4 * shift - margin, table: dualOf, halvings: 2)
        model.forEachTagPartner(
            of: a, using: scratch, above: everyone ? a : -1, among: index, uncoveredBy: cover
        ) { b, tagPoints in
            let v = Int(vertexOf[b])
            guard v >= 0, v != u, !scans[v] || b > a else { return }
            consider(v, b, score: model.adjusted(tagPoints + model.fixedPoints(a, b), a, b))
        }
        let limit = 4 * (weightBound.untagged + shift) - duals[u] + margin
        for v in order {
            if duals[v] >= limit { break }
            guard v != u, !scans[v] || v > u else { continue }
            let b = pool[v]
            // A pair with a tag in common was priced above.
            guard !model.sharesScoringTag(a, b) else { continue }
            consider(v, b, score: model.adjusted(model.fixedPoints(a, b), a, b))
        }
        return isKept
    }
}

/// The most a pair can weigh, from its tag points alone: its role,
/// organisation and wing terms at their largest, raised by the largest
/// history factor and fairness boost there are (rounded up, with room for
/// the roundings of the score). Pricing uses it to pass over pairs that are
/// covered whatever they score.
struct WeightBound: Sendable {
    /// Role, organisation and wing at their largest (points × 1000).
    let fixedMost: Int64
    /// The largest history factor and fairness boost there are, together.
    let raise: Double
    /// The most a pair that shares no tag can weigh.
    let untagged: Int64

    init(model: AffinityModel, objective: DraftProof.Objective) {
        fixedMost = (model.rolePoints.max() ?? 0) + model.organizationPoints + model.wingPoints
        raise = max(1, model.historyFactor.values.max() ?? 1) * objective.largestFactor
        untagged = Int64((Double(fixedMost) * raise).rounded(.up)) + 2
    }

    /// The most a pair of tag points `tagPoints` can weigh: ⌈(t + fixedMost) · raise⌉ + 2.
    @inline(__always)
    func most(tagPoints: Int64) -> Int64 {
        raise == 1 ? tagPoints + fixedMost + 2 : Int64((Double(tagPoints + fixedMost) * raise).rounded(.up)) + 2
    }

    /// The pairs a member prices that are covered whatever they score beyond
    /// their tag points t: the most such a pair weighs, ⌈(t + fixedMost) ·
    /// raise⌉ + 2, is within what the duals cover (`own`: the member's dual
    /// less what the weight shift takes; `table`: everyone's, in quarters
    /// when `halvings` is 2).
    func cover(own: Int64, table: DualTable, halvings: Int) -> DualCover {
        DualCover(table: table, own: own, halvings: halvings, fixed: fixedMost, margin: 2)
    }
}

/// One member's most violated pairs, up to `keeping` (the largest
/// violation first, then the lower partner), and how many were met in all.
/// The kept pairs are a heap whose top is the least violated of them, the
/// one a more violated pair replaces. A scan that hands on only what
/// `matters` counts exactly up to one past `keeping`, which is all a round
/// asks (whether the member had more than it handed on).
struct OwnViolations {
    let keeping: Int
    var entries: [(by: Int64, other: Int32)] = []
    var found = 0

    init(keeping: Int) { self.keeping = keeping }

    /// Whether a violated pair with `other`, by `by`, would change what is
    /// kept or counted: not once `keeping` are kept, one more was counted,
    /// and it is not more violated than the least kept.
    @inline(__always)
    func matters(_ by: Int64, _ other: Int32) -> Bool {
        found <= keeping || entries.count < keeping || Self.precedes((by, other), entries[0])
    }

    mutating func add(_ by: Int64, _ other: Int32) {
        found += 1
        guard keeping > 0 else { return }
        if entries.count < keeping {
            entries.append((by, other))
            var child = entries.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.precedes(entries[parent], entries[child]) else { return }
                entries.swapAt(parent, child)
                child = parent
            }
            return
        }
        // Replace the least violated kept, if this one is more.
        guard Self.precedes((by, other), entries[0]) else { return }
        entries[0] = (by, other)
        var parent = 0
        while true {
            var least = parent
            let left = 2 * parent + 1
            if left < entries.count && Self.precedes(entries[least], entries[left]) { least = left }
            if left + 1 < entries.count && Self.precedes(entries[least], entries[left + 1]) { least = left + 1 }
            if least == parent { return }
            entries.swapAt(parent, least)
            parent = least
        }
    }

    /// Whether `a` is more violated than `b` (ties: the lower partner first).
    static func precedes(_ a: (by: Int64, other: Int32), _ b: (by: Int64, other: Int32)) -> Bool {
        a.by > b.by || (a.by == b.by && a.other < b.other)
    }
}

/// Per member, its most violated pairs met so far (`OwnViolations`, each
/// with its own `keeping`).
struct MostViolated {
    var members: [OwnViolations]

    init(keeping: [Int]) { members = keeping.map(OwnViolations.init(keeping:)) }

    init(count: Int, keeping: Int) { self.init(keeping: [Int](repeating: keeping, count: count)) }

    mutating func add(_ u: Int32, _ v: Int32, by: Int64) { members[Int(u)].add(by, v) }

    func kept(_ u: Int) -> [Int] { members[u].entries.map { Int($0.other) } }
}
