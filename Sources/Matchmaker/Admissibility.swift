import Community

/// The hard constraints on a pair, whatever its score: a shared language,
/// overlapping availability when both declare some, and the session's bans.
public struct Admissibility: Sendable {
    public enum Exclusion: String, Sendable, CaseIterable {
        case language, availability, forbidden
    }

    public let forbidden: Set<MemberPair>

    public init(forbidden: Set<MemberPair> = []) { self.forbidden = forbidden }

    /// Why this pair cannot meet, or nil when it can.
    public func exclusion(_ a: Member, _ b: Member) -> Exclusion? {
        if !a.languages.isEmpty && !b.languages.isEmpty && Set(a.languages).isDisjoint(with: b.languages) { return .language }
        if !a.availability.isEmpty && !b.availability.isEmpty && Set(a.availability).isDisjoint(with: b.availability) { return .availability }
        if forbidden.contains(MemberPair(a.id, b.id)) { return .forbidden }
        return nil
    }

    /// The sentence `why` shows for an exclusion.
    public static func describe(_ exclusion: Exclusion, _ a: Member, _ b: Member) -> String {
        switch exclusion {
        case .language:
            return "no shared language (\(a.name): \(a.languages.joined(separator: ", ")); \(b.name): \(b.languages.joined(separator: ", ")))"
        case .availability:
            return "no time slot in common (\(a.name): \(a.availability.joined(separator: ", ")); \(b.name): \(b.availability.joined(separator: ", ")))"
        case .forbidden:
            return "forbidden in this session (forbid \(a.id) \(b.id))"
        }
    }
}
