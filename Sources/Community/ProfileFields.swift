import Foundation

/// The keys of a profile file, with the French words accepted for them.
enum ProfileField: String, CaseIterable, Sendable {
    case id, name, role, organization, wing, languages, skills, interests, seeking, offering, availability, capacity,
        contact, bio

    var frenchWords: [String] {
        switch self {
        case .id: return ["identifiant"]
        case .name: return ["nom"]
        case .role: return ["rôle", "statut"]
        case .organization: return ["organisation", "organisme", "structure"]
        case .wing: return ["aile"]
        case .languages: return ["langues"]
        case .skills: return ["compétences"]
        case .interests: return ["centres d'intérêt", "intérêts"]
        case .seeking: return ["recherche", "cherche"]
        case .offering: return ["propose", "offre"]
        case .availability: return ["disponibilités"]
        case .capacity: return ["capacité"]
        case .contact: return ["courriel", "email"]
        case .bio: return ["biographie", "présentation"]
        }
    }

    /// The field a key names, in English or French, whatever the case and accents.
    init?(key: String) {
        // Most keys are written as the field's name: no folding needed.
        if let field = Self(rawValue: key) {
            self = field
            return
        }
        let folded = Taxonomy.fold(key)
        guard let field = Self.foldedSpellings[folded] else { return nil }
        self = field
    }

    /// Every spelling of every field, folded once.
    static let foldedSpellings: [String: ProfileField] = {
        var spellings: [String: ProfileField] = [:]
        for field in allCases {
            for word in [field.rawValue] + field.frenchWords {
                spellings[Taxonomy.fold(word)] = spellings[Taxonomy.fold(word)] ?? field
            }
        }
        return spellings
    }()
}

/// Language codes from what people write: `fr`, `français`, `English`, `Espagnol`, …
public enum LanguageCode {
    static let names: [String: String] = [
        "fr": "fr", "francais": "fr", "french": "fr", "fra": "fr",
        "en": "en", "anglais": "en", "english": "en", "eng": "en",
        "es": "es", "espagnol": "es", "spanish": "es", "castillan": "es",
        "de": "de", "allemand": "de", "german": "de", "deutsch": "de",
        "it": "it", "italien": "it", "italian": "it",
        "nl": "nl", "neerlandais": "nl", "dutch": "nl", "flamand": "nl",
        "pt": "pt", "portugais": "pt", "portuguese": "pt",
        "ar": "ar", "arabe": "ar", "arabic": "ar",
        "zh": "zh", "chinois": "zh", "chinese": "zh", "mandarin": "zh",
        "ja": "ja", "japonais": "ja", "japanese": "ja",
        "ko": "ko", "coreen": "ko", "korean": "ko",
        "pl": "pl", "polonais": "pl", "polish": "pl",
        "ru": "ru", "russe": "ru", "russian": "ru",
        "uk": "uk", "ukrainien": "uk", "ukrainian": "uk",
        "tr": "tr", "turc": "tr", "turkish": "tr",
        "ro": "ro", "roumain": "ro", "romanian": "ro",
        "lsf": "lsf", "langue des signes": "lsf",
    ]

    /// Names worth suggesting for a mistyped one, as people write them.
    static let spellings = [
        "français", "anglais", "espagnol", "allemand", "italien", "néerlandais", "portugais", "arabe", "chinois",
        "japonais", "coréen", "polonais", "russe", "ukrainien", "turc", "roumain", "langue des signes", "french",
        "english", "spanish", "german", "italian", "dutch", "portuguese", "arabic", "chinese", "japanese", "korean",
        "polish", "russian", "ukrainian", "turkish", "romanian",
    ]

    /// Whether `text` names a language Patio knows (a code or a name).
    public static func isKnown(_ text: String) -> Bool { names[Taxonomy.fold(text)] != nil }

    /// For a language Patio does not know, the known one it is most likely a
    /// typo of; nil when it is known, or looks like none (another language).
    public static func typo(_ text: String) -> String? {
        guard !isKnown(text) else { return nil }
        return Suggestions.nearest(to: text, among: spellings, reach: .likelyTypo)
    }

    /// The code for a language name or code; unknown names are kept, folded.
    public static func code(for text: String) -> String {
        let folded = Taxonomy.fold(text)
        return names[folded] ?? folded
    }
}

/// Time slots (`tue-pm`) from what people write: `Tue PM`, `mardi après-midi`, `mar-matin`.
public enum AvailabilitySlot {
    static let days: [String: String] = [
        "mon": "mon", "monday": "mon", "lun": "mon", "lundi": "mon",
        "tue": "tue", "tuesday": "tue", "mar": "tue", "mardi": "tue",
        "wed": "wed", "wednesday": "wed", "mer": "wed", "mercredi": "wed",
        "thu": "thu", "thursday": "thu", "jeu": "thu", "jeudi": "thu",
        "fri": "fri", "friday": "fri", "ven": "fri", "vendredi": "fri",
        "sat": "sat", "saturday": "sat", "sam": "sat", "samedi": "sat",
        "sun": "sun", "sunday": "sun", "dim": "sun", "dimanche": "sun",
    ]
    static let parts: [String: String] = [
        "am": "am", "morning": "am", "matin": "am", "matinee": "am",
        "pm": "pm", "afternoon": "pm", "apres midi": "pm", "aprem": "pm", "apresmidi": "pm",
        "eve": "eve", "evening": "eve", "soir": "eve", "soiree": "eve",
    ]

    /// `tue-pm`, or nil when the text is not a day and a part of the day.
    public static func normalize(_ text: String) -> String? {
        let words = Taxonomy.fold(text).split(separator: " ").map(String.init)
        guard let first = words.first, let day = days[first] else { return nil }
        let rest = words.dropFirst().joined(separator: " ")
        guard let part = parts[rest] else { return nil }
        return day + "-" + part
    }
}
