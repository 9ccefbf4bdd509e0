import Community

/// Words the shell uses in many places: roles, levels, hints.
extension Language {
    /// `student`, or `étudiant·e` as the profiles write it.
    func role(_ role: Role) -> String { self == .fr ? role.frenchName : role.rawValue }

    func level(_ level: SkillLevel) -> String {
        switch (level, self) {
        case (_, .en): return level.rawValue
        case (.beginner, .fr): return "débutant·e"
        case (.intermediate, .fr): return "intermédiaire"
        case (.expert, .fr): return "expert·e"
        }
    }

    /// `Blender (expert)`, `Blender (expert·e)`.
    func skill(_ name: String, level: SkillLevel?) -> String {
        level.map { "\(name) (\(self.level($0)))" } ?? name
    }

    /// ` (did you mean 'word'?)` to end a message, or `fallback` when there is no suggestion.
    public func hint(_ suggestion: String?, orElse fallback: String = "") -> String {
        guard let suggestion else { return fallback }
        return text(" (did you mean '\(suggestion)'?)", " (vouliez-vous dire '\(suggestion)' ?)")
    }

    /// "a, b or c", each word in quotes when asked.
    func orList(_ words: [String], quoted: Bool = false) -> String {
        let quoted = quoted ? words.map { "'\($0)'" } : words
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + text(" or ", " ou ") + quoted.last!
    }

    /// `; ` or ` ; `: between clauses.
    var semicolon: String { text("; ", " ; ") }
}

extension Limited {
    /// Only a count of what was left out.
    init(omitted: Int) where Item == Int { self.init(Array(repeating: 0, count: omitted), limit: 0) }

    /// `… 95 more (--limit 0 for all)`, or nil when nothing was left out.
    func note(in language: Language) -> String? {
        guard omitted > 0 else { return nil }
        return language.text(
            "… \(omitted) more (--limit 0 for all)", "… \(omitted) de plus (--limit 0 pour tout afficher)")
    }
}

/// What `search` found, in words and as JSON.
enum SearchWording {
    static func text(_ reason: SearchHit.Reason, in language: Language) -> String {
        switch reason {
        case .name: return language.text("name", "nom")
        case .tag(let kind, let tag, let level):
            let shown = language.skill(tag, level: level)
            switch kind {
            case .skills: return language.text("skill \(shown)", "compétence \(shown)")
            case .seeking: return language.text("seeks \(shown)", "recherche \(shown)")
            case .offering: return language.text("offers \(shown)", "propose \(shown)")
            case .interests: return language.text("interest \(shown)", "intérêt \(shown)")
            }
        case .organization: return language.text("organisation", "organisation")
        case .bio: return "bio"
        }
    }

    static func json(_ reason: SearchHit.Reason) -> JSONValue {
        switch reason {
        case .name: return .object(["code": .string("name")])
        case .tag(let kind, let tag, let level):
            return .object([
                "code": .string("tag"), "kind": .string(kind.rawValue), "tag": .string(tag),
                "level": .optional(level?.rawValue),
            ])
        case .organization: return .object(["code": .string("organization")])
        case .bio: return .object(["code": .string("bio")])
        }
    }
}

/// Lines the executable prints around the shell, in each language.
public enum ExecutableLine: Sendable {
    case banner
    case noProfilesNote
    /// The pager (as configured) could not run.
    case pagerFailed(String)
}

extension Language {
    public func words(_ line: ExecutableLine) -> String {
        switch line {
        case .banner:
            return text(
                "Patio — type 'help' for the commands, Tab to complete, Ctrl-D to leave.",
                "Patio — tapez 'help' pour l’aide, Tab pour compléter, Ctrl-D pour quitter.")
        case .noProfilesNote: return text("note: no profiles loaded: ", "note : aucun profil chargé : ")
        case .pagerFailed(let pager):
            return text(
                "note: the pager '\(pager)' could not run: output is printed as it is from now on",
                "note : le pager '\(pager)' n’a pas pu s’exécuter : la sortie est affichée telle quelle désormais")
        }
    }
}

extension Language {
    /// A word that agrees with a count: French singular for 0 and 1, plural beyond.
    func agree(_ count: Int, _ singular: String, _ plural: String) -> String {
        (self == .fr ? count <= 1 : count == 1) ? singular : plural
    }

    /// A kind of tag in words.
    func kind(_ kind: TagKind) -> String {
        switch (kind, self) {
        case (_, .en): return kind.rawValue
        case (.skills, .fr): return "compétences"
        case (.interests, .fr): return "intérêts"
        case (.seeking, .fr): return "recherches"
        case (.offering, .fr): return "offres"
        }
    }
}
