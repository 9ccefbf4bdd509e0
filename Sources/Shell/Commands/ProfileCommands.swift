import Community
import Foundation

/// Browsing who is who: load, members, show, search, tags, stats, import.
public enum ProfileCommands {
    static let all: [CommandSpec] = [load, members, show, search, tags, stats, importSpreadsheet]

    static let load = CommandSpec(
        "load", group: .profiles,
        summary: "Load the profiles again, or another folder of them",
        details:
            "Every problem in a file is reported with its line and column; the valid profiles still load. In a script, problems make the command fail (unless keep-going is on).",
        arguments: [
            ArgumentSpec(
                "FOLDER",
                summary: "A folder of profiles (when left out: the current one, or the one whose load was interrupted)",
                arity: .optional,
                completion: .directories)
        ],
        examples: ["load", "load Profiles", "load ~/serre/profils"]
    ) { session, arguments in
        let shown: String
        if let folder = arguments[0] {
            shown = folder
        } else if let current = session.profilesFolder {
            shown = current.shownAs
        } else if let interrupted = session.interruptedLoad {
            shown = interrupted
        } else {
            throw ProfileError.noFolder(
                workingDirectory: session.environment.workingDirectory, interrupted: session.interruptedLoad)
        }
        return try loadProfiles(from: shown, into: &session)
    }

    /// Loads a folder into the session, reporting its problems; used at start-up too.
    static func loadProfiles(from shown: String, into session: inout Session) throws -> CommandResult {
        let path = session.resolvePath(shown)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ShellError.cannotRead(
                path: shown,
                reason: FileManager.default.fileExists(atPath: path) ? .notFolder : .noSuchFolder)
        }
        // A community of thousands of files takes seconds: said on the status line at the prompt.
        let folderName = TerminalSafeText.line(shown)
        session.console.status(
            session.language.text("reading the profiles in \(folderName)…", "lecture des profils de \(folderName)…"))
        defer { session.console.status(nil) }
        guard
            let loaded = ProfileFolder.load(
                path, shownAs: shown.hasSuffix("/") ? String(shown.dropLast()) : shown, usesCache: true,
                isCancelled: session.environment.isCancelled)
        else {
            if session.profilesFolder == nil { session.interruptedLoad = shown }
            throw ShellError.loadInterrupted(
                keptFolder: session.profilesFolder?.shownAs, members: session.directory.members.count)
        }
        session.interruptedLoad = nil
        let dropped = session.replaceCommunity(with: loaded.directory)
        session.profilesFolder = (path, shown)
        Interpreter.report(loaded.diagnostics, in: session)
        reportHistoryUnderAnotherID(in: &session)
        let summary = LoadSummary(folder: shown, loaded: loaded, droppedDraft: dropped)
        return loaded.errorCount > 0 ? .failed(summary) : .show(summary)
    }

    static let members = CommandSpec(
        "members", aliases: ["ls"], group: .profiles,
        summary: "List the members, or those that fit every filter given",
        details:
            "Tags match whatever their spelling (case, accents, the taxonomy's aliases), and a broader tag finds the narrower ones under it: --skill '3D modeling' finds Blender.",
        options: FilterKey.allCases.map(\.option) + [CommonOptions.limit()],
        examples: [
            "members", "members --role student", "members --skill blender --wing 2",
            "members --role mentor --offering 'levée de fonds'",
            "members --limit 10",
        ]
    ) { session, arguments in
        try session.requireFolder()
        let filter = try FilterKey.filter(from: arguments)
        let found = session.directory.members(matching: filter)
        let misses = found.isEmpty && !session.directory.isEmpty ? session.directory.misses(filter) : []
        return .show(
            MemberList(
                members: Limited(found, limit: CommonOptions.limit(arguments)), total: session.directory.members.count,
                isCompact: session.showsCompact(arguments), misses: misses))
    }

    static let show = CommandSpec(
        "show", group: .profiles,
        summary: "Show a member's profile card",
        details: """
            By id or by name; the beginning of a name or of a surname is enough when only one member has it. \
            Several members, each by an id or one word (a name of several words in quotes), show a card each.
            """,
        arguments: [
            ArgumentSpec(
                "MEMBER", summary: "An id or a name (quotes not needed)", arity: .oneOrMore,
                completion: MemberCompletion.memberWords)
        ],
        examples: ["show aicha-trehou", "show Aïcha Tréhou", "show tréhou", "show aicha-trehou kenji"]
    ) { session, arguments in
        let words = arguments.positionals
        do {
            return .show(ProfileCard(member: try member(words.joined(separator: " "), in: session.directory)))
        } catch {
            // Not one member's name: each word one member, when every one is.
            guard words.count > 1 else { throw error }
            let found = words.map { word in
                Result { () throws(ProfileError) in try member(word, in: session.directory) }
            }
            guard let members = try? found.map({ try $0.get() }) else {
                // Members named by id: the word that names none is the one to say.
                if words.contains(where: { session.directory.index(of: $0) != nil }),
                    case .failure(let failure)? = found.first(where: { (try? $0.get()) == nil })
                {
                    throw failure
                }
                throw error
            }
            var seen = Set<String>()
            return .show(ProfileCards(cards: members.filter { seen.insert($0.id).inserted }.map(ProfileCard.init)))
        }
    }

    static let search = CommandSpec(
        "search", aliases: ["find"], group: .profiles,
        summary: "Search names, skills, interests, needs, offers and bios",
        details:
            "Ranked: a whole tag counts more than a word of a bio, an expert's skill more than a beginner's. Case and accents do not matter, and tags forgive a typo.",
        arguments: [
            ArgumentSpec("TEXT", summary: "What to look for", arity: .oneOrMore, completion: MemberCompletion.tags(nil))
        ],
        options: [CommonOptions.limit(default: 20, aliases: ["top"])],
        examples: ["search blender", "search réalité virtuelle", "search levee de fonds --limit 5"]
    ) { session, arguments in
        try session.requireFolder()
        let query = arguments.positionals.joined(separator: " ")
        let hits = session.directory.search(query)
        return .show(
            SearchResults(query: query, hits: Limited(hits, limit: CommonOptions.limit(arguments, default: 20))))
    }

    static let tags = CommandSpec(
        "tags", group: .profiles,
        summary: "Every tag with how many members have it; --unmet: needs nobody meets",
        details:
            "A tag's spellings count as one (case, accents, aliases). With --unmet, the needs that no other member offers or has as a skill, and who has them.",
        options: [kind.spec, unmet.spec, CommonOptions.limit()],
        examples: ["tags", "tags --kind skills", "tags --unmet"]
    ) { session, arguments in
        try session.requireFolder()
        let limit = CommonOptions.limit(arguments)
        if arguments[unmet] {
            let needs = session.directory.unmetNeeds()
            return .show(
                UnmetNeeds(needs: Limited(needs, limit: limit), seekers: needs.reduce(0) { $0 + $1.seekers.count }))
        }
        let chosen = arguments[kind]
        return .show(
            TagList(
                counts: Limited(session.directory.tagCounts(chosen.map { [$0] } ?? TagKind.allCases), limit: limit),
                kind: chosen?.rawValue))
    }

    static let stats = CommandSpec(
        "stats", group: .profiles,
        summary: "Members by role, wing and organisation, and how many needs find an offer"
    ) { session, _ in
        try session.requireFolder()
        return .show(
            StatisticsReport(statistics: session.directory.statistics(), name: session.directory.settings.name))
    }

    static let kind = CommandOption<TagKind?>.choice(
        "kind", value: "KIND", summary: "Only one kind of tag")
    static let unmet = CommandOption<Bool>.flag("unmet", summary: "What members seek that nobody offers")

    static let importSpreadsheet = CommandSpec(
        "import", group: .profiles,
        summary: "Read members from a spreadsheet export (CSV): new ones are created, known ones updated",
        details: """
            Comma, semicolon or tab separated, UTF-8 (with or without BOM) or Windows-1252, \
            headers in English or French (Nom, Prénom, Rôle, Organisation, Compétences, \
            Centres d'intérêt, Recherche, Propose, Langues, Disponibilités, Bio, …). Each row is \
            matched to the member it is: by its id column, else its contact, else its name and \
            organisation. A new person gets a profile; a known one is updated in place (same id, \
            same file), an unchanged one left alone — importing the same file twice changes \
            nothing. Someone with a member's name but another organisation is kept apart and listed. \
            Without --write nothing is saved: the plan is only shown. An empty cell keeps the \
            member's value, unless --force.
            """,
        arguments: [
            ArgumentSpec("FILE", summary: "The CSV file", completion: .files(extensions: ["csv", "tsv", "txt"]))
        ],
        options: [ImportCommand.map.spec, ImportCommand.write.spec, ImportCommand.force.spec],
        examples: ["import inscriptions.csv", "import export.csv --map 'Votre école=organization' --write"]
    ) { session, arguments in
        try ImportCommand.run(&session, arguments)
    }

    /// Loads the profiles at start-up: problems on standard error, the summary
    /// only when asked (at the prompt; scripts keep standard output for results).
    /// Returns false when the folder could not be read or had problems.
    /// How the first load went.
    public enum StartLoad: Sendable, Equatable {
        case loaded
        /// Some profiles had errors (reported); the others loaded.
        case problems
        /// The folder itself could not be read, or the load was interrupted (reported).
        case notLoaded
    }

    public static func loadAtStart(_ shown: String, into session: inout Session, showingSummary: Bool) -> StartLoad {
        do {
            let result = try loadProfiles(from: shown, into: &session)
            switch result {
            case .show(let summary), .failed(let summary):
                if showingSummary {
                    session.console.write(
                        Renderer.render(
                            summary, as: .table, style: session.style, layout: session.layout,
                            language: session.language))
                }
            default: break
            }
            if case .failed = result { return .problems }
            return .loaded
        } catch {
            Interpreter.report(error, at: nil, in: session)
            return .notLoaded
        }
    }

    /// A member whose rounds the ledger most likely keeps under another id.
    struct HistoryElsewhere {
        let member: Member
        /// The id no profile holds now.
        let historyID: String
        /// Whether the member has rounds under its own id too (the history is split).
        let hasOwn: Bool
        /// When the link is a guess (ids near each other, one first name),
        /// the name the ledger kept for that id, if any: said as a question.
        var guessedFrom: String?? = nil
    }

    /// Members whose rounds the ledger most likely keeps under another id,
    /// one no profile holds any more: a profile file renamed (the id comes
    /// from the file's name) leaves its member's history behind. That id is
    /// the one the member's name gives, or the file's name when the profile
    /// gives another id. For a member with no history of its own it may be
    /// guessed: the one departed id near its own (one more word, or a letter
    /// or two apart), or the one whose kept name has the member's first name
    /// (a family name changed, then the file renamed); a guess is said as
    /// one. A note for each, once a session until the history is joined;
    /// nothing is changed. A ledger that cannot be read says nothing here
    /// (the commands that need it say why).
    static func historyUnderAnotherID(in session: Session) -> [HistoryElsewhere] {
        guard let ledger = try? session.existingLedger(), let known = try? ledger.memberIDs(), !known.isEmpty else {
            return []
        }
        // Ids the rounds name that no profile holds now: usually none, and then nothing to work out.
        let departed = known.subtracting(session.directory.members.map(\.id))
        guard !departed.isEmpty else { return [] }
        var found: [HistoryElsewhere] = []
        var without: [Member] = []
        for member in session.directory.members {
            // The id the name gives, or the file's name when the profile gives another id.
            let stem = session.directory.files[member.id].map {
                (($0 as NSString).lastPathComponent as NSString).deletingPathExtension
            }
            let former = [MemberID.from(name: member.name), stem].compactMap { $0 }.first {
                $0 != member.id && departed.contains($0)
            }
            if let former {
                found.append(HistoryElsewhere(member: member, historyID: former, hasOwn: known.contains(member.id)))
            } else if !known.contains(member.id) {
                without.append(member)
            }
        }
        let unclaimed = departed.subtracting(found.map(\.historyID))
        guard !unclaimed.isEmpty, !without.isEmpty else { return found }
        let kept = (try? ledger.keptNames(of: unclaimed)) ?? [:]
        func firstName(_ name: String) -> String {
            TextFolding.fold(name.split(separator: " ").first.map(String.init) ?? "")
        }
        let keptFirst = kept.mapValues(firstName)
        var guessed = Set<String>()
        for id in unclaimed.sorted() {
            let near = without.filter { member in
                member.id.hasPrefix(id + "-") || id.hasPrefix(member.id + "-")
                    || Suggestions.editDistance(member.id, id) <= 2
            }
            // Else one first name, that of no other departed id.
            let same =
                near.isEmpty
                ? keptFirst[id].map { first in
                    keptFirst.values.count { $0 == first } == 1
                        ? without.filter { firstName($0.name) == first } : []
                } ?? [] : near
            guard same.count == 1, !guessed.contains(same[0].id) else { continue }
            guessed.insert(same[0].id)
            found.append(HistoryElsewhere(member: same[0], historyID: id, hasOwn: false, guessedFrom: .some(kept[id])))
        }
        return found.sorted { $0.member.id < $1.member.id }
    }

    static func reportHistoryUnderAnotherID(in session: inout Session) {
        let t = session.language.text
        for found in historyUnderAnotherID(in: session)
        where session.historyNotesSaid.insert([found.member.id, found.historyID]).inserted {
            let (member, id) = (found.member, found.historyID)
            let name = TerminalSafeText.line(member.name)
            let text: String
            if case .some(let keptName) = found.guessedFrom {
                let was = keptName.map { " (\(TerminalSafeText.line($0)))" } ?? ""
                text = t(
                    "the ledger holds rounds of '\(id)'\(was), which no profile holds now; if that was \(name) (\(member.id)), whose profile has none (a file renamed?), 'id: \(id)' in the profile keeps that history",
                    "le registre garde des tours de '\(id)'\(was), qu’aucun profil ne porte plus ; si c’était \(name) (\(member.id)), dont le profil n’en a aucun (un fichier renommé ?), 'id: \(id)' dans le profil garde cet historique"
                )
            } else if found.hasOwn {
                // With rounds under both ids, the history is split: only 'reassign' joins it.
                text = t(
                    "\(name) (\(member.id)) also met people under the id '\(id)', which no profile holds now (a file renamed?): 'history', novelty and --no-repeats see only \(member.id)'s; 'reassign \(id) \(member.id)' joins them",
                    "\(name) (\(member.id)) a aussi rencontré des membres sous l’identifiant '\(id)', qu’aucun profil ne porte plus (un fichier renommé ?) : 'history', la nouveauté et --no-repeats ne voient que ceux de \(member.id) ; 'reassign \(id) \(member.id)' les réunit"
                )
            } else {
                text = t(
                    "\(name) (\(member.id)) met people under the id '\(id)', which no profile holds now (a file renamed?): 'id: \(id)' in the profile keeps that history",
                    "\(name) (\(member.id)) a rencontré des membres sous l’identifiant '\(id)', qu’aucun profil ne porte plus (un fichier renommé ?) : 'id: \(id)' dans le profil garde cet historique"
                )
            }
            session.console.writeError(
                Interpreter.place(session.location) + session.style.cyan(t("note:", "note :")) + " " + text + "\n")
        }
    }

    /// Where patio looked for profiles when none were named.
    public static func whereItLooked(from workingDirectory: String, in language: Language) -> String {
        ProfileError.whereItLooked(from: workingDirectory, in: language)
    }

    /// A role as typed, English or French.
    static func roleWord(_ text: String) throws(ShellError) -> Role {
        guard let role = Role(word: text) else {
            throw ShellError.invalidValue(
                text, for: "role",
                expected: .role,
                suggestion: Suggestions.nearest(to: text, among: Role.spellings, reach: .likelyTypo))
        }
        return role
    }

    /// One member by id or name, or an error that lists the candidates or the nearest name.
    static func member(_ text: String, in directory: Directory) throws(ProfileError) -> Member {
        switch directory.lookup(text) {
        case .found(let member): return member
        case .ambiguous(let candidates):
            throw ProfileError.ambiguousMember(text, candidates: candidates.map { "\($0.id) (\($0.name))" })
        case .notFound(let suggestion):
            throw ProfileError.unknownMember(text, suggestion: suggestion, isEmpty: directory.isEmpty)
        }
    }
}

/// What can go wrong when browsing profiles.
enum ProfileError: Error, Equatable, CustomStringConvertible, Worded {
    /// Where patio looks for profiles when none are named, and how to give some.
    static func whereItLooked(from workingDirectory: String, in language: Language = .en) -> String {
        language.text(
            "none was given with --profiles or PATIO_PROFILES, and there is no Profiles folder in \(workingDirectory); 'load FOLDER' loads one",
            "aucun n’a été donné avec --profiles ou PATIO_PROFILES, et il n’y a pas de dossier Profiles dans \(workingDirectory) ; 'load DOSSIER' en charge un"
        )
    }

    case noFolder(workingDirectory: String, interrupted: String?)
    case unknownMember(String, suggestion: String?, isEmpty: Bool)
    case ambiguousMember(String, candidates: [String])
    case noProfilesFolderToWrite
    case invalidMapping(String, suggestion: String?)

    var description: String { words(in: .en) }

    func words(in language: Language) -> String {
        let t = language.text
        switch self {
        case .noFolder(_, let interrupted?):
            return t(
                "no profiles loaded: the load of \(interrupted) was interrupted ('load' starts it again)",
                "aucun profil chargé : le chargement de \(interrupted) a été interrompu ('load' le relance)"
            )
        case .noFolder(let workingDirectory, nil):
            return t("no profiles loaded: ", "aucun profil chargé : ")
                + Self.whereItLooked(from: workingDirectory, in: language)
        case .unknownMember(let text, let suggestion, let isEmpty):
            if isEmpty {
                return t(
                    "no member '\(text)': no profiles are loaded (load FOLDER)",
                    "aucun membre '\(text)' : aucun profil n’est chargé (load DOSSIER)")
            }
            return t("no member '\(text)'", "aucun membre '\(text)'") + language.hint(suggestion)
        case .ambiguousMember(let text, let candidates):
            let shown = candidates.prefix(12).joined(separator: ", ") + (candidates.count > 12 ? ", …" : "")
            return t(
                "'\(text)' could be \(candidates.count) members: \(shown)",
                "'\(text)' peut désigner \(candidates.count) membres : \(shown)")
        case .noProfilesFolderToWrite:
            return t(
                "--write needs a profiles folder to write into (load FOLDER first)",
                "--write a besoin d’un dossier de profils où écrire (load DOSSIER d’abord)")
        case .invalidMapping(let text, let suggestion):
            let fields = SpreadsheetImport.fields.joined(separator: ", ")
            return t(
                "invalid --map '\(text)': expected 'Column=field' with a field among \(fields), ignore",
                "--map invalide '\(text)' : attendu 'Colonne=champ' avec un champ parmi \(fields), ignore")
                + language.hint(suggestion)
        }
    }
}
