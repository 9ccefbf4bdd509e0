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

    /// Each tag spelling of the members, folded to its key once.
    let tagKeys: TagKeys
    /// Tags as integers: `keys[id]` is the key, `keyID[key]` the id.
    let keys: [String]
    let keyID: [String: Int32]
    /// Per member (directory index): the keys sought, the keys offered with
    /// their level (an index into `levelFactors`), the interests, all sorted.
    let seeks: [[Int32]]
    let offers: [[(key: Int32, level: UInt8)]]
    let interests: [[Int32]]
    let organization: [Int32]
    let wing: [Int8]
    let role: [UInt8]
    /// Keys related to each key through the taxonomy (ancestors and descendants).
    let related: [[Int32]]
    /// Points, per key: a need met at each level directly (×4), then through a related tag (×4).
    let needPoints: [Int64]
    let interestPoints: [Int64]
    let rolePoints: [Int64]
    let organizationPoints: Int64
    let wingPoints: Int64
    /// Novelty and feedback factors by pair of indices (low << 32 | high).
    let historyFactor: [UInt64: Double]
    /// Members offering each key (with level), seeking it, interested in it.
    let offerIndex: [[(member: Int32, level: UInt8)]]
    let seekIndex: [[Int32]]
    let interestIndex: [[Int32]]
    /// Each member's tags as bits (`sharesScoringTag`), and whether they answer exactly.
    let tagMasks: [TagMask]
    let masksAreExact: Bool

    /// Offered 1, expert 1, intermediate 0.8, skill without level 0.7, beginner 0.5.
    static let levelFactors: [Double] = [1.0, 0.8, 0.7, 0.5]

    public init(directory: Directory, weights: AffinityWeights, history: MeetingHistory = .none) {
        self.directory = directory
        self.weights = weights
        self.history = history
        let taxonomy = directory.taxonomy
        var keys: [String] = []
        var keyID: [String: Int32] = [:]
        var tagKeys = TagKeys(taxonomy)
        func key(_ tag: String) -> String { tagKeys.key(for: tag) }
        // Organisation names are folded once each too, apart from tags (a name may be spelt like a tag).
        var foldedNames: [String: String] = [:]
        func intern(_ key: String) -> Int32 {
            if let id = keyID[key] { return id }
            keyID[key] = Int32(keys.count)
            keys.append(key)
            return Int32(keys.count - 1)
        }
        var seeks: [[Int32]] = []
        var offers: [[(key: Int32, level: UInt8)]] = []
        var interests: [[Int32]] = []
        var organizations: [String: Int32] = [:]
        var organization: [Int32] = []
        var wing: [Int8] = []
        var role: [UInt8] = []
        for member in directory.members {
            seeks.append(Array(Set(member.seeking.map { intern(key($0)) })).sorted())
            var offered: [Int32: UInt8] = [:]
            for skill in member.skills {
                let level = UInt8(Self.rank(skill.level))
                let id = intern(key(skill.name))
                offered[id] = min(offered[id] ?? level, level)
            }
            for tag in member.offering { offered[intern(key(tag))] = 0 }
            offers.append(offered.map { (key: $0.key, level: $0.value) }.sorted { $0.key < $1.key })
            interests.append(Array(Set(member.interests.map { intern(key($0)) })).sorted())
            if let name = member.organization {
                let foldedName = foldedNames[name] ?? TextFolding.fold(name)
                foldedNames[name] = foldedName
                if organizations[foldedName] == nil { organizations[foldedName] = Int32(organizations.count) }
                organization.append(organizations[foldedName]!)
            } else {
                organization.append(-1)
            }
            wing.append(Int8(member.wing ?? -1))
            role.append(UInt8(Role.allCases.firstIndex(of: member.role)!))
        }
        var related = [[Int32]](repeating: [], count: keys.count)
        for id in keys.indices {
            for ancestor in taxonomy.ancestors(of: keys[id]) {
                let other = intern(ancestor)
                if related.count < keys.count { related += [[Int32]](repeating: [], count: keys.count - related.count) }
                related[id].append(other)
                related[Int(other)].append(Int32(id))
            }
        }
        related = related.map { Array(Set($0)).sorted() }
        var offerIndex = [[(member: Int32, level: UInt8)]](repeating: [], count: keys.count)
        var seekIndex = [[Int32]](repeating: [], count: keys.count)
        var interestIndex = [[Int32]](repeating: [], count: keys.count)
        for index in directory.members.indices {
            for offer in offers[index] { offerIndex[Int(offer.key)].append((Int32(index), offer.level)) }
            for key in seeks[index] { seekIndex[Int(key)].append(Int32(index)) }
            for key in interests[index] { interestIndex[Int(key)].append(Int32(index)) }
        }
        let n = Double(directory.members.count)
        var needPoints = [Int64](repeating: 0, count: keys.count * 8)
        var interestPoints = [Int64](repeating: 0, count: keys.count)
        for id in keys.indices {
            // Rarity among offers: a key nobody offers directly is as rare as can be.
            let rarity = log((n + 1) / (Double(offerIndex[id].count) + 1)) + 1
            for (level, factor) in Self.levelFactors.enumerated() {
                needPoints[id * 8 + level] = Self.points(weights.complementarity * rarity * factor)
                needPoints[id * 8 + 4 + level] = Self.points(
                    weights.complementarity * rarity * factor * weights.partial)
            }
            interestPoints[id] = Self.points(
                weights.interests * (log((n + 1) / (Double(interestIndex[id].count) + 1)) + 1))
        }
        var rolePoints = [Int64](repeating: 0, count: 9)
        for (i, a) in Role.allCases.enumerated() {
            for (j, b) in Role.allCases.enumerated() {
                rolePoints[i * 3 + j] = Self.points(weights.role * weights.roleAffinity(a, b))
            }
        }
        var historyFactor: [UInt64: Double] = [:]
        for (pair, _) in history.pairs {
            guard let a = directory.index(of: pair.first), let b = directory.index(of: pair.second) else { continue }
            historyFactor[Self.pairKey(a, b)] = Self.adjustment(for: history.pairs[pair], weights: weights).0
        }
        self.tagKeys = tagKeys
        self.keys = keys
        self.keyID = keyID
        self.seeks = seeks
        self.offers = offers
        self.interests = interests
        self.organization = organization
        self.wing = wing
        self.role = role
        self.related = related
        self.needPoints = needPoints
        self.interestPoints = interestPoints
        self.rolePoints = rolePoints
        organizationPoints = Self.points(weights.organization)
        wingPoints = Self.points(weights.wing)
        self.historyFactor = historyFactor
        self.offerIndex = offerIndex
        self.seekIndex = seekIndex
        self.interestIndex = interestIndex
        (tagMasks, masksAreExact) = Self.tagMasks(
            keyCount: keys.count, seeks: seeks, offers: offers, interests: interests, related: related,
            needPoints: needPoints,
            interestPoints: interestPoints)
    }

    static func points(_ value: Double) -> Int64 { Int64((value * 1000).rounded()) }

    static func pairKey(_ a: Int, _ b: Int) -> UInt64 { PairKeys.key(a, b) }

    // MARK: One pair

    /// The level at which `offerer` offers `key`, if they do.
    @inline(__always)
    func level(_ key: Int32, offeredBy offerer: Int) -> UInt8? {
        // Offers are sorted by key: a scan for the usual short lists, a binary search for long ones.
        let list = offers[offerer]
        if list.count <= 16 {
            for offer in list {
                if offer.key == key { return offer.level }
                if offer.key > key { return nil }
            }
            return nil
        }
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low].key == key ? list[low].level : nil
    }

    /// How the seeker's need `key` is met by `offerer`: directly, through a related tag, or not.
    func meeting(_ key: Int32, by offerer: Int) -> (points: Int64, via: Int32?)? {
        if let level = level(key, offeredBy: offerer) { return (needPoints[Int(key) * 8 + Int(level)], nil) }
        var best: (points: Int64, via: Int32?)?
        for other in related[Int(key)] {
            guard let level = level(other, offeredBy: offerer) else { continue }
            let points = needPoints[Int(key) * 8 + 4 + Int(level)]
            if best == nil || points > best!.points { best = (points, other) }
        }
        return best
    }

    /// Whether `offerer` offers `key` or has it as a skill, and at which
    /// level: the one its score counts (an offer counts as an expert's skill).
    func means(_ key: Int32, of offerer: Int) -> PairReason.Means {
        let member = directory.members[offerer]
        let wanted = keys[Int(key)]
        if member.offering.contains(where: { self.key(for: $0) == wanted }) { return .offer }
        let best = member.skills.filter { self.key(for: $0.name) == wanted }.map(\.level).min {
            Self.rank($0) < Self.rank($1)
        }
        return .skill(best ?? nil)
    }

    /// A skill level as `offers` orders them: expert, intermediate, none given, beginner.
    static func rank(_ level: SkillLevel?) -> Int {
        switch level {
        case .expert: 0
        case .intermediate: 1
        case nil: 2
        case .beginner: 3
        }
    }

    /// The full breakdown of a pair's score, with the facts behind each term.
    public func explain(_ a: Int, _ b: Int) -> Explanation {
        let memberA = directory.members[a]
        let memberB = directory.members[b]
        let taxonomy = directory.taxonomy
        var terms: [Explanation.Term] = []
        var reasons: [Explanation.Reason] = []
        var complementarity: Int64 = 0
        for (seeker, offerer) in [(a, b), (b, a)] {
            let seekerMember = directory.members[seeker]
            let offererMember = directory.members[offerer]
            let offered = spellings(offererMember.offering + offererMember.skills.map(\.name))
            let seeking = spellings(seekerMember.seeking)
            for key in seeks[seeker] {
                guard let met = meeting(key, by: offerer) else { continue }
                complementarity += met.points
                let sought = Self.shown(keys[Int(key)], in: seeking, taxonomy)
                let held = met.via ?? key
                let fact = PairReason.needMet(
                    seeker: seekerMember.id, offerer: offererMember.id,
                    tag: Self.shown(keys[Int(held)], in: offered, taxonomy), sought: met.via == nil ? nil : sought,
                    means: means(held, of: offerer))
                reasons.append(Explanation.Reason(fact: fact, points: met.points))
            }
        }
        terms.append(Explanation.Term(name: "complementarity", points: complementarity))
        var shared: Int64 = 0
        let interestsOfB = Set(interests[b])
        let interestsOfA = spellings(memberA.interests)
        for key in interests[a] where interestsOfB.contains(key) {
            shared += interestPoints[Int(key)]
            reasons.append(
                Explanation.Reason(
                    fact: .sharedInterest(Self.shown(keys[Int(key)], in: interestsOfA, taxonomy)),
                    points: interestPoints[Int(key)]))
        }
        terms.append(Explanation.Term(name: "interests", points: shared))
        let rolePoints = self.rolePoints[Int(role[a]) * 3 + Int(role[b])]
        terms.append(Explanation.Term(name: "role", points: rolePoints))
        if rolePoints > 0 {
            let (low, high) = memberA.role <= memberB.role ? (memberA.role, memberB.role) : (memberB.role, memberA.role)
            reasons.append(Explanation.Reason(fact: .roles(low, high), points: rolePoints))
        }
        var cross: Int64 = 0
        if organization[a] >= 0 && organization[b] >= 0 && organization[a] != organization[b] {
            cross += organizationPoints
            reasons.append(
                Explanation.Reason(
                    fact: .differentOrganizations(memberA.organization!, memberB.organization!),
                    points: organizationPoints))
        }
        if wing[a] >= 0 && wing[b] >= 0 && wing[a] != wing[b] {
            cross += wingPoints
            reasons.append(Explanation.Reason(fact: .differentWings(Int(wing[a]), Int(wing[b])), points: wingPoints))
        }
        terms.append(Explanation.Term(name: "cross-pollination", points: cross))
        let base = complementarity + shared + rolePoints + cross
        let (factor, adjustments) = Self.adjustment(
            for: history.pairs[MemberPair(memberA.id, memberB.id)], weights: weights)
        let total = factor == 1 ? base : Int64((Double(base) * factor).rounded())
        return Explanation(
            base: base, factor: factor, total: total, terms: terms,
            reasons: reasons.sorted { $0.points > $1.points }, adjustments: adjustments)
    }

    /// The score of a pair, as `explain` computes it, without the words.
    public func score(_ a: Int, _ b: Int) -> Int64 { adjusted(tagPoints(a, b) + fixedPoints(a, b), a, b) }

    /// Needs met either way and shared interests: the terms that come from tags.
    func tagPoints(_ a: Int, _ b: Int) -> Int64 {
        var total: Int64 = 0
        for key in seeks[a] { total += meeting(key, by: b)?.points ?? 0 }
        for key in seeks[b] { total += meeting(key, by: a)?.points ?? 0 }
        return total + interestPoints(a, b)
    }

    func interestPoints(_ a: Int, _ b: Int) -> Int64 {
        let first = interests[a]
        let second = interests[b]
        var i = 0
        var j = 0
        var total: Int64 = 0
        while i < first.count && j < second.count {
            if first[i] == second[j] {
                total += interestPoints[Int(first[i])]
                i += 1
                j += 1
            } else if first[i] < second[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return total
    }

    /// Role and cross-pollination: the terms that do not depend on tags.
    @inline(__always)
    func fixedPoints(_ a: Int, _ b: Int) -> Int64 {
        var total = rolePoints[Int(role[a]) * 3 + Int(role[b])]
        if organization[a] >= 0 && organization[b] >= 0 && organization[a] != organization[b] {
            total += organizationPoints
        }
        if wing[a] >= 0 && wing[b] >= 0 && wing[a] != wing[b] { total += wingPoints }
        return total
    }

    @inline(__always)
    func adjusted(_ base: Int64, _ a: Int, _ b: Int) -> Int64 {
        guard !historyFactor.isEmpty, let factor = historyFactor[Self.pairKey(a, b)], factor != 1 else { return base }
        return Int64((Double(base) * factor).rounded())
    }

    /// Novelty and feedback, as one factor and the facts behind it.
    static func adjustment(for entry: MeetingHistory.Entry?, weights: AffinityWeights) -> (Double, [Adjustment]) {
        guard let entry else { return (1, []) }
        var factor = 1.0
        var facts: [Adjustment] = []
        let cut = min(1, weights.novelty * pow(0.5, Double(entry.roundsAgo - 1)))
        // Halved each round, the cut is forgotten once under half a percent (some eight rounds
        // on): a pair is not marked down by a meeting whose cut would be said as "−0 %".
        if cut >= 0.005 {
            factor *= 1 - cut
            facts.append(.met(roundsAgo: entry.roundsAgo, percent: Int((cut * 100).rounded())))
        }
        if let rating = entry.rating {
            let change = weights.feedback * (rating - 3) / 2
            factor *= max(0, 1 + change)
            facts.append(.rated(average: rating, percent: Int((change * 100).rounded())))
        }
        return (max(0, factor), facts)
    }

    /// The key of a tag as a member spells it (folded once per spelling).
    func key(for tag: String) -> String { tagKeys.knownKey(for: tag) }

    /// A member's own spelling of each key among `tags` (the first, when two spell one key).
    func spellings(_ tags: [String]) -> [String: String] {
        var spelling: [String: String] = [:]
        for tag in tags {
            let key = key(for: tag)
            if spelling[key] == nil { spelling[key] = tag }
        }
        return spelling
    }

    /// How a key is written in a member's own tags (or by the taxonomy).
    static func shown(_ key: String, in spellings: [String: String], _ taxonomy: Taxonomy) -> String {
        spellings[key] ?? taxonomy.displayNames[key] ?? key
    }
}

/// A pair's score, term by term, with the facts behind it.
public struct Explanation: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public let name: String
        public let points: Int64
    }

    public struct Reason: Sendable, Equatable {
        public let fact: PairReason
        public let points: Int64
    }

    /// Before novelty and feedback.
    public let base: Int64
    public let factor: Double
    public let total: Int64
    public let terms: [Term]
    /// Strongest first.
    public let reasons: [Reason]
    /// Novelty and feedback.
    public let adjustments: [Adjustment]
}
