import Community
import Foundation
import Matchmaker

/// `export FILE`: the draft (or a committed round) in the format its extension names.
enum ExportCommand {
    static let formats = ["csv", "json", "md", "html", "dot", "ics", "graph"]
    static let round = CommandOption<String?>.text(
        "round", value: "NAME", summary: "A committed round instead of the draft",
        modes: formats.filter { $0 != "graph" }.map { "." + $0 }, completion: RoundCommands.roundNames)
    static let at = CommandOption<String?>.text(
        "at", value: "DATETIME",
        summary:
            "When the meetings start (2026-12-01T10:00): the invitations' time, the sheet's day; by default tomorrow at 10:00 for .ics, the round's day for .html",
        modes: [".ics", ".html"])
    static let minutes = CommandOption<Int>.integer(
        "minutes", value: "N", summary: "How long they last", range: 5...600, default: 30, modes: [".ics"])
    static let allPairs = CommandOption<Bool>.flag(
        "all-pairs", summary: "Every admissible pair, scored (slow and large on purpose)", modes: [".graph"])
    static let place = CommandOption<String?>.text(
        "place", value: "TEXT", summary: "Where (default: the community's patio)", modes: [".ics"])

    static let spec = CommandSpec(
        "export", group: .rounds,
        summary: "Write the draft or a round to a file: .csv .json .md .html .dot .ics .graph",
        details: """
            .csv: one row a member (formula-safe); .json: as --format json; .md: Markdown; .html: a \
            printable sheet of pairing cards for the patio board; .dot: a Graphviz graph of the \
            community with the pairing highlighted; .ics: a calendar invitation per pair or table \
            (--at, --minutes, --place; times in Europe/Paris); .graph: the pairs 'match pairs' \
            is solved on (every admissible pair up to 1,500 members; beyond, the candidates and the pairs \
            pricing brought in, the others being proved covered), each with its integer score, in the benchmark's graph format (vertex i = the \
            i-th member in id order), so that another solver can check the optimum; with --all-pairs, every \
            admissible pair that scores, whatever the size of the community (n²/2 pairs for n members). With \
            a 'match pairs' draft, the graph is that draft's: its members, bans and weights, its pinned \
            members left out (a note gives their points). With a 'match mentoring' draft, its assignment \
            in the bipartite format: its mentees still to assign against its mentors' seats left, each \
            pair once per seat, so that the file's best matching is the best assignment. Otherwise the \
            whole community's pairs. The file is written whole or not at all.
            """,
        arguments: [ArgumentSpec("FILE", summary: "Where to write", completion: .files(extensions: formats))],
        options: [round.spec, at.spec, minutes.spec, place.spec, allPairs.spec],
        examples: [
            "export patio.html", "export round.ics --at 2026-12-01T10:00 --minutes 30",
            "export pairs.csv --round mardi", "export community.graph", "export everything.graph --all-pairs",
        ],
        mode: .fileExtension(0)
    ) { session, arguments in
        let shown = arguments[0] ?? ""
        let ext = (shown as NSString).pathExtension.lowercased()
        guard formats.contains(ext) else {
            throw MatchCommandError.unknownExport(
                ext, suggestion: Suggestions.nearest(to: ext, among: formats, reach: .likelyTypo))
        }
        var source = ext == "graph" ? try graphSource(session) : nil
        if var graph = source, arguments[allPairs] {
            let path = session.resolvePath(shown)
            AtomicFile.sweep((path as NSString).deletingLastPathComponent)
            let bytes = try writeEveryPair(to: path, shownAs: shown, source: &graph, session)
            return .show(ExportView(path: shown, format: ext, bytes: bytes, graph: graph))
        }
        let text: String
        if var graph = source {
            text = try graphText(&graph, session)
            source = graph
        } else {
            let view = try roundView(arguments[round], session, exportingTo: shown)
            switch ext {
            case "csv": text = ExportCSV.text(view)
            case "json": text = view.json(in: session.language).encoded + "\n"
            case "md":
                var full = view
                full.showsEveryReason = true
                text = Renderer.render(full, as: .markdown, style: .plain, language: session.language)
            case "html":
                // The day of the meetings when given (a time in Europe/Paris, as for the invitations), else the round's.
                if let meeting = arguments[at] {
                    var meetingView = view
                    meetingView.date = try ICSCalendar.startDate(meeting, now: session.environment.now())
                    text = HTMLSheet.text(meetingView, timeZone: ICSCalendar.zone)
                } else {
                    text = HTMLSheet.text(view)
                }
            case "dot": text = try DOTGraph.text(view, session: session)
            default:
                text = try ICSCalendar.text(
                    view, session: session, at: arguments[at], minutes: arguments[minutes], place: arguments[place])
            }
        }
        let path = session.resolvePath(shown)
        AtomicFile.sweep((path as NSString).deletingLastPathComponent)
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(text, to: path)
        } catch {
            throw ShellError.cannotWrite(path: shown, reason: Self.reason(error, shown: shown))
        }
        return .show(ExportView(path: shown, format: ext, bytes: text.utf8.count, graph: source))
    }

    /// A committed round by name, else the draft; with no draft, after a
    /// commit, the error names the `export` line that takes that round.
    static func roundView(_ name: String?, _ session: Session, exportingTo file: String? = nil) throws -> RoundView {
        if name != nil {
            return RoundView(
                record: try RoundCommands.committedRound(name, session), directory: session.directory,
                language: session.language)
        }
        guard let draft = session.matchmaking.draft else {
            throw session.matchmaking.noDraftError(
                instead: file.map { file in { .exports("export \(Tokenizer.quote(file)) --round \($0)") } },
                lastRound: try? session.existingLedger()?.lastRound()?.name)
        }
        return RoundView(draft: draft, directory: session.directory, language: session.language)
    }

    /// Every admissible pair that scores, in the benchmark's graph format.
    /// Each pair is scored once: the lines go to a scratch file while they
    /// are counted, then follow the header that says how many. Returns the
    /// bytes written.
    static func writeEveryPair(
        to path: String, shownAs shown: String, source: inout GraphSource, _ session: Session
    ) throws -> Int {
        let (request, model) = (source.request, source.model)
        var bytes = 0
        do {
            try AtomicFile.write(to: path) { (output: inout AtomicFile.Output) throws(any Error) in
                guard let scratch = tmpfile() else {
                    throw ShellError.cannotWrite(path: shown, reason: .noScratchRoom)
                }
                defer { fclose(scratch) }
                var count = 0
                let stop = session.environment.isCancelled
                let header: String
                // Minutes on a large community: the status line at the prompt says how far it is.
                let language = session.language
                let members = request.among?.count ?? model.directory.members.count
                func sayHowFar(_ vertex: Int?) {
                    let written = language.grouped(count)
                    var text = language.text("writing every admissible pair", "écriture des paires admissibles")
                    if count > 0 { text += language.text(": \(written) so far", " : \(written) écrites") }
                    if let u = vertex, members > 1 {
                        // The pairs of the members before `u` are all looked at: u(2n − u − 1)/2 of n(n − 1)/2.
                        let share = Double(u) * Double(2 * members - u - 1) / (Double(members) * Double(members - 1))
                        text += language.text(
                            ", \(Int(share * 100))\u{A0}% looked at", ", \(Int(share * 100)) % examinées")
                    }
                    session.console.status(text + "…")
                }
                sayHowFar(nil)
                if source.isMentoring {
                    let sides = try Matchmaker.everyMentoringPair(request, model: model, shouldStop: stop) {
                        mentee, seat, weight in
                        fputs("\(mentee) \(seat) \(weight)\n", scratch)
                        count += 1
                        if count & 0x3FFFF == 0 { sayHowFar(nil) }
                    }
                    header = "\(sides.mentees) \(sides.seats) \(count)\n"
                    source.sides = sides
                } else {
                    try Matchmaker.everyPair(request, model: model, shouldStop: stop) { u, v, score in
                        fputs("\(u) \(v) \(score)\n", scratch)
                        count += 1
                        if count & 0x3FFFF == 0 { sayHowFar(u) }
                    }
                    header = "\(source.members ?? model.directory.members.count) \(count)\n"
                }
                guard ferror(scratch) == 0 else {
                    throw ShellError.cannotWrite(path: shown, reason: .scratchNotWritten)
                }
                output.write(header)
                bytes = header.utf8.count
                rewind(scratch)
                var chunk = [UInt8](repeating: 0, count: 1 << 20)
                while case let read = fread(&chunk, 1, chunk.count, scratch), read > 0 {
                    output.write(bytes: chunk[..<read])
                    bytes += read
                }
            }
        } catch {
            switch error {
            case .produced(let produced): throw produced
            case .failure(let failure):
                throw ShellError.cannotWrite(path: shown, reason: Self.reason(failure, shown: shown))
            }
        }
        return bytes
    }

    /// Why a file could not be written, in words.
    static func reason(_ failure: AtomicFile.Failure, shown: String) -> FileReason {
        switch failure {
        case .noFolder: .noFolder((shown as NSString).deletingLastPathComponent)
        case .cannotCreate, .cannotReplace: failure.errorNumber.map { .system($0) } ?? .cannotBeWritten
        case .exists: .inTheWay
        }
    }

    /// The pairs `match pairs` proves its pairing over (`graphSource`):
    /// every admissible pair up to 1,500 members, the candidate graph beyond.
    /// After `match mentoring`, its assignment as a bipartite graph of
    /// mentees and mentors' seats (`Matchmaker.mentoringGraph`).
    static func graphText(_ source: inout GraphSource, _ session: Session) throws -> String {
        let stop = session.environment.isCancelled
        if source.isMentoring {
            let graph = try Matchmaker.mentoringGraph(
                source.request, model: source.model, including: source.draftPairs, shouldStop: stop)
            source.sides = (graph.mentees.count, graph.mentors.count, graph.graph.rightCount)
            return graph.benchmarkText
        }
        return try Matchmaker.pairingGraph(source.request, model: source.model, shouldStop: stop).benchmarkText
    }

    /// What a `.graph` export is of, and what to say about it.
    struct GraphSource {
        var request: MatchRequest
        var model: AffinityModel
        /// The draft's pinned pairs, left out of the file, and their points.
        var pinned: (count: Int, points: Int64)
        /// The members of the file when they are not the whole community.
        var members: Int? { request.among?.count }
        /// Whether the draft paired (or assigned) as many members as it could first.
        var isCardinalityFirst: Bool { request.everyone }
        /// The draft the file is of (`match pairs` or `match mentoring`), or nil: the community's pairs.
        var draft: Draft.Mode?
        /// Whether the file is a mentoring draft's assignment (mentees and mentors' seats).
        var isMentoring: Bool { draft == .mentoring }
        /// A mentoring draft made stable: the file's optimum is the best total, which it may fall short of.
        var wasStable = false
        /// A stable draft's pairs but the pinned ones (mentee, mentor: directory indices), put in the file.
        var draftPairs: [(mentee: Int, mentor: Int)] = []
        /// The mentoring file's sides: mentees, mentors and their seats (known once it is written).
        var sides: (mentees: Int, mentors: Int, seats: Int)?
        /// Whether there is a draft the file is not of (circles, or a plan's
        /// round): the file is the whole community's pairs instead.
        var isOfAnotherDraft = false
    }

    /// With a `match pairs` draft: the pairs it was solved on — its members
    /// (those of `--among`) but the pinned ones (pins are set before
    /// solving), its bans, the pairs it kept apart, and the weights it was
    /// made with, so that another solver checks that very draft. With a
    /// `match mentoring` draft: its assignment, mentees against mentors'
    /// seats left once its pins are set. Otherwise the whole community's
    /// pairs under the session's bans and settings.
    static func graphSource(_ session: Session) throws -> GraphSource {
        try session.requireProfiles()
        let draft = session.matchmaking.draft
        if let draft, draft.mode != .circles, let made = session.matchmaking.draftSource {
            var request = made.request
            let pinnedGroups = draft.groups.filter(\.isPinned)
            let pinnedIDs = Set(pinnedGroups.flatMap(\.members))
            // Mentoring sets its pins itself (a mentor keeps its other seats).
            if !pinnedIDs.isEmpty && draft.mode == .pairs {
                request.among = (request.among ?? Array(session.directory.members.indices)).filter {
                    !pinnedIDs.contains(session.directory.members[$0].id)
                }
            }
            let wasStable = request.stable
            request.stable = false
            let model = AffinityModel(
                directory: session.directory, weights: made.weights, history: try session.meetingHistory())
            let directory = session.directory
            let draftPairs: [(mentee: Int, mentor: Int)] =
                wasStable
                ? draft.groups.filter { !$0.isPinned && $0.members.count == 2 }.compactMap { group in
                    guard let mentee = directory.index(of: group.members[0]),
                        let mentor = directory.index(of: group.members[1])
                    else { return nil }
                    return (mentee, mentor)
                } : []
            return GraphSource(
                request: request, model: model, pinned: (pinnedGroups.count, pinnedGroups.reduce(0) { $0 + $1.score }),
                draft: draft.mode, wasStable: wasStable, draftPairs: draftPairs)
        }
        var request = MatchRequest(mode: .pairs)
        request.forbidden = try session.bans()
        request.candidates = session.matchmaking.candidates
        return GraphSource(
            request: request, model: try session.affinityModel(), pinned: (0, 0), isOfAnotherDraft: draft != nil)
    }
}

struct ExportView: Presentable {
    let path: String
    let format: String
    let bytes: Int
    /// For a `.graph`: what it is of.
    var graph: ExportCommand.GraphSource?

    func document(in language: Language) -> Document {
        let t = language.text
        let size = language.counted(bytes, "byte", "octet")
        var paragraphs: [Document.Block] = [
            .paragraph(t("wrote \(path) (\(format), \(size))", "\(path) écrit (\(format), \(size))"))
        ]
        if let graph, let sides = graph.sides {
            let mentees = language.counted(sides.mentees, "mentee", "mentoré·e", frenchPlural: "mentoré·es")
            let seats = language.counted(sides.seats, "seat", "place")
            let mentors = language.counted(sides.mentors, "mentor", "mentor")
            paragraphs.append(
                .paragraph(
                    t(
                        "note: the draft's assignment: on the left its \(mentees) still to assign, in id order; on the right the \(seats) left to its \(mentors), a mentor's seats one after another, in id order; each pair once per seat of its mentor: a best matching of the file is a best assignment",
                        "note : l’affectation du brouillon : à gauche ses \(mentees) à affecter, dans l’ordre des identifiants ; à droite les \(seats) restantes de ses \(mentors), les places d’un mentor à la suite, dans l’ordre des identifiants ; chaque paire une fois par place de son mentor : un meilleur couplage du fichier est une meilleure affectation"
                    )))
            if graph.wasStable {
                paragraphs.append(
                    .paragraph(
                        t(
                            "note: the draft is stable (--stable), not the best total: the file holds each of its pairs that scores, and its total is at most the file's optimum",
                            "note : le brouillon est stable (--stable), pas le meilleur total : le fichier contient chacune de ses paires qui marque des points, et son total est au plus l’optimum du fichier"
                        )))
            }
        } else if let graph, let members = graph.members {
            let counted = language.counted(members, "member", "membre")
            paragraphs.append(
                .paragraph(
                    t(
                        "note: the pairs of the draft's \(counted), vertex i the i-th of them in id order",
                        "note : les paires des \(counted) du brouillon, sommet i le i-ème d’entre eux dans l’ordre des identifiants"
                    )))
        }
        if let graph, graph.pinned.count > 0 {
            let count = graph.pinned.count
            let points = language.points(graph.pinned.points)
            let english =
                count == 1
                ? "the draft's pinned pair (\(points) points)"
                : "the draft's \(language.grouped(count)) pinned pairs (\(points) points)"
            let french =
                count == 1
                ? "la paire épinglée du brouillon (\(points) points), posée"
                : "les \(language.grouped(count)) paires épinglées du brouillon (\(points) points), posées"
            paragraphs.append(
                .paragraph(
                    graph.wasStable
                        ? t(
                            "note: without \(english), set before solving: the draft's total is at most the file's optimum plus \(count == 1 ? "its" : "their") points",
                            "note : sans \(french) avant la résolution : le total du brouillon est au plus l’optimum du fichier plus \(count == 1 ? "ses" : "leurs") points"
                        )
                        : t(
                            "note: without \(english), set before solving: the draft's total is the file's optimum plus \(count == 1 ? "its" : "their") points",
                            "note : sans \(french) avant la résolution : le total du brouillon est l’optimum du fichier plus \(count == 1 ? "ses" : "leurs") points"
                        )))
        }
        if let graph, graph.isCardinalityFirst {
            paragraphs.append(
                .paragraph(
                    graph.isMentoring
                        ? t(
                            "note: the draft assigns as many mentees as it can first (--everyone): solve the file for the most pairs, then the weight",
                            "note : le brouillon affecte d’abord le plus de mentoré·es possible (--everyone) : résolvez le fichier pour le plus de paires, puis le poids"
                        )
                        : t(
                            "note: the draft pairs as many members as it can first (--everyone): solve the file for the most pairs, then the weight",
                            "note : le brouillon apparie d’abord le plus de membres possible (--everyone) : résolvez le fichier pour le plus de paires, puis le poids"
                        )))
        }
        if let graph, graph.isOfAnotherDraft {
            paragraphs.append(
                .paragraph(
                    t(
                        "note: the draft is not one of 'match pairs' or 'match mentoring' (circles, or a plan's round): the file is the pairs of the whole community, which does not check it",
                        "note : le brouillon ne vient pas de 'match pairs' ni de 'match mentoring' (cercles, ou tour d’un plan) : le fichier est celui des paires de toute la communauté, qui ne le vérifie pas"
                    )))
        }
        return Document(paragraphs)
    }
    func json(in language: Language) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("path", .string(path)), ("format", .string(format)), ("bytes", .int(bytes)),
        ]
        if let graph {
            pairs += [
                ("members", graph.members.map { .int($0) } ?? .null), ("pinned_pairs", .int(graph.pinned.count)),
                ("pinned_points", .int(graph.pinned.points)), ("maximum_cardinality", .bool(graph.isCardinalityFirst)),
                ("of", .string(graph.draft?.rawValue ?? "community")), ("stable", .bool(graph.wasStable)),
                ("mentees", graph.sides.map { .int($0.mentees) } ?? .null),
                ("mentors", graph.sides.map { .int($0.mentors) } ?? .null),
                ("seats", graph.sides.map { .int($0.seats) } ?? .null),
            ]
        }
        return .object(JSONValue.KeyValuePairs(pairs))
    }
}

/// One row a member of a group: spreadsheet-friendly and formula-safe.
enum ExportCSV {
    static func text(_ view: RoundView) -> String {
        var text = CSVFormat.record([
            "round", "group", "member_id", "name", "role", "organization", "with", "score", "why", "starter",
        ])
        for (index, group) in view.groups.enumerated() {
            for person in group.people {
                let others = group.people.filter { $0.id != person.id }.map(\.name).joined(separator: ", ")
                let why = view.reasons(of: group).joined(separator: view.language.semicolon)
                let cells: [String] = [
                    view.name ?? view.language.text("draft", "brouillon"), String(index + 1), person.id, person.name,
                    view.role(of: person), person.organization ?? "",
                    others, view.language.points(group.score), why, view.starterText(of: group) ?? "",
                ]
                text += CSVFormat.record(cells)
            }
        }
        return text
    }
}
