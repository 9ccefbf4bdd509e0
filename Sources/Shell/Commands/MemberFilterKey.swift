import Community

/// The conditions on members, one list for every place that takes them:
/// `members --role student --wing 3` and `match --among role=student,wing=3`.
enum FilterKey: String, CaseIterable, Sendable {
    case role, skill, interest, seeking, offering, wing, org

    var option: OptionSpec {
        switch self {
        case .role:
            return OptionSpec(
                "role", value: "ROLE",
                summary: "student, startup or entrepreneur (French words too: "
                    + Role.frenchSpellings.joined(separator: ", ") + ")",
                completion: .choices(Role.allCases.map(\.rawValue) + Role.frenchSpellings))
        case .skill:
            return OptionSpec(
                "skill", value: "TAG", summary: "Has this skill", completion: MemberCompletion.tags(.skills))
        case .interest:
            return OptionSpec(
                "interest", value: "TAG", summary: "Has this interest", completion: MemberCompletion.tags(.interests))
        case .seeking:
            return OptionSpec(
                "seeking", value: "TAG", summary: "Seeks this", completion: MemberCompletion.tags(.seeking))
        case .offering:
            return OptionSpec(
                "offering", value: "TAG", summary: "Offers this", completion: MemberCompletion.tags(.offering))
        case .wing:
            return OptionSpec(
                "wing", value: "N", summary: "Is in this wing", kind: .integer(1...9),
                completion: .choices((1...9).map(String.init)))
        case .org:
            return OptionSpec(
                "org", value: "TEXT", summary: "Organisation's name contains TEXT",
                completion: MemberCompletion.organizations)
        }
    }

    /// Sets this condition of `filter` from a value as typed.
    func apply(_ value: String, to filter: inout MemberFilter) throws(ShellError) {
        switch self {
        case .role: filter.role = try ProfileCommands.roleWord(value)
        case .skill: filter.skill = value
        case .interest: filter.interest = value
        case .seeking: filter.seeking = value
        case .offering: filter.offering = value
        case .wing: filter.wing = try Arguments.integer(value, named: "wing", in: 1...9)
        case .org: filter.organization = value
        }
    }

    static var names: [String] { allCases.map(\.rawValue) }

    /// The filter the given options describe.
    static func filter(from arguments: Arguments) throws(ShellError) -> MemberFilter {
        var filter = MemberFilter()
        for key in allCases {
            if let value = arguments.text(of: key.rawValue) { try key.apply(value, to: &filter) }
        }
        return filter
    }
}

/// Options several commands share.
enum CommonOptions {
    /// The commands that list take `--limit N`: the first N rows, then how many more there are.
    static func limit(default fallback: Int? = nil, aliases: [String] = []) -> OptionSpec {
        var spec = OptionSpec(
            "limit", value: "N", summary: "Show the first N rows; 0 shows them all", kind: .integer(0...1_000_000_000),
            default: fallback.map(String.init))
        spec.aliases = aliases
        return spec
    }

    /// The limit given, or the default; nil for no limit.
    static func limit(_ arguments: Arguments, default fallback: Int? = nil) -> Int? {
        let value = arguments.text(of: "limit").flatMap(Int.init) ?? fallback
        return value == 0 ? nil : value
    }
}

/// A list cut to its first rows, with how many were left out.
struct Limited<Item> {
    private(set) var shown: [Item]
    let omitted: Int

    init(_ items: [Item], limit: Int?) {
        let kept = limit.map { min($0, items.count) } ?? items.count
        shown = Array(items.prefix(kept))
        omitted = items.count - kept
    }

    /// The last `limit` items (the newest of a list in time order), and how many came before.
    init(last limit: Int?, of items: [Item]) {
        self.init(items.reversed(), limit: limit)
        shown.reverse()
    }
}
