import Foundation

/// The language Patio speaks to people. Command names, option names, JSON
/// keys and CSV headers stay the same in every language: they are the
/// language of scripts.
public enum Language: String, CaseIterable, Sendable, ChoiceWord {
    case en, fr

    /// The language the environment asks for, read from the variables'
    /// values (a French locale need not be installed): `PATIO_LANG` first,
    /// then the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and
    /// not empty, as the C library orders them. French when it starts with
    /// `fr`, English otherwise.
    public static func chosen(by environment: [String: String]) -> Language {
        if let asked = environment["PATIO_LANG"], let language = Language(word: asked) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let lowered = value.lowercased()
            let isFrench =
                lowered == "fr" || (lowered.hasPrefix("fr") && "_-.@".contains(lowered.dropFirst(2).first ?? " "))
            return isFrench ? .fr : .en
        }
        return .en
    }

    /// `fr`, `fr_FR.UTF-8`, `French`, `français` → French; `en…` → English; anything else → nil.
    public init?(word: String) {
        let word = word.lowercased()
        if word == "fr" || word == "french" || word == "français" || word == "francais"
            || (word.hasPrefix("fr") && "_-.@".contains(word.dropFirst(2).first ?? " "))
        {
            self = .fr
        } else if word == "en" || word == "english" || word == "anglais" || word == "c" || word == "posix"
            || (word.hasPrefix("en") && "_-.@".contains(word.dropFirst(2).first ?? " "))
        {
            self = .en
        } else {
            return nil
        }
    }

    /// The text of this language: both must be given, so that a sentence
    /// missing in one language does not compile. The French is typeset
    /// (see `FrenchText`).
    public func text(_ english: String, _ french: @autoclosure () -> FrenchText) -> String {
        switch self {
        case .en: return english
        case .fr: return french().text
        }
    }

    /// How this language words the facts of a draft.
    var draftWording: any DraftWording {
        switch self {
        case .en: return EnglishDraftWording()
        case .fr: return FrenchDraftWording()
        }
    }

    /// `BCP 47` tag for documents (`lang="fr"`).
    var tag: String { rawValue }
}

/// French as written by hand, from a string literal: the literal's own
/// spaces before `:` `;` `?` `!` and inside `« »` become non-breaking, as
/// French typography asks; what is interpolated (names, tags, paths) is
/// kept exactly as it is.
public struct FrenchText: ExpressibleByStringInterpolation, Sendable {
    public private(set) var text: String

    public init(stringLiteral value: String) { text = Self.typeset(value) }

    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity) }

        public mutating func appendLiteral(_ literal: String) { text += FrenchText.typeset(literal) }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { text += value.description }

        public mutating func appendInterpolation(_ value: String?) { text += value ?? "" }
    }

    /// Non-breaking spaces where French typography wants them.
    static func typeset(_ literal: String) -> String {
        guard literal.contains(where: { ":;?!«»%".contains($0) }) else { return literal }
        var result = ""
        result.reserveCapacity(literal.count)
        var previous: Character?
        for character in literal {
            if character == " ", previous == "«" {
                result.append("\u{A0}")
            } else if ":;?!»%".contains(character), previous == " " {
                result.removeLast()
                // A thin space before ; ? ! and a normal one before : » and %, all unbreakable.
                result.append(";?!".contains(character) ? "\u{202F}" : "\u{A0}")
                result.append(character)
            } else {
                result.append(character)
            }
            previous = character
        }
        return result
    }
}

/// Numbers, counts and dates as each language writes them.
extension Language {
    /// Scores are kept in thousandths of a point, shown with two decimals
    /// (half a hundredth rounded away from zero) and the whole part grouped
    /// as counts are: `444.55`, `15,550.71`; `444,55`, `15 550,71`. With
    /// `exact`, all three decimals: the thousandths the engine adds up.
    func points(_ score: Int64, exact: Bool = false) -> String {
        let magnitude = score.magnitude
        let (whole, fraction) =
            exact
            ? (magnitude / 1000, String(magnitude % 1000).leftPadded(to: 3))
            : ((magnitude + 5) / 1000, String((magnitude + 5) % 1000 / 10).leftPadded(to: 2))
        let sign = score < 0 && (exact || (magnitude + 5) / 10 > 0) ? "-" : ""
        return sign + grouped(digits: String(whole)) + (self == .fr ? "," : ".") + fraction
    }

    /// A decimal with `digits` places: `3.5`, `3,5`.
    func decimal(_ value: Double, digits: Int = 1) -> String {
        let text = String(format: "%.\(digits)f", value)
        return self == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A number written as digits, grouped (`18446744073709551615` → `18 446 744 073 709 551 615`); other text as it is.
    func grouped(digits text: String) -> String {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return text }
        let separator = self == .fr ? "\u{202F}" : ","
        let count = text.count
        var result = ""
        for (index, character) in text.enumerated() {
            if index > 0 && (count - index) % 3 == 0 { result += separator }
            result.append(character)
        }
        return result
    }

    /// `61,234` or `61 234` (a narrow non-breaking space groups French thousands).
    func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(digits: String(value.magnitude))
    }

    /// "1 member", "3 members"; French: "0 table", "1 table", "2 tables".
    func counted(
        _ count: Int, _ english: String, _ french: String, englishPlural: String? = nil, frenchPlural: String? = nil
    )
        -> String
    {
        switch self {
        case .en: return "\(grouped(count)) " + (count == 1 ? english : englishPlural ?? english + "s")
        case .fr: return "\(grouped(count)) " + (count <= 1 ? french : frenchPlural ?? french + "s")
        }
    }

    /// A day in words: `Tuesday 8 December 2026`, `mardi 8 décembre 2026`.
    func day(_ date: Date, in timeZone: TimeZone = .current) -> String {
        let words = dateAndTime(date, in: timeZone)
        return String(
            words[..<(words.range(of: self == .fr ? " à " : " at ", options: .backwards)?.lowerBound ?? words.endIndex)]
        )
    }

    /// A day and an hour in words: `Tuesday 8 December 2026 at 10:00`,
    /// `mardi 8 décembre 2026 à 10 h`.
    func dateAndTime(_ date: Date, in timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute], from: date)
        let weekday = (parts.weekday ?? 1) - 1
        let month = (parts.month ?? 1) - 1
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        switch self {
        case .en:
            let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
            let months = [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            return "\(days[weekday]) \(parts.day ?? 1) \(months[month]) \(parts.year ?? 0) at "
                + String(format: "%02d:%02d", hour, minute)
        case .fr:
            let days = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
            let months = [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre",
            ]
            let day = parts.day == 1 ? "1er" : String(parts.day ?? 1)
            let time = minute == 0 ? "\(hour)\u{A0}h" : "\(hour)\u{A0}h\u{A0}" + String(format: "%02d", minute)
            return "\(days[weekday]) \(day) \(months[month]) \(parts.year ?? 0) à \(time)"
        }
    }
}

extension Language {
    /// What the system said stood in the way of a file (`errno`): in French
    /// for the usual causes, else the system's own words (English, whatever
    /// the locale).
    func systemError(_ code: Int32) -> String {
        if self == .fr {
            switch code {
            case EACCES, EPERM: return "permission refusée"
            case EROFS: return "système de fichiers en lecture seule"
            case ENOSPC: return "plus de place sur le disque"
            case EDQUOT: return "quota de disque dépassé"
            case ENAMETOOLONG: return "nom de fichier trop long"
            case ENOENT: return "fichier ou dossier introuvable"
            case ENOTDIR: return "un élément du chemin n’est pas un dossier"
            case EISDIR: return "c’est un dossier"
            case EIO: return "erreur d’entrée-sortie"
            case EBADF: return "descripteur de fichier invalide"
            default: break
            }
        }
        return String(cString: strerror(code)).lowercased()
    }
}

extension String {
    /// The string with zeros before it up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
