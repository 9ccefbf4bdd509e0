import Foundation
import Testing

@testable import Community
@testable import Matching
@testable import Shell

/// Mutation fuzzing of the four readers of outside input: profiles, command
/// lines, CSV files and graph files. Each input starts from a real one and
/// takes a few random edits (bytes changed, cut, repeated, or hostile pieces
/// inserted: YAML anchors and aliases, quotes, escapes, invisible characters).
/// Every reader must answer (a value or a located error), keep its limits and
/// never crash. `make test` runs a fixed budget; `PATIO_FUZZ_ITERATIONS=N`
/// runs more by hand, `PATIO_FUZZ_SEED` another sequence.
struct FuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["PATIO_FUZZ_ITERATIONS"] ?? "") ?? 1500
    static let seed = UInt64(ProcessInfo.processInfo.environment["PATIO_FUZZ_SEED"] ?? "") ?? 2026

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Pieces that have broken parsers before.
    static let hostile: [String] = [
        "&a ", "*a", "\n- *a", "\n  - *a", ": ", "\n  ", "\"", "'", "[", "]", "{", "}", "#", ",", ";", "|",
        "\u{1B}[2J", "\u{1B}]0;title\u{07}", "\u{202E}", "\u{200B}", "\u{2028}", "\n", "\r", "\r\n", "\t", "- ",
        "? ", "!!str ", "!!binary ", "|\n", ">\n", "%YAML 1.1\n", "---\n", "...\n", "<<: *a\n", "\\", "\u{0}",
        "\u{FEFF}", "é", "👩‍💻", "-1", "99999999999999999999", "0x1F", "null", "~", "name: ", "role: student\n",
        "skills: [", "interests:\n  - ",
    ]

    struct Mutator {
        var random: SplitMix64

        mutating func index(_ count: Int) -> Int { count == 0 ? 0 : Int(random.next() % UInt64(count)) }

        mutating func mutate(_ text: String) -> String {
            var bytes = Array(text.utf8)
            for _ in 0...index(4) {
                let at = index(bytes.count + 1)
                switch index(6) {
                case 0 where !bytes.isEmpty:
                    bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
                case 1 where !bytes.isEmpty:
                    let end = min(bytes.count, at + index(40))
                    bytes.removeSubrange(at..<end)
                case 2 where !bytes.isEmpty:
                    let end = min(bytes.count, at + 1 + index(30))
                    let piece = Array(bytes[min(at, bytes.count - 1)..<max(min(at, bytes.count - 1), end)])
                    bytes.insert(contentsOf: Array(repeating: piece, count: 1 + index(60)).joined(), at: at)
                case 3:
                    bytes.removeSubrange(at...)
                default:
                    bytes.insert(contentsOf: Array(FuzzTests.hostile[index(FuzzTests.hostile.count)].utf8), at: at)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func corpus(_ folder: String, extensions: Set<String>) throws -> [String] {
        let url = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
            .filter { extensions.contains(($0 as NSString).pathExtension) }
            .map { try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8) }
    }

    @Test func profileReader() throws {
        let seeds = try Self.corpus("Profiles", extensions: ["yaml"])
        var mutator = Mutator(random: SplitMix64(seed: Self.seed))
        for _ in 0..<Self.iterations {
            let text = mutator.mutate(seeds[mutator.index(seeds.count)])
            let outcome = ProfileReader.read(text, path: "p.yaml", defaultID: "p")
            // YAML breaks lines at \n, \r, \r\n and the Unicode line breaks.
            let lineCount = text.reduce(2) { $0 + ($1.isNewline ? 1 : 0) }
            for diagnostic in outcome.diagnostics {
                #expect(!DiagnosticWording.message(diagnostic, in: .en).isEmpty)
                #expect(diagnostic.line <= lineCount, "\(diagnostic) for \(text.debugDescription)")
            }
            guard let member = outcome.member else {
                #expect(outcome.diagnostics.contains { $0.severity == .error }, "\(text.debugDescription)")
                continue
            }
            #expect(MemberID.isValid(member.id))
            #expect(!member.name.isEmpty && member.name.count <= Limits.tagCharacters)
            let lists = [member.interests, member.seeking, member.offering, member.languages, member.availability]
            for list in lists + [member.skills.map(\.name)] {
                #expect(list.count <= Limits.listItems)
                #expect(list.allSatisfy { $0.count <= Limits.tagCharacters })
            }
        }
    }

    @Test func tokenizerAndInterpreter() throws {
        let seeds = [
            "show emilie", "members --role student --limit 5", "search 'réalité virtuelle'", "echo \"a \\\"b\\\"\" c",
            "match pairs --size 4", "set weight.interests 0.8", "why emily-carter aicha-trehou", "tags --kind skill",
            "help match", "echo a\\ b # comment", "show \"x",
        ]
        var mutator = Mutator(random: SplitMix64(seed: Self.seed &+ 1))
        // A copy of the bundled community: a mutated line may well commit, rate or export.
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("patio-fuzz-\(UUID())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent("Profiles"), to: work.appendingPathComponent("Profiles"))
        var harness = Harness(workingDirectory: work.path)
        #expect(harness.run("load Profiles") == .succeeded)
        for _ in 0..<Self.iterations {
            let line = mutator.mutate(seeds[mutator.index(seeds.count)])
            if let tokens = try? Tokenizer.tokenize(line) {
                // What the completion writes back reads as the same words.
                let quoted = tokens.map { Tokenizer.quote($0.text) }.joined(separator: " ")
                #expect(
                    (try? Tokenizer.tokenize(quoted))?.map(\.text) == tokens.map(\.text), "\(line.debugDescription)")
            }
            guard !line.hasPrefix("load"), !line.hasPrefix("source") else { continue }
            harness.console.clear()
            harness.run(line, at: InputLocation("fuzz\u{1B}[2J\nx", line: 1))
            // Every message is one line, with nothing raw from the input.
            for message in harness.console.errors.split(separator: "\n") {
                #expect(!message.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{202E}" })
            }
            #expect(harness.console.errors.isEmpty || harness.console.errors.hasSuffix("\n"))
        }
    }

    @Test func csvReader() throws {
        let seeds = [
            "name,role,skills\nLéa Fontaine,student,\"Blender, Unity\"\n", "nom;statut;intérêts\nA;étudiant·e;x; y\n",
            "name\trole\nB\tstartup\n", "\"a\"\"b\",c\r\n1,2\r\n", "name,role\n\"multi\nline\",mentor\n",
        ]
        var mutator = Mutator(random: SplitMix64(seed: Self.seed &+ 2))
        for _ in 0..<Self.iterations {
            let text = mutator.mutate(seeds[mutator.index(seeds.count)])
            do {
                let parsed = try CSVReader.parse(Data(text.utf8))
                let lines = parsed.records.map(\.line)
                #expect(lines == lines.sorted(), "\(text.debugDescription)")
                #expect(lines.allSatisfy { $0 >= 1 })
            } catch {
                #expect(error.line >= 1)
            }
        }
    }

    @Test func graphReader() throws {
        let seeds = ["4 3\n0 1 5\n1 2 11\n2 3 5\n", "2 3 2\n0 2 7\n1 0 4\n", "3 0\n", "50000000 1\n0 49999999 3\n"]
        var mutator = Mutator(random: SplitMix64(seed: Self.seed &+ 3))
        for _ in 0..<Self.iterations {
            var text = mutator.mutate(seeds[mutator.index(seeds.count)])
            do {
                let compact = try text.withUTF8 { try GraphText.parseCompact($0) }
                let graph = compact.content.generalGraph
                // Only the vertices an edge touches are kept, each with its number in the file.
                #expect(graph.vertexCount == compact.original.count)
                #expect(graph.vertexCount <= 2 * graph.edges.count)
                // Weights past what exact 64-bit arithmetic allows are refused, in words.
                do {
                    let solved = try MaximumWeightMatching.solve(graph)
                    #expect(solved.certificate.violations(solved.matching, in: graph).isEmpty)
                } catch {
                    #expect(error == .weightsTooLarge, "\(text.debugDescription)")
                }
            } catch let error as GraphText.ParseError {
                #expect(!error.message.isEmpty)
            }
        }
    }
}
