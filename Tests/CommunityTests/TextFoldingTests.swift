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
}
