import Foundation

/// A shard of the cache in bytes: the strings it uses, each once, then its
/// entries, every string an index into that table.
///
/// The members of a community repeat the same few hundred tags, organisations
/// and languages; each is decoded once per shard and the members share it.
/// Whole numbers are written in 7-bit groups (signed ones zigzagged first),
/// an optional as 0 for none or 1 then the value. The rare diagnostics a
/// file had are kept as JSON, being many kinds of facts. Decoding checks
/// every length and index against the bytes there are: a shard that does not
/// hold what this version writes gives nil, never a member made of the rest.
extension ProfileCache {
    static func encodeShard(_ entries: [(name: String, entry: Entry)]) -> Data? {
        var writer = ShardWriter()
        for (name, entry) in entries {
            writer.string(name)
            writer.signed(entry.stamp.size)
            writer.signed(entry.stamp.seconds)
            writer.signed(entry.stamp.nanoseconds)
            writer.unsigned(entry.stamp.inode)
            writer.signed(entry.stamp.changed)
            writer.optional(entry.idLine)
            writer.optional(entry.idColumn)
            if entry.diagnostics.isEmpty {
                writer.unsigned(0)
            } else {
                guard let json = try? JSONEncoder().encode(entry.diagnostics) else { return nil }
                writer.unsigned(UInt64(json.count))
                writer.bytes.append(contentsOf: json)
            }
            guard let member = entry.member else {
                writer.unsigned(0)
                continue
            }
            writer.unsigned(1)
            writer.string(member.id)
            writer.string(member.name)
            writer.unsigned(UInt64(Role.allCases.firstIndex(of: member.role)!))
            writer.optional(member.organization)
            writer.optional(member.wing)
            writer.strings(member.languages)
            writer.unsigned(UInt64(member.skills.count))
            for skill in member.skills {
                writer.string(skill.name)
                writer.unsigned(skill.level.map { UInt64(SkillLevel.allCases.firstIndex(of: $0)! + 1) } ?? 0)
            }
            writer.strings(member.interests)
            writer.strings(member.seeking)
            writer.strings(member.offering)
            writer.strings(member.availability)
            writer.signed(Int64(member.capacity))
            writer.optional(member.contact)
            writer.optional(member.bio)
        }
        return writer.finished(entryCount: entries.count)
    }

    static func decodeShard(_ data: Data) -> [String: Entry]? {
        data.withUnsafeBytes { bytes in
            var reader = ShardReader(bytes)
            guard reader.readTable() else { return nil }
            return reader.entries()
        }
    }
}

/// Writes a shard: the entries' bytes as they come, the strings' table put in front at the end.
struct ShardWriter {
    var bytes: [UInt8] = []
    private var table: [String] = []
    private var index: [String: Int] = [:]

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func signed(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func optional(_ value: Int?) {
        if let value {
            unsigned(1)
            signed(Int64(value))
        } else {
            unsigned(0)
        }
    }

    mutating func string(_ text: String) {
        if let known = index[text] {
            unsigned(UInt64(known))
        } else {
            index[text] = table.count
            unsigned(UInt64(table.count))
            table.append(text)
        }
    }

    mutating func optional(_ text: String?) {
        if let text {
            unsigned(1)
            string(text)
        } else {
            unsigned(0)
        }
    }

    mutating func strings(_ list: [String]) {
        unsigned(UInt64(list.count))
        for text in list { string(text) }
    }

    /// The table (its count, then each string's length and bytes), the number of entries, then the entries.
    func finished(entryCount: Int) -> Data {
        var head = ShardWriter()
        head.unsigned(UInt64(table.count))
        for text in table {
            let utf8 = Array(text.utf8)
            head.unsigned(UInt64(utf8.count))
            head.bytes += utf8
        }
        head.unsigned(UInt64(entryCount))
        return Data(head.bytes + bytes)
    }
}

/// Reads a shard; every read says whether the bytes held it.
struct ShardReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0
    var table: [String] = []

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func signed() -> Int64? {
        guard let raw = unsigned() else { return nil }
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A count of things still to read, or of bytes, each at least a byte: no more than the bytes left.
    mutating func length() -> Int? {
        guard let raw = unsigned(), raw <= UInt64(bytes.count - offset) else { return nil }
        return Int(raw)
    }

    /// An optional whole number: nil when the bytes do not hold one, `.some(nil)` for none written.
    mutating func optionalNumber() -> Int?? {
        guard let flag = unsigned(), flag <= 1 else { return nil }
        if flag == 0 { return .some(nil) }
        guard let value = signed() else { return nil }
        return .some(Int(value))
    }

    mutating func string() -> String? {
        guard let raw = unsigned(), raw < UInt64(table.count) else { return nil }
        return table[Int(raw)]
    }

    mutating func optionalString() -> String?? {
        guard let flag = unsigned(), flag <= 1 else { return nil }
        if flag == 0 { return .some(nil) }
        guard let text = string() else { return nil }
        return .some(text)
    }

    mutating func strings() -> [String]? {
        guard let count = length() else { return nil }
        var list: [String] = []
        list.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = string() else { return nil }
            list.append(text)
        }
        return list
    }

    mutating func readTable() -> Bool {
        guard let count = length() else { return false }
        table.reserveCapacity(count)
        for _ in 0..<count {
            guard let length = length(), let text = String(validating: bytes[offset..<(offset + length)], as: UTF8.self)
            else { return false }
            offset += length
            table.append(text)
        }
        return true
    }

    mutating func entries() -> [String: ProfileCache.Entry]? {
        guard let count = length() else { return nil }
        var entries: [String: ProfileCache.Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard let name = string(), let entry = entry(), entries.updateValue(entry, forKey: name) == nil else {
                return nil
            }
        }
        return offset == bytes.count ? entries : nil
    }

    mutating func entry() -> ProfileCache.Entry? {
        guard let size = signed(), let seconds = signed(), let nanoseconds = signed(), let inode = unsigned(),
            let changed = signed(), let idLine = optionalNumber(), let idColumn = optionalNumber(),
            let jsonLength = length()
        else { return nil }
        var diagnostics: [Diagnostic] = []
        if jsonLength > 0 {
            let json = Data(bytes[offset..<(offset + jsonLength)])
            offset += jsonLength
            guard let decoded = try? JSONDecoder().decode([Diagnostic].self, from: json) else { return nil }
            diagnostics = decoded
        }
        let stamp = ProfileCache.Stamp(
            size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode, changed: changed)
        guard let hasMember = unsigned(), hasMember <= 1 else { return nil }
        var member: Member?
        if hasMember == 1 {
            guard let read = self.member() else { return nil }
            member = read
        }
        return ProfileCache.Entry(
            stamp: stamp, member: member, diagnostics: diagnostics, idLine: idLine, idColumn: idColumn)
    }

    mutating func member() -> Member? {
        guard let id = string(), let name = string(), let roleIndex = unsigned(),
            roleIndex < UInt64(Role.allCases.count), let organization = optionalString(), let wing = optionalNumber(),
            let languages = strings(), let skillCount = length()
        else { return nil }
        var skills: [Skill] = []
        skills.reserveCapacity(skillCount)
        for _ in 0..<skillCount {
            guard let skillName = string(), let level = unsigned(), level <= UInt64(SkillLevel.allCases.count)
            else { return nil }
            skills.append(Skill(skillName, level: level == 0 ? nil : SkillLevel.allCases[Int(level) - 1]))
        }
        guard let interests = strings(), let seeking = strings(), let offering = strings(),
            let availability = strings(), let capacity = signed(), let contact = optionalString(),
            let bio = optionalString()
        else { return nil }
        return Member(
            id: id, name: name, role: Role.allCases[Int(roleIndex)], organization: organization, wing: wing,
            languages: languages, skills: skills, interests: interests, seeking: seeking, offering: offering,
            availability: availability, capacity: Int(capacity), contact: contact, bio: bio)
    }
}
