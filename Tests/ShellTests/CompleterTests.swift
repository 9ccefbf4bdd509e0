import Community
import Foundation
import Testing

@testable import Shell

struct CompleterTests {
    func complete(_ text: String, in folder: String = FileManager.default.currentDirectoryPath) -> ShellCompletion {
        let session = Session(console: RecordingConsole(), environment: Environment(workingDirectory: folder))
        return Completer.complete(text, in: session)
    }

    @Test func commandNames() {
        let completion = complete("he")
        #expect(completion.replacing == 2)
        #expect(completion.candidates.map(\.text) == ["help"])
        #expect(completion.candidates[0].isFinished)
        #expect(complete("so").candidates.map(\.text) == ["source", "solve"])
        #expect(complete("").candidates.count == CommandTable.standard.commands.count)
        #expect(complete("HE").candidates.map(\.text) == ["help"])
    }

    @Test func aliasesFindTheirCommand() {
        #expect(complete("exi").candidates.map(\.text) == ["quit"])
    }

    @Test func argumentsFollowTheSpec() {
        #expect(
            complete("set ").candidates.map(\.text).prefix(5) == ["format", "language", "color", "seed", "keep-going"])
        #expect(complete("set weight.int").candidates.map(\.text) == ["weight.interests"])
        #expect(complete("set fo").candidates.map(\.text) == ["format"])
        #expect(complete("set format j").candidates.map(\.text) == ["json"])
        #expect(complete("set color ").candidates.map(\.text) == ["auto", "always", "never"])
        #expect(complete("help sou").candidates.map(\.text) == ["source"])
        #expect(complete("set format json ").candidates.isEmpty)
    }

    @Test func optionsAndTheirValues() {
        #expect(complete("echo --f").candidates.map(\.text) == ["--format"])
        #expect(complete("echo --format m").candidates.map(\.text) == ["markdown"])
        #expect(complete("echo --format=").candidates.isEmpty, "no completion inside --name=value")
    }

    @Test func nothingInsideComments() {
        #expect(complete("echo # he").candidates.isEmpty)
    }

    @Test func filesAndFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-complete-\(UUID())")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Mes scripts"), withIntermediateDirectories: true)
        try "".write(to: folder.appendingPathComponent("Mes scripts/mardi.patio"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("été.patio"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }

        let all = complete("source ", in: folder.path)
        #expect(all.candidates.map(\.label) == ["Mes scripts/", "été.patio"])
        let folderCompletion = complete("source mes", in: folder.path)
        #expect(folderCompletion.candidates.map(\.text) == ["\"Mes scripts/"])
        #expect(folderCompletion.candidates[0].isFinished == false)
        #expect(
            complete("source \"Mes scripts/m", in: folder.path).candidates.map(\.text) == [
                "\"Mes scripts/mardi.patio\""
            ])
        #expect(complete("source ete", in: folder.path).candidates.map(\.text) == ["été.patio"])
        #expect(complete("source .h", in: folder.path).candidates.map(\.text) == [".hidden"])
    }

    @Test func caseAndAccentInsensitiveFiltering() {
        let candidates = [
            CompletionCandidate("emilie-durand", label: "Émilie Durand"),
            CompletionCandidate("Amélie Dupré", keys: ["amelie-dupre"]),
            CompletionCandidate("Blender"),
        ]
        #expect(Completer.filter(candidates, by: "emi").map(\.value) == ["emilie-durand"])
        #expect(Completer.filter(candidates, by: "AMEL").map(\.value) == ["Amélie Dupré"])
        #expect(Completer.filter(candidates, by: "dup").map(\.value) == ["Amélie Dupré"], "a later word of the name")
        #expect(Completer.filter(candidates, by: "").count == 3)
    }

    @Test func replacementsAreQuoted() {
        let completion = complete("echo --format \"js")
        #expect(completion.replacing == 3)
        #expect(completion.candidates.map(\.text) == ["\"json\""])
    }
}

struct MemberCompletionTests {
    /// A name holding an escape sequence is never typed raw into the line
    /// nor listed raw: the member completes to its id, listed with the
    /// name's escapes visible.
    @Test func aNameTheTerminalWouldObeyCompletesToTheID() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-complete-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for member in [
            Member(id: "mallory", name: "Mallory \u{1B}[31mRouge", role: .student),
            Member(id: "malik", name: "Malik Ben", role: .student),
        ] {
            _ = try ProfileWriter.write(member, into: folder.path, replacing: true)
        }
        var session = Session(console: RecordingConsole(), environment: Environment(workingDirectory: folder.path))
        #expect(Interpreter.execute("load .", at: nil, in: &session) == .succeeded)
        let completion = Completer.complete("show mal", in: session)
        #expect(completion.candidates.map(\.text).sorted() == ["\"Malik Ben\"", "mallory"])
        #expect(completion.candidates.map(\.label).contains("Mallory \\e[31mRouge"))
        #expect(!completion.candidates.contains { $0.text.contains("\u{1B}") || $0.label.contains("\u{1B}") })
    }

    @Test func namesIdsAndTagsFromTheCommunity() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")
            .path
        var session = Session(console: RecordingConsole(), environment: Environment(workingDirectory: folder))
        #expect(Interpreter.execute("load community", at: nil, in: &session) == .succeeded)
        #expect(Completer.complete("show emi", in: session).candidates.map(\.text) == ["\"Émilie Durand\""])
        #expect(
            Completer.complete("show zoe-b", in: session).candidates.map(\.text) == ["\"Zoé Blender\""],
            "an id finds the name")
        #expect(Completer.complete("show dup", in: session).candidates.map(\.label) == ["Amélie Dupré", "Anaïs Dupré"])
        #expect(Completer.complete("members --skill ble", in: session).candidates.map(\.text) == ["Blender"])
        #expect(Completer.complete("members --role ", in: session).candidates.map(\.text).contains("\"jeune pousse\""))
        #expect(Completer.complete("search réal", in: session).candidates.map(\.text) == ["\"réalité virtuelle\""])
    }

    /// Whatever Tab inserts, the line still reads: a name with spaces is
    /// offered word by word after its first word, and several candidates
    /// never leave a quote open that the user did not open.
    @Test func completionKeepsTheLineReadable() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")
            .path
        var session = Session(console: RecordingConsole(), environment: Environment(workingDirectory: folder))
        #expect(Interpreter.execute("load community", at: nil, in: &session) == .succeeded)
        // `show Amélie D` + Tab: the second word of the names that begin with Amélie.
        #expect(Completer.complete("show amelie d", in: session).candidates.map(\.text) == ["Dupré"])
        // `show d` + Tab: two names begin with Dupré's words; what they share needs no quote to be typed.
        let several = Completer.complete("show a", in: session)
        #expect(several.candidates.count == 2)
        #expect(several.commonText == "A", "'Amélie Dupré' and 'Anaïs Dupré' share 'A', not an open quote")
        for line in ["show a", "show amelie d", "why emi", "members --role jeune", "show \"Amé"] {
            let completion = Completer.complete(line, in: session)
            let inserted = completion.candidates.count == 1 ? completion.candidates[0].text : completion.commonText
            guard let inserted else { continue }
            let typed = String(String.UnicodeScalarView(line.unicodeScalars.dropLast(completion.replacing)))
            let result = typed + inserted
            if !line.contains("\"") {
                #expect((try? Tokenizer.tokenize(result)) != nil, "'\(line)' + Tab gives '\(result)'")
            }
        }
    }
}
