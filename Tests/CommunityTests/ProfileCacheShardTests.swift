import Foundation
import Testing

@testable import Community

/// A shard of the cache gives back exactly the entries written into it, and
/// nothing from bytes that are not a whole shard.
struct ProfileCacheShardTests {
    /// A seeded generator, so that a failure can be run again.
    struct Xorshift: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static let words = ["Blender", "modélisation 3D", "", "漢字", "a\u{301}", "Unreal Engine", "fr", "tue-pm", "é\"\\\n"]

    static func entries(count: Int, seed: UInt64) -> [(name: String, entry: ProfileCache.Entry)] {
        var random = Xorshift(state: seed)
        func word() -> String { words.randomElement(using: &random)! }
        func maybe<T>(_ value: T) -> T? { Bool.random(using: &random) ? value : nil }
        func list() -> [String] { (0..<Int.random(in: 0...4, using: &random)).map { _ in word() } }
        func number() -> Int {
            [0, 1, -1, 127, 128, Int.max, Int.min, Int.random(in: -1_000_000...1_000_000, using: &random)]
                .randomElement(using: &random)!
        }
        return (0..<count).map { index in
            let member = Member(
                id: "m\(index)", name: word() + " \(index)", role: Role.allCases.randomElement(using: &random)!,
                organization: maybe(word()), wing: maybe(number()), languages: list(),
                skills: list().map { Skill($0, level: maybe(SkillLevel.allCases.randomElement(using: &random)!)) },
                interests: list(), seeking: list(), offering: list(), availability: list(), capacity: number(),
                contact: maybe(word()), bio: maybe(word()))
            let stamp = ProfileCache.Stamp(
                size: Int64(number()), seconds: Int64(number()), nanoseconds: Int64(number()),
                inode: UInt64.random(in: 0...UInt64.max, using: &random), changed: Int64(number()))
            let diagnostics =
                index % 5 == 0
                ? [Diagnostic(path: "", line: index, column: 2, .cannotReadFile(denied: true), severity: .warning)] : []
            return (
                "m\(index).yaml",
                ProfileCache.Entry(
                    stamp: stamp, member: index % 7 == 3 ? nil : member, diagnostics: diagnostics,
                    idLine: maybe(number()), idColumn: maybe(number()))
            )
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func everyEntryComesBackAsWritten(seed: UInt64) throws {
        let written = Self.entries(count: 300, seed: seed)
        let data = try #require(ProfileCache.encodeShard(written))
        let read = try #require(ProfileCache.decodeShard(data))
        #expect(read.count == written.count)
        for (name, entry) in written {
            let back = try #require(read[name])
            #expect(back.stamp == entry.stamp)
            #expect(back.member == entry.member)
            #expect(back.diagnostics == entry.diagnostics)
            #expect(back.idLine == entry.idLine && back.idColumn == entry.idColumn)
        }
    }

    /// Members share their tags: each string is in the shard's bytes once.
    @Test func eachStringIsWrittenOnce() throws {
        let members = (0..<50).map { index in
            (
                name: "m\(index).yaml",
                entry: ProfileCache.Entry(
                    stamp: ProfileCache.Stamp(size: 1, seconds: 2, nanoseconds: 3, inode: 4, changed: 5),
                    member: Member(
                        id: "m\(index)", name: "Membre \(index)", role: .student, organization: "Pixel Fabrik",
                        skills: [Skill("Substance Painter", level: .expert)], interests: ["Substance Painter"]),
                    diagnostics: [], idLine: nil, idColumn: nil)
            )
        }
        let data = try #require(ProfileCache.encodeShard(members))
        for text in ["Substance Painter", "Pixel Fabrik"] {
            let pattern = Data(text.utf8)
            let first = try #require(data.firstRange(of: pattern))
            #expect(data[first.upperBound...].firstRange(of: pattern) == nil, "\(text) written twice")
        }
        let read = try #require(ProfileCache.decodeShard(data))
        #expect(read["m49.yaml"]?.member?.skills == [Skill("Substance Painter", level: .expert)])
    }

    /// A shard cut anywhere, or with a byte more, is refused; a byte changed
    /// anywhere is read without going past the bytes there are (what the
    /// checksum is for, in the file, is refusing those).
    @Test func aShardThatIsNotWholeGivesNothing() throws {
        let data = try #require(ProfileCache.encodeShard(Self.entries(count: 12, seed: 9)))
        for length in 0..<data.count {
            #expect(ProfileCache.decodeShard(data.prefix(length)) == nil, "cut at \(length) of \(data.count)")
        }
        #expect(ProfileCache.decodeShard(data + Data([0])) == nil)
        var changedAndRead = 0
        for index in data.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var changed = data
                changed[index] ^= flip
                if ProfileCache.decodeShard(changed) != nil { changedAndRead += 1 }
            }
        }
        // Most single changes land in a stamp, a number or an index still in range: read, differently.
        #expect(changedAndRead > 0)
        #expect(ProfileCache.decodeShard(Data()) == nil)
    }
}
