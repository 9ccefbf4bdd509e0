import Community
import Foundation
import Matching
import Testing

@testable import Matchmaker

/// Seeded made-up communities for property tests.
enum Communities {
    static let tags = [
        "Blender", "Maya", "rigging", "Unity", "Unreal Engine", "level design", "game design", "UX research",
        "levée de fonds", "business plan", "propriété intellectuelle", "motion capture", "réalité virtuelle",
        "stage", "mentoring", "impression 3D", "design sonore", "modélisation 3D",
    ]
    static let taxonomy = Taxonomy(
        aliases: ["UE5": "Unreal Engine", "VR": "réalité virtuelle"],
        parents: ["Blender": "modélisation 3D", "Maya": "modélisation 3D"])

    /// As many draws as members of a pair that met one to three rounds ago,
    /// rated 1 to 5 (a draw of one member twice is no pair).
    static func randomHistory(of directory: Directory, using rng: inout SplitMix64) -> MeetingHistory {
        let count = directory.members.count
        var pairs: [MemberPair: MeetingHistory.Entry] = [:]
        for _ in 0..<count {
            let a = directory.members[Int.random(in: 0..<count, using: &rng)].id
            let b = directory.members[Int.random(in: 0..<count, using: &rng)].id
            guard a != b else { continue }
            pairs[MemberPair(a, b)] = MeetingHistory.Entry(
                roundsAgo: Int.random(in: 1...3, using: &rng), rating: Double(Int.random(in: 1...5, using: &rng)))
        }
        return MeetingHistory(pairs)
    }

    static func random(_ count: Int, seed: UInt64, languages: Bool = true, availability: Bool = true) -> Directory {
        var rng = SplitMix64(seed: seed)
        let organizations = ["École de jeu vidéo", "École de design", "Pixel Fabrik", "Nord Capital", "Fablab", nil]
        let members = (0..<count).map { index -> Member in
            let role = Role.allCases[Int.random(in: 0..<3, using: &rng)]
            func some(_ most: Int) -> [String] {
                Array(tags.shuffled(using: &rng).prefix(Int.random(in: 0...most, using: &rng)))
            }
            let spoken: [String] =
                !languages
                ? [] : [["fr"], ["fr", "en"], ["fr", "en"], ["en"], ["fr"], []][Int.random(in: 0..<6, using: &rng)]
            let slots = ["tue-am", "tue-pm", "thu-am"]
            let free: [String] =
                availability && Bool.random(using: &rng)
                ? Array(slots.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng))) : []
            return Member(
                id: String(format: "m%04d", index), name: "Member \(index)", role: role,
                organization: organizations[Int.random(in: 0..<organizations.count, using: &rng)],
                wing: Bool.random(using: &rng) ? Int.random(in: 1...9, using: &rng) : nil, languages: spoken,
                skills: some(3).map {
                    Skill($0, level: [SkillLevel.beginner, .intermediate, .expert, nil].randomElement(using: &rng)!)
                },
                interests: some(3), seeking: some(3), offering: some(2), availability: free,
                capacity: role == .entrepreneur ? Int.random(in: 0...3, using: &rng) : 1)
        }
        return Directory(members: members, taxonomy: taxonomy)
    }
}

/// Ctrl-C at every stage of a match: run once counting the questions asked
/// of `shouldStop`, then stopped at the first, at each quarter and at the
/// last, each run must throw `cancelled` rather than return a draft.
enum Cancellation {
    /// How many questions the whole match asked.
    @discardableResult
    static func expectEveryStageStops(_ request: MatchRequest, model: AffinityModel, now: Date) throws -> Int {
        var questions = 0
        _ = try Matchmaker.match(
            request, model: model, now: now,
            shouldStop: {
                questions += 1
                return false
            })
        for stop in [1, questions / 4, questions / 2, 3 * questions / 4, questions] {
            var asked = 0
            #expect(throws: MatchingError.cancelled, "stopped at question \(stop) of \(questions)") {
                _ = try Matchmaker.match(
                    request, model: model, now: now,
                    shouldStop: {
                        asked += 1
                        return asked >= stop
                    })
            }
        }
        return questions
    }
}
