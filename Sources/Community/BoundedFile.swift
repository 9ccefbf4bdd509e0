import Foundation

/// Reading a file whole, but only a regular file and only up to a size:
/// a fifo, a device or a huge file in a profiles folder costs nothing.
enum BoundedFile {
    enum Problem: Error, Equatable {
        case unreadable
        case notAFile
        case tooLarge(bytes: Int)
    }

    static func read(_ path: String, limit: Int) -> Result<Data, Problem> {
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(.unreadable) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notAFile) }
        guard status.st_size <= limit else { return .failure(.tooLarge(bytes: Int(status.st_size))) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.unreadable) }
        defer { try? handle.close() }
        // The file may have grown since: one byte past the limit tells.
        guard let data = try? handle.read(upToCount: limit + 1) else { return .success(Data()) }
        guard data.count <= limit else { return .failure(.tooLarge(bytes: data.count)) }
        return .success(data)
    }

    /// What the problem means, and `consequence` (what was done about it).
    static func message(_ problem: Problem, consequence: String) -> String {
        switch problem {
        case .unreadable: return "cannot read the file: " + consequence
        case .notAFile: return "not a regular file: " + consequence
        case .tooLarge(let bytes):
            return
                "the file holds \(bytes) bytes, more than the \(Limits.profileBytes / 1024) KiB a file of the folder may hold: "
                + consequence
        }
    }
}
