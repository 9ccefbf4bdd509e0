import Community
import Foundation

/// One thing Tab can offer.
public struct CompletionCandidate: Sendable, Equatable {
    /// The word, unquoted: it is quoted when inserted.
    public var value: String
    /// How the list of candidates shows it.
    public var label: String
    /// Whether the word is complete (a space follows) or a step on the way (a folder).
    public var isFinished: Bool
    /// Other spellings that find it: an id finds a member listed by name.
    public var keys: [String]

    public init(_ value: String, label: String? = nil, isFinished: Bool = true, keys: [String] = []) {
        self.value = value
        self.label = label ?? value
        self.isFinished = isFinished
        self.keys = keys
    }
}

/// Candidates for the word before the cursor, and how much of the line they replace.
public struct ShellCompletion: Sendable, Equatable {
    /// Unicode scalars before the cursor that a candidate's text replaces.
    public var replacing: Int
    public var candidates: [Replacement]
    /// What several candidates have in common, written so that the line
    /// still reads (no quote left open that the user did not open); nil when
    /// there is nothing safe to insert, and the candidates are listed.
    public var commonText: String?

    public struct Replacement: Sendable, Equatable {
        /// Quoted as the command line needs it.
        public var text: String
        public var label: String
        public var isFinished: Bool
    }
}

/// Tab completion from the command table: command names first, then each
/// command's options and arguments as its spec describes them. Matching
/// ignores case and accents (`emi` finds `Émilie`); the inserted text is the
/// proper spelling, quoted when needed.
public enum Completer {
    public static func complete(_ textBeforeCursor: String, in session: Session) -> ShellCompletion {
        let scan = Tokenizer.scan(textBeforeCursor)
        guard !scan.isInComment else { return ShellCompletion(replacing: 0, candidates: []) }
        var previous = scan.tokens
        var word = ""
        var replacing = 0
        if scan.endsInWord, let last = previous.popLast(), let start = scan.starts.last {
            word = last.text
            replacing = textBeforeCursor[start...].unicodeScalars.count
        }
        let quote = scan.openQuote
        let candidates: [CompletionCandidate]
        if previous.isEmpty {
            candidates = CommandTable.standard.commands.map { CompletionCandidate($0.name, keys: $0.aliases) }
        } else if let spec = try? CommandTable.standard.resolve(previous[0].text) {
            candidates = self.candidates(
                for: spec, previous: Array(previous.dropFirst()), word: word,
                wordIsQuoted: quote != nil, session: session)
        } else {
            candidates = []
        }
        let matching = filter(candidates, by: word)
        return ShellCompletion(
            replacing: replacing,
            candidates: matching.map { candidate in
                ShellCompletion.Replacement(
                    text: Tokenizer.quote(candidate.value, using: quote, closing: candidate.isFinished),
                    label: candidate.label, isFinished: candidate.isFinished)
            }, commonText: commonText(of: matching.map(\.value), quote: quote))
    }

    /// The longest beginning the values share, quoted as the word being typed
    /// is; without a quote the user opened, only up to the first character
    /// that would need one (`Émilie` of `Émilie Durand` and `Émilie Blondeau`),
    /// so that the line still reads; nil when nothing is left.
    static func commonText(of values: [String], quote: Character?) -> String? {
        guard let first = values.first else { return nil }
        var prefix = values.dropFirst().reduce(first) { common, value in
            String(zip(common, value).prefix { $0 == $1 }.map(\.0))
        }
        if quote != nil { return prefix.isEmpty ? nil : Tokenizer.quote(prefix, using: quote, closing: false) }
        if let special = prefix.unicodeScalars.firstIndex(where: Tokenizer.needsQuoting) {
            prefix = String(prefix.unicodeScalars[..<special])
        }
        return prefix.isEmpty ? nil : prefix
    }

    /// Candidates whose value, label or another key starts with `word` (ignoring
    /// case and accents), or that have a later word starting with it (`dup`
    /// finds `Amélie Dupré`), prefix matches first.
    static func filter(_ candidates: [CompletionCandidate], by word: String) -> [CompletionCandidate] {
        guard !word.isEmpty else { return candidates }
        let key = TextFolding.fold(word)
        var starts: [CompletionCandidate] = []
        var inner: [CompletionCandidate] = []
        for candidate in candidates {
            let spellings = ([candidate.value, candidate.label] + candidate.keys).map(TextFolding.fold)
            if spellings.contains(where: { $0.hasPrefix(key) }) {
                starts.append(candidate)
            } else if !key.contains(" "),
                spellings.contains(where: { spelling in
                    spelling.split(whereSeparator: { $0 == " " || $0 == "-" }).dropFirst().contains {
                        $0.hasPrefix(key)
                    }
                })
            {
                inner.append(candidate)
            }
        }
        return starts.isEmpty ? inner : starts
    }

    private static func candidates(
        for spec: CommandSpec, previous: [Token], word: String, wordIsQuoted: Bool, session: Session
    ) -> [CompletionCandidate] {
        // Walk the words typed so far to know what this one is.
        var positionals: [String] = []
        var expectsValueOf: OptionSpec?
        var afterDoubleDash = false
        for token in previous {
            if expectsValueOf != nil {
                expectsValueOf = nil
                continue
            }
            if !afterDoubleDash && !token.isQuoted && token.text == "--" {
                afterDoubleDash = true
                continue
            }
            if !afterDoubleDash && !token.isQuoted && token.text.hasPrefix("--") {
                let name = String(token.text.dropFirst(2))
                if let option = spec.option(named: name), option.takesValue, !name.contains("=") {
                    expectsValueOf = option
                }
                continue
            }
            positionals.append(token.text)
        }
        if word.hasPrefix("-") && !wordIsQuoted && expectsValueOf == nil {
            // Only the options that apply to the mode typed (`match pairs --s` offers no `--size`).
            let mode = spec.mode?.mode { $0 < positionals.count ? positionals[$0] : nil }
            let options = (spec.options + CommandSpec.universalOptions).filter { option in
                guard let mode, let modes = option.modes else { return true }
                return modes.contains(mode)
            }
            return options.map { CompletionCandidate("--" + $0.name, isFinished: true) }
        }
        let completion: ArgumentCompletion
        if let option = expectsValueOf {
            completion = option.completion
        } else if let argument = argumentSpec(at: positionals.count, in: spec) {
            completion = argument.completion
        } else {
            return []
        }
        return candidates(for: completion, previous: positionals, word: word, session: session)
    }

    private static func argumentSpec(at index: Int, in spec: CommandSpec) -> ArgumentSpec? {
        if index < spec.arguments.count { return spec.arguments[index] }
        guard let last = spec.arguments.last, last.arity == .zeroOrMore || last.arity == .oneOrMore else { return nil }
        return last
    }

    private static func candidates(
        for completion: ArgumentCompletion, previous: [String], word: String, session: Session
    ) -> [CompletionCandidate] {
        switch completion {
        case .none: return []
        case .choices(let words): return words.map { CompletionCandidate($0) }
        case .commands: return CommandTable.standard.commands.map { CompletionCandidate($0.name) }
        case .files(let extensions):
            return files(matching: word, extensions: extensions, onlyFolders: false, session: session)
        case .directories: return files(matching: word, extensions: [], onlyFolders: true, session: session)
        case .custom(let provide):
            return provide(CompletionRequest(session: session, previousArguments: previous, word: word))
        }
    }

    /// Entries of the folder named by `word` up to its last `/`; folders end in
    /// `/` and are not finished, so Tab can go on into them.
    private static func files(matching word: String, extensions: [String], onlyFolders: Bool, session: Session)
        -> [CompletionCandidate]
    {
        let folderPart: String
        let namePart: String
        if let slash = word.lastIndex(of: "/") {
            folderPart = String(word[...slash])
            namePart = String(word[word.index(after: slash)...])
        } else {
            folderPart = ""
            namePart = word
        }
        let folder = session.resolvePath(folderPart.isEmpty ? "." : folderPart)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let wanted = Set(extensions.map { $0.lowercased() })
        var result: [CompletionCandidate] = []
        for name in names.sorted() {
            if name.hasPrefix(".") && !namePart.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            if isDirectory.boolValue {
                result.append(CompletionCandidate(folderPart + name + "/", label: name + "/", isFinished: false))
            } else if !onlyFolders && (wanted.isEmpty || wanted.contains((name as NSString).pathExtension.lowercased()))
            {
                result.append(CompletionCandidate(folderPart + name, label: name))
            }
        }
        return result
    }
}
