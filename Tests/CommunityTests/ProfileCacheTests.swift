import Foundation
import Testing

@testable import Community

/// The cache of parsed profiles is used only for files exactly as they were,
/// and never serves a member a file no longer holds.
@Suite(.serialized)
struct ProfileCacheTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-cache-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try write("amelie.yaml", "name: Amélie Dupré\nrole: student\nskills: [Blender]\n")
        try write("kenji.yaml", "name: Kenji Watanabe\nrole: entrepreneur\nskils: [x]\n")
        try write("zoe.yaml", "name: Zoé Blender\nrole: student\n")
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }

    func load(shownAs shown: String = "p") -> ProfileFolder.Loaded {
        ProfileFolder.load(folder.path, shownAs: shown, usesCache: true)
    }

    /// Marks every cached member so that a load that used the cache shows it.
    func markCache() throws {
        var cache = ProfileCache.read(in: folder.path, fileCount: 3)
        #expect(!cache.entries.isEmpty)
        for (name, entry) in cache.entries {
            var marked = entry
            marked.member?.bio = "from the cache"
            cache.entries[name] = marked
        }
        cache.write(in: folder.path)
    }

    /// `bytes` with the first `old` (in UTF-8) replaced by `new`; nil when `old` is not there.
    static func replacing(_ old: String, with new: String, in bytes: Data) -> Data? {
        guard let range = bytes.firstRange(of: Data(old.utf8)) else { return nil }
        var changed = bytes
        changed.replaceSubrange(range, with: Data(new.utf8))
        return changed
    }

    func fromCache(_ loaded: ProfileFolder.Loaded) -> Set<String> {
        Set(loaded.directory.members.filter { $0.bio == "from the cache" }.map(\.id))
    }

    @Test func anUnchangedFolderComesFromTheCacheWithTheSameResult() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = load()
        #expect(FileManager.default.fileExists(atPath: ProfileCache.path(in: folder.path)))
        let plain = ProfileFolder.load(folder.path, shownAs: "p")
        #expect(first.directory.members == plain.directory.members)
        #expect(first.diagnostics == plain.diagnostics)
        #expect(first.readNow == ["amelie", "kenji", "zoe"], "no cache yet: every file read")
        try markCache()
        let second = load(shownAs: "elsewhere")
        #expect(fromCache(second) == ["amelie", "kenji", "zoe"])
        #expect(second.readNow.isEmpty, "nothing read from the files")
        // Problems are shown at the folder as named this time.
        #expect(second.diagnostics.map(\.path) == ["elsewhere/kenji.yaml"])
        #expect(second.diagnostics.map(\.problem) == plain.diagnostics.map(\.problem))
    }

    /// Ctrl-C while the cache is read, while files are looked at, or after:
    /// no load, whatever was done. (How often the cache's reading asks
    /// depends on how long it takes, so each stop is checked by what was said.)
    @Test func aLoadFromTheCacheStopsWhenAsked() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = load()
        var questions = 0
        #expect(
            ProfileFolder.load(
                folder.path, shownAs: "p", usesCache: true,
                isCancelled: {
                    questions += 1
                    return false
                }) != nil)
        #expect(questions >= 2)
        for stop in 1...max(2, questions) {
            var asked = 0
            let loaded = ProfileFolder.load(
                folder.path, shownAs: "p", usesCache: true,
                isCancelled: {
                    asked += 1
                    return asked >= stop
                })
            let saidStop = asked >= stop
            #expect((loaded == nil) == saidStop, "stop at question \(stop), \(asked) asked")
            if stop <= 2 { #expect(saidStop, "every load asks at least twice") }
        }
    }

    @Test(arguments: ["edit", "time put back", "permissions", "touch", "delete", "add", "rename", "folder"])
    func everyChangeIsReadFromTheFiles(_ change: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = load()
        try markCache()
        let zoe = folder.appendingPathComponent("zoe.yaml")
        switch change {
        case "edit":  // the same size, so that only the time and the content tell
            try write("zoe.yaml", "name: Zoé Blendex\nrole: student\n")
        case "time put back":  // the same size and modification time: only the status-change time tells
            let time = try #require(try FileManager.default.attributesOfItem(atPath: zoe.path)[.modificationDate])
            try write("zoe.yaml", "name: Zoé Blendex\nrole: student\n")
            try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: zoe.path)
        case "permissions":  // a file that may no longer be readable is looked at again
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: zoe.path)
        case "touch":
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: zoe.path)
        case "delete":
            try FileManager.default.removeItem(at: zoe)
        case "add":
            try write("noe.yaml", "name: Noé Petit\nrole: startup\n")
        case "rename":
            try FileManager.default.moveItem(at: zoe, to: folder.appendingPathComponent("zoe-blender.yaml"))
        default:
            try FileManager.default.removeItem(at: zoe)
            try FileManager.default.createDirectory(at: zoe, withIntermediateDirectories: false)
        }
        let loaded = load()
        let plain = ProfileFolder.load(folder.path, shownAs: "p")
        #expect(loaded.directory.members.map(\.id) == plain.directory.members.map(\.id))
        #expect(loaded.directory.members.map(\.name) == plain.directory.members.map(\.name))
        #expect(loaded.diagnostics == plain.diagnostics)
        // What did not change still comes from the cache; nothing else does.
        #expect(fromCache(loaded) == (change == "add" ? ["amelie", "kenji", "zoe"] : ["amelie", "kenji"]))
        #expect(loaded.readNow == Set(loaded.directory.members.map(\.id)).subtracting(fromCache(loaded)))
        if change == "edit" || change == "time put back" { #expect(loaded.directory["zoe"]?.name == "Zoé Blendex") }
        if change == "delete" || change == "folder" { #expect(loaded.directory["zoe"] == nil) }
        if change == "add" { #expect(loaded.directory["noe"]?.bio == nil) }
    }

    @Test func aCacheFromAnotherVersionOrUnreadableIsIgnored() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = load()
        try markCache()
        let path = ProfileCache.path(in: folder.path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let otherVersion = try #require(
            Self.replacing("\"version\":\(ProfileCache.version)", with: "\"version\":999", in: bytes))
        try otherVersion.write(to: URL(fileURLWithPath: path))
        #expect(fromCache(load()).isEmpty)
        try "not a cache".write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = load()
        #expect(fromCache(loaded).isEmpty)
        #expect(loaded.directory.members.count == 3)
        // And it was written anew.
        #expect(ProfileCache.read(in: folder.path, fileCount: 3).entries.count == 3)
    }

    /// A file put where the cache was, of any size, is looked at no further
    /// than its first line unless its size is the one that line gives; what
    /// a killed write left beside it goes at the next write.
    @Test func aCacheOfAnotherSizeIsNotRead() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = load()
        try markCache()
        let path = ProfileCache.path(in: folder.path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(ProfileCache.read(in: folder.path, fileCount: 3).entries.count == 3)
        try (bytes + Data(repeating: 0x20, count: 1000)).write(to: URL(fileURLWithPath: path))
        #expect(ProfileCache.read(in: folder.path, fileCount: 3).entries.isEmpty)
        // Two gibibytes that hold nothing (a sparse file: no disk used).
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(truncate(path, 2 << 30) == 0)
        #expect(ProfileCache.read(in: folder.path, fileCount: 3).entries.isEmpty)
        // A header that gives two gibibytes, and a file of that size: past what
        // three files can need, so it is not read (it would be refused by its
        // checksum after two gibibytes read, the same outcome slowly).
        let forged = try JSONEncoder().encode(
            ProfileCache.Header(version: ProfileCache.version, shards: [2 << 30], sums: ["0"]))
        try (forged + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(truncate(path, off_t(forged.count + 1 + (2 << 30))) == 0)
        #expect(Int64(forged.count + 1 + (2 << 30)) > ProfileCache.byteLimit(forFiles: 3))
        #expect(ProfileCache.read(in: folder.path, fileCount: 3).entries.isEmpty)
        let leftover = folder.appendingPathComponent(".patio/.profiles.cache\(AtomicFile.temporaryMark)\(Int32.max)")
        try Data("half a cache".utf8).write(to: leftover)
        let loaded = load()
        #expect(fromCache(loaded).isEmpty)
        #expect(loaded.directory.members.count == 3)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        let written = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(written < 1 << 20)
        #expect(ProfileCache.read(in: folder.path, fileCount: 3).entries.count == 3)
    }

    /// A change made to the cache file itself, at the same length (so that
    /// its shards still add up and still decode), is caught by the shard's
    /// checksum: the files are read instead and the cache written anew.
    @Test func aCacheChangedInPlaceIsNotTrusted() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = load()
        try markCache()
        let path = ProfileCache.path(in: folder.path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let changed = try #require(Self.replacing("Zoé Blender", with: "Zoé Blendex", in: bytes))
        #expect(changed.count == bytes.count)
        try changed.write(to: URL(fileURLWithPath: path))
        let loaded = load()
        #expect(fromCache(loaded).isEmpty)
        #expect(loaded.directory["zoe"]?.name == "Zoé Blender")
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Self.replacing("Zoé Blender", with: "", in: written) != nil)
        #expect(Self.replacing("Blendex", with: "", in: written) == nil)
        // Any one byte changed, in a shard of any length, changes its checksum.
        for length in 0..<20 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let sum = bytes.withUnsafeBytes { ProfileCache.checksum($0) }
            for index in 0..<length {
                var changed = bytes
                changed[index] ^= 0x04
                #expect(changed.withUnsafeBytes { ProfileCache.checksum($0) } != sum)
            }
            #expect((bytes + [0]).withUnsafeBytes { ProfileCache.checksum($0) } != sum)
        }
    }

    /// A large cache is kept in shards read and written on every core: it
    /// comes back whole, and a file whose shards do not add up is ignored.
    @Test func aCacheOfManyShardsComesBackWholeOrNotAtAll() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let stamp = try #require(ProfileCache.Stamp(path: folder.appendingPathComponent("zoe.yaml").path))
        var cache = ProfileCache()
        let count = 2 * ProfileCache.shardSize + 17
        for index in 0..<count {
            let member = Member(id: "m\(index)", name: "Membre \(index)", role: .student, interests: ["n°\(index)"])
            cache.entries["m\(index).yaml"] = ProfileCache.Entry(
                stamp: stamp, member: member, diagnostics: [], idLine: index, idColumn: 1)
        }
        let data = try #require(cache.encoded())
        let header = try #require(String(decoding: data, as: UTF8.self).split(separator: "\n").first)
        #expect(header.contains("\"version\":\(ProfileCache.version)"))
        let back = try #require(ProfileCache.decode(data))
        #expect(back.entries.count == count)
        #expect(back.entries["m4100.yaml"]?.member == cache.entries["m4100.yaml"]?.member)
        #expect(back.entries["m4100.yaml"]?.idLine == 4100)
        // A byte short, a byte more, or a shard changed: nothing is trusted.
        #expect(ProfileCache.decode(data.dropLast()) == nil)
        #expect(ProfileCache.decode(data + Data([0x20])) == nil)
        var broken = data
        broken[broken.count - 2] = UInt8(ascii: "#")
        #expect(ProfileCache.decode(broken) == nil)
    }
}
