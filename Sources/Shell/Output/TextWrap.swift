/// Breaking text into lines no wider than a number of terminal cells, at
/// word boundaries (spaces), by display width: accents count one cell, CJK
/// and emoji two. A word wider than the line is cut only when nothing else
/// can be done (`breakingWords`), between characters.
enum TextWrap {
    /// Lines of whole units when `units` separates them (`" — "` between
    /// people: a name is not broken, even alone), a unit too wide for the line wrapped by words.
    static func lines(_ text: String, width: Int, units separator: String?, breakingWords: Bool = true) -> [String] {
        guard let separator else {
            return lines(text, width: width, breakingWords: breakingWords)
        }
        let parts = text.components(separatedBy: separator)
        let tail = closing(separator)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for (index, part) in parts.enumerated() {
            let unit = index < parts.count - 1 ? part + tail : part
            let unitWidth = DisplayWidth.of(unit)
            if lineWidth > 0 && lineWidth + 1 + unitWidth <= width {
                line += " " + unit
                lineWidth += 1 + unitWidth
                continue
            }
            if lineWidth > 0 { lines.append(line) }
            if unitWidth > width {
                let wrapped = Self.lines(unit, width: width, breakingWords: breakingWords)
                lines += wrapped.dropLast()
                line = wrapped.last ?? ""
                lineWidth = DisplayWidth.of(line)
            } else {
                line = unit
                lineWidth = unitWidth
            }
        }
        lines.append(line)
        return lines
    }

    /// The widest unit (see `lines(_:width:units:)`), or word when there are none.
    static func widestUnit(_ text: String, units separator: String?) -> Int {
        guard let separator else { return widestWord(text) }
        let tail = closing(separator)
        return text.components(separatedBy: separator).map { DisplayWidth.of($0 + tail) }.max() ?? 0
    }

    /// What of a separator ends the unit before it at a line's end: the
    /// separator less its trailing spaces (`" —"` of `" — "`, `","` of `", "`).
    static func closing(_ separator: String) -> String {
        String(separator.reversed().drop { $0 == " " }.reversed())
    }

    static func lines(_ text: String, width: Int, breakingWords: Bool = true) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in gluingSeparators(paragraph.split(separator: " ", omittingEmptySubsequences: true)) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while breakingWords && wordWidth > width {
                    let (head, tail) = split(word, at: width)
                    lines.append(head)
                    word = tail
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// The words, a `·` or `—` between two parts joined to the word before
    /// it, so that a line may end with one but never begins with it.
    private static func gluingSeparators(_ words: [Substring]) -> [Substring] {
        var glued: [Substring] = []
        for word in words {
            if word == "·" || word == "—", let last = glued.popLast() {
                glued.append(Substring(last + " " + word))
            } else {
                glued.append(word)
            }
        }
        return glued
    }

    /// The widest word of `text`, in cells: the narrowest a column can be without cutting one.
    static func widestWord(_ text: String) -> Int {
        text.split(separator: "\n").flatMap { gluingSeparators($0.split(separator: " ")) }.map { DisplayWidth.of($0) }
            .max() ?? 0
    }

    /// `text` cut to `width` cells, ending with `…` when it was cut: after the
    /// last whole item of a list (`a, b…`) when one fits, else after the last
    /// whole word, and inside a word only when the first does not fit.
    static func truncated(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width, width > 1 else { return text }
        var (head, rest) = split(text, at: width - 1)
        let endsWord = rest.first == " " || rest.first == ","
        if !endsWord {
            if let comma = head.range(of: ", ", options: .backwards) {
                head = String(head[..<comma.lowerBound])
            } else if let space = head.lastIndex(of: " ") {
                head = String(head[..<space])
            }
        }
        while head.last == " " || head.last == "," { head.removeLast() }
        return head + "…"
    }

    /// The first characters of `word` that fit in `width` cells (at least
    /// one, however wide), and the rest.
    static func split(_ word: String, at width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let cells = DisplayWidth.of(word[index])
            if used + cells > width && !head.isEmpty { break }
            head.append(word[index])
            used += cells
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}

/// Messages (errors, warnings, notes) fitted to a terminal's width: a line
/// too wide is broken at spaces, never inside a word, each line after its
/// first indented by two spaces so that it reads as the same message. The
/// text is otherwise kept as it is (runs of spaces too); only a word wider
/// than the window (a long path) is cut, where the window ends. Colour codes
/// take no room. Used at the prompt only: scripts and pipes get one line a message.
public enum MessageWrap {
    public static let indent = "  "

    public static func fitted(_ text: String, width: Int) -> String {
        guard width > DisplayWidth.of(indent) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            visibleWidth(line) <= width ? String(line) : broken(line, width: width)
        }.joined(separator: "\n")
    }

    private static func broken(_ line: Substring, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        var used = 0
        for (index, piece) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            var word = String(piece)
            var cells = visibleWidth(word)
            if index > 0 {
                if used + 1 + cells <= width {
                    current += " " + word
                    used += 1 + cells
                    continue
                }
                lines.append(current)
                current = indent
                used = DisplayWidth.of(indent)
            }
            // A word wider than what is left (a long path) is cut where the window ends, as the terminal
            // would, but with the indent; colour codes are never cut.
            while used + cells > width, !word.contains("\u{1B}") {
                let (head, tail) = TextWrap.split(word, at: width - used)
                guard !tail.isEmpty else { break }
                lines.append(current + head)
                current = indent
                used = DisplayWidth.of(indent)
                word = tail
                cells = DisplayWidth.of(tail)
            }
            current += word
            used += cells
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// The cells `text` takes, its SGR colour codes (`ESC [ … m`) taking none.
    static func visibleWidth(_ text: some StringProtocol) -> Int {
        guard text.contains("\u{1B}") else { return DisplayWidth.of(text) }
        var shown = ""
        var inCode = false
        for character in text {
            if inCode {
                if character == "m" { inCode = false }
            } else if character == "\u{1B}" {
                inCode = true
            } else {
                shown.append(character)
            }
        }
        return DisplayWidth.of(shown)
    }
}
