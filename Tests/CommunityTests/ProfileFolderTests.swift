import Foundation
import Testing
@testable import Community

struct ProfileFolderTests {
    let loaded = ProfileFolder.load(Fixtures.path("broken"), shownAs: "broken")

    @Test func everyValidMemberLoads() {
        #expect(loaded.directory.members.map(\.id) == ["amelie-dupre", "bad-key", "bad-level", "bad-types", "same-person"])
        #expect(loaded.fileCount == 10)
    }

    @Test func everyProblemHasItsPlace() {
        let shown = loaded.diagnostics.map(\.description)
        #expect(shown == [
            "broken/taxonomy.yaml:5:1: error: unknown section 'synonyms': expected 'aliases' or 'parents'",
            "broken/bad-key.yaml:3:1: error: unknown key 'skils' (did you mean 'skills'?)",
            "broken/bad-level.yaml:4:14: error: unknown level 'gourou': expected beginner, intermediate or expert",
            "broken/bad-level.yaml:6:15: error: availability 'someday' is not a slot such as 'tue-pm' or 'mardi matin'",
            "broken/bad-role.yaml:2:7: error: unknown role 'astronaute': expected student, startup or entrepreneur (or étudiant·e, jeune pousse, entrepreneur·e, mentor)",
            "broken/bad-syntax.yaml:4:10: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence that starts on line 3, column 9)",
            "broken/bad-types.yaml:3:7: error: 'wing' should be a whole number from 1 to 9, found 'trois'",
            "broken/bad-types.yaml:4:9: error: 'skills' should be a list, found '5'",
            "broken/bad-types.yaml:7:5: error: each item of 'interests' should be a word or phrase, found a set of keys",
            "broken/dup-second.yaml:1:1: error: duplicate id 'same-person': broken/dup-first.yaml has it already; this profile is not loaded",
            "broken/latin1.yaml:1:11: error: the file is not UTF-8 text (byte 0xE7): save it as UTF-8",
            "broken/no-name.yaml:1:1: error: the profile has no 'name'",
        ])
        #expect(loaded.errorCount == 12)
    }

    @Test func aProfileReadsWholly() throws {
        let member = try #require(loaded.directory["amelie-dupre"])
        #expect(member.name == "Amélie Dupré")
        #expect(member.role == .student)
        #expect(member.organization == "École de jeu vidéo")
        #expect(member.wing == 3)
        #expect(member.languages == ["fr", "en"])
        #expect(member.skills == [Skill("Blender", level: .expert), Skill("rigging"), Skill("Unreal Engine", level: .intermediate)])
        #expect(member.interests == ["motion capture", "réalité virtuelle"])
        #expect(member.availability == ["tue-pm", "thu-am"])
        #expect(member.capacity == 1)
        #expect(member.bio == "Free text, shown on the profile card and searched.\nSecond line.")
    }

    @Test func fieldsWithProblemsAreLeftOutTheRestStays() throws {
        let typed = try #require(loaded.directory["bad-types"])
        #expect(typed.role == .entrepreneur)
        #expect(typed.wing == nil && typed.skills.isEmpty)
        #expect(typed.capacity == 3)
        #expect(typed.interests == ["impression 3D"])
        let levels = try #require(loaded.directory["bad-level"])
        #expect(levels.skills == [Skill("Blender"), Skill("Maya", level: .expert)])
        #expect(levels.role == .startup)
    }

    @Test func theTaxonomyStillLoadsItsGoodSections() {
        #expect(loaded.directory.taxonomy.key(for: "ue5") == "unreal engine")
        #expect(loaded.directory.taxonomy.ancestors(of: "blender") == ["3d modeling"])
    }

    @Test func aMissingFolderIsOneProblem() {
        let missing = ProfileFolder.load("/nonexistent/folder", shownAs: "nowhere")
        #expect(missing.diagnostics.map(\.description) == ["nowhere: error: no such folder"])
        #expect(missing.directory.isEmpty)
    }

    @Test func theBundledCommunityLoadsCleanly() {
        let bundled = ProfileFolder.load(URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Profiles").standardized.path, shownAs: "Profiles")
        #expect(bundled.diagnostics.isEmpty, "\(bundled.diagnostics)")
        #expect(bundled.directory.members.count >= 120)
        #expect(Set(bundled.directory.members.map(\.role)) == Set(Role.allCases))
        #expect(bundled.directory.settings.name == "La Serre numérique")
        #expect(bundled.directory.members.contains { $0.languages == ["fr"] })
        #expect(bundled.directory.members.contains { !$0.languages.contains("fr") })
        #expect(bundled.directory.members.allSatisfy { $0.contact?.hasSuffix("@example.org") ?? true })
    }
}
