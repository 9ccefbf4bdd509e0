import Testing

@testable import Shell

struct CommandTableTests {
    @Test(arguments: [
        ("help", "help"), ("?", "help"), ("he", "help"), ("HELP", "help"),
        ("quit", "quit"), ("exit", "quit"), ("q", "quit"), ("exi", "quit"), ("exp", "export"),
        ("set", "set"), ("ec", "echo"), ("sou", "source"), ("sol", "solve"), (".", "source"),
    ])
    func resolvesNamesAliasesAndUniquePrefixes(word: String, command: String) throws {
        #expect(try CommandTable.standard.resolve(word).name == command)
    }

    @Test func ambiguousPrefixesListTheCandidates() {
        #expect(throws: ShellError.ambiguousCommand("e", candidates: ["echo", "exit", "export"])) {
            try CommandTable.standard.resolve("e")
        }
        #expect(throws: ShellError.ambiguousCommand("so", candidates: ["solve", "source"])) {
            try CommandTable.standard.resolve("so")
        }
    }

    @Test(arguments: [("hlep", "help"), ("sorce", "source"), ("eho", "echo"), ("qiut", "quit")])
    func unknownCommandsSuggestTheNearest(word: String, suggestion: String) {
        #expect(throws: ShellError.unknownCommand(word, suggestion: suggestion)) {
            try CommandTable.standard.resolve(word)
        }
    }

    @Test func namesAndAliasesAreUnique() {
        let words = CommandTable.standard.commands.flatMap { [$0.name] + $0.aliases }
        #expect(Set(words).count == words.count)
    }

    @Test func everyCommandIsDocumented() {
        for spec in CommandTable.standard.commands {
            #expect(!spec.summary.isEmpty, "\(spec.name) has no summary")
            #expect(!spec.summary.hasSuffix("."), "\(spec.name): summaries read as titles")
            for option in spec.options { #expect(!option.summary.isEmpty, "\(spec.name) --\(option.name)") }
            for argument in spec.arguments { #expect(!argument.summary.isEmpty, "\(spec.name) \(argument.name)") }
        }
    }

    @Test func synopsisIsBuiltFromTheSpec() throws {
        #expect(try CommandTable.standard.resolve("set").synopsis == "set [NAME] [VALUE]")
        #expect(try CommandTable.standard.resolve("echo").synopsis == "echo [TEXT...]")
        #expect(try CommandTable.standard.resolve("source").synopsis == "source FILE")
        let spec = CommandSpec(
            "demo", group: .shell, summary: "Demo",
            arguments: [ArgumentSpec("ID", summary: "x", arity: .oneOrMore)],
            options: [OptionSpec("top", value: "N", summary: "y"), OptionSpec("all", summary: "z")]
        ) { _, _ in .nothing }
        #expect(spec.synopsis == "demo [--top N] [--all] ID...")
    }
}
