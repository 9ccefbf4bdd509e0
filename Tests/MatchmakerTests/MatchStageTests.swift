import Community
import Foundation
import Matching
import Testing

@testable import Matchmaker

/// The stages a match reports as it goes, in the order it goes through them.
struct MatchStageTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    static func stages(
        _ request: MatchRequest, _ directory: Directory, history: MeetingHistory = .none
    ) throws -> (Draft, [MatchStage]) {
        let model = AffinityModel(directory: directory, weights: AffinityWeights(), history: history)
        var stages: [MatchStage] = []
        let draft = try Matchmaker.match(request, model: model, now: now, report: { stages.append($0) })
        return (draft, stages)
    }

    /// Candidates, a first solve, then passes of pricing each followed by a
    /// solve over a larger graph, until a pass finds nothing; the proof last.
    static func expectPricedSequence(_ stages: [MatchStage], members: Int) {
        #expect(stages.first == .candidates(members: members))
        #expect(stages.last == .proving)
        guard case .solving(let first, 0) = stages.dropFirst().first else {
            Issue.record("no first solve: \(stages)")
            return
        }
        var pairs = first
        var pass = 0
        var rest = Array(stages.dropFirst(2).dropLast())
        while !rest.isEmpty {
            pass += 1
            #expect(rest.removeFirst() == .pricing(pass: pass))
            guard !rest.isEmpty else { break }
            guard case .solving(let more, let after) = rest.removeFirst() else {
                Issue.record("a pass not followed by a solve: \(stages)")
                return
            }
            #expect(after == pass && more > pairs, "solved again over the pairs the pass added")
            pairs = more
        }
        #expect(pass >= 2, "at least one pass added pairs, and the last found none: \(stages)")
    }

    @Test func pairsPricedGoThroughEveryStageInOrder() throws {
        var request = MatchRequest(mode: .pairs)
        request.candidates = 3
        request.completeLimit = 0
        let (draft, stages) = try Self.stages(request, Communities.random(400, seed: 61))
        #expect(draft.guarantee.coverage == .everyAdmissiblePair)
        Self.expectPricedSequence(stages, members: 400)
    }

    @Test func pairsOfASmallCommunityAreSolvedOnce() throws {
        let (_, stages) = try Self.stages(MatchRequest(mode: .pairs), Communities.random(60, seed: 62))
        #expect(stages.count == 3)
        #expect(stages.first == .candidates(members: 60))
        if case .solving(let pairs, 0) = stages[1] { #expect(pairs > 0) } else { Issue.record("\(stages)") }
        #expect(stages.last == .proving)
    }

    @Test func mentoringPricedGoesThroughEveryStageInOrder() throws {
        var request = MatchRequest(mode: .mentoring)
        request.candidates = 2
        request.completeLimit = 0
        let directory = Communities.random(500, seed: 63)
        let (_, stages) = try Self.stages(request, directory)
        let setup = try Matchmaker.mentoringSetup(
            request, members: Array(directory.members.indices), directory: directory)
        Self.expectPricedSequence(stages, members: setup.rows.count + setup.mentors.count)
    }

    @Test func stableMentoringIsCheckedAfterItsCandidates() throws {
        var request = MatchRequest(mode: .mentoring)
        request.stable = true
        let (_, stages) = try Self.stages(request, Communities.random(80, seed: 64))
        #expect(stages.count == 2)
        if case .candidates = stages.first {} else { Issue.record("\(stages)") }
        #expect(stages.last == .proving)
    }

    @Test func circlesAreFormedThenBounded() throws {
        let (_, stages) = try Self.stages(MatchRequest(mode: .circles), Communities.random(45, seed: 65))
        #expect(stages == [.candidates(members: 45), .formingTables(members: 45), .bounding])
    }

    @Test func aPlanSaysEachRoundBeforeItsStages() throws {
        let directory = Communities.random(50, seed: 66)
        let model = { (history: MeetingHistory) in
            AffinityModel(directory: directory, weights: AffinityWeights(), history: history)
        }
        var stages: [MatchStage] = []
        let drafts = try Matchmaker.plan(
            MatchRequest(mode: .pairs), rounds: 3, history: .none, makeModel: model, now: Self.now,
            report: { stages.append($0) })
        #expect(drafts.count == 3)
        let rounds = stages.indices.filter { if case .planRound = stages[$0] { true } else { false } }
        #expect(rounds.map { stages[$0] } == [.planRound(1, of: 3), .planRound(2, of: 3), .planRound(3, of: 3)])
        #expect(rounds.first == 0)
        for (start, end) in zip(rounds, rounds.dropFirst().map { $0 - 1 } + [stages.count - 1]) {
            #expect(stages[start + 1] == .candidates(members: 50))
            #expect(stages[end] == .proving, "each round ends with its own proof")
        }
    }

    /// Everyone has met everyone: the first match pairs nobody, and those left over are paired again, said so.
    @Test func thoseLeftOverAreSaidBeforeTheyMeetAgain() throws {
        let directory = Communities.random(6, seed: 67)
        var request = MatchRequest(mode: .pairs)
        request.everyone = true
        let ids = directory.members.map(\.id)
        request.alreadyMet = Set(
            ids.indices.flatMap { a in ids.indices.filter { $0 > a }.map { MemberPair(ids[a], ids[$0]) } })
        let model = AffinityModel(directory: directory, weights: AffinityWeights())
        var stages: [MatchStage] = []
        let draft = try Matchmaker.matchAvoidingRepeats(
            request, model: model, now: Self.now, report: { stages.append($0) })
        #expect(draft.guarantee.repeatPairs == 3)
        #expect(stages.filter { $0 == .leftOver(members: 6) }.count == 1)
        #expect(stages.firstIndex(of: .leftOver(members: 6)) == stages.firstIndex(of: .proving).map { $0 + 1 })
    }
}
