import Foundation
import Testing

@testable import Community

struct ProfileWriterTests {
    static let tricky = Member(
        id: "amelie-dupre", name: "Amélie Dupré", role: .student, organization: "École de jeu vidéo: Valenciennes",
        wing: 3, languages: ["fr", "en"], skills: [Skill("Blender", level: .expert), Skill("C#"), Skill("yes")],
        interests: ["motion capture", "réalité virtuelle, VR", "#hashtag"], seeking: ["mentoring"],
        offering: ["3D modeling"],
        availability: ["tue-pm"], capacity: 2, contact: "amelie.dupre@example.org",
        bio: "Première ligne\n  indentée\n\nAprès une ligne vide: \"citation\" # pas un commentaire")

    @Test func whatIsWrittenReadsBackTheSame() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try ProfileWriter.write(Self.tricky, into: folder.path, replacing: false)
        #expect(path.hasSuffix("/amelie-dupre.yaml"))
        let loaded = ProfileFolder.load(folder.path, shownAs: "out")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.directory["amelie-dupre"] == Self.tricky)
    }

    @Test func neverReplacesAFileUnlessAsked() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ProfileWriter.write(Self.tricky, into: folder.path, replacing: false)
        var changed = Self.tricky
        changed.name = "Autre Nom"
        #expect(throws: ProfileWriter.WriteError.exists(path: folder.appendingPathComponent("amelie-dupre.yaml").path))
        {
            try ProfileWriter.write(changed, into: folder.path, replacing: false)
        }
        #expect(ProfileFolder.load(folder.path, shownAs: "out").directory["amelie-dupre"]?.name == "Amélie Dupré")
        _ = try ProfileWriter.write(changed, into: folder.path, replacing: true)
        #expect(ProfileFolder.load(folder.path, shownAs: "out").directory["amelie-dupre"]?.name == "Autre Nom")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["amelie-dupre.yaml"], "no temporary file is left behind")
    }

    /// Text no YAML block or plain scalar can hold (control characters from
    /// a spreadsheet, DEL, C1 controls, line separators, a first bio line
    /// that starts with spaces) is written escaped in double quotes: what
    /// is written always loads back the same, never as a file Patio refuses.
    @Test(arguments: [
        "a\u{1B}[31mb", "vertical\u{0B}tab\nnext line", "del\u{7F} and c1\u{85}\u{9B}",
        "sep\u{2028}ara\u{2029}tor", "a \u{FEFF}bom", "  indented first\nsecond", "tab\tin it",
    ])
    func anyTextReadsBackTheSame(text: String) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var member = Member(id: "eve", name: "Eve Test", role: .student, bio: text)
        member.organization = text.replacingOccurrences(of: "\n", with: " ")
        member.interests = [text.replacingOccurrences(of: "\n", with: " ")]
        _ = try ProfileWriter.write(member, into: folder.path, replacing: false)
        let loaded = ProfileFolder.load(folder.path, shownAs: "out")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        // As the reader keeps any text: without the spaces around it.
        let trimmed = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(loaded.directory["eve"]?.bio == trimmed(text))
        #expect(loaded.directory["eve"]?.organization == member.organization.map(trimmed))
        #expect(loaded.directory["eve"]?.interests == member.interests.map(trimmed))
    }

    @Test func plainWhenItCanBe() {
        #expect(ProfileWriter.scalar("Amélie Dupré") == "Amélie Dupré")
        #expect(ProfileWriter.scalar("C#") == "C#")
        #expect(ProfileWriter.scalar("yes") == "\"yes\"")
        #expect(ProfileWriter.scalar("3") == "\"3\"")
        #expect(ProfileWriter.scalar("a: b") == "\"a: b\"")
        #expect(ProfileWriter.scalar("- dash") == "\"- dash\"")
    }
}
