import Foundation

/// Reading a file whole, but only a regular file (or a pipe, when asked) and
/// only up to a size: a fifo, a device, a folder or a huge file named where a
/// file is expected costs nothing. The profiles folder and the shell's
/// commands that read a file (`source`, `import`, `solve`) all go through it.
public enum BoundedFile {
    public enum Problem: Error, Equatable, Sendable {
        case missing
        case denied
        case folder
        case pipe
        case device
        case tooLarge(bytes: Int, limit: Int)
    }

    /// That `path` names something that can be read as a file.
    public static func check(_ path: String, allowingPipes: Bool = false) -> Problem? {
        var status = stat()
        guard stat(path, &status) == 0 else { return errno == EACCES ? .denied : .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFIFO where allowingPipes: break
        case S_IFIFO: return .pipe
        case S_IFDIR: return .folder
        default: return .device
        }
        return access(path, R_OK) == 0 ? nil : .denied
    }

    /// The file's bytes, at most `limit` of them when a limit is given.
    public static func read(_ path: String, limit: Int? = nil, allowingPipes: Bool = false) -> Result<Data, Problem> {
        if let problem = check(path, allowingPipes: allowingPipes) { return .failure(problem) }
        // A pipe with no writer yet would hold open() until one comes: opened
        // without waiting, it reads as empty.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.denied) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        guard let limit else { return .success((try? handle.readToEnd()) ?? Data()) }
        // One byte past the limit tells a file that is too large, even one that grew since the check.
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else {
            var status = stat()
            let size = fstat(descriptor, &status) == 0 && status.st_size > limit ? Int(status.st_size) : data.count
            return .failure(.tooLarge(bytes: size, limit: limit))
        }
        return .success(data)
    }

    /// What the problem means for a file of a profiles folder.
    static func fact(_ problem: Problem) -> Diagnostic.Problem {
        switch problem {
        case .missing: return .cannotReadFile(denied: false)
        case .denied: return .cannotReadFile(denied: true)
        case .folder, .pipe, .device: return .notRegularFile
        case .tooLarge(let bytes, let limit): return .fileTooLarge(bytes: bytes, limitKiB: limit / 1024)
        }
    }
}
