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

    /// Every partner of `a` that shares a tag with it (a need met either
    /// way, or an interest), with the tag points: found through the inverted
    /// indexes, without looking at the other members.
    ///
    /// With `sampling`, an index list longer than that is read only in part:
    /// about `sampling` of its entries, evenly spaced from an offset that
    /// depends on `a`, so that the holders of a popular tag are not all
    /// visited for every member. The partners are then only some of them,
    /// and their points may lack the terms of the lists read in part.
    func tagPartners(of a: Int, using scratch: Scratch, sampling: Int = .max) -> [(member: Int, points: Int64)] {
        var partners: [(member: Int, points: Int64)] = []
        forEachTagPartner(of: a, using: scratch, sampling: sampling) { partners.append(($0, $1)) }
        return partners
    }

    /// `tagPartners`, each handed to `body` (member, tag points) instead of
    /// gathered; with `above`, only the partners whose directory index is
    /// above it, each list read from there on (the indexes are in directory
    /// order), so that a pair is weighed from one side only.
    func forEachTagPartner(
        of a: Int, using scratch: Scratch, sampling: Int = .max, above: Int = -1, _ body: (Int, Int64) -> Void
    ) {
        /// The positions of a list of `count` entries that are read, from the first partner above `above`.
        @inline(__always) func read(_ count: Int, member: (Int) -> Int32) -> StrideTo<Int> {
            var first = 0
            if above >= 0 {
                var high = count
                while first < high {
                    let middle = (first + high) / 2
                    if Int(member(middle)) <= above { first = middle + 1 } else { high = middle }
                }
            }
            guard count - first > sampling else { return stride(from: first, to: count, by: 1) }
            let step = (count - first + sampling - 1) / sampling
            return stride(from: first + a % step, to: count, by: step)
        }
        let points = scratch.points
        let stamps = scratch.stamp
        let best = scratch.best
        var touched = scratch.touched
        var bestTouched = scratch.bestTouched
        touched.removeAll(keepingCapacity: true)
        scratch.touched = []
        scratch.bestTouched = []
        @inline(__always) func add(_ b: Int32, _ value: Int64) {
            if points[Int(b)] == 0 && value > 0 { touched.append(b) }
            points[Int(b)] += value
        }
        // a's needs, met directly, or else through the best related tag.
        for key in seeks[a] {
            scratch.currentStamp &+= 1
            let stamp = scratch.currentStamp
            let row = Int(key) * 8
            let direct = offerIndex[Int(key)]
            for position in read(direct.count, member: { direct[$0].member }) where Int(direct[position].member) != a {
                let (b, level) = direct[position]
                stamps[Int(b)] = stamp
                add(b, needPoints[row + Int(level)])
            }
            for other in related[Int(key)] {
                let list = offerIndex[Int(other)]
                for position in read(list.count, member: { list[$0].member }) {
                    let (b, level) = list[position]
                    guard Int(b) != a && stamps[Int(b)] != stamp else { continue }
                    let value = needPoints[row + 4 + Int(level)]
                    if best[Int(b)] == 0 { bestTouched.append(b) }
                    best[Int(b)] = max(best[Int(b)], value)
                }
            }
            for b in bestTouched {
                add(b, best[Int(b)])
                best[Int(b)] = 0
            }
            bestTouched.removeAll(keepingCapacity: true)
        }
        // Others' needs that a meets: each key a offers, or one related to it.
        var met = Set<Int32>()
        for offer in offers[a] {
            met.insert(offer.key)
            for other in related[Int(offer.key)] { met.insert(other) }
        }
        for key in met {
            guard let meeting = meeting(key, by: a) else { continue }
            let list = seekIndex[Int(key)]
            for position in read(list.count, member: { list[$0] }) where Int(list[position]) != a {
                add(list[position], meeting.points)
            }
        }
        for key in interests[a] {
            let value = interestPoints[Int(key)]
            let list = interestIndex[Int(key)]
            for position in read(list.count, member: { list[$0] }) where Int(list[position]) != a {
                add(list[position], value)
            }
        }
        for b in touched {
            body(Int(b), points[Int(b)])
            points[Int(b)] = 0
        }
        scratch.touched = touched
        scratch.bestTouched = bestTouched
    }
}
