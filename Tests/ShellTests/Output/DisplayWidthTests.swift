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

    @Test func pads() {
        #expect(DisplayWidth.pad("é", to: 3) == "é  ")
        #expect(DisplayWidth.pad("東", to: 3, alignment: .right) == " 東")
        #expect(DisplayWidth.pad("toolong", to: 3) == "toolong")
    }
}
