import Foundation

/// GitHub-flavoured Markdown: headings, pipe tables, bulleted fields and lists.
struct MarkdownRenderer {
    func render(_ document: Document) -> String {
        document.blocks.map(render).joined(separator: "\n")
    }

    private func render(_ block: Document.Block) -> String {
        switch block {
        case .heading(let text):
            return "## " + inline(text) + "\n"
        case .paragraph(let text):
            return TerminalSafeText.escape(text, keepingLineBreaks: true) + "\n"
        case .note(let text):
            return "_" + inline(text) + "_\n"
        case .list(let items):
            return items.map { "- " + inline($0) + "\n" }.joined()
        case .fields(let fields):
            return fields.map { field in
                let lines = TerminalSafeText.escape(field.value, keepingLineBreaks: true)
                    .split(separator: "\n", omittingEmptySubsequences: false)
                    .map { escapeMarkup(String($0)) }
                return "- **" + inline(field.label) + ":** " + lines.joined(separator: "  \n  ") + "\n"
            }.joined()
        case .table(let table):
            var output = "| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |\n"
            output +=
                "|" + table.columns.map { $0.alignment == .right ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
            for row in table.rows {
                output += "| " + row.map(cell).joined(separator: " | ") + " |\n"
            }
            return output
        }
    }

    private func inline(_ text: String) -> String {
        escapeMarkup(TerminalSafeText.escape(text))
    }

    private func cell(_ text: String) -> String {
        escapeMarkup(TerminalSafeText.escape(text, keepingLineBreaks: true))
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\n", with: "<br>")
    }

    /// Characters that would turn text into markup are escaped with a backslash.
    private func escapeMarkup(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
