/// Text from profiles and files is shown, never obeyed: control characters and
/// escape sequences are written as visible escapes (`\e[31m`, `\x07`), and so
/// are the invisible characters that can disguise text (bidirectional
/// overrides, zero-width spaces and joiners, line and paragraph separators).
/// The JSON writer escapes the same characters as `\uXXXX`.
public enum TerminalSafeText {
    /// - Parameter keepingLineBreaks: keep `\n` and `\t` as they are (free text);
    ///   otherwise they are escaped too (a table cell stays on one line).
    public static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.indices.contains(where: { needsEscape(scalars, at: $0, keepingLineBreaks: keepingLineBreaks) })
        else { return text }
        var result = ""
        for index in scalars.indices {
            let scalar = scalars[index]
            guard needsEscape(scalars, at: index, keepingLineBreaks: keepingLineBreaks) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": result += "\\e"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let hex = String(scalar.value, radix: 16)
                result +=
                    scalar.value < 0x100
                    ? "\\x" + (hex.count < 2 ? "0" : "") + hex
                    : "\\u{" + hex + "}"
            }
        }
        return result
    }

    /// One line for a message: line breaks and tabs are escaped, and a word
    /// longer than `longestWord` characters is shortened to its beginning and
    /// its length, so that a message never runs over several lines nor
    /// echoes a megabyte of input.
    public static func line(_ text: String, longestWord: Int = 120, longest: Int = 1000) -> String {
        let escaped = escape(text)
        guard escaped.utf8.count > longestWord else { return escaped }
        let shortened = shortenedWords(escaped, longestWord: longestWord)
        guard shortened.count > longest else { return shortened }
        return shortened.prefix(longest - 40) + "…[\(escaped.count) characters in all]"
    }

    /// A piece of text echoed inside a sentence (a query, a value): escaped,
    /// and when longer than `longest` characters, its beginning and its length.
    public static func phrase(_ text: String, longest: Int = 120) -> String {
        let escaped = escape(text)
        guard escaped.count > longest else { return escaped }
        return escaped.prefix(longest - 20) + "…[\(escaped.count) characters]"
    }

    private static func shortenedWords(_ escaped: String, longestWord: Int) -> String {
        var result = ""
        for (index, word) in escaped.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { result += " " }
            if word.count > longestWord {
                // Punctuation that ends the word stays after the mark (`path…[300 characters]:`).
                let ending = word.reversed().prefix { ":;,.)'\"".contains($0) }.reversed()
                let opening = word.prefix { "('\"".contains($0) }
                result +=
                    word.prefix(longestWord - 20) + "…[\(word.count - ending.count - opening.count) characters]"
                    + ending
            } else {
                result += word
            }
        }
        return result
    }

    /// Whether the scalar at `index` is shown escaped. A zero-width joiner
    /// stays between two emoji (it draws one picture of them); elsewhere it
    /// hides, like the other zero-width characters.
    static func needsEscape(_ scalars: [Unicode.Scalar], at index: Int, keepingLineBreaks: Bool) -> Bool {
        let scalar = scalars[index]
        if scalar.value == 0x200D {
            return
                !(index > 0 && index + 1 < scalars.count && isEmoji(scalars[index - 1])
                && isEmoji(scalars[index + 1]))
        }
        return isHidden(scalar, keepingLineBreaks: keepingLineBreaks)
    }

    /// Controls, bidirectional controls, zero-width characters (the joiner
    /// aside: see `needsEscape`) and the Unicode line and paragraph separators.
    public static func isHidden(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        case 0x200B, 0x200C, 0x2060...0x2064, 0xFEFF, 0x180E, 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isEmojiPresentation || scalar.value == 0xFE0F
            || (scalar.value >= 0x1F000 && scalar.properties.isEmoji)
    }
}
