import Foundation
import Testing
@testable import Shell

/// A console that keeps output and errors in one stream, errors marked, as a
/// person at the terminal would see them.
final class TranscriptConsole: Console {
    var text = ""
    func write(_ text: String) { self.text += text }
    func writeError(_ text: String) { self.text += text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "! " + $0 }.joined(separator: "\n") }
}

/// Each `Transcripts/NAME.patio` script runs with keep-going on; its whole
/// output must equal `Transcripts/NAME.expected`. Set PATIO_UPDATE_TRANSCRIPTS=1
/// to rewrite the expected files after a deliberate change, then read the diff.
struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".patio") }.map { String($0.dropLast(6)) }.sorted()
    }

    @Test(arguments: names)
    func transcript(_ name: String) throws {
        let script = try String(contentsOf: Self.folder.appendingPathComponent(name + ".patio"), encoding: .utf8)
        let console = TranscriptConsole()
        var settings = Settings()
        settings.keepGoing = true
        var session = Session(settings: settings, console: console,
                              environment: Environment(workingDirectory: Self.folder.path))
        _ = Interpreter.run(ScriptText.lines(of: script), from: name + ".patio", in: &session)
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
