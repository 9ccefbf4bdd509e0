import Foundation
import Testing

@testable import Community

struct AtomicFileTests {
    /// A temporary left by a process that was killed is swept; one of a
    /// process that still runs, and anything that only looks like one, stay.
    @Test func sweepingRemovesOnlyTheTemporariesOfProcessesThatAreGone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-atomic-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let names = [
            ".a.json.patio-tmp-\(ended.processIdentifier)", ".b.json.patio-tmp-\(getpid())", ".c.patio-tmp-x",
            "d.json",
        ]
        for name in names { try "x".write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        AtomicFile.sweep(folder.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == Array(names.dropFirst()))
        try AtomicFile.write("whole", to: folder.appendingPathComponent("d.json").path)
        #expect(try String(contentsOf: folder.appendingPathComponent("d.json"), encoding: .utf8) == "whole")
    }
}
