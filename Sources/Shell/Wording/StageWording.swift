import Matchmaker

/// Where a long match stands, as the status line at the prompt says it.
enum StageWording {
    static func text(_ stage: MatchStage, in language: Language) -> String {
        let t = language.text
        let count = { (n: Int) in language.grouped(n) }
        let pairs = { (n: Int) in language.counted(n, "pair", "paire") }
        let members = { (n: Int) in language.counted(n, "member", "membre") }
        switch stage {
        case .planRound(let round, let rounds):
            return t("round \(round) of \(rounds)", "tour \(round) sur \(rounds)")
        case .leftOver(let members):
            return t(
                "pairing the \(count(members)) left over, who may meet again",
                "appariement des \(count(members)) restant·es, qui peuvent se revoir")
        case .candidates(let count):
            return t(
                "scoring the best candidates of \(members(count))",
                "calcul des meilleur·es candidat·es de \(members(count))")
        case .solving(let count, 0):
            return t("solving over \(pairs(count))", "résolution sur \(pairs(count))")
        case .solving(let count, let pass):
            return t(
                "solving again after pass \(pass), over \(pairs(count))",
                "nouvelle résolution après la passe \(pass), sur \(pairs(count))")
        case .pricing(let pass):
            return t("pass \(pass) over the pairs left out", "passe \(pass) sur les paires écartées")
        case .proving:
            return t("checking the result against its proof", "vérification du résultat et de sa preuve")
        case .formingTables(let count):
            return t("forming the tables of \(members(count))", "formation des tables de \(members(count))")
        case .bounding:
            return t(
                "working out how close to the best possible the tables are",
                "calcul de l’écart des tables au meilleur possible")
        }
    }
}

extension Session {
    /// Shows each stage of a match on the console's status line; within a
    /// plan, after the round it belongs to.
    func stageReporter() -> (MatchStage) -> Void {
        let console = console
        let language = language
        var round: String?
        return { stage in
            let text = StageWording.text(stage, in: language)
            if case .planRound = stage {
                round = text
                console.status(text + "…")
                return
            }
            console.status((round.map { $0 + language.text(": ", " : ") } ?? "") + text + "…")
        }
    }
}
