import Foundation
import Yams

/// Reads values of the expected types, reporting the others.
struct FieldReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    /// Something that is not loaded: the problem says what.
    mutating func report(_ node: Node?, _ problem: Diagnostic.Problem, consequence: Diagnostic.Consequence? = nil) {
        diagnostics.append(
            Diagnostic(
                path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, problem,
                consequence: consequence))
    }

    /// Nothing lost, but something to know.
    mutating func note(_ node: Node?, _ problem: Diagnostic.Problem) {
        diagnostics.append(
            Diagnostic(
                path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, problem, severity: .note))
    }

    /// A part left out of what is loaded: the problem says which.
    mutating func warn(_ node: Node?, _ problem: Diagnostic.Problem) {
        diagnostics.append(
            Diagnostic(
                path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, problem, severity: .warning))
    }

    /// The top-level keys of a YAML document. A syntax error, or a document
    /// that is not a set of keys, is reported (`shape` says what the file
    /// should hold) and gives nil. An empty document has no keys, unless it is
    /// `required` to hold some: then it is reported too.
    mutating func topLevelKeys(
        of text: String, shape: Diagnostic.FileKind, required: Bool = false, consequence: Diagnostic.Consequence
    ) -> Node.Mapping? {
        switch YAMLProblem.root(of: text, path: path) {
        case .failure(var problem):
            problem.consequence = consequence
            diagnostics.append(problem)
            return nil
        case .success(.mapping(let mapping)?):
            return mapping
        case .success(nil) where !required:
            return Node.Mapping([])
        case .success(nil):
            report(nil, .emptyDocument(shape), consequence: consequence)
            return nil
        case .success(let other):
            report(other, .notKeys(shape), consequence: consequence)
            return nil
        }
    }

    static func kind(of node: Node) -> Diagnostic.NodeKind {
        switch node {
        case .scalar: return .value
        case .mapping: return .keys
        case .sequence: return .list
        case .alias: return .alias
        }
    }

    /// The value as written, or the kind of node when it is not a value.
    static func found(_ node: Node) -> Diagnostic.Found { node.string.map { .written($0) } ?? .kind(kind(of: node)) }

    /// A plain number or yes/no, which YAML reads as something other than text.
    static func isNumberOrSwitch(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain
            && (Double(scalar.string) != nil || ["true", "false", "yes", "no"].contains(scalar.string.lowercased()))
    }

    mutating func text(_ node: Node, field: String) -> String? {
        guard case .scalar(let scalar) = node else {
            warn(node, .notText(field: field, found: Self.kind(of: node)))
            return nil
        }
        return TextFolding.trimmingSpaces(scalar.string)
    }

    mutating func integer(_ node: Node, field: String, in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let scalar) = node, let value = Int(TextFolding.trimmingSpaces(scalar.string))
        else {
            warn(node, .notWholeNumber(field: field, range: range, found: Self.found(node)))
            return nil
        }
        guard range.contains(value) else {
            warn(node, .outOfRange(field: field, range: range, value: value))
            return nil
        }
        return value
    }

    /// A number (a decimal point or comma), zero or more.
    mutating func number(_ node: Node, field: String) -> Double? {
        guard case .scalar(let scalar) = node,
            let value = Double(
                TextFolding.trimmingSpaces(scalar.string).replacingOccurrences(of: ",", with: ".")),
            value >= 0, value.isFinite
        else {
            warn(node, .notNumber(field: field, found: Self.found(node)))
            return nil
        }
        return value
    }

    /// A list (`[a, b]` or `- a` lines), or one text with items separated by
    /// commas or semicolons; at most `Limits.listItems` items of at most
    /// `Limits.tagCharacters` characters each (the others are reported and left out).
    mutating func list(_ node: Node, field: String) -> [String] {
        bounded(unboundedList(node, field: field), node, field: field, length: \.count, key: { $0 })
    }

    /// The items not written before, the first `Limits.listItems` whose `length` is within `Limits.tagCharacters`.
    mutating func bounded<Item>(
        _ items: [Item], _ node: Node, field: String, length: (Item) -> Int, key: (Item) -> String
    ) -> [Item] {
        let (kept, problems) = ListBounds.apply(items, field: field, length: length, key: key)
        for problem in problems {
            // Items written again are said where the first of them is written again (in a block list).
            if case .repeatedItems(_, let repeated) = problem, let first = repeated.first {
                warn(Self.secondItem(TextFolding.fold(first), in: node) ?? node, .list(problem))
            } else {
                warn(node, .list(problem))
            }
        }
        return kept
    }

    /// The item of a block list that writes `key` (folded) a second time:
    /// a plain item, or a skill with its level (`Blender: expert`, `Blender (expert)`).
    static func secondItem(_ key: String, in node: Node) -> Node? {
        guard case .sequence(let sequence) = node else { return nil }
        var seen = false
        for item in sequence {
            let name: String? =
                switch item {
                case .scalar(let scalar): SkillText.parse(scalar.string).skill.name
                case .mapping(let mapping) where mapping.count == 1: mapping.first!.key.string
                default: nil
                }
            guard let name, TextFolding.fold(TextFolding.trimmingSpaces(name)) == key else { continue }
            if seen { return item }
            seen = true
        }
        return nil
    }

    private mutating func unboundedList(_ node: Node, field: String) -> [String] {
        switch node {
        case .scalar(let scalar):
            if Self.isNumberOrSwitch(scalar) {
                warn(node, .notList(field: field, found: .written(scalar.string)))
                return []
            }
            return ListCell.split(scalar.string)
        case .sequence(let sequence):
            return sequence.compactMap { item in
                guard case .scalar(let scalar) = item else {
                    warn(item, .itemNotWord(field: field, found: Self.kind(of: item)))
                    return nil
                }
                if Self.isNull(scalar) { return nil }
                let value = TextFolding.trimmingSpaces(scalar.string)
                return value.isEmpty ? nil : value
            }
        default:
            warn(node, .notList(field: field, found: .kind(Self.kind(of: node))))
            return []
        }
    }

    /// Skills: `Blender`, `Blender: expert` or `Blender (expert)`, bounded as lists are.
    mutating func skills(_ node: Node) -> [Skill] {
        bounded(unboundedSkills(node), node, field: "skills", length: \.name.count, key: \.name)
    }

    private mutating func unboundedSkills(_ node: Node) -> [Skill] {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar(let scalar) where Self.isNumberOrSwitch(scalar):
            warn(node, .notList(field: "skills", found: .written(scalar.string)))
            return []
        case .scalar(let scalar):
            var skills: [Skill] = []
            for text in ListCell.split(scalar.string) {
                let parsed = SkillText.parse(text)
                if parsed.skill.name.isEmpty {
                    warn(node, .skillWithoutName(text))
                } else {
                    if let problem = parsed.problem { say(node, problem) }
                    skills.append(parsed.skill)
                }
            }
            return skills
        default:
            warn(node, .notList(field: "skills", found: .kind(Self.kind(of: node))))
            return []
        }
        var skills: [Skill] = []
        for item in items {
            switch item {
            case .scalar(let scalar) where Self.isNull(scalar):
                continue
            case .scalar(let scalar):
                let parsed = SkillText.parse(scalar.string)
                if parsed.skill.name.isEmpty {
                    if !TextFolding.trimmingSpaces(scalar.string).isEmpty {
                        warn(item, .skillWithoutName(scalar.string))
                    }
                    continue
                }
                if let problem = parsed.problem { say(item, problem) }
                skills.append(parsed.skill)
            case .mapping(let mapping) where mapping.count == 1:
                let (key, value) = mapping.first!
                let name = key.string.map(TextFolding.trimmingSpaces) ?? ""
                var skill = Skill(name)
                if let levelText = value.string, !levelText.isEmpty {
                    if let level = SkillLevel(word: levelText) {
                        skill.level = level
                    } else {
                        warn(value, SkillText.unknownLevel(levelText))
                    }
                }
                if name.isEmpty {
                    // `- "": expert` is a level without its skill: said, as `- : expert` is.
                    warn(item, .skillWithoutName(name + ":" + (value.string.map { $0.isEmpty ? "" : " " + $0 } ?? "")))
                } else {
                    skills.append(skill)
                }
            default:
                warn(item, .badSkillItem)
            }
        }
        return skills
    }

    /// A plain `~`, `null` or nothing: YAML's null, a value not given.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// What `SkillText.parse` says, as bad as `SkillText.severity` has it.
    mutating func say(_ node: Node, _ problem: Diagnostic.Problem) {
        if SkillText.severity(of: problem) == .note { note(node, problem) } else { warn(node, problem) }
    }

    mutating func slots(_ node: Node) -> [String] {
        let values = list(node, field: "availability")
        var slots: [String] = []
        for value in values {
            if let slot = AvailabilitySlot.normalize(value) {
                // The same slot written two ways (mardi aprem, tue-pm) is one.
                if !slots.contains(slot) { slots.append(slot) }
            } else {
                warn(node, .badSlot(value))
            }
        }
        return slots
    }
}
