/// The search above `Problem.sparseThreshold` members: it starts tables,
/// seats members and trades places from each member's neighbours, where
/// every gain lies (a tie to a group without a neighbour is 0).
extension GroupSearch {
    /// Marks for another look v, the members of g and their neighbours:
    /// every member whose best move may have changed when v joined or left g.
    mutating func markAround(_ v: Int, _ g: Int) {
        dirty[v] = true
        for x in weights.neighbours(of: v) { dirty[Int(x)] = true }
        for m in members[g] {
            dirty[m] = true
            for x in weights.neighbours(of: m) { dirty[Int(x)] = true }
        }
    }

    /// The groups of v's neighbours other than v's own, each once.
    mutating func neighbourGroups(of v: Int) -> [Int] {
        seenStamp += 1
        let own = groupOf[v]
        var groups: [Int] = []
        for x in weights.neighbours(of: v) {
            let g = groupOf[Int(x)]
            guard g >= 0, g != own, seenGroup[g] != seenStamp else { continue }
            seenGroup[g] = seenStamp
            groups.append(g)
        }
        return groups
    }

    /// Greedy start, as `construct`: each group from the free member with
    /// the strongest ties (or, with a generator, the next in a shuffled
    /// order), then filled with whoever adds most among the free neighbours
    /// of those seated (when none may join, the first free member of a class
    /// still needed).
    mutating func constructFromNeighbours(shuffling rng: UnsafeMutablePointer<SplitMix64>?) {
        let k = problem.groupSize
        var strength = [Int64](repeating: 0, count: n)
        for v in 0..<n {
            let ties = weights.neighbours(of: v).map { weights(v, Int($0)) }.filter { $0 > 0 }.sorted(by: >)
            strength[v] = ties.prefix(k - 1).reduce(0, +)
        }
        var order = (0..<n).sorted { (strength[$0], -$0) > (strength[$1], -$1) }
        if let rng { order.shuffle(using: &rng.pointee) }
        var rank = [Int](repeating: 0, count: n)
        for (index, v) in order.enumerated() { rank[v] = index }
        var byClass = [[Int]](repeating: [], count: composition.count)
        var position = [Int](repeating: 0, count: n)
        for v in order {
            position[v] = byClass[classes[v]].count
            byClass[classes[v]].append(v)
        }
        // Per class, every member before the cursor is seated.
        var cursor = [Int](repeating: 0, count: composition.count)
        func precedes(_ a: (gain: Int64, vertex: Int), _ b: (gain: Int64, vertex: Int)?) -> Bool {
            guard let b else { return true }
            return (a.gain, -rank[a.vertex]) > (b.gain, -rank[b.vertex])
        }
        for g in 0..<groupCount {
            var need = composition
            for _ in 0..<k {
                var best: (gain: Int64, vertex: Int)?
                for seated in members[g] {
                    for x in weights.neighbours(of: seated) {
                        let v = Int(x)
                        guard groupOf[v] < 0, need[classes[v]] > 0, isAllowed(v, in: g) else { continue }
                        let candidate = (gain: tie(v, g), vertex: v)
                        if precedes(candidate, best) { best = candidate }
                    }
                }
                if best == nil {
                    for c in need.indices where need[c] > 0 {
                        while cursor[c] < byClass[c].count && groupOf[byClass[c][cursor[c]]] >= 0 { cursor[c] += 1 }
                        if let v = byClass[c][cursor[c]...].first(where: { groupOf[$0] < 0 && isAllowed($0, in: g) }),
                            precedes((0, v), best)
                        {
                            best = (0, v)
                        }
                    }
                }
                guard let chosen = best else { break }
                need[classes[chosen.vertex]] -= 1
                place(chosen.vertex, in: g)
            }
            if members[g].count < k {
                for v in members[g] {
                    place(v, in: g, sign: -1)
                    cursor[classes[v]] = min(cursor[classes[v]], position[v])
                }
            }
        }
        seatLeftovers()
    }

    /// As `seatLeftovers`: each member left out takes the free seat where
    /// they add most (looked for at their neighbours' tables, else the first
    /// they may take), else the place of someone who can move to a free seat.
    mutating func seatLeftoversNearNeighbours() {
        var changed = true
        while changed {
            changed = false
            var withSeat = (0..<groupCount).filter { isOpen($0) && members[$0].count < capacity }
            for v in 0..<n where groupOf[v] < 0 {
                withSeat.removeAll { members[$0].count >= capacity }
                guard !withSeat.isEmpty else { return }
                var best: (gain: Int64, group: Int)?
                for g in neighbourGroups(of: v) where isOpen(g) && members[g].count < capacity && isAllowed(v, in: g) {
                    let gain = tie(v, g)
                    if best.map({ gain > $0.gain || (gain == $0.gain && g < $0.group) }) ?? true { best = (gain, g) }
                }
                if best == nil, let g = withSeat.first(where: { isAllowed(v, in: $0) }) { best = (0, g) }
                if let best {
                    place(v, in: best.group)
                    changed = true
                } else if seatByMoving(v) {
                    changed = true
                }
            }
        }
    }

    /// One pass of `improve` from each member marked since it was last
    /// looked from (don't-look bits), over its neighbours: a swaps with a
    /// member of its class at a neighbour's table (the first that gains), and
    /// an extra member moves to a neighbour's table. Each gain is read from
    /// two scratch rows, a's weight to each member and each member's weight
    /// to a's tablemates, so a swap is weighed in O(1) and only one that
    /// gains is asked who may meet whom. Whether it was not stopped (asked
    /// every 64 members looked from).
    mutating func improveNearNeighbours(_ improved: inout Bool, shouldStop: () -> Bool) -> Bool {
        var weightTo = [Int64](repeating: 0, count: n)
        var toMates = [Int64](repeating: 0, count: n)
        var looked = 0
        for a in 0..<n where dirty[a] {
            looked += 1
            if looked & 63 == 0 && shouldStop() { return false }
            dirty[a] = false
            let ga = groupOf[a]
            let neighbours = weights.neighbours(of: a)
            for (x, w) in zip(neighbours, weights.neighbourWeights(of: a)) { weightTo[Int(x)] = w }
            let mates = ga >= 0 ? members[ga].filter { $0 != a } : []
            for m in mates {
                for (x, w) in zip(weights.neighbours(of: m), weights.neighbourWeights(of: m)) { toMates[Int(x)] += w }
            }
            search: for g in neighbourGroups(of: a) {
                var tieToGroup: Int64 = 0
                for x in members[g] { tieToGroup += weightTo[x] }
                for b in members[g] where classes[b] == classes[a] {
                    // a in b's seat, and b in a's (or out, when a was).
                    var gain = tieToGroup - weightTo[b] - ownTie[b]
                    if ga >= 0 { gain += toMates[b] - ownTie[a] }
                    guard gain > 0, swapGain(a, b) != nil else { continue }
                    swap(a, b)
                    improved = true
                    break search
                }
            }
            for x in neighbours { weightTo[Int(x)] = 0 }
            for m in mates { for x in weights.neighbours(of: m) { toMates[Int(x)] = 0 } }
            if isExtraTable(a) && moveExtra(a, toOneOf: neighbourGroups(of: a)) { improved = true }
        }
        return true
    }
}
