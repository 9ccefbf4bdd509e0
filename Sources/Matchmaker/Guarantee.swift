/// What was proved about a draft, as data. It is computed by running an
/// independent checker on the draft's own groups and weights (`DraftProof`),
/// and it is never stronger than what that check established: the scope
/// says which pairs and which scores the claim is about.
public struct Guarantee: Sendable, Equatable, Codable {
    public enum Claim: Sendable, Equatable, Codable {
        /// No other pairing (or assignment) in the scope has a larger total:
        /// a dual certificate was checked against every pair of the scope.
        case optimal
        /// No mentee and mentor would both rather be together: the whole
        /// assignment was checked for blocking pairs.
        case stable
        /// No grouping into `tables` tables seating at least `seated` members
        /// (any, when nil) can pass `upperBound`: the draft reaches its total of it.
        case withinBound(upperBound: Int64, seated: Int?, tables: Int?)
        /// Nothing was proved (a round committed before guarantees were kept).
        case none
    }

    /// Which pairs the proof weighed.
    public enum Coverage: Sendable, Equatable, Codable {
        /// Every admissible pair of the members matched.
        case everyAdmissiblePair
        /// Only a candidate graph: each member's `perMember` best partners,
        /// `pairs` pairs in all; a pair left out was never weighed.
        case candidates(perMember: Int, pairs: Int)
    }

    public var claim: Claim
    public var coverage: Coverage
    /// How many members were matched, and whether they are the whole community.
    public var members: Int
    public var isWholeCommunity: Bool
    /// Groups fixed by pins before the rest was matched: the claim holds given them.
    public var pinnedGroups: Int
    /// Scores were raised for fairness (a planned round): the claim is about those scores.
    public var isFairnessAdjusted: Bool
    /// As many pairs as possible first (`--everyone`): the claim is among the largest pairings.
    public var isCardinalityFirst: Bool
    /// A planned round keeps pairs that met earlier in the plan apart: the
    /// claim is over the pairs that have not met; then `repeatPairs` pairs
    /// that had met were made among those left (optimal among them too).
    public var excludesRepeats: Bool
    public var repeatPairs: Int
    /// The pairs kept apart are also those of the rounds committed before
    /// (`--no-repeats`), not only the plan's. Nil in guarantees recorded
    /// before it was kept: false.
    public var excludesEarlierRounds: Bool?

    public init(
        claim: Claim, coverage: Coverage = .everyAdmissiblePair, members: Int, isWholeCommunity: Bool = true,
        pinnedGroups: Int = 0, isFairnessAdjusted: Bool = false, isCardinalityFirst: Bool = false,
        excludesRepeats: Bool = false, repeatPairs: Int = 0
    ) {
        self.claim = claim
        self.coverage = coverage
        self.members = members
        self.isWholeCommunity = isWholeCommunity
        self.pinnedGroups = pinnedGroups
        self.isFairnessAdjusted = isFairnessAdjusted
        self.isCardinalityFirst = isCardinalityFirst
        self.excludesRepeats = excludesRepeats
        self.repeatPairs = repeatPairs
    }

    /// Nothing proved about `members` members.
    public static func nothing(members: Int) -> Guarantee { Guarantee(claim: .none, members: members) }
}

extension Draft {
    /// Something about the draft as a whole, said once.
    public enum Note: Sendable, Equatable, Codable {
        /// A pin left out of this match, and why.
        case pinSetAside(MemberPair, PinSetAside)
        /// Circles: whether the tables keep a pinned pair together.
        case pinHonoured(MemberPair)
        case pinNotHonoured(MemberPair)
        /// Mentoring: mentors who could take more mentees (id, places left, capacity).
        case mentorsWithRoom([MentorRoom])
        /// A planned round: which one, of how many.
        case planRound(Int, of: Int)
        /// Circles larger than three that mix roles: how many of each role (in `Role.allCases` order) a table holds.
        case tableMakeUp([Int])
    }

    public enum PinSetAside: Sendable, Equatable, Codable {
        /// One of the two is not among the members matched.
        case notBothMatched
        /// A mentoring pin joins a mentee and a mentor.
        case notMenteeAndMentor
        /// The mentor has no place left for it.
        case mentorFull(String)
    }

    public struct MentorRoom: Sendable, Equatable, Codable {
        public var id: String
        public var left: Int
        public var capacity: Int
    }
}

/// Why a member is in no group, as a fact the shell words.
public enum UnmatchedCause: Sendable, Equatable, Codable {
    /// Whom a member could have been matched with.
    public enum Partners: String, Sendable, Equatable, Codable { case anyone, mentors }

    /// They share no language with anyone they could meet (what they speak).
    case noSharedLanguage(speaks: [String], with: Partners)
    /// No time slot in common with anyone (when they are free).
    case noCommonSlot(free: [String], with: Partners)
    /// Every possible partner is forbidden in this session.
    case everyPartnerForbidden(Partners)
    /// Nobody else is being matched.
    case nobodyElse
    /// Shares no need, offer or interest with anyone (large communities score only those who do).
    case sharesNoTag
    /// Every pair they could make scores 0; `--everyone` would pair them anyway.
    case nothingInCommon(with: Partners)
    /// An odd number of members: one stays alone.
    case oddOneOut
    /// Everyone compatible is already paired, with a better total.
    case compatibleAlreadyPaired
    /// Mentoring: no entrepreneur to mentor anyone.
    case noMentors
    /// Mentoring: the mentors who suit them have no place left.
    case mentorsFull
    /// Circles: every table with a free seat holds someone they cannot meet.
    case noCompatibleTable
    /// Circles: no table has a free seat, and too few members of `scarce`
    /// (a role; nil without mixing) are left to open another.
    case tablesFull(scarce: String?)
    /// Circles: no table has a free seat, and those left, though enough for
    /// another table, cannot sit together (a language, a time slot or a ban).
    case noTableTogether
    /// Circles: not enough members for a single table of `size`.
    case tooFewForTable(size: Int)
}
