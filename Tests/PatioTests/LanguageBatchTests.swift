import Foundation
import Testing

/// The language of the real binary, chosen as Unix tools choose it.
struct LanguageBatchTests {
    static let community = ProfileBatchTests.community

    @Test func aFrenchLocaleGivesFrenchEvenWhereItIsNotInstalled() throws {
        let result = try PatioProcess.run(
            ["--profiles", Self.community, "-c", "match pairs", "-c", "mach"], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(result.status == 1)
        #expect(result.output.contains("Brouillon\u{A0}: paires"))
        #expect(result.output.contains("que recherche"))
        #expect(result.output.contains("optimal (prouvé sur chaque paire admissible des 5 membres)"))
        #expect(
            result.errors.contains("-c:2: erreur\u{A0}: commande inconnue 'mach' (vouliez-vous dire 'match'\u{202F}?)"))
        #expect(!result.output.contains("which") && !result.errors.contains("error:"))
    }

    @Test func theSameRunInEnglishUnderC() throws {
        let result = try PatioProcess.run(
            ["--profiles", Self.community, "-c", "match pairs", "-c", "mach"], environment: ["LANG": "C"])
        #expect(result.output.contains("Draft: pairs"))
        #expect(result.output.contains("optimal (proved over every admissible pair of the 5 members)"))
        #expect(result.errors.contains("-c:2: error: unknown command 'mach' (did you mean 'match'?)"))
    }

    @Test func theFlagAndPatioLangWin() throws {
        let english = try PatioProcess.run(
            ["--lang", "en", "--profiles", Self.community, "-c", "match pairs"],
            environment: ["LC_ALL": "fr_FR.UTF-8"])
        #expect(english.output.contains("Draft: pairs"))
        let french = try PatioProcess.run(
            ["--profiles", Self.community, "-c", "match pairs"], environment: ["PATIO_LANG": "fr", "LANG": "C"])
        #expect(french.output.contains("Brouillon"))
        let switched = try PatioProcess.run(
            ["--profiles", Self.community, "-c", "set language fr", "-c", "match pairs"], environment: ["LANG": "C"])
        #expect(switched.output.contains("language = fr (était en)") || switched.output.contains("(was en)"))
        #expect(switched.output.contains("Brouillon"))
        let wrong = try PatioProcess.run(["--lang", "de", "-c", "echo"])
        #expect(wrong.status == 2)
        #expect(wrong.errors.contains("--lang"))
    }

    /// JSON keys and CSV headers are a contract: the same in both languages; the JSON words its facts in the language.
    @Test func jsonKeysAndCsvHeadersDoNotChange() throws {
        let french = try PatioProcess.run(
            ["--profiles", Self.community, "-c", "members --format csv"], environment: ["LANG": "fr_FR.UTF-8"])
        let english = try PatioProcess.run(["--profiles", Self.community, "-c", "members --format csv"])
        #expect(
            french.output.components(separatedBy: "\r\n").first == english.output.components(separatedBy: "\r\n").first)
        #expect(english.output.hasPrefix("id,name,role,organization,top skills\r\n"))
        let json = try PatioProcess.run(
            ["--profiles", Self.community, "--format", "json", "-c", "match pairs"], environment: ["LANG": "fr_FR"])
        #expect(json.output.contains("\"reason_facts\": [{\"code\": \"need_met\""))
        #expect(json.output.contains("que recherche"))
    }
}
