import Foundation
import Yams

/// Reads one profile file into a member, reporting every problem with its
/// line and column. A problem in a field (an unknown key, a wrong type, an
/// unknown level) leaves that field out and the member still loads; a member
/// without a name or a known role, or a file that is not YAML, does not load.
enum ProfileReader {
    struct Outcome {
        var member: Member?
        var diagnostics: [Diagnostic]
        /// Where the id is written, when the file gives one.
        var idPosition: (line: Int, column: Int)? = nil
    }

    static func read(_ text: String, path: String, defaultID: String) -> Outcome {
        var reader = FieldReader(path: path)
        guard
            let mapping = reader.topLevelKeys(
                of: text, shape: .profile, required: true, consequence: .profileNotLoaded)
        else {
            return Outcome(member: nil, diagnostics: reader.diagnostics)
        }
        let root = Node.mapping(mapping)

        var fields: [ProfileField: (key: Node, value: Node)] = [:]
        // Keys given with no value (`role: ~`): a field missing is said there.
        var givenEmpty: [ProfileField: Node] = [:]
        for (key, value) in mapping {
            guard let keyText = key.string else {
                reader.warn(key, .keyNotWord)
                continue
            }
            guard let field = ProfileField(key: keyText) else {
                let suggestion =
                    Suggestions.nearest(to: keyText, among: ProfileField.allCases.map(\.rawValue), reach: .likelyTypo)
                    ?? ProfileField.allCases.first {
                        $0.frenchWords.contains {
                            Suggestions.editDistance(TextFolding.fold($0), TextFolding.fold(keyText)) <= 2
                        }
                    }?.rawValue
                reader.warn(key, .unknownKey(keyText, suggestion: suggestion))
                continue
            }
            if let earlier = fields[field] {
                reader.warn(
                    key, .repeatedKey(keyText, field: field.rawValue, firstLine: earlier.key.mark?.line ?? 0))
                continue
            }
            if case .scalar(let scalar) = value, FieldReader.isNull(scalar) {
                if givenEmpty[field] == nil { givenEmpty[field] = key }
                continue
            }
            fields[field] = (key, value)
        }

        // A file without a usable name or role does not load, but its other
        // fields are still read, so that every problem of the file is said at once.
        var loads = true
        let name = fields[.name].flatMap { $0.value.string.map(TextFolding.trimmingSpaces) } ?? ""
        if let value = fields[.name]?.value, value.string == nil {
            reader.report(value, .requiredNotText(field: "name", found: FieldReader.kind(of: value)))
            loads = false
        } else if name.isEmpty {
            reader.report(fields[.name]?.value ?? givenEmpty[.name] ?? root, .missingName)
            loads = false
        } else if name.count > Limits.tagCharacters {
            reader.report(fields[.name]?.value, .nameTooLong(characters: name.count, limit: Limits.tagCharacters))
            loads = false
        }
        var role = Role.student
        if let roleEntry = fields[.role] {
            if let roleText = roleEntry.value.string.map(TextFolding.trimmingSpaces), let known = Role(word: roleText) {
                role = known
            } else if roleEntry.value.string == nil {
                reader.report(
                    roleEntry.value, .requiredNotText(field: "role", found: FieldReader.kind(of: roleEntry.value)))
                loads = false
            } else {
                let written = roleEntry.value.string ?? ""
                let suggestion = Suggestions.nearest(to: written, among: Role.spellings, reach: .likelyTypo)
                reader.report(roleEntry.value, .unknownRole(written, suggestion: suggestion))
                loads = false
            }
        } else {
            reader.report(givenEmpty[.role] ?? root, .missingRole)
            loads = false
        }

        // The file's name gives the id unless 'id:' does; either must be a valid id.
        let fileID = MemberID.isValid(defaultID) ? defaultID : MemberID.from(name: defaultID)
        var member = Member(id: fileID, name: name, role: role)
        var hasOwnID = false
        if let entry = fields[.id], let id = reader.text(entry.value, field: "id") {
            if MemberID.isValid(id) {
                member.id = id
                hasOwnID = true
            } else {
                reader.warn(entry.value, .invalidID(id, fileID: fileID))
            }
        }
        if loads && !hasOwnID && fileID != defaultID {
            reader.note(nil, .fileNameNotID(defaultID, id: fileID))
        }
        member.organization = fields[.organization].flatMap { reader.text($0.value, field: "organization") }
        if let entry = fields[.wing] { member.wing = reader.integer(entry.value, field: "wing", in: 1...9) }
        if let entry = fields[.languages] {
            let written = reader.list(entry.value, field: "languages")
            // Each warning at its own item of a list written as one (the
            // items kept are in the list's order), else at the field's value.
            let items: [Node] = if case .sequence(let sequence) = entry.value { Array(sequence) } else { [] }
            var next = 0
            for text in written {
                let item = items[next...].firstIndex { $0.string.map(TextFolding.trimmingSpaces) == text }
                if let item { next = item + 1 }
                if let suggestion = LanguageCode.typo(text) {
                    reader.warn(item.map { items[$0] } ?? entry.value, .unknownLanguage(text, suggestion: suggestion))
                }
            }
            // Two ways to write one language (`en, anglais`) are one language.
            var codes = Set<String>()
            member.languages = written.map(LanguageCode.code).filter { codes.insert($0).inserted }
        }
        if let entry = fields[.skills] { member.skills = reader.skills(entry.value) }
        if let entry = fields[.interests] { member.interests = reader.list(entry.value, field: "interests") }
        if let entry = fields[.seeking] { member.seeking = reader.list(entry.value, field: "seeking") }
        if let entry = fields[.offering] { member.offering = reader.list(entry.value, field: "offering") }
        if let entry = fields[.availability] { member.availability = reader.slots(entry.value) }
        if let entry = fields[.capacity] {
            member.capacity = reader.integer(entry.value, field: "capacity", in: 0...50) ?? 1
        }
        member.contact = fields[.contact].flatMap { reader.text($0.value, field: "contact") }
        member.bio = fields[.bio].flatMap { reader.text($0.value, field: "bio") }.map {
            $0.trimmingCharacters(in: .newlines)
        }
        guard loads else { return Outcome(member: nil, diagnostics: Self.inLineOrder(reader.diagnostics)) }
        let idPosition = fields[.id]?.key.mark.map { (line: $0.line, column: $0.column) }
        return Outcome(member: member, diagnostics: Self.inLineOrder(reader.diagnostics), idPosition: idPosition)
    }

    /// In the file's order, as a compiler gives them (the fields are read in their own order).
    static func inLineOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }.map(\.element)
    }
}

/// The limits of a list, for profiles and imported rows alike: items longer
/// than `Limits.tagCharacters` are left out, then the first `Limits.listItems`
/// kept. Each problem comes back as a fact.
enum ListBounds {
    /// `items` without those written again (the same `key`, case and accents
    /// aside: the first is kept), without those too long, then no more than
    /// the limit; and what was left out.
    static func apply<Item>(_ items: [Item], field: String, length: (Item) -> Int, key: (Item) -> String) -> (
        kept: [Item], problems: [Diagnostic.ListProblem]
    ) {
        var kept: [Item] = []
        var problems: [Diagnostic.ListProblem] = []
        var seen = Set<String>()
        var repeated: [String] = []
        for item in items {
            if seen.insert(TextFolding.fold(key(item))).inserted {
                kept.append(item)
            } else if !repeated.contains(key(item)) {
                repeated.append(key(item))
            }
        }
        if !repeated.isEmpty { problems.append(.repeatedItems(field: field, items: repeated)) }
        if let long = kept.first(where: { length($0) > Limits.tagCharacters }) {
            let count = kept.count { length($0) > Limits.tagCharacters }
            problems.append(
                .itemsTooLong(field: field, length: length(long), count: count, limit: Limits.tagCharacters))
            kept.removeAll { length($0) > Limits.tagCharacters }
        }
        if kept.count > Limits.listItems {
            problems.append(.tooManyItems(field: field, count: kept.count, limit: Limits.listItems))
            kept.removeLast(kept.count - Limits.listItems)
        }
        return (kept, problems)
    }
}

/// Cells and scalars that hold several items.
public enum ListCell {
    /// Splits on `,` `;` and `|` (but not inside parentheses), trimming each item.
    public static func split(_ text: String, separators: Set<Character> = [",", ";", "|"]) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0 && (separators.contains(character) || character == "\n") {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items.map(TextFolding.trimmingSpaces).filter { !$0.isEmpty }
    }
}

/// `Blender (expert)` or `Blender: expert` as a skill.
enum SkillText {
    /// A level that is none of the known ones, with the nearest one if it looks like a typo.
    static func unknownLevel(_ text: String) -> Diagnostic.Problem {
        .unknownLevel(text, suggestion: levelTypo(text))
    }

    /// How bad a problem `parse` gives is: a note when the skill is kept as
    /// written, else a warning (a part of it was left out).
    static func severity(of problem: Diagnostic.Problem) -> Diagnostic.Severity {
        if case .levelKeptInName = problem { .note } else { .warning }
    }

    /// The level `text` looks like a typo of (three letters or more: `(C)` or
    /// `(UX)` are part of a name, not a level begun).
    static func levelTypo(_ text: String) -> String? {
        guard text.count >= 3 else { return nil }
        return Suggestions.nearest(to: text, among: SkillLevel.spellings, reach: .likelyTypo)
    }

    /// The skill, and what to say about how it was read. After a colon
    /// comes a level, as in a profile's `- Blender: expert`: one that is none
    /// is said and left out of the name. In brackets, a level mistyped
    /// (`Blender (expret)`) is said and left out too, but other words
    /// (`Substance 3D (Painter)`) are part of the name, kept with a note.
    static func parse(_ text: String) -> (skill: Skill, problem: Diagnostic.Problem?) {
        let trimmed = TextFolding.trimmingSpaces(text)
        var name = trimmed
        var levelText: String?
        var inBrackets = false
        if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") {
            inBrackets = true
            name = TextFolding.trimmingSpaces(String(trimmed[..<open]))
            levelText = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        } else if let colon = trimmed.lastIndex(of: ":") {
            name = TextFolding.trimmingSpaces(String(trimmed[..<colon]))
            levelText = TextFolding.trimmingSpaces(String(trimmed[trimmed.index(after: colon)...]))
        }
        // `C++:` is C++; `:` or `(expert)` alone, a skill with no name.
        guard let levelText, !levelText.isEmpty else { return (Skill(name), nil) }
        if let level = SkillLevel(word: levelText) { return (Skill(name, level: level), nil) }
        let typo = levelTypo(levelText)
        guard typo == nil && inBrackets else { return (Skill(name), .unknownLevel(levelText, suggestion: typo)) }
        return (Skill(trimmed), .levelKeptInName(levelText, skill: trimmed))
    }
}
