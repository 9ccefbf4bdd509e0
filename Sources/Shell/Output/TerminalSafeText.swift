/// Text from profiles and files is shown, never obeyed: control characters and
/// escape sequences are written as visible escapes (`\e[31m`, `\x07`), and so
/// are the invisible bidirectional overrides that can disguise text.
public enum TerminalSafeText {
    /// - Parameter keepingLineBreaks: keep `\n` and `\t` as they are (free text);
    ///   otherwise they are escaped too (a table cell stays on one line).
    public static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) })
        else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) else {
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

    static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
