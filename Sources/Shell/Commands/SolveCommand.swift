import Community
import Foundation
import Matching

/// `solve FILE`: the engine on a weighted graph from a file (the bench format),
/// so that it can be checked against other solvers on the same input.
enum SolveCommand {
    static let mode = CommandOption<String>(
        spec: OptionSpec(
            "mode", value: "MODE", summary: "pairs (general matching) or assignment (bipartite)",
            kind: .choice(["pairs", "assignment"]), default: "pairs")
    ) { $0.text(of: "mode") ?? "pairs" }
    static let maxCardinality = CommandOption<Bool>.flag(
        "max-cardinality", summary: "Pair as many vertices as possible first, then the heaviest")
    static let list = CommandOption<Bool>.flag("list", summary: "List the pairs too (JSON always has them)")

    static let spec = CommandSpec(
        "solve", group: .matching,
        summary: "Pair the vertices of a weighted graph file, exactly",
        details: """
            FILE holds a general graph ('n m', then 'u v w' lines) or a bipartite one \
            ('n_left n_right m', then 'i j w' lines; right vertex j is numbered n_left + j). \
            pairs: maximum-weight matching; assignment: each left vertex to at most one right \
            vertex (bipartite files). Every answer is proved by its dual certificate, checked \
            after the timing. Ctrl-C stops a long solve.
            """,
        arguments: [ArgumentSpec("FILE", summary: "The graph", completion: .files(extensions: ["txt", "graph"]))],
        options: [mode.spec, maxCardinality.spec, list.spec],
        examples: ["solve graph.txt", "solve bip_n500x500.txt --mode assignment", "solve graph.txt --format json"]
    ) { session, arguments in
        let path = arguments[0] ?? ""
        // A graph of every pair of a large community takes a while to read and to solve: said on the status line.
        let say = session.stageReporter()
        let shown = TerminalSafeText.line(path)
        session.console.status(session.language.text("reading \(shown)…", "lecture de \(shown)…"))
        let compact = try readGraph(at: session.resolvePath(path), shownAs: path)
        let content = compact.content
        let declaredVertices = content.isBipartite ? compact.declared.0 + compact.declared.1 : compact.declared.0
        let maximumCardinality = arguments[maxCardinality]
        let mode = arguments[Self.mode]
        let clock = ContinuousClock()
        let start = clock.now
        var result: SolveResult
        switch (mode, content) {
        case ("assignment", .bipartite(let graph)):
            let capacities = [Int](repeating: 1, count: graph.rightCount)
            say(.solving(pairs: graph.edges.count, pass: 0))
            let solved = try CapacitatedAssignment.solve(
                graph, capacities: capacities, maximumCardinality: maximumCardinality,
                shouldStop: session.environment.isCancelled)
            let elapsed = clock.now - start
            say(.proving)
            let pairs = solved.columns.enumerated().compactMap { row, column in
                column.map { (compact.original[row], compact.original[graph.leftCount + $0]) }
            }
            result = SolveResult(
                path: path, mode: mode, vertices: declaredVertices, edges: graph.edges.count,
                weight: solved.weight, pairs: pairs, elapsed: elapsed,
                isProved: solved.certificate.violations(solved.columns, in: graph, capacities: capacities).isEmpty)
        case ("assignment", .general):
            throw ShellError.invalidValue(
                "assignment", for: "--mode",
                expected: .bipartiteFile, suggestion: "pairs")
        default:
            let graph = content.generalGraph
            say(.solving(pairs: graph.edges.count, pass: 0))
            let solved = try MaximumWeightMatching.solve(
                graph, maximumCardinality: maximumCardinality,
                shouldStop: session.environment.isCancelled)
            let elapsed = clock.now - start
            say(.proving)
            result = SolveResult(
                path: path, mode: mode, vertices: declaredVertices, edges: graph.edges.count,
                weight: solved.weight,
                pairs: solved.matching.pairs.map { pair in
                    let (u, v) = (compact.original[pair.0], compact.original[pair.1])
                    return (min(u, v), max(u, v))
                }.sorted { $0 < $1 },
                elapsed: elapsed,
                isProved: solved.certificate.violations(solved.matching, in: graph).isEmpty)
        }
        result.listsPairs = arguments[list]
        result.maximumCardinality = maximumCardinality
        return .show(result)
    }

    /// Reads and parses a graph file, keeping only the vertices its edges
    /// touch; a problem inside it names the file and line.
    static func readGraph(at path: String, shownAs name: String) throws -> GraphText.Compact {
        try InputFile.check(path, shownAs: name)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw ShellError.cannotRead(path: name, reason: .denied)
        }
        do {
            return try data.withUnsafeBytes { raw in try GraphText.parseCompact(raw.bindMemory(to: UInt8.self)) }
        } catch let error as GraphText.ParseError {
            throw Diagnostic(path: name, line: error.line, column: error.column, .graphSyntax(error.message))
        }
    }
}

/// What `solve` found. JSON: `{"weight": W, "pairs": [[u, v], …], "solve_ms": T, …}`.
struct SolveResult: Presentable {
    let path: String
    let mode: String
    let vertices: Int
    let edges: Int
    let weight: Int64
    let pairs: [(Int, Int)]
    let elapsed: Duration
    let isProved: Bool
    var listsPairs = false
    var maximumCardinality = false

    var milliseconds: Double {
        Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    func document(in language: Language) -> Document {
        let t = language.text
        let size =
            language.counted(vertices, "vertex", "sommet", englishPlural: "vertices") + ", "
            + language.counted(edges, "edge", "arête")
        var blocks: [Document.Block] = [
            .fields([
                Field(t("graph", "graphe"), t("\(path): \(size)", "\(path) : \(size)")),
                Field(
                    "mode",
                    mode
                        + (maximumCardinality
                            ? t(", as many pairs as possible first", ", le plus de paires possible d’abord") : "")),
                Field(t("weight", "poids"), String(weight)),
                Field(t("pairs", "paires"), String(pairs.count)),
                Field(t("solve time", "temps de calcul"), language.decimal(milliseconds) + " ms"),
                Field(
                    t("proof", "preuve"),
                    isProved
                        ? t("optimal: the dual certificate checks", "optimal : le certificat dual est vérifié")
                        : t("the certificate does NOT check", "le certificat N’EST PAS vérifié")),
            ])
        ]
        if listsPairs {
            blocks.append(
                .table(
                    Table(
                        columns: [Table.Column("u", alignment: .right), Table.Column("v", alignment: .right)],
                        rows: pairs.map { [String($0.0), String($0.1)] })))
        }
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "weight": .int(weight),
            "pairs": .array(pairs.map { .array([.int($0.0), .int($0.1)]) }),
            "solve_ms": .double((milliseconds * 1000).rounded() / 1000),
            "pair_count": .int(pairs.count),
            "vertices": .int(vertices),
            "edges": .int(edges),
            "mode": .string(mode),
            "proved": .bool(isProved),
        ])
    }
}
