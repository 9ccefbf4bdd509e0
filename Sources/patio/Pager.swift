@preconcurrency import Glibc
import Foundation
import Shell

/// Output taller than the window goes through a pager at the prompt:
/// `$PAGER` (run by the shell, so it may hold options), else `less -FRXK`
/// when it is installed and the terminal is not dumb (-F: quit when it fits, -R: colours, -X: leave the
/// text on the screen, -K: Ctrl-C quits like q). Never in batch: the
/// interactive shell alone asks for it.
enum Pager {
    /// Whether `text` should be paged in this mode for a window of `rows` lines.
    static func wants(_ text: String, mode: PagerMode, rows: Int?) -> Bool {
        switch mode {
        case .off: return false
        case .on: return !text.isEmpty
        case .auto:
            guard let rows else { return false }
            var lines = 0
            for character in text.utf8 where character == UInt8(ascii: "\n") {
                lines += 1
                if lines >= rows { return true }
            }
            return false
        }
    }

    /// The command that pages, or nil when there is none.
    static func command(environment: [String: String]) -> String? {
        if let pager = environment["PAGER"]?.trimmingCharacters(in: .whitespaces), !pager.isEmpty { return pager }
        // less on a terminal that is dumb or unnamed stops to warn, and sends escape sequences all the same.
        guard TerminalWindow.obeysEscapes(environment) else { return nil }
        let paths = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard paths.contains(where: { access("\($0)/less", X_OK) == 0 }) else { return nil }
        return "less -FRXK"
    }

    /// Shows `text` through `command`; false when the pager could not start
    /// or its command was not found (the caller then prints the text itself). The terminal is the pager's
    /// until it exits; Ctrl-C meanwhile stays with it.
    static func show(_ text: String, through command: String) -> Bool {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        // Patio writes UTF-8 whatever the locale says; `less` would show its
        // accents as bytes under a locale that is not installed (or C) unless told.
        var variables = ProcessInfo.processInfo.environment
        if variables["LESSCHARSET"] == nil && variables["LESSCHARDEF"] == nil { variables["LESSCHARSET"] = "utf-8" }
        let environment: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for entry in environment { free(entry) } }
        var child: pid_t = 0
        fflush(stdout)
        let started = posix_spawn(&child, "/bin/sh", &actions, nil, argv, environment)
        close(pipeEnds[0])
        guard started == 0 else {
            close(pipeEnds[1])
            return false
        }
        // A pager quit before the end closes the pipe: that is not an error.
        let previous = signal(SIGPIPE, SIG_IGN)
        _ = FileHandleOutput.writeAll(Array(text.utf8)[...], to: pipeEnds[1])
        close(pipeEnds[1])
        signal(SIGPIPE, previous)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // The shell exits 127 when the command is not found, 126 when it cannot run:
        // the text was not shown, and the caller prints it.
        let exitedNormally = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        return !(exitedNormally && (code == 126 || code == 127))
    }
}
