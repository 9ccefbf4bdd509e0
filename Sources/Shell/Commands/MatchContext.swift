import Community
import Foundation
import Ledger
import Matchmaker

/// What the matching commands share: the weights in force, the ledger and
/// its history, members named in arguments.
extension Session {
    /// The weights in force: the session's, or the community's.
    public var weights: AffinityWeights { matchmaking.weights ?? directory.settings.weights }

    /// Where the ledger is: `--ledger`/`PATIO_LEDGER`, else `.patio/ledger.sqlite` in the profiles folder.
    var ledgerLocation: (path: String, shownAs: String)? {
        if let file = matchmaking.ledgerFile { return (resolvePath(file), file) }
        guard let folder = profilesFolder else { return nil }
        let shown = (folder.shownAs as NSString).appendingPathComponent(".patio/ledger.sqlite")
        return ((folder.path as NSString).appendingPathComponent(".patio/ledger.sqlite"), shown)
    }

    /// Whether the ledger is there and this user may only read it: nothing
    /// can be committed to it from this session.
    public var ledgerCanOnlyBeRead: Bool {
        guard let location = ledgerLocation, FileManager.default.fileExists(atPath: location.path) else { return false }
        return !Ledger.canWrite(location.path)
    }

    /// The ledger, opened (and created) for writing or reading rounds. A
    /// ledger started anew is said so once, so that a path mistyped in a
    /// script (a new, empty history) does not go unnoticed.
    func openLedger() throws -> Ledger {
        guard let location = ledgerLocation else { throw MatchCommandError.noLedger }
        let isNew = !FileManager.default.fileExists(atPath: location.path)
        // Only the ledger kept beside the profiles gets its folder made.
        let ledger = try Ledger.open(
            at: location.path, makesFolder: matchmaking.ledgerFile == nil, onWait: waitNotice(location.shownAs))
        if isNew {
            let shown = TerminalSafeText.line(location.shownAs)
            console.writeError(
                Interpreter.place(self.location) + style.cyan(language.text("note:", "note :")) + " "
                    + language.text(
                        "a new ledger was started at \(shown) (there was none)",
                        "un nouveau registre a été commencé : \(shown) (il n’y en avait pas)") + "\n")
        }
        return ledger
    }

    /// The ledger when it exists; nil when no round was ever committed (nothing is created).
    func existingLedger() throws -> Ledger? {
        guard let location = ledgerLocation, FileManager.default.fileExists(atPath: location.path) else { return nil }
        return try Ledger.open(at: location.path, onWait: waitNotice(location.shownAs))
    }

    /// What a writer says when another process holds the ledger.
    private func waitNotice(_ shown: String) -> @Sendable () -> Void {
        let console = UncheckedConsole(console)
        let shown = TerminalSafeText.line(shown)
        // Where the command that waits came from, as its errors say it (`weekly.patio:3: `).
        let text =
            Interpreter.place(self.location)
            + language.text(
                "note: waiting for the ledger \(shown): another patio is writing to it (up to \(Ledger.waitLimit) s)",
                "note : en attente du registre \(shown) : un autre patio y écrit (jusqu’à \(Ledger.waitLimit) s)")
        return { console.base.writeError(text + "\n") }
    }

    /// The bans in force: those the ledger keeps from one session to the
    /// next, and this session's own that no ledger could keep.
    func bans() throws -> Set<MemberPair> {
        var bans = matchmaking.unkeptBans
        for pair in try existingLedger()?.bans() ?? [] { bans.insert(MemberPair(pair.first, pair.second)) }
        return bans
    }

    /// Past meetings from the ledger, as the matchmaker's novelty and feedback need them.
    func meetingHistory() throws -> MeetingHistory {
        guard let ledger = try existingLedger() else { return .none }
        var pairs: [MemberPair: MeetingHistory.Entry] = [:]
        for meeting in try ledger.pastMeetings() {
            pairs[MemberPair(meeting.first, meeting.second)] = MeetingHistory.Entry(
                roundsAgo: meeting.roundsAgo, rating: meeting.averageRating)
        }
        return MeetingHistory(pairs)
    }

    func affinityModel(history: MeetingHistory? = nil) throws -> AffinityModel {
        AffinityModel(directory: directory, weights: weights, history: try history ?? meetingHistory())
    }

    /// Fails unless a profiles folder is loaded, saying where patio looked.
    func requireFolder() throws {
        guard profilesFolder != nil else {
            throw ProfileError.noFolder(workingDirectory: environment.workingDirectory, interrupted: interruptedLoad)
        }
    }

    /// Fails unless some profiles are loaded, saying where patio looked or what the folder held.
    func requireProfiles() throws {
        try requireFolder()
        guard !directory.isEmpty else { throw MatchCommandError.noProfiles(folder: profilesFolder?.shownAs ?? "") }
    }

    /// A member named in an argument, by id or name.
    func member(_ text: String) throws -> (index: Int, member: Member) {
        let member = try ProfileCommands.member(text, in: directory)
        return (directory.index(of: member.id)!, member)
    }

    /// A member named in an argument, or else the id of one who has left (no
    /// profile now) but whom committed rounds name: their history and ratings
    /// stay reachable. Nil member for one who left.
    func memberOrFormer(_ text: String) throws -> (id: String, member: Member?) {
        // An id the ledger holds and no profile does is that former member, before any name that starts so.
        if directory.index(of: text) == nil, (try? existingLedger()?.memberIDs().contains(text)) == true {
            return (text, nil)
        }
        do {
            let member = try ProfileCommands.member(text, in: directory)
            return (member.id, member)
        } catch {
            guard case .unknownMember = error, try existingLedger()?.memberIDs().contains(text) == true else {
                throw error
            }
            return (text, nil)
        }
    }

    /// The members' names, or their ids when they are not in the directory any more.
    func names(_ ids: [String]) -> [String] { ids.map(directory.displayName) }
}

/// What can go wrong in the matching commands.
enum MatchCommandError: Error, Equatable, CustomStringConvertible, Worded {
    case noLedger
    case noDraft
    /// No draft made in this session, while the ledger holds rounds: the line that does it with the last.
    case noDraftYet(instead: Instead)
    /// No draft, because the last one was committed under this name; the
    /// command line that does with the committed round what was asked of the draft, if one does.
    case draftCommitted(String, instead: Instead?)

    /// A command line for a committed round: one that shows it, or one that exports it.
    enum Instead: Equatable {
        case shows(String)
        case exports(String)
    }
    /// No draft, because a load or an import changed the community under the last one.
    case draftDropped
    case noProfiles(folder: String)
    case samePerson(String)
    case invalidFilter(String, suggestion: String?)
    /// A filter's key given twice (`wing=3,wing=4`): a member matches every part, so each key comes once.
    case filterKeyTwice(String, filter: String)
    case nothingToUnpin(MemberPair)
    case unknownExport(String, suggestion: String?)
    case invalidDate(String)
    /// A local time the clocks skip (they go forward at it) in the calendar's time zone.
    case skippedTime(String, zone: String)
    case amongFindsNobody(String, misses: [String])

    var description: String { words(in: .en) }

    func words(in language: Language) -> String {
        let t = language.text
        let formats = ".csv, .json, .md, .html, .dot, .ics " + t("or", "ou") + " .graph"
        switch self {
        case .noLedger:
            return t(
                "no ledger: load a profiles folder (its ledger is .patio/ledger.sqlite) or start patio with --ledger FILE",
                "aucun registre : chargez un dossier de profils (son registre est .patio/ledger.sqlite) ou lancez patio avec --ledger FICHIER"
            )
        case .draftCommitted(let name, let instead):
            let committed = t(
                "no draft: the last one was committed as '\(name)' (",
                "aucun brouillon : le dernier a été enregistré sous le nom '\(name)' (")
            let that =
                switch instead {
                case .shows(let line): t("'\(line)' shows it; ", "'\(line)' l’affiche ; ")
                case .exports(let line): t("'\(line)' exports it; ", "'\(line)' l’exporte ; ")
                case nil: ""
                }
            return committed + that + t("'match' makes a new one)", "'match' en fait un nouveau)")
        case .draftDropped:
            return t(
                "no draft: the last one was dropped when the community changed ('match' or 'plan' makes a new one)",
                "aucun brouillon : le dernier a été abandonné quand la communauté a changé ('match' ou 'plan' en fait un nouveau)"
            )
        case .noDraftYet(let instead):
            let that =
                switch instead {
                case .shows(let line):
                    t("'\(line)' shows the last round committed", "'\(line)' affiche le dernier tour enregistré")
                case .exports(let line):
                    t("'\(line)' exports the last round committed", "'\(line)' exporte le dernier tour enregistré")
                }
            return t(
                "no draft yet (\(that)): 'match pairs', 'match mentoring', 'match circles' or 'plan N' makes one",
                "pas encore de brouillon (\(that)) : 'match pairs', 'match mentoring', 'match circles' ou 'plan N' en fait un"
            )
        case .noDraft:
            return t(
                "no draft yet: 'match pairs', 'match mentoring', 'match circles' or 'plan N' makes one",
                "pas encore de brouillon : 'match pairs', 'match mentoring', 'match circles' ou 'plan N' en fait un")
        case .noProfiles(let folder):
            return t(
                "no members to match: \(folder) holds no profile",
                "aucun membre à mettre en relation : \(folder) ne contient aucun profil")
        case .samePerson(let id):
            return t("\(id) cannot be paired with themselves", "\(id) ne peut pas être apparié·e avec soi-même")
        case .invalidFilter(let text, let suggestion):
            return t(
                "invalid filter '\(text)': expected KEY=VALUE with KEY among role, skill, interest, seeking, offering, wing, org",
                "filtre invalide '\(text)' : attendu CLÉ=VALEUR avec CLÉ parmi role, skill, interest, seeking, offering, wing, org"
            ) + language.hint(suggestion)
        case .filterKeyTwice(let key, let filter):
            return t(
                "'\(key)' is given twice in '\(filter)': a member matches every part of a filter, so each key comes once",
                "'\(key)' est donné deux fois dans '\(filter)' : un membre répond à chaque partie d’un filtre, chaque clé vient donc une fois"
            )
        case .nothingToUnpin(let pair):
            return t(
                "\(pair.first) and \(pair.second) are neither pinned nor forbidden",
                "\(pair.first) et \(pair.second) ne sont ni épinglé·es ni exclu·es")
        case .unknownExport("", _):
            return t(
                "the file name says the format by its extension: \(formats)",
                "le nom du fichier donne le format par son extension : \(formats)")
        case .unknownExport(let ext, let suggestion):
            return t(
                "unknown export format '.\(ext)': use \(formats)",
                "format d’export inconnu '.\(ext)' : utilisez \(formats)")
                + language.hint(suggestion.map { ".\($0)" })
        case .skippedTime(let text, let zone):
            return t(
                "\(text) does not exist in \(zone): the clocks go forward over it that night; give another time",
                "\(text) n’existe pas dans le fuseau \(zone) : on avance les horloges cette nuit-là ; indiquez une autre heure"
            )
        case .invalidDate(let text):
            return t(
                "invalid date '\(text)': expected YYYY-MM-DDTHH:MM, such as 2026-12-01T10:00",
                "date invalide '\(text)' : attendu AAAA-MM-JJTHH:MM, par exemple 2026-12-01T10:00")
        case .amongFindsNobody(let text, let misses):
            let why =
                misses.isEmpty
                ? t(
                    "each condition alone finds members, but nobody fits them all",
                    "chaque condition seule trouve des membres, mais personne ne les remplit toutes")
                : misses.joined(separator: language.semicolon)
            return t("--among \(text) finds nobody: ", "--among \(text) ne trouve personne : ") + why
        }
    }
}

/// The console, handed to the ledger's wait notice: it is called on the
/// thread that runs the database work while the shell waits for it.
private struct UncheckedConsole: @unchecked Sendable {
    let base: any Console
    init(_ base: any Console) { self.base = base }
}
