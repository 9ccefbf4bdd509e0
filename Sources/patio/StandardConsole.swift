@preconcurrency import Glibc
import Shell

/// Standard output and standard error. Output is flushed before an error is
/// written so that the two stay in order on a terminal. At the prompt, a
/// command's output can be held back (`holding`) to go through a pager.
final class StandardConsole: Console {
    /// The output held back since `hold()`, when holding.
    private var held: String?
    /// At the prompt, with standard error on the terminal: messages are
    /// broken at spaces to the window's width (`MessageWrap`) instead of
    /// being cut inside a word by the terminal.
    var fitsMessagesToWindow = false
    /// At the prompt: whether Ctrl-C came during the command being run.
    var isInterrupted: () -> Bool = { false }
    /// The terminal on standard error can erase a line (it is not `dumb`).
    var erasesLines = false
    /// The line where the terminal echoed Ctrl-C was cleared for a message.
    private var clearedAfterInterrupt = false
    /// At the prompt, on a terminal that can erase a line: where a long command stands.
    var statusLine: StatusLine?
    /// The error of the first write to standard output that failed since `flushOutput` last looked.
    private var writeFailure: Int32?

    /// Standard output was closed when patio started: what is written is lost, and said so.
    var outputWasClosed = false

    func write(_ text: String) {
        if held != nil {
            held! += text
        } else {
            statusLine?.erase()
            if outputWasClosed && !text.isEmpty { writeFailure = EBADF }
            if fputs(text, stdout) == EOF { writeFailure = writeFailure ?? errno }
        }
    }

    func flushOutput() -> Int32? {
        guard held == nil else { return nil }  // Held for the pager, which writes it.
        if fflush(stdout) != 0 { writeFailure = writeFailure ?? errno }
        defer {
            writeFailure = nil
            clearerr(stdout)
        }
        return writeFailure ?? (ferror(stdout) != 0 ? EIO : nil)
    }

    func status(_ text: String?) { statusLine?.show(text) }

    /// Writes a message. The first one after Ctrl-C starts on a line of its
    /// own: the terminal echoed "^C" where its cursor stood, perhaps after
    /// the part of a row it kept when it dropped the output it held, so
    /// that line is erased (or left, on a terminal that cannot erase).
    func writeError(_ text: String) {
        statusLine?.erase()
        guard fitsMessagesToWindow, let columns = TerminalWindow.size()?.columns else {
            return FileHandleOutput.writeError(text)
        }
        var fitted = MessageWrap.fitted(text, width: columns)
        if !clearedAfterInterrupt && isInterrupted() {
            clearedAfterInterrupt = true
            fitted = (erasesLines ? "\r\u{1B}[K" : "\n") + fitted
        }
        FileHandleOutput.writeError(fitted)
    }

    /// Writes `text` a piece at a time (about 16 KiB of whole lines, so that
    /// it never stops inside a line), asking `shouldStop` before each: false
    /// when it stopped early.
    func write(_ text: String, stoppingWhen shouldStop: () -> Bool) -> Bool {
        statusLine?.erase()
        fflush(stdout)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            if shouldStop() { return false }
            var end = min(bytes.endIndex, bytes.startIndex + 16_384)
            if end < bytes.endIndex, let newline = bytes[end...].firstIndex(of: UInt8(ascii: "\n")) {
                end = newline + 1
            }
            // Written whole even when Ctrl-C interrupts a write before a byte went (EINTR, where stdio gives up).
            guard FileHandleOutput.writeAll(bytes[..<end], to: STDOUT_FILENO) else {
                writeFailure = writeFailure ?? errno
                return true
            }
            bytes = bytes[end...]
        }
        return true
    }

    /// Keeps what is written until `release()`; a command starts.
    func hold() {
        held = ""
        clearedAfterInterrupt = false
    }

    /// A script's command is done: what it wrote is shown now (the rest of
    /// the script may take a while), and holding goes on for the next.
    func commandDone() {
        guard let text = held, !text.isEmpty else { return }
        held = ""
        fputs(text, stdout)
        fflush(stdout)
    }

    /// Stops holding, and gives back what was written meanwhile.
    func release() -> String {
        defer { held = nil }
        return held ?? ""
    }
}

enum FileHandleOutput {
    /// Writes all of `bytes` to `descriptor`, again after a signal
    /// interrupts a write; false when the descriptor takes no more (a
    /// closed pipe, an error).
    static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32) -> Bool {
        var bytes = bytes
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    static func writeError(_ text: String) {
        fflush(stdout)
        fputs(text, stderr)
    }
}

/// The lines of standard input as bytes, decoded one by one: a line that is
/// not UTF-8 is reported at its place, as in a script file. A byte-order mark
/// at the start is skipped. A line longer than a command line may be is not
/// kept: its bytes are counted and dropped as they come, so memory stays flat
/// whatever the input.
struct StandardInputLines: Sequence, IteratorProtocol {
    private var isFirstLine = true
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var start = 0
    private var end = 0
    private var atEnd = false

    mutating func next() -> ScriptLine? {
        var line: [UInt8] = []
        var length = 0
        while true {
            if start == end {
                guard !atEnd else { break }
                // What is there, as soon as it is: a line typed or written by a program that waits
                // for its answer is run at once (fread would wait for 64 KiB or the end).
                // And what the commands before wrote goes out before waiting: that program may be waiting for it.
                fflush(stdout)
                var count: Int
                repeat {
                    count = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
                } while count < 0 && errno == EINTR
                end = Swift.max(count, 0)
                start = 0
                if end == 0 {
                    atEnd = true
                    break
                }
            }
            let newline = buffer.withUnsafeBytes { bytes -> Int? in
                memchr(bytes.baseAddress! + start, 0x0A, end - start).map { UnsafeRawPointer($0) - bytes.baseAddress! }
            }
            let stop = newline ?? end
            length += stop - start
            if length <= ScriptLine.longestLine + 1 { line += buffer[start..<stop] }
            start = newline.map { $0 + 1 } ?? end
            if newline != nil { return finish(line, length: length) }
        }
        return length == 0 && line.isEmpty ? nil : finish(line, length: length)
    }

    private mutating func finish(_ bytes: [UInt8], length: Int) -> ScriptLine {
        var line = bytes[...]
        if line.last == 0x0D { line = line.dropLast() }
        if isFirstLine, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        isFirstLine = false
        guard length <= ScriptLine.longestLine + 1 else { return .tooLong(bytes: length) }
        return ScriptLine(bytes: line)
    }
}
