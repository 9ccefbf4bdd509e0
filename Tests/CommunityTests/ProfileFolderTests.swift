import Foundation
import Testing

@testable import Community

struct ProfileFolderTests {
    let loaded = ProfileFolder.load(Fixtures.path("broken"), shownAs: "broken")

    @Test func everyValidMemberLoads() {
        #expect(
            loaded.directory.members.map(\.id) == ["amelie-dupre", "bad-key", "bad-level", "bad-types", "same-person"])
        #expect(loaded.fileCount == 10)
    }

    @Test func everyProblemHasItsPlace() {
        let shown = loaded.diagnostics.map(\.description)
        // One rule: an error means something was not loaded, a warning that a part of it was left out; each says which.
        #expect(
            shown == [
                "broken/taxonomy.yaml:5:1: warning: unknown section 'synonyms' ignored (expected 'aliases' or 'parents')",
                "broken/bad-key.yaml:3:1: warning: unknown key 'skils' ignored (did you mean 'skills'?)",
                "broken/bad-level.yaml:4:14: warning: unknown level 'gourou': expected beginner, intermediate or expert; the skill is kept without a level",
                "broken/bad-level.yaml:6:15: warning: availability 'someday' is not a slot such as 'tue-pm' or 'mardi matin': left out",
                "broken/bad-role.yaml:2:7: error: unknown role 'astronaute': expected student, startup or entrepreneur (or étudiant·e, jeune pousse, entrepreneur·e, mentor); the profile is not loaded",
                "broken/bad-syntax.yaml:4:10: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence that starts on line 3, column 9): the profile is not loaded",
                "broken/bad-types.yaml:3:7: warning: 'wing' should be a whole number from 1 to 9, found 'trois': ignored",
                "broken/bad-types.yaml:4:9: warning: 'skills' should be a list, found '5': ignored",
                "broken/bad-types.yaml:7:5: warning: each item of 'interests' should be a word or phrase, found a set of keys: that item is ignored",
                "broken/dup-second.yaml:1:1: error: duplicate id 'same-person': broken/dup-first.yaml has it already; this profile is not loaded",
                "broken/latin1.yaml:1:11: error: the file is not UTF-8 text (byte 0xE7): save it as UTF-8; the profile is not loaded",
                "broken/no-name.yaml:1:1: error: the profile has no 'name': it is not loaded",
            ])
        #expect(loaded.errorCount == 5)
        // Every error is a profile that did not load; every warning one that did.
        let loadedFiles = Set(loaded.directory.members.map { loaded.directory.files[$0.id]! })
        for diagnostic in loaded.diagnostics
        where diagnostic.path.hasSuffix(".yaml") && !diagnostic.path.hasSuffix("taxonomy.yaml") {
            let file = String(diagnostic.path.dropFirst("broken/".count))
            #expect(loadedFiles.contains(file) == (diagnostic.severity == .warning), "\(diagnostic)")
        }
    }

    @Test func aProfileReadsWholly() throws {
        let member = try #require(loaded.directory["amelie-dupre"])
        #expect(member.name == "Amélie Dupré")
        #expect(member.role == .student)
        #expect(member.organization == "École de jeu vidéo")
        #expect(member.wing == 3)
        #expect(member.languages == ["fr", "en"])
        #expect(
            member.skills == [
                Skill("Blender", level: .expert), Skill("rigging"), Skill("Unreal Engine", level: .intermediate),
            ])
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
        let bundled = ProfileFolder.load(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent()
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
