import Community
import Foundation
import Matching
import Testing

@testable import Matchmaker

/// Each member's candidates, found with a running top list that passes over
/// the partners that cannot reach it, are the best of all its admissible
/// tag partners, as a full sort of them would choose.
struct CandidateTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func theBestPartnersAreThoseOfAFullSort(seed: UInt64) {
        let directory = Communities.random(300, seed: seed)
        var rng = SplitMix64(seed: seed &+ 100)
        // Meetings long ago rated 5 raise their pairs by half, past their terms: the bound must allow for it.
        var met: [MemberPair: MeetingHistory.Entry] = [:]
        for member in directory.members {
            let other = directory.members[Int.random(in: 0..<directory.members.count, using: &rng)]
            if other.id != member.id { met[MemberPair(member.id, other.id)] = .init(roundsAgo: 40, rating: 5) }
        }
        let model = AffinityModel(directory: directory, weights: AffinityWeights(), history: MeetingHistory(met))
        #expect(model.historyFactor.values.allSatisfy { $0 > 1.4 })
        let members = Array(directory.members.indices)
        let vertexOf = members.map { Int32($0) }
        let prepared = PreparedAdmissibility(Admissibility(), directory: directory)
        let bound = WeightBound(model: model, objective: DraftProof.Objective(model: model, priority: [:]))
        let scratch = AffinityModel.Scratch(count: directory.members.count)
        for candidates in [0, 1, 5, 20] {
            for u in members {
                var everyone: [(vertex: Int, score: Int64)] = []
                for (b, _) in model.tagPartners(of: u, using: scratch) where prepared.exclusion(u, b) == nil {
                    everyone.append((b, model.score(u, b)))
                }
                everyone.sort(by: TopScores.precedes)
                let found = PairingGraph.bestPartners(
                    of: u, members: members, vertexOf: vertexOf, model: model, prepared: prepared,
                    candidates: candidates, bound: bound, scratch: scratch)
                #expect(found.map(\.vertex) == everyone.prefix(candidates).map(\.vertex))
                #expect(found.map(\.score) == everyone.prefix(candidates).map(\.score))
            }
        }
    }

    @Test func aTopListKeepsTheHighestWithTiesToTheLowerVertex() {
        var rng = SplitMix64(seed: 9)
        let offers = (0..<500).map { _ in
            (vertex: Int.random(in: 0..<300, using: &rng), score: Int64.random(in: 0..<20, using: &rng))
        }
        for keeping in [0, 1, 7, 64, 600] {
            var top = TopScores(keeping: keeping)
            for offer in offers { top.offer(offer.vertex, offer.score) }
            let expected = offers.sorted(by: TopScores.precedes).prefix(keeping)
            #expect(top.sorted().map(\.vertex) == expected.map(\.vertex))
            #expect(top.sorted().map(\.score) == expected.map(\.score))
            #expect(top.least == (keeping > 0 && offers.count >= keeping ? expected.last?.score : nil))
        }
    }
}
