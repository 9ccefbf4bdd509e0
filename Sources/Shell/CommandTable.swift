import Community

/// The shell's commands, looked up by name, alias or any unique prefix.
public struct CommandTable: Sendable {
    public let commands: [CommandSpec]

    public init(_ commands: [CommandSpec]) {
        self.commands = commands
    }

    /// Every command Patio has. Each issue's commands plug in here.
    public static let standard = CommandTable(
        ShellCommands.all + ProfileCommands.all + MatchCommands.all + [SolveCommand.spec] + RoundCommands.all + [
            ExportCommand.spec
        ])

    /// The command `word` names: its name or an alias exactly, else the only
    /// command that has a name or alias starting with it (case does not matter).
    public func resolve(_ word: String) throws(ShellError) -> CommandSpec {
        let key = word.lowercased()
        if let exact = commands.first(where: { $0.name == key || $0.aliases.contains(key) }) {
            return exact
        }
        let matches = commands.filter { spec in
            spec.name.hasPrefix(key) || spec.aliases.contains { $0.hasPrefix(key) }
        }
        if matches.count == 1, !key.isEmpty { return matches[0] }
        if matches.count > 1, !key.isEmpty {
            let words = matches.flatMap { spec in ([spec.name] + spec.aliases).filter { $0.hasPrefix(key) } }
            throw ShellError.ambiguousCommand(word, candidates: words.sorted())
        }
        throw ShellError.unknownCommand(word, suggestion: Suggestions.nearest(to: word, among: words))
    }

    /// Names and aliases: the words a command line may start with.
    public var words: [String] { commands.flatMap { [$0.name] + $0.aliases }.filter { $0.first?.isLetter == true } }
}

/// The settings `set` knows.
public enum SettingTable {
    public static let standard: [SettingSpec] = SettingSpec.shellSettings + MatchmakingSettings.all

    public static func setting(named name: String) throws(ShellError) -> SettingSpec {
        if let spec = standard.first(where: { $0.name == name.lowercased() }) { return spec }
        throw ShellError.unknownSetting(name, suggestion: Suggestions.nearest(to: name, among: standard.map(\.name)))
    }
}
