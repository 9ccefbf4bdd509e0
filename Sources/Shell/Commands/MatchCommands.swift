import Community
import Foundation
import Ledger
import Matchmaker

/// Making a round: match, plan, why, suggest, and the constraints.
enum MatchCommands {
    static let all: [CommandSpec] = [match, plan, draft, why, suggest, pin, forbid, unpin, constraints]

    static let everyone = CommandOption<Bool>.flag(
        "everyone", summary: "Pair (or assign) as many members as possible first, then the best",
        modes: ["pairs", "mentoring"])
    static let among = CommandOption<String?>.text(
        "among", value: "FILTER",
        summary: "Only these members: KEY=VALUE[,KEY=VALUE…] with " + FilterKey.names.joined(separator: ", "))
    static let stable = CommandOption<Bool>.flag(
        "stable", summary: "Stable and best for every mentee instead of the best total", modes: ["mentoring"])
    static let size = CommandOption<Int>.integer(
        "size", value: "K", summary: "Members a table", range: 2...12, default: 3, modes: ["circles"])
    static let anyRoles = CommandOption<Bool>.flag(
        "any-roles", summary: "Any mix of roles at a table (one of each role otherwise)", modes: ["circles"])
    static let noRepeats = CommandOption<Bool>.flag(
        "no-repeats",
        summary:
            "Keep apart every pair that met in a committed round while there is an alternative (then those left over pair among themselves)"
    )
    static let full = CommandOption<Bool>.flag(
        "full", summary: "Every reason of each group (at a terminal a draft shows the strongest, in a few words)")

    static let matchOptions: [OptionSpec] = [
        everyone.spec, among.spec, stable.spec, size.spec, anyRoles.spec, noRepeats.spec, full.spec,
        CommonOptions.limit(),
    ]

    static let match = CommandSpec(
        "match", group: .matching,
        summary: "Propose a round: pairs, mentoring or circles",
        details: """
            pairs: the pairing with the best total affinity, proved optimal. mentoring: students and \
            startups to entrepreneurs within their capacities (optimal, or --stable). circles: tables \
            of three mixing roles, with how close to the best possible they are. Pins, bans, novelty \
            (who met recently) and earlier ratings count. The result is a draft: 'why', 'diff', \
            'commit', 'export' work on it.
            """,
        arguments: [
            ArgumentSpec(
                "MODE", summary: "pairs, mentoring or circles", arity: .optional,
                completion: .choices(Draft.Mode.allCases.map(\.rawValue)))
        ],
        options: matchOptions,
        examples: [
            "match pairs", "match pairs --everyone", "match mentoring --stable", "match circles",
            "match pairs --among role=student,wing=3",
        ],
        mode: .argument(0, default: "pairs")
    ) { session, arguments in
        // Where the ledger stands before anything is read from it: a round committed after is refused at commit.
        let mark = try session.existingLedger()?.mark() ?? .empty
        let request = try matchRequest(arguments, session: session, modeWord: arguments[0])
        let model = try session.affinityModel()
        let draft = try Matchmaker.matchAvoidingRepeats(
            request, model: model, now: session.environment.now(), shouldStop: session.environment.isCancelled,
            report: session.stageReporter())
        session.matchmaking.draft = draft
        session.matchmaking.draftSource = (request, model.weights)
        session.matchmaking.planned = []
        session.matchmaking.draftMark = mark
        return .show(roundView(draft, session: session, arguments: arguments))
    }

    static let plan = CommandSpec(
        "plan", group: .matching,
        summary: "Propose N successive rounds: no pair twice while an alternative exists",
        details:
            "Each round counts the ones before as met; whoever had no partner or a weak one comes first in the next. The first round becomes the draft; 'commit' records it and brings the next one.",
        arguments: [
            ArgumentSpec("N", summary: "How many rounds (2 to 20)"),
            ArgumentSpec(
                "MODE", summary: "pairs, mentoring or circles", arity: .optional,
                completion: .choices(Draft.Mode.allCases.map(\.rawValue))),
        ],
        options: matchOptions,
        examples: ["plan 3", "plan 4 mentoring", "plan 3 circles --any-roles"],
        mode: .argument(1, default: "pairs")
    ) { session, arguments in
        let count = try Arguments.integer(arguments[0] ?? "", named: "N", in: 2...20)
        let mark = try session.existingLedger()?.mark() ?? .empty
        let request = try matchRequest(arguments, session: session, modeWord: arguments[1])
        let history = try session.meetingHistory()
        let directory = session.directory
        let weights = session.weights
        let drafts = try Matchmaker.plan(
            request, rounds: count, history: history,
            makeModel: { AffinityModel(directory: directory, weights: weights, history: $0) },
            now: session.environment.now(), shouldStop: session.environment.isCancelled,
            report: session.stageReporter())
        session.matchmaking.draft = drafts.first
        session.matchmaking.planned = Array(drafts.dropFirst())
        session.matchmaking.draftMark = mark
        return .show(
            PlanView(
                rounds: drafts.enumerated().map { index, draft in
                    roundView(draft, plan: (index + 1, count), session: session, arguments: arguments)
                }))
    }

    static let draft = CommandSpec(
        "draft", group: .matching,
        summary: "Show the draft again, as 'match' showed it",
        details: """
            The draft the last 'match' or 'plan' made (after a 'commit' of a planned round, the next \
            one), with its claim, without computing anything again.
            """,
        options: [full.spec, CommonOptions.limit()],
        examples: ["draft", "draft --full", "draft --format json"]
    ) { session, arguments in
        guard let draft = session.matchmaking.draft else {
            throw session.matchmaking.noDraftError(
                instead: { .shows("round \($0)") }, lastRound: try? session.existingLedger()?.lastRound()?.name)
        }
        return .show(roundView(draft, session: session, arguments: arguments))
    }

    /// A draft as `match`, `plan` and `draft` show it: compact at a
    /// terminal unless `--full`, which gives every reason; `--limit` rows.
    static func roundView(
        _ draft: Draft, plan: (index: Int, count: Int)? = nil, session: Session, arguments: Arguments
    ) -> RoundView {
        // A planned round shown again (by 'draft') is headed as the plan headed it.
        let planned = draft.notes.lazy.compactMap { note -> (index: Int, count: Int)? in
            if case .planRound(let index, let count) = note { (index, count) } else { nil }
        }.first
        var view = RoundView(draft: draft, directory: session.directory, plan: plan ?? planned)
        view.isCompact = session.showsCompact(arguments) && !arguments[full]
        view.showsEveryReason = arguments[full]
        view.limit = CommonOptions.limit(arguments)
        return view
    }

    /// The request a `match` or `plan` line describes.
    static func matchRequest(_ arguments: Arguments, session: Session, modeWord: String?) throws -> MatchRequest {
        try session.requireProfiles()
        let mode =
            try modeWord.map { word throws(ShellError) in
                guard let mode = Draft.Mode(rawValue: word.lowercased()) else {
                    throw ShellError.invalidValue(
                        word, for: "mode", expected: .oneOf(Draft.Mode.allCases.map(\.rawValue)),
                        suggestion: Suggestions.nearest(
                            to: word, among: Draft.Mode.allCases.map(\.rawValue), reach: .likelyTypo))
                }
                return mode
            } ?? .pairs
        var request = MatchRequest(mode: mode)
        request.everyone = arguments[everyone]
        request.stable = arguments[stable]
        request.size = arguments[size]
        request.mixesRoles = !arguments[anyRoles]
        request.pins = session.matchmaking.pins
        request.forbidden = try session.bans()
        request.candidates = session.matchmaking.candidates
        request.seed = session.settings.seed
        if arguments[noRepeats] {
            request.alreadyMet = Set(try session.meetingHistory().pairs.keys)
            request.keepsEarlierRoundsApart = true
        }
        if let text = arguments[among] {
            let filter = try memberFilter(text)
            let among = session.directory.members(matching: filter)
            guard !among.isEmpty else {
                throw MatchCommandError.amongFindsNobody(
                    text, misses: session.directory.misses(filter).map { MemberList.text($0, in: session.language) })
            }
            request.among = among.compactMap { session.directory.index(of: $0.id) }
        }
        return request
    }

    /// `role=student,wing=3` as a members filter.
    static func memberFilter(_ text: String) throws -> MemberFilter {
        var filter = MemberFilter()
        var given = Set<FilterKey>()
        let parts = text.split(separator: ",")
        // An empty filter would be everyone, and the claim would say "matched".
        guard !parts.isEmpty else { throw MatchCommandError.invalidFilter(text, suggestion: nil) }
        for part in parts {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[1].isEmpty, let key = FilterKey(rawValue: pieces[0].lowercased()) else {
                // A key without its value needs no other key suggested.
                let typed = pieces.first ?? ""
                throw MatchCommandError.invalidFilter(
                    String(part),
                    suggestion: FilterKey(rawValue: typed.lowercased()) != nil
                        ? nil : Suggestions.nearest(to: typed, among: FilterKey.names, reach: .likelyTypo))
            }
            guard given.insert(key).inserted else {
                throw MatchCommandError.filterKeyTwice(pieces[0], filter: text)
            }
            try key.apply(pieces[1], to: &filter)
        }
        return filter
    }

    static let why = CommandSpec(
        "why", group: .matching,
        summary: "Why two members would (or could not) meet: their score, term by term",
        arguments: [
            ArgumentSpec("A", summary: "A member (id or name)", completion: MemberCompletion.members),
            ArgumentSpec("B", summary: "Another member", completion: MemberCompletion.members),
        ],
        examples: ["why aicha-trehou timothee-lheureux", "why 'Aïcha Tréhou' 'Timothée Lheureux'"]
    ) { session, arguments in
        let a = try session.member(arguments[0] ?? "")
        let b = try session.member(arguments[1] ?? "")
        guard a.member.id != b.member.id else { throw MatchCommandError.samePerson(a.member.id) }
        let model = try session.affinityModel()
        let exclusion = Admissibility(forbidden: try session.bans()).exclusion(a.member, b.member)
        let ratings = try session.existingLedger()?.ratings(a.member.id, b.member.id) ?? []
        let pair = MemberPair(a.member.id, b.member.id)
        return .show(
            ExplanationView(
                a: a.member, b: b.member, directory: session.directory, explanation: model.explain(a.index, b.index),
                exclusion: exclusion, isPinned: session.matchmaking.pins.contains(pair), ratings: ratings,
                banIsFixed: !session.matchmaking.unkeptBans.contains(pair) && session.ledgerCanOnlyBeRead))
    }

    static let suggest = CommandSpec(
        "suggest", group: .matching,
        summary: "Who a member should meet next, best first, with reasons",
        arguments: [
            ArgumentSpec(
                "MEMBER", summary: "An id or a name", arity: .oneOrMore, completion: MemberCompletion.memberWords)
        ],
        options: [CommonOptions.limit(default: 10, aliases: ["top"])],
        examples: ["suggest aicha-trehou", "suggest Timothée Lheureux --limit 5"]
    ) { session, arguments in
        let subject = try session.member(arguments.positionals.joined(separator: " "))
        let model = try session.affinityModel()
        let admissibility = Admissibility(forbidden: try session.bans())
        var ranked: [(index: Int, score: Int64)] = []
        for index in session.directory.members.indices where index != subject.index {
            if admissibility.exclusion(subject.member, session.directory.members[index]) != nil { continue }
            ranked.append((index, model.score(subject.index, index)))
        }
        ranked.sort {
            ($0.score, session.directory.members[$1.index].id) > ($1.score, session.directory.members[$0.index].id)
        }
        let worth = Limited(ranked.filter { $0.score > 0 }, limit: CommonOptions.limit(arguments, default: 10))
        let top = worth.shown.map { entry in
            (
                member: session.directory.members[entry.index], score: entry.score,
                reasons: Array(model.explain(subject.index, entry.index).reasons.prefix(2).map(\.fact))
            )
        }
        return .show(
            SuggestionList(
                subject: subject.member, suggestions: top, omitted: worth.omitted, directory: session.directory))
    }

    static func memberPair(_ arguments: Arguments, _ session: Session) throws -> MemberPair {
        let a = try session.member(arguments[0] ?? "")
        let b = try session.member(arguments[1] ?? "")
        guard a.member.id != b.member.id else { throw MatchCommandError.samePerson(a.member.id) }
        return MemberPair(a.member.id, b.member.id)
    }

    static let pairArguments = [
        ArgumentSpec("A", summary: "A member (id or name)", completion: MemberCompletion.members),
        ArgumentSpec("B", summary: "Another member", completion: MemberCompletion.members),
    ]

    static let pin = CommandSpec(
        "pin", group: .matching, summary: "Make two members meet in the next match",
        details: "A pin is honoured by every match (or the conflict is explained); 'unpin' removes it.",
        arguments: pairArguments, examples: ["pin aicha-trehou timothee-lheureux"]
    ) { session, arguments in
        let pair = try memberPair(arguments, session)
        guard !session.matchmaking.pins.contains(pair) else {
            let t = session.language.text
            let names = session.names([pair.first, pair.second]).joined(separator: t(" and ", " et "))
            return .show(Message(t("pinned already: \(names)", "déjà épinglé·es : \(names)")))
        }
        var wasBanned = session.matchmaking.unkeptBans.remove(pair) != nil
        if let ledger = try session.existingLedger(), try ledger.lift(pair.first, pair.second) { wasBanned = true }
        session.matchmaking.pins.insert(pair)
        let t = session.language.text
        let names = session.names([pair.first, pair.second]).joined(separator: t(" and ", " et "))
        // A member pinned with someone else too: a table or a mentor takes them all, a pair only one.
        var others = ""
        for (member, partner) in [(pair.first, pair.second), (pair.second, pair.first)] {
            let earlier = session.matchmaking.pins.filter { $0.contains(member) && !$0.contains(partner) }
                .map { $0.first == member ? $0.second : $0.first }.sorted()
            guard !earlier.isEmpty else { continue }
            let name = session.names([member])[0]
            let list = session.language.andList(session.names(earlier), quoted: false)
            others += t(
                "; \(name) is pinned with \(list) too: 'match circles' seats them at one table and a mentor takes them all, but 'match pairs' needs one pin a member",
                " ; \(name) est aussi épinglé·e avec \(list) : 'match circles' les réunit à une table et un·e mentor les prend tous, mais 'match pairs' n’accepte qu’une épingle par membre"
            )
        }
        return .show(
            Message(
                t("pinned \(names)", "épinglé·es : \(names)")
                    + (wasBanned ? t(" (the ban between them is lifted)", " (leur exclusion est levée)") : "")
                    + t(": 'match' again to apply", " ; relancez 'match' pour l’appliquer") + others))
    }

    static let forbid = CommandSpec(
        "forbid", group: .matching, summary: "Keep two members apart in the next matches",
        details:
            "The ban is kept in the ledger: later sessions keep them apart too, until 'unpin'. Without a ledger that can be written, it lasts this session.",
        arguments: pairArguments, examples: ["forbid aicha-trehou clotilde-dhaussy"]
    ) { session, arguments in
        let pair = try memberPair(arguments, session)
        let t = session.language.text
        // Kept in the ledger, so that the next sessions keep them apart too; else for this session only.
        var kept: String
        if session.ledgerLocation == nil {
            session.matchmaking.unkeptBans.insert(pair)
            kept = t("for this session only: no ledger", "pour cette session seulement : aucun registre")
        } else {
            do {
                let isNew = try session.openLedger().ban(pair.first, pair.second, at: session.environment.now())
                kept =
                    isNew
                    ? t("kept in the ledger until 'unpin'", "exclusion gardée dans le registre jusqu’à 'unpin'")
                    : t(
                        "kept apart already: the ledger keeps them apart until 'unpin'",
                        "déjà exclu·es : le registre les tient à l’écart jusqu’à 'unpin'")
            } catch LedgerError.readOnly(_, outdated: false) {
                session.matchmaking.unkeptBans.insert(pair)
                kept = t(
                    "for this session only: the ledger can only be read here",
                    "pour cette session seulement : le registre ne peut qu’être lu ici")
            } catch {
                // A ledger that cannot be read either (outdated, damaged) would fail the next match: so does this.
                _ = try session.existingLedger()
                session.matchmaking.unkeptBans.insert(pair)
                kept =
                    t("for this session only: ", "pour cette session seulement : ")
                    + ErrorWording.message(error, in: session.language)
            }
        }
        // Only once the ban holds: a forbid that failed leaves the pin as it was.
        let wasPinned = session.matchmaking.pins.remove(pair) != nil
        let names = session.names([pair.first, pair.second]).joined(separator: t(" and ", " et "))
        return .show(
            Message(
                t("forbidden \(names) (\(kept))", "exclu·es : \(names) (\(kept))")
                    + (wasPinned ? t("; their pin is lifted", " ; leur épingle est retirée") : "")
                    + t(": 'match' again to apply", " ; relancez 'match' pour l’appliquer")))
    }

    static let unpin = CommandSpec(
        "unpin", group: .matching, summary: "Remove a pin or a ban between two members",
        arguments: pairArguments, examples: ["unpin aicha-trehou timothee-lheureux"]
    ) { session, arguments in
        let pair = try memberPair(arguments, session)
        var removed = session.matchmaking.pins.remove(pair) != nil || session.matchmaking.unkeptBans.remove(pair) != nil
        if !removed, let ledger = try session.existingLedger() { removed = try ledger.lift(pair.first, pair.second) }
        guard removed else { throw MatchCommandError.nothingToUnpin(pair) }
        let t = session.language.text
        let names = session.names([pair.first, pair.second]).joined(separator: t(" and ", " et "))
        return .show(Message(t("no constraint between \(names) now", "plus aucune contrainte entre \(names)")))
    }

    static let constraints = CommandSpec(
        "constraints", group: .matching, summary: "The pins of this session and the bans in force"
    ) { session, _ in
        .show(
            ConstraintList(
                pins: session.matchmaking.pins.sorted(), forbidden: try session.bans().sorted(),
                directory: session.directory))
    }
}
