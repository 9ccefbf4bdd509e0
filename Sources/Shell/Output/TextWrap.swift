/// Breaking text into lines no wider than a number of terminal cells, at
/// word boundaries (spaces), by display width: accents count one cell, CJK
/// and emoji two. A word wider than the line is cut only when nothing else
/// can be done (`breakingWords`), between characters.
enum TextWrap {
    static func lines(_ text: String, width: Int, breakingWords: Bool = true) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
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

    /// The widest word of `text`, in cells: the narrowest a column can be without cutting one.
    static func widestWord(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { DisplayWidth.of($0) }.max() ?? 0
    }

    /// The first characters of `word` that fit in `width` cells, and the rest.
    private static func split(_ word: String, at width: Int) -> (String, String) {
        var head = "", used = 0
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
