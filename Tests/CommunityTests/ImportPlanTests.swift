import Foundation
import Testing

@testable import Community

/// Importing a spreadsheet into a community: each row is the member it is,
/// created once, updated in place, or left alone.
struct ImportPlanTests {
    static let existing = Directory(members: [
        Member(
            id: "emily-carter", name: "Emily Carter", role: .startup, organization: "Pixel Fabrik",
            skills: [Skill("Blender")],
            contact: "emily@example.org", bio: "Studio founder."),
        Member(id: "lea-martin", name: "Léa Martin", role: .startup, organization: "Lumen XR", languages: ["fr"]),
    ])

    static func plan(_ csv: String, in directory: Directory = existing, clearsEmpty: Bool = false) -> ImportPlan {
        let read = SpreadsheetImport.read(Data(csv.utf8), path: "rows.csv")
        return ImportPlan(read, existing: directory, path: "rows.csv", clearsEmpty: clearsEmpty)
    }

    static func actions(_ plan: ImportPlan) -> [String] {
        plan.entries.map { entry in
            switch entry.action {
            case .create: return "new \(entry.member.id)"
            case .update(let changed): return "update \(entry.member.id): \(changed.joined(separator: ", "))"
            case .unchanged: return "same \(entry.member.id)"
            }
        }
    }

    @Test func aPersonIsFoundByContactThenByNameAndOrganisation() {
        let plan = Self.plan(
            """
            Nom;Rôle;Organisation;Courriel;Compétences
            Emily Carter;startup;Autre Studio;EMILY@example.org;Blender
            Léa Martin;startup;Lumen XR;;Unity
            Noé Petit;étudiant;École de design;noe@example.org;Figma
            """)
        #expect(
            Self.actions(plan) == ["update emily-carter: organization", "update lea-martin: skills", "new noe-petit"])
        #expect(plan.entries[0].member.bio == "Studio founder.", "what the file has no column for is kept")
        #expect(plan.homonyms.isEmpty)
    }

    @Test func theSameFileTwiceChangesNothingTheSecondTime() {
        let csv = """
            Nom;Rôle;Organisation;Compétences
            Noé Petit;étudiant;École de design;Figma
            Emily Carter;startup;Pixel Fabrik;Blender
            Noé Petit;étudiant;École de design;Figma
            """
        let first = Self.plan(csv)
        #expect(
            Self.actions(first) == ["new noe-petit", "same emily-carter", "same noe-petit"],
            "a person listed twice is created once")
        let after = Directory(members: Self.existing.members + first.created.map(\.member))
        #expect(Self.actions(Self.plan(csv, in: after)) == ["same noe-petit", "same emily-carter", "same noe-petit"])
    }

    @Test func aNamesakeFromElsewhereIsSomeoneElse() {
        let plan = Self.plan(
            """
            Nom;Rôle;Organisation
            Léa Martin;étudiante;École de jeu vidéo
            """)
        #expect(Self.actions(plan) == ["new lea-martin-2"])
        #expect(
            plan.homonyms == [ImportPlan.Homonym(newID: "lea-martin-2", existingID: "lea-martin", name: "Léa Martin")])
    }

    @Test func aRowWithOnlyANameIsTheOneMemberOfThatName() {
        let plan = Self.plan(
            """
            name,role
            Léa Martin,startup
            Emily Carter,student
            """)
        #expect(Self.actions(plan) == ["same lea-martin", "update emily-carter: role"])
        #expect(plan.homonyms.isEmpty)
        // Two members of one name: the row says too little to tell them apart.
        let twice = Directory(
            members: Self.existing.members + [
                Member(id: "lea-martin-2", name: "Léa Martin", role: .student, organization: "École de jeu vidéo")
            ])
        #expect(Self.actions(Self.plan("name,role\nLéa Martin,startup\n", in: twice)) == ["new lea-martin-3"])
    }

    @Test func anEmptyCellKeepsTheValueUnlessAskedOtherwise() {
        let csv = "Nom;Rôle;Organisation;Langues\nLéa Martin;startup;Lumen XR;\n"
        #expect(Self.actions(Self.plan(csv)) == ["same lea-martin"])
        #expect(Self.actions(Self.plan(csv, clearsEmpty: true)) == ["update lea-martin: languages"])
    }

    /// A row without a role updates the member it is, whose role stays (even
    /// when empty cells clear fields); a row that is nobody yet needs one.
    @Test func aRowWithoutARoleUpdatesAKnownMemberOnly() {
        for clearsEmpty in [false, true] {
            let plan = Self.plan(
                """
                Nom;Rôle;Organisation;Intérêts
                Emily Carter;;Pixel Fabrik;jeux de société
                Noé Petit;;École de design;cinéma
                """, clearsEmpty: clearsEmpty)
            #expect(Self.actions(plan) == ["update emily-carter: interests"])
            #expect(plan.entries.count == 1)
            #expect(plan.entries[0].member.role == .startup)
            #expect(plan.diagnostics.map(\.problem) == [.rowWithoutRole(name: "Noé Petit")])
            #expect(plan.diagnostics.map(\.line) == [3])
            // At the empty role cell, just after the name.
            #expect(plan.diagnostics.map(\.column) == [11])
            #expect(plan.diagnostics.map(\.cell) == [Diagnostic.Cell(index: 1, title: "Rôle")])
        }
        // No role column at all: the same.
        let plan = Self.plan("Nom,Organisation,Intérêts\nLéa Martin,Lumen XR,cinéma\nNoé Petit,École,cinéma\n")
        #expect(Self.actions(plan) == ["update lea-martin: interests"])
        #expect(plan.entries[0].member.role == .startup)
        #expect(plan.diagnostics.map(\.problem) == [.rowWithoutRole(name: "Noé Petit")])
        // No role column: at the name.
        #expect(plan.diagnostics.map(\.cell) == [Diagnostic.Cell(index: 0, title: "Nom")])
        #expect(plan.diagnostics.map(\.column) == [1])
    }

    @Test func anIdColumnNamesTheMember() {
        let plan = Self.plan("id,name,role,organization\nlea-martin,Léa Martin-Roux,startup,Lumen XR\n")
        #expect(Self.actions(plan) == ["update lea-martin: name"])
    }

    /// A cell left out as wrong (a wing of 12, a capacity of 'trois') keeps
    /// the member's own value, even when empty cells clear fields; the other
    /// cells of the row still update it.
    @Test func aWrongCellKeepsTheMembersValue() {
        let mentor = Member(
            id: "adrien", name: "Adrien Benaïssa", role: .entrepreneur, organization: "Cabinet Vasseur", wing: 9,
            capacity: 3, contact: "adrien@example.org")
        let csv =
            "Nom,Organisation,Capacité,Aile,Contact,Bio\nAdrien Benaïssa,Cabinet Vasseur,trois,12,adrien@example.org,Avocat.\n"
        let read = SpreadsheetImport.read(Data(csv.utf8), path: "rows.csv")
        #expect(read.diagnostics.map(\.problem.code) == ["row_bad_capacity", "row_bad_wing"])
        for clearsEmpty in [false, true] {
            let plan = Self.plan(csv, in: Directory(members: [mentor]), clearsEmpty: clearsEmpty)
            #expect(Self.actions(plan) == ["update adrien: bio"], "\(clearsEmpty)")
            #expect(plan.entries.first?.member.wing == 9 && plan.entries.first?.member.capacity == 3)
        }
        // A new member with a wrong capacity gets the usual one.
        let new = Self.plan("Nom,Rôle,Capacité\nNoé Petit,entrepreneur,-1\n")
        #expect(new.entries.first?.member.capacity == 1)
    }

    @Test func twoMembersMatchingOneRowIsReported() {
        let twins = Directory(
            members: Self.existing.members + [
                Member(id: "lea-martin-bis", name: "Léa Martin", role: .student, organization: "Lumen XR")
            ])
        let plan = Self.plan("Nom;Rôle;Organisation\nLéa Martin;startup;Lumen XR\n", in: twins)
        #expect(plan.entries.isEmpty)
        #expect(
            plan.diagnostics == [
                SpreadsheetImportTests.at(
                    Diagnostic(
                        path: "rows.csv", line: 2, column: 1,
                        .rowMatchesSeveral(name: "Léa Martin", ids: ["lea-martin", "lea-martin-bis"])),
                    0, "Nom", "Léa Martin")
            ])
    }

    /// A spreadsheet that writes names in capitals without accents, and skills
    /// without levels, does not degrade the profile: the spelling and the
    /// levels it has are kept.
    @Test func aPlainerSpellingKeepsTheProfilesOwn() {
        let existing = Directory(members: [
            Member(
                id: "aicha-trehou", name: "Aïcha Tréhou", role: .startup, organization: "École de design numérique",
                skills: [Skill("Figma", level: .intermediate), Skill("design graphique", level: .expert)])
        ])
        let plan = Self.plan(
            "Nom;Rôle;Organisation;Compétences\nAICHA TREHOU;jeune pousse;Ecole de design numerique;figma, design graphique\n",
            in: existing)
        #expect(Self.actions(plan) == ["same aicha-trehou"])
        let more = Self.plan(
            "Nom;Rôle;Organisation;Compétences\nAICHA TREHOU;startup;Ecole de design numerique;Figma, Unity\n",
            in: existing)
        #expect(Self.actions(more) == ["update aicha-trehou: skills"])
        #expect(more.entries[0].member.skills == [Skill("Figma", level: .intermediate), Skill("Unity")])
        #expect(more.entries[0].member.name == "Aïcha Tréhou")
    }

    /// An update rewrites only the lines of the fields that changed: comments,
    /// French keys and spellings (`jeune pousse`) stay as written, and a
    /// field rewritten keeps the file's key (`compétences:`).
    @Test func anUpdateTouchesOnlyTheChangedLines() {
        let text = """
            # Inscrite en septembre.
            nom: Aïcha Tréhou
            rôle: jeune pousse
            compétences:
              - Figma: intermediate
            # Ce qu'elle cherche :
            recherche: [financement]
            """
        var member = Member(
            id: "aicha-trehou", name: "Aïcha Tréhou", role: .startup,
            skills: [Skill("Figma", level: .intermediate), Skill("Unity")],
            seeking: ["financement"], contact: "aicha@example.org")
        let updated = ProfileWriter.updating(text + "\n", changed: ["skills", "contact"], to: member)
        #expect(
            updated == """
                # Inscrite en septembre.
                nom: Aïcha Tréhou
                rôle: jeune pousse
                compétences:
                  - Figma: intermediate
                  - Unity
                # Ce qu'elle cherche :
                recherche: [financement]
                contact: aicha@example.org

                """)
        member.seeking = []
        #expect(!ProfileWriter.updating(updated, changed: ["seeking"], to: member).contains("recherche"))
    }

    /// The comments inside a rewritten list stay: after the item they were
    /// after, before the item they were before, and those of an item taken
    /// out after the list. The file still reads back as the member.
    @Test func theCommentsInsideARewrittenListStay() throws {
        let text = """
            nom: Noé Petit
            rôle: étudiant
            compétences:
              # ses outils de 3D
              - Blender: expert
              - Unity: expert  # confirmé par Rachid
              - Maya  # à revoir
            contact: noe@example.org
            """
        let member = Member(
            id: "noe-petit", name: "Noé Petit", role: .student,
            skills: [Skill("Blender", level: .expert), Skill("Unity", level: .expert), Skill("Godot")],
            contact: "noe@example.org")
        let updated = ProfileWriter.updating(text + "\n", changed: ["skills"], to: member)
        #expect(
            updated == """
                nom: Noé Petit
                rôle: étudiant
                compétences:
                  # ses outils de 3D
                  - Blender: expert
                  - Unity: expert  # confirmé par Rachid
                  - Godot
                  # à revoir
                contact: noe@example.org

                """)
        let outcome = ProfileReader.read(updated, path: "noe-petit.yaml", defaultID: "noe-petit")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(try #require(outcome.member).skills == member.skills)
    }

    /// A list the file writes as a block stays a block when rewritten, so
    /// that each comment stays with its item.
    @Test func aBlockListStaysABlock() throws {
        let text = """
            nom: Noé Petit
            rôle: étudiant
            intérêts:  # ce qui l'anime
              - accessibilité  # depuis 2024
              - jeux vidéo
            contact: noe@example.org
            """
        let member = Member(
            id: "noe-petit", name: "Noé Petit", role: .student, interests: ["accessibilité", "design d'interaction"],
            contact: "noe@example.org")
        let updated = ProfileWriter.updating(text + "\n", changed: ["interests"], to: member)
        #expect(
            updated == """
                nom: Noé Petit
                rôle: étudiant
                intérêts:  # ce qui l'anime
                  - accessibilité  # depuis 2024
                  - design d'interaction
                contact: noe@example.org

                """)
        let read = try #require(ProfileReader.read(updated, path: "noe-petit.yaml", defaultID: "noe-petit").member)
        #expect(read.interests == member.interests)
    }

    /// A comment at the end of a rewritten field's line stays at the end of its new line; a `#` inside a
    /// value or quotes is no comment.
    @Test func aCommentAfterARewrittenFieldStays() throws {
        let text = """
            nom: Aïcha Tréhou
            rôle: jeune pousse
            compétences:  # ses outils
              - Figma: intermediate
            contact: "aicha#1@example.org" # l'ancienne adresse
            organisation: C# Studio
            recherche: ['financement # amorçage'] # priorité
            """
        let member = Member(
            id: "aicha-trehou", name: "Aïcha Tréhou", role: .startup, organization: "C++ Studio",
            skills: [Skill("Figma", level: .intermediate), Skill("Unity")],
            seeking: ["financement # amorçage", "stage"], contact: "aicha@example.org")
        let updated = ProfileWriter.updating(
            text + "\n", changed: ["skills", "contact", "organization", "seeking"], to: member)
        #expect(
            updated == """
                nom: Aïcha Tréhou
                rôle: jeune pousse
                compétences:  # ses outils
                  - Figma: intermediate
                  - Unity
                contact: aicha@example.org  # l'ancienne adresse
                organisation: C++ Studio
                recherche: ["financement # amorçage", stage]  # priorité

                """)
        // And it reads back as the member written.
        let outcome = ProfileReader.read(updated, path: "aicha-trehou.yaml", defaultID: "aicha-trehou")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let read = try #require(outcome.member)
        #expect(read.skills == member.skills && read.contact == member.contact && read.seeking == member.seeking)
        #expect(read.organization == member.organization)
    }

    /// A row named like one of the folder's own files gets another id: it never overwrites the settings.
    @Test func namesThePatioFolderUsesAreReserved() {
        let plan = Self.plan("Nom;Rôle\nCommunity;startup\nTaxonomy;student\n")
        #expect(Self.actions(plan) == ["new community-2", "new taxonomy-2"])
    }

    /// An update rewrites the member's own file, whole, under the same name, with its id when the name is not it.
    @Test func anUpdateKeepsTheFileAndTheId() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id: emily-carter\nname: Emily Carter\nrole: startup\n".write(
            to: folder.appendingPathComponent("emily.yaml"), atomically: true, encoding: .utf8)
        var loaded = ProfileFolder.load(folder.path, shownAs: "f")
        #expect(loaded.directory.files["emily-carter"] == "emily.yaml")
        var member = try #require(loaded.directory["emily-carter"])
        member.organization = "Pixel Fabrik"
        _ = try ProfileWriter.update(member, changed: ["organization"], file: "emily.yaml", in: folder.path)
        loaded = ProfileFolder.load(folder.path, shownAs: "f")
        #expect(loaded.directory.members == [member])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["emily.yaml"])
    }
}
