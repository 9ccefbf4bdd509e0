import Testing

@testable import Shell

struct ArgumentsTests {
    static let role = CommandOption<String?>(
        spec: OptionSpec(
            "role", short: "r", value: "ROLE", summary: "Role",
            kind: .choice(["student", "startup", "entrepreneur"]))
    ) { $0.text(of: "role") }
    static let skill = CommandOption<[String]>.repeated("skill", value: "TAG", summary: "Skill")
    static let everyone = CommandOption<Bool>.flag("everyone", summary: "Everyone")
    static let top = CommandOption<Int>.integer("top", value: "N", summary: "Top", range: 1...10, default: 3)
    static let size = CommandOption<Int>.integer(
        "size", value: "K", summary: "Size", range: 2...12, default: 3, modes: ["circles"])

    static let spec = CommandSpec(
        "members", group: .profiles, summary: "List",
        arguments: [ArgumentSpec("TEXT", summary: "Text", arity: .zeroOrMore)],
        options: [role.spec, skill.spec, everyone.spec, top.spec]
    ) { _, _ in .nothing }

    static let moded = CommandSpec(
        "match", group: .matching, summary: "Match",
        arguments: [
            ArgumentSpec("MODE", summary: "Mode", arity: .optional, completion: .choices(["pairs", "circles"]))
        ],
        options: [size.spec], mode: .argument(0, default: "pairs")
    ) { _, _ in .nothing }

    func parse(_ line: String, spec: CommandSpec = ArgumentsTests.spec) throws -> Arguments {
        try Arguments.parse(Tokenizer.tokenize(line)[...], for: spec)
    }

    @Test func readsOptionsFlagsAndArgumentsAsTheirTypes() throws {
        let arguments = try parse("--role student --skill Blender --skill=rigging --everyone free text")
        #expect(arguments[Self.role] == "student")
        #expect(arguments[Self.skill] == ["Blender", "rigging"])
        #expect(arguments[Self.everyone])
        #expect(!arguments[CommandSpec.help])
        #expect(arguments[Self.top] == 3, "the default when not given")
        #expect(arguments.positionals == ["free", "text"])
        #expect(arguments[0] == "free" && arguments[2] == nil)
    }

    @Test func shortOptionsDoubleDashAndQuotedWords() throws {
        let arguments = try parse("-r startup -- --not-an-option \"--quoted\" -3")
        #expect(arguments[Self.role] == "startup")
        #expect(arguments.positionals == ["--not-an-option", "--quoted", "-3"])
    }

    @Test func everyCommandTakesHelpAndFormat() throws {
        let arguments = try parse("--help --format json")
        #expect(arguments[CommandSpec.help])
        #expect(arguments[CommandSpec.format] == .json)
        #expect(try parse("-h")[CommandSpec.help])
    }

    /// Values of a list are read whatever their case, and reach the handler as the list writes them.
    @Test func choicesIgnoreCase() throws {
        #expect(try parse("--format JSON")[CommandSpec.format] == .json)
        #expect(try parse("--role Student")[Self.role] == "student")
    }

    @Test func integersAreCheckedWhenTheLineIsRead() throws {
        #expect(try parse("--top 5")[Self.top] == 5)
        #expect(
            throws: ShellError.invalidValue(
                "50", for: "--top", expected: .wholeNumber(from: "1", to: "10"), suggestion: nil)
        ) {
            try parse("--top 50")
        }
    }

    /// An option for some modes only is refused in the others, saying where it applies.
    @Test func anOptionThatDoesNotApplyIsRefused() throws {
        #expect(try parse("circles --size 4", spec: Self.moded)[Self.size] == 4)
        #expect(
            throws: ShellError.optionDoesNotApply(option: "size", command: "match", modes: ["circles"], given: "pairs")
        ) {
            try parse("--size 4", spec: Self.moded)
        }
        #expect(
            throws: ShellError.optionDoesNotApply(option: "size", command: "match", modes: ["circles"], given: "pairs")
        ) {
            try parse("PAIRS --size 4", spec: Self.moded)
        }
        let error = ShellError.optionDoesNotApply(option: "size", command: "match", modes: ["circles"], given: "pairs")
        #expect(error.description == "--size applies to circles, not to 'match pairs'")
    }

    @Test(arguments: [
        ("--rol student", ShellError.unknownOption("--rol", command: "members", suggestion: "--role")),
        ("--skils x", ShellError.unknownOption("--skils", command: "members", suggestion: "--skill")),
        ("-x", ShellError.unknownOption("-x", command: "members", suggestion: nil)),
        ("--role", ShellError.missingOptionValue(option: "role", command: "members")),
        ("--everyone=yes", ShellError.flagTakesNoValue(option: "everyone", command: "members")),
        ("--top 1 --top 2", ShellError.repeatedOption(option: "top", command: "members")),
        (
            "--role studnet",
            ShellError.invalidValue(
                "studnet", for: "--role", expected: .oneOf(["student", "startup", "entrepreneur"]),
                suggestion: "student")
        ),
        (
            "--format jsno",
            ShellError.invalidValue(
                "jsno", for: "--format", expected: .oneOf(["table", "csv", "json", "markdown"]), suggestion: "json")
        ),
    ])
    func reportsMistakesWithTheNearestWord(line: String, error: ShellError) {
        #expect(throws: error) { try parse(line) }
    }

    @Test func countsArguments() throws {
        let source = try CommandTable.standard.resolve("source")
        #expect(throws: ShellError.missingArgument(name: "FILE", command: "source")) { try parse("", spec: source) }
        #expect(throws: ShellError.unexpectedArgument("b", command: "source")) { try parse("a b", spec: source) }
        #expect(try parse("--help", spec: source)[CommandSpec.help], "--help needs no arguments")
    }

    /// Every option of every command is declared once: no two share a name, and every value has a kind.
    @Test func theCommandTableDeclaresEachOptionOnce() {
        for spec in CommandTable.standard.commands {
            let names = spec.allOptionNames + spec.options.flatMap(\.aliases)
            #expect(Set(names).count == names.count, "\(spec.name) declares an option twice")
            for option in spec.options where option.takesValue { #expect(option.valueName != nil) }
        }
    }
}
