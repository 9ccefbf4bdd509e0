import Foundation
import Testing

/// At the prompt, output fits the window: no line wider than it, no word cut
/// across lines, records when a table cannot fit, and a pager for what is
/// taller — through the real binary on pseudo-terminals of several widths.
@Suite(.serialized)
struct WindowWidthTests {
    let folder: URL

    init() throws { folder = try PatioProcess.temporaryFolder() }

    func start(columns: Int, rows: Int = 200, pager: String = "cat") throws -> PseudoTerminal {
        let environment = [
            "TERM": "xterm", "LANG": "C.UTF-8", "HOME": folder.path, "PATIO_HISTORY": "", "NO_COLOR": "1",
            "PAGER": pager,
            "PATIO_LEDGER": folder.appendingPathComponent("ledger.sqlite").path,
        ]
        let terminal = try PseudoTerminal(
            arguments: ["--profiles", ProfileBatchTests.bundled], environment: environment, columns: columns, rows: rows
        )
        try terminal.waitForPrompt(timeout: .seconds(30))
        return terminal
    }

    /// What a command printed on the terminal, its lines without the echo of the typed line and the prompt.
    func lines(of command: String, on terminal: PseudoTerminal) throws -> [String] {
        let mark = terminal.mark
        terminal.type(command + "\r")
        try terminal.waitForPrompt(after: mark, timeout: .seconds(60))
        let text = String(terminal.transcript.utf8.dropFirst(mark)) ?? ""
        let plain = text.replacingOccurrences(
            of: "\u{1B}\\[[0-9;?]*[A-Za-z]|\u{1B}[=>]|\r", with: "", options: .regularExpression)
        return Array(
            plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropFirst().dropLast())
    }

    /// Cells a line takes, as the terminal counts them (accents one, CJK two).
    static func cells(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            scalar.properties.generalCategory == .nonspacingMark
                ? total
                : total
                    + (scalar.properties.isEmojiPresentation || (0x1100...0x115F).contains(scalar.value)
                        || (0x2E80...0xA4CF).contains(scalar.value) ? 2 : 1)
        }
    }

    /// The words of a text, for comparing a wrapped output with the same output unwrapped.
    static func words(_ lines: [String]) -> Set<String> {
        Set(
            lines.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
                .filter { !$0.allSatisfy { $0 == "-" } })
    }

    @Test(arguments: [60, 80, 120])
    func noLineIsWiderThanTheWindow(columns: Int) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try start(columns: columns)
        for command in [
            "match pairs", "match circles", "members", "why amelie-carpentier rachid-caron", "help match",
            "match pairs --full",
            "commit week-1", "round week-1", "stats", "show emily-carter",
        ] {
            let output = try lines(of: command, on: terminal)
            #expect(!output.isEmpty, "\(command) printed nothing")
            for line in output { #expect(Self.cells(line) <= columns, "'\(command)' at \(columns) columns: \(line)") }
        }
    }

    /// Wrapping moves whole words: the words on the terminal are the words a
    /// pipe gets, none cut in two.
    @Test(arguments: [60, 80])
    func noWordIsCutAcrossLines(columns: Int) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try start(columns: columns)
        for command in ["help match", "why amelie-carpentier rachid-caron", "match pairs --full", "show emily-carter"] {
            let batch = try PatioProcess.run(
                ["--profiles", ProfileBatchTests.bundled, "-c", command],
                environment: ["PATIO_LEDGER": folder.appendingPathComponent("b.sqlite").path])
            let piped = Self.words(batch.output.split(separator: "\n").map(String.init))
            let shown = Self.words(try lines(of: command, on: terminal))
            #expect(
                shown.subtracting(piped).isEmpty,
                "'\(command)' at \(columns): words not in the unwrapped output: \(shown.subtracting(piped).sorted().prefix(8))"
            )
        }
    }

    /// The rows an import reads show each name whole, as every table of members does.
    @Test func importKeepsNamesWhole() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("r.csv")
        try "nom;rôle\nJeanne Martin;étudiante\nPaul-Édouard Durand;startup\n".write(
            to: csv, atomically: true, encoding: .utf8)
        let terminal = try start(columns: 80)
        let output = try lines(of: "import \(csv.path)", on: terminal)
        #expect(output.contains { $0.contains("Jeanne Martin ") }, "\(output)")
        #expect(output.contains { $0.contains("Paul-Édouard Durand ") }, "\(output)")
        for line in output { #expect(Self.cells(line) <= 80, "\(line)") }
    }

    /// At 80 columns the bundled community's pairs read as a table of 60 rows,
    /// at most two lines each; members one line each.
    @Test func theDraftIsCompactAt80Columns() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let terminal = try start(columns: 80)
        let draft = try lines(of: "match pairs", on: terminal)
        let rows = draft.filter { $0.range(of: #"^\s*\d+\*?\s"#, options: .regularExpression) != nil }
        #expect(rows.count == 60)
        let tableLines = draft.prefix { !$0.hasPrefix("total ") }.count - 3
        #expect(tableLines <= 120, "\(tableLines) lines for 60 pairs")
        let members = try lines(of: "members", on: terminal)
        #expect(members.count == 121 + 3, "one line a member, a header, a rule and the count")
        let limited = try lines(of: "members --limit 5", on: terminal)
        #expect(limited.count == 5 + 5)  // header, rule, the rows, the note, a blank line, the count
        #expect(limited.contains("… 116 more (--limit 0 for all)"))
    }

    /// A table that cannot fit even wrapped becomes records; `set expanded on` asks for them.
    @Test func recordsWhenATableCannotFit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let narrow = try start(columns: 40)
        let members = try lines(of: "members --limit 3", on: narrow)
        #expect(members.contains { $0.hasPrefix("-[ 1 ]") })
        for line in members { #expect(Self.cells(line) <= 40, "\(line)") }
        let wide = try start(columns: 120)
        _ = try lines(of: "set expanded on", on: wide)
        #expect(try lines(of: "members --limit 2", on: wide).contains { $0.hasPrefix("-[ 2 ]") })
    }

    /// Output taller than the window goes through the pager; short output and batch runs do not.
    @Test func thePagerTakesTallOutputOnly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("paged")
        let pager = folder.appendingPathComponent("pager.sh")
        try "#!/bin/sh\ncat > '\(record.path)'\n".write(to: pager, atomically: true, encoding: .utf8)
        chmod(pager.path, 0o755)
        let terminal = try start(columns: 80, rows: 24, pager: pager.path)
        _ = try lines(of: "echo short", on: terminal)
        #expect(!FileManager.default.fileExists(atPath: record.path), "one line is not paged")
        _ = try lines(of: "members", on: terminal)
        let paged = try String(contentsOf: record, encoding: .utf8)
        #expect(paged.contains("Zoé Vandamme"))
        try FileManager.default.removeItem(at: record)
        _ = try lines(of: "set pager off", on: terminal)
        _ = try lines(of: "members", on: terminal)
        #expect(!FileManager.default.fileExists(atPath: record.path), "set pager off")
        let batch = try PatioProcess.run(
            ["--profiles", ProfileBatchTests.bundled, "-c", "members"], environment: ["PAGER": pager.path])
        #expect(batch.output.contains("Zoé Vandamme"))
        #expect(!FileManager.default.fileExists(atPath: record.path), "never in batch")
    }
}
