/// A problem found in a file, with where it is: `path:line:column: error: …`.
/// The problem is a fact; the shell words it in the reader's language.
///
/// One rule for what was done about it: an `error` means something was not
/// loaded (a profile, a row, a whole file), a `warning` that it was loaded
/// with a part left out (the wording says which), a `note` that nothing was
/// lost.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning, note }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var problem: Problem
    /// What was done about a problem of the whole file, when the problem alone does not say.
    public var consequence: Consequence?
    /// In a spreadsheet, the column the problem is in.
    public var cell: Cell?
    /// In a spreadsheet, the name of the member whose row it is.
    public var member: String?

    /// A spreadsheet's column: its place (0 for the first) and its title in
    /// the header row (none for a cell past the last titled column).
    public struct Cell: Sendable, Equatable, Codable {
        public let index: Int
        public let title: String?

        public init(index: Int, title: String?) {
            self.index = index
            self.title = title
        }
    }

    public init(
        path: String, line: Int = 0, column: Int = 0, _ problem: Problem, consequence: Consequence? = nil,
        severity: Severity = .error
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.problem = problem
        self.consequence = consequence
    }

    /// `path:line:column` (the parts that are known).
    public var location: String {
        var text = path
        if line > 0 { text += ":\(line)" }
        if line > 0 && column > 0 { text += ":\(column)" }
        return text
    }

    /// `path:line:column: severity: problem(data)`: the facts, for logs and tests; the shell words them.
    public var description: String {
        "\(location): \(severity.rawValue): \(problem)" + (consequence.map { " → \($0.rawValue)" } ?? "")
    }

    /// What was done about a problem that stops a whole file or row.
    public enum Consequence: String, Sendable, Equatable, Codable {
        case profileNotLoaded, fileIgnored, taxonomyIgnored, settingsIgnored, rowNotSaved
    }

    /// What a YAML node was, when it was not what a field needs.
    public enum NodeKind: String, Sendable, Equatable, Codable { case value, keys, list, alias }

    /// What was found instead: a value as written, or a kind of node.
    public enum Found: Sendable, Equatable, Codable {
        case written(String)
        case kind(NodeKind)
    }

    /// The files of a profiles folder that hold keys.
    public enum FileKind: String, Sendable, Equatable, Codable { case profile, taxonomy, settings }

    /// A list too long, or with items too long: for a profile's field and an imported row alike.
    public enum ListProblem: Sendable, Equatable, Codable {
        /// `count` items over the limit were left out; the first is `length` characters long.
        case itemsTooLong(field: String, length: Int, count: Int, limit: Int)
        /// Only the first `limit` of `count` items were kept.
        case tooManyItems(field: String, count: Int, limit: Int)
        /// Items written more than once (case and accents aside), as first written: only the first of each was kept.
        case repeatedItems(field: String, items: [String])
    }

    public enum Problem: Sendable, Equatable, Codable {
        // The file as a whole.
        /// Permission denied, or the file is not there (gone since the folder was listed, a link to nothing or to itself).
        case cannotReadFile(denied: Bool)
        case notRegularFile
        case fileTooLarge(bytes: Int, limitKiB: Int)
        case notUTF8(byte: UInt8)
        /// A file name that is not UTF-8 (shown with its other bytes as `\xHH`).
        case fileNameNotUTF8
        /// The YAML parser's own words (they are libyaml's, in English), and the
        /// construct it was reading when that started on another line.
        case yamlSyntax(String, context: String?, contextLine: Int, contextColumn: Int)
        case yamlDuplicateKey([String], firstLine: Int?)
        case yamlUnreadable(String)
        case yamlTooLarge(characters: Int, values: Int)
        case notKeys(FileKind)
        /// A file that must hold keys holds nothing (or only comments).
        case emptyDocument(FileKind)
        case cannotReadFolder
        case noSuchFolder
        case duplicateID(String, firstFile: String)

        // A profile's keys and values.
        case keyNotWord
        case unknownKey(String, suggestion: String?)
        /// A key (as written) for a field already given: the same word, or another spelling of it.
        case repeatedKey(String, field: String, firstLine: Int)
        case missingName
        case nameTooLong(characters: Int, limit: Int)
        case missingRole
        case unknownRole(String, suggestion: String?)
        case invalidID(String, fileID: String)
        case fileNameNotID(String, id: String)
        case notText(field: String, found: NodeKind)
        /// A field the profile cannot load without (`name`, `role`) given as a list or keys.
        case requiredNotText(field: String, found: NodeKind)
        case notWholeNumber(field: String, range: ClosedRange<Int>, found: Found)
        case outOfRange(field: String, range: ClosedRange<Int>, value: Int)
        case notNumber(field: String, found: Found)
        case notList(field: String, found: Found)
        case itemNotWord(field: String, found: NodeKind)
        case badSkillItem
        case unknownLevel(String, suggestion: String?)
        /// Words after a skill's name that are no level and look like none (`Substance 3D (Painter)`):
        /// the skill is kept as written.
        case levelKeptInName(String, skill: String)
        /// A skill written with a level or a separator but no name (`: expert`), as written.
        case skillWithoutName(String)
        /// A language Patio does not know that looks like a typo of one it does: kept as written.
        case unknownLanguage(String, suggestion: String)
        case badSlot(String)
        case list(ListProblem)

        // taxonomy.yaml and community.yaml.
        case unknownSection(String, suggestion: String?)
        case sectionNotTagLists(String)
        case parentCycle(child: String, parent: String)
        /// `alias` was given for a second tag, `ignored`: it stays an alias of `kept`.
        case aliasOfTwoTags(String, kept: String, ignored: String)
        /// `tag` was put under a second parent, `ignored`: it stays under `kept`.
        case underTwoParents(String, kept: String, ignored: String)
        case weightsNotNumbers
        case unknownWeight(String, suggestion: String?, names: [String])
        case rolesNotMatrix
        case unknownRoleKey(String, suggestion: String?)
        case roleRowNotNumbers(Role)

        // A spreadsheet.
        case csvNotText
        case csvUnclosedQuote
        case csvReadAsWindows1252
        case csvEmpty
        case unusedColumns([String])
        case noNameColumn
        /// `--map` names a column the sheet does not have (its nearest title, if any is near).
        case mappedColumnMissing(String, suggestion: String?)
        case tooManyCells(cells: Int, columns: Int)
        case rowWithoutName
        case rowNameTooLong(characters: Int, limit: Int)
        case rowWithoutRole(name: String)
        case rowUnknownRole(String, name: String, suggestion: String?)
        case reservedID(String, name: String)
        case rowBadWing(String, name: String)
        case rowBadSlot(String, name: String)
        case rowBadCapacity(String, name: String)
        case rowList(ListProblem, name: String)
        case rowMatchesSeveral(name: String, ids: [String])

        /// A graph file for `solve`: the graph reader's own words.
        case graphSyntax(String)

        // Writing a profile.
        case profileNotWritten(ProfileWriter.WriteError)
    }
}

extension Diagnostic.Problem {
    /// A stable name for the kind of problem, for programs (`unknown_key`;
    /// capitals in a row are one word: `file_name_not_utf8`).
    public var code: String {
        let name = String(describing: self).prefix { $0 != "(" }
        var code = ""
        var previous: Character?
        for character in name {
            if character.isUppercase {
                if let previous, !previous.isUppercase { code += "_" }
                code += character.lowercased()
            } else {
                code.append(character)
            }
            previous = character
        }
        return code
    }
}
