@preconcurrency import Foundation
import Matching

// patio-bench: times Patio's solvers on graph files (the bench folder's
// format), medians of several runs, optionally beside another solver's
// runner that prints `weight=… pairs=… solve_ms=…` (LEMON's, say).
//
//   patio-bench [--repeat N] [--compare RUNNER] [--mode pairs|assignment] FILE|FOLDER...
//   patio-bench --mode stable [--size N] [--repeat N]
//       stable marriage, N proposers and N receivers with complete random lists (seeded)
//   patio-bench --mode community [--size N] [--repeat N] [--write FOLDER]
//       a seeded community of N members scored and paired exactly, as 'match pairs' does;
//       --write also saves its profiles, to time the real shell on files
//   patio-bench --mode end-to-end --size N --patio BINARY [--folder DIR] [--command CMD]...
//       the real binary on N generated profile files: load cold and warm, then each
//       command ('match pairs' by default); time, peak memory and the claim it prints
//   patio-bench --mode first-prompt --patio BINARY --folder DIR [--repeat N]
//       the interactive shell on a pseudo-terminal: time from its start to its first prompt
//
// Each result is proved: the certificate is checked after the timed runs.

struct Options {
    var repetitions = 3
    var compare: String?
    var mode = "pairs"
    var size = 5000
    var writeTo: String?
    /// The `patio` built beside this program, unless `--patio` says otherwise.
    var patio = ((CommandLine.arguments[0] as NSString).deletingLastPathComponent as NSString)
        .appendingPathComponent("patio")
    var commands: [String] = []
    var paths: [String] = []
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--repeat": options.repetitions = Int(arguments.popFirst() ?? "") ?? 3
        case "--compare": options.compare = arguments.popFirst()
        case "--mode": options.mode = arguments.popFirst() ?? "pairs"
        case "--size": options.size = Int(arguments.popFirst() ?? "") ?? 5000
        case "--write", "--folder": options.writeTo = arguments.popFirst()
        case "--patio": options.patio = arguments.popFirst() ?? options.patio
        case "--command": options.commands.append(arguments.popFirst() ?? "")
        case "--help", "-h":
            print(
                """
                usage: patio-bench [--repeat N] [--compare RUNNER] [--mode pairs|assignment] FILE|FOLDER...
                       patio-bench --mode stable [--size N] [--repeat N]
                       patio-bench --mode community [--size N] [--repeat N] [--write FOLDER]
                       patio-bench --mode end-to-end --size N [--patio BINARY] [--folder DIR] [--command CMD]...
                       patio-bench --mode first-prompt [--patio BINARY] [--folder DIR] [--repeat N]
                """)
            exit(0)
        default: options.paths.append(argument)
        }
    }
    return options
}

func files(in paths: [String]) -> [String] {
    paths.flatMap { path -> [String] in
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

/// Runs the other solver's runner once; returns its weight and solve time.
func runCompared(_ runner: String, on file: String) -> (weight: Int64, ms: Double)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: runner)
    process.arguments = [file]
    let pipe = Pipe()
    process.standardOutput = pipe
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
    var values: [String: String] = [:]
    for field in fields {
        let parts = field.split(separator: "=", maxSplits: 1)
        if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
    }
    guard let weight = values["weight"].flatMap({ Int64($0) }), let ms = values["solve_ms"].flatMap(Double.init) else {
        return nil
    }
    return (weight, ms)
}

struct Row {
    var name: String
    var vertices: Int
    var edges: Int
    var weight: Int64
    var pairs: Int
    var ms: Double
    var proof: String
    var other: (weight: Int64, ms: Double)?
}

/// Deferred acceptance on complete random lists: a classic worst case for memory.
func benchmarkStableMarriage(size n: Int, repetitions: Int) {
    var rng = SplitMix64(seed: 5000 + UInt64(n))
    let proposers = (0..<n).map { _ in Array(0..<n).shuffled(using: &rng) }
    let receivers = (0..<n).map { _ in Array(0..<n).shuffled(using: &rng) }
    let capacities = [Int](repeating: 1, count: n)
    var times: [Double] = []
    var last: DeferredAcceptance.Result?
    for _ in 0..<max(1, repetitions) {
        let clock = ContinuousClock()
        let start = clock.now
        last = DeferredAcceptance.match(
            proposerPreferences: proposers, receiverPreferences: receivers, capacities: capacities)
        times.append(milliseconds(clock.now - start))
    }
    guard let result = last else { return }
    let blocking = DeferredAcceptance.blockingPairs(
        result.receiver, proposerPreferences: proposers,
        receiverPreferences: receivers, capacities: capacities)
    print(
        "stable_n\(n): matched=\(result.receiver.compactMap { $0 }.count) proposals=\(result.proposals) solve_ms=\(String(format: "%.1f", median(times))) blocking_pairs=\(blocking.count)"
    )
}

let options = parseOptions()
if options.mode == "stable" {
    benchmarkStableMarriage(size: options.size, repetitions: options.repetitions)
    exit(0)
}
if ["first-prompt", "end-to-end"].contains(options.mode) && !FileManager.default.isExecutableFile(atPath: options.patio)
{
    FileHandle.standardError.write(Data("patio-bench: no patio program at \(options.patio) (--patio BINARY)\n".utf8))
    exit(2)
}
if options.mode == "first-prompt" {
    try FirstPromptBenchmark.measure(
        patio: options.patio, folder: options.writeTo ?? "Profiles", repetitions: options.repetitions)
    exit(0)
}
if options.mode == "end-to-end" {
    try EndToEndBenchmark.benchmark(
        size: options.size, patio: options.patio, folder: options.writeTo,
        commands: options.commands.isEmpty ? ["match pairs"] : options.commands)
    exit(0)
}
if options.mode == "community" {
    try SyntheticCommunity.benchmark(size: options.size, repetitions: options.repetitions, writeTo: options.writeTo)
    exit(0)
}
var rows: [Row] = []
for file in files(in: options.paths) {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
        continue
    }
    let content: GraphText.Content
    do {
        content = try data.withUnsafeBytes { raw in
            try GraphText.parse(raw.bindMemory(to: UInt8.self))
        }
    } catch {
        FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
        continue
    }
    /// Solves once; returns weight, pairs and whether the proof holds.
    let solveOnce: () throws -> (weight: Int64, pairs: Int, proved: () -> Bool)
    let vertexCount: Int
    let edgeCount: Int
    if options.mode == "assignment", case .bipartite(let bipartite) = content {
        let capacities = [Int](repeating: 1, count: bipartite.rightCount)
        vertexCount = bipartite.leftCount + bipartite.rightCount
        edgeCount = bipartite.edges.count
        solveOnce = {
            let result = try CapacitatedAssignment.solve(bipartite, capacities: capacities)
            return (
                result.weight, result.columns.compactMap { $0 }.count,
                { result.certificate.violations(result.columns, in: bipartite, capacities: capacities).isEmpty }
            )
        }
    } else {
        let graph = content.generalGraph
        vertexCount = graph.vertexCount
        edgeCount = graph.edges.count
        solveOnce = {
            let result = try MaximumWeightMatching.solve(graph)
            return (
                result.weight, result.matching.count,
                { result.certificate.violations(result.matching, in: graph).isEmpty }
            )
        }
    }
    var times: [Double] = []
    var otherTimes: [Double] = []
    var otherWeight: Int64?
    var last: (weight: Int64, pairs: Int, proved: () -> Bool)?
    for _ in 0..<max(1, options.repetitions) {
        let clock = ContinuousClock()
        let start = clock.now
        last = try solveOnce()
        times.append(milliseconds(clock.now - start))
        if let runner = options.compare, let other = runCompared(runner, on: file) {
            otherTimes.append(other.ms)
            otherWeight = other.weight
        }
    }
    guard let result = last else { continue }
    let proof = result.proved() ? "proved" : "PROOF FAILED"
    let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    let row = Row(
        name: name, vertices: vertexCount, edges: edgeCount, weight: result.weight,
        pairs: result.pairs, ms: median(times), proof: proof,
        other: otherWeight.map { ($0, median(otherTimes)) })
    rows.append(row)
    var line = "\(name): weight=\(row.weight) pairs=\(row.pairs) solve_ms=\(String(format: "%.1f", row.ms)) \(proof)"
    if let other = row.other {
        line += " | compared: weight=\(other.weight) solve_ms=\(String(format: "%.1f", other.ms))"
        line += other.weight == row.weight ? " same optimum" : " DIFFERENT OPTIMUM"
    }
    print(line)
    fflush(stdout)
}

print("\n| instance | n | m | Patio solve (median) | compared solve (median) | Patio / compared | optimum | same |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for row in rows {
    let other = row.other.map { String(format: "%.3f s", $0.ms / 1000) } ?? "–"
    let ratio = row.other.map { String(format: "%.2f", row.ms / $0.ms) } ?? "–"
    let same = row.other.map { $0.weight == row.weight ? "yes" : "NO" } ?? "–"
    print(
        "| \(row.name) | \(row.vertices) | \(row.edges) | \(String(format: "%.3f s", row.ms / 1000)) | \(other) | \(ratio) | \(row.weight) | \(same) |"
    )
}
