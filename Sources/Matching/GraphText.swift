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
        var edges: [WeightedEdge] = []
        var edgeLines: [Int32] = []
        edges.reserveCapacity(Int(min(count, 50_000_000)))
        edgeLines.reserveCapacity(Int(min(count, 50_000_000)))
        while let (line, fields, columns) = try reader.record() {
            guard fields.count == 3 else {
                throw ParseError(line: line, column: 1, message: "expected 3 numbers 'u v w', found \(fields.count)")
            }
            guard edges.count < count else {
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
            edges.append(WeightedEdge(u, v, fields[2]))
            edgeLines.append(Int32(truncatingIfNeeded: line))
        }
        guard edges.count == count else {
            throw ParseError(
                line: reader.line, column: 1, message: "\(count) edges announced on line 1, \(edges.count) found")
        }
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
            let line = matches.count > 1 ? Int(edgeLines[matches[1]]) : 0
            let first = matches.first.map { Int(edgeLines[$0]) } ?? 0
            throw ParseError(line: line, column: 1, message: "edge \(u)–\(v) is given twice (first on line \(first))")
        }
    }

    /// The general format: `n m`, then `u v w` with u < v, in order.
    public static func write(_ graph: WeightedGraph) -> String {
        var text = "\(graph.vertexCount) \(graph.edges.count)\n"
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
