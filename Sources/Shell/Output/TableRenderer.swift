/// The layout for people at a terminal: aligned columns (by display width, so
/// accents and wide characters line up), labelled fields, bold headings.
///
/// Given the window's width, no line is wider: narrow columns keep their
/// width, wide text columns share what is left and wrap at word boundaries
/// inside their own column; when even that cannot fit, the table is shown as
/// records, one field a line (`set expanded` decides: `auto`, `on`, `off`).
/// Without a width (a pipe, a file) nothing is wrapped.
struct TableRenderer {
    let style: TextStyle
    var layout = Layout.unbounded
    /// Asked now and then whether to stop (Ctrl-C at the prompt): a stopped
    /// rendering gives up what it made.
    var stop: RenderingStop?

    /// Columns up to this wide keep their width when a table must narrow.
    static let narrowColumn = 12

    func render(_ document: Document) -> String {
        var output = ""
        var previous: Document.Block?
        for block in document.blocks {
            if let previous, !isTight(previous, block) { output += "\n" }
            output += render(block)
            previous = block
            if stop?.stopped == true { return "" }
        }
        return output
    }

    /// A heading sits right on what it titles; a note on a table stays with it.
    private func isTight(_ previous: Document.Block, _ next: Document.Block) -> Bool {
        if case .heading = previous { return true }
        if case .table = previous, case .note = next { return true }
        if case .paragraph = previous, case .paragraph = next { return true }
        return false
    }

    /// Text wrapped to the window (when there is one), each line through `decorate`.
    private func wrapped(
        _ text: String, indent: String = "", firstIndent: String = "", decorate: (String) -> String = { $0 }
    ) -> String {
        let lines =
            layout.width.map { TextWrap.lines(text, width: max(1, $0 - DisplayWidth.of(indent))) }
            ?? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.enumerated().map { index, line in (index == 0 ? firstIndent : indent) + decorate(line) }.joined(
            separator: "\n") + "\n"
    }

    private func render(_ block: Document.Block) -> String {
        switch block {
        case .heading(let text):
            return wrapped(TerminalSafeText.escape(text), decorate: style.bold)
        case .paragraph(let text):
            // A note's lines after the first are indented, as messages are: they read as one note.
            let isNote = text.hasPrefix("note: ") || text.hasPrefix("note : ") || text.hasPrefix("note\u{A0}: ")
            return wrapped(
                TerminalSafeText.escape(text, keepingLineBreaks: true).replacingTabs(),
                indent: isNote ? MessageWrap.indent : "")
        case .note(let text):
            return wrapped(TerminalSafeText.escape(text, keepingLineBreaks: true).replacingTabs(), decorate: style.dim)
        case .list(let items):
            return items.map { wrapped(TerminalSafeText.escape($0), indent: "    ", firstIndent: "  • ") }.joined()
        case .fields(let fields):
            return render(fields)
        case .table(let table):
            return render(table)
        }
    }

    private func render(_ fields: [Field]) -> String {
        let labels = fields.map { TerminalSafeText.escape($0.label) }
        let width = labels.map(DisplayWidth.of).max() ?? 0
        let indent = String(repeating: " ", count: width + 2)
        let numberWidth =
            fields.filter(\.isNumber).map { DisplayWidth.of(TerminalSafeText.escape($0.value)) }.max() ?? 0
        var output = ""
        for (label, field) in zip(labels, fields) {
            let value = TerminalSafeText.escape(field.value, keepingLineBreaks: true).replacingTabs()
            let lines =
                field.isNumber
                ? [String(repeating: " ", count: max(0, numberWidth - DisplayWidth.of(value))) + value]
                : layout.width.map { TextWrap.lines(value, width: max(10, $0 - width - 2)) }
                    ?? value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            output += style.bold(DisplayWidth.pad(label, to: width)) + "  " + (lines.first ?? "") + "\n"
            for line in lines.dropFirst() { output += indent + line + "\n" }
        }
        return output
    }

    private func render(_ table: Table) -> String {
        let header = table.columns.map { TerminalSafeText.escape($0.title) }
        var rows: [[String]] = []
        rows.reserveCapacity(table.rows.count)
        for (number, row) in table.rows.enumerated() {
            if stop?.shouldStop(at: number) == true { return "" }
            rows.append(row.map { TerminalSafeText.escape($0).replacingTabs() })
        }
        if layout.expanded == .on { return records(header: header, rows: rows) }
        var natural = header.map(DisplayWidth.of)
        for (number, row) in rows.enumerated() {
            if stop?.shouldStop(at: number) == true { return "" }
            for (index, cell) in row.enumerated() { natural[index] = max(natural[index], DisplayWidth.of(cell)) }
        }
        let gaps = 2 * max(0, header.count - 1)
        guard let width = layout.width, natural.reduce(gaps, +) > width else {
            return aligned(table, header: header, rows: rows, widths: natural, wraps: false)
        }
        if let widths = fit(table, header: header, rows: rows, natural: natural, width: width, breakingWords: false) {
            return aligned(table, header: header, rows: rows, widths: widths, wraps: true)
        }
        if layout.expanded == .auto { return records(header: header, rows: rows) }
        // `expanded off`: keep the table, cutting words if it must.
        let widths =
            fit(table, header: header, rows: rows, natural: natural, width: width, breakingWords: true) ?? natural
        return aligned(table, header: header, rows: rows, widths: widths, wraps: true)
    }

    /// Column widths that fit `width`: narrow and right-aligned columns keep
    /// theirs, the others share the rest, none narrower than its widest word
    /// (or than 4 cells when words may be cut); nil when that cannot fit.
    private func fit(
        _ table: Table, header: [String], rows: [[String]], natural: [Int], width: Int, breakingWords: Bool
    ) -> [Int]? {
        let wraps = table.columns.indices.map {
            table.columns[$0].alignment == .left && natural[$0] > Self.narrowColumn
                && table.columns[$0].narrowing != .keepsWidth
        }
        let fixed = table.columns.indices.filter { !wraps[$0] }.reduce(0) { $0 + natural[$1] }
        let available = width - fixed - 2 * max(0, header.count - 1)
        var widths = natural
        var least = [Int](repeating: 0, count: natural.count)
        for index in natural.indices where wraps[index] {
            let units = table.columns[index].breaksAt
            if table.columns[index].narrowing == .truncates {
                least[index] = min(natural[index], max(6, DisplayWidth.of(header[index])))
            } else {
                least[index] =
                    breakingWords
                    ? min(natural[index], 4)
                    : max(
                        TextWrap.widestWord(header[index]),
                        rows.map { TextWrap.widestUnit($0[index], units: units) }.max() ?? 0)
            }
            widths[index] = least[index]
        }
        var room = available - natural.indices.filter { wraps[$0] }.reduce(0) { $0 + least[$1] }
        guard room >= 0, wraps.contains(true) else { return nil }
        // Share the room by what each column still wants, the widest wants first.
        while room > 0 {
            let wanting = natural.indices.filter { wraps[$0] && widths[$0] < natural[$0] }
            guard !wanting.isEmpty else { break }
            let want = wanting.reduce(0) { $0 + natural[$1] - widths[$1] }
            var given = 0
            for index in wanting {
                let share = min(natural[index] - widths[index], room * (natural[index] - widths[index]) / want)
                widths[index] += share
                given += share
            }
            if given == 0, let index = wanting.max(by: { natural[$0] - widths[$0] < natural[$1] - widths[$1] }) {
                widths[index] += 1
                given = 1
            }
            room -= given
        }
        return widths
    }

    /// Rows in columns of these widths; a cell wider than its column wraps
    /// inside it, its continuation lines in the same column.
    private func aligned(_ table: Table, header: [String], rows: [[String]], widths: [Int], wraps: Bool) -> String {
        func lines(_ cells: [String], decorate: (String) -> String = { $0 }) -> String {
            let wrappedCells = cells.enumerated().map { index, cell in
                guard wraps && DisplayWidth.of(cell) > widths[index] else { return [cell] }
                if table.columns[index].narrowing == .truncates {
                    return [TextWrap.truncated(cell, width: widths[index])]
                }
                return TextWrap.lines(cell, width: widths[index], units: table.columns[index].breaksAt)
            }
            let height = wrappedCells.map(\.count).max() ?? 1
            var output = ""
            for line in 0..<height {
                var parts: [String] = []
                for (index, column) in wrappedCells.enumerated() {
                    let text = line < column.count ? column[line] : ""
                    let isLast = index == cells.count - 1
                    let alignment = table.columns[index].alignment
                    parts.append(
                        isLast && alignment == .left
                            ? text : DisplayWidth.pad(text, to: widths[index], alignment: alignment))
                }
                var text = parts.joined(separator: "  ")
                while text.last == " " { text.removeLast() }
                output += decorate(text) + "\n"
            }
            return output
        }
        var output = lines(header, decorate: style.bold)
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (number, row) in rows.enumerated() {
            if stop?.shouldStop(at: number) == true { return "" }
            output += lines(row)
        }
        return output
    }

    /// One record a row: a rule with its number, then one field a line, the
    /// values wrapped beside their labels (psql's `\x`).
    private func records(header: [String], rows: [[String]]) -> String {
        let labelWidth = header.map(DisplayWidth.of).max() ?? 0
        let valueWidth = layout.width.map { max(10, $0 - labelWidth - 2) }
        let ruleWidth = layout.width ?? max(20, labelWidth + 2 + (rows.flatMap { $0.map(DisplayWidth.of) }.max() ?? 0))
        let indent = String(repeating: " ", count: labelWidth + 2)
        var output = ""
        for (number, row) in rows.enumerated() {
            if stop?.shouldStop(at: number) == true { return "" }
            let rule = "-[ \(number + 1) ]"
            output += rule + String(repeating: "-", count: max(0, ruleWidth - rule.count)) + "\n"
            for (label, value) in zip(header, row) {
                let lines = valueWidth.map { TextWrap.lines(value, width: $0) } ?? [value]
                output += style.bold(DisplayWidth.pad(label, to: labelWidth)) + "  " + (lines.first ?? "")
                output = output.trimmingTrailingSpaces() + "\n"
                for line in lines.dropFirst() { output += indent + line + "\n" }
            }
        }
        return output
    }
}

/// Whether a rendering should stop, asked of `isCancelled` every 256 rows
/// of a table: once it says so, the rendering stops and stays stopped.
final class RenderingStop {
    private let isCancelled: () -> Bool
    private(set) var stopped = false

    init(_ isCancelled: @escaping () -> Bool) { self.isCancelled = isCancelled }

    /// Whether to stop before row `row` (asked only every 256 rows).
    func shouldStop(at row: Int) -> Bool {
        if !stopped && row & 255 == 0 && isCancelled() { stopped = true }
        return stopped
    }
}

/// How tables are laid out: the window's width (nil when the output is not
/// a terminal: nothing is wrapped) and when tables become records.
public struct Layout: Sendable, Equatable {
    public var width: Int?
    public var expanded: ExpandedMode

    public init(width: Int?, expanded: ExpandedMode = .auto) {
        self.width = width.map { max(20, $0) }
        self.expanded = expanded
    }

    public static let unbounded = Layout(width: nil)
}

/// `set expanded`: tables as records when they cannot fit (`auto`), always, or never.
public enum ExpandedMode: String, CaseIterable, Sendable {
    case auto, on, off
}

extension String {
    func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }

    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
