import Foundation

/// What the profile files of a folder held when they were last read, kept in
/// `.patio/profiles.cache` beside them so that loading an unchanged folder
/// again does not parse every file.
///
/// Each entry is keyed by the file's name and checked against the file itself
/// before it is used: same size, same modification time (to the nanosecond),
/// same inode, and a regular file still. Anything else — an edit, a `touch`,
/// a file removed, added, renamed or replaced by a folder — and that file is
/// read again; the cache never stands in for a file it does not match. A
/// cache that cannot be read, was written by another version, or whose bytes
/// are not those written (a shard's checksum differs: a change made to the
/// cache itself, whatever its length) is ignored and written anew. Writing it
/// is atomic; failing to write it loses nothing.
///
/// The file is a header line (a JSON object: the version, and the length in
/// bytes and the checksum of each shard), then the entries in shards of
/// `shardSize`, each in bytes of its own (`ProfileCache+Shard.swift`), so
/// that they are encoded, decoded and checked on every core at once.
struct ProfileCache {
    /// Bumped whenever what a profile parses to, or the file's layout, can change.
    static let version = 14
    static let fileName = "profiles.cache"
    static let shardSize = 2048

    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        var inode: UInt64
        /// The status-change time, in nanoseconds: moved by every write, by a
        /// change of permissions, and by a tool putting back a modification
        /// time, and set by no one.
        var changed: Int64
    }

    /// One file's outcome; its diagnostics without their path (the folder may be shown another way next time).
    struct Entry {
        var stamp: Stamp
        var member: Member?
        var diagnostics: [Diagnostic]
        var idLine: Int?
        var idColumn: Int?
    }

    var entries: [String: Entry] = [:]

    static func path(in folder: String) -> String {
        ((folder as NSString).appendingPathComponent(".patio") as NSString).appendingPathComponent(fileName)
    }

    /// The cache of `folder`, or an empty one when there is none that this
    /// version can read. Before it is read whole, its size must be what its
    /// header line says and within `byteLimit(forFiles:)` of `fileCount`:
    /// a file of any size put in its place costs no more than its first
    /// line.
    static func read(in folder: String, fileCount: Int) -> ProfileCache {
        // Without waiting on a pipe; anything but a regular file is then refused by its status.
        let descriptor = open(path(in: folder), O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return ProfileCache() }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return ProfileCache() }
        let size = Int64(status.st_size)
        guard size <= byteLimit(forFiles: fileCount),
            let start = try? handle.read(upToCount: Int(min(size, Int64(headerLimit)))),
            let newline = start.firstIndex(of: UInt8(ascii: "\n")),
            let header = try? JSONDecoder().decode(Header.self, from: start[..<newline]),
            Int64(newline + 1) + header.shards.reduce(0, { $0 + Int64(max(0, $1)) }) == size,
            let rest = try? handle.readToEnd() ?? Data()
        else { return ProfileCache() }
        return decode(start + rest) ?? ProfileCache()
    }

    /// The most a header line can take.
    static let headerLimit = 1 << 20

    /// The most a cache of `count` profile files is read: a mebibyte a file
    /// (an entry holds what its file parsed to, the file being at most
    /// `Limits.profileBytes`, and its problems), and one more.
    static func byteLimit(forFiles count: Int) -> Int64 { Int64(count + 1) << 20 }

    /// The header line of the file.
    struct Header: Codable {
        var version: Int
        /// Each shard's length in bytes.
        var shards: [Int]
        /// Each shard's `checksum`, in hexadecimal.
        var sums: [String]
    }

    /// A 64-bit checksum of `bytes`, eight at a time: catches any change made
    /// to a shard (not a defence against someone forging one, which the files
    /// beside it would make pointless).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        var sum = UInt64(bytes.count) &* prime
        @inline(__always) func mix(_ word: UInt64) {
            sum = (sum ^ word) &* prime
            sum ^= sum >> 31
        }
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * shift) }
        mix(tail)
        return sum
    }

    static func checksum(_ data: Data) -> String {
        String(data.withUnsafeBytes { checksum($0) }, radix: 16)
    }

    /// The cache a file holds: nil unless its header is this version's and every shard decodes.
    static func decode(_ data: Data) -> ProfileCache? {
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
            let header = try? JSONDecoder().decode(Header.self, from: data[..<newline]),
            header.version == version, header.sums.count == header.shards.count
        else { return nil }
        // Each shard read where it lies in the file's bytes, not copied out.
        var ranges: [Range<Int>] = []
        var start = newline + 1
        for length in header.shards {
            guard length >= 0, length <= data.endIndex - start else { return nil }
            ranges.append(start..<(start + length))
            start += length
        }
        guard start == data.endIndex else { return nil }
        var results = [[String: Entry]?](repeating: nil, count: ranges.count)
        let shardRanges = ranges
        results.withUnsafeMutableBufferPointer { buffer in
            let shared = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: shardRanges.count) { index in
                let shard = data[shardRanges[index]]
                guard checksum(shard) == header.sums[index] else { return }
                shared.buffer[index] = decodeShard(shard)
            }
        }
        var cache = ProfileCache()
        for shard in results {
            guard let shard else { return nil }
            cache.entries.merge(shard) { first, _ in first }
        }
        return cache
    }

    /// The file's text: the header line, then the shards.
    func encoded() -> Data? {
        let names = entries.keys.sorted()
        let starts = Array(stride(from: 0, to: names.count, by: Self.shardSize))
        var results = [(bytes: Data, sum: String)?](repeating: nil, count: starts.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let shared = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: starts.count) { index in
                let shard = names[starts[index]..<min(names.count, starts[index] + Self.shardSize)].map {
                    (name: $0, entry: entries[$0]!)
                }
                guard let bytes = Self.encodeShard(shard) else { return }
                shared.buffer[index] = (bytes, Self.checksum(bytes))
            }
        }
        let shards = results.compactMap { $0 }
        guard shards.count == starts.count,
            var data = try? JSONEncoder().encode(
                Header(version: Self.version, shards: shards.map(\.bytes.count), sums: shards.map(\.sum)))
        else { return nil }
        data.append(UInt8(ascii: "\n"))
        for shard in shards { data.append(shard.bytes) }
        return data
    }

    /// The same, read on another thread while this one does `meanwhile`,
    /// then asks `isCancelled` every 50 ms: nil as soon as it says yes (the
    /// reading is then left to finish on its own and thrown away).
    static func read(in folder: String, fileCount: Int, isCancelled: () -> Bool, meanwhile: () -> Void = {})
        -> ProfileCache?
    {
        final class Box: @unchecked Sendable {
            var cache: ProfileCache?
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            box.cache = read(in: folder, fileCount: fileCount)
            done.signal()
        }
        meanwhile()
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if isCancelled() { return nil }
        }
        return box.cache
    }

    /// The outcome kept for `name`, when the file is exactly as it was; diagnostics placed at `shown`.
    func outcome(for name: String, stamp: Stamp?, shownAs shown: String) -> ProfileReader.Outcome? {
        guard let stamp, let entry = entries[name], entry.stamp == stamp else { return nil }
        var outcome = ProfileReader.Outcome(
            member: entry.member,
            diagnostics: entry.diagnostics.map { diagnostic in
                var placed = diagnostic
                placed.path = shown
                return placed
            })
        if let line = entry.idLine, let column = entry.idColumn { outcome.idPosition = (line, column) }
        return outcome
    }

    mutating func keep(_ outcome: ProfileReader.Outcome, for name: String, stamp: Stamp) {
        entries[name] = Entry(
            stamp: stamp, member: outcome.member,
            diagnostics: outcome.diagnostics.map { diagnostic in
                var bare = diagnostic
                bare.path = ""
                return bare
            }, idLine: outcome.idPosition?.line, idColumn: outcome.idPosition?.column)
    }

    /// Writes the cache into `.patio/` of `folder`, whole or not at all; a folder that cannot be written keeps none.
    func write(in folder: String) {
        let directory = (folder as NSString).appendingPathComponent(".patio")
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil,
            let data = encoded()
        else { return }
        // What a write stopped by a kill left (ten megabytes for 100,000 members).
        AtomicFile.sweep(directory)
        try? AtomicFile.write(to: Self.path(in: folder)) { (output: inout AtomicFile.Output) throws(Never) in
            output.write(bytes: data)
        }
    }
}

extension ProfileCache.Stamp {
    /// The file's stamp, or nil when it is not a regular file that can be looked at.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        size = Int64(status.st_size)
        seconds = Int64(status.st_mtim.tv_sec)
        nanoseconds = Int64(status.st_mtim.tv_nsec)
        inode = UInt64(status.st_ino)
        changed = Int64(status.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(status.st_ctim.tv_nsec)
    }
}
