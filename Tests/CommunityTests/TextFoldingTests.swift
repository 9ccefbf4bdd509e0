import Foundation
import Testing

@testable import Community

struct TextFoldingTests {
    @Test(arguments: [
        ("Émilie", "emilie"), ("DUPRÉ", "dupre"), ("Noël", "noel"), ("François", "francois"),
        ("Œuvre", "oeuvre"), ("Lætitia", "laetitia"), ("l’atelier", "l'atelier"), ("étudiant·e", "etudiant.e"),
        ("plain ascii", "plain ascii"),
    ])
    func foldsCaseAndAccents(text: String, key: String) {
        #expect(TextFolding.fold(text) == key)
    }

    @Test func prefixIgnoresCaseAndAccents() {
        #expect(TextFolding.hasPrefix("Émilie Durand", "emi"))
        #expect(TextFolding.hasPrefix("Émilie Durand", ""))
        #expect(!TextFolding.hasPrefix("Émilie Durand", "dur"))
    }

    /// The same as Foundation's trimming of `.whitespaces`, on every mix of
    /// spaces (ASCII, tab, no-break, narrow no-break, ideographic), line
    /// breaks, letters and a combining accent, at either end or inside.
    @Test func trimmingSpacesIsFoundationsTrimming() {
        let pieces = ["", " ", "\t", "\u{A0}", "\u{202F}", "\u{3000}", "\n", "a", "é", "e\u{301}", "\u{301}", "漢"]
        var checked = 0
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let text = first + second + third
                    // Scalar by scalar: String's == would take a decomposed é for a composed one.
                    #expect(
                        Array(TextFolding.trimmingSpaces(text).unicodeScalars)
                            == Array(text.trimmingCharacters(in: .whitespaces).unicodeScalars),
                        "\(Array(text.unicodeScalars))")
                    checked += 1
                }
            }
        }
        #expect(checked == 1728)
        #expect(TextFolding.trimmingSpaces("  Blender : expert ") == "Blender : expert")
    }

    /// The table gives what Foundation's folding (and `fold`'s own marks) give,
    /// for every letter in it, alone and among others; other texts go to Foundation.
    @Test func theQuickFoldIsFoundationsFold() {
        func slow(_ text: String) -> String {
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            return folded.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
                .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
                .replacingOccurrences(of: "ʼ", with: "'").replacingOccurrences(of: "·", with: ".")
                .replacingOccurrences(of: "•", with: ".")
        }
        #expect(TextFolding.quickFolds.count > 60)
        for scalar in TextFolding.quickFolds.keys {
            let text = "Ab\(scalar)Z 3"
            #expect(TextFolding.quickFold(text) == slow(text), "\(scalar)")
        }
        let ascii = String((32..<127).map { Character(Unicode.Scalar($0)!) })
        #expect(TextFolding.quickFold(ascii) == slow(ascii))
        for other in ["ß", "e\u{301}", "漢", "ø", "Ł", "\u{A0}"] {
            #expect(TextFolding.quickFold("a" + other) == nil, "\(other) goes to Foundation")
        }
        #expect(TextFolding.fold("Modélisation 3D") == "modelisation 3d")
        #expect(TextFolding.fold("ŒUVRE Ça") == "oeuvre ca")
    }
}
