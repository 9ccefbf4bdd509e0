import Testing
@testable import Shell

struct ArgumentsTests {
    static let spec = CommandSpec(
        "members", group: .profiles, summary: "List",
        arguments: [ArgumentSpec("TEXT", summary: "Text", arity: .zeroOrMore)],
        options: [
            OptionSpec("role", short: "r", value: "ROLE", summary: "Role", choices: ["student", "startup", "entrepreneur"]),
            OptionSpec("skill", value: "TAG", summary: "Skill", isRepeatable: true),
            OptionSpec("everyone", summary: "Everyone"),
            OptionSpec("top", value: "N", summary: "Top"),
        ]
    ) { _, _ in .nothing }

    func parse(_ line: String, spec: CommandSpec = ArgumentsTests.spec) throws -> Arguments {
        try Arguments.parse(Tokenizer.tokenize(line)[...], for: spec)
    }

    @Test func readsOptionsFlagsAndArguments() throws {
        let arguments = try parse("--role student --skill Blender --skill=rigging --everyone free text")
        #expect(arguments.value("role") == "student")
        #expect(arguments.values("skill") == ["Blender", "rigging"])
        #expect(arguments.flag("everyone"))
        #expect(!arguments.flag("help"))
        #expect(arguments.positionals == ["free", "text"])
        #expect(arguments[0] == "free" && arguments[2] == nil)
    }

    @Test func shortOptionsDoubleDashAndQuotedWords() throws {
        let arguments = try parse("-r startup -- --not-an-option \"--quoted\" -3")
        #expect(arguments.value("role") == "startup")
        #expect(arguments.positionals == ["--not-an-option", "--quoted", "-3"])
    }

    @Test func everyCommandTakesHelpAndFormat() throws {
        let arguments = try parse("--help --format json")
        #expect(arguments.flag("help"))
        #expect(arguments.value("format") == "json")
        #expect(try parse("-h").flag("help"))
    }

    @Test func integersAreChecked() throws {
        #expect(try parse("--top 5").integer("top", in: 1...10) == 5)
        #expect(throws: ShellError.invalidValue("50", for: "--top", expected: "a whole number from 1 to 10", suggestion: nil)) {
            try parse("--top 50").integer("top", in: 1...10)
        }
    }

    @Test(arguments: [
        ("--rol student", ShellError.unknownOption("--rol", command: "members", suggestion: "--role")),
        ("--skils x", ShellError.unknownOption("--skils", command: "members", suggestion: "--skill")),
        ("-x", ShellError.unknownOption("-x", command: "members", suggestion: nil)),
        ("--role", ShellError.missingOptionValue(option: "role", command: "members")),
        ("--everyone=yes", ShellError.flagTakesNoValue(option: "everyone", command: "members")),
        ("--top 1 --top 2", ShellError.repeatedOption(option: "top", command: "members")),
        ("--role studnet", ShellError.invalidValue("studnet", for: "--role", expected: "student, startup, entrepreneur", suggestion: "student")),
        ("--format jsno", ShellError.invalidValue("jsno", for: "--format", expected: "table, csv, json, markdown", suggestion: "json")),
    ])
    func reportsMistakesWithTheNearestWord(line: String, error: ShellError) {
        #expect(throws: error) { try parse(line) }
    }

    @Test func countsArguments() throws {
        let source = try CommandTable.standard.resolve("source")
        #expect(throws: ShellError.missingArgument(name: "FILE", command: "source")) { try parse("", spec: source) }
        #expect(throws: ShellError.unexpectedArgument("b", command: "source")) { try parse("a b", spec: source) }
        #expect(try parse("--help", spec: source).flag("help"), "--help needs no arguments")
    }
}
