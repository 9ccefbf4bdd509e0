import Foundation

/// Writing a file whole or not at all: the text goes to a temporary file
/// beside it, which then takes the file's name.
public enum AtomicFile {
    public enum Failure: Error, Equatable, Sendable {
        /// The folder the file goes in does not exist.
        case noFolder
        /// The file exists and was not to be replaced.
        case exists
        /// The temporary file cannot be created (permissions, a full disk).
        case cannotCreate
        /// The temporary file cannot take the file's name (a folder in the way, permissions).
        case cannotReplace
    }

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
            ".\((path as NSString).lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { throw .cannotCreate }
        if replacing {
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                throw .cannotReplace
            }
        } else {
            // link() fails if the name exists: no check-then-write race with another writer.
            defer { unlink(temporary) }
            guard link(temporary, path) == 0 else { throw errno == EEXIST ? .exists : .cannotReplace }
        }
    }
}
