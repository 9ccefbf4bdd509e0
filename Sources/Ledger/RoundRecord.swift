import Foundation

/// A committed round as the ledger keeps it.
public struct RoundRecord: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var members: [String]
        public var score: Int64
        public var reasons: [String]
        public var starter: String?
        public var isPinned: Bool
        /// What a pinned pair inside breaks, as the shell's JSON facts.
        public var pinWarnings: String?
        /// The reasons and the starter as facts (the shell's JSON), for rounds
        /// committed since they are kept; `reasons` and `starter` hold words before.
        public var reasonFacts: String?
        public var starterFact: String?
        /// How earlier meetings and ratings moved the score (the shell's JSON), for rounds committed since it is kept.
        public var adjustmentFacts: String?

        public init(
            members: [String], score: Int64, reasons: [String] = [], starter: String? = nil, isPinned: Bool = false,
            pinWarnings: String? = nil, reasonFacts: String? = nil, starterFact: String? = nil,
            adjustmentFacts: String? = nil
        ) {
            self.adjustmentFacts = adjustmentFacts
            self.members = members
            self.score = score
            self.reasons = reasons
            self.starter = starter
            self.isPinned = isPinned
            self.pinWarnings = pinWarnings
            self.reasonFacts = reasonFacts
            self.starterFact = starterFact
        }
    }

    public struct Unmatched: Sendable, Equatable {
        public var id: String
        /// The reason in words, as rounds committed before facts were kept have it ("" otherwise).
        public var reason: String
        /// The reason as a fact (the shell's JSON), for rounds committed since.
        public var cause: String?

        public init(id: String, reason: String = "", cause: String? = nil) {
            self.id = id
            self.reason = reason
            self.cause = cause
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
    /// Notes in words, as rounds committed before facts were kept have them.
    public var notes: [String]
    /// What was proved when the round was drafted (the shell's JSON); nil when nothing was recorded.
    public var guarantee: String?
    /// The notes as facts (the shell's JSON), for rounds committed since.
    public var noteFacts: String?
    /// Its members' names by id, as they were when it was committed (none
    /// for rounds committed before names were kept): a member whose profile
    /// is gone is still named.
    public var names: [String: String]

    public init(
        name: String, committedAt: Date, mode: String, seed: UInt64, total: Int64, upperBound: Int64? = nil,
        groups: [Group], unmatched: [Unmatched] = [], notes: [String] = [], guarantee: String? = nil,
        noteFacts: String? = nil, names: [String: String] = [:]
    ) {
        self.names = names
        self.name = name
        self.committedAt = committedAt
        self.mode = mode
        self.seed = seed
        self.total = total
        self.upperBound = upperBound
        self.groups = groups
        self.unmatched = unmatched
        self.notes = notes
        self.guarantee = guarantee
        self.noteFacts = noteFacts
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
    /// The partners' names as they were when the round was committed (see `RoundRecord.names`).
    public var names: [String: String] = [:]
    public var score: Int64
    /// The ratings given to this meeting afterwards.
    public var ratings: [Rating]
}

/// How a meeting went, as someone rated it.
public struct Rating: Sendable, Equatable {
    public var first: String
    public var second: String
    /// 1 to 5.
    public var value: Int
    public var note: String?
    public var ratedAt: Date

    public init(first: String, second: String, value: Int, note: String?, ratedAt: Date) {
        self.first = first
        self.second = second
        self.value = value
        self.note = note
        self.ratedAt = ratedAt
    }
}

/// A past meeting of two members, as the matchmaker's novelty and feedback use it.
public struct PastMeeting: Sendable, Equatable {
    public var first: String
    public var second: String
    /// 1 for the last round, 2 for the one before, …
    public var roundsAgo: Int
    public var averageRating: Double?
}

/// What can go wrong with the ledger, as facts; the shell words them.
/// Where the ledger stood: the number of its last round (nil: none yet).
/// A draft keeps the mark of the ledger it was made on, so that committing
/// it can tell whether other rounds were committed meanwhile.
public struct LedgerMark: Equatable, Sendable {
    public let lastRound: Int64?

    public init(lastRound: Int64?) { self.lastRound = lastRound }

    /// A ledger with no round yet (or none at all).
    public static let empty = LedgerMark(lastRound: nil)
}

public enum LedgerError: Error, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    /// The ledger's path names a folder.
    case isFolder(path: String)
    /// The ledger's path names a device or a pipe, not a file.
    case notAFile(path: String)
    /// An SQLite database of another program (its own tables, none of a ledger's).
    case notALedger(path: String)
    /// Rounds were committed since the draft was made (by another patio): their names.
    case changedSince(rounds: [String])
    /// The folder the ledger goes in could not be made.
    case cannotMakeFolder(path: String, folder: String)
    /// A ledger named by the user in a folder that does not exist (none is made for it).
    case noFolder(path: String, folder: String)
    /// The file is damaged, or is not a ledger: SQLite's own words in `detail`.
    case damaged(path: String, detail: String)
    case busy(path: String)
    case roundExists(name: String)
    case unknownRound(name: String, suggestion: String?)
    case noRounds
    /// A rating for two members whom no committed round paired.
    case neverMet(String, String)
    /// Nothing to clear: the pair has no rating.
    case noRating(String, String)
    /// Nothing is recorded under that id: no round, rating or ban names it.
    case nothingUnder(String)
    /// Two ids sat in one round (`round`): they are two members, whose histories stay apart.
    case inOneRound(String, String, round: String)
    /// The ledger may only be read by this process (`Ledger.isReadOnly`): a
    /// writing was refused, or (`outdated`) its schema is older than this
    /// version's and cannot be brought up to date.
    case readOnly(path: String, outdated: Bool)
    case failed(reason: String)
}

/// What `Ledger.moveHistory` gave from one id to another.
public struct MovedHistory: Equatable, Sendable {
    public let rounds: Int
    public let ratings: Int
    public let bans: Int
}
