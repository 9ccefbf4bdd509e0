import Foundation

/// A member of the community, as their profile file describes them.
public struct Member: Sendable, Equatable, Identifiable, Codable {
    public var id: String
    public var name: String
    public var role: Role
    public var organization: String?
    /// The wing of the building (1–9) where they usually are.
    public var wing: Int?
    /// Language codes (`fr`, `en`, …).
    public var languages: [String]
    public var skills: [Skill]
    public var interests: [String]
    /// What they want from a partner.
    public var seeking: [String]
    /// What they give.
    public var offering: [String]
    /// Time slots such as `tue-pm`; when both sides of a pair declare some, they must share one.
    public var availability: [String]
    /// How many mentees they take in a mentoring round.
    public var capacity: Int
    public var contact: String?
    public var bio: String?

    public init(
        id: String, name: String, role: Role, organization: String? = nil, wing: Int? = nil,
        languages: [String] = [], skills: [Skill] = [], interests: [String] = [], seeking: [String] = [],
        offering: [String] = [], availability: [String] = [], capacity: Int = 1, contact: String? = nil,
        bio: String? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.organization = organization
        self.wing = wing
        self.languages = languages
        self.skills = skills
        self.interests = interests
        self.seeking = seeking
        self.offering = offering
        self.availability = availability
        self.capacity = capacity
        self.contact = contact
        self.bio = bio
    }
}

/// What brings a member to the hub.
public enum Role: String, CaseIterable, Sendable, Comparable, Codable {
    case student, startup, entrepreneur

    /// The word the community uses in French.
    public var frenchName: String {
        switch self {
        case .student: return "étudiant·e"
        case .startup: return "jeune pousse"
        case .entrepreneur: return "entrepreneur·e"
        }
    }

    /// Reads a role as people write it, in English or French: `étudiante`,
    /// `jeune pousse`, `mentor`, `Entrepreneur·e`, `start-up`, …
    public init?(word: String) {
        // The usual spellings first, without folding (every profile comes here).
        if let exact = Role(rawValue: word) {
            self = exact
            return
        }
        let key = TextFolding.fold(word).filter { $0.isLetter || $0 == " " }
        switch key.replacingOccurrences(of: "  ", with: " ").trimmingCharacters(in: .whitespaces) {
        case "student", "students", "etudiant", "etudiante", "etudiants", "etudiantes", "etudiantse", "eleve",
            "apprenant", "apprenante":
            self = .student
        case "startup", "start up", "startups", "jeune pousse", "jeunes pousses", "jeune entreprise",
            "porteur de projet", "porteuse de projet":
            self = .startup
        case "entrepreneur", "entrepreneuse", "entrepreneure", "entrepreneurs", "entrepreneurse", "mentor", "mentore",
            "mentors", "mentorse", "expert", "experte":
            self = .entrepreneur
        default:
            return nil
        }
    }

    /// The French words people use most, as the profiles write them.
    public static let frenchSpellings = ["étudiant·e", "jeune pousse", "entrepreneur·e", "mentor"]

    /// Every spelling `init(word:)` knows, for completion and suggestions.
    public static let spellings = [
        "student", "startup", "entrepreneur", "étudiant", "étudiante", "étudiant·e",
        "jeune pousse", "entrepreneuse", "entrepreneur·e", "mentor",
    ]

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A skill, with how well it is mastered when the profile says so.
public struct Skill: Sendable, Equatable, Hashable, Codable {
    public var name: String
    public var level: SkillLevel?

    public init(_ name: String, level: SkillLevel? = nil) {
        self.name = name
        self.level = level
    }

    /// `Blender (expert)`, or the name alone.
    public var label: String { level.map { "\(name) (\($0.rawValue))" } ?? name }
}

public enum SkillLevel: String, CaseIterable, Sendable, Comparable, Codable {
    case beginner, intermediate, expert

    /// English or French: `débutant`, `intermédiaire`, `confirmé`, `experte`, …
    public init?(word: String) {
        // The usual spellings first, without folding (every skill of every profile comes here).
        if let exact = SkillLevel(rawValue: word) {
            self = exact
            return
        }
        switch TextFolding.trimmingSpaces(TextFolding.fold(word)) {
        case "beginner", "novice", "debutant", "debutante", "debutant.e", "junior", "notions": self = .beginner
        case "intermediate", "intermediaire", "confirme", "confirmee", "confirme.e", "medium", "moyen":
            self = .intermediate
        case "expert", "experte", "expert.e", "advanced", "avance", "avancee", "senior", "maitrise": self = .expert
        default: return nil
        }
    }

    /// The spellings `init(word:)` reads, as written, to tell a level mistyped.
    public static let spellings = [
        "beginner", "intermediate", "expert", "débutant", "débutante", "intermédiaire", "confirmé", "confirmée",
        "experte", "novice", "junior", "notions", "medium", "moyen", "advanced", "avancé", "avancée", "senior",
        "maîtrise",
    ]

    public static func < (lhs: SkillLevel, rhs: SkillLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
