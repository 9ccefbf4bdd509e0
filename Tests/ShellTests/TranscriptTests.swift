import Foundation
import Testing

@testable import Shell

/// A console that keeps output and errors in one stream, errors marked, as a
/// person at the terminal would see them. Timings, which change from run to
/// run, are written as `…`.
final class TranscriptConsole: Console {
    var text = ""
    func write(_ text: String) {
        self.text +=
            text
            .replacingOccurrences(of: #""solve_ms": [0-9.e-]+"#, with: "\"solve_ms\": …", options: .regularExpression)
            .replacingOccurrences(of: #"solve time  [0-9.]+ ms"#, with: "solve time  … ms", options: .regularExpression)
            .replacingOccurrences(
                of: #"temps de calcul  [0-9,]+ ms"#, with: "temps de calcul  … ms", options: .regularExpression)
    }
    func writeError(_ text: String) {
        self.text += text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "! " + $0 }
            .joined(separator: "\n")
    }
}

/// Each `Transcripts/NAME.patio` script runs with keep-going on; its whole
/// output must equal `Transcripts/NAME.expected`. A name ending in `.fr`
/// runs in French, the others in English. Set PATIO_UPDATE_TRANSCRIPTS=1
/// to rewrite the expected files after a deliberate change, then read the diff.
struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Transcripts")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".patio") }.map { String($0.dropLast(6)) }.sorted()
    }

    /// 2026-12-01 09:00 in Valenciennes: every transcript runs at the same moment.
    static let now = Date(timeIntervalSince1970: 1_796_112_000)

    @Test(arguments: names)
    func transcript(_ name: String) throws {
        let script = try String(contentsOf: Self.folder.appendingPathComponent(name + ".patio"), encoding: .utf8)
        // A copy of the folder, so that ledgers and exports leave the sources alone.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("patio-transcript-\(UUID())")
        try FileManager.default.copyItem(at: Self.folder, to: work)
        defer { try? FileManager.default.removeItem(at: work) }
        let console = TranscriptConsole()
        var settings = Settings()
        settings.keepGoing = true
        settings.language = name.hasSuffix(".fr") ? .fr : .en
        var session = Session(
            settings: settings, console: console,
            environment: Environment(workingDirectory: work.path, now: { Self.now }))
        session.matchmaking.ledgerFile = "ledger.sqlite"
        _ = Interpreter.run(ScriptText.lines(of: Array(script.utf8)), from: name + ".patio", in: &session)
        let expectedURL = Self.folder.appendingPathComponent(name + ".expected")
        if ProcessInfo.processInfo.environment["PATIO_UPDATE_TRANSCRIPTS"] == "1" {
            try console.text.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(console.text == expected)
    }

    @Test func thereAreTranscripts() {
        #expect(Self.names.contains("shell"))
    }
}
