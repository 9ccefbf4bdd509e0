extension GroupFormation {
    /// The bound of the linear relaxation over whole tables, for tables of 2
    /// or 3 (and their extra member); nil for larger tables or more than
    /// `tableBoundLimit` members.
    ///
    /// Choosing tables is a set packing problem: each feasible table T (the
    /// composition, perhaps one extra, no forbidden pair) has weight w(T); the
    /// tables chosen must be disjoint, and as many as in `start` (m). Give
    /// every member a price p(v) ≥ 0 and the tables a price μ. Each table
    /// has a head — its lowest-numbered member of the scarcest class — and
    /// disjoint tables have distinct heads, so for every grouping
    ///
    ///     Σ w(T) ≤ Σ_v p(v) + μ·m + Σ_h max(0, max_{T headed by h} w(T) − p(T) − μ),
    ///
    /// whatever the prices (Lagrangian relaxation; at its best it equals the
    /// bound of the linear relaxation of the set packing). With μ ≥ 0 it holds
    /// for at most m tables, with any μ for exactly m. A price on seats
    /// restricts it to the groupings that seat as many members as `start`.
    /// The claim is about groupings into m tables seating that many. The right side is
    /// evaluated exactly, in integers, by enumerating each head's tables
    /// (pruned by bounds that never cut a better table), so every value
    /// computed is a valid bound; the smallest is returned.
    ///
    /// The prices come from the LP itself by column generation (up to
    /// `columnGenerationLimit` members): the LP over the tables known so far
    /// is solved (`PackingSimplex`), its duals price the tables, and the
    /// enumeration adds every head's best table whose reduced cost is
    /// positive, until none is (G. B. Dantzig and P. Wolfe, 1960; P. C.
    /// Gilmore and R. E. Gomory, 1961). Beyond, they come from M. Held and
    /// R. M. Karp's subgradient method.
    ///
    /// - Complexity: per pricing O(n² + h·t), t the tables a head enumerates
    ///   after pruning (the heads shared out among the cores); at most
    ///   `tableBoundIterations` pricings, and no subgradient step once the
    ///   searches have looked at `tableBoundWork` members in all.
    static func tableBound(_ problem: Problem, start: Result, shouldStop: () -> Bool) throws -> Int64? {
        let n = problem.weights.vertexCount
        let k = problem.groupSize
        guard k <= 3, n <= tableBoundLimit, problem.absentAtMost == 0, !start.groups.isEmpty else { return nil }
        var relaxation = TableRelaxation(problem, tables: start.groups.count)
        guard n <= columnGenerationLimit else {
            return try subgradientBound(&relaxation, start: start, from: nil, shouldStop: shouldStop).bound
        }
        let generated = try columnGenerationBound(&relaxation, start: start, shouldStop: shouldStop)
        // The LP may stall (a degenerate master), and it ignores how many are seated: subgradient
        // steps, with a price on seats, often go lower.
        return min(
            generated.bound,
            try subgradientBound(
                &relaxation, start: start, from: generated.isExact ? generated.prices : nil,
                shouldStop: shouldStop
            ).bound)
    }

    /// The best bound found, the prices that gave it, and whether it is the LP's optimum (no column left to add).
    static func columnGenerationBound(
        _ relaxation: inout TableRelaxation, start: Result,
        shouldStop: () -> Bool
    ) throws -> (bound: Int64, prices: [Int64], isExact: Bool) {
        let n = relaxation.n
        var lp = PackingSimplex(rhs: [Double](repeating: 1, count: n) + [Double(relaxation.tableCount)])
        var known = Set<[Int]>()
        func add(_ table: [Int]) {
            guard known.insert(table.sorted()).inserted else { return }
            lp.addColumn(rows: table + [n], cost: Double(relaxation.weight(of: table)))
        }
        for table in start.groups { add(table) }
        var best = Int64.max
        var bestPrices = [Int64](repeating: 0, count: n + 1)
        var lastObjective = -Double.infinity
        var stalled = 0
        for _ in 0..<tableBoundIterations {
            if shouldStop() { throw MatchingError.cancelled }
            guard lp.solve(limit: 20 * (n + lp.columns.count), shouldStop: shouldStop) else {
                if shouldStop() { throw MatchingError.cancelled }
                break
            }
            let y = lp.duals
            let prices = y[0..<n].map { Int64(max(0, $0).rounded()) }
            let tablePrice = Int64(max(0, y[n]).rounded())
            let evaluation = try relaxation.evaluate(prices: prices, tablePrice: tablePrice, shouldStop: shouldStop)
            if evaluation.bound < best {
                best = evaluation.bound
                bestPrices = prices + [tablePrice]
            }
            var added = 0
            for table in evaluation.chosen {
                let reduced = Double(relaxation.weight(of: table)) - table.reduce(y[n]) { $0 + y[$1] }
                guard reduced > 1e-6, !known.contains(table.sorted()) else { continue }
                add(table)
                added += 1
            }
            if added == 0 || Double(best) - lp.objective < 1 { return (best, bestPrices, true) }
            // Degenerate masters add columns without moving: give up after a few such rounds.
            stalled = lp.objective > lastObjective + 1e-6 * max(1, abs(lastObjective)) ? 0 : stalled + 1
            lastObjective = lp.objective
            if stalled >= 4 { break }
        }
        return (best, bestPrices, false)
    }

    /// The smallest bound of the subgradient steps, and how many steps were taken.
    ///
    /// - Parameters:
    ///   - initial: prices to start from (a price a member, then the tables'); else
    ///     each member's half of its ties at its table in `start`.
    ///   - workLimit: no step after the searches have looked at this many members in all.
    static func subgradientBound(
        _ relaxation: inout TableRelaxation, start: Result, from initial: [Int64]?,
        workLimit: Int = tableBoundWork, shouldStop: () -> Bool
    ) throws -> (bound: Int64, steps: Int) {
        let seats = start.groups.reduce(0) { $0 + $1.count }
        var seatPrice = 0.0
        let n = relaxation.n
        var prices = [Double](repeating: 0, count: n)
        var tablePrice = 0.0
        if let initial {
            prices = initial.prefix(n).map(Double.init)
            tablePrice = Double(initial[n])
        } else {
            for table in start.groups {
                for v in table {
                    prices[v] = Double(table.reduce(Int64(0)) { $0 + relaxation.weights[v * n + $1] }) / 2
                }
            }
        }
        let target = Double(start.weight)
        var best = Int64.max
        var step = 1.0
        var sinceBetter = 0
        var history: [Int64] = []
        var work = 0
        var steps = 0
        for _ in 0..<tableBoundIterations {
            if shouldStop() { throw MatchingError.cancelled }
            let evaluation = try relaxation.evaluate(
                prices: prices.map { Int64($0.rounded()) }, tablePrice: Int64(tablePrice.rounded()),
                seatPrice: Int64(seatPrice.rounded()), seats: seats, shouldStop: shouldStop)
            work += evaluation.work
            steps += 1
            if evaluation.bound < best {
                best = evaluation.bound
                sinceBetter = 0
            } else {
                sinceBetter += 1
                if sinceBetter >= patience(members: n) {
                    step /= 2
                    sinceBetter = 0
                }
            }
            let gap = Double(evaluation.bound) - target
            guard gap > max(1, target * 0.0002), step > 0.002, work < workLimit else { break }
            // Stop once thirty steps have gained less than a thousandth.
            history.append(best)
            if history.count > 30 && Double(history[history.count - 31] - best) < 0.001 * Double(best) { break }
            var use = [Int](repeating: 0, count: n)
            for table in evaluation.chosen { for v in table { use[v] += 1 } }
            let tableSlack = Double(relaxation.tableCount - evaluation.chosen.count)
            let seatExcess = Double(evaluation.chosen.reduce(0) { $0 + $1.count } - seats)
            var norm = tableSlack * tableSlack + seatExcess * seatExcess
            for v in 0..<n { norm += Double((1 - use[v]) * (1 - use[v])) }
            guard norm > 0 else { break }
            let length = step * gap / norm
            for v in 0..<n { prices[v] = max(0, prices[v] - length * Double(1 - use[v])) }
            // Exactly m tables: their price may go below zero.
            tablePrice -= length * tableSlack
            seatPrice = max(0, seatPrice - length * seatExcess)
        }
        return (best, steps)
    }

    /// Above this many members the table bound is not tried (the dense weight table would be too large).
    static let tableBoundLimit = 1500
    /// Up to this many members the prices come from the LP (column generation).
    /// Its dense master takes more than the subgradient steps beyond: 11 s on
    /// 500 generated members, against 0.06 s on 300, for no better bound
    /// (it stalled at the grouping's own weight on both).
    static let columnGenerationLimit = 300
    static let tableBoundIterations = 300
    /// Subgradient steps without a better bound before the step is halved,
    /// for n members: 10 where steps are cheap (up to `columnGenerationLimit`
    /// members), and above, where `tableBoundWork` ends them sooner, 5: the
    /// bound falls faster within that work (on 1,000 generated members, 11.08
    /// million after 20 steps against 11.30 with 10, and 10.82 after 80
    /// against 10.97).
    static func patience(members n: Int) -> Int { n <= columnGenerationLimit ? 10 : 5 }
    /// The most the subgradient steps may look at in all (`HeadSearch.work`,
    /// members looked at by the heads' searches): each step costs about the
    /// cube of the members (their tables, pruned), so that from about 1,000
    /// members the steps stop here rather than at `tableBoundIterations` or
    /// when they gain no more. The same on any machine: the claim does not
    /// depend on the machine's speed. About 20 steps on 1,000 members.
    static let tableBoundWork = 4_000_000_000
}

/// The data `tableBound` enumerates tables over: dense weights, forbidden
/// pairs, members by class, the head class and the slots beside the head.
struct TableRelaxation {
    let n: Int
    let weights: [Int64]
    let allowed: [Bool]
    let classes: [Int]
    let heads: [Int]
    /// The class of each seat beside the head, same classes next to each other.
    let slots: [Int]
    let byClass: [[Int]]
    let headClass: Int
    let tableCount: Int
    let takesExtra: Bool
    /// Each member's heaviest tie.
    let heaviest: [Int64]
    /// Each member's heaviest tie to a member of each class (`class * n + member`).
    let heaviestByClass: [Int64]
    /// The heaviest tie of any member of each class.
    let heaviestIn: [Int64]
    /// The last table each head chose: tried first, so pruning starts high.
    var lastChoice: [[Int]]
    /// How many would-be extras a head keeps in order of gain; the others are looked at only when one of them could win.
    var extraTopCount = 8

    /// - Parameter tables: how many tables the groupings bounded have.
    init(_ problem: GroupFormation.Problem, tables: Int) {
        let n = problem.weights.vertexCount
        self.n = n
        var table = [Int64](repeating: 0, count: n * n)
        for edge in problem.weights.edges {
            table[edge.u * n + edge.v] = edge.weight
            table[edge.v * n + edge.u] = edge.weight
        }
        weights = table
        let classes = problem.vertexClasses
        let classCount = problem.tableComposition.count
        var heaviestByClass = [Int64](repeating: 0, count: classCount * n)
        for v in 0..<n {
            for x in 0..<n where x != v {
                let slot = classes[x] * n + v
                heaviestByClass[slot] = max(heaviestByClass[slot], table[v * n + x])
            }
        }
        self.heaviestByClass = heaviestByClass
        let heaviest = (0..<n).map { v in (0..<classCount).map { heaviestByClass[$0 * n + v] }.max() ?? 0 }
        self.heaviest = heaviest
        var heaviestIn = [Int64](repeating: 0, count: classCount)
        for v in 0..<n { heaviestIn[classes[v]] = max(heaviestIn[classes[v]], heaviest[v]) }
        self.heaviestIn = heaviestIn
        var allowed = [Bool](repeating: true, count: n * n)
        for pair in problem.forbidden where pair.high < n {
            allowed[pair.low * n + pair.high] = false
            allowed[pair.high * n + pair.low] = false
        }
        self.allowed = allowed
        self.classes = classes
        let composition = problem.tableComposition
        let counts = problem.classCounts
        headClass = composition.indices.filter { composition[$0] > 0 }
            .min { (counts[$0] / composition[$0], $0) < (counts[$1] / composition[$1], $1) }!
        var slots: [Int] = []
        for (c, count) in composition.enumerated() {
            slots += Array(repeating: c, count: c == headClass ? count - 1 : count)
        }
        self.slots = slots
        var byClass = [[Int]](repeating: [], count: composition.count)
        for v in 0..<n { byClass[classes[v]].append(v) }
        self.byClass = byClass
        heads = byClass[headClass]
        tableCount = tables
        takesExtra = problem.leftovers == .join
        lastChoice = [[Int]](repeating: [], count: n)
    }

    /// The heaviest tie of `v` to a member of class `c` (0 at least).
    @inline(__always)
    func heaviest(_ v: Int, in c: Int) -> Int64 { heaviestByClass[c * n + v] }

    /// The weight of a table: the sum of its pairs'.
    func weight(of table: [Int]) -> Int64 {
        var total: Int64 = 0
        for (i, a) in table.enumerated() { for b in table[(i + 1)...] { total += weights[a * n + b] } }
        return total
    }

    struct Evaluation {
        let bound: Int64
        let chosen: [[Int]]
        /// The members the heads' searches looked at, in all (`HeadSearch.work`).
        let work: Int
    }

    /// Heads searched between two looks at `shouldStop`: on 1,500 members
    /// a head's search takes up to some ten milliseconds.
    static let headBatch = 32

    /// What one more member can add beside v at most, under prices `p`:
    /// `half[v]` = max over x of w(v, x) − p(x)/2, `share[v]` the same with
    /// p(x)/k (k the table size), and `shareIn` the largest share in each
    /// class. The divisions are rounded down, so the bounds stay above the
    /// truth for negative prices too. What the heads' searches prune by.
    func pruningBounds(prices p: [Int64]) -> (half: [Int64], share: [Int64], shareIn: [Int64]) {
        let k = slots.count + 1
        func floorDivision(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
        var half = [Int64](repeating: 0, count: n)
        var share = [Int64](repeating: 0, count: n)
        for v in 0..<n {
            var bestHalf = Int64.min
            var bestShare = Int64.min
            let row = v * n
            for x in 0..<n where x != v {
                let w = weights[row + x]
                bestHalf = max(bestHalf, w - floorDivision(p[x], 2))
                bestShare = max(bestShare, w - floorDivision(p[x], Int64(k)))
            }
            half[v] = bestHalf == Int64.min ? 0 : bestHalf
            share[v] = bestShare == Int64.min ? 0 : bestShare
        }
        let shareIn = byClass.map { members in members.map { share[$0] }.max() ?? 0 }
        return (half, share, shareIn)
    }

    /// The right side of the relaxation's inequality for these prices, and
    /// the table each head takes (none when no table is worth μ).
    ///
    /// With a seat price ν > 0 the inequality is that of the groupings
    /// seating at least `seats` members: each member seated earns ν, and
    /// ν·seats is taken off (`Σ ν·|T| ≥ ν·seats` for them).
    ///
    /// The heads are searched on every core, `headBatch` at a time, and
    /// `shouldStop` is asked between two batches.
    mutating func evaluate(
        prices original: [Int64], tablePrice mu: Int64, seatPrice nu: Int64 = 0, seats: Int = 0,
        shouldStop: () -> Bool = { false }
    ) throws(MatchingError) -> Evaluation {
        let p = nu == 0 ? original : original.map { $0 - nu }
        let (half, share, shareIn) = pruningBounds(prices: p)
        var bound = original.reduce(0, +) + mu * Int64(tableCount) - nu * Int64(seats)
        var chosen: [[Int]] = []
        var work = 0
        // Each head's search on its own, the heads shared out among the cores.
        let relaxation = self
        let heads = heads
        let found = try Parallel.slices(heads.count, batch: Self.headBatch, shouldStop: shouldStop) { range in
            range.map { i in
                var search = HeadSearch(
                    relaxation: relaxation, head: heads[i], prices: p, tablePrice: mu, half: half, share: share,
                    shareIn: shareIn)
                search.tryTable(relaxation.lastChoice[heads[i]])
                search.run()
                return (search.best, search.bestTable, search.work)
            }
        }.joined()
        for (h, (best, table, looked)) in zip(heads, found) {
            bound += best
            work += looked
            lastChoice[h] = table
            if !table.isEmpty { chosen.append(table) }
        }
        return Evaluation(bound: bound, chosen: chosen, work: work)
    }
}
