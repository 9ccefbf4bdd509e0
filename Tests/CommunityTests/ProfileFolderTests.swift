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
        // One rule: an error means something was not loaded, a warning that a part of it was left out; each says which.
        #expect(
            loaded.diagnostics == [
                Diagnostic(
                    path: "broken/taxonomy.yaml", line: 5, column: 1, .unknownSection("synonyms", suggestion: nil),
                    severity: .warning),
                Diagnostic(
                    path: "broken/bad-key.yaml", line: 3, column: 1, .unknownKey("skils", suggestion: "skills"),
                    severity: .warning),
                Diagnostic(
                    path: "broken/bad-level.yaml", line: 4, column: 14, .unknownLevel("gourou", suggestion: nil),
                    severity: .warning),
                Diagnostic(path: "broken/bad-level.yaml", line: 6, column: 15, .badSlot("someday"), severity: .warning),
                Diagnostic(
                    path: "broken/bad-role.yaml", line: 2, column: 7, .unknownRole("astronaute", suggestion: nil)),
                Diagnostic(
                    path: "broken/bad-syntax.yaml", line: 4, column: 10,
                    .yamlSyntax(
                        "did not find expected ',' or ']'", context: "while parsing a flow sequence", contextLine: 3,
                        contextColumn: 9), consequence: .profileNotLoaded),
                Diagnostic(
                    path: "broken/bad-types.yaml", line: 3, column: 7,
                    .notWholeNumber(field: "wing", range: 1...9, found: .written("trois")), severity: .warning),
                Diagnostic(
                    path: "broken/bad-types.yaml", line: 4, column: 9, .notList(field: "skills", found: .written("5")),
                    severity: .warning),
                Diagnostic(
                    path: "broken/bad-types.yaml", line: 7, column: 5, .itemNotWord(field: "interests", found: .keys),
                    severity: .warning),
                Diagnostic(
                    path: "broken/dup-second.yaml", line: 1, column: 1,
                    .duplicateID("same-person", firstFile: "broken/dup-first.yaml")),
                Diagnostic(
                    path: "broken/latin1.yaml", line: 1, column: 11, .notUTF8(byte: 0xE7),
                    consequence: .profileNotLoaded),
                Diagnostic(path: "broken/no-name.yaml", line: 1, column: 1, .missingName),
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

    /// An empty file (or one of comments only) is said to be empty; a list or
    /// a lone value is said not to be keys.
    @Test func anEmptyFileIsSaidEmpty() {
        for text in ["", "# nothing yet\n", "\n\n"] {
            let outcome = ProfileReader.read(text, path: "e.yaml", defaultID: "e")
            #expect(outcome.member == nil)
            #expect(outcome.diagnostics.map(\.problem) == [.emptyDocument(.profile)], "\(text.debugDescription)")
        }
        for text in ["- name: A\n- role: student\n", "just words\n"] {
            #expect(
                ProfileReader.read(text, path: "l.yaml", defaultID: "l").diagnostics.map(\.problem) == [
                    .notKeys(.profile)
                ])
        }
    }

    /// The same slot written two ways (French and English, or spelt
    /// differently) is one, in a profile and in an imported row.
    @Test func aSlotWrittenTwiceIsOne() {
        let slots = ProfileReader.read(
            "name: Zed\nrole: student\navailability: [mardi aprem, tue-pm, Tue PM, jeudi matin]\n", path: "z.yaml",
            defaultID: "z")
        #expect(slots.member?.availability == ["tue-pm", "thu-am"])
        let read = SpreadsheetImport.read(
            Data("Nom;Rôle;Disponibilités\nZed;étudiant;mardi aprem, tue-pm\n".utf8), path: "r.csv")
        #expect(read.members.first?.availability == ["tue-pm"])
    }

    /// A language written like a known one but not quite is kept as written,
    /// with a warning naming the one meant; another language, silence.
    @Test func aMistypedLanguageIsWarnedOf() throws {
        let outcome = ProfileReader.read(
            "name: Zed\nrole: student\nlanguages: [frnçais, en, wolof, anglias, Français]\n", path: "z.yaml",
            defaultID: "z")
        #expect(outcome.member?.languages == ["frncais", "en", "wolof", "anglias", "fr"])
        #expect(
            outcome.diagnostics.map(\.problem) == [
                .unknownLanguage("frnçais", suggestion: "français"), .unknownLanguage("anglias", suggestion: "anglais"),
            ])
        #expect(outcome.diagnostics.allSatisfy { $0.severity == .warning && $0.line == 3 })
        // Each at its own item, on a line or in a list written one item a line.
        #expect(outcome.diagnostics.map(\.column) == [13, 33])
        let block = ProfileReader.read(
            "name: Zed\nrole: student\nlanguages:\n  - fr\n  - frnçais\n  - englsh\n  -   espagnool\n", path: "z.yaml",
            defaultID: "z")
        #expect(block.diagnostics.map { [$0.line, $0.column] } == [[5, 5], [6, 5], [7, 7]])
        let read = SpreadsheetImport.read(Data("Nom;Rôle;Langues\nZed;étudiant;englsh, fr\n".utf8), path: "r.csv")
        #expect(read.diagnostics.map(\.problem) == [.unknownLanguage("englsh", suggestion: "english")])
    }

    /// A folder of its own holding one valid profile, `zed.yaml`.
    static func folderWithZed() throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        try "name: Zed\nrole: student\n".write(
            to: folder.appendingPathComponent("zed.yaml"), atomically: false, encoding: .utf8)
        return folder
    }

    /// A link to nothing, or to itself, among the profiles: that file is said not to be there; the others load.
    @Test func aLinkThatLeadsNowhereIsSaidSo() throws {
        let folder = try Self.folderWithZed()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(symlink("nowhere.yaml", folder.appendingPathComponent("ghost.yaml").path) == 0)
        #expect(symlink("loop.yaml", folder.appendingPathComponent("loop.yaml").path) == 0)
        let loaded = ProfileFolder.load(folder.path, shownAs: "P")
        #expect(loaded.directory.members.map(\.id) == ["zed"])
        #expect(loaded.diagnostics.map(\.path) == ["P/ghost.yaml", "P/loop.yaml"])
        #expect(loaded.diagnostics.allSatisfy { $0.problem == .cannotReadFile(denied: false) })
    }

    /// A field given again under another of its names: the first is kept, and the warning names the key written.
    @Test func aFieldGivenAgainByAnotherNameIsWarnedOfAsWritten() {
        let outcome = ProfileReader.read("name: Zed\nrole: student\nnom: Zoé\n", path: "z.yaml", defaultID: "z")
        #expect(outcome.member?.name == "Zed")
        #expect(outcome.diagnostics.map(\.problem) == [.repeatedKey("nom", field: "name", firstLine: 1)])
        #expect(outcome.diagnostics.map(\.line) == [3])
    }

    /// An item written twice (case and accents aside) is kept once, with a warning; a
    /// language written two ways is one language.
    @Test func anItemWrittenTwiceIsKeptOnce() {
        let outcome = ProfileReader.read(
            "name: Zed\nrole: student\nskills: [\"Blender: expert\", \"blender (débutante)\", Maya]\n"
                + "interests: [Jeux, jeux, JEUX, bd]\nlanguages: [en, anglais, fr]\n",
            path: "z.yaml", defaultID: "z")
        #expect(outcome.member?.skills == [Skill("Blender", level: .expert), Skill("Maya")])
        #expect(outcome.member?.interests == ["Jeux", "bd"])
        #expect(outcome.member?.languages == ["en", "fr"])
        #expect(
            outcome.diagnostics.map(\.problem) == [
                .list(.repeatedItems(field: "skills", items: ["blender"])),
                .list(.repeatedItems(field: "interests", items: ["jeux", "JEUX"])),
            ])
        // Each said where the first item written again is.
        #expect(outcome.diagnostics.map { [$0.line, $0.column] } == [[3, 29], [4, 19]])
        let block = ProfileReader.read(
            "name: Zed\nrole: student\nskills:\n  - Blender: expert\n  - Maya\n  - blender\n", path: "z.yaml",
            defaultID: "z")
        #expect(block.diagnostics.map { [$0.line, $0.column] } == [[6, 5]], "the item dropped, not the one kept")
        let read = SpreadsheetImport.read(
            Data("Nom;Rôle;Intérêts\nZed;étudiant;bd, BD\n".utf8), path: "r.csv")
        #expect(read.members.first?.interests == ["bd"])
        #expect(read.diagnostics.count == 1)
    }

    /// In a profile: a level mistyped is a warning at its item, the skill
    /// kept without it; words that are no level stay in the name, with a note.
    @Test func aSkillLevelMistypedOrNoLevelAtAll() {
        let outcome = ProfileReader.read(
            "name: Zed\nrole: student\nskills:\n  - \"Maya: expret\"\n  - Substance 3D (Painter)\n",
            path: "z.yaml", defaultID: "z")
        #expect(outcome.member?.skills == [Skill("Maya"), Skill("Substance 3D (Painter)")])
        #expect(
            outcome.diagnostics == [
                Diagnostic(
                    path: "z.yaml", line: 4, column: 5, .unknownLevel("expret", suggestion: "expert"),
                    severity: .warning),
                Diagnostic(
                    path: "z.yaml", line: 5, column: 5,
                    .levelKeptInName("Painter", skill: "Substance 3D (Painter)"), severity: .note),
            ])
    }

    /// A skill with a level but no name is said and left out; a separator with
    /// nothing after it is dropped; YAML's null in a list is no item.
    @Test func aSkillWithNoNameIsSaidAndNullIsNoItem() {
        let outcome = ProfileReader.read(
            "name: Zed\nrole: student\nskills:\n  - \": expert\"\n  - \":\"\n  - \"C++: \"\n  - null\n  - ~\n  - Maya\n"
                + "interests: [null, bd]\noffering: \"(expert), Unity\"\n",
            path: "z.yaml", defaultID: "z")
        #expect(outcome.member?.skills == [Skill("C++"), Skill("Maya")])
        #expect(outcome.member?.interests == ["bd"])
        #expect(outcome.member?.offering == ["(expert)", "Unity"], "a list of words, not of skills")
        #expect(outcome.diagnostics.map(\.problem) == [.skillWithoutName(": expert"), .skillWithoutName(":")])
        #expect(outcome.diagnostics.map(\.line) == [4, 5])
        // The same written as a mapping whose key is empty.
        let mapped = ProfileReader.read(
            "name: Zed\nrole: student\nskills:\n  - \"\": expert\n  - \" \": expert\n  - \"\":\n  - Maya: expert\n",
            path: "z.yaml", defaultID: "z")
        #expect(mapped.member?.skills == [Skill("Maya", level: .expert)])
        #expect(
            mapped.diagnostics.map(\.problem) == [
                .skillWithoutName(": expert"), .skillWithoutName(": expert"), .skillWithoutName(":"),
            ])
        #expect(mapped.diagnostics.map(\.line) == [4, 5, 6])
        let inline = ProfileReader.read(
            "name: Zed\nrole: student\nskills: \"(expert), Maya: expert\"\n", path: "z.yaml", defaultID: "z")
        #expect(inline.member?.skills == [Skill("Maya", level: .expert)])
        #expect(inline.diagnostics.map(\.problem) == [.skillWithoutName("(expert)")])
    }

    /// Each problem's code for programs: words joined by "_", capitals in a row one word.
    @Test func problemCodesAreSnakeCaseWithAcronymsWhole() {
        #expect(Diagnostic.Problem.notUTF8(byte: 0xE9).code == "not_utf8")
        #expect(Diagnostic.Problem.fileNameNotUTF8.code == "file_name_not_utf8")
        #expect(Diagnostic.Problem.duplicateID("a", firstFile: "a.yaml").code == "duplicate_id")
        #expect(Diagnostic.Problem.missingRole.code == "missing_role")
    }

    /// A profile file whose name is not UTF-8 is said, shown with its bytes
    /// escaped, never as another name; the rest of the folder loads.
    @Test func aFileNameThatIsNotUTF8IsSaidAsItIs() throws {
        let folder = try Self.folderWithZed()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name: [UInt8] in [
            Array("x".utf8) + [0xFF] + Array(".yaml".utf8), Array("x".utf8) + [0xFE] + Array(".yaml".utf8),
            [0xE9] + Array(".txt".utf8),
        ] {
            let path = Array(folder.path.utf8) + [0x2F] + name + [0]
            let descriptor = path.withUnsafeBufferPointer { creat($0.baseAddress!, 0o644) }
            #expect(descriptor >= 0)
            close(descriptor)
        }
        let loaded = ProfileFolder.load(folder.path, shownAs: "P")
        #expect(loaded.directory.members.map(\.id) == ["zed"])
        // In path order, by the names as shown; counted among the profile files.
        #expect(loaded.diagnostics.map(\.path) == ["P/x\\xFE.yaml", "P/x\\xFF.yaml"], "not a .yaml: not a profile")
        #expect(loaded.fileCount == 3)
        #expect(loaded.diagnostics.allSatisfy { $0.problem == .fileNameNotUTF8 && $0.severity == .error })
        #expect(
            ProfileFolder.escaped(Array("é".utf8) + [0xC3] + Array("a".utf8) + [0xE2, 0x82]) == "é\\xC3a\\xE2\\x82")
        #expect(ProfileFolder.escaped(Array("Zoé.yaml".utf8)) == "Zoé.yaml")
    }

    /// A required field given with no value is said where it is written, in line order with the rest.
    @Test func aRequiredFieldGivenEmptyIsSaidWhereItIs() {
        let role = ProfileReader.read("name: Zed\nrole: ~\nskils: x\n", path: "z.yaml", defaultID: "z")
        #expect(role.member == nil)
        #expect(role.diagnostics.map(\.problem) == [.missingRole, .unknownKey("skils", suggestion: "skills")])
        #expect(role.diagnostics.map { [$0.line, $0.column] } == [[2, 1], [3, 1]])
        let name = ProfileReader.read("role: student\nname:\n", path: "z.yaml", defaultID: "z")
        #expect(name.diagnostics.map(\.problem) == [.missingName])
        #expect(name.diagnostics.map(\.line) == [2])
    }

    /// A file that does not load (no name, an unknown role) still has its other fields read: every problem is said at once.
    @Test func aProfileThatDoesNotLoadStillSaysItsOtherProblems() {
        let role = ProfileReader.read(
            "name: Zed\nrole: astronote\nwing: ten\nskills: [\"Maya: guru\"]\n", path: "z.yaml", defaultID: "Zed")
        #expect(role.member == nil)
        #expect(
            role.diagnostics.map(\.problem) == [
                .unknownRole("astronote", suggestion: nil),
                .notWholeNumber(field: "wing", range: 1...9, found: .written("ten")),
                .unknownLevel("guru", suggestion: nil),
            ])
        #expect(role.diagnostics.map(\.severity) == [.error, .warning, .warning])
        let name = ProfileReader.read("wing: 12\nrole: student\n", path: "z.yaml", defaultID: "Zed")
        #expect(name.member == nil)
        #expect(name.diagnostics.map(\.line) == [1, 1], "the name missing, said at the top, then the wing")
        #expect(name.diagnostics.map(\.severity) == [.error, .warning])
        #expect(
            !name.diagnostics.contains { $0.problem == .fileNameNotID("Zed", id: "zed") }, "no note on an id not used")
    }

    /// A name or role given as a list or keys is one error, which says the profile is not loaded.
    @Test func aRequiredFieldThatIsNoTextIsOneError() {
        let role = ProfileReader.read("name: Zed\nrole: [student]\n", path: "z.yaml", defaultID: "z")
        #expect(role.member == nil)
        #expect(role.diagnostics.map(\.problem) == [.requiredNotText(field: "role", found: .list)])
        #expect(role.diagnostics.map(\.severity) == [.error])
        let name = ProfileReader.read("name: {first: Zoé}\nrole: student\n", path: "z.yaml", defaultID: "z")
        #expect(name.member == nil)
        #expect(name.diagnostics.map(\.problem) == [.requiredNotText(field: "name", found: .keys)])
        #expect(name.diagnostics.map { [$0.line, $0.column] } == [[1, 7]])
    }

    /// A file's problems come in its lines' order, whatever the order its fields are read in.
    @Test func aFilesProblemsComeInTheOrderOfItsLines() {
        let outcome = ProfileReader.read(
            "name: Zed\nrole: student\nwing: ten\nskills: [\"Maya: guru\"]\nlanguages: [frnçais]\nsurnom: Z\n",
            path: "z.yaml", defaultID: "z")
        #expect(outcome.diagnostics.map(\.line) == [3, 4, 5, 6])
        #expect(outcome.diagnostics.count { $0.severity == .warning } == 4)
    }

    @Test func theTaxonomyStillLoadsItsGoodSections() {
        #expect(loaded.directory.taxonomy.key(for: "ue5") == "unreal engine")
        #expect(loaded.directory.taxonomy.ancestors(of: "blender") == ["3d modeling"])
    }

    @Test func aMissingFolderIsOneProblem() {
        let missing = ProfileFolder.load("/nonexistent/folder", shownAs: "nowhere")
        #expect(missing.diagnostics == [Diagnostic(path: "nowhere", .noSuchFolder)])
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

/// `community.yaml`'s problems: in line order, each with the nearest valid word.
struct SettingsFileTests {
    @Test func aMistypedRoleGetsTheNearestAndProblemsComeInLineOrder() {
        let text = """
            roles:
              student: {startup: 0.8, studnet: 0.3}
              astronaute: {student: 1}
            weights:
              skils: 2
            """
        let read = SettingsFile.read(text, path: "community.yaml")
        #expect(
            read.diagnostics.map(\.problem) == [
                .unknownRoleKey("studnet", suggestion: "student"), .unknownRoleKey("astronaute", suggestion: nil),
                read.diagnostics.last!.problem,
            ])
        #expect(read.diagnostics.map(\.line) == [2, 3, 5])
        #expect(read.settings.weights.roles[RolePair(.student, .startup)] == 0.8)
    }
}
