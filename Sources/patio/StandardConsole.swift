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

/// The lines of standard input as bytes, decoded one by one: a line that is
/// not UTF-8 is reported at its place, as in a script file. A byte-order mark
/// at the start is skipped.
struct StandardInputLines: Sequence, IteratorProtocol {
    private var isFirstLine = true

    mutating func next() -> ScriptLine? {
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, stdin)
        guard count >= 0, let buffer else { return nil }
        var bytes = UnsafeRawBufferPointer(start: buffer, count: count).bindMemory(to: UInt8.self)[...]
        if bytes.last == 0x0A { bytes = bytes.dropLast() }
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        if isFirstLine, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        isFirstLine = false
        return ScriptLine(bytes: bytes)
    }
}
