import Testing

@testable import Community

struct DirectoryTests {
    static let taxonomy = Taxonomy(
        aliases: ["UE5": "Unreal Engine", "VR": "réalité virtuelle"],
        parents: ["Blender": "modélisation 3D", "Maya": "modélisation 3D"])
    static let directory = Directory(
        members: [
            Member(
                id: "amelie-dupre", name: "Amélie Dupré", role: .student, organization: "École de jeu vidéo", wing: 3,
                skills: [Skill("Blender", level: .expert), Skill("rigging")], interests: ["VR"],
                seeking: ["levée de fonds", "doublage"],
                offering: ["rigging"], bio: "J'adore la capture de mouvement."),
            Member(
                id: "anais-dupre", name: "Anaïs Dupré", role: .startup, organization: "Pixel Fabrik", wing: 4,
                skills: [Skill("Unreal Engine", level: .intermediate)], seeking: ["rigging"], offering: ["stage"]),
            Member(
                id: "emilie-durand", name: "Émilie Durand", role: .entrepreneur, organization: "Nord Capital", wing: 9,
                skills: [Skill("levée de fonds", level: .expert)], interests: ["réalité virtuelle"],
                offering: ["levée de fonds"],
                bio: "Blender en amateur."),
            Member(
                id: "zoe-blender", name: "Zoé Blender", role: .student, organization: "École d'animation 3D",
                skills: [Skill("Maya", level: .beginner)], seeking: ["modélisation 3D"]),
        ], taxonomy: taxonomy)

    @Test(arguments: [
        ("amelie-dupre", "amelie-dupre"), ("Amélie Dupré", "amelie-dupre"), ("amelie dupre", "amelie-dupre"),
        ("emi", "emilie-durand"), ("Durand", "emilie-durand"), ("ZOÉ", "zoe-blender"),
    ])
    func findsOneMember(text: String, id: String) {
        #expect(Self.directory.lookup(text) == .found(Self.directory[id]!))
    }

    @Test func ambiguousAndUnknown() {
        guard case .ambiguous(let candidates) = Self.directory.lookup("dupré") else {
            Issue.record("not ambiguous")
            return
        }
        #expect(candidates.map(\.id) == ["amelie-dupre", "anais-dupre"])
        #expect(Self.directory.lookup("Emilie Durant") == .notFound(suggestion: "Émilie Durand"))
        #expect(Self.directory.lookup("xyz") == .notFound(suggestion: nil))
    }

    @Test func filtersCombine() {
        #expect(
            Self.directory.members(matching: MemberFilter(role: .student)).map(\.id) == ["amelie-dupre", "zoe-blender"])
        #expect(Self.directory.members(matching: MemberFilter(skill: "blender")).map(\.id) == ["amelie-dupre"])
        #expect(
            Self.directory.members(matching: MemberFilter(skill: "modelisation 3d")).map(\.id) == [
                "amelie-dupre", "zoe-blender",
            ],
            "a broader tag finds the narrower ones")
        #expect(
            Self.directory.members(matching: MemberFilter(interest: "VR")).map(\.id) == [
                "amelie-dupre", "emilie-durand",
            ])
        #expect(Self.directory.members(matching: MemberFilter(skill: "ue5", wing: 4)).map(\.id) == ["anais-dupre"])
        #expect(
            Self.directory.members(matching: MemberFilter(organization: "ecole")).map(\.id) == [
                "amelie-dupre", "zoe-blender",
            ])
    }

    @Test func searchRanksTagsAboveBiosAndExpertsAboveBeginners() {
        let hits = Self.directory.search("blender")
        #expect(hits.map(\.member.id) == ["amelie-dupre", "zoe-blender", "emilie-durand"])
        #expect(hits[0].reasons == [.tag(.skills, "Blender", level: .expert)])
        #expect(hits[2].reasons == [.bio])
        #expect(Self.directory.search("levee de fonds").first?.member.id == "emilie-durand")
    }

    @Test func searchForgivesATypoInATag() {
        #expect(Self.directory.search("bledner").map(\.member.id) == ["amelie-dupre"])
        #expect(Self.directory.search("rigign").map(\.member.id).contains("anais-dupre"))
        #expect(Self.directory.search("zzzz").isEmpty)
    }

    @Test func tagCountsFoldSpellings() {
        let counts = Self.directory.tagCounts([.interests])
        #expect(counts.map { "\($0.tag) \($0.count)" } == ["réalité virtuelle 2"])
    }

    @Test func unmetNeeds() {
        // Doublage: nobody offers it. Levée de fonds: Émilie does. Rigging: Amélie does.
        // Modélisation 3D: Amélie's Blender is under it.
        #expect(
            Self.directory.unmetNeeds().map { "\($0.tag): \($0.seekers.map(\.id))" } == ["doublage: [\"amelie-dupre\"]"]
        )
    }

    @Test func statistics() {
        let stats = Self.directory.statistics()
        #expect(stats.memberCount == 4)
        #expect(stats.byRole.map(\.1) == [2, 1, 1])
        #expect(stats.needs == 4 && stats.metNeeds == 3)
    }
}
