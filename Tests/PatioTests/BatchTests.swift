import Foundation
import Testing

/// The real binary through pipes: `-c`, scripts, standard input, exit codes,
/// the error format on standard error.
struct BatchTests {
    @Test func commandsRunInOrder() throws {
        let result = try PatioProcess.run(["-c", "echo Élodie Dupré", "-c", "set format json", "-c", "echo deux"])
        #expect(result.status == 0)
        #expect(
            result.output
                == "Élodie Dupré\n{\"setting\": \"format\", \"value\": \"json\", \"previous\": \"table\"}\n{\"message\": \"deux\"}\n"
        )
        #expect(result.errors.isEmpty)
    }

    @Test func aScriptStopsAtItsFirstFailedCommand() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "#!/usr/bin/env patio\nbogus\necho not reached\n".write(
            to: folder.appendingPathComponent("script"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(["script"], in: folder)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        // The nearest command depends on the table; the form does not.
        #expect(result.errors.hasPrefix("script:2: error: unknown command 'bogus' (did you mean '"))
        #expect(result.errors.hasSuffix("'?)\n") && result.errors.split(separator: "\n").count == 1)
    }

    /// Output that cannot be written (a full disk, standard output closed)
    /// fails the command that wrote it, says why, and the exit status is 1:
    /// a cron job does not take an empty file for a success.
    @Test(arguments: [
        (
            ["-c", "echo hi", "-c", "echo not reached"],
            "-c:1: error: the output could not be written: no space left on device\n"
        ),
        (
            ["--format", "json", "-c", "members"],
            "-c:1: error: the output could not be written: no space left on device\n"
        ),
        (["--version"], "error: the output could not be written: no space left on device\n"),
        (["--help"], "error: the output could not be written: no space left on device\n"),
    ])
    func outputThatCannotBeWrittenFails(arguments: [String], errors: String) throws {
        let profiles = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profiles) }
        try "name: Zoé\nrole: student\n".write(
            to: profiles.appendingPathComponent("zoe.yaml"), atomically: true, encoding: .utf8)
        for (closed, expected) in [
            (false, errors), (true, errors.replacing("no space left on device", with: "bad file descriptor")),
        ] {
            let process = Process()
            process.executableURL = closed ? URL(fileURLWithPath: "/bin/sh") : PatioProcess.binary
            let all = ["--profiles", profiles.path] + arguments
            // Closed by the shell that starts patio, as `patio … >&-` does.
            process.arguments = closed ? ["-c", "exec \"$0\" \"$@\" >&-", PatioProcess.binary.path] + all : all
            process.environment = PatioProcess.environment()
            if !closed { process.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full")) }
            let errorPipe = Pipe()
            process.standardError = errorPipe
            try process.run()
            let text = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1, "\(closed ? "closed" : "full")")
            #expect(text == expected)
        }
    }

    @Test func keepGoingRunsEverythingThenFails() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "echo one\nhlep\necho two\n".write(
            to: folder.appendingPathComponent("tuesday.patio"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(["--keep-going", "tuesday.patio"], in: folder)
        #expect(result.status == 1)
        #expect(result.output == "one\ntwo\n")
        #expect(result.errors == "tuesday.patio:2: error: unknown command 'hlep' (did you mean 'help'?)\n")
    }

    @Test func standardInputIsAScriptToo() throws {
        let result = try PatioProcess.run(
            [], input: "\u{FEFF}echo piped é\nset format csv\necho a,b\nquit\necho never\n")
        #expect(result.status == 0)
        #expect(result.output == "piped é\nformat = csv (was table)\r\n\"a,b\"\r\n")
        let failing = try PatioProcess.run([], input: "echo ok\nset seed -1\necho no\n")
        #expect(failing.status == 1)
        #expect(failing.output == "ok\n")
        #expect(
            failing.errors
                == "<stdin>:2: error: invalid seed '-1': expected a whole number from 0 to 18,446,744,073,709,551,615\n"
        )
    }

    /// A program that writes a command and waits for its answer before the
    /// next (a coprocess) gets it at once, not when its input ends.
    @Test func eachLineOnStandardInputRunsAsItComes() throws {
        let process = Process()
        process.executableURL = PatioProcess.binary
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PATIO_HISTORY": ""]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        for word in ["first", "second"] {
            input.fileHandleForWriting.write(Data("echo \(word)\n".utf8))
            // Its answer, within 10 s, while standard input stays open.
            var answer = Data()
            let deadline = ContinuousClock.now + .seconds(10)
            while !answer.contains(UInt8(ascii: "\n")) && ContinuousClock.now < deadline {
                var waiting = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&waiting, 1, 100) > 0 else { continue }
                answer += output.fileHandleForReading.availableData
            }
            #expect(String(decoding: answer, as: UTF8.self) == word + "\n")
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func dashCErrorsCountTheirPosition() throws {
        let result = try PatioProcess.run(["-c", "echo a", "-c", "set format yaml"])
        #expect(result.status == 1)
        #expect(result.errors == "-c:2: error: invalid format 'yaml': expected table, csv, json or markdown\n")
    }

    @Test func commandsBeforeTheScript() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "echo from the script\n".write(
            to: folder.appendingPathComponent("s.patio"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(["--format", "json", "-c", "echo first", "s.patio"], in: folder)
        #expect(result.output == "{\"message\": \"first\"}\n{\"message\": \"from the script\"}\n")
    }

    @Test func anEndlessLineOnStandardInputIsRefusedAndTheNextRuns() throws {
        let input = String(repeating: "a", count: 3_000_000) + "\necho after\n"
        let result = try PatioProcess.run(["--keep-going"], input: input)
        #expect(result.output == "after\n")
        #expect(
            result.errors
                == "<stdin>:1: error: the line is 3000000 bytes long, more than the 65536 a command line may hold: it is not run\n"
        )
    }

    @Test func aLineBreakInAnOptionCannotForgeALine() throws {
        let result = try PatioProcess.run(["--format", "x\nerror: forged"])
        #expect(result.status == 2)
        #expect(
            result.errors.hasPrefix(
                "error: invalid format 'x\\nerror: forged': expected table, csv, json or markdown\n"))
    }

    @Test func aMissingScriptIsAWrongCommandLine() throws {
        let result = try PatioProcess.run(["no-such-script.patio"])
        #expect(result.status == 2)
        #expect(result.errors == "error: cannot read no-such-script.patio: no such file\n")
    }

    @Test(arguments: [
        ["--formt", "json"], ["--format", "yaml"], ["--color", "sometimes"], ["--seed", "x"], ["-c"], ["a", "b"],
        ["--ledger", "", "-c", "rounds"], ["--profiles", "", "-c", "stats"],
    ])
    func aWrongCommandLineExits2(arguments: [String]) throws {
        let result = try PatioProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("Usage: patio"))
    }

    /// The command line's errors read as patio's other errors, in each language.
    @Test func aWrongCommandLineSaysErrorAsPatioDoes() throws {
        #expect(try PatioProcess.run(["--bogus"]).errors.hasPrefix("error: unknown option '--bogus'\n"))
        #expect(
            try PatioProcess.run(["--bogus"], environment: ["LANG": "fr_FR.UTF-8"]).errors.hasPrefix(
                "erreur\u{A0}: option inconnue '--bogus'\n"))
        #expect(try PatioProcess.run(["--profiles"]).errors.hasPrefix("error: missing value for '--profiles <dir>'\n"))
    }

    @Test func misspelledFlagsGetTheNearest() throws {
        #expect(try PatioProcess.run(["--formt", "json"]).errors.contains("Did you mean '--format'?"))
        #expect(try PatioProcess.run(["--format", "jsno"]).errors.contains("did you mean 'json'?"))
    }

    @Test func helpAndVersionExit0() throws {
        let help = try PatioProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("USAGE: patio"))
        #expect(help.output.contains("--keep-going"))
        #expect(help.errors.isEmpty)
        let version = try PatioProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("patio "))
    }

    @Test func noColourThroughAPipeUnlessAskedFor() throws {
        let plain = try PatioProcess.run(["-c", "set", "-c", "bogus"])
        #expect(!plain.output.contains("\u{1B}") && !plain.errors.contains("\u{1B}"))
        let forced = try PatioProcess.run(["--color", "always", "-c", "set", "-c", "bogus"])
        #expect(forced.output.contains("\u{1B}[1m"))
        #expect(forced.errors.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        let never = try PatioProcess.run(["--color", "never", "-c", "set"], environment: ["NO_COLOR": "1"])
        #expect(!never.output.contains("\u{1B}"))
    }

    @Test func escapeSequencesAreShownNotObeyed() throws {
        let result = try PatioProcess.run(["-c", "echo \"\u{1B}]0;pwned\u{07}\u{1B}[2J\""])
        #expect(result.output == "\\e]0;pwned\\x07\\e[2J\n")
    }

    @Test func quitEndsTheRunSuccessfully() throws {
        let result = try PatioProcess.run(["-c", "echo a", "-c", "quit", "-c", "bogus"])
        #expect(result.status == 0)
        #expect(result.output == "a\n")
    }
}

struct SolveBatchTests {
    @Test func jsonFromTheCommandLine() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "5 4\n0 1 3\n1 2 4\n2 3 4\n3 4 2\n".write(
            to: folder.appendingPathComponent("graph.txt"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(["--format", "json", "-c", "solve graph.txt"], in: folder)
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("{\"weight\": 7, \"pairs\": [[0, 1], [2, 3]], \"solve_ms\": "))
    }

    @Test func aMalformedFileFailsWithItsLine() throws {
        let folder = try PatioProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "5 2\n0 1 3\n1 9 4\n".write(
            to: folder.appendingPathComponent("graph.txt"), atomically: true, encoding: .utf8)
        let result = try PatioProcess.run(["-c", "solve graph.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.errors == "-c:1: graph.txt:3:3: error: vertex 9 is out of range 0..4\n")
    }
}
