import Foundation

/// The loaded community: members by id, and the questions people ask of it.
public struct Directory: Sendable {
    /// Sorted by id.
    public let members: [Member]
    public let taxonomy: Taxonomy
    public let settings: CommunitySettings
    /// The file each member was read from, by id (a name inside the profiles folder).
    public let files: [String: String]
    private let positions: [String: Int]
    /// Names two members or more share, as written.
    private let sharedNames: Set<String>

    public init(
        members: [Member], taxonomy: Taxonomy = .empty, settings: CommunitySettings = CommunitySettings(),
        files: [String: String] = [:]
    ) {
        self.members = members.sorted { $0.id < $1.id }
        self.taxonomy = taxonomy
        self.settings = settings
        self.files = files
        positions = Dictionary(self.members.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        var shared = Set<String>()
        for member in self.members where !seen.insert(member.name).inserted { shared.insert(member.name) }
        sharedNames = shared
    }

    /// Whether `other` holds the same members, taxonomy and settings: a
    /// draft computed on one is a draft of the other.
    public func hasSameCommunity(as other: Directory) -> Bool {
        members == other.members && taxonomy == other.taxonomy && settings == other.settings
    }

    /// A member's name as people read it, with the id when another member has
    /// the same name (`Emily Carter (emily-carter-2)`); the id itself for
    /// someone no longer in the community.
    public func displayName(_ id: String) -> String {
        guard let member = self[id] else { return id }
        return sharedNames.contains(member.name) ? "\(member.name) (\(id))" : member.name
    }

    public subscript(id: String) -> Member? { positions[id].map { members[$0] } }

    public func index(of id: String) -> Int? { positions[id] }

    public var isEmpty: Bool { members.isEmpty }

    // MARK: Finding one member

    public enum Lookup: Sendable, Equatable {
        case found(Member)
        case ambiguous([Member])
        case notFound(suggestion: String?)
    }

    /// A member by id or name: the exact id or name first (ignoring case and
    /// accents), then a beginning of the id, of the name, or of a word of the name.
    public func lookup(_ text: String) -> Lookup {
        let key = TextFolding.fold(text).trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return .notFound(suggestion: nil) }
        if let member = self[text] ?? self[key] { return .found(member) }
        let byName = members.filter { TextFolding.fold($0.name) == key }
        if byName.count == 1 { return .found(byName[0]) }
        if byName.count > 1 { return .ambiguous(byName) }
        let candidates = members.filter { member in
            let name = TextFolding.fold(member.name)
            return member.id.hasPrefix(key) || name.hasPrefix(key)
                || name.split(separator: " ").contains { $0.hasPrefix(key) }
        }
        switch candidates.count {
        case 1: return .found(candidates[0])
        case 0:
            let suggestion = Suggestions.nearest(
                to: text, among: members.map(\.name) + members.map(\.id), reach: .likelyTypo)
            return .notFound(suggestion: suggestion)
        default: return .ambiguous(candidates)
        }
    }

    // MARK: Tags

    /// The tags of one kind on a member, as written.
    public static func tags(of member: Member, _ kind: TagKind) -> [String] {
        switch kind {
        case .skills: return member.skills.map(\.name)
        case .interests: return member.interests
        case .seeking: return member.seeking
        case .offering: return member.offering
        }
    }

    /// Whether a member has a tag of this kind with this key, or one below it in the taxonomy.
    public func has(_ member: Member, _ kind: TagKind, matching key: String) -> Bool {
        Self.tags(of: member, kind).contains { tag in
            let own = taxonomy.key(for: tag)
            return own == key || taxonomy.ancestors(of: own).contains(key)
        }
    }

    // MARK: Filtering

    public func members(matching filter: MemberFilter) -> [Member] {
        let skill = filter.skill.map(taxonomy.key(for:))
        let interest = filter.interest.map(taxonomy.key(for:))
        let seeking = filter.seeking.map(taxonomy.key(for:))
        let offering = filter.offering.map(taxonomy.key(for:))
        let organization = filter.organization.map(TextFolding.fold)
        return members.filter { member in
            if let role = filter.role, member.role != role { return false }
            if let wing = filter.wing, member.wing != wing { return false }
            if let skill, !has(member, .skills, matching: skill) { return false }
            if let interest, !has(member, .interests, matching: interest) { return false }
            if let seeking, !has(member, .seeking, matching: seeking) { return false }
            if let offering, !has(member, .offering, matching: offering) { return false }
            if let organization, !TextFolding.fold(member.organization ?? "").contains(organization) { return false }
            return true
        }
    }

    /// Every distinct tag in use, as the taxonomy names it or as most often
    /// written, with its other spellings: for completion and suggestions.
    public var allTags: [(tag: String, spellings: [String])] {
        var spellings: [String: [String: Int]] = [:]
        for member in members {
            for kind in TagKind.allCases {
                for tag in Self.tags(of: member, kind) {
                    spellings[taxonomy.key(for: tag), default: [:]][tag, default: 0] += 1
                }
            }
        }
        return spellings.map { key, counts in
            let shown = taxonomy.displayNames[key] ?? counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            return (shown, counts.keys.filter { $0 != shown }.sorted())
        }.sorted { TextFolding.fold($0.tag) < TextFolding.fold($1.tag) }
    }
}

public enum TagKind: String, CaseIterable, Sendable {
    case skills, interests, seeking, offering
}

/// What `members` narrows the list to; every condition given must hold.
public struct MemberFilter: Sendable, Equatable {
    public var role: Role?
    public var skill: String?
    public var interest: String?
    public var seeking: String?
    public var offering: String?
    public var wing: Int?
    /// Part of the organisation's name.
    public var organization: String?

    public init(
        role: Role? = nil, skill: String? = nil, interest: String? = nil, seeking: String? = nil,
        offering: String? = nil, wing: Int? = nil, organization: String? = nil
    ) {
        self.role = role
        self.skill = skill
        self.interest = interest
        self.seeking = seeking
        self.offering = offering
        self.wing = wing
        self.organization = organization
    }
}
