/// The best table one head can take under the current prices: the seats
/// beside the head filled in canonical order (same-class seats in rising
/// index, members of the head's class above it), then the best extra,
/// skipping every branch whose bound cannot beat the best so far.
///
/// The last seat is tried in falling order of what it adds beside the head
/// (its tie to the head less its price), and the extra in falling order of
/// what it adds beside the seats before the last: each scan stops at the
/// first member whose bound (what it adds there plus its heaviest tie to the
/// remaining seat) cannot beat the best, and every table is still accounted
/// for (R. Fagin's threshold algorithm, in its simplest form). How much it
/// prunes depends on the prices: near the relaxation's optimum most heads
/// stop early; the first subgradient steps leave most tables to look at.
struct HeadSearch {
    let relaxation: TableRelaxation
    let h: Int
    let p: [Int64]
    let mu: Int64
    let half: [Int64]
    let share: [Int64]
    let shareIn: [Int64]
    var best: Int64 = 0
    var bestTable: [Int] = []
    /// How many members the search looked at (seats and would-be extras):
    /// the work of this head, the same on any machine.
    var work = 0

    init(
        relaxation: TableRelaxation, head: Int, prices: [Int64], tablePrice: Int64, half: [Int64], share: [Int64],
        shareIn: [Int64]
    ) {
        self.relaxation = relaxation
        h = head
        p = prices
        mu = tablePrice
        self.half = half
        self.share = share
        self.shareIn = shareIn
    }

    @inline(__always)
    func w(_ a: Int, _ b: Int) -> Int64 { relaxation.weights[a * relaxation.n + b] }

    @inline(__always)
    func allowed(_ a: Int, _ b: Int) -> Bool { relaxation.allowed[a * relaxation.n + b] }

    /// Candidates for a seat of class c after `after` (in canonical order).
    func seat(_ c: Int, after: Int) -> ArraySlice<Int> {
        let list = relaxation.byClass[c]
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle] <= after { low = middle + 1 } else { high = middle }
        }
        return list[low...]
    }

    /// A table found earlier, valued again first so that pruning starts high.
    mutating func tryTable(_ table: [Int]) {
        guard table.first == h, table.count >= relaxation.slots.count + 1 else { return }
        var value = -mu
        for (i, a) in table.enumerated() {
            value -= p[a]
            for b in table[(i + 1)...] { value += w(a, b) }
        }
        if value > best {
            best = value
            bestTable = table
        }
    }

    /// What each member adds as the extra of a table beside the head alone
    /// (its tie to the head less its price; `Int64.min` where it may not
    /// join: the head itself, a forbidden tie, or a member of the head's
    /// class below it), and those who may join in falling order of it.
    var besideHead: [Int64] = []
    var headOrder: [Int] = []
    /// The seat beside the head whose extras are prepared (-1: the head alone).
    var seated = -1
    /// The (at most `relaxation.extraTopCount`) would-be extras who add most
    /// beside the head and `seated`, in falling order, with what they add;
    /// `rest` is at least what any other adds.
    var topMembers: [Int] = []
    var topGains: [Int64] = []
    var rest = Int64.min

    /// What x adds as the extra beside the head and `seated`, if it may join.
    @inline(__always)
    func gain(_ x: Int) -> Int64? {
        guard seated >= 0 else { return besideHead[x] }
        guard x != seated, allowed(seated, x) else { return nil }
        return besideHead[x] + w(seated, x)
    }

    /// Fills the would-be extras of the tables of the head and `a` (the head
    /// alone when -1): the members are taken in falling order of what they
    /// add beside the head, and the scan stops once even the heaviest tie to
    /// `a` could not lift the next one among those kept.
    mutating func prepareExtras(beside a: Int) {
        let n = relaxation.n
        if besideHead.isEmpty {
            besideHead = (0..<n).map { x in
                x == h || !allowed(h, x) || (relaxation.classes[x] == relaxation.headClass && x < h)
                    ? Int64.min : w(h, x) - p[x]
            }
            headOrder = (0..<n).filter { besideHead[$0] != Int64.min }
                .sorted { (besideHead[$0], -$0) > (besideHead[$1], -$1) }
        }
        seated = a
        topMembers.removeAll(keepingCapacity: true)
        topGains.removeAll(keepingCapacity: true)
        rest = Int64.min
        let keeping = relaxation.extraTopCount
        let reach = a >= 0 ? relaxation.heaviest[a] : 0
        for x in headOrder {
            work += 1
            if topGains.count == keeping && besideHead[x] + reach <= topGains[keeping - 1] {
                // No member from here on adds more than x could.
                rest = max(rest, besideHead[x] + reach)
                break
            }
            guard let value = gain(x) else { continue }
            if topGains.count == keeping {
                guard value > topGains[keeping - 1] else {
                    rest = max(rest, value)
                    continue
                }
                rest = max(rest, topGains.removeLast())
                topMembers.removeLast()
            }
            var slot = topGains.count
            while slot > 0 && topGains[slot - 1] < value { slot -= 1 }
            topGains.insert(value, at: slot)
            topMembers.insert(x, at: slot)
        }
    }

    /// The table of `seated` (h, then a, then b when there are three),
    /// worth `value`, and with `extras` the same with its best extra (from
    /// `prepareExtras(beside: a)`, or beside the head alone for two): the
    /// members who add most are tried first, until even the heaviest tie to
    /// the last seat cannot lift one above the best; the others only when
    /// the most they add could, again in falling order.
    @inline(__always)
    mutating func finish(_ a: Int, _ b: Int, seated count: Int, _ value: Int64, extras: Bool) {
        let last = count == 2 ? a : b
        if value > best {
            best = value
            bestTable = count == 2 ? [h, a] : [h, a, b]
        }
        guard extras, let ceiling = topGains.first else { return }
        let reach = relaxation.heaviest[last]
        guard value + ceiling + reach > best else { return }
        let row = last * relaxation.n
        var most = best - value
        var mostMember = -1
        var exhausted = true
        for (x, gain) in zip(topMembers, topGains) {
            if gain + reach <= most {
                exhausted = false
                break
            }
            guard x != last, relaxation.allowed[row + x] else { continue }
            let total = gain + relaxation.weights[row + x]
            if total > most {
                most = total
                mostMember = x
            }
        }
        if exhausted && rest != Int64.min && rest + reach > most {
            let seatReach = seated >= 0 ? relaxation.heaviest[seated] : 0
            for x in headOrder {
                work += 1
                if besideHead[x] + seatReach + reach <= most { break }
                guard x != last, relaxation.allowed[row + x], let gain = gain(x) else { continue }
                let total = gain + relaxation.weights[row + x]
                if total > most {
                    most = total
                    mostMember = x
                }
            }
        }
        if mostMember >= 0 {
            best = value + most
            bestTable = (count == 2 ? [h, a] : [h, a, b]) + [mostMember]
        }
    }

    mutating func run() {
        let slots = relaxation.slots
        let headClass = relaxation.headClass
        let first = slots[0]
        let start = first == headClass ? h : -1
        let takesExtra = relaxation.takesExtra
        if slots.count == 1 {
            if takesExtra { prepareExtras(beside: -1) }
            for a in seat(first, after: start) where allowed(h, a) {
                work += 1
                finish(a, -1, seated: 2, w(h, a) - p[h] - p[a] - mu, extras: takesExtra)
            }
            return
        }
        let second = slots[1]
        // The second seat's candidates by what they add beside the head, most first.
        let seconds = seat(second, after: second == headClass ? h : -1).filter { allowed(h, $0) }
            .map { b in (b, w(h, b) - p[b]) }
            .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
        guard let topSecond = seconds.first?.1 else { return }
        let secondShare = shareIn[second]
        // The first seats by how high they could reach, most first, so that pruning bites early.
        let firsts = seat(first, after: start).filter { allowed(h, $0) }
            .map { a in
                let partial = w(h, a) - p[h] - p[a] - mu
                var reach = partial + min(half[h] + half[a], topSecond + relaxation.heaviest(a, in: second))
                if takesExtra { reach += max(0, share[h] + share[a] + secondShare) }
                return (a, partial, reach)
            }
            .sorted { ($0.2, -$0.0) > ($1.2, -$1.0) }
        let secondHeaviest = relaxation.heaviestIn[second]
        for (a, partial, reach) in firsts {
            guard reach > best else { break }
            let tie = relaxation.heaviest(a, in: second)
            // The most an extra can add: what it adds beside the head and a, plus its tie to the last seat.
            var ceiling = Int64.min
            if takesExtra {
                prepareExtras(beside: a)
                ceiling = topGains.first ?? Int64.min
            }
            let extraMost = ceiling == Int64.min ? 0 : max(0, ceiling + secondHeaviest)
            for (b, beside) in seconds {
                work += 1
                guard partial + beside + tie + extraMost > best else { break }
                guard b != a, second != first || b > a, allowed(a, b) else { continue }
                let value = partial + beside + w(a, b)
                let extras = ceiling != Int64.min && value + ceiling + relaxation.heaviest[b] > best
                finish(a, b, seated: 3, value, extras: extras)
            }
        }
    }
}
