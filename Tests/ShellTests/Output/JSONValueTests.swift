import Testing

@testable import Shell

struct JSONValueTests {
    @Test(arguments: [
        (JSONValue.null, "null"), (.bool(true), "true"), (.int(-42), "-42"),
        (.double(2.5), "2.5"), (.double(3), "3"), (.double(.nan), "null"),
        (.string("Élodie \"Dupré\"\n\\"), #""Élodie \"Dupré\"\n\\""#),
        (.string("\u{1B}[31mred\u{07}"), #""\u001b[31mred\u0007""#),
        (.array([]), "[]"), (.array([.int(1), .int(2)]), "[1, 2]"),
        (.object([:]), "{}"),
    ])
    func encodes(value: JSONValue, text: String) {
        #expect(value.encoded == text)
    }

    @Test func objectsKeepTheirKeyOrder() {
        let value = JSONValue.object([
            "weight": .int(7), "pairs": .array([.array([.int(0), .int(1)])]), "solve_ms": .double(0.25),
        ])
        #expect(value.encoded == #"{"weight": 7, "pairs": [[0, 1]], "solve_ms": 0.25}"#)
        #expect(value["weight"] == .int(7))
        #expect(value["missing"] == nil)
    }
}
