/// The layout for people at a terminal: aligned columns (by display width, so
/// accents and wide characters line up), labelled fields, bold headings.
struct TableRenderer {
    let style: TextStyle

    func render(_ document: Document) -> String {
        var output = ""
        var previous: Document.Block?
        for block in document.blocks {
            if let previous, !isTight(previous, block) { output += "\n" }
            output += render(block)
            previous = block
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

    private func render(_ block: Document.Block) -> String {
        switch block {
        case .heading(let text):
            return style.bold(TerminalSafeText.escape(text)) + "\n"
        case .paragraph(let text):
            return TerminalSafeText.escape(text, keepingLineBreaks: true) + "\n"
        case .note(let text):
            return style.dim(TerminalSafeText.escape(text, keepingLineBreaks: true)) + "\n"
        case .list(let items):
            return items.map { "  • " + TerminalSafeText.escape($0) + "\n" }.joined()
        case .fields(let fields):
            return render(fields)
        case .table(let table):
            return render(table)
        }
    }

    private func render(_ fields: [Field]) -> String {
        let labels = fields.map { TerminalSafeText.escape($0.label) }
        let width = labels.map(DisplayWidth.of).max() ?? 0
        var output = ""
        for (label, field) in zip(labels, fields) {
            let lines = TerminalSafeText.escape(field.value, keepingLineBreaks: true)
                .replacingTabs()
                .split(separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: width + 2)
            output += style.bold(DisplayWidth.pad(label, to: width)) + "  " + (lines.first.map(String.init) ?? "") + "\n"
            for line in lines.dropFirst() { output += indent + line + "\n" }
        }
        return output
    }

    private func render(_ table: Table) -> String {
        let header = table.columns.map { TerminalSafeText.escape($0.title) }
        let rows = table.rows.map { $0.map { TerminalSafeText.escape($0) } }
        var widths = header.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        func line(_ cells: [String], decorate: (String) -> String = { $0 }) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                let alignment = table.columns[index].alignment
                parts.append(isLast && alignment == .left ? cell : DisplayWidth.pad(cell, to: widths[index], alignment: alignment))
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return decorate(text) + "\n"
        }
        var output = line(header, decorate: style.bold)
        output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { output += line(row) }
        return output
    }
}

extension String {
    func replacingTabs() -> String {
        contains("\t") ? split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ") : self
    }
}
