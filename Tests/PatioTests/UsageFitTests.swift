import Testing

@testable import patio

/// The parser's usage line, broken between its options to fit the terminal.
struct UsageFitTests {
    static let usage =
        "Usage: patio [--profiles <dir>] [--ledger <file>] [--format <format>] [--color <when>] [--lang <language>] [--seed <n>] [--keep-going] [-c <command> ...] [<script>]"

    @Test func aLongUsageLineIsBrokenBetweenOptions() {
        let text = "error: unknown option '--bogus'\n" + Self.usage + "\n  See 'patio --help' for more information."
        let fitted = PatioCommand.usageFitted(text, to: 80)
        #expect(
            fitted == """
                error: unknown option '--bogus'
                Usage: patio [--profiles <dir>] [--ledger <file>] [--format <format>]
                             [--color <when>] [--lang <language>] [--seed <n>] [--keep-going]
                             [-c <command> ...] [<script>]
                  See 'patio --help' for more information.
                """)
        #expect(fitted.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // Every option is still there, in its order.
        #expect(
            fitted.split(whereSeparator: { $0 == " " || $0 == "\n" })
                == text.split(whereSeparator: { $0 == " " || $0 == "\n" }))
    }

    @Test func notATerminalOrWideEnoughLeavesItAlone() {
        #expect(PatioCommand.usageFitted(Self.usage, to: nil) == Self.usage)
        #expect(PatioCommand.usageFitted(Self.usage, to: 200) == Self.usage)
    }
}
