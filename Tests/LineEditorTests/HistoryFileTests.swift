import Foundation
import Testing

@testable import LineEditor

/// Each test's folders are removed when it ends (the suite's instance goes).
final class HistoryFileTests {
    private var folders: [String] = []

    deinit { for folder in folders { try? FileManager.default.removeItem(atPath: folder) } }

    /// A history file's path in a folder of its own, not made yet.
    func temporaryPath() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-history-\(UUID())").path
        folders.append(folder)
        return folder + "/history"
    }

    @Test func savesEntriesReadablyWithMode0600() throws {
        let path = temporaryPath()
        let file = HistoryFile(path: path)
        try file.append("echo Élodie Dupré")
        try file.append("echo two\nlines \\ here")
        #expect(file.load() == ["echo Élodie Dupré", "echo two\nlines \\ here"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "echo Élodie Dupré\necho two\\nlines \\\\ here\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func keepsTheNewestEntriesUpToTheLimit() throws {
        let file = HistoryFile(path: temporaryPath(), limit: 3)
        for number in 1...5 { try file.append("echo \(number)") }
        #expect(file.load() == ["echo 3", "echo 4", "echo 5"])
    }

    @Test func skipsAnEntryThatRepeatsTheLastOne() throws {
        let file = HistoryFile(path: temporaryPath())
        try file.append("help")
        try file.append("help")
        try file.append("set")
        try file.append("help")
        #expect(file.load() == ["help", "set", "help"])
    }

    @Test func mergesWithWhatAnotherShellSaved() throws {
        let path = temporaryPath()
        let first = HistoryFile(path: path)
        let second = HistoryFile(path: path)
        try first.append("from the first shell")
        try second.append("from the second shell")
        try first.append("first again")
        #expect(first.load() == ["from the first shell", "from the second shell", "first again"])
    }

    @Test func aMissingFileIsAnEmptyHistory() {
        #expect(HistoryFile(path: temporaryPath()).load().isEmpty)
    }

    /// A history set to a device keeps nothing and leaves the device as it
    /// is (renaming a file over /dev/null would replace it); a folder or a
    /// pipe in its place is reported, and stays.
    @Test func aDeviceOrAPipeInItsPlaceIsNeverReplaced() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-history-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func kind(_ path: String) -> mode_t {
            var status = stat()
            return stat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
        }
        // A device of one's own, like /dev/null, where that is allowed (root); else /dev/null itself.
        let device = folder + "/null"
        let devicePath = mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 ? device : "/dev/null"
        let silent = HistoryFile(path: devicePath)
        #expect(try silent.append("match pairs") == ["match pairs"])
        #expect(kind(devicePath) == S_IFCHR)
        #expect(silent.load().isEmpty)
        let pipe = folder + "/pipe"
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(throws: HistoryFileError.cannotWrite(path: pipe)) { try HistoryFile(path: pipe).write(["x"]) }
        #expect(kind(pipe) == S_IFIFO)
        #expect(throws: HistoryFileError.cannotWrite(path: folder)) { try HistoryFile(path: folder).write(["x"]) }
        // A folder that cannot be made (a home that does not exist, here a path through a pipe): said in its words.
        let unmade = pipe + "/home/.patio_history"
        #expect(throws: HistoryFileError.cannotWrite(path: unmade)) { try HistoryFile(path: unmade).write(["x"]) }
        #expect(kind(folder) == S_IFDIR)
        #expect(
            try !FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.contains(".tmp-") },
            "no temporary left")
    }

    /// A history that is a symbolic link (dotfiles kept in one folder)
    /// stays a link: the file it points to is written, through a chain of
    /// links, a relative one, and one whose file does not exist yet; a loop
    /// of links is reported and left as it is.
    @Test func aSymbolicLinkStaysALinkAndItsFileIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-history-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder + "/dotfiles", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let manager = FileManager.default
        // history → middle → dotfiles/history (relative), which does not exist yet.
        try manager.createSymbolicLink(atPath: folder + "/middle", withDestinationPath: "dotfiles/history")
        try manager.createSymbolicLink(atPath: folder + "/history", withDestinationPath: folder + "/middle")
        let file = HistoryFile(path: folder + "/history")
        try file.append("match pairs")
        try file.append("commit")
        #expect(try manager.destinationOfSymbolicLink(atPath: folder + "/history") == folder + "/middle")
        #expect(try manager.destinationOfSymbolicLink(atPath: folder + "/middle") == "dotfiles/history")
        #expect(try String(contentsOfFile: folder + "/dotfiles/history", encoding: .utf8) == "match pairs\ncommit\n")
        #expect(file.load() == ["match pairs", "commit"])
        #expect(try manager.contentsOfDirectory(atPath: folder + "/dotfiles") == ["history"], "no temporary left")
        try manager.createSymbolicLink(atPath: folder + "/loop-a", withDestinationPath: "loop-b")
        try manager.createSymbolicLink(atPath: folder + "/loop-b", withDestinationPath: "loop-a")
        let loop = HistoryFile(path: folder + "/loop-a")
        #expect(throws: HistoryFileError.cannotWrite(path: folder + "/loop-a")) { try loop.write(["x"]) }
        #expect(try manager.destinationOfSymbolicLink(atPath: folder + "/loop-a") == "loop-b")
    }

    @Test func anUnwritablePlaceIsReported() {
        let file = HistoryFile(path: "/proc/patio-cannot-write/history")
        #expect(throws: (any Error).self) { try file.append("x") }
    }
}
