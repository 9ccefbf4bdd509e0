import Testing

@testable import patio

/// Which pager tall output goes through.
struct PagerChoiceTests {
    @Test func lessOnlyOnATerminalThatCanShowIt() {
        let path = "/usr/bin:/bin"
        #expect(Pager.command(environment: ["TERM": "xterm", "PATH": path]) == "less -FRXK")
        #expect(Pager.command(environment: ["TERM": "dumb", "PATH": path]) == nil)
        #expect(Pager.command(environment: ["PATH": path]) == nil)
        #expect(Pager.command(environment: ["TERM": "dumb", "PAGER": "more", "PATH": path]) == "more", "asked for")
    }
}
