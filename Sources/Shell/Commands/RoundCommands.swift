import Community
import Foundation
import Ledger
import Matchmaker

/// Rounds in the ledger: diff, commit, rounds, round, history, rate.
enum RoundCommands {
    static let all: [CommandSpec] = [diff, commit, rounds, round, history, rate]

    static let diff = CommandSpec(
        "diff", group: .rounds, summary: "What the draft changes from the last committed round"
    ) { session, _ in
        guard let draft = session.matchmaking.draft else { throw MatchCommandError.noDraft }
        let last = try session.existingLedger()?.lastRound()
        return .show(DiffView(draft: draft, last: last, directory: session.directory))
    }

    static let commit = CommandSpec(
        "commit", group: .rounds,
        summary: "Record the draft in the ledger as a round",
        details: "One transaction: the round is recorded whole or not at all. With a plan, the next planned round becomes the draft; --all records every planned round (NAME-1, NAME-2, …).",
        arguments: [ArgumentSpec("NAME", summary: "The round's name (default: mode and date)", arity: .optional)],
        options: [OptionSpec("all", summary: "Record every planned round")],
        examples: ["commit", "commit mardi-1-decembre", "commit atelier --all"]
    ) { session, arguments in
        guard let draft = session.matchmaking.draft else { throw MatchCommandError.noDraft }
        let ledger = try session.openLedger()
        let taken = Set(try ledger.rounds().map(\.name))
        let drafts = arguments.flag("all") ? [draft] + session.matchmaking.planned : [draft]
        var names: [String] = []
        for (index, current) in drafts.enumerated() {
            var name = arguments[0] ?? defaultName(for: current, now: session.environment.now())
            if drafts.count > 1 { name += "-\(index + 1)" }
            if arguments[0] == nil { name = uniqueName(name, taken: taken.union(names)) }
            try ledger.commit(record(current, name: name, at: session.environment.now()))
            names.append(name)
        }
        if arguments.flag("all") {
            session.matchmaking.draft = nil
            session.matchmaking.planned = []
        } else if let next = session.matchmaking.planned.first {
            session.matchmaking.draft = next
            session.matchmaking.planned.removeFirst()
        } else {
            session.matchmaking.draft = nil
        }
        let shown = session.ledgerLocation?.shownAs ?? ledger.path
        var text = "committed " + names.map { "'\($0)'" }.joined(separator: ", ") + " to \(shown)"
        if session.matchmaking.draft != nil { text += "; the next planned round is the draft now (\(session.matchmaking.planned.count) more after it)" }
        return .show(CommitView(names: names, ledger: shown, text: text))
    }

    static func defaultName(for draft: Draft, now: Date) -> String {
        "\(draft.mode.rawValue)-" + now.formatted(Date.ISO8601FormatStyle().year().month().day())
    }

    static func uniqueName(_ base: String, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var number = 2
        while taken.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    static func record(_ draft: Draft, name: String, at date: Date) -> RoundRecord {
        RoundRecord(name: name, committedAt: date, mode: draft.mode.rawValue + (draft.isStable ? "-stable" : ""), seed: draft.seed,
                    total: draft.total, upperBound: draft.upperBound,
                    groups: draft.groups.map { RoundRecord.Group(members: $0.members, score: $0.score, reasons: $0.reasons, starter: $0.starter, isPinned: $0.isPinned) },
                    unmatched: draft.unmatched.map { RoundRecord.Unmatched(id: $0.id, reason: $0.reason) }, notes: draft.notes)
    }

    static let rounds = CommandSpec(
        "rounds", group: .rounds, summary: "The rounds committed so far"
    ) { session, _ in
        .show(RoundList(rounds: try session.existingLedger()?.rounds() ?? []))
    }

    static let round = CommandSpec(
        "round", group: .rounds, summary: "Show a committed round",
        arguments: [ArgumentSpec("NAME", summary: "The round (the last one when left out)", arity: .optional, completion: roundNames)],
        examples: ["round", "round mardi-1-decembre"]
    ) { session, arguments in
        .show(RoundView(record: try committedRound(arguments[0], session), directory: session.directory))
    }

    static let roundNames = ArgumentCompletion.custom { request in
        ((try? request.session.existingLedger()?.rounds()) ?? []).map { CompletionCandidate($0.name) }
    }

    /// A committed round by name, or the last one.
    static func committedRound(_ name: String?, _ session: Session) throws -> RoundRecord {
        guard let ledger = try session.existingLedger() else { throw LedgerError.noRounds }
        if let name {
            if let record = try ledger.round(named: name) { return record }
            throw LedgerError.unknownRound(name: name, suggestion: Suggestions.nearest(to: name, among: try ledger.rounds().map(\.name), reach: .likelyTypo))
        }
        guard let last = try ledger.lastRound() else { throw LedgerError.noRounds }
        return last
    }

    static let history = CommandSpec(
        "history", group: .rounds, summary: "Everyone a member has met, newest first",
        arguments: [ArgumentSpec("MEMBER", summary: "An id or a name", arity: .oneOrMore, completion: MemberCompletion.members)],
        examples: ["history amelie-dupre"]
    ) { session, arguments in
        let subject = try session.member(arguments.positionals.joined(separator: " "))
        let meetings = try session.existingLedger()?.meetings(of: subject.member.id) ?? []
        return .show(MeetingList(member: subject.member, meetings: meetings, directory: session.directory))
    }

    static let rate = CommandSpec(
        "rate", group: .rounds, summary: "Record how a meeting went, 1 to 5 (weighs later rounds)",
        arguments: MatchCommands.pairArguments + [
            ArgumentSpec("RATING", summary: "1 (bad) to 5 (excellent)", completion: .choices(["1", "2", "3", "4", "5"])),
            ArgumentSpec("NOTE", summary: "A few words", arity: .zeroOrMore),
        ],
        examples: ["rate amelie-dupre emilie-durand 5 a new internship came of it"]
    ) { session, arguments in
        let pair = try MatchCommands.memberPair(arguments, session)
        let rating = try Arguments.integer(arguments[2] ?? "", named: "rating", in: 1...5)
        let note = arguments.positionals.dropFirst(3).joined(separator: " ")
        try session.openLedger().rate(pair.first, pair.second, rating: rating, note: note.isEmpty ? nil : note, at: session.environment.now())
        return .show(Message("rated \(session.names([pair.first, pair.second]).joined(separator: " × ")): \(rating)/5"))
    }
}
