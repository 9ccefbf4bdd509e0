import Foundation

/// RFC 4180 text: the tables of a result, fields as `field,value` rows, blocks
/// separated by an empty line. Headings and notes are for people and are left out.
/// Column headers and field labels are a contract for scripts: they come from
/// `headers`, the same result worded in English, whatever the language of the cells.
struct CSVRenderer {
    func render(_ document: Document, headers: Document? = nil) -> String {
        var sections: [String] = []
        let english = headers.map { Array($0.blocks.filter(Self.isData)) }
        for (index, block) in document.blocks.filter(Self.isData).enumerated() {
            let header = english.flatMap { index < $0.count ? $0[index] : nil }
            let records: [[String]]
            switch block {
            case .heading, .note: continue
            case .paragraph(let text): records = [[text]]
            case .list(let items): records = items.map { [$0] }
            case .fields(let fields):
                let labels: [String]
                if case .fields(let englishFields)? = header, englishFields.count == fields.count {
                    labels = englishFields.map(\.label)
                } else {
                    labels = fields.map(\.label)
                }
                records = [["field", "value"]] + zip(labels, fields).map { [$0, $1.value] }
            case .table(let table):
                var titles = table.columns.map(\.title)
                if case .table(let englishTable)? = header, englishTable.columns.count == titles.count {
                    titles = englishTable.columns.map(\.title)
                }
                records = [titles] + table.rows
            }
            sections.append(
                records.map { record in
                    CSVFormat.record(record.map { TerminalSafeText.escape($0, keepingLineBreaks: true) })
                }.joined())
        }
        return sections.joined(separator: "\n")
    }

    static func isData(_ block: Document.Block) -> Bool {
        switch block {
        case .heading, .note: return false
        default: return true
        }
    }
}

/// Writing CSV cells so that a spreadsheet reads them as text: quoted when they
/// hold a separator, a quote or a line break, and a cell that would start a
/// formula (`=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`
/// unless it is a plain number.
/// The characters no written file should carry: the C0 controls but tab,
/// line feed and carriage return, DEL and the C1 controls (ESC starts the
/// sequences that recolour or clear a terminal), and the bidirectional
/// embeddings, overrides and isolates (they can show text reversed, to
/// disguise it).
enum ControlCharacters {
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// The same, tab and line breaks too: for the formats that write those their own way, or not at all.
    static func isDroppedWithBreaks(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || isDropped(scalar) }
}

public enum CSVFormat {
    public static func record(_ cells: [String], separator: Character = ",") -> String {
        cells.map { cell($0, separator: separator) }.joined(separator: String(separator)) + "\r\n"
    }

    public static func cell(_ text: String, separator: Character = ",") -> String {
        // No control character reaches a file a terminal may show (`cat`) or a spreadsheet reads: tabs and line breaks stay.
        var value = String(String.UnicodeScalarView(text.unicodeScalars.filter { !ControlCharacters.isDropped($0) }))
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
