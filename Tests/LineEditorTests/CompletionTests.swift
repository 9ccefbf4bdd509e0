import Testing

@testable import LineEditor

struct CompletionTests {
    @Test func noCandidateBeeps() {
        #expect(CompletionAction(.none, typed: "x") == .beep)
    }

    @Test func oneCandidateReplacesTheWordAndAddsASpace() {
        let completion = Completion(replacing: 2, candidates: [Candidate(replacement: "help")])
        #expect(CompletionAction(completion, typed: "he") == .replace(count: 2, with: "help "))
        let folder = Completion(replacing: 3, candidates: [Candidate(replacement: "Profiles/", isFinished: false)])
        #expect(CompletionAction(folder, typed: "Pro") == .replace(count: 3, with: "Profiles/"))
    }

    @Test func severalCandidatesInsertTheirCommonPrefixWithItsProperSpelling() {
        let candidates = [
            Candidate(replacement: "\"Émilie Durand\"", label: "Émilie Durand"),
            Candidate(replacement: "\"Émile Zola\"", label: "Émile Zola"),
        ]
        #expect(
            CompletionAction(Completion(replacing: 3, candidates: candidates, commonText: "Émil"), typed: "emi")
                == .replace(count: 3, with: "Émil"))
        // Nothing safe to insert (it would leave a quote open): the candidates are listed.
        #expect(
            CompletionAction(Completion(replacing: 3, candidates: candidates, commonText: nil), typed: "emi")
                == .list(["Émilie Durand", "Émile Zola"]))
    }

    @Test func severalCandidatesWithNothingToAddAreListed() {
        let completion = Completion(
            replacing: 1, candidates: [Candidate(replacement: "set"), Candidate(replacement: "source")], commonText: "s"
        )
        #expect(CompletionAction(completion, typed: "s") == .list(["set", "source"]))
    }

    @Test func aQuoteAloneIsNoProgress() {
        let completion = Completion(
            replacing: 0,
            candidates: [
                Candidate(replacement: "\"Amélie Dupré\"", label: "Amélie Dupré"),
                Candidate(replacement: "\"Zoé Blender\"", label: "Zoé Blender"),
            ])
        #expect(CompletionAction(completion, typed: "") == .list(["Amélie Dupré", "Zoé Blender"]))
    }

    @Test func columnsFitTheWidth() {
        let labels = ["alpha", "beta", "gamma", "delta", "epsilon"]
        #expect(columnLayout(labels, width: 30) == ["alpha    gamma    epsilon", "beta     delta"])
        #expect(columnLayout(labels, width: 20) == ["alpha    delta", "beta     epsilon", "gamma"])
        #expect(columnLayout(labels, width: 5) == labels)
        #expect(columnLayout([], width: 80).isEmpty)
    }
}
