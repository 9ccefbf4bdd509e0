/// Whether two members share a tag that scores, told without scoring them:
/// what pricing and the proofs ask of the many pairs of low duals they walk.
extension AffinityModel {
    /// A member's tags as bits, key k at bit k mod 256: the needs it seeks,
    /// the needs it meets (each key it offers and the keys related to it),
    /// its interests.
    struct TagMask: Sendable {
        var seeks: SIMD4<UInt64> = .zero
        var meets: SIMD4<UInt64> = .zero
        var interests: SIMD4<UInt64> = .zero

        static let width = 256

        /// Whether some bit says that a need of one is met by the other, or an interest is shared.
        func meets(_ other: TagMask) -> Bool {
            (seeks & other.meets) | (other.seeks & meets) | (interests & other.interests) != .zero
        }

        static func bit(_ key: Int32) -> SIMD4<UInt64> {
            var bits = SIMD4<UInt64>.zero
            bits[Int(key) / 64 % 4] = 1 << UInt64(Int(key) % 64)
            return bits
        }
    }

    /// Each member's `TagMask`, and whether the masks answer exactly: with no
    /// more keys than bits (no two keys on one bit) and every tag's points
    /// above zero, two members whose bits meet share a tag that scores.
    static func tagMasks(
        keyCount: Int, seeks: [[Int32]], offers: [[(key: Int32, level: UInt8)]], interests: [[Int32]],
        related: [[Int32]], needPoints: [Int64], interestPoints: [Int64]
    ) -> (masks: [TagMask], exact: Bool) {
        let masks = seeks.indices.map { member in
            var mask = TagMask()
            for key in seeks[member] { mask.seeks |= TagMask.bit(key) }
            for offer in offers[member] {
                // A need is met through a related tag too (the relation goes both ways).
                mask.meets |= TagMask.bit(offer.key)
                for other in related[Int(offer.key)] { mask.meets |= TagMask.bit(other) }
            }
            for key in interests[member] { mask.interests |= TagMask.bit(key) }
            return mask
        }
        let exact =
            keyCount <= TagMask.width && needPoints.allSatisfy { $0 > 0 }
            && interestPoints.allSatisfy { $0 > 0 }
        return (masks, exact)
    }

    /// Whether `a` and `b` share a tag that scores: a need of one met by the
    /// other, or an interest (`tagPoints(a, b) > 0`). Their masks answer when
    /// they do not meet, or when they are exact; otherwise the pair is scored.
    @inline(__always)
    func sharesScoringTag(_ a: Int, _ b: Int) -> Bool {
        guard tagMasks[a].meets(tagMasks[b]) else { return false }
        return masksAreExact || tagPoints(a, b) > 0
    }
}
