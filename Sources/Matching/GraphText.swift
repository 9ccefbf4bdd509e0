/// The plain-text graph format shared with other solvers (see the bench
/// folder's FORMAT.md): a header line, then one edge a line.
///
/// - General graph: `n m`, then m lines `u v w` (vertices `0..<n`).
/// - Bipartite graph: `n_left n_right m`, then m lines `i j w`.
///
/// Reading works on bytes and stops at the first problem with its line and column.
public enum GraphText {
    public enum Content: Sendable {
        case general(WeightedGraph)
        case bipartite(BipartiteGraph)

        public var isBipartite: Bool {
            if case .bipartite = self { return true }
            return false
        }

        /// The graph to pair on: a bipartite one becomes general with the
        /// right side numbered after the left (`n_left + j`).
        public var generalGraph: WeightedGraph {
            switch self {
            case .general(let graph): return graph
            case .bipartite(let graph): return graph.asGeneralGraph
            }
        }
    }

    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public let line: Int
        public let column: Int
        public let message: String

        public var description: String { message }
    }

    public static func parse(_ text: String) throws(ParseError) -> Content {
        var copy = text
        let result = copy.withUTF8 { bytes in Result { () throws(ParseError) in try parse(bytes) } }
        return try result.get()
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Content {
        let read = try readEdges(bytes)
        return try build(read, sides: read.sides, edges: read.edges)
    }

    /// A graph read with only the vertices its edges touch, renumbered in
    /// order: memory and time follow the edges of the file, not the vertex
    /// counts its header declares (`50000000 0` costs nothing). Vertices
    /// without an edge are never paired, so a matching of this graph is one
    /// of the file's graph, with the same weight and the same proof.
    public struct Compact: Sendable {
        public let content: Content
        /// The counts the header declares: (n, n) for a general graph, (n_left, n_right) for a bipartite one.
        public let declared: (Int, Int)
        /// For each vertex of `content.generalGraph`, its number in the file's general numbering.
        public let original: [Int]
    }

    public static func parseCompact(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Compact {
        let read = try readEdges(bytes)
        var left: [Int: Int] = [:]
        var right: [Int: Int] = [:]
        var leftOriginal: [Int] = []
        var rightOriginal: [Int] = []
        func number(_ vertex: Int, in map: inout [Int: Int], _ originals: inout [Int]) -> Int {
            if let known = map[vertex] { return known }
            map[vertex] = originals.count
            originals.append(vertex)
            return originals.count - 1
        }
        var edges: [WeightedEdge] = []
        edges.reserveCapacity(read.edges.count)
        for edge in read.edges {
            if read.isBipartite {
                let u = number(edge.u, in: &left, &leftOriginal)
                edges.append(WeightedEdge(u, number(edge.v, in: &right, &rightOriginal), edge.weight))
            } else {
                let u = number(edge.u, in: &left, &leftOriginal)
                edges.append(WeightedEdge(u, number(edge.v, in: &left, &leftOriginal), edge.weight))
            }
        }
        let content = try build(read, sides: (leftOriginal.count, rightOriginal.count), edges: edges)
        let original =
            read.isBipartite ? leftOriginal + rightOriginal.map { read.sides.0 + $0 } : leftOriginal
        return Compact(content: content, declared: read.sides, original: original)
    }

    /// The header and edges of a file, before any graph is built.
    struct EdgeList {
        var isBipartite: Bool
        var sides: (Int, Int)
        var edges: [WeightedEdge] = []
        var edgeLines: [Int32] = []
    }

    static func readEdges(_ bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> EdgeList {
        var reader = Reader(bytes: bytes)
        let header = try reader.header()
        let count = header.count == 2 ? header[1] : header.count == 3 ? header[2] : -1
        guard count >= 0 else {
            throw ParseError(
                line: 1, column: 1,
                message:
                    "the first line must be 'n m' (general graph) or 'n_left n_right m' (bipartite), found \(header.count) numbers"
            )
        }
        let isBipartite = header.count == 3
        let sides = isBipartite ? (Int(header[0]), Int(header[1])) : (Int(header[0]), Int(header[0]))
        guard sides.0 >= 0, sides.1 >= 0, sides.0 <= 50_000_000, sides.1 <= 50_000_000 else {
            throw ParseError(line: 1, column: 1, message: "vertex counts must be between 0 and 50000000")
        }
        var list = EdgeList(isBipartite: isBipartite, sides: sides)
        // An edge takes at least six bytes ("0 1 1\n"): the file, not its header, bounds the memory.
        let room = Int(min(count, Int64(bytes.count / 6 + 1)))
        list.edges.reserveCapacity(room)
        list.edgeLines.reserveCapacity(room)
        while let (line, fields, columns) = try reader.record() {
            guard fields.count == 3 else {
                throw ParseError(line: line, column: 1, message: "expected 3 numbers 'u v w', found \(fields.count)")
            }
            guard list.edges.count < count else {
                throw ParseError(line: line, column: 1, message: "more edges than the \(count) announced on line 1")
            }
            let u = Int(fields[0])
            let v = Int(fields[1])
            guard (0..<sides.0).contains(u) else {
                throw ParseError(
                    line: line, column: columns[0], message: "vertex \(u) is out of range 0..\(sides.0 - 1)")
            }
            guard (0..<sides.1).contains(v) else {
                throw ParseError(
                    line: line, column: columns[1], message: "vertex \(v) is out of range 0..\(sides.1 - 1)")
            }
            if !isBipartite && u == v {
                throw ParseError(line: line, column: columns[0], message: "edge joins vertex \(u) to itself")
            }
            list.edges.append(WeightedEdge(u, v, fields[2]))
            list.edgeLines.append(Int32(truncatingIfNeeded: line))
        }
        guard list.edges.count == count else {
            throw ParseError(
                line: reader.line, column: 1, message: "\(count) edges announced on line 1, \(list.edges.count) found")
        }
        return list
    }

    /// The graph on `sides` vertices with `edges` (the file's edges, perhaps renumbered).
    static func build(_ read: EdgeList, sides: (Int, Int), edges: [WeightedEdge]) throws(ParseError) -> Content {
        let isBipartite = read.isBipartite
        do {
            if isBipartite {
                return .bipartite(try BipartiteGraph(leftCount: sides.0, rightCount: sides.1, edges: edges))
            }
            return .general(try WeightedGraph(vertexCount: sides.0, edges: edges))
        } catch {
            // Only a repeated pair is left to find: report the line where it comes again.
            guard case .duplicateEdge(let u, let v) = error else {
                throw ParseError(line: 0, column: 0, message: error.description)
            }
            let matches = edges.indices.filter { index in
                let edge = edges[index]
                return isBipartite
                    ? (edge.u == u && edge.v == v) : (min(edge.u, edge.v) == u && max(edge.u, edge.v) == v)
            }
            let line = matches.count > 1 ? Int(read.edgeLines[matches[1]]) : 0
            let first = matches.first.map { Int(read.edgeLines[$0]) } ?? 0
            let edge = read.edges[matches.first ?? 0]
            let shown = isBipartite ? (edge.u, edge.v) : (min(edge.u, edge.v), max(edge.u, edge.v))
            throw ParseError(
                line: line, column: 1, message: "edge \(shown.0)–\(shown.1) is given twice (first on line \(first))")
        }
    }

    /// The general format: `n m`, then `u v w` with u < v, in order.
    public static func write(_ graph: WeightedGraph) -> String {
        var text = "\(graph.vertexCount) \(graph.edges.count)\n"
        for edge in graph.edges { text += "\(edge.u) \(edge.v) \(edge.weight)\n" }
        return text
    }

    /// The bipartite format: `n_left n_right m`, then `i j w`, in order.
    public static func write(_ graph: BipartiteGraph) -> String {
        var text = "\(graph.leftCount) \(graph.rightCount) \(graph.edges.count)\n"
        for edge in graph.edges { text += "\(edge.u) \(edge.v) \(edge.weight)\n" }
        return text
    }

    /// Reads lines of integers, skipping blank lines.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        }

        mutating func header() throws(ParseError) -> [Int64] {
            guard let (_, fields, _) = try record() else {
                throw ParseError(line: 1, column: 1, message: "the file is empty: expected 'n m' on the first line")
            }
            return fields
        }

        /// The next non-blank line's numbers and their columns, or nil at the end.
        mutating func record() throws(ParseError) -> (Int, [Int64], [Int])? {
            var fields: [Int64] = []
            var columns: [Int] = []
            fields.reserveCapacity(3)
            columns.reserveCapacity(3)
            while position < bytes.count {
                line += 1
                let lineStart = position
                fields.removeAll(keepingCapacity: true)
                columns.removeAll(keepingCapacity: true)
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == 0x0A {
                        position += 1
                        break
                    }
                    if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                        position += 1
                        continue
                    }
                    let start = position
                    var negative = false
                    if byte == 0x2D || byte == 0x2B {
                        negative = byte == 0x2D
                        position += 1
                    }
                    var value: Int64 = 0
                    var digits = 0
                    while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                        let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                        let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[position] - 0x30))
                        guard !overflow1, !overflow2 else {
                            throw ParseError(line: line, column: start - lineStart + 1, message: "number too large")
                        }
                        value = sum
                        digits += 1
                        position += 1
                    }
                    let ends = position >= bytes.count || [0x20, 0x09, 0x0D, 0x0A].contains(bytes[position])
                    guard digits > 0, ends else {
                        var end = position
                        while end < bytes.count, ![0x20, 0x09, 0x0D, 0x0A].contains(bytes[end]) { end += 1 }
                        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                        throw ParseError(
                            line: line, column: start - lineStart + 1, message: "'\(word)' is not a whole number")
                    }
                    fields.append(negative ? -value : value)
                    columns.append(start - lineStart + 1)
                }
                if !fields.isEmpty { return (line, fields, columns) }
            }
            return nil
        }
    }
}
