import Foundation

/// Runs the built `patio` binary through pipes, as scripts and cron jobs do.
struct PatioProcess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The binary beside the test bundle, built by `swift build --build-tests`.
    static let binary: URL = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("patio")
    }()

    /// A clean environment: no colour setting, no history, a UTF-8 locale.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": FileManager.default.temporaryDirectory.path,
            "PATIO_HISTORY": "",
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    /// - Parameter launcher: a program and its arguments that run the binary
    ///   (another user's: `setpriv`), or none.
    static func run(
        _ arguments: [String], input: String? = nil, environment extra: [String: String] = [:],
        in folder: URL? = nil, launcher: [String] = []
    ) throws -> Result {
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [binary.path] + arguments
        process.environment = environment(extra)
        if let folder { process.currentDirectoryURL = folder }
        // Standard error goes to a file, so that neither stream can fill up and block the child.
        let errorsURL = FileManager.default.temporaryDirectory.appendingPathComponent("patio-stderr-\(UUID())")
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorsURL) }
        let errors = try FileHandle(forWritingTo: errorsURL)
        let output = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        try process.run()
        try errors.close()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: try Data(contentsOf: errorsURL), as: UTF8.self))
    }

    /// A folder of its own for one test, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
