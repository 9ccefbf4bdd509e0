import Community
import Foundation

/// `import FILE.csv`: read, match each row to the member it is, show what
/// would change, and with --write create and update the profile files.
enum ImportCommand {
    static let map = CommandOption<[String]>.repeated(
        "map", value: "COLUMN=FIELD", summary: "Read a column as a field (or 'ignore' it)")
    static let write = CommandOption<Bool>.flag("write", summary: "Create and update the profile files")
    static let force = CommandOption<Bool>.flag(
        "force", summary: "An empty cell empties the member's field (it keeps the value otherwise)")

    static func run(_ session: inout Session, _ arguments: Arguments) throws -> CommandResult {
        let shown = arguments[0] ?? ""
        let path = session.resolvePath(shown)
        let data = try InputFile.read(path, shownAs: shown)
        var mapping: [String: String] = [:]
        for entry in arguments[map] {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let fields = SpreadsheetImport.fields + ["ignore"]
            // A field may be named in French too (`Nom=nom`, `Savoir-faire=compétences`, `ignorer`).
            var french = Dictionary(uniqueKeysWithValues: SpreadsheetImport.fields.map { (Language.fr.field($0), $0) })
            french["ignorer"] = "ignore"
            let field = parts.count == 2 ? (fields.contains(parts[1]) ? parts[1] : french[parts[1].lowercased()]) : nil
            guard parts.count == 2, !parts[0].isEmpty, let field else {
                throw ProfileError.invalidMapping(
                    entry,
                    suggestion: parts.count == 2
                        ? Suggestions.nearest(to: parts[1], among: fields + french.keys.sorted(), reach: .likelyTypo)
                        : nil)
            }
            mapping[parts[0]] = field
        }
        let read = SpreadsheetImport.read(data, path: shown, mapping: mapping)
        let plan = ImportPlan(read, existing: session.directory, path: shown, clearsEmpty: arguments[force])
        var problems = read.diagnostics + plan.diagnostics
        Interpreter.report(problems, in: session)
        var notWritten: [String] = []
        var written: [String] = []
        var droppedDraft: Int?
        if arguments[write] {
            guard let folder = session.profilesFolder else { throw ProfileError.noProfilesFolderToWrite }
            AtomicFile.sweep(folder.path)
            for entry in plan.entries where entry.action != .unchanged {
                do throws(ProfileWriter.WriteError) {
                    let file: String
                    switch entry.action {
                    case .update(let changed):
                        file = try ProfileWriter.update(
                            entry.member, changed: changed,
                            file: session.directory.files[entry.member.id] ?? entry.member.id + ".yaml", in: folder.path
                        )
                    default:
                        file = try ProfileWriter.write(entry.member, into: folder.path, replacing: false)
                    }
                    written.append(
                        (folder.shownAs as NSString).appendingPathComponent((file as NSString).lastPathComponent))
                } catch {
                    notWritten.append(entry.member.id)
                    let problem = Diagnostic(
                        path: shown, line: entry.line, column: 1, .profileNotWritten(error), consequence: .rowNotSaved)
                    problems.append(problem)
                    Interpreter.report([problem], in: session)
                }
            }
            if !written.isEmpty {
                let loaded = ProfileFolder.load(folder.path, shownAs: folder.shownAs, usesCache: true)
                droppedDraft = session.replaceCommunity(with: loaded.directory)
            }
        }
        // A row with an error was skipped (the error said so): the summary counts it. A problem of the
        // file as a whole (empty, not text, no name column) is at no row's cell: no row was skipped for it.
        let rowErrors = read.diagnostics.filter { $0.cell != nil } + plan.diagnostics
        let skipped = Set(rowErrors.filter { $0.severity == .error }.map(\.line)).count
        let report = ImportReport(
            file: shown, plan: plan, skipped: skipped, problems: problems, written: written, notWritten: notWritten,
            wroteRequested: arguments[write], folder: session.profilesFolder?.shownAs, droppedDraft: droppedDraft)
        let failed = (read.diagnostics + plan.diagnostics).contains { $0.severity == .error } || !notWritten.isEmpty
        return failed ? .failed(report) : .show(report)
    }
}

/// `import`: what each row is, and what was (or would be) written.
struct ImportReport: Presentable {
    let file: String
    let plan: ImportPlan
    let skipped: Int
    /// What reading, matching and writing the rows found (also written to standard error).
    let problems: [Diagnostic]
    let written: [String]
    let notWritten: [String]
    let wroteRequested: Bool
    let folder: String?
    /// The draft computed on the profiles before the import was dropped, with so many planned rounds.
    var droppedDraft: Int?

    static func word(_ action: ImportPlan.Action, written: Bool, in language: Language) -> String {
        let t = language.text
        switch action {
        case .create: return written ? t("new", "nouveau") : t("new (not saved)", "nouveau (non enregistré)")
        case .update(let changed):
            return (written ? t("updated: ", "mis à jour : ") : t("to update: ", "à mettre à jour : "))
                + changed.map(language.field).joined(separator: ", ")
        case .unchanged: return t("unchanged", "inchangé")
        }
    }

    func counts(in language: Language) -> String {
        // Once written, only what was written counts as new or updated (the rest is said "not written").
        let kept = { (entries: [ImportPlan.Entry]) in
            entries.count { !wroteRequested || !notWritten.contains($0.member.id) }
        }
        let (created, updated, unchanged) = (kept(plan.created), kept(plan.updated), plan.unchangedCount)
        return wroteRequested
            ? language.text(
                "\(created) new, \(updated) updated, \(unchanged) unchanged",
                "\(created) \(language.agree(created, "nouveau", "nouveaux")), \(updated) mis à jour, \(unchanged) \(language.agree(unchanged, "inchangé", "inchangés"))"
            )
            : language.text(
                "\(created) new, \(updated) to update, \(unchanged) unchanged",
                "\(created) \(language.agree(created, "nouveau", "nouveaux")), \(updated) à mettre à jour, \(unchanged) \(language.agree(unchanged, "inchangé", "inchangés"))"
            )
    }

    func document(in language: Language) -> Document {
        let t = language.text
        var blocks: [Document.Block] = []
        // No table when no row was taken (the errors above say why).
        if !plan.entries.isEmpty {
            blocks.append(
                .table(
                    Table(
                        columns: [
                            Table.Column(t("line", "ligne"), alignment: .right), Table.Column(t("id", "identifiant")),
                            // Names stay whole, as in every table of members.
                            Table.Column(t("name", "nom"), narrowing: .keepsWidth), Table.Column(t("role", "rôle")),
                            Table.Column(t("organization", "organisation")), Table.Column("import"),
                        ],
                        rows: plan.entries.map { entry in
                            [
                                String(entry.line), entry.member.id, entry.member.name,
                                language.role(entry.member.role),
                                entry.member.organization ?? "",
                                Self.word(
                                    entry.action, written: wroteRequested && !notWritten.contains(entry.member.id),
                                    in: language),
                            ]
                        })))
        }
        // A file refused as a whole (empty, not text, no name column, a column mapped that it lacks) had no row read.
        if plan.entries.isEmpty && skipped == 0
            && problems.contains(where: { $0.severity == .error && $0.cell == nil })
        {
            blocks.append(
                .paragraph(
                    t("nothing imported from \(file)", "rien n’est importé de \(file)"))
            )
            return Document(blocks)
        }
        let rows = language.counted(plan.entries.count + skipped, "row", "ligne")
        var summary =
            t(
                "\(rows) read from \(file): ",
                "\(rows) \(language.agree(plan.entries.count + skipped, "lue", "lues")) dans \(file) : ")
            + counts(in: language)
            + (skipped > 0
                ? t(
                    ", \(skipped) skipped",
                    ", \(skipped) \(language.agree(skipped, "ligne ignorée", "lignes ignorées"))") : "")
        if wroteRequested {
            let files = language.counted(written.count, "file", "fichier")
            let place = folder ?? t("the profiles folder", "le dossier des profils")
            summary +=
                t(
                    "; \(files) written in \(place)",
                    " ; \(files) \(language.agree(written.count, "écrit", "écrits")) dans \(place)")
                + (notWritten.isEmpty
                    ? ""
                    : t(
                        ", \(notWritten.count) not written",
                        ", \(notWritten.count) non \(language.agree(notWritten.count, "écrit", "écrits"))"))
        } else if !plan.created.isEmpty || !plan.updated.isEmpty {
            let place = folder ?? ""
            summary +=
                folder == nil
                ? t(
                    "; nothing saved (add --write to save them)",
                    " ; rien n’est enregistré (ajoutez --write pour enregistrer)")
                : t(
                    "; nothing saved (add --write to save them in \(place))",
                    " ; rien n’est enregistré (ajoutez --write pour enregistrer dans \(place))")
        }
        blocks.append(.note(summary))
        if !plan.homonyms.isEmpty {
            blocks.append(
                .heading(
                    t(
                        "Kept apart (same name, another organisation or contact)",
                        "Tenus à part (même nom, autre organisation ou autre contact)")))
            blocks.append(
                .list(
                    plan.homonyms.map {
                        t(
                            "\($0.name): \($0.newID) is not \($0.existingID)",
                            "\($0.name) : \($0.newID) n’est pas \($0.existingID)")
                    }))
        }
        if let planned = droppedDraft { blocks.append(.note(LoadSummary.droppedDraft(planned: planned, in: language))) }
        return Document(blocks)
    }

    func json(in language: Language) -> JSONValue {
        .object([
            "file": .string(file),
            "members": .array(plan.entries.map { MemberJSON.of($0.member) }),
            "written": .strings(written),
            "not_written": .strings(notWritten),
            "rows": .array(
                plan.entries.map { entry in
                    var changed: [String] = []
                    var action = "unchanged"
                    switch entry.action {
                    case .create: action = "new"
                    case .update(let fields):
                        action = "update"
                        changed = fields
                    case .unchanged: break
                    }
                    return .object([
                        "line": .int(entry.line), "id": .string(entry.member.id), "action": .string(action),
                        "changed": .strings(changed),
                    ])
                }),
            "new": .int(plan.created.count),
            "updated": .int(plan.updated.count),
            "unchanged": .int(plan.unchangedCount),
            "skipped": .int(skipped),
            "problems": .array(problems.map { DiagnosticWording.json($0, in: language) }),
            "homonyms": .array(
                plan.homonyms.map {
                    .object(["name": .string($0.name), "id": .string($0.newID), "not": .string($0.existingID)])
                }),
        ])
    }
}
