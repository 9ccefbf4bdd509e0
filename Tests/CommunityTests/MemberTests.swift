import Testing

@testable import Community

struct MemberTests {
    @Test(arguments: [
        ("student", Role.student), ("Étudiante", .student), ("étudiant·e", .student), ("ETUDIANT", .student),
        ("jeune pousse", .startup), ("Start-up", .startup), ("startup", .startup),
        ("entrepreneuse", .entrepreneur), ("entrepreneur·e", .entrepreneur), ("Mentor", .entrepreneur),
    ])
    func rolesInEnglishAndFrench(word: String, role: Role) {
        #expect(Role(word: word) == role)
    }

    @Test func unknownRoles() {
        #expect(Role(word: "astronaute") == nil)
        #expect(Role(word: "") == nil)
    }

    @Test(arguments: [
        ("expert", SkillLevel.expert), ("Experte", .expert), ("débutant", .beginner), ("intermédiaire", .intermediate),
        ("confirmé", .intermediate),
    ])
    func levels(word: String, level: SkillLevel) {
        #expect(SkillLevel(word: word) == level)
    }

    @Test(arguments: [
        ("Amélie Dupré", "amelie-dupre"), ("  Noël  Lefèvre-Crépin ", "noel-lefevre-crepin"), ("Zoé Ærø", "zoe-aero"),
        ("Jean-Noël d'Artois", "jean-noel-d-artois"), ("李伟", "member"),
    ])
    func idsFromNames(name: String, id: String) {
        #expect(MemberID.from(name: name) == id)
    }

    @Test func uniqueIds() {
        #expect(MemberID.unique("amelie-dupre", avoiding: []) == "amelie-dupre")
        #expect(MemberID.unique("amelie-dupre", avoiding: ["amelie-dupre", "amelie-dupre-2"]) == "amelie-dupre-3")
    }

    @Test(arguments: [
        ("tue-pm", "tue-pm"), ("Tue PM", "tue-pm"), ("mardi après-midi", "tue-pm"), ("jeudi matin", "thu-am"),
        ("ven soir", "fri-eve"),
    ])
    func slots(text: String, slot: String) {
        #expect(AvailabilitySlot.normalize(text) == slot)
    }

    @Test func notASlot() {
        #expect(AvailabilitySlot.normalize("someday") == nil)
        #expect(AvailabilitySlot.normalize("mardi") == nil)
    }

    @Test(arguments: [("Français", "fr"), ("anglais", "en"), ("EN", "en"), ("Espagnol", "es"), ("klingon", "klingon")])
    func languages(text: String, code: String) {
        #expect(LanguageCode.code(for: text) == code)
    }

    @Test(arguments: [
        ("Blender (expert)", Skill("Blender", level: .expert)), ("Blender: expert", Skill("Blender", level: .expert)),
        ("C#", Skill("C#")), ("Substance 3D (Painter)", Skill("Substance 3D (Painter)")),
        ("Maya (débutante)", Skill("Maya", level: .beginner)), ("Blender (expret)", Skill("Blender")),
        ("Maya: debutnt", Skill("Maya")), ("Maya: guru", Skill("Maya")), ("Unity (C)", Skill("Unity (C)")),
        ("Houdini (UX)", Skill("Houdini (UX)")),
    ])
    func skillText(text: String, skill: Skill) {
        #expect(SkillText.parse(text).skill == skill)
    }

    /// How a skill's text was read is said: a level mistyped (left out of
    /// the name), or words that are no level (kept in it); nothing else.
    @Test func skillTextSaysWhatItDidWithWordsThatAreNoLevel() {
        #expect(SkillText.parse("Blender (expert)").problem == nil)
        #expect(SkillText.parse("Blender (expret)").problem == .unknownLevel("expret", suggestion: "expert"))
        #expect(SkillText.parse("Maya: debutnt").problem == .unknownLevel("debutnt", suggestion: "débutant"))
        #expect(SkillText.parse("Maya: guru").problem == .unknownLevel("guru", suggestion: nil))
        #expect(
            SkillText.parse("Substance 3D (Painter)").problem
                == .levelKeptInName("Painter", skill: "Substance 3D (Painter)"))
    }

    @Test func listCellsKeepParentheses() {
        #expect(
            ListCell.split("Blender (expert, 5 ans); rigging | Maya") == ["Blender (expert, 5 ans)", "rigging", "Maya"])
        #expect(ListCell.split("a, b", separators: [";"]) == ["a, b"])
    }
}
