import Testing

@testable import Shell

/// Messages at the prompt are broken at spaces to the window's width, never
/// inside a word, and otherwise kept as they are.
struct MessageWrapTests {
    @Test func aLongMessageIsBrokenAtSpacesWithAnIndent() {
        let message =
            "erreur : option inconnue '--organisation' pour 'members' (vouliez-vous dire '--org' ?)\n"
        let fitted = MessageWrap.fitted(message, width: 80)
        #expect(
            fitted
                == "erreur : option inconnue '--organisation' pour 'members' (vouliez-vous dire\n  '--org' ?)\n")
        // Nothing but the breaks changed: joined again, the same text.
        #expect(fitted.replacingOccurrences(of: "\n  ", with: " ") == message)
    }

    @Test func everyLineFitsAndNoWordIsCut() {
        let words = ["a", "Zoé", "d’organisations", "différentes", "(École", "de", "jeu", "vidéo)", "—", "42,5"]
        var seed: UInt64 = 7
        for width in [17, 20, 33, 80] {
            for _ in 0..<200 {
                var line: [String] = []
                for _ in 0..<30 {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    line.append(words[Int(seed >> 33) % words.count])
                }
                let message = line.joined(separator: " ")
                let fitted = MessageWrap.fitted(message, width: width)
                let lines = fitted.split(separator: "\n", omittingEmptySubsequences: false)
                for (index, piece) in lines.enumerated() {
                    #expect(DisplayWidth.of(piece) <= width)
                    if index > 0 { #expect(piece.hasPrefix("  ") && piece.dropFirst(2).first != " ") }
                }
                #expect(fitted.replacingOccurrences(of: "\n  ", with: " ") == message)
            }
        }
    }

    @Test func shortLinesAndSpacesAreKeptWideWordsCut() {
        #expect(MessageWrap.fitted("note: short\n", width: 80) == "note: short\n")
        // Runs of spaces inside a line that fits stay.
        #expect(MessageWrap.fitted("tag 'Blender  3D'", width: 20) == "tag 'Blender  3D'")
        // A word wider than the window (a long path) is cut where the window ends, each piece indented.
        let path = "/srv/serre/" + String(repeating: "x", count: 50) + ".yaml"
        let cutPath = MessageWrap.fitted("error: cannot read \(path): no such file", width: 40)
        #expect(cutPath.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(
            cutPath == "error: cannot read\n  /srv/serre/" + String(repeating: "x", count: 27) + "\n  "
                + String(repeating: "x", count: 23) + ".yaml: no such\n  file")
        // Characters wider than what is left past the indent still move on, one a line.
        #expect(MessageWrap.fitted("a 漢字漢字", width: 3) == "a\n  漢\n  字\n  漢\n  字")
        // Too narrow a window to indent in: as it is.
        #expect(MessageWrap.fitted("a b c d", width: 2) == "a b c d")
    }

    @Test func colourCodesTakeNoRoom() {
        let red = "\u{1B}[1;31merreur :\u{1B}[0m"
        let message = red + " " + String(repeating: "mot ", count: 17) + "fin"
        // 9 + 68 + 3 = 80 cells shown: one line, however many bytes the codes add.
        #expect(MessageWrap.visibleWidth(message) == 80)
        #expect(MessageWrap.fitted(message, width: 80) == message)
        #expect(MessageWrap.fitted(message, width: 79).hasSuffix("mot\n  fin"))
    }

    /// Wrapped text may end a line with a separator between parts (`·`,
    /// `—`), never begin one with it.
    @Test func aSeparatorNeverStartsALine() {
        let summary = "total 444.55 points · seed 1 · 60 pairs · optimal (proved over every admissible pair)"
        for width in 12...60 {
            let lines = TextWrap.lines(summary, width: width)
            #expect(lines.allSatisfy { !$0.hasPrefix("·") && DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            #expect(lines.joined(separator: " ") == summary)
        }
        #expect(
            TextWrap.lines(summary, width: 40) == [
                "total 444.55 points · seed 1 · 60", "pairs · optimal (proved over every", "admissible pair)",
            ])
        #expect(TextWrap.widestWord("Anaïs — Bo") == DisplayWidth.of("Anaïs —"))
    }

    /// Lists of whole names break between names: the separator ends the
    /// line as it is written (`Anaïs —`, `Anaïs,`), with no space put before a comma.
    @Test func aListOfNamesBreaksBetweenNamesAsWritten() {
        #expect(
            TextWrap.lines("Léonie Hennebelle, Maëlle Degrave, Bo", width: 20, units: ", ") == [
                "Léonie Hennebelle,", "Maëlle Degrave, Bo",
            ])
        #expect(TextWrap.lines("Anaïs Tréhou — Bo Li", width: 14, units: " — ") == ["Anaïs Tréhou —", "Bo Li"])
        #expect(TextWrap.widestUnit("Léonie Hennebelle, Bo", units: ", ") == DisplayWidth.of("Léonie Hennebelle,"))
        #expect(TextWrap.lines("Timothée Lheureux", width: 10, units: ", ") == ["Timothée", "Lheureux"])
    }
}
