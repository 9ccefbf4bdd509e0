import Foundation

/// Members from a spreadsheet export: a header row in English or French
/// (`Nom`, `Rôle`, `Compétences`, `Centres d'intérêt`, …, or first and last
/// names in two columns), one member a row. List cells split on `,` `;` or
/// `|` (a cell holding the file's separator was quoted, so the separator
/// splits inside it too). Ids come from names, made unique.
/// Bad rows are reported with their line and skipped; columns that mean
/// nothing to Patio are listed once.
public enum SpreadsheetImport {
    public struct Result: Sendable {
        public var members: [Member]
        public var diagnostics: [Diagnostic]
        /// Column → field, as used.
        public var mapping: [(column: String, field: String)]
        /// For each member, its line and the fields its row fills.
        public var rows: [Row] = []

        /// The member fields the file has a column for.
        public var fields: Set<String> {
            var fields = Set(mapping.map(\.field))
            if fields.contains("first name") || fields.contains("last name") { fields.insert("name") }
            return fields
        }
    }

    public struct Row: Sendable, Equatable {
        public var line: Int
        /// Where each field with something in it is (`name`: the first name
        /// column when the name is in two): for problems found later.
        public var places: [String: Place] = [:]
        /// The fields with something in them (`name` for first and last names too).
        public var filled: Set<String>
        /// The row gives no role: it can update a member the community has
        /// (whose role stays), not make a new one (`ImportPlan` says so).
        public var lacksRole = false
        /// Fields whose cell was left out as wrong (a wing of 12): a member
        /// the row updates keeps its own value, even with `--force`.
        public var rejected: Set<String> = []
    }

    /// Where a cell is: its line and column in the file, and its column of the sheet.
    public struct Place: Sendable, Equatable {
        public let line: Int
        public let column: Int
        public let cell: Diagnostic.Cell

        /// A problem there (`member`: the name of the row's member, when it has one).
        public func diagnostic(
            _ problem: Diagnostic.Problem, path: String, member: String? = nil, severity: Diagnostic.Severity = .error
        ) -> Diagnostic {
            var diagnostic = Diagnostic(path: path, line: line, column: column, problem, severity: severity)
            diagnostic.cell = cell
            diagnostic.member = member
            return diagnostic
        }
    }

    /// Header words for each field (folded before comparing).
    static let headerWords: [String: [String]] = [
        "id": ["id", "identifiant"],
        "name": [
            "name", "nom", "nom complet", "full name", "nom et prenom", "prenom et nom", "prenom nom", "nom prenom",
            "participant", "participante",
        ],
        "first name": ["prenom", "first name", "given name", "firstname"],
        "last name": ["nom de famille", "last name", "surname", "family name", "lastname"],
        "role": ["role", "statut", "status", "profil", "type", "categorie", "vous etes"],
        "organization": [
            "organization", "organisation", "organisme", "structure", "entreprise", "ecole", "company", "school",
            "societe", "studio",
        ],
        "wing": ["wing", "aile", "aile du batiment"],
        "languages": ["languages", "langues", "langue", "langues parlees", "language"],
        "skills": ["skills", "competences", "savoir faire", "expertise", "expertises"],
        "interests": [
            "interests", "centres d'interet", "centres d interet", "centre d'interet", "interets", "passions",
        ],
        "seeking": ["seeking", "recherche", "cherche", "je cherche", "besoins", "besoin", "looking for", "needs"],
        "offering": ["offering", "propose", "je propose", "offre", "offers", "can help with", "apports"],
        "availability": ["availability", "disponibilites", "disponibilite", "dispos", "creneaux"],
        "capacity": ["capacity", "capacite", "nombre de mentores", "mentores"],
        "contact": ["contact", "email", "e mail", "courriel", "mail", "adresse e mail", "adresse mail"],
        "bio": ["bio", "biographie", "presentation", "description", "a propos", "about"],
    ]

    public static var fields: [String] { headerWords.keys.sorted() }

    /// - Parameters:
    ///   - mapping: columns mapped by hand (`Column title` → field), over the guesses.
    ///   - taken: ids already in use, which new ids avoid.
    public static func read(_ data: Data, path: String, mapping manual: [String: String] = [:], taken: Set<String> = [])
        -> Result
    {
        let parsed: CSVReader.Parsed
        do {
            parsed = try CSVReader.parse(data)
        } catch {
            return Result(
                members: [], diagnostics: [Diagnostic(path: path, line: error.line, column: 1, error.problem)],
                mapping: [])
        }
        var diagnostics: [Diagnostic] = []
        if let quote = parsed.unclosedQuote {
            diagnostics.append(Diagnostic(path: path, line: quote.line, column: quote.column, .csvUnclosedQuote))
        }
        if parsed.wasWindows1252 {
            diagnostics.append(
                Diagnostic(
                    path: path, line: 1, column: 1,
                    .csvReadAsWindows1252, severity: .note))
        }
        guard let header = parsed.records.first else {
            return Result(
                members: [],
                diagnostics: diagnostics + [
                    Diagnostic(path: path, line: 1, column: 1, .csvEmpty)
                ], mapping: [])
        }
        let manualByColumn = Dictionary(manual.map { (Taxonomy.fold($0.key), $0.value) }, uniquingKeysWith: { $1 })
        var fieldOfColumn: [Int: String] = [:]
        var used: [(column: String, field: String)] = []
        var ignored: [String] = []
        var firstIgnored: Int?
        for (index, title) in header.cells.enumerated() {
            let folded = Taxonomy.fold(title)
            let field =
                manualByColumn[folded] ?? headerWords.first { $0.value.contains { Taxonomy.fold($0) == folded } }?.key
            if let field, !fieldOfColumn.values.contains(field) || field == "ignore" {
                if field != "ignore" {
                    fieldOfColumn[index] = field
                    used.append((title, field))
                }
            } else if !title.isEmpty {
                ignored.append(title)
                firstIgnored = firstIgnored ?? index
            }
        }
        // "Prénom" beside a plain "Nom" (or "First name" beside "Name"), as French forms have it:
        // that column holds the family name, and the member's name is both.
        if let nameColumn = fieldOfColumn.first(where: { $0.value == "name" })?.key,
            fieldOfColumn.values.contains("first name"), !fieldOfColumn.values.contains("last name"),
            manualByColumn[Taxonomy.fold(header.cells[nameColumn])] == nil,
            ["nom", "name"].contains(Taxonomy.fold(header.cells[nameColumn]))
        {
            fieldOfColumn[nameColumn] = "last name"
            used = used.map { $0.column == header.cells[nameColumn] ? ($0.column, "last name") : $0 }
        }
        // A full name beside first or last names: the full name is the name, and the others are said unused.
        if fieldOfColumn.values.contains("name") {
            for (index, field) in fieldOfColumn where field == "first name" || field == "last name" {
                fieldOfColumn[index] = nil
                used.removeAll { $0.column == header.cells[index] }
                ignored.append(header.cells[index])
                firstIgnored = min(firstIgnored ?? index, index)
            }
            ignored = header.cells.filter(ignored.contains)
        }
        // A column mapped by hand that the sheet lacks is a typo, most likely: importing without it
        // would leave that field out of every row.
        let titles = Set(header.cells.map(Taxonomy.fold))
        let missing = manual.keys.filter { !titles.contains(Taxonomy.fold($0)) }.sorted()
        if !missing.isEmpty {
            for column in missing {
                diagnostics.append(
                    Diagnostic(
                        path: path, line: header.line, column: 1,
                        .mappedColumnMissing(
                            column,
                            suggestion: Suggestions.nearest(to: column, among: header.cells, reach: .likelyTypo))))
            }
            return Result(members: [], diagnostics: diagnostics, mapping: used)
        }
        /// Where cell `index` of `record` is (its line, if it has no such cell).
        func place(_ record: CSVReader.Record, _ index: Int) -> Place {
            let start =
                index < record.starts.count ? record.starts[index] : CSVReader.Position(line: record.line, column: 1)
            return Place(
                line: start.line, column: start.column,
                cell: Diagnostic.Cell(index: index, title: index < header.cells.count ? header.cells[index] : nil))
        }
        if let firstIgnored {
            // The note names every column it is about.
            let start = place(header, firstIgnored)
            diagnostics.append(
                Diagnostic(
                    path: path, line: start.line, column: start.column, .unusedColumns(ignored), severity: .note))
        }
        let columnOf = Dictionary(fieldOfColumn.map { ($0.value, $0.key) }, uniquingKeysWith: min)
        let has = Set(fieldOfColumn.values)
        guard has.contains("name") || has.contains("first name") || has.contains("last name") else {
            diagnostics.append(
                Diagnostic(
                    path: path, line: header.line, column: 1,
                    .noNameColumn))
            return Result(members: [], diagnostics: diagnostics, mapping: used)
        }

        var members: [Member] = []
        var rows: [Row] = []
        var ids = taken
        for record in parsed.records.dropFirst() {
            var values: [String: String] = [:]
            var places: [String: Place] = [:]
            for (index, field) in fieldOfColumn where index < record.cells.count {
                let value = record.cells[index].trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty {
                    values[field] = value
                    places[field] = place(record, index)
                }
            }
            // A field's cell, or where its column is when the cell is empty.
            func at(_ field: String) -> Place {
                places[field] ?? place(record, columnOf[field] ?? 0)
            }
            places["name"] = places["name"] ?? places["first name"] ?? places["last name"]
            let name =
                values["name"] ?? [values["first name"], values["last name"]].compactMap { $0 }.joined(separator: " ")
            if record.cells.count > header.cells.count,
                let extra = record.cells.indices.dropFirst(header.cells.count).first(where: {
                    !record.cells[$0].isEmpty
                })
            {
                diagnostics.append(
                    place(record, extra).diagnostic(
                        .tooManyCells(cells: record.cells.count, columns: header.cells.count), path: path,
                        member: name.isEmpty ? nil : name))
                continue
            }
            guard !name.isEmpty else {
                if !values.isEmpty {
                    let column = columnOf["name"] ?? columnOf["first name"] ?? columnOf["last name"] ?? 0
                    diagnostics.append(place(record, column).diagnostic(.rowWithoutName, path: path))
                }
                continue
            }
            guard name.count <= Limits.tagCharacters else {
                diagnostics.append(
                    at("name").diagnostic(
                        .rowNameTooLong(characters: name.count, limit: Limits.tagCharacters), path: path))
                continue
            }
            // Without a role the row is read all the same (a role is kept in its place, never used): it may
            // update a member the community has.
            var role = Role.student
            if let roleText = values["role"] {
                guard let known = Role(word: roleText) else {
                    let suggestion = Suggestions.nearest(to: roleText, among: Role.spellings, reach: .likelyTypo)
                    diagnostics.append(
                        at("role").diagnostic(
                            .rowUnknownRole(roleText, name: name, suggestion: suggestion), path: path, member: name))
                    continue
                }
                role = known
            }
            if let written = values["id"], MemberID.reserved.contains(written) {
                diagnostics.append(
                    at("id").diagnostic(.reservedID(written, name: name), path: path, member: name, severity: .note))
            }
            let base = values["id"].flatMap { MemberID.isValid($0) ? $0 : nil } ?? MemberID.from(name: name)
            let id = MemberID.unique(base, avoiding: ids)
            ids.insert(id)
            var member = Member(id: id, name: name, role: role)
            // The same limits as a profile file's lists.
            func list(_ field: String) -> [String] {
                let (kept, problems) = ListBounds.apply(
                    values[field].map { ListCell.split($0) } ?? [], field: field, length: \.count, key: { $0 })
                for problem in problems {
                    diagnostics.append(
                        at(field).diagnostic(
                            .rowList(problem, name: name), path: path, member: name, severity: .warning))
                }
                return kept
            }
            var rejected = Set<String>()
            member.organization = values["organization"]
            if let wing = values["wing"] {
                if let number = Int(wing.filter(\.isNumber)), (1...9).contains(number) {
                    member.wing = number
                } else {
                    diagnostics.append(
                        at("wing").diagnostic(
                            .rowBadWing(wing, name: name), path: path, member: name, severity: .warning))
                    rejected.insert("wing")
                }
            }
            let languages = list("languages")
            for text in languages {
                if let suggestion = LanguageCode.typo(text) {
                    diagnostics.append(
                        at("languages").diagnostic(
                            .unknownLanguage(text, suggestion: suggestion), path: path, member: name,
                            severity: .warning))
                }
            }
            member.languages = languages.map(LanguageCode.code)
            // As in a profile file: a level mistyped or not a level is said; a skill with no name left out.
            for text in list("skills") {
                let parsed = SkillText.parse(text)
                let problem = parsed.skill.name.isEmpty ? .skillWithoutName(text) : parsed.problem
                if let problem {
                    diagnostics.append(
                        at("skills").diagnostic(
                            problem, path: path, member: name, severity: SkillText.severity(of: problem)))
                }
                if !parsed.skill.name.isEmpty { member.skills.append(parsed.skill) }
            }
            member.interests = list("interests")
            member.seeking = list("seeking")
            member.offering = list("offering")
            for slot in list("availability") {
                if let normalized = AvailabilitySlot.normalize(slot) {
                    if !member.availability.contains(normalized) { member.availability.append(normalized) }
                } else {
                    diagnostics.append(
                        at("availability").diagnostic(
                            .rowBadSlot(slot, name: name), path: path, member: name, severity: .warning))
                }
            }
            if let capacity = values["capacity"] {
                if let number = Int(capacity), number >= 0 {
                    member.capacity = number
                } else {
                    diagnostics.append(
                        at("capacity").diagnostic(
                            .rowBadCapacity(capacity, name: name), path: path, member: name, severity: .warning))
                    rejected.insert("capacity")
                }
            }
            member.contact = values["contact"]
            member.bio = values["bio"]
            members.append(member)
            var filled = Set(values.keys)
            filled.insert("name")
            if let written = values["id"], !MemberID.isValid(written) { filled.remove("id") }
            var row = Row(
                line: record.line, filled: filled.subtracting(rejected), lacksRole: values["role"] == nil,
                rejected: rejected)
            row.places = places
            row.places["role"] = row.places["role"] ?? columnOf["role"].map { place(record, $0) }
            rows.append(row)
        }
        // In the order of the file: a row's problems from its first column to its last.
        let ordered = diagnostics.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }
        return Result(members: members, diagnostics: ordered.map(\.element), mapping: used, rows: rows)
    }
}
