import Foundation
import Testing

@testable import Community
@testable import Matching
@testable import Shell

/// Each documented limit, fed an input just past it: a clear error (or the
/// part left out, said), within a second, whatever the size of the input.
struct LimitsTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-limits-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        return folder
    }

    /// Runs `body`, expecting it to be done within a second: a bound on work, not a benchmark.
    static func quickly<T>(_ body: () throws -> T) rethrows -> T {
        let started = Date()
        let value = try body()
        #expect(Date().timeIntervalSince(started) < 1)
        return value
    }

    static func load(_ files: [String: String]) throws -> ProfileFolder.Loaded {
        let folder = try folder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        return quickly { ProfileFolder.load(folder.path, shownAs: "f") }
    }

    @Test func aProfileFileOverTheSizeLimit() throws {
        let text = "name: Big\nrole: student\nbio: \(String(repeating: "x", count: Limits.profileBytes))\n"
        let loaded = try Self.load(["big.yaml": text])
        #expect(loaded.directory.isEmpty)
        #expect(
            loaded.diagnostics.map { $0.line() } == [
                "f/big.yaml: error: the file holds \(text.utf8.count) bytes, more than the 256 KiB a file of the folder may hold: the profile is not loaded"
            ])
    }

    @Test func aliasesExpandedPastTheLimit() throws {
        // 1,000 characters behind an anchor, repeated just past the limit by aliases.
        let repeats = Limits.expandedProfileCharacters / 1000 + 1
        let text =
            "name: Echo\nrole: student\nbio: &b \(String(repeating: "y", count: 1000))\ninterests:\n"
            + String(repeating: "  - *b\n", count: repeats)
        let loaded = try Self.load(["echo.yaml": text])
        #expect(loaded.directory.isEmpty)
        #expect(
            loaded.diagnostics.first.map { DiagnosticWording.message($0, in: .en) }?.hasPrefix(
                "the file holds more than 262144 characters or 20000 values (counting what its YAML aliases repeat)")
                == true)
        // The nested kind: each level repeats the one before ten times.
        var laughs = "name: Lol\nrole: student\na0: &a0 lol\n"
        for level in 1...9 {
            laughs +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let nested = try Self.load(["lol.yaml": laughs])
        #expect(nested.directory.isEmpty)
        #expect(nested.errorCount == 1)
    }

    @Test func listsAndTagsPastTheirLimits() throws {
        let items = (0...Limits.listItems).map { "  - topic \($0)" }.joined(separator: "\n")
        let long = String(repeating: "é", count: Limits.tagCharacters + 1)
        let text = "name: Many\nrole: student\ninterests:\n\(items)\nskills: [Blender, \(long)]\n"
        let loaded = try Self.load(["many.yaml": text])
        let member = try #require(loaded.directory["many"])
        #expect(member.interests.count == Limits.listItems)
        #expect(member.interests.last == "topic \(Limits.listItems - 1)")
        #expect(member.skills.map(\.name) == ["Blender"])
        #expect(
            loaded.diagnostics.map { DiagnosticWording.message($0, in: .en) } == [
                "'interests' holds \(Limits.listItems + 1) items, more than the \(Limits.listItems) a list may hold: the first \(Limits.listItems) are kept",
                "an item of 'skills' is \(Limits.tagCharacters + 1) characters long, more than the \(Limits.tagCharacters) an item may hold: that item is left out",
            ], "in the file's order")
        let named = try Self.load(["long.yaml": "name: \(long)\nrole: student\n"])
        #expect(named.directory.isEmpty)
        #expect(named.errorCount == 1)
    }

    @Test func aFifoOrAFolderNamedLikeAProfileIsNotRead() throws {
        let folder = try Self.folder(["ok.yaml": "name: Ok\nrole: student\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("fifo.yaml").path, 0o644) == 0)
        let loaded = Self.quickly { ProfileFolder.load(folder.path, shownAs: "f") }
        #expect(loaded.directory.members.map(\.id) == ["ok"])
        #expect(
            loaded.diagnostics.map { $0.line() } == [
                "f/fifo.yaml: error: not a regular file: the profile is not loaded"
            ])
    }

    @Test func fileNamesThatAreNotIdsGiveOne() throws {
        let loaded = try Self.load(["Émilie Durand\u{1B}[2J.yaml": "name: Émilie Durand\nrole: student\n"])
        #expect(loaded.directory.members.map(\.id) == ["emilie-durand-2j"])
        #expect(loaded.diagnostics.map(\.severity) == [.note])
        #expect(!MemberID.isValid("community") && !MemberID.isValid("taxonomy"))
    }

    @Test func aDuplicateKeyIsReportedWhereItComesAgain() throws {
        let loaded = try Self.load(["dup.yaml": "name: Dup\nrole: student\nskills: [a]\nbio: x\nskills: [b]\n"])
        #expect(
            loaded.diagnostics.map { $0.line() } == [
                "f/dup.yaml:5:1: error: key 'skills' is given twice (first on line 3): the profile is not loaded"
            ])
    }

    @Test func aCommandLinePastTheLimit() {
        var harness = Harness()
        let line = "echo " + String(repeating: "a", count: Limits.commandLineBytes)
        #expect(Self.quickly { harness.run(line, at: InputLocation("-c", line: 1)) } == .failed)
        #expect(harness.console.output.isEmpty)
        #expect(
            harness.console.errors
                == "-c:1: error: the line is \(line.utf8.count) bytes long, more than the \(Limits.commandLineBytes) a command line may hold: it is not run\n"
        )
    }

    @Test func aLongWordIsShortenedInMessagesAndSuggestionsStayQuick() throws {
        var harness = Harness(workingDirectory: FuzzTests.root.path)
        #expect(harness.run("load Profiles") == .succeeded)
        harness.console.clear()
        let word = String(repeating: "émilie", count: 9_000)
        #expect(Self.quickly { harness.run(word) } == .failed)
        #expect(harness.console.errors.utf8.count < 300)
        #expect(harness.console.errors.hasSuffix("…[54000 characters]' (type 'help' to see the commands)\n"))
        harness.console.clear()
        #expect(Self.quickly { harness.run("show " + String(word.prefix(Limits.commandLineBytes / 3))) } == .failed)
        #expect(harness.console.errors.split(separator: "\n").count == 1)
    }

    @Test func aScriptPastTheLimitAndADevice() throws {
        let folder = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.patio")
        try Data(repeating: UInt8(ascii: "#"), count: Limits.scriptBytes + 1).write(to: big)
        var harness = Harness(workingDirectory: folder.path)
        #expect(Self.quickly { harness.run("source big.patio") } == .failed)
        #expect(harness.console.errors == "error: cannot read big.patio: a script holds at most 16 MiB\n")
        harness.console.clear()
        #expect(Self.quickly { harness.run("source /dev/zero") } == .failed)
        #expect(harness.console.errors == "error: cannot read /dev/zero: it is a device, not a file\n")
    }

    @Test func aGraphHeaderAloneCostsNothing() throws {
        var text = "50000000 1\n7 49999999 3\n"
        let compact = try Self.quickly { try text.withUTF8 { try GraphText.parseCompact($0) } }
        #expect(compact.declared == (50_000_000, 50_000_000) || compact.declared.0 == 50_000_000)
        #expect(compact.original == [7, 49_999_999])
        var bipartite = "25000000 25000000 1\n0 24999999 5\n"
        let sides = try Self.quickly { try bipartite.withUTF8 { try GraphText.parseCompact($0) } }
        #expect(sides.original == [0, 49_999_999])
        // A header that announces more edges than the file could hold reserves nothing for them.
        var announced = "5 2000000000\n0 1 1\n"
        #expect(
            throws: GraphText.ParseError(line: 2, column: 1, message: "2000000000 edges announced on line 1, 1 found")
        ) {
            try Self.quickly { try announced.withUTF8 { try GraphText.parseCompact($0) } }
        }
    }

    @Test func messagesAreOneLineWithNothingRaw() {
        var harness = Harness()
        harness.run(
            "show \"x\nother.yaml:1:1: error: forged line\"", at: InputLocation("e\u{1B}]0;t\u{07}.patio", line: 2))
        #expect(harness.console.errors.split(separator: "\n").count == 1)
        #expect(!harness.console.errors.contains("\u{1B}"))
        #expect(harness.console.errors.hasPrefix("e\\e]0;t\\x07.patio:2: error: "))
        #expect(TerminalSafeText.escape("a\u{200B}b\u{2028}c\u{202E}d") == "a\\u{200b}b\\u{2028}c\\u{202e}d")
        // A joiner inside an emoji draws one picture: it stays.
        #expect(TerminalSafeText.escape("👩‍💻") == "👩‍💻")
        #expect(JSONValue.string("a\u{202E}b\u{200D}").encoded == "\"a\\u202eb\\u200d\"")
    }

    @Test func aCycleOfParentsIsBrokenAndSaid() throws {
        let chain = (0..<3000).map { "  c\($0): [c\($0 + 1)]" }.joined(separator: "\n")
        let loaded = try Self.load([
            "taxonomy.yaml": "parents:\n\(chain)\n  c3000: [c0]\n", "m.yaml": "name: M\nrole: student\nseeking: [c0]\n",
        ])
        #expect(
            loaded.diagnostics.map { DiagnosticWording.message($0, in: .en) } == [
                // The link written last, which closed the cycle.
                "'c0' under 'c3000' makes a cycle of parents ('c3000' is under 'c0'): left out"
            ])
        // Only the nearest levels count: a need is met partly by a tag that many levels narrower at most.
        #expect(loaded.directory.taxonomy.ancestors(of: "c2999").count == Limits.taxonomyDepth)
    }

    @Test func aLongSearchCountsItsFirstDistinctWords() throws {
        var harness = Harness(workingDirectory: FuzzTests.root.path)
        #expect(harness.run("load Profiles") == .succeeded)
        let many = Array(repeating: "blender", count: 6000).joined(separator: " ")
        #expect(Self.quickly { harness.run("search " + many + " --limit 1") } == .succeeded)
        harness.console.clear()
        #expect(Self.quickly { harness.run("search " + String(repeating: "a", count: 60_000)) } == .succeeded)
        #expect(harness.console.output.utf8.count < 200)
        #expect(harness.console.output.hasSuffix("…[60000 characters]'\n"))
    }

    @Test func roundNamesAndNotesAreShortAndVisible() throws {
        #expect(throws: ShellError.self) { try RoundCommands.checkText("a\nb", named: "round name", limit: 100) }
        #expect(throws: ShellError.self) {
            try RoundCommands.checkText(String(repeating: "n", count: 101), named: "round name", limit: 100)
        }
        try RoundCommands.checkText("mardi 1er décembre", named: "round name", limit: 100)
        var harness = Harness()
        #expect(harness.run("echo \"a\nb\u{1B}[2J\"") == .succeeded)
        #expect(harness.console.output == "a\\nb\\e[2J\n")
    }

    @Test func aPipeWithNoWriterReadsAsEmpty() throws {
        let folder = try Self.folder([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("ff").path, 0o644) == 0)
        var harness = Harness(workingDirectory: folder.path)
        #expect(Self.quickly { harness.run("source ff") } == .succeeded)
        #expect(harness.run("import ff") == .failed)
        #expect(harness.console.errors == "error: cannot read ff: it is a pipe, not a file\n")
    }
}
