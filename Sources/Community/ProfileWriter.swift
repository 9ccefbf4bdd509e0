import Foundation

/// Writes profiles as YAML files that people read and edit: plain where the
/// text allows, double-quoted where YAML would misread it, the bio as a block.
public enum ProfileWriter {
    /// - Parameter writingID: say the id in the file (when the file's name is not the id).
    public static func yaml(for member: Member, writingID: Bool = false) -> String {
        var lines: [String] = []
        if writingID { lines.append("id: " + member.id) }
        lines.append("name: " + scalar(member.name))
        lines.append("role: " + member.role.rawValue)
        if let organization = member.organization { lines.append("organization: " + scalar(organization)) }
        if let wing = member.wing { lines.append("wing: \(wing)") }
        if !member.languages.isEmpty { lines.append("languages: " + flowList(member.languages)) }
        if !member.skills.isEmpty {
            lines.append("skills:")
            for skill in member.skills {
                lines.append("  - " + scalar(skill.name) + (skill.level.map { ": " + $0.rawValue } ?? ""))
            }
        }
        if !member.interests.isEmpty { lines.append("interests: " + flowList(member.interests)) }
        if !member.seeking.isEmpty { lines.append("seeking: " + flowList(member.seeking)) }
        if !member.offering.isEmpty { lines.append("offering: " + flowList(member.offering)) }
        if !member.availability.isEmpty { lines.append("availability: " + flowList(member.availability)) }
        if member.capacity != 1 { lines.append("capacity: \(member.capacity)") }
        if let contact = member.contact { lines.append("contact: " + scalar(contact)) }
        if let bio = member.bio, !bio.isEmpty {
            lines.append("bio: |")
            for line in bio.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(line.isEmpty ? "" : "  " + line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
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
            throw .cannotWrite(path: path)
        }
        return path
    }

    /// Replaces the profile file `name` in `folder` with the member, whole or not at all.
    public static func update(_ member: Member, file name: String, in folder: String) throws(WriteError) -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        let stem = (name as NSString).deletingPathExtension
        do {
            try AtomicFile.write(yaml(for: member, writingID: stem != member.id), to: path, replacing: true)
        } catch {
            throw .cannotWrite(path: path)
        }
        return path
    }

    public enum WriteError: Error, Equatable, Sendable, CustomStringConvertible {
        case exists(path: String)
        case cannotWrite(path: String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) exists already: it was left as it is"
            case .cannotWrite(let path): return "cannot write \(path)"
            }
        }
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
        let hasTrouble = text.contains(": ") || text.contains(" #") || text.hasSuffix(":") || text.hasSuffix(" ")
            || text.contains(where: { $0.isNewline || ($0.unicodeScalars.first.map { $0.value < 0x20 } ?? false) })
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
                if scalar.value < 0x20 { result += String(format: "\\x%02X", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
