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

        /// The system's error number for what stood in the way, when it said.
        public var errorNumber: Int32? {
            switch self {
            case .cannotCreate(let code), .cannotReplace(let code): code
            case .noFolder, .exists: nil
            }
        }
    }

    /// What marks a temporary file of Patio's: `.NAME` + this + the writer's process id.
    public static let temporaryMark = ".patio-tmp-"

    /// - Parameter replacing: replace an existing file; otherwise a file that
    ///   exists, even one another writer creates meanwhile, is left alone.
    public static func write(_ text: String, to path: String, replacing: Bool = true) throws(Failure) {
        do {
            try write(to: path, replacing: replacing) { (output: inout Output) throws(Never) in output.write(text) }
        } catch {
            guard case .failure(let failure) = error else { return }
            throw failure
        }
    }

    /// Writes what `produce` gives, as it gives it (a file larger than memory
    /// can be written), whole or not at all: an error `produce` throws leaves
    /// nothing behind and comes back as it was.
    public static func write<E: Error>(
        to path: String, replacing: Bool = true, _ produce: (inout Output) throws(E) -> Void
    ) throws(WriteError<E>) {
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder),
            isFolder.boolValue
        else {
            throw .failure(.noFolder)
        }
        if !replacing && FileManager.default.fileExists(atPath: path) { throw .failure(.exists) }
        let temporary = (folder as NSString).appendingPathComponent(
            ".\((path as NSString).lastPathComponent)\(temporaryMark)\(getpid())")
        unlink(temporary)  // One of this process's own, left by a failed write.
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .failure(.cannotCreate(errno: errno)) }
        var output = Output(descriptor: descriptor)
        do {
            try produce(&output)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw .produced(error)
        }
        let flushed = output.flush() && fsync(descriptor) == 0
        let code = output.failure ?? errno
        guard close(descriptor) == 0 && flushed else {
            unlink(temporary)
            throw .failure(.cannotCreate(errno: code))
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                let code = errno
                unlink(temporary)
                throw .failure(.cannotReplace(errno: code))
            }
        } else {
            // link() fails if the name exists: no check-then-write race with another writer.
            defer { unlink(temporary) }
            guard link(temporary, path) == 0 else {
                throw .failure(errno == EEXIST ? .exists : .cannotReplace(errno: errno))
            }
        }
    }

    /// What `write(to:replacing:_:)` throws: its own failure, or the producer's error.
    public enum WriteError<Produced: Error>: Error {
        case failure(Failure)
        case produced(Produced)
    }

    /// The text being written, sent to the file 1 MiB at a time.
    public struct Output {
        let descriptor: Int32
        var buffer: [UInt8] = []
        /// The first error of a write, as errno said it.
        var failure: Int32?

        init(descriptor: Int32) {
            self.descriptor = descriptor
            buffer.reserveCapacity(1 << 20)
        }

        public mutating func write(_ text: String) {
            write(bytes: text.utf8)
        }

        public mutating func write(bytes: some Sequence<UInt8>) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 20 { _ = flush() }
        }

        /// Sends what is buffered; false once a write has failed.
        mutating func flush() -> Bool {
            var written = 0
            while written < buffer.count && failure == nil {
                let count = buffer[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { failure = errno } else { written += count }
            }
            buffer.removeAll(keepingCapacity: true)
            return failure == nil
        }
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
