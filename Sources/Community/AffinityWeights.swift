/// How much each term of the affinity between two members counts, from
/// `community.yaml` (`weights:` and `roles:`) and changeable in a session.
///
/// The defaults favour what the hub is for: a need met by someone who has
/// it (complementarity) counts most, then students and startups meeting
/// experienced entrepreneurs (the role matrix), then shared interests and
/// meeting outside one's own organisation and wing.
public struct AffinityWeights: Sendable, Equatable {
    /// A need met by an offer or a skill, weighted by rarity and level.
    public var complementarity = 1.0
    /// An interest both share, weighted by rarity.
    public var interests = 0.5
    /// The role matrix below, scaled.
    public var role = 1.0
    /// Two different organisations.
    public var organization = 0.3
    /// Two different wings (when both are known).
    public var wing = 0.2
    /// How much a recent meeting lowers a pair's score: 1 removes a pair met
    /// in the last round, half of that for the round before, and so on.
    public var novelty = 1.0
    /// How much earlier ratings (1–5) move a pair's score (3 is neutral).
    public var feedback = 0.5
    /// The share of credit a need gets from a narrower tag under it in the taxonomy.
    public var partial = 0.5
    /// Roles: how well each pair of roles goes together (symmetric).
    public var roles: [RolePair: Double] = AffinityWeights.defaultRoles

    public init() {}

    public static let defaultRoles: [RolePair: Double] = [
        RolePair(.student, .entrepreneur): 1.0,
        RolePair(.startup, .entrepreneur): 1.0,
        RolePair(.student, .startup): 0.6,
        RolePair(.startup, .startup): 0.4,
        RolePair(.student, .student): 0.3,
        RolePair(.entrepreneur, .entrepreneur): 0.2,
    ]

    /// The names `community.yaml` and `set weight.NAME` use, with their values.
    public static let names = [
        "complementarity", "interests", "role", "organization", "wing", "novelty", "feedback", "partial",
    ]

    public subscript(name: String) -> Double? {
        get {
            switch name {
            case "complementarity": return complementarity
            case "interests": return interests
            case "role": return role
            case "organization": return organization
            case "wing": return wing
            case "novelty": return novelty
            case "feedback": return feedback
            case "partial": return partial
            default: return nil
            }
        }
        set {
            guard let newValue else { return }
            switch name {
            case "complementarity": complementarity = newValue
            case "interests": interests = newValue
            case "role": role = newValue
            case "organization": organization = newValue
            case "wing": wing = newValue
            case "novelty": novelty = newValue
            case "feedback": feedback = newValue
            case "partial": partial = newValue
            default: break
            }
        }
    }

    public func roleAffinity(_ a: Role, _ b: Role) -> Double { roles[RolePair(a, b)] ?? 0 }
}

/// An unordered pair of roles.
public struct RolePair: Hashable, Sendable {
    public let first: Role
    public let second: Role

    public init(_ a: Role, _ b: Role) {
        (first, second) = a <= b ? (a, b) : (b, a)
    }

    /// `student.entrepreneur`, as in `set role.student.entrepreneur 0.8`.
    public var name: String { "\(first.rawValue).\(second.rawValue)" }

    public static var all: [RolePair] {
        Role.allCases.flatMap { a in Role.allCases.filter { a <= $0 }.map { RolePair(a, $0) } }
    }
}
