import Testing

@testable import Matching

struct GraphTextTests {
    @Test func readsAGeneralGraph() throws {
        let content = try GraphText.parse("4 3\n0 1 5\n1 2 11\r\n\n2 3 5\n")
        guard case .general(let graph) = content else {
            Issue.record("not general")
            return
        }
        #expect(graph.vertexCount == 4)
        #expect(graph.edges == [WeightedEdge(0, 1, 5), WeightedEdge(1, 2, 11), WeightedEdge(2, 3, 5)])
    }

    @Test func readsABipartiteGraphAndNumbersTheRightSideAfterTheLeft() throws {
        let content = try GraphText.parse("2 3 2\n0 2 7\n1 0 4\n")
        guard case .bipartite(let graph) = content else {
            Issue.record("not bipartite")
            return
        }
        #expect(graph.leftCount == 2 && graph.rightCount == 3)
        #expect(content.generalGraph.edges == [WeightedEdge(0, 4, 7), WeightedEdge(1, 2, 4)])
    }

    @Test func writesWhatItReads() throws {
        let graph = try WeightedGraph(vertexCount: 3, edges: [WeightedEdge(2, 0, -4), WeightedEdge(1, 2, 9)])
        let text = GraphText.write(graph)
        #expect(text == "3 2\n0 2 -4\n1 2 9\n")
        #expect(try GraphText.parse(text).generalGraph == graph)
    }

    @Test(arguments: [
        ("", 1, 1, "the file is empty: expected 'n m' on the first line"),
        (
            "1 2 3 4\n", 1, 1,
            "the first line must be 'n m' (general graph) or 'n_left n_right m' (bipartite), found 4 numbers"
        ),
        ("3 2\n0 1 5\n", 2, 1, "2 edges announced on line 1, 1 found"),
        ("3 1\n0 1 5\n1 2 3\n", 3, 1, "more edges than the 1 announced on line 1"),
        ("3 1\n0 1\n", 2, 1, "expected 3 numbers 'u v w', found 2"),
        ("3 1\n0 x1 5\n", 2, 3, "'x1' is not a whole number"),
        ("3 1\n0 3 5\n", 2, 3, "vertex 3 is out of range 0..2"),
        ("3 1\n1 1 5\n", 2, 1, "edge joins vertex 1 to itself"),
        ("3 2\n0 1 5\n1 0 6\n", 3, 1, "edge 0–1 is given twice (first on line 2)"),
        ("3 1\n0 1 99999999999999999999\n", 2, 5, "number too large"),
    ])
    func reportsTheLineAndColumn(text: String, line: Int, column: Int, message: String) {
        #expect(throws: GraphText.ParseError(line: line, column: column, message: message)) {
            try GraphText.parse(text)
        }
    }
}
