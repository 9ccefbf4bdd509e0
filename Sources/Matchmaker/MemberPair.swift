/// Two members, in either order.
public struct MemberPair: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let first: String
    public let second: String

    public init(_ a: String, _ b: String) {
        (first, second) = a <= b ? (a, b) : (b, a)
    }

    public func contains(_ id: String) -> Bool { first == id || second == id }

    /// The other member of the pair.
    public func other(than id: String) -> String { first == id ? second : first }

    public var description: String { "\(first)–\(second)" }

    public static func < (lhs: MemberPair, rhs: MemberPair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }
}

/// Who met whom in the rounds already committed, handed in by the ledger as a value.
public struct MeetingHistory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// 1 for the last committed round, 2 for the one before, …
        public var roundsAgo: Int
        /// The mean of the ratings given to this meeting, if any.
        public var rating: Double?

        public init(roundsAgo: Int, rating: Double? = nil) {
            self.roundsAgo = roundsAgo
            self.rating = rating
        }
    }

    public var pairs: [MemberPair: Entry]

    public init(_ pairs: [MemberPair: Entry] = [:]) { self.pairs = pairs }

    public static let none = MeetingHistory()

    /// The history one round later, with these pairs met in the newest round.
    public func adding(round pairs: [MemberPair]) -> MeetingHistory {
        var next = self.pairs.mapValues { Entry(roundsAgo: $0.roundsAgo + 1, rating: $0.rating) }
        for pair in pairs { next[pair] = Entry(roundsAgo: 1, rating: next[pair]?.rating) }
        return MeetingHistory(next)
    }
}
