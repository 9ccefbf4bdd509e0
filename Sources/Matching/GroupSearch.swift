/// The working state of `GroupFormation`: who is in which group, and each
/// member's total tie to each group, so that the gain of a swap is O(1).
///
/// Above `Problem.sparseThreshold` members that table would hold n × groups
/// entries: a tie is then summed over the group's few members when needed,
/// and the search looks only where a member has neighbours (a swap or a move
/// gains only where a tie is), so a pass costs about the number of edges.
struct GroupSearch {
    let problem: GroupFormation.Problem
    let n: Int
    let weights: PairWeights
    let classes: [Int]
    let composition: [Int]
    let groupCount: Int
    let capacity: Int
    let forbidden: Set<Int>
    /// Whether ties are summed when needed rather than tabled.
    let sparse: Bool
    /// Members' group, -1 for leftovers.
    var groupOf: [Int]
    var members: [[Int]]
    /// tie[v * groupCount + g]: the weight between v and the members of g (v excluded); empty when sparse.
    var tie: [Int64]
    /// blocked[v * groupCount + g]: how many members of g v must not meet; empty when sparse.
    var blocked: [Int32]
    /// For the sparse search: when each group was last listed (no group twice in a list).
    var seenGroup: [Int] = []
    var seenStamp = 0
    /// For the sparse search: each member's tie to its own group.
    var ownTie: [Int64] = []
    /// For the sparse search: members whose neighbourhood changed since the
    /// search last looked from them (a table they or a neighbour sit at).
    var dirty: [Bool] = []
    var total: Int64 = 0
    var placedCount = 0

    struct Snapshot {
        let groups: [[Int]]
        let leftovers: [Int]
        let total: Int64
        let placed: Int

        /// Most seated first, then most tables (fewest extra seats), then most weight.
        var rank: (Int, Int, Int64) { (placed, groups.count, total) }
    }

    init(_ problem: GroupFormation.Problem) {
        self.problem = problem
        n = problem.weights.vertexCount
        weights = PairWeights(problem.weights, denseUpTo: problem.sparseAbove)
        composition = problem.tableComposition
        classes = problem.vertexClasses
        groupCount = problem.tableCount
        capacity = problem.tableCapacity
        let count = n
        forbidden = Set(problem.forbidden.map { $0.low * count + $0.high })
        sparse = n > problem.sparseAbove
        groupOf = [Int](repeating: -1, count: n)
        members = [[Int]](repeating: [], count: groupCount)
        tie = sparse ? [] : [Int64](repeating: 0, count: n * groupCount)
        blocked = sparse ? [] : [Int32](repeating: 0, count: n * groupCount)
        if sparse {
            seenGroup = [Int](repeating: 0, count: groupCount)
            ownTie = [Int64](repeating: 0, count: n)
            dirty = [Bool](repeating: true, count: n)
        }
    }

    func isForbidden(_ a: Int, _ b: Int) -> Bool {
        (!forbidden.isEmpty && forbidden.contains(min(a, b) * n + max(a, b))) || problem.excludes?(a, b) == true
    }

    /// The weight between v and the members of g (v excluded).
    @inline(__always)
    func tie(_ v: Int, _ g: Int) -> Int64 {
        guard sparse else { return tie[v * groupCount + g] }
        if groupOf[v] == g { return ownTie[v] }
        var sum: Int64 = 0
        for x in members[g] where x != v { sum += weights(v, x) }
        return sum
    }

    /// How many members of g (v excluded) v must not meet.
    @inline(__always)
    func blockedCount(_ v: Int, _ g: Int) -> Int32 {
        guard sparse else { return blocked[v * groupCount + g] }
        var count: Int32 = 0
        for x in members[g] where x != v && isForbidden(v, x) { count += 1 }
        return count
    }

    /// Whether v may sit with every member of g.
    func isAllowed(_ v: Int, in g: Int) -> Bool { blockedCount(v, g) == 0 }

    /// Puts v into group g (or takes it out, for `sign` -1), keeping the ties.
    mutating func place(_ v: Int, in g: Int, sign: Int64 = 1) {
        let change = tie(v, g)
        total += sign * change
        placedCount += Int(sign)
        if sign > 0 {
            groupOf[v] = g
            members[g].append(v)
        } else {
            groupOf[v] = -1
            members[g].removeAll { $0 == v }
        }
        guard !sparse else {
            for x in members[g] where x != v { ownTie[x] += sign * weights(x, v) }
            ownTie[v] = sign > 0 ? change : 0
            markAround(v, g)
            return
        }
        for x in 0..<n where x != v {
            tie[x * groupCount + g] += sign * weights(x, v)
            if isForbidden(x, v) { blocked[x * groupCount + g] += Int32(sign) }
        }
    }

    /// Greedy start: each group from the free member who can meet the fewest
    /// others (the hardest to seat later), the strongest ties first among
    /// equals — or, with a generator, in a shuffled order, for a restart —
    /// then filled with whoever adds most among those allowed with everyone
    /// already there. A group that cannot be completed is not opened; then
    /// those left take the free seats.
    mutating func construct(shuffling rng: UnsafeMutablePointer<SplitMix64>? = nil) {
        guard !sparse else { return constructFromNeighbours(shuffling: rng) }
        let k = problem.groupSize
        var strength = [Int64](repeating: 0, count: n)
        var partners = [Int](repeating: 0, count: n)
        for v in 0..<n {
            var best: [Int64] = []
            for x in 0..<n where x != v {
                if !isForbidden(v, x) { partners[v] += 1 }
                let w = weights(v, x)
                if w > 0 { best.append(w) }
            }
            best.sort(by: >)
            strength[v] = best.prefix(k - 1).reduce(0, +)
        }
        var order = (0..<n).sorted { (-partners[$0], strength[$0], -$0) > (-partners[$1], strength[$1], -$1) }
        if let rng { order.shuffle(using: &rng.pointee) }
        for g in 0..<groupCount {
            var need = composition
            for _ in 0..<k {
                var best: (gain: Int64, strength: Int64, vertex: Int)?
                let isEmpty = members[g].isEmpty
                for v in order where groupOf[v] < 0 && need[classes[v]] > 0 && isAllowed(v, in: g) {
                    if isEmpty {
                        best = (0, strength[v], v)
                        break
                    }
                    let gain = tie(v, g)
                    if best == nil || (gain, strength[v], -v) > (best!.gain, best!.strength, -best!.vertex) {
                        best = (gain, strength[v], v)
                    }
                }
                guard let chosen = best else { break }
                need[classes[chosen.vertex]] -= 1
                place(chosen.vertex, in: g)
            }
            if members[g].count < k {
                for v in members[g] { place(v, in: g, sign: -1) }
            }
        }
        seatLeftovers()
    }

    /// Opens the tables still closed when those left out, with at most one
    /// extra member taken from each table that has one, can fill one: one that
    /// seats someone left out if it can, else one of extras alone (a table
    /// of k rather than extra seats). Either is a gain: more seated, or more
    /// tables of the requested size.
    mutating func openTables() {
        while let g = members.firstIndex(where: \.isEmpty) {
            let leftovers = (0..<n).filter { groupOf[$0] < 0 }
            var pool = leftovers
            for t in 0..<groupCount where members[t].count > problem.groupSize {
                for v in members[t]
                where members[t].filter({ classes[$0] == classes[v] }).count > composition[classes[v]] {
                    pool.append(v)
                }
            }
            let origin = pool.map { groupOf[$0] }
            guard
                let table = GroupFormation.completeTable(
                    from: pool, origins: origin, mustInclude: Set(leftovers), problem: problem)
                    ?? GroupFormation.completeTable(
                        from: pool, origins: origin, mustInclude: Set(pool), problem: problem)
            else { return }
            for v in table where groupOf[v] >= 0 { place(v, in: groupOf[v], sign: -1) }
            for v in table { place(v, in: g) }
        }
    }

    /// Each member left out takes the free seat where they add most, if any
    /// table has one they may take; else takes the place of someone who can
    /// move to a free seat at another table. Only tables that were opened count.
    mutating func seatLeftovers() {
        guard !sparse else { return seatLeftoversNearNeighbours() }
        var changed = true
        while changed {
            changed = false
            for v in 0..<n where groupOf[v] < 0 {
                var best: (gain: Int64, group: Int)?
                for g in 0..<groupCount where isOpen(g) && members[g].count < capacity && isAllowed(v, in: g) {
                    let gain = tie(v, g)
                    if best == nil || gain > best!.gain { best = (gain, g) }
                }
                if let best {
                    place(v, in: best.group)
                    changed = true
                } else if seatByMoving(v) {
                    changed = true
                }
            }
        }
    }

    func isOpen(_ g: Int) -> Bool { members[g].count >= problem.groupSize }

    /// Seats v in a table in place of a member who moves to a free seat
    /// elsewhere (the table keeps its make-up); whether it could.
    mutating func seatByMoving(_ v: Int) -> Bool {
        for g in 0..<groupCount where isOpen(g) {
            for m in members[g] {
                // v may sit with everyone but m, and the table keeps its make-up without m and with v.
                let blockedByOthers = blockedCount(v, g) - (isForbidden(v, m) ? 1 : 0)
                guard blockedByOthers == 0, keepsComposition(g, removing: m, adding: v) else { continue }
                for target in 0..<groupCount
                where target != g && isOpen(target) && members[target].count < capacity && isAllowed(m, in: target) {
                    place(m, in: g, sign: -1)
                    place(m, in: target)
                    place(v, in: g)
                    return true
                }
            }
        }
        return false
    }

    /// Whether group g still has at least the composition with `removing` out and `adding` in.
    func keepsComposition(_ g: Int, removing: Int, adding: Int) -> Bool {
        var counts = [Int](repeating: 0, count: composition.count)
        for member in members[g] where member != removing { counts[classes[member]] += 1 }
        counts[classes[adding]] += 1
        return zip(counts, composition).allSatisfy { $0 >= $1 }
    }

    /// The change in total if a (in group A or left over) and b trade places; nil when they may not.
    func swapGain(_ a: Int, _ b: Int) -> Int64? {
        let ga = groupOf[a]
        let gb = groupOf[b]
        guard ga != gb, classes[a] == classes[b] else { return nil }
        let wab = weights(a, b)
        var gain: Int64 = 0
        if ga >= 0 { gain += tie(b, ga) - wab - tie(a, ga) }
        if gb >= 0 { gain += tie(a, gb) - wab - tie(b, gb) }
        let both: Int32 = isForbidden(a, b) ? 1 : 0
        if ga >= 0 && blockedCount(b, ga) - both != 0 { return nil }
        if gb >= 0 && blockedCount(a, gb) - both != 0 { return nil }
        return gain
    }

    mutating func swap(_ a: Int, _ b: Int) {
        let ga = groupOf[a]
        let gb = groupOf[b]
        if ga >= 0 { place(a, in: ga, sign: -1) }
        if gb >= 0 { place(b, in: gb, sign: -1) }
        if ga >= 0 { place(b, in: ga) }
        if gb >= 0 { place(a, in: gb) }
    }

    /// Moves an extra member (from a table above size k, of a class it has
    /// more of than needed) to a table of size k, when that helps.
    func moveGain(_ v: Int, to g: Int) -> Int64? {
        let from = groupOf[v]
        guard from >= 0, from != g, members[from].count > problem.groupSize,
            members[g].count >= problem.groupSize, members[g].count < capacity, isAllowed(v, in: g)
        else { return nil }
        let sameClass = members[from].filter { classes[$0] == classes[v] }.count
        guard sameClass > composition[classes[v]] else { return nil }
        return tie(v, g) - tie(v, from)
    }

    /// Whether a sits at a table above size k (so that one of it may move).
    func isExtraTable(_ a: Int) -> Bool { groupOf[a] >= 0 && members[groupOf[a]].count > problem.groupSize }

    /// Moves a to the first of `groups` where that gains (see `moveGain`); whether it did.
    mutating func moveExtra(_ a: Int, toOneOf groups: some Sequence<Int>) -> Bool {
        for g in groups {
            if let gain = moveGain(a, to: g), gain > 0 {
                let from = groupOf[a]
                place(a, in: from, sign: -1)
                place(a, in: g)
                return true
            }
        }
        return false
    }

    /// First-improvement local search over swaps and moves of extra members,
    /// seating whoever can be seated, until nothing helps.
    /// - Returns: false when `shouldStop` (asked every 64 members) said to stop.
    mutating func improve(shouldStop: () -> Bool = { false }) -> Bool {
        guard groupCount > 0 else { return true }
        var improved = true
        while improved {
            improved = false
            let before = (placedCount, members.filter { !$0.isEmpty }.count)
            openTables()
            seatLeftovers()
            if (placedCount, members.filter { !$0.isEmpty }.count) > before { improved = true }
            if sparse {
                guard improveNearNeighbours(&improved, shouldStop: shouldStop) else { return false }
                continue
            }
            for a in 0..<n {
                if a & 63 == 0 && shouldStop() { return false }
                for b in (a + 1)..<max(a + 1, n) {
                    if let gain = swapGain(a, b), gain > 0 {
                        swap(a, b)
                        improved = true
                    }
                }
                if isExtraTable(a) && moveExtra(a, toOneOf: 0..<groupCount) { improved = true }
            }
        }
        return true
    }

    /// A few random swaps of same-class members, allowed ones only, to leave a local optimum.
    mutating func shake(using rng: inout some RandomNumberGenerator) {
        guard groupCount > 1 else { return }
        let count = max(2, n / 20)
        var done = 0
        var tries = 0
        while done < count && tries < 20 * count {
            tries += 1
            let a = Int.random(in: 0..<n, using: &rng)
            let b = Int.random(in: 0..<n, using: &rng)
            guard swapGain(a, b) != nil else { continue }
            swap(a, b)
            done += 1
        }
    }

    func snapshot() -> Snapshot {
        Snapshot(
            groups: members.filter { !$0.isEmpty }, leftovers: (0..<n).filter { groupOf[$0] < 0 }, total: total,
            placed: placedCount)
    }
}
