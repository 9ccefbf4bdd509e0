import Community
import Foundation
import Matching
import Matchmaker

/// A seeded community of any size drawn from the hub's vocabulary: roles in
/// the bundled proportions, 2–4 skills, 1–3 interests, needs and offers with
/// Zipf-like popularity, French and English speakers.
enum SyntheticCommunity {
    static let skills = [
        "Blender", "Maya", "Houdini", "rigging", "animation 3D", "modélisation 3D", "texturing", "Substance Painter",
        "compositing", "Nuke", "ZBrush", "Unity", "Unreal Engine", "level design", "game design", "C#", "C++",
        "narrative design", "shaders", "Godot", "UX research", "UI design", "design graphique", "typographie",
        "Figma", "prototypage", "motion design", "design sonore", "impression 3D", "électronique", "Arduino",
        "motion capture", "réalité virtuelle", "réalité augmentée", "IA générative", "Python",
    ]
    static let business = [
        "levée de fonds", "business plan", "propriété intellectuelle", "recrutement", "production", "distribution",
        "stratégie commerciale", "marketing", "financement", "éditeur", "mentoring", "revue de portfolio",
        "stage", "alternance", "projet réel", "tests utilisateurs", "localisation", "doublage",
    ]
    static let interests = [
        "motion capture", "réalité virtuelle", "jeu vidéo indépendant", "cinéma d'animation", "narration interactive",
        "design sonore", "impression 3D", "IA générative", "e-sport", "jeux sérieux", "patrimoine numérique",
        "art génératif", "accessibilité", "éco-conception", "bande dessinée", "stop motion", "musique électronique",
    ]
    static let organizations = [
        "École de design numérique", "École d'animation 3D", "École de jeu vidéo", "Pixel Fabrik", "Studio Nébuleuse",
        "Holonef", "Brume Interactive", "Lumen XR", "Kinéma Lab", "Nord Capital Amorçage", "Studio Beaufort",
        "Talents du Nord", "Conseil Delattre", "Fablab de la Serre", "Centre de recherche et de transfert",
    ]

    static func make(_ count: Int, seed: UInt64) -> Directory {
        var rng = SplitMix64(seed: seed)
        func zipf(_ list: [String]) -> String {
            let weights = list.indices.map { 1.0 / pow(Double($0 + 1), 0.9) }
            var pick = Double.random(in: 0..<weights.reduce(0, +), using: &rng)
            for (index, weight) in weights.enumerated() {
                pick -= weight
                if pick < 0 { return list[index] }
            }
            return list[list.count - 1]
        }
        func several(_ list: [String], _ range: ClosedRange<Int>) -> [String] {
            var chosen: [String] = []
            for _ in 0..<Int.random(in: range, using: &rng) {
                let tag = zipf(list)
                if !chosen.contains(tag) { chosen.append(tag) }
            }
            return chosen
        }
        let members = (0..<count).map { index -> Member in
            let draw = Double.random(in: 0..<1, using: &rng)
            let role: Role = draw < 0.5 ? .student : draw < 0.75 ? .startup : .entrepreneur
            let skillTags = several(role == .entrepreneur ? business + skills : skills, 2...4)
            let levels: [SkillLevel] = role == .student ? [.beginner, .intermediate] : [.intermediate, .expert]
            let seeking =
                role == .entrepreneur
                ? several(skills + ["projet réel", "alternance"], 1...2) : several(business + skills, 1...3)
            let offering = role == .entrepreneur ? several(business, 2...3) : Array(skillTags.prefix(2))
            let spoken =
                Double.random(in: 0..<1, using: &rng) < 0.15
                ? ["fr"] : Double.random(in: 0..<1, using: &rng) < 0.05 ? ["en"] : ["fr", "en"]
            return Member(
                id: String(format: "membre-%05d", index), name: "Membre \(index)", role: role,
                organization: organizations[Int.random(in: 0..<organizations.count, using: &rng)],
                wing: Int.random(in: 1...9, using: &rng), languages: spoken,
                skills: skillTags.map { Skill($0, level: levels.randomElement(using: &rng)) },
                interests: several(interests, 1...3), seeking: seeking, offering: offering,
                capacity: role == .entrepreneur ? Int.random(in: 1...4, using: &rng) : 1)
        }
        return Directory(
            members: members,
            taxonomy: Taxonomy(parents: [
                "Blender": "modélisation 3D", "Maya": "modélisation 3D",
                "Unity": "moteurs de jeu", "Unreal Engine": "moteurs de jeu",
            ]))
    }

    /// The same taxonomy as a folder's `taxonomy.yaml`.
    static let taxonomyFile = """
        parents:
          modélisation 3D: [Blender, Maya]
          moteurs de jeu: [Unity, Unreal Engine]

        """

    /// The community's profile files and its taxonomy, in `folder`.
    static func write(_ directory: Directory, into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for member in directory.members { _ = try ProfileWriter.write(member, into: folder, replacing: true) }
        try taxonomyFile.write(
            toFile: (folder as NSString).appendingPathComponent(ProfileFolder.taxonomyFile), atomically: true,
            encoding: .utf8)
    }

    /// Scores the community and pairs it exactly, as `match pairs` does; prints the times.
    static func benchmark(size: Int, repetitions: Int, writeTo folder: String?) throws {
        let directory = make(size, seed: 7000 + UInt64(size))
        if let folder {
            try write(directory, into: folder)
            print("wrote \(size) profiles to \(folder)")
        }
        var times: [Double] = []
        var last: Draft?
        for _ in 0..<max(1, repetitions) {
            let clock = ContinuousClock()
            let start = clock.now
            let model = AffinityModel(directory: directory, weights: AffinityWeights())
            let draft = try Matchmaker.match(MatchRequest(mode: .pairs), model: model, now: Date())
            times.append(milliseconds(clock.now - start))
            last = draft
        }
        guard let draft = last else { return }
        print(
            "community_n\(size): pairs=\(draft.groups.count) unmatched=\(draft.unmatched.count) total=\(draft.total) scored_and_paired_ms=\(String(format: "%.1f", median(times)))"
        )
    }
}
