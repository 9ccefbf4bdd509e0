import Foundation

/// A proposed round: pairs or groups with their scores and reasons, who is
/// left out and why. It becomes a round once committed to the ledger.
public struct Draft: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        case pairs, mentoring, circles
    }

    public struct Group: Sendable, Equatable {
        /// Member ids; in mentoring, the mentee first, then the mentor.
        public var members: [String]
        /// The sum of the pair scores inside, in thousandths of a point.
        public var score: Int64
        /// The strongest reasons, in words.
        public var reasons: [String]
        /// Something to talk about first, from shared interests.
        public var starter: String?
        /// Whether a pin made this group.
        public var isPinned: Bool

        public init(members: [String], score: Int64, reasons: [String], starter: String? = nil, isPinned: Bool = false) {
            self.members = members
            self.score = score
            self.reasons = reasons
            self.starter = starter
            self.isPinned = isPinned
        }
    }

    public struct Unmatched: Sendable, Equatable {
        public var id: String
        public var reason: String
    }

    public var mode: Mode
    public var isStable = false
    public var seed: UInt64
    public var created: Date
    public var groups: [Group]
    public var unmatched: [Unmatched]
    /// Pins honoured or not, mentors with room, leftovers: said once.
    public var notes: [String]
    public var total: Int64
    /// For circles: no grouping can reach more than this.
    public var upperBound: Int64?

    /// Every pair that meets in this draft (each pair of a group).
    public var pairs: [MemberPair] {
        groups.flatMap { group in
            group.members.indices.flatMap { i in group.members[(i + 1)...].map { MemberPair(group.members[i], $0) } }
        }
    }

    /// The members placed in a group.
    public var placed: Set<String> { Set(groups.flatMap(\.members)) }
}

/// What can stop a match.
public enum MatchError: Error, Equatable, Sendable, CustomStringConvertible {
    case pinnedTwice(member: String, partners: [String])
    case pinnedAndForbidden(MemberPair)
    case tooFewMembers(count: Int)

    public var description: String {
        switch self {
        case .pinnedTwice(let member, let partners):
            return "\(member) is pinned with \(partners.joined(separator: " and ")): unpin one (unpin \(member) \(partners[0]))"
        case .pinnedAndForbidden(let pair):
            return "\(pair.first) and \(pair.second) are both pinned and forbidden: unpin them first"
        case .tooFewMembers(let count):
            return "\(count == 0 ? "no members" : "only one member") to match"
        }
    }
}
