import Foundation

/// Case- and accent-insensitive keys for comparing what people type with what
/// is stored: `Émilie` and `emilie` fold to the same key, `œ` to `oe`.
public enum TextFolding {
    public static func fold(_ text: some StringProtocol) -> String {
        if let quick = quickFold(text) { return quick }
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { !$0.isASCII }) else { return folded }
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        for character in folded {
            switch character {
            case "œ": result += "oe"
            case "æ": result += "ae"
            case "ø": result += "o"
            case "ł": result += "l"
            case "đ", "ð": result += "d"
            case "þ": result += "th"
            case "ı": result += "i"
            case "’", "‘", "ʼ": result += "'"
            case "·", "•": result += "."
            default: result.append(character)
            }
        }
        return result
    }

    /// The fold of a text written only in ASCII and the accented Latin
    /// letters of `quickFolds`, by a table instead of Foundation's folding
    /// (a bridge through NSString, a tenth of a first load of 100,000
    /// profiles); nil for a text with any other character, which Foundation
    /// folds. The same result: `TextFoldingTests` checks it against
    /// Foundation's for every letter of the table.
    static func quickFold(_ text: some StringProtocol) -> String? {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                result.unicodeScalars.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
            } else if let folded = quickFolds[scalar] {
                result += folded
            } else {
                return nil
            }
        }
        return result
    }

    /// Accented Latin letters, either case, by their folds; and the marks `fold` replaces.
    static let quickFolds: [Unicode.Scalar: String] = {
        let bases: [(String, String)] = [
            ("àáâãäå", "a"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ñ", "n"), ("òóôõö", "o"), ("ùúûü", "u"),
            ("ýÿ", "y"), ("œ", "oe"), ("æ", "ae"),
        ]
        var table: [Unicode.Scalar: String] = ["’": "'", "‘": "'", "ʼ": "'", "·": ".", "•": "."]
        for (letters, base) in bases {
            for letter in letters.unicodeScalars {
                table[letter] = base
                for upper in letter.properties.uppercaseMapping.unicodeScalars where upper != letter {
                    table[upper] = base
                }
            }
        }
        return table
    }()

    /// Whether `text` starts with `prefix`, ignoring case and accents.
    public static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        prefix.isEmpty || fold(text).hasPrefix(fold(prefix))
    }

    /// `text` without the spaces and tabs at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (tab and the space separators:
    /// U+0020, no-break spaces, U+3000, …; not line breaks), without its cost
    /// on every field of every profile: `text` itself when there are none.
    public static func trimmingSpaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || scalar == "\t" : scalar.properties.generalCategory == .spaceSeparator
    }
}
