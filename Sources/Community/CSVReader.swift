import Foundation

/// A careful CSV reader for what spreadsheets and form tools really export:
/// comma, semicolon or tab separated (detected from the header), UTF-8 with
/// or without a byte-order mark (or Windows-1252, as older French Excel
/// saves), CRLF, LF or CR line ends, quoted cells with separators, doubled
/// quotes and line breaks inside. Each record keeps the line it starts on,
/// and each cell where it starts (line and column, in characters).
public enum CSVReader {
    public struct Position: Sendable, Equatable {
        public let line: Int
        public let column: Int
    }

    public struct Record: Sendable, Equatable {
        public let line: Int
        public let cells: [String]
        /// Where each cell starts (its opening quote, or its first character).
        public let starts: [Position]
    }

    public struct Parsed: Sendable, Equatable {
        public let separator: Character
        public let records: [Record]
        /// Set when the bytes were not UTF-8 and were read as Windows-1252.
        public let wasWindows1252: Bool
        /// Where a quoted cell never closed opens: the records before it are
        /// kept, the one it starts and everything after is not read.
        public var unclosedQuote: Position? = nil
    }

    public struct ParseError: Error, Equatable, Sendable {
        public let line: Int
        public let problem: Diagnostic.Problem
    }

    public static func parse(_ data: Data) throws(ParseError) -> Parsed {
        if let text = String(data: data, encoding: .utf8) {
            return try parse(text, wasWindows1252: false)
        }
        guard let text = String(data: data, encoding: .windowsCP1252) else {
            throw ParseError(line: 1, problem: .csvNotText)
        }
        return try parse(text, wasWindows1252: true)
    }

    public static func parse(_ source: String, wasWindows1252: Bool = false) throws(ParseError) -> Parsed {
        var text = source
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let separator = detectSeparator(in: text)
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var quotedCell = false
        var line = 1
        var recordLine = 1
        var quoteStart = Position(line: 1, column: 1)
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?
        // The column of the character being read (a combining mark counts as its own).
        var column = 0
        var cellStart = Position(line: 1, column: 1)
        var starts: [Position] = []

        func endCell() {
            cells.append(quotedCell ? cell : cell.trimmingCharacters(in: .whitespaces))
            starts.append(cellStart)
            cell = ""
            quotedCell = false
        }
        func endRecord() {
            endCell()
            if !(cells.count == 1 && cells[0].isEmpty) {
                records.append(Record(line: recordLine, cells: cells, starts: starts))
            }
            cells = []
            starts = []
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            column += 1
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        column += 1
                        cell.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\r" {
                        let next = scalars.next()
                        if next != "\n" { pending = next }
                        cell.append("\n")
                        line += 1
                        column = 0
                    } else {
                        if scalar == "\n" {
                            line += 1
                            column = 0
                        }
                        cell.unicodeScalars.append(scalar)
                    }
                }
                continue
            }
            switch scalar {
            case "\"" where cell.trimmingCharacters(in: .whitespaces).isEmpty && !quotedCell:
                cell = ""
                inQuotes = true
                quotedCell = true
                quoteStart = Position(line: line, column: column)
            case "\r", "\n":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                endRecord()
                line += 1
                recordLine = line
                column = 0
                cellStart = Position(line: line, column: 1)
            default:
                if Character(scalar) == separator {
                    endCell()
                    cellStart = Position(line: line, column: column + 1)
                } else if quotedCell && (scalar == " " || scalar == "\t") {
                    continue  // spaces between a closing quote and the separator
                } else {
                    // Text after a closing quote is kept, as spreadsheets do.
                    cell.unicodeScalars.append(scalar)
                }
            }
        }
        if inQuotes {
            return Parsed(
                separator: separator, records: records, wasWindows1252: wasWindows1252, unclosedQuote: quoteStart)
        }
        if !cell.isEmpty || !cells.isEmpty || quotedCell { endRecord() }
        return Parsed(separator: separator, records: records, wasWindows1252: wasWindows1252)
    }

    /// The separator of the header line: the most frequent of `;`, `,` and tab
    /// outside quotes (semicolon first on a tie, as French exports use it).
    static func detectSeparator(in text: String) -> Character {
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var inQuotes = false
        for character in text {
            if character == "\"" { inQuotes.toggle() }
            if !inQuotes && (character == "\n" || character == "\r\n" || character == "\r") { break }
            if !inQuotes, counts[character] != nil { counts[character]! += 1 }
        }
        let order: [Character] = [";", ",", "\t"]
        return order.max { (counts[$0]!, -order.firstIndex(of: $0)!) < (counts[$1]!, -order.firstIndex(of: $1)!) }!
    }
}
