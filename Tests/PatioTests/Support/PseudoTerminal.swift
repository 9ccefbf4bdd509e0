import Foundation
@preconcurrency import Glibc

/// The real binary on a pseudo-terminal, as a person at a keyboard uses it.
/// Every wait has a timeout; checks look for effects (a command's output, a
/// file), not for the exact bytes libedit uses to redraw the line.
final class PseudoTerminal {
    struct Timeout: Error, CustomStringConvertible {
        let waitingFor: String
        let seen: String
        var description: String { "timed out waiting for \(waitingFor); the terminal showed:\n\(seen)" }
    }

    private let master: Int32
    private let pid: pid_t
    private var received: [UInt8] = []
    private(set) var exitStatus: Int32?

    /// Everything the program wrote, as text.
    var transcript: String { String(decoding: received, as: UTF8.self) }
    /// A position in the transcript, to look only at what comes after it.
    var mark: Int { received.count }

    /// - Parameter launcher: a program and its arguments that run the binary
    ///   (another user's: `setpriv`), or none.
    init(
        arguments: [String] = [], environment: [String: String], columns: Int = 80, rows: Int = 24,
        launcher: [String] = []
    ) throws {
        var master: Int32 = 0
        var slave: Int32 = 0
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.ENOTTY) }
        self.master = master
        let slaveName = String(cString: ttyname(slave))

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (0x80): a new session, so that the terminal opened below becomes its
        // controlling terminal; and the signal mask and handlers a person's shell would give
        // (the test runner's are inherited otherwise).
        var emptyMask = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&emptyMask)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGPIPE, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)

        let program = launcher.first ?? PatioProcess.binary.path
        let argv = (launcher + [PatioProcess.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        close(slave)
        guard status == 0 else {
            close(master)
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
        }
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    func type(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(master, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// Waits until `text` appears after `mark`; returns what came after `mark`.
    @discardableResult
    func waitFor(_ text: String, after mark: Int = 0, timeout: Duration = .seconds(10)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let seen = String(decoding: received[min(mark, received.count)...], as: UTF8.self)
            if seen.contains(text) { return seen }
            guard ContinuousClock.now < deadline, readAvailable(until: deadline) else {
                throw Timeout(waitingFor: "'\(text)'", seen: transcript)
            }
        }
    }

    /// Waits for the prompt and for the terminal to leave line mode, which
    /// means libedit is reading keys: only then is typing safe.
    func waitForPrompt(after mark: Int = 0, timeout: Duration = .seconds(10)) throws {
        try waitFor("patio> ", after: mark, timeout: timeout)
        let deadline = ContinuousClock.now + timeout
        while isInLineMode {
            guard ContinuousClock.now < deadline else { throw Timeout(waitingFor: "raw mode", seen: transcript) }
            _ = readAvailable(until: ContinuousClock.now + .milliseconds(20))
        }
    }

    /// Whether the terminal is in canonical (line) mode, as the shell leaves it between reads.
    var isInLineMode: Bool {
        var settings = termios()
        tcgetattr(master, &settings)
        return settings.c_lflag & tcflag_t(ICANON) != 0
    }

    /// Whether the terminal turns keys like ^C into signals.
    var generatesSignals: Bool {
        var settings = termios()
        tcgetattr(master, &settings)
        return settings.c_lflag & tcflag_t(ISIG) != 0
    }

    /// Waits until the terminal turns Ctrl-C into a signal: the line was
    /// taken and its command runs (while a line is edited, Ctrl-C is a key).
    func waitUntilGeneratingSignals(timeout: Duration = .seconds(30)) throws {
        let deadline = ContinuousClock.now + timeout
        while !generatesSignals {
            guard ContinuousClock.now < deadline else {
                throw Timeout(waitingFor: "the command to start", seen: transcript)
            }
            _ = readAvailable(until: ContinuousClock.now + .milliseconds(10))
        }
    }

    /// Waits for the program to exit, reading what it still writes; returns its status.
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                while readAvailable(until: ContinuousClock.now + .milliseconds(50)) {}
                let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                exitStatus = code
                return code
            }
            guard ContinuousClock.now < deadline else { throw Timeout(waitingFor: "exit", seen: transcript) }
            _ = readAvailable(until: ContinuousClock.now + .milliseconds(20))
        }
    }

    /// Reads what is there, waiting at most until `deadline`; false when nothing came.
    private func readAvailable(until deadline: ContinuousClock.Instant) -> Bool {
        let remaining = deadline - ContinuousClock.now
        let milliseconds = max(
            0, Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000))
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        received += buffer[0..<count]
        return true
    }
}
