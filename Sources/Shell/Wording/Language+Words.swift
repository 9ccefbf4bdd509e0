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
        listed(words, quoted: quoted, last: text(" or ", " ou "))
    }

    /// "a, b and c", each word in quotes when asked.
    func andList(_ words: [String], quoted: Bool = false) -> String {
        listed(words, quoted: quoted, last: text(" and ", " et "))
    }

    private func listed(_ words: [String], quoted: Bool, last: String) -> String {
        let quoted = quoted ? words.map { "'\($0)'" } : words
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + last + quoted.last!
    }

    /// `; ` or ` ; `: between clauses.
    var semicolon: String { text("; ", " ; ") }
}

extension Limited {

    /// `… 1,238 more (--limit 0 for all)`, or nil when nothing was left out.
    func note(in language: Language) -> String? { language.moreNote(omitted) }
}

extension Language {
    /// `… 1,238 more (--limit 0 for all)`, or nil when nothing was left out.
    func moreNote(_ omitted: Int) -> String? {
        guard omitted > 0 else { return nil }
        return text(
            "… \(grouped(omitted)) more (--limit 0 for all)",
            "… \(grouped(omitted)) de plus (--limit 0 pour tout afficher)")
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

/// Lines printed around the shell and the commands' results (not by a command), in each language.
public enum ExecutableLine: Sendable {
    case banner
    case noProfilesNote
    /// The pager (as configured) could not run.
    case pagerFailed(String)
    /// `PATIO_LANG` names no language Patio speaks.
    case unknownLanguage(String)
    /// Ctrl-C stopped a result as it was being shown; the command had done its work.
    case outputStopped
    /// Tab found more candidates than the window holds: list them all?
    case showAllCandidates(Int)
    /// Ctrl-D or `quit` at the prompt while a draft (and `planned` rounds after
    /// it) is not committed: the shell stays, and a second time leaves.
    /// `recordable`: false when the ledger can only be read (nothing can be committed).
    case uncommittedDraft(planned: Int, recordable: Bool)
}

extension Language {
    public func words(_ line: ExecutableLine) -> String {
        switch line {
        case .banner:
            return text(
                "Patio — type 'help' for the commands, Tab to complete, Ctrl-D to leave.",
                "Patio — tapez 'help' pour l’aide, Tab pour compléter, Ctrl-D pour quitter.")
        case .noProfilesNote: return text("note: no profiles loaded: ", "note : aucun profil chargé : ")
        case .unknownLanguage(let value):
            return text(
                "note: PATIO_LANG='\(value)' is neither fr nor en: ignored",
                "note : PATIO_LANG='\(value)' n’est ni fr ni en : ignoré")
        case .showAllCandidates(let count):
            return text(
                "Display all \(grouped(count)) possibilities? (y or n)",
                "Afficher les \(grouped(count)) possibilités ? (o ou n)")
        case .outputStopped:
            return text(
                "note: output stopped (Ctrl-C); the command itself was carried out",
                "note : affichage interrompu (Ctrl-C) ; la commande elle-même a été exécutée")
        case .uncommittedDraft(_, recordable: false):
            return text(
                "note: the draft is not committed, and cannot be here: the ledger can only be read ('export FILE' keeps a copy); Ctrl-D or 'quit' again leaves without it",
                "note : le brouillon n’est pas enregistré, et ne peut pas l’être ici : le registre ne peut qu’être lu ('export FICHIER' en garde une copie) ; Ctrl-D ou 'quit' une seconde fois part sans lui"
            )
        case .uncommittedDraft(let planned, _) where planned > 0:
            return text(
                "note: the draft and \(planned == 1 ? "the planned round" : "the \(grouped(planned)) planned rounds") after it are not committed ('commit --all' records them); Ctrl-D or 'quit' again leaves without them",
                "note : le brouillon et \(planned == 1 ? "le tour planifié" : "les \(grouped(planned)) tours planifiés") après lui ne sont pas enregistrés ('commit --all' les enregistre) ; Ctrl-D ou 'quit' une seconde fois part sans eux"
            )
        case .uncommittedDraft:
            return text(
                "note: the draft is not committed ('commit' records it); Ctrl-D or 'quit' again leaves without it",
                "note : le brouillon n’est pas enregistré ('commit' l’enregistre) ; Ctrl-D ou 'quit' une seconde fois part sans lui"
            )
        case .pagerFailed(let pager):
            return text(
                "note: the pager '\(pager)' could not run: output is printed as it is from now on",
                "note : le paginateur '\(pager)' n’a pas pu s’exécuter : la sortie est affichée telle quelle désormais")
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

extension Language {
    /// A time slot as people read it: `tue-pm` in English (as profiles write it), `mardi après-midi` in French.
    func slot(_ code: String) -> String {
        guard self == .fr else { return code }
        let days = [
            "mon": "lundi", "tue": "mardi", "wed": "mercredi", "thu": "jeudi", "fri": "vendredi", "sat": "samedi",
            "sun": "dimanche",
        ]
        let parts = ["am": "matin", "pm": "après-midi", "eve": "soir"]
        let halves = code.split(separator: "-").map(String.init)
        guard halves.count == 2, let day = days[halves[0]], let part = parts[halves[1]] else { return code }
        return day + " " + part
    }

    func slots(_ codes: [String]) -> String { codes.map(slot).joined(separator: ", ") }

    /// Languages as people read them: the codes profiles hold in English, names in French.
    func languages(_ codes: [String]) -> String {
        let names =
            self == .fr
            ? [
                "fr": "français", "en": "anglais", "es": "espagnol", "de": "allemand", "it": "italien",
                "pt": "portugais", "nl": "néerlandais", "ar": "arabe", "zh": "chinois", "ja": "japonais",
                "ko": "coréen", "ru": "russe", "pl": "polonais", "tr": "turc", "lsf": "langue des signes française",
            ]
            : [
                "fr": "French", "en": "English", "es": "Spanish", "de": "German", "it": "Italian",
                "pt": "Portuguese", "nl": "Dutch", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese",
                "ko": "Korean", "ru": "Russian", "pl": "Polish", "tr": "Turkish", "lsf": "French Sign Language",
            ]
        return codes.map { names[$0] ?? $0 }.joined(separator: ", ")
    }

    /// A profile's field by its key: `skills`, or `compétences`.
    func field(_ key: String) -> String {
        guard self == .fr else { return key }
        let french = [
            "id": "identifiant", "name": "nom", "role": "rôle", "organization": "organisation", "wing": "aile",
            "languages": "langues", "skills": "compétences", "interests": "intérêts", "seeking": "recherche",
            "offering": "propose", "availability": "disponibilités", "capacity": "capacité", "contact": "contact",
            "bio": "bio", "first name": "prénom", "last name": "nom de famille",
        ]
        return french[key] ?? key
    }

    /// A mode as people read it: `pairs`, `paires`; a stable mentoring round as the ledger names it
    /// (`mentoring-stable`), or `mentorat, stable`.
    func mode(_ word: String) -> String {
        guard self == .fr else { return word }
        let stable = word.hasSuffix("-stable")
        let base = stable ? String(word.dropLast("-stable".count)) : word
        let french = ["pairs": "paires", "mentoring": "mentorat", "circles": "cercles"][base] ?? base
        return french + (stable ? ", stable" : "")
    }
}

extension Language {
    /// A setting's value as people read it: a decimal with a comma in French (`0,5`), a word as it is.
    func settingValue(_ value: String) -> String {
        guard self == .fr, value.contains("."), Double(value) != nil else { return value }
        return value.replacingOccurrences(of: ".", with: ",")
    }
}
