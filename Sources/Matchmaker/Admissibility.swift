import Community

/// The hard constraints on a pair, whatever its score: a shared language,
/// overlapping availability when both declare some, and the session's bans.
public struct Admissibility: Sendable {
    public enum Exclusion: String, Sendable, CaseIterable, Codable {
        case language, availability, forbidden
    }

    public let forbidden: Set<MemberPair>

    public init(forbidden: Set<MemberPair> = []) { self.forbidden = forbidden }

    /// Why this pair cannot meet, or nil when it can.
    public func exclusion(_ a: Member, _ b: Member) -> Exclusion? {
        if !a.languages.isEmpty && !b.languages.isEmpty && Set(a.languages).isDisjoint(with: b.languages) {
            return .language
        }
        if !a.availability.isEmpty && !b.availability.isEmpty && Set(a.availability).isDisjoint(with: b.availability) {
            return .availability
        }
        if forbidden.contains(MemberPair(a.id, b.id)) { return .forbidden }
        return nil
    }
}

/// The hard constraints over a directory's members by index, for the hot
/// loops: languages and time slots as bit masks, bans as index pairs. Past
/// 63 distinct values the last bit stands for all the others; two members
/// who share only that bit are compared value by value.
struct PreparedAdmissibility: Sendable {
    let languages: [UInt64]
    let slots: [UInt64]
    let forbidden: Set<UInt64>
    let members: [Member]
    static let sharedBit: UInt64 = 1 << 63

    init(_ admissibility: Admissibility, directory: Directory) {
        var languageBit: [String: Int] = [:]
        var slotBit: [String: Int] = [:]
        func mask(_ values: [String], _ bits: inout [String: Int]) -> UInt64 {
            var mask: UInt64 = 0
            for value in values {
                if bits[value] == nil { bits[value] = bits.count }
                mask |= 1 << UInt64(min(bits[value]!, 63))
            }
            return mask
        }
        members = directory.members
        languages = directory.members.map { mask($0.languages, &languageBit) }
        slots = directory.members.map { mask($0.availability, &slotBit) }
        forbidden = Set(
            admissibility.forbidden.compactMap { pair in
                guard let a = directory.index(of: pair.first), let b = directory.index(of: pair.second) else {
                    return nil
                }
                return AffinityModel.pairKey(a, b)
            })
    }

    @inline(__always)
    func exclusion(_ a: Int, _ b: Int) -> Admissibility.Exclusion? {
        if languages[a] != 0 && languages[b] != 0 {
            let common = languages[a] & languages[b]
            if common == 0
                || (common == Self.sharedBit && Set(members[a].languages).isDisjoint(with: members[b].languages))
            {
                return .language
            }
        }
        if slots[a] != 0 && slots[b] != 0 {
            let common = slots[a] & slots[b]
            if common == 0
                || (common == Self.sharedBit && Set(members[a].availability).isDisjoint(with: members[b].availability))
            {
                return .availability
            }
        }
        if !forbidden.isEmpty && forbidden.contains(AffinityModel.pairKey(a, b)) { return .forbidden }
        return nil
    }
}
