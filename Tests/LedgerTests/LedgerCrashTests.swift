import Foundation
import Testing

@testable import Ledger

/// Kill a writer at random moments, and let two write at once: committed
/// rounds are whole, the others are absent, nothing is half-written.
@Suite(.serialized)
struct LedgerCrashTests {
    /// The real binary commits rounds from a pipe until it is killed.
    static func startWriter(ledger: String, rounds: Range<Int>, folder: URL, output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("patio")
        let community = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ShellTests/Transcripts/community").path
        process.arguments = ["--profiles", community, "--ledger", ledger, "--keep-going"]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": folder.path, "PATIO_HISTORY": ""]
        let input = Pipe()
        process.standardInput = input
        if let output {
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        var script = ""
        for index in rounds { script += "match pairs --everyone\ncommit round-\(index)\n" }
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        return process
    }

    static func checkWhole(_ ledger: Ledger) throws -> Int {
        let rounds = try ledger.rounds()
        for summary in rounds {
            let record = try #require(try ledger.round(named: summary.name))
            #expect(!record.groups.isEmpty, "\(summary.name) has its groups")
            #expect(
                record.groups.allSatisfy { $0.members.count == 2 }, "\(summary.name) has both members of every pair")
            #expect(record.total == record.groups.reduce(0) { $0 + $1.score }, "\(summary.name) adds up")
        }
        return rounds.count
    }

    @Test func killedWritersLoseNothingCommitted() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-crash-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        var committedBefore = 0
        for attempt in 0..<6 {
            let writer = try Self.startWriter(
                ledger: path, rounds: (attempt * 1000)..<(attempt * 1000 + 400), folder: folder)
            usleep(UInt32(80_000 + attempt * 45_000))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            let ledger = try Ledger.open(at: path)
            let committed = try Self.checkWhole(ledger)
            #expect(committed >= committedBefore, "no committed round was lost")
            committedBefore = committed
        }
        #expect(committedBefore > 0, "some rounds were committed before the kills")
    }

    /// Two writers at once take turns: every commit is recorded whole, or
    /// refused because the other committed since its draft was made (its
    /// novelty did not count that round); never lost, never half-written.
    @Test func twoWritersTakeTurns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-two-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ledger.sqlite").path
        let outputs = [folder.appendingPathComponent("first.txt"), folder.appendingPathComponent("second.txt")]
        let first = try Self.startWriter(ledger: path, rounds: 0..<25, folder: folder, output: outputs[0])
        let second = try Self.startWriter(ledger: path, rounds: 100..<125, folder: folder, output: outputs[1])
        first.waitUntilExit()
        second.waitUntilExit()
        let said = try outputs.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
        let committed = said.components(separatedBy: "committed 'round-").count - 1
        let refused = said.components(separatedBy: "rounds were committed since this draft was made").count - 1
        #expect(committed + refused == 50, "\(said)")
        #expect(!said.contains("busy") && !said.contains("damaged"))
        let ledger = try Ledger.open(at: path)
        #expect(try Self.checkWhole(ledger) == committed)
        #expect(committed >= 25, "one of the two commits of each turn goes through")
    }
}
