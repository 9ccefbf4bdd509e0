@preconcurrency import Glibc
import Shell

/// Standard output and standard error. Output is flushed before an error is
/// written so that the two stay in order on a terminal. At the prompt, a
/// command's output can be held back (`holding`) to go through a pager.
final class StandardConsole: Console {
    /// The output held back since `hold()`, when holding.
    private var held: String?

    func write(_ text: String) {
        if held != nil { held! += text } else { fputs(text, stdout) }
    }

    func writeError(_ text: String) {
        FileHandleOutput.writeError(text)
    }

    /// Keeps what is written until `release()`.
    func hold() { held = "" }

    /// Stops holding, and gives back what was written meanwhile.
    func release() -> String {
        defer { held = nil }
        return held ?? ""
    }
}

enum FileHandleOutput {
    static func writeError(_ text: String) {
        fflush(stdout)
        fputs(text, stderr)
    }
}
