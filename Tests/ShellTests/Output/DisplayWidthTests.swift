import Testing

@testable import Shell

struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0), ("abc", 3), ("Amélie Dupré", 12),
        ("Ame\u{0301}lie", 6),  // decomposed é: one cell
        ("東京", 4), ("한국", 4), ("ｆｕｌｌ", 8), ("🎮", 2), ("👩🏽‍💻", 2), ("❤️", 2),
        ("a\u{200B}b", 2),
    ])
    func counts(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    /// Text of Latin letters alone is counted without looking up each
    /// character's properties: it must come to what the lookups say, for
    /// every scalar up to the combining marks, alone and among others.
    @Test func latinTextCountsAsTheLookupsSay() {
        func looked(_ text: String) -> Int { text.reduce(0) { $0 + DisplayWidth.of($1) } }
        var every = ""
        for value in UInt32(0x20)...0x36F {
            let text = String(Character(Unicode.Scalar(value)!))
            #expect(DisplayWidth.of(text) == looked(text), "U+\(String(value, radix: 16))")
            every += "a" + text
        }
        #expect(DisplayWidth.of(every) == looked(every))
        #expect(DisplayWidth.of("soft\u{AD}hyphen") == 10)
        #expect(DisplayWidth.of("Zoe\u{0308}") == 3)
        #expect(DisplayWidth.of("Ǆ ɐ ˥") == 5)
    }

    @Test func pads() {
        #expect(DisplayWidth.pad("é", to: 3) == "é  ")
        #expect(DisplayWidth.pad("東", to: 3, alignment: .right) == " 東")
        #expect(DisplayWidth.pad("toolong", to: 3) == "toolong")
    }
}
