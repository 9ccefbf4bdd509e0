import Foundation

/// Writing a file whole or not at all: the text goes to a temporary file
/// beside it, `.NAME.patio-tmp-PID`, which then takes the file's name. A
/// process killed meanwhile leaves its temporary behind: `sweep(_:)`, which
/// the commands that write call once before they write into a folder,
/// removes those of processes that no longer run.
public enum AtomicFile {
    public enum Failure: Error, Equatable, Sendable {
        /// The folder the file goes in does not exist.
        case noFolder
        /// The file exists and was not to be replaced.
        case exists
        /// The temporary file cannot be created (permissions, a full disk, a name too long): the system's error number.
        case cannotCreate(errno: Int32)
        /// The temporary file cannot take the file's name (a folder in the way, permissions).
        case cannotReplace(errno: Int32)

        /// The system's words for what stood in the way, when it said.
        public var systemReason: String? {
            switch self {
            case .cannotCreate(let code), .cannotReplace(let code): String(cString: strerror(code)).lowercased()
            case .noFolder, .exists: nil
            }
        }
    }

    /// What marks a temporary file of Patio's: `.NAME` + this + the writer's process id.
    public static let temporaryMark = ".patio-tmp-"

    /// - Parameter replacing: replace an existing file; otherwise a file that
    ///   exists, even one another writer creates meanwhile, is left alone.
    public static func write(_ text: String, to path: String, replacing: Bool = true) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            throw .noFolder
        }
        if !replacing && FileManager.default.fileExists(atPath: path) { throw .exists }
        let temporary = (folder as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent)\(temporaryMark)\(getpid())")
        guard writeNew(Array(text.utf8), to: temporary) else {
            let code = errno
            unlink(temporary)
            throw .cannotCreate(errno: code)
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw .cannotReplace(errno: code)
            }
        } else {
            // link() fails if the name exists: no check-then-write race with another writer.
            defer { unlink(temporary) }
            guard link(temporary, path) == 0 else { throw errno == EEXIST ? .exists : .cannotReplace(errno: errno) }
        }
    }

    /// Writes `bytes` to a file that must not exist yet, and flushes them to the disk.
    private static func writeNew(_ bytes: [UInt8], to path: String) -> Bool {
        unlink(path)  // One of this process's own, left by a failed write.
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let code = errno
                close(descriptor)
                errno = code
                return false
            }
            written += count
        }
        let flushed = fsync(descriptor) == 0
        return close(descriptor) == 0 && flushed
    }

    /// Removes the temporaries in `folder` whose writer no longer runs
    /// (one look at the folder: call it once before writing there, not per file).
    public static func sweep(_ folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else {
            return
        }
        for name in names where name.hasPrefix(".") {
            guard let mark = name.range(of: temporaryMark, options: .backwards),
                let writer = Int32(name[mark.upperBound...]), !isRunning(writer)
            else { continue }
            unlink((folder as NSString).appendingPathComponent(name))
        }
    }

    /// Whether a process with this id runs (or exists but is another user's).
    static func isRunning(_ process: Int32) -> Bool {
        process > 0 && (kill(process, 0) == 0 || errno == EPERM)
    }
}
