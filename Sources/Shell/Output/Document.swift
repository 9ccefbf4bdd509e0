/// What a command shows, as blocks that every text renderer lays out its own
/// way. The JSON of a result is written separately (see `Presentable`), because
/// it is a contract and must not change when the layout does.
public struct Document: Sendable, Equatable {
    public var blocks: [Block]

    public init(_ blocks: [Block] = []) { self.blocks = blocks }

    public enum Block: Sendable, Equatable {
        /// A title above what follows.
        case heading(String)
        /// Free text; newlines are kept.
        case paragraph(String)
        /// Labelled values, one a line: a profile card, a summary.
        case fields([Field])
        case table(Table)
        /// A bulleted list.
        case list([String])
        /// A secondary remark: counts, hints. Shown dimmed, left out of CSV.
        case note(String)
    }

    public static func message(_ text: String) -> Document { Document([.paragraph(text)]) }
}

public struct Field: Sendable, Equatable {
    public var label: String
    public var value: String
    /// A number: on a terminal, the numbers of a block of fields are
    /// right-aligned together, so that their decimal marks line up.
    public var isNumber: Bool

    public init(_ label: String, _ value: String, isNumber: Bool = false) {
        self.label = label
        self.value = value
        self.isNumber = isNumber
    }
}

public struct Table: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        public var alignment: Alignment
        /// Where a cell may break when the column wraps (`" — "` between people); at spaces otherwise.
        public var breaksAt: String?
        /// What the column does when the table must narrow.
        public var narrowing: Narrowing

        public init(
            _ title: String, alignment: Alignment = .left, breaksAt: String? = nil, narrowing: Narrowing = .wraps
        ) {
            self.title = title
            self.alignment = alignment
            self.breaksAt = breaksAt
            self.narrowing = narrowing
        }
    }

    /// How a column gives up width: its cells wrap, are cut with `…` (a list
    /// that keeps one line a row; the whole text is one command away), or it
    /// keeps its width.
    public enum Narrowing: Sendable, Equatable {
        case wraps, truncates, keepsWidth
    }

    public enum Alignment: Sendable, Equatable { case left, right }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows.map { row in
            row.count >= columns.count
                ? Array(row.prefix(columns.count))
                : row + Array(repeating: "", count: columns.count - row.count)
        }
    }
}

/// A command's result as something to show: the document for people, the
/// JSON for programs.
public protocol Presentable {
    /// What people read, in `language`.
    func document(in language: Language) -> Document
    /// What programs read: keys never change; worded text is in `language`, beside the facts' codes.
    func json(in language: Language) -> JSONValue
}

/// A line of text: `{"message": "…"}` in JSON.
public struct Message: Presentable, Equatable {
    public var text: String

    public init(_ text: String) { self.text = text }

    public func document(in language: Language) -> Document { .message(text) }
    public func json(in language: Language) -> JSONValue { .object(["message": .string(text)]) }
}
