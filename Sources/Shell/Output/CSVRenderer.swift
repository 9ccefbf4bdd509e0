import Foundation

/// RFC 4180 text: the tables of a result, fields as `field,value` rows, blocks
/// separated by an empty line. Headings and notes are for people and are left out.
struct CSVRenderer {
    func render(_ document: Document) -> String {
        var sections: [String] = []
        for block in document.blocks {
            let records: [[String]]
            switch block {
            case .heading, .note: continue
            case .paragraph(let text): records = [[text]]
            case .list(let items): records = items.map { [$0] }
            case .fields(let fields): records = [["field", "value"]] + fields.map { [$0.label, $0.value] }
            case .table(let table): records = [table.columns.map(\.title)] + table.rows
            }
            sections.append(
                records.map { record in
                    CSVFormat.record(record.map { TerminalSafeText.escape($0, keepingLineBreaks: true) })
                }.joined())
        }
        return sections.joined(separator: "\n")
    }
}

/// Writing CSV cells so that a spreadsheet reads them as text: quoted when they
/// hold a separator, a quote or a line break, and a cell that would start a
/// formula (`=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`
/// unless it is a plain number.
public enum CSVFormat {
    public static func record(_ cells: [String], separator: Character = ",") -> String {
        cells.map { cell($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    public static func cell(_ text: String, separator: Character = ",") -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil {
            value = "'" + value
        }
        let needsQuotes =
            value.contains(separator) || value.contains("\"") || value.contains("\n")
            || value.contains("\r") || value.contains("\r\n")
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
