import Foundation

/// Writes profiles as YAML files that people read and edit: plain where the
/// text allows, double-quoted where YAML would misread it, the bio as a block.
public enum ProfileWriter {
    /// - Parameter writingID: say the id in the file (when the file's name is not the id).
    public static func yaml(for member: Member, writingID: Bool = false) -> String {
        let fields = (writingID ? ["id"] : []) + ImportPlan.memberFields
        return fields.flatMap { lines(for: $0, of: member) }.joined(separator: "\n") + "\n"
    }

    /// The lines of one field (`name`, `skills`, … as `ImportPlan.memberFields` names them); none when it is empty.
    static func lines(for field: String, of member: Member) -> [String] {
        switch field {
        case "id": return ["id: " + member.id]
        case "name": return ["name: " + scalar(member.name)]
        case "role": return ["role: " + member.role.rawValue]
        case "organization": return member.organization.map { ["organization: " + scalar($0)] } ?? []
        case "wing": return member.wing.map { ["wing: \($0)"] } ?? []
        case "languages": return member.languages.isEmpty ? [] : ["languages: " + flowList(member.languages)]
        case "skills":
            guard !member.skills.isEmpty else { return [] }
            return ["skills:"]
                + member.skills.map { "  - " + scalar($0.name) + ($0.level.map { ": " + $0.rawValue } ?? "") }
        case "interests": return member.interests.isEmpty ? [] : ["interests: " + flowList(member.interests)]
        case "seeking": return member.seeking.isEmpty ? [] : ["seeking: " + flowList(member.seeking)]
        case "offering": return member.offering.isEmpty ? [] : ["offering: " + flowList(member.offering)]
        case "availability":
            return member.availability.isEmpty ? [] : ["availability: " + flowList(member.availability)]
        case "capacity": return member.capacity == 1 ? [] : ["capacity: \(member.capacity)"]
        case "contact": return member.contact.map { ["contact: " + scalar($0)] } ?? []
        case "bio":
            guard let bio = member.bio, !bio.isEmpty else { return [] }
            // A block keeps the text as written, unless YAML could not read it back so (a control
            // character, a first line that starts with a space): then double-quoted, escaped.
            let lines = bio.split(separator: "\n", omittingEmptySubsequences: false)
            guard !bio.unicodeScalars.contains(where: { $0 != "\n" && needsEscape($0) }),
                !(lines.first { !$0.isEmpty }?.first?.isWhitespace ?? false)
            else { return ["bio: " + quoted(bio)] }
            return ["bio: |"] + lines.map { $0.isEmpty ? "" : "  " + $0 }
        default: return []
        }
    }

    /// The profile file's text with only the `changed` fields rewritten from
    /// `member`: every other line — comments, French keys, the order, how
    /// values were written — stays as it was. A field the file lacks is added
    /// at the end; one that became empty is taken out.
    static func updating(_ text: String, changed: [String], to member: Member) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // Where each top-level key starts (1-based lines), from the YAML itself.
        guard case .success(.mapping(let mapping)?) = YAMLProblem.root(of: text, path: "") else {
            return yaml(for: member)
        }
        var starts: [(field: String, line: Int, key: String)] = []
        for (key, _) in mapping {
            guard let word = key.string, let line = key.mark?.line, let field = ProfileField(key: word) else {
                continue
            }
            starts.append((field.rawValue, line - 1, word))
        }
        starts.sort { $0.line < $1.line }
        let allStarts = mapping.compactMap { $0.key.mark.map { $0.line - 1 } }.sorted()
        var replacements: [(range: Range<Int>, lines: [String])] = []
        var appended: [String] = []
        for field in changed {
            var new = Self.lines(for: field, of: member)
            guard let (_, start, key) = starts.first(where: { $0.field == field }) else {
                appended += new
                continue
            }
            // A list the file writes as a block (one `- item` a line) stays a block: its comments keep their items.
            if Self.isBlockList(lines, after: start), let block = blockLines(for: field, of: member) { new = block }
            // The key as the file writes it (`langues:`, `compétences:`).
            if let first = new.first, first.hasPrefix(field + ":"), key != field {
                new[0] = key + first.dropFirst(field.count)
            }
            // A comment at the end of the key's line stays there, after the new value.
            if !new.isEmpty, let comment = trailingComment(of: lines[start]) {
                new[0] += "  " + comment
            }
            var end = allStarts.first { $0 > start } ?? lines.count
            // Comments and blank lines before the next key belong to it.
            while end > start + 1,
                lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty || lines[end - 1].hasPrefix("#")
            { end -= 1 }
            replacements.append((start..<end, keepingComments(of: Array(lines[(start + 1)..<end]), in: new)))
        }
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            lines.replaceSubrange(replacement.range, with: replacement.lines)
        }
        return (lines + appended).joined(separator: "\n") + "\n"
    }

    /// Whether the key on line `start` holds a block list: nothing after its
    /// colon but a comment, and its first line of content below is a `- ` item.
    static func isBlockList(_ lines: [String], after start: Int) -> Bool {
        guard withoutComment(lines[start]).trimmingCharacters(in: .whitespaces).hasSuffix(":") else { return false }
        let next = lines[(start + 1)...].first {
            let trimmed = $0.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        return next?.trimmingCharacters(in: .whitespaces).hasPrefix("- ") ?? false
    }

    /// A list field's lines as a block, one `- item` a line; nil for a field that is no list, or empty.
    static func blockLines(for field: String, of member: Member) -> [String]? {
        let items: [String]
        switch field {
        case "languages": items = member.languages
        case "interests": items = member.interests
        case "seeking": items = member.seeking
        case "offering": items = member.offering
        case "availability": items = member.availability
        default: return nil
        }
        guard !items.isEmpty else { return nil }
        return [field + ":"] + items.map { "  - " + scalar($0) }
    }

    /// A rewritten field's `new` lines with the comments of its `old` lines
    /// (those after its key's line) kept: a comment after a list item stays
    /// after the item of the same name, and one on a line of its own before
    /// it, when the item is still there; any other comment follows the
    /// field's new lines, so that none is lost.
    static func keepingComments(of old: [String], in new: [String]) -> [String] {
        let kept = Set(new.compactMap(itemName))
        var before: [String: [String]] = [:]
        var after: [String: String] = [:]
        var left: [String] = []
        var pending: [String] = []
        for line in old {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                pending.append(trimmed)
                continue
            }
            let comment = trailingComment(of: line)
            if let name = itemName(line), kept.contains(name), before[name] == nil {
                before[name] = pending
                after[name] = comment
            } else {
                left += pending + (comment.map { [$0] } ?? [])
            }
            pending = []
        }
        left += pending
        var result: [String] = []
        for line in new {
            guard let name = itemName(line) else {
                result.append(line)
                continue
            }
            let indent = String(line.prefix { $0 == " " })
            result += (before[name] ?? []).map { indent + $0 }
            result.append(line + (after[name].map { "  " + $0 } ?? ""))
        }
        return result + left.map { "  " + $0 }
    }

    /// The name of the list item a line holds (`  - Unity: expert  # …` →
    /// `unity`), folded; nil for a line that holds no item.
    static func itemName(_ line: String) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("- ") else { return nil }
        var text = withoutComment(String(trimmed.dropFirst(2)))
        if let colon = text.range(of: ": ") { text = String(text[..<colon.lowerBound]) }
        if text.hasSuffix(":") { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return text.isEmpty ? nil : TextFolding.fold(text)
    }

    /// A YAML line without the comment that ends it (`trailingComment`).
    static func withoutComment(_ line: String) -> String {
        guard let comment = trailingComment(of: line), let range = line.range(of: comment, options: .backwards) else {
            return line
        }
        return String(line[..<range.lowerBound])
    }

    /// The comment that ends a YAML line (`# …` after a blank, outside
    /// quotes), or nil.
    static func trailingComment(of line: String) -> String? {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                // Inside single quotes '' is a quote; inside double quotes \ escapes the next.
                if open == "\"" && character == "\\" {
                    index = line.index(after: index)
                } else if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                if previous == " " || previous == "[" || previous == "{" || previous == "," || previous == ":" {
                    quote = character
                }
            } else if character == "#" && (previous == " " || previous == "\t") {
                return String(line[index...]).trimmingCharacters(in: .whitespaces)
            }
            if index < line.endIndex {
                previous = line[index]
                index = line.index(after: index)
            }
        }
        return nil
    }

    /// Writes `Profiles/<id>.yaml` whole or not at all (`AtomicFile`); an
    /// existing file is kept unless `replacing`.
    public static func write(_ member: Member, into folder: String, replacing: Bool) throws(WriteError) -> String {
        let path = (folder as NSString).appendingPathComponent(member.id + ".yaml")
        do {
            try AtomicFile.write(yaml(for: member), to: path, replacing: replacing)
        } catch .exists {
            throw .exists(path: path)
        } catch {
            throw .cannotWrite(path: path, errorNumber: error.errorNumber)
        }
        return path
    }

    /// Rewrites, in the profile file `name` in `folder`, the fields that
    /// changed (the rest of the file as it was), whole or not at all.
    public static func update(_ member: Member, changed: [String], file name: String, in folder: String)
        throws(WriteError) -> String
    {
        let path = (folder as NSString).appendingPathComponent(name)
        let stem = (name as NSString).deletingPathExtension
        let text: String
        if let data = FileManager.default.contents(atPath: path), let old = String(data: data, encoding: .utf8) {
            text = updating(old, changed: changed, to: member)
        } else {
            text = yaml(for: member, writingID: stem != member.id)
        }
        do {
            try AtomicFile.write(text, to: path, replacing: true)
        } catch {
            throw .cannotWrite(path: path, errorNumber: error.errorNumber)
        }
        return path
    }

    /// Why a profile was not written; the file is left as it was.
    public enum WriteError: Error, Equatable, Sendable, Codable {
        case exists(path: String)
        /// `errorNumber`: what the system said stood in the way (`errno`), when it said.
        case cannotWrite(path: String, errorNumber: Int32?)
    }

    static func flowList(_ items: [String]) -> String {
        "[" + items.map { flowItem($0) }.joined(separator: ", ") + "]"
    }

    /// Inside `[…]`, commas and brackets also need quotes.
    static func flowItem(_ text: String) -> String {
        text.contains(where: { ",[]{}".contains($0) }) ? quoted(text) : scalar(text)
    }

    /// Plain when YAML reads it back as the same text, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let reserved: Set<String> = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let startsBadly = text.first.map { "-?:,[]{}#&*!|>'\"%@`".contains($0) || $0 == " " } ?? true
        let looksLikeNumber = Double(text) != nil || Int(text) != nil
        let hasTrouble =
            text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.hasSuffix(" ")
            || text.contains(where: { $0.isNewline }) || text.unicodeScalars.contains(where: needsEscape)
        if startsBadly || looksLikeNumber || hasTrouble || reserved.contains(text.lowercased()) { return quoted(text) }
        return text
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value <= 0xFF && needsEscape(scalar) {
                    result += String(format: "\\x%02X", scalar.value)
                } else if needsEscape(scalar) {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A character YAML does not take as written (a control character, DEL
    /// and the C1 controls, the line and paragraph separators, a byte-order
    /// mark): only an escape in double quotes gives it back.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x2028, 0x2029, 0xFEFF].contains(scalar.value)
    }
}
