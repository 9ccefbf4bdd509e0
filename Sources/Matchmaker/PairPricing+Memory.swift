/// What pricing keeps from one round to the next, so that a member whose
/// dual barely moved is not scanned again.
///
/// When a member is scanned (every partner it shares a tag with, and the
/// others its duals leave within reach), each pair it weighs whose slack
/// D(u) + D(v) − 4 · (w + s) is below `margin` is kept, with its weight, in
/// the member's `near` list. Every other pair it weighed or passed over then
/// had a slack of `margin` or more. Later rounds weigh the kept pairs again
/// at the new duals, and scan again only the members whose dual fell more
/// than half the margin below its highest since their scan (`peak`), or
/// that could not keep theirs (more than `kept`, or a pair too heavy).
///
/// Why no violated pair is missed: take a pair (u, v) neither scanned this
/// round, and the later of their two scans, say u's at round t. If the pair's
/// slack was under the margin then, it is in u's list and weighed again now
/// (u's list is still there: u was not scanned since, and kept it whole).
/// Otherwise its slack now is at least margin − (D_t(u) − D(u)) − (D_t(v) −
/// D(v)); each of the two falls is at most half the margin, since D_t(x) is
/// no more than x's peak since its own last scan (round t is not before
/// either scan) and neither fell further than half the margin below it. So
/// the slack is still zero or more: the pair is covered. A change of the
/// weight shift (cardinality first) scans everyone again.
///
/// - Complexity: per round, the kept pairs of the members not scanned (at
///   most `kept` each) plus the scans; memory `kept` pairs a member at most.
struct PricingMemory: Sendable {
    /// The slack under which a pair is kept, in the duals' quarters of
    /// thousandths of a point: half a point (pairs; an assignment's duals,
    /// in thousandths, use 500).
    static let margin: Int64 = 2000
    /// The most pairs a member keeps: past that, it is scanned again next round.
    static let kept = 512

    /// A pair kept: the partner, and the pair's weight as the objective says
    /// (a member with a pair too heavy for 32 bits keeps none: it is scanned again).
    struct NearPair: Sendable {
        let partner: Int32
        let weight: Int32
    }

    /// The weight shift of the duals the pairs were weighed against.
    let shift: Int64
    /// The rounds so far, and each member's last scan (a round).
    var round = 0
    var scanned: [Int]
    /// How many members were scanned in the last round (the others weighed their kept pairs again).
    var scannedLastRound: Int { scanned.count { $0 == round } }
    /// Each member's highest dual since its last scan.
    var peak: [Int64]
    /// Each member's pairs under the margin at its last scan; nil when there
    /// were more than `kept`, or one too heavy to keep.
    var near: [[NearPair]?]

    init(count: Int, shift: Int64) {
        self.shift = shift
        scanned = [Int](repeating: 0, count: count)
        peak = [Int64](repeating: .min, count: count)
        near = [[NearPair]?](repeating: nil, count: count)
    }

    /// Keeps the pair with `partner` of `weight` in a scan's `near` list
    /// while `isKept`: a list past `kept`, or a weight past 32 bits, ends it
    /// (the member keeps nothing and is scanned again).
    static func keep(_ partner: Int, weight: Int64, in near: inout [NearPair], isKept: inout Bool) {
        guard isKept else { return }
        if near.count < kept, let weight = Int32(exactly: weight) {
            near.append(NearPair(partner: Int32(partner), weight: weight))
        } else {
            isKept = false
        }
    }

    /// The members to scan at `duals` (all when there is no memory or the
    /// shift changed), and the memory of this round: their scans recorded as
    /// of now, the others' peaks raised to their duals.
    static func next(_ memory: PricingMemory?, duals: [Int64], shift: Int64, margin: Int64 = margin) -> (
        PricingMemory, scans: [Bool]
    ) {
        guard var memory, memory.shift == shift, memory.scanned.count == duals.count else {
            var fresh = PricingMemory(count: duals.count, shift: shift)
            fresh.round = 1
            fresh.scanned = [Int](repeating: 1, count: duals.count)
            fresh.peak = duals
            return (fresh, [Bool](repeating: true, count: duals.count))
        }
        memory.round += 1
        var scans = [Bool](repeating: false, count: duals.count)
        for x in duals.indices {
            if memory.near[x] == nil || duals[x] < memory.peak[x] - margin / 2 {
                scans[x] = true
                memory.scanned[x] = memory.round
                memory.peak[x] = duals[x]
                memory.near[x] = nil
            } else {
                memory.peak[x] = max(memory.peak[x], duals[x])
            }
        }
        return (memory, scans)
    }
}
