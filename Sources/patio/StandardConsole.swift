@preconcurrency import Glibc
import Shell

/// Standard output and standard error. Output is flushed before an error is
/// written so that the two stay in order on a terminal.
final class StandardConsole: Console {
    func write(_ text: String) {
        fputs(text, stdout)
    }

    func writeError(_ text: String) {
        FileHandleOutput.writeError(text)
    }
}

enum FileHandleOutput {
    static func writeError(_ text: String) {
        fflush(stdout)
        fputs(text, stderr)
    }
}
