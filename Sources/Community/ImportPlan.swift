/// What importing a spreadsheet does to a community, decided before anything
/// is written: each row is matched to the member it is, then created,
/// updated in place or left unchanged, so that importing the same file twice
/// changes nothing the second time.
///
/// A row is an existing member when its `id` column names one, else when
/// its contact matches theirs (ignoring case), else when its name and
/// organisation match theirs (ignoring case, accents and spacing), else, for
/// a row that gives neither organisation nor contact, when one member alone
/// has its name. Rows are taken in order, so a person listed twice in the
/// file is created once.
/// A row with the name of a member but another organisation (and no shared
/// contact) is someone else: a homonym, created under a new id and listed.
/// A row without a role updates the member it is (the role kept); one that
/// is nobody yet is left out with an error, as a new member needs a role.
public struct ImportPlan: Sendable {
    public enum Action: Sendable, Equatable {
        case create
        /// The fields that change, in profile order.
        case update(changed: [String])
        case unchanged
    }

    public struct Entry: Sendable, Equatable {
        public var line: Int
        /// The member as it will be: the existing one with the row's values over it, or the new one.
        public var member: Member
        public var action: Action
    }

    /// A new member who shares a name with an existing one.
    public struct Homonym: Sendable, Equatable {
        public var newID: String
        public var existingID: String
        public var name: String
    }

    public var entries: [Entry]
    public var homonyms: [Homonym]
    public var diagnostics: [Diagnostic]

    public var created: [Entry] { entries.filter { $0.action == .create } }
    public var updated: [Entry] { entries.filter { if case .update = $0.action { return true } else { return false } } }
    public var unchangedCount: Int { entries.filter { $0.action == .unchanged }.count }

    /// The fields a profile has, in the order its file lists them.
    public static let memberFields = [
        "name", "role", "organization", "wing", "languages", "skills", "interests", "seeking",
        "offering", "availability", "capacity", "contact", "bio",
    ]

    /// - Parameters:
    ///   - read: the spreadsheet, as `SpreadsheetImport.read` found it
    ///     (ids as written or derived from names, not yet made unique).
    ///   - existing: the community the rows go into.
    ///   - clearsEmpty: an empty cell empties the field (otherwise it keeps the member's value).
    public init(_ read: SpreadsheetImport.Result, existing: Directory, path: String, clearsEmpty: Bool = false) {
        var members = existing.members
        var byID: [String: Int] = [:]
        var byContact: [String: [Int]] = [:]
        var byNameAndOrganization: [String: [Int]] = [:]
        var byName: [String: [Int]] = [:]
        func index(_ position: Int) {
            let member = members[position]
            byID[member.id] = position
            if let contact = Self.contactKey(member.contact) { byContact[contact, default: []].append(position) }
            byNameAndOrganization[Self.personKey(member), default: []].append(position)
            byName[TextFolding.fold(member.name), default: []].append(position)
        }
        for position in members.indices { index(position) }
        var taken = Set(members.map(\.id))
        var entries: [Entry] = []
        var homonyms: [Homonym] = []
        var diagnostics: [Diagnostic] = []
        let present = read.fields
        for (row, imported) in zip(read.rows, read.members) {
            var matches: [Int] = []
            if row.filled.contains("id"), let position = byID[imported.id] { matches = [position] }
            if matches.isEmpty, let contact = Self.contactKey(imported.contact) { matches = byContact[contact] ?? [] }
            if matches.isEmpty { matches = byNameAndOrganization[Self.personKey(imported)] ?? [] }
            // A row that says neither organisation nor contact is the one member of that name, if there is one.
            if matches.isEmpty, imported.organization == nil, Self.contactKey(imported.contact) == nil,
                let namesakes = byName[TextFolding.fold(imported.name)], namesakes.count == 1
            {
                matches = namesakes
            }
            if matches.count > 1 {
                let ids = matches.map { members[$0].id }
                let problem = Diagnostic.Problem.rowMatchesSeveral(name: imported.name, ids: ids)
                diagnostics.append(
                    row.places["name"]?.diagnostic(problem, path: path, member: imported.name)
                        ?? Diagnostic(path: path, line: row.line, column: 1, problem))
                continue
            }
            if let position = matches.first {
                let before = members[position]
                let after = Self.merge(
                    imported, into: before, present: present.subtracting(row.rejected), filled: row.filled,
                    clearsEmpty: clearsEmpty)
                let changed = Self.changedFields(before, after)
                entries.append(
                    Entry(
                        line: row.line, member: after, action: changed.isEmpty ? .unchanged : .update(changed: changed))
                )
                members[position] = after
                continue
            }
            guard !row.lacksRole else {
                let problem = Diagnostic.Problem.rowWithoutRole(name: imported.name)
                diagnostics.append(
                    (row.places["role"] ?? row.places["name"])?.diagnostic(problem, path: path, member: imported.name)
                        ?? Diagnostic(path: path, line: row.line, column: 1, problem))
                continue
            }
            var member = imported
            let base = row.filled.contains("id") ? member.id : MemberID.from(name: member.name)
            member.id = MemberID.unique(base, avoiding: taken)
            taken.insert(member.id)
            if let namesake = byName[TextFolding.fold(member.name)]?.first {
                homonyms.append(Homonym(newID: member.id, existingID: members[namesake].id, name: member.name))
            }
            members.append(member)
            index(members.count - 1)
            entries.append(Entry(line: row.line, member: member, action: .create))
        }
        self.entries = entries
        self.homonyms = homonyms
        self.diagnostics = diagnostics
    }

    static func contactKey(_ contact: String?) -> String? {
        guard let contact = contact?.trimmingCharacters(in: .whitespaces).lowercased(), !contact.isEmpty else {
            return nil
        }
        return contact
    }

    static func personKey(_ member: Member) -> String {
        TextFolding.fold(member.name) + "\u{1}" + TextFolding.fold(member.organization ?? "")
    }

    /// The existing member with the row's values over it: for each field the
    /// file has a column for (`present`, less the row's cells left out as
    /// wrong), the row's value when its cell is filled (or always, when
    /// empty cells clear fields).
    static func merge(_ row: Member, into member: Member, present: Set<String>, filled: Set<String>, clearsEmpty: Bool)
        -> Member
    {
        var merged = member
        func takes(_ field: String) -> Bool { present.contains(field) && (filled.contains(field) || clearsEmpty) }
        func sameText(_ a: String?, _ b: String?) -> Bool { TextFolding.fold(a ?? "") == TextFolding.fold(b ?? "") }
        // The same name or organisation in other capitals or without accents is kept as the profile writes it.
        if takes("name") && !sameText(row.name, member.name) { merged.name = row.name }
        // A role is never emptied: a row without one keeps the member's.
        if takes("role") && filled.contains("role") { merged.role = row.role }
        if takes("organization") && !(sameText(row.organization, member.organization) && row.organization != nil) {
            merged.organization = row.organization
        }
        if takes("wing") { merged.wing = row.wing }
        if takes("languages") { merged.languages = row.languages }
        if takes("skills") {
            // A skill the row names without a level keeps the level the profile gives it.
            merged.skills = row.skills.map { skill in
                guard skill.level == nil, let known = member.skills.first(where: { sameText($0.name, skill.name) })
                else { return skill }
                return Skill(known.name, level: known.level)
            }
        }
        if takes("interests") { merged.interests = row.interests }
        if takes("seeking") { merged.seeking = row.seeking }
        if takes("offering") { merged.offering = row.offering }
        if takes("availability") { merged.availability = row.availability }
        if takes("capacity") { merged.capacity = row.capacity }
        // The same address in other capitals is the same contact.
        if takes("contact") && contactKey(row.contact) != contactKey(member.contact) { merged.contact = row.contact }
        if takes("bio") { merged.bio = row.bio }
        return merged
    }

    static func changedFields(_ a: Member, _ b: Member) -> [String] {
        var changed: [String] = []
        if a.name != b.name { changed.append("name") }
        if a.role != b.role { changed.append("role") }
        if a.organization != b.organization { changed.append("organization") }
        if a.wing != b.wing { changed.append("wing") }
        if a.languages != b.languages { changed.append("languages") }
        if a.skills != b.skills { changed.append("skills") }
        if a.interests != b.interests { changed.append("interests") }
        if a.seeking != b.seeking { changed.append("seeking") }
        if a.offering != b.offering { changed.append("offering") }
        if a.availability != b.availability { changed.append("availability") }
        if a.capacity != b.capacity { changed.append("capacity") }
        if a.contact != b.contact { changed.append("contact") }
        if a.bio != b.bio { changed.append("bio") }
        return changed
    }
}
