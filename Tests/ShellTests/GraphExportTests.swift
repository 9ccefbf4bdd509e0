import Community
import Foundation
import Matching
import Testing

@testable import Shell

/// `.graph` exports, solved again by the engine: the draft's optimum, of its members, weights and pins.
extension ExportTests {
    @Test func theGraphGivesTheDraftsOptimum() throws {
        let (text, total) = try export("community.graph", match: "match pairs")
        let graph = try GraphText.parse(text).generalGraph
        #expect(graph.vertexCount == Self.members.count)
        #expect(try MaximumWeightMatching.solve(graph).weight == total)
    }

    /// Every pair scored: on a small community, the same pairs as the graph
    /// `match pairs` proves over, and the same optimum.
    @Test func everyPairIsTheCompleteGraph() throws {
        let (all, total) = try export("all.graph", "--all-pairs", match: "match pairs")
        #expect(all == (try export("community.graph", match: "match pairs")).text)
        #expect(try MaximumWeightMatching.solve(try GraphText.parse(all).generalGraph).weight == total)
    }

    /// Writing every pair says so on the status line, over when the export is.
    @Test func everyPairWrittenSaysSoWhileItGoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var (session, console) = try Self.session(in: folder, match: "help")
        console.clear()
        #expect(Interpreter.execute("export all.graph --all-pairs", at: nil, in: &session) == .succeeded)
        #expect(console.statuses == ["writing every admissible pair…", nil])
    }

    /// A `.graph` export after commands: the file's graph, the draft's total, and what was said.
    func graphAfter(_ commands: [String], export name: String = "draft.graph", _ extra: String = "") throws -> (
        graph: WeightedGraph, draftTotal: Int64, said: String, pinnedPoints: Int64
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        var (session, console) = try Self.session(in: folder, match: "help")
        for command in commands + ["export \(name) \(extra)"] {
            #expect(Interpreter.execute(command, at: nil, in: &session) == .succeeded, "\(command): \(console.errors)")
        }
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let draft = session.matchmaking.draft!
        let pinned = draft.groups.filter(\.isPinned).reduce(0) { $0 + $1.score }
        return (try GraphText.parse(text).generalGraph, draft.total, console.output, pinned)
    }

    /// After `match pairs --among`, the file holds the draft's members only,
    /// and its optimum is the draft's total; so with every pair.
    @Test func theGraphOfADraftAmongSomeIsOfThem() throws {
        for extra in ["", "--all-pairs"] {
            let (graph, total, said, _) = try graphAfter(["match pairs --among role=student"], extra)
            #expect(graph.vertexCount == 2, "\(extra)")
            #expect(try MaximumWeightMatching.solve(graph).weight == total, "\(extra)")
            #expect(said.contains("note: the pairs of the draft's 2 members"), "\(extra): \(said)")
        }
        // Without --among, the whole community, and no note.
        let (graph, _, said, _) = try graphAfter(["match pairs"])
        #expect(graph.vertexCount == Self.members.count && !said.contains("note:"))
    }

    /// A change of weights after the draft: the file is still of the
    /// weights the draft was made with (the next 'match' uses the new ones).
    @Test func theGraphKeepsTheDraftsWeights() throws {
        let before = try graphAfter(["match pairs"])
        let after = try graphAfter(["match pairs", "set weight.interests 9"])
        #expect(after.graph.edges == before.graph.edges)
        #expect(try MaximumWeightMatching.solve(after.graph).weight == after.draftTotal)
        let rematched = try graphAfter(["match pairs", "set weight.interests 9", "match pairs"])
        #expect(rematched.graph.edges != before.graph.edges, "the new weights, once matched with")
        #expect(try MaximumWeightMatching.solve(rematched.graph).weight == rematched.draftTotal)
    }

    /// Pinned members are left out (pins are set before solving): the
    /// file's optimum plus the pinned pair's points is the draft's total.
    @Test func theGraphLeavesOutThePinnedPairs() throws {
        for extra in ["", "--all-pairs"] {
            let (graph, total, said, pinned) = try graphAfter(["pin amelie-dupre formula", "match pairs"], extra)
            #expect(graph.vertexCount == 2 && pinned > 0, "\(extra)")
            #expect(try MaximumWeightMatching.solve(graph).weight + pinned == total, "\(extra): \(said)")
            #expect(said.contains("note: without the draft's pinned pair ("), "\(extra): \(said)")
        }
    }

    /// After `match mentoring`, the file is its assignment, mentees against
    /// mentors' seats, in the bipartite format: its optimum is the draft's
    /// total (less the pins), stable or not; after circles, the community's
    /// pairs, and the note says the file does not check that draft.
    @Test func theGraphOfAMentoringDraftIsItsAssignment() throws {
        for extra in ["", "--all-pairs"] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("patio-export-\(UUID())")
            defer { try? FileManager.default.removeItem(at: folder) }
            var (session, console) = try Self.session(in: folder, match: "match mentoring")
            #expect(Interpreter.execute("export m.graph \(extra) --format json", at: nil, in: &session) == .succeeded)
            let text = try String(contentsOf: folder.appendingPathComponent("m.graph"), encoding: .utf8)
            let read = try GraphText.parse(text)
            guard case .bipartite(let graph) = read else {
                Issue.record("not bipartite: \(text.prefix(40))")
                continue
            }
            let capacity = Self.members.first { $0.role == .entrepreneur }!.capacity
            #expect(graph.leftCount == 3 && graph.rightCount == capacity, "\(extra)")
            let total = session.matchmaking.draft!.total
            #expect(try MaximumWeightMatching.solve(read.generalGraph).weight == total, "\(extra)")
            let json = try #require(console.output.split(separator: "\n").last)
            #expect(
                json.contains(
                    #""of": "mentoring", "stable": false, "mentees": 3, "mentors": 1, "seats": \#(capacity)"#),
                "\(json)")
        }
        let pinned = try graphAfter(["pin amelie-dupre script", "match mentoring --stable"])
        #expect(try MaximumWeightMatching.solve(pinned.graph).weight + pinned.pinnedPoints >= pinned.draftTotal)
        #expect(pinned.pinnedPoints > 0)
        #expect(pinned.said.contains("note: the draft's assignment: on the left its 2 mentees still to assign"))
        #expect(pinned.said.contains("note: the draft is stable (--stable), not the best total"))
        #expect(
            pinned.said.contains("the draft's total is at most the file's optimum plus its points"), "\(pinned.said)")
        let circles = try graphAfter(["match circles --size 2 --any-roles"])
        #expect(circles.graph.vertexCount == Self.members.count)
        #expect(circles.said.contains("note: the draft is not one of 'match pairs' or 'match mentoring'"))
    }
}
