import Foundation
import Testing

@testable import Shell

struct SolveCommandTests {
    func folder(with files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-solve-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func solvesAndProvesAGeneralGraph() throws {
        let folder = try folder(with: ["g.txt": "4 3\n0 1 5\n1 2 11\n2 3 5\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        #expect(harness.run("solve g.txt --format json") == .succeeded)
        #expect(harness.run("solve g.txt --max-cardinality --format json") == .succeeded)
        let lines = harness.console.output.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("{\"weight\": 11, \"pairs\": [[1, 2]], \"solve_ms\": "))
        #expect(
            lines[0].hasSuffix(
                "\"pair_count\": 1, \"vertices\": 4, \"edges\": 3, \"mode\": \"pairs\", \"proved\": true}"))
        #expect(lines[1].hasPrefix("{\"weight\": 10, \"pairs\": [[0, 1], [2, 3]]"))
    }

    /// Reading, solving and proving are said on the status line as they come, and over when the command is.
    @Test func theStagesAreSaid() throws {
        let folder = try folder(with: ["g.txt": "4 3\n0 1 5\n1 2 11\n2 3 5\n", "b.txt": "1 1 1\n0 0 2\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        #expect(harness.run("solve g.txt") == .succeeded)
        #expect(
            harness.console.statuses == [
                "reading g.txt…", "solving over 3 pairs…", "checking the result against its proof…", nil,
            ])
        harness.console.clear()
        #expect(harness.run("solve b.txt --mode assignment") == .succeeded)
        #expect(
            harness.console.statuses.dropFirst() == [
                "solving over 1 pair…", "checking the result against its proof…", nil,
            ])
    }

    @Test func assignmentOnABipartiteFile() throws {
        let folder = try folder(with: ["b.txt": "2 2 4\n0 0 5\n0 1 1\n1 0 1\n1 1 5\n", "g.txt": "2 1\n0 1 1\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        #expect(harness.run("solve b.txt --mode assignment --format json") == .succeeded)
        #expect(harness.console.output.hasPrefix("{\"weight\": 10, \"pairs\": [[0, 2], [1, 3]]"))
        #expect(harness.run("solve g.txt --mode assignment") == .failed)
        #expect(harness.console.errors.contains("expected a bipartite file"))
    }

    @Test func aTableForPeople() throws {
        let folder = try folder(with: ["g.txt": "4 3\n0 1 5\n1 2 11\n2 3 5\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        harness.run("solve g.txt --list")
        let text = harness.console.output
        #expect(text.contains("weight      11\n"))
        #expect(text.contains("pairs       1\n"))
        #expect(text.contains("proof       optimal: the dual certificate checks\n"))
        #expect(text.hasSuffix("u  v\n-  -\n1  2\n"))
    }

    @Test func aBrokenFileIsReportedAtItsLine() throws {
        let folder = try folder(with: ["bad.txt": "3 2\n0 1 5\n1 two 3\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        var harness = Harness(workingDirectory: folder.path)
        #expect(harness.run("solve bad.txt", at: InputLocation("-c", line: 1)) == .failed)
        #expect(harness.console.errors == "-c:1: bad.txt:3:3: error: 'two' is not a whole number\n")
        #expect(harness.run("solve missing.txt") == .failed)
        #expect(harness.console.errors.hasSuffix("error: cannot read missing.txt: no such file\n"))
    }

    @Test func stopsWhenCancelled() throws {
        var text = "300 \(300 * 299 / 2)\n"
        for u in 0..<300 { for v in (u + 1)..<300 { text += "\(u) \(v) \((u * 7 + v * 13) % 97 + 1)\n" } }
        let folder = try folder(with: ["big.txt": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let console = RecordingConsole()
        var session = Session(
            console: console, environment: Environment(workingDirectory: folder.path, isCancelled: { true }))
        #expect(Interpreter.execute("solve big.txt", at: nil, in: &session) == .failed)
        #expect(console.errors == "error: the computation was cancelled; nothing was changed\n")
    }
}
