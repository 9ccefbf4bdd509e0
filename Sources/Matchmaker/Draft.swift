import Community
import Foundation

/// A proposed round: pairs or groups with their scores and reasons, who is
/// left out and why, and what was proved about it. It becomes a round once
/// committed to the ledger.
public struct Draft: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable, Codable {
        case pairs, mentoring, circles
    }

    public struct Group: Sendable, Equatable {
        /// Member ids; in mentoring, the mentee first, then the mentor.
        public var members: [String]
        /// The sum of the pair scores inside, in thousandths of a point.
        public var score: Int64
        /// Every reason, strongest first (each once).
        public var reasons: [PairReason]
        /// How earlier meetings and ratings moved the scores inside (each once).
        public var adjustments: [Adjustment]
        /// Something to talk about first, from shared interests.
        public var starter: Starter?
        /// Whether a pin made this group.
        public var isPinned: Bool
        /// What is wrong with a pinned pair inside: the pin overrides it.
        public var pinWarnings: [PinWarning]

        public init(
            members: [String], score: Int64, reasons: [PairReason], starter: Starter? = nil, isPinned: Bool = false,
            pinWarnings: [PinWarning] = [], adjustments: [Adjustment] = []
        ) {
            self.adjustments = adjustments
            self.members = members
            self.score = score
            self.reasons = reasons
            self.starter = starter
            self.isPinned = isPinned
            self.pinWarnings = pinWarnings
        }
    }

    public struct Unmatched: Sendable, Equatable {
        public var id: String
        public var cause: UnmatchedCause

        public init(id: String, cause: UnmatchedCause) {
            self.id = id
            self.cause = cause
        }
    }

    public var mode: Mode
    public var seed: UInt64
    public var created: Date
    public var groups: [Group]
    public var unmatched: [Unmatched]
    /// Pins honoured or not, mentors with room, repeats: said once.
    public var notes: [Note]
    public var total: Int64
    /// What the checkers proved about this very draft.
    public var guarantee: Guarantee
    /// The pins it honours (those set aside have a note instead) and the
    /// bans in force when it was made.
    public var pins: [MemberPair]
    public var bans: [MemberPair]

    public init(
        mode: Mode, seed: UInt64, created: Date = Date(timeIntervalSince1970: 0), groups: [Group],
        unmatched: [Unmatched],
        notes: [Note], guarantee: Guarantee, pins: [MemberPair] = [], bans: [MemberPair] = []
    ) {
        self.mode = mode
        self.seed = seed
        self.created = created
        self.groups = groups
        self.unmatched = unmatched
        self.notes = notes
        self.total = groups.reduce(0) { $0 + $1.score }
        self.guarantee = guarantee
        self.pins = pins
        self.bans = bans
    }

    /// Every pair that meets in this draft (each pair of a group).
    public var pairs: [MemberPair] {
        groups.flatMap { group in
            group.members.indices.flatMap { i in group.members[(i + 1)...].map { MemberPair(group.members[i], $0) } }
        }
    }

    /// The members placed in a group.
    public var placed: Set<String> { Set(groups.flatMap(\.members)) }
}

/// What a pinned pair breaks: the pin makes them meet anyway.
public enum PinWarning: Sendable, Equatable, Hashable, Codable {
    /// A hard constraint the pin overrides (a language, a time slot).
    case overrides(MemberPair, Admissibility.Exclusion)
    /// The pair scores nothing: nothing in common.
    case scoresNothing(MemberPair)
}

/// What can stop a match.
public enum MatchError: Error, Equatable, Sendable {
    case pinnedTwice(member: String, partners: [String])
    case pinnedAndForbidden(MemberPair)
    case tooFewMembers(count: Int)
    /// Tables of fewer than three cannot hold the three roles.
    case tablesTooSmallToMix(size: Int)
    /// Circles that mix roles, among members none of whom has this role.
    case roleMissingForTables(Role)
    /// Mentoring with no student or startup among the members matched.
    case noMentees
    /// A checker refused the draft: it is not shown, and nothing is claimed.
    case proofFailed(Draft.Mode, ProofFailure)
}

/// Why a checker refused a draft, as facts.
public enum ProofFailure: Sendable, Equatable {
    /// The dual certificate does not prove the pairing optimal: the first problem found, and how many.
    case certificate(String, count: Int)
    /// The draft's total is not the sum of its pairs' scores, or not the solver's.
    case totalMismatch(draft: Int64, checked: Int64)
    /// A stable assignment has a mentee and a mentor who would both rather be together.
    case blockingPair(mentee: String, mentor: String)
    /// The groups break the rules of their mode.
    case invalidGroups(String)
    /// The bound is below what the draft reaches: it cannot be a bound.
    case boundBelowTotal(bound: Int64, total: Int64)
}
