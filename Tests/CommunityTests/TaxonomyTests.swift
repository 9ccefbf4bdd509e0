import Testing

@testable import Community

struct TaxonomyTests {
    let taxonomy = Taxonomy(
        aliases: ["UE5": "Unreal Engine", "mocap": "motion capture", "VR": "réalité virtuelle"],
        parents: ["Blender": "modélisation 3D", "modélisation 3D": "3D", "Unreal Engine": "moteurs de jeu"])

    @Test(arguments: [
        ("Unreal Engine", "unreal engine"), ("UE5", "unreal engine"), ("ue5", "unreal engine"),
        ("Réalité  virtuelle", "realite virtuelle"), ("VR", "realite virtuelle"),
        ("realite-virtuelle", "realite virtuelle"),
        ("Mocap", "motion capture"), ("C#", "c#"), ("C++", "c++"),
    ])
    func keysIgnoreSpellingAndFollowAliases(tag: String, key: String) {
        #expect(taxonomy.key(for: tag) == key)
    }

    @Test func ancestorsNearestFirst() {
        #expect(taxonomy.ancestors(of: "blender") == ["modelisation 3d", "3d"])
        #expect(taxonomy.ancestors(of: "ue5") == [])
        #expect(taxonomy.ancestors(of: taxonomy.key(for: "UE5")) == ["moteurs de jeu"])
    }

    @Test func cyclesEnd() {
        let cyclic = Taxonomy(parents: ["a": "b", "b": "a"])
        #expect(cyclic.ancestors(of: "a") == ["b"])
    }
}
