import Community
import Foundation

/// The affinity of every pair of members, and why.
///
/// A pair's score adds, in thousandths of a point (integers, so that the
/// matching engine's optimum is exact):
/// - **complementarity** — for each need of one met by the other's offer or
///   skill: the tag's rarity among offers, ln((N + 1)/(k + 1)) + 1 for k
///   members offering it, times the level (offered 1, expert 1, intermediate
///   0.8, beginner 0.5, skill without level 0.7); a narrower or broader tag
///   in the taxonomy earns `partial` of that;
/// - **shared interests** — each interest both have, by its rarity among interests;
/// - **roles** — the role matrix;
/// - **cross-pollination** — different organisations, different wings;
/// each times its weight; then the whole is lowered for pairs that met
/// recently (`novelty`) and moved by earlier ratings (`feedback`).
/// Hard constraints are separate (`Admissibility`).
public struct AffinityModel: Sendable {
    public let directory: Directory
    public let weights: AffinityWeights
    public let history: MeetingHistory

    /// For each member (by index in the directory): the keys they seek, what
    /// they offer with its level factor, their interests.
    let seeks: [[String]]
    let offers: [[String: Double]]
    let interests: [[String]]
    let offerRarity: [String: Double]
    let interestRarity: [String: Double]
    /// Members offering or skilled in each key, and those seeking it.
    let offerIndex: [String: [(member: Int32, factor: Double)]]
    let seekIndex: [String: [Int32]]
    let interestIndex: [String: [Int32]]
    /// Keys related to each key through the taxonomy (ancestors and descendants).
    let related: [String: [String]]

    public init(directory: Directory, weights: AffinityWeights, history: MeetingHistory = .none) {
        self.directory = directory
        self.weights = weights
        self.history = history
        let taxonomy = directory.taxonomy
        var seeks: [[String]] = [], offers: [[String: Double]] = [], interests: [[String]] = []
        for member in directory.members {
            seeks.append(Self.unique(member.seeking.map(taxonomy.key(for:))))
            var offered: [String: Double] = [:]
            for skill in member.skills {
                let factor: Double = switch skill.level {
                case .expert: 1.0
                case .intermediate: 0.8
                case .beginner: 0.5
                case nil: 0.7
                }
                offered[taxonomy.key(for: skill.name)] = max(offered[taxonomy.key(for: skill.name)] ?? 0, factor)
            }
            for tag in member.offering { offered[taxonomy.key(for: tag)] = 1.0 }
            offers.append(offered)
            interests.append(Self.unique(member.interests.map(taxonomy.key(for:))))
        }
        var offerIndex: [String: [(member: Int32, factor: Double)]] = [:]
        var seekIndex: [String: [Int32]] = [:]
        var interestIndex: [String: [Int32]] = [:]
        for index in directory.members.indices {
            for (key, factor) in offers[index].sorted(by: { $0.key < $1.key }) { offerIndex[key, default: []].append((Int32(index), factor)) }
            for key in seeks[index] { seekIndex[key, default: []].append(Int32(index)) }
            for key in interests[index] { interestIndex[key, default: []].append(Int32(index)) }
        }
        let n = Double(directory.members.count)
        offerRarity = offerIndex.mapValues { log((n + 1) / (Double($0.count) + 1)) + 1 }
        interestRarity = interestIndex.mapValues { log((n + 1) / (Double($0.count) + 1)) + 1 }
        var related: [String: [String]] = [:]
        for key in Set(offerIndex.keys).union(seekIndex.keys) {
            for ancestor in taxonomy.ancestors(of: key) {
                related[key, default: []].append(ancestor)
                related[ancestor, default: []].append(key)
            }
        }
        self.related = related.mapValues { Self.unique($0) }
        self.seeks = seeks
        self.offers = offers
        self.interests = interests
        self.offerIndex = offerIndex
        self.seekIndex = seekIndex
        self.interestIndex = interestIndex
    }

    static func unique(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    static func points(_ value: Double) -> Int64 { Int64((value * 1000).rounded()) }

    /// Rarity of a key among offers; a key nobody offers directly is as rare as can be.
    func rarity(_ key: String) -> Double {
        offerRarity[key] ?? (log(Double(directory.members.count) + 1) + 1)
    }

    // MARK: One pair

    /// The points one need earns when met with this factor (partial or not).
    func needPoints(_ key: String, factor: Double, isPartial: Bool) -> Int64 {
        Self.points(weights.complementarity * rarity(key) * factor * (isPartial ? weights.partial : 1))
    }

    /// How the seeker's need `key` is met by `offerer`: directly, through a related tag, or not.
    func meeting(_ key: String, by offerer: Int) -> (points: Int64, via: String?, factor: Double)? {
        if let factor = offers[offerer][key] { return (needPoints(key, factor: factor, isPartial: false), nil, factor) }
        var best: (points: Int64, via: String?, factor: Double)?
        for other in related[key] ?? [] {
            guard let factor = offers[offerer][other] else { continue }
            let points = needPoints(key, factor: factor, isPartial: true)
            if best == nil || points > best!.points { best = (points, other, factor) }
        }
        return best
    }

    /// The full breakdown of a pair's score.
    public func explain(_ a: Int, _ b: Int) -> Explanation {
        let memberA = directory.members[a], memberB = directory.members[b]
        var terms: [Explanation.Term] = []
        var reasons: [Explanation.Reason] = []
        var complementarity: Int64 = 0
        for (seeker, offerer) in [(a, b), (b, a)] {
            for key in seeks[seeker] {
                guard let met = meeting(key, by: offerer) else { continue }
                complementarity += met.points
                let seekerMember = directory.members[seeker], offererMember = directory.members[offerer]
                let tag = Self.shown(key, in: seekerMember.seeking, directory.taxonomy)
                let text = met.via.map { via in
                    "\(offererMember.name) offers \(Self.shown(via, in: Directory.tags(of: offererMember, .offering) + offererMember.skills.map(\.name), directory.taxonomy)), close to \(tag), which \(seekerMember.name) seeks"
                } ?? "\(offererMember.name) offers \(Self.shown(key, in: offererMember.offering + offererMember.skills.map(\.name), directory.taxonomy)), which \(seekerMember.name) seeks"
                reasons.append(Explanation.Reason(text: text, points: met.points))
            }
        }
        terms.append(Explanation.Term(name: "complementarity", points: complementarity))
        var shared: Int64 = 0
        let interestsB = Set(interests[b])
        for key in interests[a] where interestsB.contains(key) {
            let points = Self.points(weights.interests * (interestRarity[key] ?? 1))
            shared += points
            reasons.append(Explanation.Reason(text: "both are into \(Self.shown(key, in: memberA.interests, directory.taxonomy))", points: points))
        }
        terms.append(Explanation.Term(name: "interests", points: shared))
        let role = Self.points(weights.role * weights.roleAffinity(memberA.role, memberB.role))
        terms.append(Explanation.Term(name: "role", points: role))
        if role > 0 {
            let (low, high) = memberA.role <= memberB.role ? (memberA.role, memberB.role) : (memberB.role, memberA.role)
            reasons.append(Explanation.Reason(text: "\(Self.article(low)) \(low.rawValue) and \(Self.article(high)) \(high.rawValue)", points: role))
        }
        var cross: Int64 = 0
        if let orgA = memberA.organization, let orgB = memberB.organization, TextFolding.fold(orgA) != TextFolding.fold(orgB) {
            let points = Self.points(weights.organization)
            cross += points
            reasons.append(Explanation.Reason(text: "from different organisations (\(orgA), \(orgB))", points: points))
        }
        if let wingA = memberA.wing, let wingB = memberB.wing, wingA != wingB {
            let points = Self.points(weights.wing)
            cross += points
            reasons.append(Explanation.Reason(text: "from different wings (\(wingA) and \(wingB))", points: points))
        }
        terms.append(Explanation.Term(name: "cross-pollination", points: cross))
        let base = complementarity + shared + role + cross
        let (factor, adjustments) = adjustment(for: MemberPair(memberA.id, memberB.id))
        let total = Int64((Double(base) * factor).rounded())
        return Explanation(base: base, factor: factor, total: total, terms: terms,
                           reasons: reasons.sorted { $0.points > $1.points }, adjustments: adjustments)
    }

    /// The score of a pair, as `explain` computes it, without the words.
    public func score(_ a: Int, _ b: Int) -> Int64 {
        var base: Int64 = 0
        for key in seeks[a] { base += meeting(key, by: b)?.points ?? 0 }
        for key in seeks[b] { base += meeting(key, by: a)?.points ?? 0 }
        base += interestPoints(a, b) + fixedPoints(a, b)
        return adjusted(base, a, b)
    }

    func interestPoints(_ a: Int, _ b: Int) -> Int64 {
        guard !interests[a].isEmpty, !interests[b].isEmpty else { return 0 }
        var total: Int64 = 0
        for key in interests[a] where interests[b].contains(key) { total += Self.points(weights.interests * (interestRarity[key] ?? 1)) }
        return total
    }

    /// Role and cross-pollination: the terms that do not depend on tags.
    func fixedPoints(_ a: Int, _ b: Int) -> Int64 {
        let memberA = directory.members[a], memberB = directory.members[b]
        var total = Self.points(weights.role * weights.roleAffinity(memberA.role, memberB.role))
        if let orgA = memberA.organization, let orgB = memberB.organization, TextFolding.fold(orgA) != TextFolding.fold(orgB) {
            total += Self.points(weights.organization)
        }
        if let wingA = memberA.wing, let wingB = memberB.wing, wingA != wingB { total += Self.points(weights.wing) }
        return total
    }

    func adjusted(_ base: Int64, _ a: Int, _ b: Int) -> Int64 {
        guard !history.pairs.isEmpty else { return base }
        let factor = adjustment(for: MemberPair(directory.members[a].id, directory.members[b].id)).0
        return factor == 1 ? base : Int64((Double(base) * factor).rounded())
    }

    /// Every partner of `a` that shares a tag with it (a need met either
    /// way, or an interest), with the tag points: found through the inverted
    /// indexes, without looking at the other members.
    func tagPartners(of a: Int) -> [Int: Int64] {
        var points: [Int: Int64] = [:]
        func meet(_ key: String, seekerIsA: Bool) {
            // Direct offers first; a related tag only counts for those without.
            var direct = Set<Int>()
            if seekerIsA {
                for (b, factor) in offerIndex[key] ?? [] where Int(b) != a {
                    direct.insert(Int(b))
                    points[Int(b), default: 0] += needPoints(key, factor: factor, isPartial: false)
                }
                var best: [Int: Int64] = [:]
                for other in related[key] ?? [] {
                    for (b, factor) in offerIndex[other] ?? [] where Int(b) != a && !direct.contains(Int(b)) {
                        best[Int(b)] = max(best[Int(b)] ?? 0, needPoints(key, factor: factor, isPartial: true))
                    }
                }
                for (b, value) in best { points[b, default: 0] += value }
            }
        }
        for key in seeks[a] { meet(key, seekerIsA: true) }
        // Needs of others that a meets: from what a offers, directly or through a related tag.
        var metFor: [Int: [String: Int64]] = [:]
        for (offered, _) in offers[a] {
            for b in seekIndex[offered] ?? [] where Int(b) != a { metFor[Int(b), default: [:]][offered] = 0 }
            for other in related[offered] ?? [] {
                for b in seekIndex[other] ?? [] where Int(b) != a { metFor[Int(b), default: [:]][other] = 0 }
            }
        }
        for (b, keys) in metFor {
            for key in keys.keys { points[b, default: 0] += meeting(key, by: a)?.points ?? 0 }
        }
        for key in interests[a] {
            let value = Self.points(weights.interests * (interestRarity[key] ?? 1))
            for b in interestIndex[key] ?? [] where Int(b) != a { points[Int(b), default: 0] += value }
        }
        return points
    }

    /// Novelty and feedback, as one factor and its wording.
    func adjustment(for pair: MemberPair) -> (Double, [String]) {
        guard let entry = history.pairs[pair] else { return (1, []) }
        var factor = 1.0
        var notes: [String] = []
        let cut = min(1, weights.novelty * pow(0.5, Double(entry.roundsAgo - 1)))
        if cut > 0 {
            factor *= 1 - cut
            notes.append("met \(entry.roundsAgo == 1 ? "in the last round" : "\(entry.roundsAgo) rounds ago"): −\(Int((cut * 100).rounded())) %")
        }
        if let rating = entry.rating {
            let change = weights.feedback * (rating - 3) / 2
            factor *= max(0, 1 + change)
            notes.append("rated \(String(format: "%.1f", rating))/5 before: \(change >= 0 ? "+" : "−")\(Int((abs(change) * 100).rounded())) %")
        }
        return (max(0, factor), notes)
    }

    static func article(_ role: Role) -> String { role == .entrepreneur ? "an" : "a" }

    /// How a key is written in a member's own tags (or by the taxonomy).
    static func shown(_ key: String, in tags: [String], _ taxonomy: Taxonomy) -> String {
        tags.first { taxonomy.key(for: $0) == key } ?? taxonomy.displayNames[key] ?? key
    }
}

/// A pair's score, term by term, with the reasons in words.
public struct Explanation: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public let name: String
        public let points: Int64
    }

    public struct Reason: Sendable, Equatable {
        public let text: String
        public let points: Int64
    }

    /// Before novelty and feedback.
    public let base: Int64
    public let factor: Double
    public let total: Int64
    public let terms: [Term]
    /// Strongest first.
    public let reasons: [Reason]
    /// Novelty and feedback, in words.
    public let adjustments: [String]
}
