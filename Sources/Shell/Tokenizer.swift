/// A word of a command line, after quotes and backslashes are taken away.
public struct Token: Equatable, Sendable {
    public var text: String
    /// Column of the word's first character, counting from 1.
    public var column: Int
    /// Whether any part of the word was quoted or escaped: `"--help"` is then
    /// a plain argument, not an option.
    public var isQuoted: Bool

    public init(_ text: String, column: Int, isQuoted: Bool = false) {
        self.text = text
        self.column = column
        self.isQuoted = isQuoted
    }
}

/// Splits a command line into words, as a POSIX shell would for its simple cases:
/// - words are separated by spaces or tabs;
/// - `'…'` keeps everything inside literally;
/// - `"…"` keeps everything inside, except that `\"` and `\\` stand for `"` and `\`;
/// - outside quotes, a backslash makes the next character literal (`\ `, `\#`, `\'`);
/// - `#` at the start of a word begins a comment that runs to the end of the line.
public enum Tokenizer {
    public static func tokenize(_ line: String) throws(ShellError) -> [Token] {
        let scan = scan(line)
        if let quote = scan.openQuote {
            throw ShellError.unterminatedQuote(quote, column: scan.openQuoteColumn)
        }
        return scan.tokens
    }

    /// What the line looks like, including an unfinished last word: completion
    /// works on lines that are not finished yet.
    struct Scan {
        var tokens: [Token] = []
        /// Where each token starts in the line, quotes included.
        var starts: [String.Index] = []
        var openQuote: Character?
        var openQuoteColumn = 0
        var isInComment = false
        /// The last token runs up to the end of the line.
        var endsInWord = false
    }

    static func scan(_ line: String) -> Scan {
        var scan = Scan()
        var word = ""
        var wordStart: String.Index?
        var wordColumn = 0
        var isQuoted = false
        var quote: Unicode.Scalar?
        var escaping = false
        var column = 0

        func finishWord() {
            guard let start = wordStart else { return }
            scan.tokens.append(Token(word, column: wordColumn, isQuoted: isQuoted))
            scan.starts.append(start)
            word = ""
            wordStart = nil
            isQuoted = false
        }

        // Scalar by scalar: a space or a quote followed by a combining mark
        // or a joiner is one Character, yet still a space or a quote here.
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if !Self.joinsThePrevious(scalar) { column += 1 }
            defer { index = scalars.index(after: index) }
            if escaping {
                word.unicodeScalars.append(scalar)
                escaping = false
                continue
            }
            if let open = quote {
                if scalar == open {
                    quote = nil
                } else if open == "\"" && scalar == "\\" {
                    let next = scalars.index(after: index)
                    if next < scalars.endIndex, scalars[next] == "\"" || scalars[next] == "\\" {
                        escaping = true
                    } else {
                        word.unicodeScalars.append(scalar)
                    }
                } else {
                    word.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case " ", "\t", "\r", "\n":
                finishWord()
            case "#" where wordStart == nil:
                scan.isInComment = true
                scan.endsInWord = false
                return scan
            default:
                if wordStart == nil {
                    wordStart = index
                    wordColumn = column
                }
                switch scalar {
                case "'", "\"":
                    quote = scalar
                    scan.openQuoteColumn = column
                    isQuoted = true
                case "\\":
                    escaping = true
                    isQuoted = true
                default:
                    word.unicodeScalars.append(scalar)
                }
            }
        }
        if escaping { word.append("\\") }
        scan.openQuote = quote.map(Character.init)
        scan.endsInWord = wordStart != nil
        finishWord()
        return scan
    }

    /// A scalar drawn with the one before it (a combining mark, a joiner, a
    /// variation selector): it takes no column of its own.
    static func joinsThePrevious(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value)
        }
    }

    /// `word` written so that the tokenizer reads it back unchanged: bare when
    /// it can be, in double quotes otherwise. `closing: false` leaves the quote open for
    /// a word still being completed.
    /// Characters a bare word cannot hold.
    static func needsQuoting(_ scalar: Unicode.Scalar) -> Bool {
        [" ", "\t", "\r", "\n", "'", "\"", "\\", "#"].contains(scalar)
    }

    public static func quote(_ word: String, using preferred: Character? = nil, closing: Bool = true) -> String {
        let needsQuotes = preferred != nil || word.isEmpty || word.unicodeScalars.contains(where: needsQuoting)
        guard needsQuotes else { return word }
        let quoteCharacter: Character = preferred == "'" && !word.unicodeScalars.contains("'") ? "'" : "\""
        var body = ""
        for scalar in word.unicodeScalars {
            if quoteCharacter == "\"" && (scalar == "\"" || scalar == "\\") { body.unicodeScalars.append("\\") }
            body.unicodeScalars.append(scalar)
        }
        return String(quoteCharacter) + body + (closing ? String(quoteCharacter) : "")
    }
}
