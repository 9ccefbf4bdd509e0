import Community

/// `set weight.NAME VALUE`, `set role.A.B VALUE`, `set candidates N`.
enum MatchmakingSettings {
    static let all: [SettingSpec] = weightSettings + roleSettings + [candidates]

    /// What a weight may be, and how many partners each member may have scored.
    static let weightRange = 0.0...1000.0
    static let candidateRange = 1...10_000
    static let weightHint = "; \(format(weightRange.lowerBound)) to \(format(weightRange.upperBound))"

    static let weightSettings: [SettingSpec] = AffinityWeights.names.map { name in
        SettingSpec(
            "weight.\(name)", summary: (summaries[name] ?? "An affinity weight") + weightHint,
            get: { session in format(session.weights[name] ?? 0) },
            set: { session, text in
                var weights = session.weights
                weights[name] = try number(text, for: "weight.\(name)")
                session.matchmaking.weights = weights
            })
    }

    static let roleSettings: [SettingSpec] = RolePair.all.map { pair in
        SettingSpec(
            "role.\(pair.name)",
            summary:
                "How well a\(pair.first == .entrepreneur ? "n" : "") \(pair.first.rawValue) and a\(pair.second == .entrepreneur ? "n" : "") \(pair.second.rawValue) go together"
                + weightHint,
            get: { session in format(session.weights.roleAffinity(pair.first, pair.second)) },
            set: { session, text in
                var weights = session.weights
                weights.roles[pair] = try number(text, for: "role.\(pair.name)")
                session.matchmaking.weights = weights
            })
    }

    static let candidates = SettingSpec(
        "candidates",
        summary:
            "Best partners each member starts from in a large community (over 1,500; \(candidateRange.lowerBound) to \(Language.en.grouped(candidateRange.upperBound)))",
        get: { String($0.matchmaking.candidates) },
        set: { session, text in
            session.matchmaking.candidates = try Arguments.integer(text, named: "candidates", in: candidateRange)
        })

    static let summaries = [
        "complementarity": "A need met by an offer or a skill (by rarity and level)",
        "interests": "An interest both share (by rarity)",
        "role": "The role matrix (role.* settings)",
        "organization": "Two different organisations",
        "wing": "Two different wings",
        "novelty": "How much a recent meeting lowers a pair's score (1: not again next round)",
        "feedback": "How much earlier ratings move a pair's score",
        "partial": "Credit for a related tag in the taxonomy",
    ]

    static func number(_ text: String, for name: String) throws(ShellError) -> Double {
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), weightRange.contains(value) else {
            throw ShellError.invalidValue(
                text, for: name,
                expected: .number(from: format(weightRange.lowerBound), to: format(weightRange.upperBound)),
                suggestion: nil)
        }
        return value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
