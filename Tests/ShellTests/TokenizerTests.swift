import Testing

@testable import Shell

struct TokenizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let line: String
        let words: [String]
        var testDescription: String { line }
    }

    @Test(arguments: [
        Case(line: "", words: []),
        Case(line: "   ", words: []),
        Case(line: "echo a b", words: ["echo", "a", "b"]),
        Case(line: "  echo\t a   b  ", words: ["echo", "a", "b"]),
        Case(line: "echo 'a b'  \"c d\"", words: ["echo", "a b", "c d"]),
        Case(line: #"echo "say \"hi\"""#, words: ["echo", #"say "hi""#]),
        Case(line: #"echo "back\\slash" "keep\n""#, words: ["echo", #"back\slash"#, #"keep\n"#]),
        Case(line: #"echo 'it''s' 'no \escape'"#, words: ["echo", "its", #"no \escape"#]),
        Case(line: ##"echo a\ b \#c \'d"##, words: ["echo", "a b", "#c", "'d"]),
        Case(line: "echo a # a comment", words: ["echo", "a"]),
        Case(line: "# only a comment", words: []),
        Case(line: "#!/usr/bin/env patio", words: []),
        Case(line: "echo a#b", words: ["echo", "a#b"]),
        Case(line: "echo pre\"quoted part\"post", words: ["echo", "prequoted partpost"]),
        Case(line: "echo '' \"\"", words: ["echo", "", ""]),
        Case(line: "echo Élodie Dupré", words: ["echo", "Élodie", "Dupré"]),
        Case(line: "show \"Amélie Dupré\"", words: ["show", "Amélie Dupré"]),
    ])
    func splitsWords(_ example: Case) throws {
        #expect(try Tokenizer.tokenize(example.line).map(\.text) == example.words)
    }

    @Test func recordsColumnsAndQuoting() throws {
        let tokens = try Tokenizer.tokenize(#"set  "--format" json"#)
        #expect(
            tokens == [
                Token("set", column: 1),
                Token("--format", column: 6, isQuoted: true),
                Token("json", column: 17),
            ])
    }

    @Test(arguments: [
        ("echo 'open", Character("'"), 6),
        ("echo ok \"still open", Character("\""), 9),
    ])
    func reportsUnterminatedQuotes(line: String, quote: Character, column: Int) {
        #expect(throws: ShellError.unterminatedQuote(quote, column: column)) {
            try Tokenizer.tokenize(line)
        }
    }

    @Test func scanKeepsAnUnfinishedWord() {
        let scan = Tokenizer.scan("show \"Amélie Du")
        #expect(scan.openQuote == "\"")
        #expect(scan.endsInWord)
        #expect(scan.tokens.last?.text == "Amélie Du")
        #expect(scan.starts.count == 2)
    }

    @Test func scanSeesTheSpaceAfterTheLastWord() {
        let scan = Tokenizer.scan("set ")
        #expect(!scan.endsInWord)
        #expect(scan.tokens.map(\.text) == ["set"])
    }

    @Test(arguments: [
        "plain", "two words", "it's", #"say "hi""#, #"back\slash"#, "#hash", "", "Élodie Dupré", "line\nbreak",
        "\u{200D}joined", "\u{301}mark", "a\"\u{301}b",
    ])
    func quotingReadsBackTheSameWord(_ word: String) throws {
        let quoted = Tokenizer.quote(word)
        #expect(try Tokenizer.tokenize("echo " + quoted).map(\.text) == ["echo", word])
    }

    @Test func quotingLeavesPlainWordsBare() {
        #expect(Tokenizer.quote("Profiles/amelie.yaml") == "Profiles/amelie.yaml")
        #expect(Tokenizer.quote("Amélie Dupré") == "\"Amélie Dupré\"")
        #expect(Tokenizer.quote("Dupré", using: "'") == "'Dupré'")
        #expect(Tokenizer.quote("dir with space/", closing: false) == "\"dir with space/")
    }

    /// A space or a quote followed by a combining mark or a joiner is one
    /// Character to Swift, yet still a space or a quote to the tokenizer.
    @Test func aCombiningMarkDoesNotHideASpaceOrAQuote() throws {
        #expect(try Tokenizer.tokenize("echo \u{200D}x y").map(\.text) == ["echo", "\u{200D}x", "y"])
        #expect(try Tokenizer.tokenize("echo \"\u{301}a b\"").map(\.text) == ["echo", "\u{301}a b"])
        #expect(try Tokenizer.tokenize("echo Dupré x").map(\.column) == [1, 6, 12])
    }
}
