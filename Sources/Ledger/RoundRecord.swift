import Foundation

/// A committed round as the ledger keeps it.
public struct RoundRecord: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var members: [String]
        public var score: Int64
        public var reasons: [String]
        public var starter: String?
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

        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    public var name: String
    public var committedAt: Date
    public var mode: String
    public var seed: UInt64
    public var total: Int64
    public var upperBound: Int64?
    public var groups: [Group]
    public var unmatched: [Unmatched]
    public var notes: [String]

    public init(name: String, committedAt: Date, mode: String, seed: UInt64, total: Int64, upperBound: Int64? = nil,
                groups: [Group], unmatched: [Unmatched] = [], notes: [String] = []) {
        self.name = name
        self.committedAt = committedAt
        self.mode = mode
        self.seed = seed
        self.total = total
        self.upperBound = upperBound
        self.groups = groups
        self.unmatched = unmatched
        self.notes = notes
    }
}

/// One line of `rounds`.
public struct RoundSummary: Sendable, Equatable {
    public var name: String
    public var committedAt: Date
    public var mode: String
    public var groups: Int
    public var members: Int
    public var total: Int64
}

/// Someone a member met: `history ID`.
public struct Meeting: Sendable, Equatable {
    public var round: String
    public var committedAt: Date
    public var mode: String
    public var partners: [String]
    public var score: Int64
    /// The ratings given to this meeting afterwards.
    public var ratings: [Int]
}

/// A past meeting of two members, as the matchmaker's novelty and feedback use it.
public struct PastMeeting: Sendable, Equatable {
    public var first: String
    public var second: String
    /// 1 for the last round, 2 for the one before, …
    public var roundsAgo: Int
    public var averageRating: Double?
}

public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case busy(path: String)
    case roundExists(name: String)
    case unknownRound(name: String, suggestion: String?)
    case noRounds
    case failed(reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open the ledger \(path): \(reason)"
        case .busy(let path): return "the ledger \(path) is busy: another patio is writing to it; try again in a moment"
        case .roundExists(let name): return "a round named '\(name)' is committed already: choose another name"
        case .unknownRound(let name, let suggestion): return "no round named '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .noRounds: return "no round has been committed yet"
        case .failed(let reason): return "the ledger failed: \(reason)"
        }
    }
}
