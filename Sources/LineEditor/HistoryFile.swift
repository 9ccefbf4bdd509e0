import Foundation

/// The history file: one entry a line, newest last, at most `limit` entries.
///
/// Entries are stored as plain UTF-8 text so that people can read and grep the
/// file; a backslash or a newline inside an entry is written `\\` or `\n`.
/// Saving merges with what is on disk (another shell may have added entries),
/// writes a temporary file with mode 0600 and renames it over the old one, so
/// the file is never half-written and never readable by others. A device in
/// its place (`/dev/null`) keeps nothing and is never replaced; a symbolic
/// link stays, and the file it points to is the one written.
public struct HistoryFile: Sendable {
    public let path: String
    public let limit: Int

    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = max(1, limit)
    }

    /// The entries on disk, oldest first; none when the file does not exist yet.
    public func load() -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map { Self.decode($0) }
    }

    /// Appends `entry` to what is on disk, keeps the newest `limit` entries and
    /// writes the result atomically. Returns the entries as saved.
    @discardableResult
    public func append(_ entry: String) throws -> [String] {
        var entries = load()
        if entries.last != entry { entries.append(entry) }
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        try write(entries)
        return entries
    }

    func write(_ entries: [String]) throws {
        guard let path = Self.followingLinks(self.path) else { throw HistoryFileError.cannotWrite(path: self.path) }
        // Only a regular file (or none) is replaced: a history set to a device (/dev/null, as
        // HISTFILE often is) keeps nothing, and anything else stays as it is.
        var status = stat()
        if stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
            if status.st_mode & S_IFMT == S_IFCHR { return }
            throw HistoryFileError.cannotWrite(path: self.path)
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw HistoryFileError.cannotWrite(path: self.path)
            }
        }
        let text = entries.map(Self.encode).joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
        Self.removeStaleTemporaries(of: path)
        let temporary = path + ".tmp-\(getpid())"
        do {
            // Written in place (no second temporary of Foundation's), then renamed.
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            unlink(temporary)
            throw HistoryFileError.cannotWrite(path: self.path)
        }
        chmod(temporary, 0o600)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw HistoryFileError.cannotWrite(path: self.path)
        }
    }

    /// Where a path's symbolic links lead (a link's target read relative to
    /// its folder), even to a file that does not exist yet; the path itself
    /// when it is no link; nil after 32 links (a loop).
    static func followingLinks(_ path: String) -> String? {
        var current = path
        for _ in 0..<32 {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
                let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current)
            else { return current }
            current =
                target.hasPrefix("/")
                ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return nil
    }

    /// `HISTORY.tmp-PID` files left by a shell that was killed while it wrote.
    private static func removeStaleTemporaries(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return
        }
        for name in names where name.hasPrefix(prefix) {
            guard let writer = Int32(name.dropFirst(prefix.count)), writer != getpid(),
                kill(writer, 0) != 0 && errno == ESRCH
            else { continue }
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }

    static func encode(_ entry: String) -> String {
        var encoded = ""
        for character in entry {
            switch character {
            case "\\": encoded += "\\\\"
            case "\n": encoded += "\\n"
            case "\r\n": encoded += "\\n"
            default: encoded.append(character)
            }
        }
        return encoded
    }

    static func decode(_ line: Substring) -> String {
        var decoded = ""
        var escaping = false
        for character in line {
            if escaping {
                decoded.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                decoded.append(character)
            }
        }
        if escaping { decoded.append("\\") }
        return decoded
    }
}

public enum HistoryFileError: Error, CustomStringConvertible, Equatable {
    case cannotWrite(path: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): return "cannot write the history file \(path)"
        }
    }
}
