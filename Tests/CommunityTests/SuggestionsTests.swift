import Testing

@testable import Community

struct SuggestionsTests {
    @Test(arguments: [
        ("", "", 0), ("a", "", 1), ("", "abc", 3), ("kitten", "sitting", 3),
        ("skils", "skills", 1), ("hlep", "help", 1), ("abcd", "acbd", 1), ("flaw", "lawn", 2),
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestions.editDistance(a, b) == distance)
        #expect(Suggestions.editDistance(b, a) == distance)
    }

    @Test func prefersPrefixesThenDistance() {
        let words = ["skills", "interests", "seeking", "offering", "organization"]
        #expect(Suggestions.nearest(to: "skils", among: words) == "skills")
        #expect(Suggestions.nearest(to: "org", among: words) == "organization")
        #expect(Suggestions.nearest(to: "intrests", among: words) == "interests")
        #expect(Suggestions.nearest(to: "xyzzy", among: ["help"]) == nil)
        #expect(Suggestions.nearest(to: "anything", among: [String]()) == nil)
    }

    @Test func valuesOnlyGetLikelyTypos() {
        let formats = ["table", "csv", "json", "markdown"]
        #expect(Suggestions.nearest(to: "jsno", among: formats, reach: .likelyTypo) == "json")
        #expect(Suggestions.nearest(to: "markdwn", among: formats, reach: .likelyTypo) == "markdown")
        #expect(Suggestions.nearest(to: "yaml", among: formats, reach: .likelyTypo) == nil)
        #expect(Suggestions.nearest(to: "yaml", among: formats) == "table", "a name gets the nearest there is")
        // About one edit in three letters, rounded up: two in five letters, not three in six.
        let modes = ["pairs", "mentoring", "circles"]
        #expect(Suggestions.nearest(to: "pears", among: modes, reach: .likelyTypo) == "pairs")
        #expect(Suggestions.nearest(to: "trios", among: modes, reach: .likelyTypo) == nil)
        #expect(Suggestions.nearest(to: "pxxirs", among: modes, reach: .likelyTypo) == "pairs")
        #expect(Suggestions.nearest(to: "pxxxrs", among: modes, reach: .likelyTypo) == nil)
    }

    @Test func ignoresCaseAndAccents() {
        #expect(Suggestions.nearest(to: "etudiant", among: ["étudiant", "entrepreneur"]) == "étudiant")
        #expect(Suggestions.nearest(to: "ROLE", among: ["role", "name"]) == "role")
    }
}
