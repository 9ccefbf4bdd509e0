/// Why a filter finds nobody: the conditions that alone find nobody, each
/// with the nearest value the community has.
public struct FilterMiss: Sendable, Equatable {
    public enum Field: String, Sendable { case role, skill, interest, seeking, offering, wing, organization }

    public var field: Field
    public var value: String
    /// The nearest value in use (a tag as written, an organisation), if one is close.
    public var suggestion: String?
}

extension Directory {
    /// For a filter that finds nobody: each condition that alone finds
    /// nobody, with a suggestion; empty when every condition finds someone
    /// alone and only their combination finds nobody.
    public func misses(_ filter: MemberFilter) -> [FilterMiss] {
        var misses: [FilterMiss] = []
        func tags(_ kind: TagKind) -> [String] { tagCounts([kind]).map(\.tag) }
        func check(_ field: FilterMiss.Field, _ value: String?, _ single: MemberFilter, candidates: () -> [String]) {
            guard let value, members(matching: single).isEmpty else { return }
            misses.append(
                FilterMiss(
                    field: field, value: value,
                    suggestion: Suggestions.nearest(to: value, among: candidates(), reach: .likelyTypo)))
        }
        check(.role, filter.role?.rawValue, MemberFilter(role: filter.role)) { [] }
        check(.skill, filter.skill, MemberFilter(skill: filter.skill)) { tags(.skills) }
        check(.interest, filter.interest, MemberFilter(interest: filter.interest)) { tags(.interests) }
        check(.seeking, filter.seeking, MemberFilter(seeking: filter.seeking)) { tags(.seeking) }
        check(.offering, filter.offering, MemberFilter(offering: filter.offering)) { tags(.offering) + tags(.skills) }
        check(.wing, filter.wing.map(String.init), MemberFilter(wing: filter.wing)) { [] }
        check(.organization, filter.organization, MemberFilter(organization: filter.organization)) {
            Array(Set(members.compactMap(\.organization))).sorted()
        }
        return misses
    }
}
