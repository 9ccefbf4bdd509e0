import Community
import Foundation

/// `import FILE.csv`: read, show, and with --write save.
enum ImportCommand {
    static func run(_ session: inout Session, _ arguments: Arguments) throws -> CommandResult {
        let shown = arguments[0] ?? ""
        let path = session.resolvePath(shown)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ShellError.cannotRead(path: shown, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
        }
        var mapping: [String: String] = [:]
        for entry in arguments.values("map") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let fields = SpreadsheetImport.fields + ["ignore"]
            guard parts.count == 2, !parts[0].isEmpty, fields.contains(parts[1]) else {
                throw ProfileError.invalidMapping(entry, suggestion: parts.count == 2 ? Suggestions.nearest(to: parts[1], among: fields, reach: .likelyTypo) : nil)
            }
            mapping[parts[0]] = parts[1]
        }
        let taken = Set(session.directory.members.map(\.id))
        let read = SpreadsheetImport.read(data, path: shown, mapping: mapping, taken: taken)
        Interpreter.report(read.diagnostics, in: session)
        var written: [String] = []
        var notWritten: [(String, String)] = []
        if arguments.flag("write") {
            guard let folder = session.profilesFolder else { throw ProfileError.noProfilesFolderToWrite }
            for member in read.members {
                do {
                    let file = try ProfileWriter.write(member, into: folder.path, replacing: arguments.flag("force"))
                    written.append((folder.shownAs as NSString).appendingPathComponent((file as NSString).lastPathComponent))
                } catch {
                    notWritten.append((member.id, error.description))
                    session.console.writeError(session.style.red("error:") + " " + TerminalSafeText.escape(error.description) + "\n")
                }
            }
            if !written.isEmpty {
                let loaded = ProfileFolder.load(folder.path, shownAs: folder.shownAs)
                session.directory = loaded.directory
            }
        }
        let report = ImportReport(file: shown, members: read.members, written: written, notWritten: notWritten.map(\.0),
                                  wroteRequested: arguments.flag("write"), folder: session.profilesFolder?.shownAs)
        let failed = read.diagnostics.contains { $0.severity == .error } || !notWritten.isEmpty
        return failed ? .failed(report) : .show(report)
    }
}
