import Foundation
import Testing

@testable import patio

/// A long match at the prompt says where it stands, on one line written over
/// in place, and leaves nothing of it behind; elsewhere it says nothing.
struct StatusLineTests {
    /// `count` made-up profiles in `folder`, tags drawn with popular ones
    /// more often (seeded: the same files every time).
    static func writeCommunity(_ count: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tags = [
            "Blender", "Maya", "Unity", "Unreal Engine", "game design", "UX research", "levée de fonds",
            "business plan", "motion capture", "réalité virtuelle", "stage", "impression 3D", "design sonore",
            "rigging", "Houdini", "ZBrush", "compositing", "narrative design", "level design", "marketing",
        ]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func some(_ most: Int) -> String {
            let picked = (0..<(1 + next(most))).map { _ in tags[min(next(tags.count), next(tags.count))] }
            return "[" + Array(Set(picked)).sorted().joined(separator: ", ") + "]"
        }
        for index in 0..<count {
            let role = ["student", "startup", "entrepreneur"][next(3)]
            let text = """
                name: Membre \(index)
                role: \(role)
                wing: \(1 + next(9))
                skills: \(some(4))
                interests: \(some(3))
                seeking: \(some(3))
                offering: \(some(2))

                """
            try text.write(to: folder.appendingPathComponent("m\(index).yaml"), atomically: false, encoding: .utf8)
        }
    }

    @Test func aLongMatchSaysWhereItStandsAndLeavesNoTrace() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let community = folder.appendingPathComponent("community")
        try Self.writeCommunity(4_000, in: community)
        let terminal = try PseudoTerminal(
            arguments: ["--profiles", community.path],
            environment: [
                "TERM": "xterm", "LANG": "C.UTF-8", "HOME": folder.path, "PATIO_HISTORY": "", "NO_COLOR": "1",
                "PAGER": "cat",
            ], columns: 60)
        try terminal.waitForPrompt(timeout: .seconds(60))
        var mark = terminal.mark
        terminal.type("match pairs --limit 1\r")
        try terminal.waitForPrompt(after: mark, timeout: .seconds(120))
        let shown = String(decoding: Array(terminal.transcript.utf8.dropFirst(mark)), as: UTF8.self)
        // Each drawing: from a carriage return to the rest of the screen erased (the cursor then goes
        // back to the line's start), with room for "^C" after it.
        let drawings = shown.components(separatedBy: "\r").dropFirst().compactMap { piece -> String? in
            guard let end = piece.range(of: "\u{1B}[J") else { return nil }
            return String(piece[..<end.lowerBound])
        }
        let said = drawings.filter { !$0.isEmpty }
        #expect(said.contains { $0.hasSuffix("… 1\u{A0}s") }, "shown from the first second: \(said)")
        #expect(said.contains { $0.hasPrefix("scoring the best candidates of 4,000 members") })
        #expect(said.allSatisfy { $0.count <= 57 }, "never wrapped by the terminal: \(said)")
        #expect(
            shown.components(separatedBy: "\u{1B}[J\r").count - 1 == said.count,
            "after each drawing, the cursor back at the line's start")
        #expect(said.allSatisfy { $0.range(of: " [0-9]+\u{A0}s$", options: .regularExpression) != nil })
        // Erased before the draft is shown: the last drawing is an empty one, just before it.
        let beforeDraft = try #require(shown.range(of: "Draft: pairs")).lowerBound
        #expect(shown[..<beforeDraft].hasSuffix("\r\u{1B}[J"), "\(shown.prefix(400))")
        #expect(!shown[beforeDraft...].contains("\u{1B}[J"), "nothing drawn after the result")

        // Ctrl-C while it stands: the line is erased and the error said in its place.
        mark = terminal.mark
        terminal.type("match pairs\r")
        try terminal.waitFor("… 1\u{A0}s", after: mark, timeout: .seconds(60))
        terminal.type("\u{03}")
        try terminal.waitForPrompt(after: mark, timeout: .seconds(30))
        let stopped = String(decoding: Array(terminal.transcript.utf8.dropFirst(mark)), as: UTF8.self)
        #expect(stopped.contains("\r\u{1B}[Kerror: the computation was cancelled"), "\(stopped.suffix(300))")
        // The first draft stands: Ctrl-D says so, the second leaves.
        mark = terminal.mark
        terminal.type("\u{04}")
        try terminal.waitForPrompt(after: mark)
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)

        // From a script: not a byte of it.
        let script = try PatioProcess.run(["--profiles", community.path, "-c", "match pairs --limit 1"], in: folder)
        #expect(script.status == 0)
        #expect(!script.errors.contains("\u{1B}") && !script.errors.contains("scoring"), "\(script.errors)")
    }
}

/// How the status line is cut to its window, and how its time is written.
struct StatusLineFitTests {
    @Test(arguments: [
        ("solving again over 1,866,398 pairs, after pass 2…", 40, "solving again over 1,866,398 pairs…"),
        ("solving again over 1,866,398 pairs, after pass 2…", 34, "solving again over 1,866,398…"),
        ("nouvelle résolution sur 1\u{202F}734\u{202F}366 paires…", 30, "nouvelle résolution sur…"),
        ("checking the result against its proof…", 80, "checking the result against its proof…"),
        ("unbrokenwordlongerthanthewindow…", 10, "unbrokenw…"),
    ])
    func aLineIsCutAfterItsLastWholeWord(_ example: (String, Int, String)) {
        let fitted = StatusLine.fitted(example.0, width: example.1)
        #expect(fitted == example.2)
        #expect(fitted.count <= example.1)
    }

    @Test func theTimeIsInSecondsThenMinutes() {
        #expect(StatusLine.clock(0) == "0\u{A0}s")
        #expect(StatusLine.clock(59) == "59\u{A0}s")
        #expect(StatusLine.clock(60) == "1\u{A0}min\u{A0}00\u{A0}s")
        #expect(StatusLine.clock(3_725) == "62\u{A0}min\u{A0}05\u{A0}s")
    }
}
