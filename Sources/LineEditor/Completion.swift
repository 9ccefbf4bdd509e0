import CEditLineShim

/// What a completer proposes for the word before the cursor.
public struct Completion: Sendable, Equatable {
    /// How many characters (Unicode scalars) before the cursor the candidates replace.
    public var replacing: Int
    public var candidates: [Candidate]
    /// What several candidates have in common, ready to insert; nil lists them instead.
    public var commonText: String?

    public init(replacing: Int, candidates: [Candidate], commonText: String? = nil) {
        self.replacing = replacing
        self.candidates = candidates
        self.commonText = commonText
    }

    public static let none = Completion(replacing: 0, candidates: [])
}

/// One proposal: the text that replaces the typed word, and how to list it.
public struct Candidate: Sendable, Equatable {
    /// The replacement, already quoted for the command line.
    public var replacement: String
    /// What the list of candidates shows (a member's name, say, without quotes).
    public var label: String
    /// A finished word gets a space after it; a directory or a prefix does not.
    public var isFinished: Bool

    public init(replacement: String, label: String? = nil, isFinished: Bool = true) {
        self.replacement = replacement
        self.label = label ?? replacement
        self.isFinished = isFinished
    }
}

/// What the editor does with a completion: nothing, edit the line, or list.
enum CompletionAction: Equatable {
    case beep
    case replace(count: Int, with: String)
    case list([String])

    /// One candidate replaces the word; several replace it with their longest
    /// common prefix when that adds to what was typed (or fixes its spelling:
    /// `emi` becomes `Émil`), and are listed otherwise.
    init(_ completion: Completion, typed: String) {
        let candidates = completion.candidates
        guard let first = candidates.first else {
            self = .beep
            return
        }
        if candidates.count == 1 {
            let suffix = first.isFinished ? " " : ""
            self = .replace(count: completion.replacing, with: first.replacement + suffix)
            return
        }
        guard let prefix = completion.commonText else {
            self = .list(candidates.map(\.label))
            return
        }
        // An opening quote alone is no progress: the candidates are worth seeing then.
        let unquoted = { (text: String) in text.first == "\"" || text.first == "'" ? String(text.dropFirst()) : text }
        let gained = unquoted(prefix)
        let had = unquoted(typed)
        if !gained.isEmpty && gained.count >= had.count && prefix != typed {
            self = .replace(count: completion.replacing, with: prefix)
        } else {
            self = .list(candidates.map(\.label))
        }
    }
}

/// Lays out labels in columns, filled top to bottom, to fit `width` cells.
func columnLayout(_ labels: [String], width: Int) -> [String] {
    guard !labels.isEmpty else { return [] }
    let widths = labels.map(terminalWidth)
    let cell = (widths.max() ?? 0) + 2
    let columns = max(1, min(labels.count, width / max(cell, 1)))
    let rows = (labels.count + columns - 1) / columns
    return (0..<rows).map { row in
        var line = ""
        for column in 0..<columns {
            let index = column * rows + row
            guard index < labels.count else { break }
            let isLast = column == columns - 1 || (column + 1) * rows + row >= labels.count
            line += labels[index]
            if !isLast { line += String(repeating: " ", count: cell - widths[index]) }
        }
        return line
    }
}

/// Cells the terminal gives `text`, from the C library's idea of each character.
func terminalWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
        total + max(0, Int(cel_character_width(scalar.value)))
    }
}
