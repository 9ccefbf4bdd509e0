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
}
