/// A tag and how many members have it.
public struct TagCount: Sendable, Equatable {
    public let tag: String
    public let key: String
    public let count: Int
}

/// Something members seek that nobody offers (nor has as a skill).
public struct UnmetNeed: Sendable, Equatable {
    public let tag: String
    public let seekers: [Member]
}

/// The community in numbers.
public struct CommunityStatistics: Sendable, Equatable {
    public let memberCount: Int
    public let byRole: [(Role, Int)]
    public let byWing: [(Int?, Int)]
    public let byOrganization: [(String, Int)]
    /// Needs (a member seeking a tag) that someone else offers or masters.
    public let needs: Int
    public let metNeeds: Int

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.memberCount == rhs.memberCount && lhs.needs == rhs.needs && lhs.metNeeds == rhs.metNeeds
            && lhs.byRole.map { "\($0.0)\($0.1)" } == rhs.byRole.map { "\($0.0)\($0.1)" }
            && lhs.byWing.map { "\(String(describing: $0.0))\($0.1)" }
                == rhs.byWing.map { "\(String(describing: $0.0))\($0.1)" }
            && lhs.byOrganization.map { "\($0.0)\($0.1)" } == rhs.byOrganization.map { "\($0.0)\($0.1)" }
    }
}

extension Directory {
    /// Every tag of the given kinds (all when nil) with how many members have
    /// it, most common first; a tag is counted once per member.
    public func tagCounts(_ kinds: [TagKind] = TagKind.allCases) -> [TagCount] {
        var counts: [String: Int] = [:]
        var spellings: [String: [String: Int]] = [:]
        var keys = TagKeys(taxonomy)
        for member in members {
            var seen = Set<String>()
            for kind in kinds {
                for tag in Self.tags(of: member, kind) {
                    let key = keys.key(for: tag)
                    spellings[key, default: [:]][tag, default: 0] += 1
                    if seen.insert(key).inserted { counts[key, default: 0] += 1 }
                }
            }
        }
        return counts.map { key, count in
            let shown =
                taxonomy.displayNames[key] ?? spellings[key]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            return TagCount(tag: shown, key: key, count: count)
        }.sorted { ($0.count, TextFolding.fold($1.tag)) > ($1.count, TextFolding.fold($0.tag)) }
    }

    /// Whether someone other than `seeker` offers the tag, or has it as a skill
    /// (a more specific tag under it in the taxonomy counts).
    public func isOffered(_ key: String, toOtherThan seeker: String) -> Bool {
        OfferIndex(self).isOffered(key, toOtherThan: seeker)
    }

    /// Who offers each key (directly or through a narrower tag): built once, asked often.
    struct OfferIndex {
        let offerers: [String: Set<String>]

        init(_ directory: Directory) {
            var offerers: [String: Set<String>] = [:]
            var keys = TagKeys(directory.taxonomy)
            for member in directory.members {
                for tag in member.offering + member.skills.map(\.name) {
                    let key = keys.key(for: tag)
                    for covered in [key] + directory.taxonomy.ancestors(of: key) {
                        offerers[covered, default: []].insert(member.id)
                    }
                }
            }
            self.offerers = offerers
        }

        func isOffered(_ key: String, toOtherThan seeker: String) -> Bool {
            guard let who = offerers[key] else { return false }
            return who.count > 1 || (who.count == 1 && !who.contains(seeker))
        }
    }

    /// What members seek that nobody else offers or masters, most wanted first.
    public func unmetNeeds() -> [UnmetNeed] {
        var seekers: [String: [Member]] = [:]
        var shown: [String: String] = [:]
        var keys = TagKeys(taxonomy)
        for member in members {
            for tag in member.seeking {
                let key = keys.key(for: tag)
                shown[key] = shown[key] ?? (taxonomy.displayNames[key] ?? tag)
                if !seekers[key, default: []].contains(where: { $0.id == member.id }) {
                    seekers[key, default: []].append(member)
                }
            }
        }
        let index = OfferIndex(self)
        return seekers.compactMap { key, members in
            let unmet = members.filter { !index.isOffered(key, toOtherThan: $0.id) }
            return unmet.isEmpty ? nil : UnmetNeed(tag: shown[key]!, seekers: unmet)
        }.sorted { ($0.seekers.count, TextFolding.fold($1.tag)) > ($1.seekers.count, TextFolding.fold($0.tag)) }
    }

    public func statistics() -> CommunityStatistics {
        var roles: [Role: Int] = [:]
        var wings: [Int?: Int] = [:]
        var organizations: [String: Int] = [:]
        var needs = 0
        var met = 0
        let index = OfferIndex(self)
        var keys = TagKeys(taxonomy)
        for member in members {
            roles[member.role, default: 0] += 1
            wings[member.wing, default: 0] += 1
            organizations[member.organization ?? "—", default: 0] += 1
            for tag in member.seeking {
                needs += 1
                if index.isOffered(keys.key(for: tag), toOtherThan: member.id) { met += 1 }
            }
        }
        return CommunityStatistics(
            memberCount: members.count,
            byRole: Role.allCases.map { ($0, roles[$0] ?? 0) },
            byWing: wings.sorted { ($0.key ?? 99) < ($1.key ?? 99) },
            byOrganization: organizations.sorted {
                ($0.value, TextFolding.fold($1.key)) > ($1.value, TextFolding.fold($0.key))
            },
            needs: needs, metNeeds: met)
    }
}
