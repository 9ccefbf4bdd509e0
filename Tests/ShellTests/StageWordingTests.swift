import Foundation
import Matchmaker
import Testing

@testable import Shell

/// What the status line says while a match runs, and that it is over when the command is.
struct StageWordingTests {
    static let community = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Transcripts/community").path

    static func statuses(of line: String, language: String) throws -> [String?] {
        var harness = Harness()
        #expect(harness.run("set language \(language)") == .succeeded)
        #expect(harness.run("load \(community)") == .succeeded)
        harness.console.clear()
        #expect(harness.run(line) == .succeeded, "\(harness.console.errors)")
        return harness.console.statuses
    }

    @Test func aPlanSaysEachRoundAndItsStagesThenIsOver() throws {
        let statuses = try Self.statuses(of: "plan 2", language: "en")
        #expect(statuses.last == .some(nil), "over when the command is")
        #expect(statuses.dropLast().allSatisfy { $0 != nil }, "nothing is over before the end: \(statuses)")
        let shown = statuses.compactMap { $0 }
        #expect(shown.first == "round 1 of 2…")
        #expect(
            shown.contains {
                $0.hasPrefix("round 1 of 2: scoring the best candidates of ") && $0.hasSuffix(" members…")
            })
        #expect(shown.contains("round 1 of 2: checking the result against its proof…"))
        #expect(shown.contains("round 2 of 2…"))
        #expect(shown.last == "round 2 of 2: checking the result against its proof…")
    }

    @Test func frenchCirclesSayTheirStages() throws {
        let statuses = try Self.statuses(of: "match circles", language: "fr")
        #expect(statuses.count == 4)
        #expect(statuses[0]?.hasPrefix("calcul des meilleur·es candidat·es de ") == true)
        #expect(statuses[1]?.hasPrefix("formation des tables de ") == true)
        #expect(statuses[2] == "calcul de l’écart des tables au meilleur possible…")
        #expect(statuses[3] == nil)
    }

    @Test(arguments: [Language.en, .fr])
    func everyStageIsWorded(_ language: Language) {
        let stages: [MatchStage] = [
            .planRound(2, of: 3), .leftOver(members: 1200), .candidates(members: 100_000),
            .solving(pairs: 2_013_400, pass: 0), .solving(pairs: 2_013_401, pass: 4), .pricing(pass: 4), .proving,
            .formingTables(members: 300), .bounding,
        ]
        let texts = stages.map { StageWording.text($0, in: language) }
        #expect(Set(texts).count == stages.count, "no two stages said alike")
        #expect(texts[2].contains(language == .en ? "100,000" : "100\u{202F}000"), "counts grouped")
        #expect(texts.allSatisfy { DisplayWidth.of($0) <= 72 }, "each fits an 80-column line with its seconds")
    }
}
