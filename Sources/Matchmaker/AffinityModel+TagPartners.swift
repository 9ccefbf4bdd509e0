import Community

/// The partners that share a tag with a member, found through the model's
/// inverted indexes.
extension AffinityModel {
    /// Working memory for `tagPartners`, reused from one member to the next:
    /// one slot per member of the directory, zero between two calls. Used by
    /// one thread at a time.
    final class Scratch {
        let count: Int
        /// Tag points so far, per member.
        let points: UnsafeMutablePointer<Int64>
        /// The need being counted when a member last met it directly.
        let stamp: UnsafeMutablePointer<Int32>
        /// The best points through a related tag, for the need being counted.
        let best: UnsafeMutablePointer<Int64>
        var touched: [Int32] = []
        var bestTouched: [Int32] = []
        var currentStamp: Int32 = 0

        init(count: Int) {
            self.count = count
            points = .allocate(capacity: max(1, count))
            points.initialize(repeating: 0, count: max(1, count))
            stamp = .allocate(capacity: max(1, count))
            stamp.initialize(repeating: 0, count: max(1, count))
            best = .allocate(capacity: max(1, count))
            best.initialize(repeating: 0, count: max(1, count))
        }

        deinit {
            points.deallocate()
            stamp.deallocate()
            best.deallocate()
        }
    }

    /// The inverted indexes restricted to some members (the mentors, a pool
    /// smaller than the directory), in directory order as the model's are:
    /// a scan through them visits only those members, never the others
    /// holding the same tags.
    struct TagIndex: Sendable {
        let offers: [[(member: Int32, level: UInt8)]]
        let seekers: [[Int32]]
        let interested: [[Int32]]
        /// The members it holds, in directory order.
        let members: [Int32]
    }

    /// The model's inverted indexes kept to `members` (directory indices).
    func tagIndex(of members: [Int]) -> TagIndex {
        var held = [Bool](repeating: false, count: directory.members.count)
        for member in members { held[member] = true }
        return TagIndex(
            offers: offerIndex.map { $0.filter { held[Int($0.member)] } },
            seekers: seekIndex.map { $0.filter { held[Int($0)] } },
            interested: interestIndex.map { $0.filter { held[Int($0)] } },
            members: held.indices.filter { held[$0] }.map { Int32($0) })
    }

    /// The index a scan over `members` reads: kept to them, or nil (the
    /// model's own) when they are the whole directory.
    func poolIndex(of members: [Int]) -> TagIndex? {
        members.count < directory.members.count ? tagIndex(of: members) : nil
    }

    /// Every partner of `a` that shares a tag with it (a need met either
    /// way, or an interest), with the tag points: found through the inverted
    /// indexes, without looking at the other members.
    ///
    /// With `sampling`, an index list longer than that is read only in part:
    /// about `sampling` of its entries, evenly spaced from an offset that
    /// depends on `a`, so that the holders of a popular tag are not all
    /// visited for every member. The partners are then only some of them,
    /// and their points may lack the terms of the lists read in part.
    func tagPartners(of a: Int, using scratch: Scratch, sampling: Int = .max, among index: TagIndex? = nil)
        -> [(member: Int, points: Int64)]
    {
        var partners: [(member: Int, points: Int64)] = []
        forEachTagPartner(of: a, using: scratch, sampling: sampling, among: index) { partners.append(($0, $1)) }
        return partners
    }

    /// The keys of the needs `a` meets: each key it offers, or one related to it, in order.
    func metKeys(of a: Int) -> [Int32] {
        var met: [Int32] = []
        for offer in offers[a] {
            met.append(offer.key)
            met += related[Int(offer.key)]
        }
        met.sort()
        met.removeDuplicates()
        return met
    }

    /// How many entries the index lists of `a`'s tags hold in all (`met`:
    /// its `metKeys`), in the model's indexes or `index`.
    func listEntries(of a: Int, met: [Int32], among index: TagIndex? = nil) -> Int {
        let (offerLists, seekLists, interestLists) = lists(index)
        var entries = 0
        for key in seeks[a] {
            entries += offerLists[Int(key)].count
            for other in related[Int(key)] { entries += offerLists[Int(other)].count }
        }
        for key in met { entries += seekLists[Int(key)].count }
        for key in interests[a] { entries += interestLists[Int(key)].count }
        return entries
    }

    /// The index lists a scan reads: `index`'s, or the model's.
    private func lists(_ index: TagIndex?) -> (
        offers: [[(member: Int32, level: UInt8)]], seekers: [[Int32]], interested: [[Int32]]
    ) {
        guard let index else { return (offerIndex, seekIndex, interestIndex) }
        return (index.offers, index.seekers, index.interested)
    }

    /// Whether a member's partners are gathered in place (over all the
    /// members) rather than listed as they are met: when its lists hold at
    /// least a quarter as many entries as there are members.
    static func gathersInPlace(entries: Int, of members: Int) -> Bool { entries >= members / 4 }

    /// `tagPartners`, each handed to `body` (member, tag points) instead of
    /// gathered; with `above`, only the partners whose directory index is
    /// above it, each list read from there on (the indexes are in directory
    /// order), so that a pair is weighed from one side only.
    ///
    /// With `cover`, only the partners whose pair it does not cover are
    /// handed on: pricing and the proofs pass over most pairs this way
    /// without a call per pair.
    ///
    /// With `index`, only the partners it holds, read through its lists.
    ///
    /// When the lists hold many entries (`gathersInPlace`: a popular tag's
    /// holders), the points are gathered in place and the partners handed
    /// on in directory order; otherwise in the order they were met.
    func forEachTagPartner(
        of a: Int, using scratch: Scratch, sampling: Int = .max, above: Int = -1, among index: TagIndex? = nil,
        uncoveredBy cover: DualCover? = nil, _ body: (Int, Int64) -> Void
    ) {
        /// Where a list of `count` entries is read from, and the step: from the
        /// first partner above `above`, every entry or (a long list) evenly spaced.
        @inline(__always) func reading(_ count: Int, member: (Int) -> Int32) -> (first: Int, step: Int) {
            var first = 0
            if above >= 0 {
                var high = count
                while first < high {
                    let middle = (first + high) / 2
                    if Int(member(middle)) <= above { first = middle + 1 } else { high = middle }
                }
            }
            guard count - first > sampling else { return (first, 1) }
            let step = (count - first + sampling - 1) / sampling
            return (first + a % step, step)
        }
        let met = metKeys(of: a)
        let (offerLists, seekLists, interestLists) = lists(index)
        let inPlace =
            sampling == .max
            && Self.gathersInPlace(
                entries: listEntries(of: a, met: met, among: index), of: index?.members.count ?? scratch.count)
        let points = scratch.points
        let stamps = scratch.stamp
        let best = scratch.best
        var touched = scratch.touched
        var bestTouched = scratch.bestTouched
        touched.removeAll(keepingCapacity: true)
        scratch.touched = []
        scratch.bestTouched = []
        // With a cover, points are gathered times its multiplier: the test is then a subtraction.
        let multiplier = cover?.multiplier ?? 1
        @inline(__always) func add(_ b: Int32, _ value: Int64) {
            if !inPlace && points[Int(b)] == 0 && value > 0 { touched.append(b) }
            points[Int(b)] += value
        }
        // a's needs, met directly, or else through the best related tag.
        for key in seeks[a] {
            scratch.currentStamp &+= 1
            let stamp = scratch.currentStamp
            let row = Int(key) * 8
            let direct = (0..<4).map { needPoints[row + $0] &* multiplier }
            let partial = (0..<4).map { needPoints[row + 4 + $0] &* multiplier }
            let hasRelated = !related[Int(key)].isEmpty
            offerLists[Int(key)].withUnsafeBufferPointer { list in
                var (position, step) = reading(list.count) { list[$0].member }
                while position < list.count {
                    let (b, level) = list[position]
                    position += step
                    if hasRelated { stamps[Int(b)] = stamp }
                    add(b, direct[Int(level)])
                }
            }
            guard hasRelated else { continue }
            for other in related[Int(key)] {
                offerLists[Int(other)].withUnsafeBufferPointer { list in
                    var (position, step) = reading(list.count) { list[$0].member }
                    while position < list.count {
                        let (b, level) = list[position]
                        position += step
                        guard stamps[Int(b)] != stamp else { continue }
                        let value = partial[Int(level)]
                        if best[Int(b)] == 0 { bestTouched.append(b) }
                        best[Int(b)] = max(best[Int(b)], value)
                    }
                }
            }
            for b in bestTouched {
                add(b, best[Int(b)])
                best[Int(b)] = 0
            }
            bestTouched.removeAll(keepingCapacity: true)
        }
        for key in met {
            guard let meeting = meeting(key, by: a) else { continue }
            let value = meeting.points &* multiplier
            seekLists[Int(key)].withUnsafeBufferPointer { list in
                var (position, step) = reading(list.count) { list[$0] }
                while position < list.count {
                    add(list[position], value)
                    position += step
                }
            }
        }
        for key in interests[a] {
            let value = interestPoints[Int(key)] &* multiplier
            interestLists[Int(key)].withUnsafeBufferPointer { list in
                var (position, step) = reading(list.count) { list[$0] }
                while position < list.count {
                    add(list[position], value)
                    position += step
                }
            }
        }
        // a's own entries were counted too: dropped here.
        points[a] = 0
        /// Each member whose points were gathered in place, above `above`: every one, or `index`'s.
        @inline(__always) func forEachGathered(_ visit: (Int) -> Void) {
            guard let members = index?.members else {
                for b in (above + 1)..<scratch.count { visit(b) }
                return
            }
            members.withUnsafeBufferPointer { list in
                for position in reading(list.count, member: { list[$0] }).first..<list.count {
                    visit(Int(list[position]))
                }
            }
        }
        /// The tag points gathered as `value`.
        @inline(__always) func tagPoints(_ value: Int64) -> Int64 { multiplier == 1 ? value : value / multiplier }
        if let cover {
            cover.table.values.withUnsafeBufferPointer { duals in
                let limit = cover.limit
                if inPlace {
                    // Most members hold points here, and most pairs are covered: one test of both, without
                    // a branch on "holds points" (which would be mispredicted half the time): a member
                    // without points (never negative) is lifted out of reach by a mask instead.
                    forEachGathered { b in
                        let value = points[b]
                        points[b] = 0
                        let none = (value &- 1) &>> 63
                        if duals[b] &- value &+ (none & (1 << 60)) < limit { body(b, tagPoints(value)) }
                    }
                } else {
                    for b in touched where Int(b) != a {
                        let value = points[Int(b)]
                        points[Int(b)] = 0
                        if duals[Int(b)] &- value < limit { body(Int(b), tagPoints(value)) }
                    }
                }
            }
        } else if inPlace {
            forEachGathered { b in
                let value = points[b]
                points[b] = 0
                if value != 0 { body(b, value) }
            }
        } else {
            for b in touched where Int(b) != a {
                let value = points[Int(b)]
                points[Int(b)] = 0
                body(Int(b), value)
            }
        }
        scratch.touched = touched
        scratch.bestTouched = bestTouched
    }
}

/// Everyone's duals by directory index, as `DualCover` reads them: times
/// `scale`, 1 when the raise is 1 (the test is then exact), else 1024 (the
/// raise rounded up to 1024ths), so that the test is one subtraction and
/// one comparison in whole numbers.
struct DualTable: Sendable {
    let raise: Double
    let scale: Int64
    /// Per directory index, the member's dual times `scale` (a member not in play: `absent`).
    let values: [Int64]

    /// The dual of members that are not in play: covers any pair of fewer
    /// than 2³⁶ points, and stays far from overflow when scaled and added.
    static let absent: Int64 = 1 << 40

    /// The duals of `members` (directory indices), `duals[i]` that of `members[i]`.
    init(of members: [Int], _ duals: [Int64], directorySize: Int, raise: Double) {
        self.raise = raise
        scale = raise == 1 ? 1 : 1024
        var values = [Int64](repeating: Self.absent * scale, count: directorySize)
        for (index, member) in members.enumerated() { values[member] = duals[index] * scale }
        self.values = values
    }
}

/// When a pair's tag points leave it covered by its duals, whatever else it
/// scores: the test `forEachTagPartner` applies before handing a partner on.
/// A pair of tag points t, with partner b, is covered when
/// (t + fixed) · raise ≤ ⌊(own + dual(b)) / 2^halvings⌋ − margin. It is made
/// as scale · dual(b) − multiplier · t ≥ limit: with a raise of 1 that is the
/// same test; with another raise (rounded up to 1024ths, the floor taken as
/// its lowest) it passes over a little fewer pairs, never one the bound
/// leaves (the pairs handed on are weighed exactly).
struct DualCover {
    let table: DualTable
    /// What t is multiplied by: the raise in the table's scale, times 2^halvings.
    let multiplier: Int64
    let limit: Int64

    /// - Parameters:
    ///   - own: the member's dual, less what the weight shift takes.
    ///   - halvings: pairs' duals counted in quarters (2) or whole (0).
    init(table: DualTable, own: Int64, halvings: Int, fixed: Int64, margin: Int64) {
        self.table = table
        if table.scale == 1 {
            multiplier = 1 << halvings
            limit = ((fixed + margin) << halvings) - own
        } else {
            multiplier = Int64((table.raise * 1024).rounded(.up)) << halvings
            limit = multiplier * fixed + table.scale * ((1 << halvings) - 1 + (margin << halvings) - own)
        }
    }

    /// Whether the pair of tag points `tagPoints` with directory member `b` is covered.
    @inline(__always)
    func covers(_ tagPoints: Int64, of b: Int) -> Bool { table.values[b] &- multiplier &* tagPoints >= limit }
}

extension Array where Element: Equatable {
    /// Drops each element equal to the one before it (on a sorted array: the duplicates).
    mutating func removeDuplicates() {
        var kept = 0
        for index in indices where kept == 0 || self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeSubrange(kept...)
    }
}
