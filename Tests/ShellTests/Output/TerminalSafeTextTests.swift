import Testing

@testable import Shell

struct TerminalSafeTextTests {
    @Test(arguments: [
        ("plain Élodie", "plain Élodie"),
        ("\u{1B}[2J\u{1B}]0;pwned\u{07}", #"\e[2J\e]0;pwned\x07"#),
        ("bell\u{07}", #"bell\x07"#),
        ("del\u{7F}", #"del\x7f"#),
        ("csi\u{9B}31m", #"csi\x9b31m"#),
        ("bidi\u{202E}txt.exe", #"bidi\u{202e}txt.exe"#),
        ("a\tb\nc\rd", #"a\tb\nc\rd"#),
    ])
    func escapesWhatTheTerminalWouldObey(text: String, shown: String) {
        #expect(TerminalSafeText.escape(text) == shown)
    }

    @Test func keepsLineBreaksInFreeText() {
        #expect(TerminalSafeText.escape("one\ntwo\tthree\u{1B}", keepingLineBreaks: true) == "one\ntwo\tthree\\e")
    }
}
