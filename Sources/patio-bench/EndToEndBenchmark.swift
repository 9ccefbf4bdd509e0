import Community
@preconcurrency import Foundation

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The real `patio` binary on a generated community of profile files, end to
/// end, as a user runs it: loading cold (no cache of parsed profiles) and
/// warm, then each command on its own run; wall time, peak memory (the
/// child's maximum resident set) and the line where Patio states its result
/// and its guarantee.
enum EndToEndBenchmark {
    struct Measure {
        var seconds: Double
        var peakKilobytes: Int
        var status: Int32
        var output: String
    }

    /// Runs `patio` with `arguments`, standard output captured (a file, so no pipe can fill).
    static func run(_ patio: String, _ arguments: [String]) throws -> Measure {
        let outputPath = NSTemporaryDirectory() + "patio-bench-\(getpid()).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([patio] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, patio, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw NSError(
                domain: "patio-bench", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot run \(patio)"])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = milliseconds(clock.now - start) / 1000
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return Measure(
            seconds: seconds, peakKilobytes: Int(usage.ru_maxrss), status: (status >> 8) & 0xff, output: output)
    }

    /// The lines where Patio states a total and its guarantee (the last of a plan's rounds).
    static func claim(_ output: String) -> String {
        let lines = output.split(separator: "\n").filter { $0.hasPrefix("total ") }
        return lines.last.map(String.init) ?? ""
    }

    static func benchmark(size: Int, patio: String, folder: String?, commands: [String]) throws {
        let folder = folder ?? NSTemporaryDirectory() + "patio-community-\(size)"
        let existing = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasSuffix(".yaml") && $0 != ProfileFolder.taxonomyFile
        }
        if existing.count != size {
            let clock = ContinuousClock()
            let start = clock.now
            try? FileManager.default.removeItem(atPath: folder)
            try SyntheticCommunity.write(SyntheticCommunity.make(size, seed: 7000 + UInt64(size)), into: folder)
            print(
                "wrote \(size) profiles to \(folder) in \(String(format: "%.1f", milliseconds(clock.now - start) / 1000)) s"
            )
        }
        let base = ["--profiles", folder, "--ledger", folder + "/.patio/bench-ledger.sqlite"]
        print("| \(size) members | time | peak memory | result |")
        print("|---|---:|---:|---|")
        func row(_ name: String, _ measure: Measure, _ result: String) {
            let failed = measure.status == 0 ? "" : " (exit \(measure.status))"
            print(
                "| \(name) | \(String(format: "%.2f", measure.seconds)) s | \(measure.peakKilobytes / 1024) MB | \(result)\(failed) |"
            )
            fflush(stdout)
        }
        unlink(folder + "/.patio/profiles.cache")
        row("load, cold (`stats`)", try run(patio, base + ["-c", "stats"]), "no cache")
        let warm = try run(patio, base + ["-c", "stats"])
        row("load, warm (`stats`)", warm, "cache of parsed profiles")
        for command in commands {
            let measure = try run(patio, base + ["-c", command])
            row("`\(command)`", measure, claim(measure.output))
        }
        unlink(folder + "/.patio/bench-ledger.sqlite")
    }
}

/// How long the shell takes to show its first prompt on a terminal, from
/// the start of the process: the binary on a pseudo-terminal, 80 columns,
/// timed until `patio> ` appears (median of several starts).
enum FirstPromptBenchmark {
    static func measure(patio: String, folder: String, repetitions: Int) throws {
        var times: [Double] = []
        for _ in 0..<max(1, repetitions) { times.append(try once(patio: patio, folder: folder)) }
        print(
            "first_prompt \(folder): median \(String(format: "%.1f", median(times))) ms, fastest \(String(format: "%.1f", times.min() ?? .nan)) ms, slowest \(String(format: "%.1f", times.max() ?? .nan)) ms (\(times.count) starts)"
        )
    }

    static func once(patio: String, folder: String) throws -> Double {
        var master: Int32 = 0
        var slave: Int32 = 0
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.ENOTTY) }
        defer { close(master) }
        let slaveName = String(cString: ttyname(slave))
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session (POSIX_SPAWN_SETSID), so that the terminal becomes the controlling one.
        posix_spawnattr_setflags(&attributes, Int16(0x80))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        let ledger = NSTemporaryDirectory() + "patio-bench-prompt-\(getpid()).sqlite"
        defer {
            for suffix in ["", "-wal", "-shm", ".lock"] { unlink(ledger + suffix) }
        }
        let arguments: [String] = [patio, "--profiles", folder, "--ledger", ledger]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["PATIO_HISTORY"] = NSTemporaryDirectory() + "patio-bench-history-\(getpid())"
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let clock = ContinuousClock()
        let start = clock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, patio, &actions, &attributes, argv, envp)
        close(slave)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        defer {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = start + .seconds(10)
        while clock.now < deadline {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            received += buffer[0..<count]
            if String(decoding: received, as: UTF8.self).contains("patio> ") {
                return milliseconds(clock.now - start)
            }
        }
        throw POSIXError(.ETIMEDOUT)
    }
}
