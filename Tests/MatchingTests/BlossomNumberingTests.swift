import Testing

@testable import Matching

/// A new blossom takes over the number of its largest child, and a blossom
/// taken apart hands its number to its largest child: whatever the
/// renumbering, every vertex names the blossom around it, every blossom
/// knows its size and its children their parent, and the optimum is the
/// same as the reference's.
struct BlossomNumberingTests {
    /// A community-like graph: members holding a few of `tags` tags, a pair
    /// weighing 10 per shared tag plus a little noise (pairs that share
    /// nothing are no edge). Many near-equal pairs around popular tags make
    /// blossoms that nest.
    func community(members: Int, tags: Int, using rng: inout SeededGenerator) -> WeightedGraph {
        let held = (0..<members).map { _ in Set((0..<3).map { _ in Int.random(in: 0..<tags, using: &rng) }) }
        var edges: [WeightedEdge] = []
        for u in 0..<members {
            for v in (u + 1)..<members {
                let shared = held[u].intersection(held[v]).count
                guard shared > 0 else { continue }
                edges.append(WeightedEdge(u, v, Int64(10 * shared) + Int64.random(in: 0...3, using: &rng)))
            }
        }
        return try! WeightedGraph(vertexCount: members, edges: edges)
    }

    /// Checks the solver's numbering after a run; returns the deepest nesting.
    func expectConsistent(_ solver: BlossomSolver) -> Int {
        let n = solver.n
        var deepest = 0
        for v in 0..<n {
            var top = v
            var depth = 0
            while solver.blossomParent[top] >= 0 {
                top = Int(solver.blossomParent[top])
                depth += 1
            }
            deepest = max(deepest, depth)
            #expect(Int(solver.inBlossom[v]) == top, "vertex \(v) names blossom \(solver.inBlossom[v]), is in \(top)")
        }
        for b in n..<(2 * n) where solver.blossomBase[b] >= 0 {
            #expect(Int(solver.leafCount[b]) == solver.leaves(of: b).count)
            for child in solver.blossomChildren[b] { #expect(Int(solver.blossomParent[Int(child)]) == b) }
        }
        return deepest
    }

    /// Solves each of a few community graphs from nothing, then again with
    /// a third of its edges added, going on from the first solve (added
    /// edges take blossoms apart before the search): the numbering is
    /// checked after each run, and the optimum against a solve from nothing.
    @Test func numbersStayTrueThroughNestingAndExpansion() throws {
        var rng = SeededGenerator(seed: 7)
        var deepest = 0
        var made = 0
        var takenApart = 0
        for round in 0..<12 {
            let graph = community(members: 120 + 20 * round, tags: 6 + round % 5, using: &rng)
            let shuffled = graph.edges.shuffled(using: &rng)
            let first = try WeightedGraph(
                vertexCount: graph.vertexCount, edges: Array(shuffled.prefix(shuffled.count * 2 / 3)))
            let shift = try WeightShift.amount(
                for: graph.edges, pairsAtMost: graph.vertexCount / 2, maximumCardinality: false)
            var before = BlossomSolver(vertexCount: first.vertexCount, edges: first.edges, shift: shift)
            let finishedBefore = before.run(shouldStop: { false })
            #expect(finishedBefore)
            deepest = max(deepest, expectConsistent(before))

            var after = BlossomSolver(vertexCount: graph.vertexCount, edges: graph.edges, shift: shift)
            let place = try #require(after.place(of: before.structure(shift: shift), shift: shift))
            after.resume(before.structure(shift: shift), place: place)
            let finishedAfter = after.run(shouldStop: { false })
            #expect(finishedAfter)
            deepest = max(deepest, expectConsistent(after))
            made += before.renumbered.made + after.renumbered.made
            takenApart += before.renumbered.takenApart + after.renumbered.takenApart

            var weight: Int64 = 0
            for v in 0..<after.n where after.mate[v] >= 0 { weight += graph.edges[Int(after.mate[v]) >> 1].weight }
            let cold = try MaximumWeightMatching.solve(graph)
            #expect(weight / 2 == cold.weight)
        }
        // The runs did nest blossoms and renumber them both ways.
        #expect(deepest >= 3)
        #expect(made > 100 && takenApart > 10, "made \(made), taken apart \(takenApart)")
    }
}
