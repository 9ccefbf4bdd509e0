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

    /// A taxonomy file read whole before its links are made: parents given
    /// before the aliases still go through them; an alias of an alias is an
    /// alias of the tag; an alias given for a second tag, or a tag put under
    /// a second parent, is said where it is and keeps the first.
    @Test func aTaxonomysConflictsAreSaidAndTheFirstIsKept() {
        let text = """
            parents:
              moteurs de jeu: [UE5, Godot]
              3D: [Blender]
              animation: [Blender]
            aliases:
              Unreal Engine: [UE5, Unreal]
              UE5: [Unreal 5]
              Unity: [Unreal]
            """
        let read = TaxonomyFile.read(text, path: "taxonomy.yaml")
        let taxonomy = read.taxonomy
        #expect(taxonomy.key(for: "Unreal 5") == "unreal engine")
        #expect(taxonomy.key(for: "unreal") == "unreal engine")
        #expect(taxonomy.ancestors(of: taxonomy.key(for: "UE5")) == ["moteurs de jeu"])
        #expect(taxonomy.ancestors(of: "blender") == ["3d"])
        // In the file's line order, as a profile's problems are.
        #expect(
            read.diagnostics == [
                Diagnostic(
                    path: "taxonomy.yaml", line: 4, column: 14,
                    .underTwoParents("Blender", kept: "3D", ignored: "animation"), severity: .warning),
                Diagnostic(
                    path: "taxonomy.yaml", line: 8, column: 10,
                    .aliasOfTwoTags("Unreal", kept: "Unreal Engine", ignored: "Unity"), severity: .warning),
            ])
    }

    /// A link that closes a cycle is the one left out, wherever its tags
    /// fall in the alphabet: the links written before it stand.
    @Test(arguments: [("3D modeling", "Blender"), ("modélisation 3D", "Blender"), ("zz", "aa")])
    func aCycleIsBrokenAtTheLinkWrittenLast(parent: String, child: String) throws {
        let text = """
            parents:
              \(parent): [\(child)]
              outils: [\(parent)]
              \(child): [outils]

            """
        let read = TaxonomyFile.read(text, path: "taxonomy.yaml")
        #expect(
            read.diagnostics == [
                Diagnostic(
                    path: "taxonomy.yaml", line: 4, column: 12 + child.count - 7,
                    .parentCycle(child: "outils", parent: child), severity: .warning)
            ])
        #expect(read.taxonomy.ancestors(of: read.taxonomy.key(for: child)) == [parent, "outils"].map(Taxonomy.fold))
    }

    @Test func cyclesEnd() {
        let cyclic = Taxonomy(parents: ["a": "b", "b": "a"])
        #expect(cyclic.ancestors(of: "a") == ["b"])
    }
}
