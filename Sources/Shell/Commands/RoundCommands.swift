import Community
import Foundation
import Ledger
import Matchmaker

/// Rounds in the ledger: diff, commit, rounds, round, history, rate.
enum RoundCommands {
    static let all: [CommandSpec] = [diff, commit, rounds, round, history, rate, reassign]

    static let diff = CommandSpec(
        "diff", group: .rounds, summary: "What the draft changes from the last committed round",
        details: """
            The pairs of the draft that are new, kept and ended against the last committed round, or \
            another one with --round; --limit cuts each list to its first N (JSON keeps them all).
            """,
        options: [diffRound.spec, CommonOptions.limit()],
        examples: ["diff", "diff --round mardi-1-decembre", "diff --limit 10"]
    ) { session, arguments in
        guard let draft = session.matchmaking.draft else { throw session.matchmaking.noDraftError }
        let against =
            arguments[diffRound] != nil
            ? try committedRound(arguments[diffRound], session) : try session.existingLedger()?.lastRound()
        var view = DiffView(draft: draft, last: against, directory: session.directory)
        view.limit = CommonOptions.limit(arguments)
        return .show(view)
    }

    static let diffRound = CommandOption<String?>.text(
        "round", value: "NAME", summary: "A committed round to compare with instead of the last",
        completion: RoundCommands.roundNames)

    static let allPlanned = CommandOption<Bool>.flag("all", summary: "Record every planned round")
    static let keepPins = CommandOption<Bool>.flag("keep-pins", summary: "Keep the session's pins for the next rounds")
    static let clear = CommandOption<Bool>.flag("clear", summary: "Remove the pair's ratings instead")

    static let commit = CommandSpec(
        "commit", group: .rounds,
        summary: "Record the draft in the ledger as a round",
        details: """
            One transaction: the round is recorded whole or not at all, with what was proved about it. \
            With a plan, the next planned round becomes the draft; --all records every planned round \
            (NAME-1, NAME-2, …). Pins were for this round: committing releases them, unless --keep-pins. \
            Bans stay until 'unpin'.
            """,
        arguments: [ArgumentSpec("NAME", summary: "The round's name (default: mode and date)", arity: .optional)],
        options: [allPlanned.spec, keepPins.spec],
        examples: ["commit", "commit mardi-1-decembre", "commit atelier --all", "commit --keep-pins"]
    ) { session, arguments in
        guard let draft = session.matchmaking.draft else { throw session.matchmaking.noDraftError }
        if let given = arguments[0] {
            let limit = Limits.roundNameCharacters
            guard let first = given.first, let last = given.last, !first.isWhitespace, !last.isWhitespace else {
                throw ShellError.invalidValue(
                    given, for: "round name", expected: .roundName(limit: limit), suggestion: nil)
            }
            try checkText(given, named: "round name", limit: limit)
        }
        let ledger = try session.openLedger()
        let taken = Set(try ledger.rounds().map(\.name))
        let drafts = arguments[allPlanned] ? [draft] + session.matchmaking.planned : [draft]
        // A name typed with accents composed or not is one name: kept composed (NFC), as it is looked up.
        let names =
            if let given = arguments[0]?.precomposedStringWithCanonicalMapping {
                drafts.count > 1 ? drafts.indices.map { "\(given)-\($0 + 1)" } : [given]
            } else {
                defaultNames(
                    defaultName(for: draft, now: session.environment.now()), count: drafts.count, taken: taken)
            }
        // Every name is checked before any round is recorded: a plan is not left committed in part.
        if let used = names.first(where: taken.contains) { throw LedgerError.roundExists(name: used) }
        // One transaction for them all: a plan is recorded whole or not at all. Only on the ledger the
        // draft was made on: a round another patio committed meanwhile would be unknown to its novelty
        // (and a plan's next round goes on from this one).
        let now = session.environment.now()
        session.matchmaking.draftMark = try ledger.commit(
            zip(drafts, names).map { StoredFacts.record($0, name: $1, at: now, directory: session.directory) },
            ifStill: session.matchmaking.draftMark
        )
        // The rounds recorded leave the draft at once, so that a failure after cannot record them twice.
        for _ in drafts {
            if let next = session.matchmaking.planned.first {
                session.matchmaking.draft = next
                session.matchmaking.planned.removeFirst()
            } else {
                session.matchmaking.draft = nil
            }
        }
        if session.matchmaking.draft == nil, let name = names.last {
            session.matchmaking.lastDraftEnd = .committed(name)
        }
        let shown = session.ledgerLocation?.shownAs ?? ledger.path
        let language = session.language
        let t = language.text
        let list = names.map { "'\($0)'" }.joined(separator: ", ")
        var text = t("committed \(list) to \(shown)", "enregistré \(list) dans \(shown)")
        if session.matchmaking.draft != nil {
            let more = session.matchmaking.planned.count
            text +=
                more == 0
                ? t(
                    "; the next planned round is the draft now (the last of the plan)",
                    " ; le tour planifié suivant est maintenant le brouillon (le dernier du plan)")
                : t(
                    "; the next planned round is the draft now (\(more) more after it)",
                    " ; le tour planifié suivant est maintenant le brouillon (\(more) de plus après lui)")
        }
        let pins = session.matchmaking.pins.sorted()
        if !pins.isEmpty {
            let count = language.counted(pins.count, "pin", "épingle")
            if arguments[keepPins] {
                text += t(
                    "; \(count) kept for the next rounds of this session",
                    " ; \(count) \(language.agree(pins.count, "gardée", "gardées")) pour les tours suivants de cette session"
                )
            } else {
                session.matchmaking.pins = []
                text += t(
                    "; \(count) released (they were for this round; 'commit --keep-pins' keeps them)",
                    " ; \(count) \(language.agree(pins.count, "retirée (elle valait", "retirées (elles valaient")) pour ce tour ; 'commit --keep-pins' \(language.agree(pins.count, "la garde", "les garde")))"
                )
            }
        }
        return .show(CommitView(names: names, ledger: shown, released: arguments[keepPins] ? [] : pins, text: text))
    }

    /// `pairs-2026-12-04`: the day as `rounds` shows it, in the machine's time zone (not always UTC's).
    static func defaultName(for draft: Draft, now: Date, in timeZone: TimeZone = .current) -> String {
        "\(draft.mode.rawValue)-" + now.formatted(Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day())
    }

    /// The names of `count` rounds committed on a day (`base`, from
    /// `defaultName`), numbered on from the day's rounds so that they sort
    /// in the order they were committed: the day's first round is `base`
    /// (a plan's, `base-1`, `base-2`, …), the next ones `base-2`, `base-3`, …
    /// after the highest number the day has.
    static func defaultNames(_ base: String, count: Int, taken: Set<String>) -> [String] {
        let numbers = taken.compactMap { name -> Int? in
            guard name.hasPrefix(base + "-") else { return nil }
            return Int(name.dropFirst(base.count + 1))
        }
        if !taken.contains(base) && numbers.isEmpty {
            return count == 1 ? [base] : (1...count).map { "\(base)-\($0)" }
        }
        let next = max(1, numbers.max() ?? 1) + 1
        return (next..<(next + count)).map { "\(base)-\($0)" }
    }

    static let rounds = CommandSpec(
        "rounds", group: .rounds, summary: "The rounds committed so far",
        details: "Oldest first; --limit N shows the N latest.", options: [CommonOptions.limit()]
    ) { session, arguments in
        .show(
            RoundList(
                rounds: Limited(last: CommonOptions.limit(arguments), of: try session.existingLedger()?.rounds() ?? []))
        )
    }

    static let round = CommandSpec(
        "round", group: .rounds, summary: "Show a committed round",
        arguments: [
            ArgumentSpec(
                "NAME", summary: "The round (the last one when left out)", arity: .optional, completion: roundNames)
        ],
        options: [CommonOptions.limit()],
        examples: ["round", "round mardi-1-decembre"]
    ) { session, arguments in
        var view = RoundView(record: try committedRound(arguments[0], session), directory: session.directory)
        // A committed round is read in full: every reason, as 'match --full' shows a draft.
        view.showsEveryReason = true
        view.limit = CommonOptions.limit(arguments)
        return .show(view)
    }

    static let roundNames = ArgumentCompletion.custom { request in
        ((try? request.session.existingLedger()?.rounds()) ?? []).map { CompletionCandidate($0.name) }
    }

    /// A round's name or a note, which the ledger keeps and every later
    /// listing shows: at most `limit` characters, none of them hidden.
    static func checkText(_ text: String, named name: String, limit: Int) throws(ShellError) {
        guard text.count <= limit, !text.unicodeScalars.contains(where: { TerminalSafeText.isHidden($0) }) else {
            throw ShellError.invalidValue(
                text, for: name, expected: .shortText(limit: limit),
                suggestion: nil)
        }
    }

    /// A committed round by name, or the last one.
    static func committedRound(_ name: String?, _ session: Session) throws -> RoundRecord {
        guard let ledger = try session.existingLedger() else { throw LedgerError.noRounds }
        if let name {
            if let record = try ledger.round(named: name)
                ?? ledger.round(named: name.precomposedStringWithCanonicalMapping)
            {
                return record
            }
            throw LedgerError.unknownRound(
                name: name,
                suggestion: Suggestions.nearest(to: name, among: try ledger.rounds().map(\.name), reach: .likelyTypo))
        }
        guard let last = try ledger.lastRound() else { throw LedgerError.noRounds }
        return last
    }

    static let history = CommandSpec(
        "history", group: .rounds, summary: "Everyone a member has met, newest first",
        arguments: [
            ArgumentSpec(
                "MEMBER", summary: "An id or a name", arity: .oneOrMore, completion: MemberCompletion.memberWords)
        ],
        options: [CommonOptions.limit()],
        examples: ["history aicha-trehou"]
    ) { session, arguments in
        let subject = try session.memberOrFormer(arguments.positionals.joined(separator: " "))
        let ledger = try session.existingLedger()
        let meetings = try ledger?.meetings(of: subject.id) ?? []
        // One who has left is named as the ledger last kept them.
        let kept = subject.member == nil ? try ledger?.keptNames(of: [subject.id])[subject.id] : nil
        return .show(
            MeetingList(
                id: subject.id, name: subject.member?.name, keptName: kept,
                meetings: Limited(meetings, limit: CommonOptions.limit(arguments)), directory: session.directory))
    }

    static let rate = CommandSpec(
        "rate", group: .rounds,
        summary: "Record how a meeting went, 1 to 5 (weighs later rounds), or clear its ratings",
        details: """
            Only a meeting that happened can be rated: the two must have met in a committed round. \
            A note says what came of it ('history' and 'why' show it). Ratings move the pair's later \
            scores (3 is neutral, 'set weight.feedback'); --clear removes every rating of the pair.
            """,
        arguments: MatchCommands.pairArguments + [
            ArgumentSpec(
                "RATING", summary: "1 (bad) to 5 (excellent)", arity: .optional,
                completion: .choices(["1", "2", "3", "4", "5"])),
            ArgumentSpec("NOTE", summary: "A few words", arity: .zeroOrMore),
        ],
        options: [clear.spec],
        examples: [
            "rate aicha-trehou timothee-lheureux 5 a new internship came of it",
            "rate aicha-trehou timothee-lheureux --clear",
        ]
    ) { session, arguments in
        // One who has left can still be rated with a partner they met.
        let a = try session.memberOrFormer(arguments[0] ?? "").id
        let b = try session.memberOrFormer(arguments[1] ?? "").id
        guard a != b else { throw MatchCommandError.samePerson(a) }
        let pair = MemberPair(a, b)
        let names = session.names([pair.first, pair.second]).joined(separator: " × ")
        let t = session.language.text
        if arguments[clear] {
            guard arguments.positionals.count == 2 else {
                throw ShellError.unexpectedArgument(arguments.positionals[2], command: "rate")
            }
            guard let ledger = try session.existingLedger() else { throw LedgerError.noRating(pair.first, pair.second) }
            let count = try ledger.clearRatings(pair.first, pair.second)
            let ratings = session.language.counted(count, "rating", "note")
            return .show(
                Message(
                    t(
                        "cleared \(ratings) of \(names)",
                        "\(ratings) \(session.language.agree(count, "effacée", "effacées")) pour \(names)")))
        }
        guard let ratingText = arguments[2] else { throw ShellError.missingArgument(name: "RATING", command: "rate") }
        let rating = try Arguments.integer(ratingText, named: "rating", in: 1...5)
        // A note of spaces only is no note; spaces around one are not kept.
        let note = arguments.positionals.dropFirst(3).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        try checkText(note, named: "note", limit: Limits.noteCharacters)
        let ledger = try session.openLedger()
        do {
            try ledger.rate(
                pair.first, pair.second, rating: rating, note: note.isEmpty ? nil : note, at: session.environment.now())
        } catch LedgerError.neverMet {
            throw RoundCommandError.neverMet(pair, when: ledger.isReadOnly ? .unrecordable : session.whenTheyMeet(pair))
        }
        return .show(
            Message(t("rated \(names): ", "noté \(names) : ") + "\(rating)/5" + (note.isEmpty ? "" : " (\(note))")))
    }
}

extension RoundCommands {
    static let reassign = CommandSpec(
        "reassign", group: .rounds,
        summary: "Give the rounds, ratings and bans recorded under an old id to a member",
        details: """
            A member's id comes from its file's name unless the profile gives an 'id:': a file renamed \
            leaves what the ledger holds under the old id, where 'history', novelty and --no-repeats \
            do not see it ('load' says when it finds such an id). OLD is an id no profile holds now; \
            MEMBER a member. One transaction; refused when both sat in one round (two members).
            """,
        arguments: [
            ArgumentSpec("OLD", summary: "The id the ledger holds that no profile has now"),
            ArgumentSpec("MEMBER", summary: "The member it was", completion: MemberCompletion.members),
        ],
        examples: ["reassign aicha aicha-trehou"]
    ) { session, arguments in
        let old = arguments[0] ?? ""
        // The same word twice names no two ids, whatever member its start would find.
        guard old != arguments[1] else { throw MatchCommandError.samePerson(old) }
        let member = try session.member(arguments[1] ?? "").member
        guard session.directory.index(of: old) == nil else {
            throw RoundCommandError.oldIsAMember(old, name: session.directory.displayName(old))
        }
        guard old != member.id else { throw MatchCommandError.samePerson(old) }
        guard let ledger = try session.existingLedger() else { throw LedgerError.nothingUnder(old) }
        let moved = try ledger.moveHistory(from: old, to: member.id)
        let language = session.language
        let parts = [
            language.counted(moved.rounds, "round", "tour"), language.counted(moved.ratings, "rating", "note"),
            language.counted(moved.bans, "ban", "exclusion"),
        ].joined(separator: ", ")
        let name = TerminalSafeText.line(member.name)
        return .show(
            Message(
                language.text(
                    "what the ledger held under '\(old)' (\(parts)) is \(name)'s (\(member.id)) now",
                    "ce que le registre gardait sous '\(old)' (\(parts)) est à \(name) (\(member.id)) désormais")))
    }
}

/// What can go wrong with the rounds.
enum RoundCommandError: Error, Equatable, CustomStringConvertible, Worded {
    /// When the two could meet: in the draft, in a planned round (its number), or not yet.
    /// When two members who never met would meet: in the draft, in a planned
    /// round, in none yet, or never through this ledger (it can only be read).
    enum Upcoming: Equatable { case draft, planned(Int), notPlanned, unrecordable }

    case neverMet(MemberPair, when: Upcoming)
    /// `reassign`: the old id is a member's now (its profile holds it).
    case oldIsAMember(String, name: String)

    var description: String { words(in: .en) }

    func words(in language: Language) -> String {
        let t = language.text
        switch self {
        case .oldIsAMember(let id, let name):
            return t(
                "'\(id)' is the id of \(name), a member now: only an id no profile holds can be given to another",
                "'\(id)' est l’identifiant de \(name), membre aujourd’hui : seul un identifiant qu’aucun profil ne porte peut être donné à un autre"
            )
        case .neverMet(let pair, let when):
            let (a, b) = (pair.first, pair.second)
            let base = t(
                "\(a) and \(b) have not met in a committed round, so there is no meeting to rate",
                "\(a) et \(b) ne se sont pas rencontré·es dans un tour enregistré : il n’y a pas de rencontre à noter")
            switch when {
            case .draft:
                return base
                    + t(
                        ": they meet in the draft; 'commit' it, and rate them after they have met",
                        " ; le brouillon les réunit : enregistrez-le ('commit'), puis notez après leur rencontre")
            case .planned(let index):
                return base
                    + t(
                        ": they meet in planned round \(index); rate them once it is committed and they have met",
                        " ; le tour planifié \(index) les réunit : notez une fois qu’il est enregistré et qu’ils se sont vus"
                    )
            case .unrecordable:
                return base
                    + t(
                        "; the ledger can only be read here, so no round can be committed to it either",
                        " ; le registre ne peut qu’être lu ici : aucun tour ne peut non plus y être enregistré")
            case .notPlanned:
                return base
                    + t(
                        ": no draft pairs them yet ('pin \(a) \(b)' then 'match' makes them meet)",
                        " ; aucun brouillon ne les réunit encore ('pin \(a) \(b)' puis 'match' les fait se rencontrer)")
            }
        }
    }
}

extension Session {
    /// Whether the draft or a planned round pairs these two.
    func whenTheyMeet(_ pair: MemberPair) -> RoundCommandError.Upcoming {
        if matchmaking.draft?.pairs.contains(pair) == true { return .draft }
        if let index = matchmaking.planned.firstIndex(where: { $0.pairs.contains(pair) }) { return .planned(index + 2) }
        return .notPlanned
    }
}
