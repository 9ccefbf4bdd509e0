import Community
import Foundation
import Ledger
import Matchmaker

/// Everything a command can read or change. It is passed to every handler;
/// nothing in the shell keeps state of its own.
public struct Session {
    public var settings: Settings
    public let console: any Console
    public var environment: Environment
    /// The community the commands work on.
    public var directory = Directory(members: [])
    /// Where it was loaded from: the folder on disk and as the user wrote it.
    public var profilesFolder: (path: String, shownAs: String)?
    /// Drafts, constraints, weights and the ledger.
    public var matchmaking = MatchmakingState()
    /// How many `source` scripts are running inside each other.
    var sourceDepth = 0
    /// The notes of a history left under another id said so far (member, then id): each once a session.
    var historyNotesSaid: Set<[String]> = []
    /// Where the command running now comes from (`script.patio:3`), none at the prompt:
    /// problems a command finds in a file are reported there too.
    var location: InputLocation?
    /// The folder whose load Ctrl-C stopped, when no community was loaded before.
    var interruptedLoad: String?

    public init(settings: Settings = Settings(), console: any Console, environment: Environment = Environment()) {
        self.settings = settings
        self.console = console
        self.environment = environment
    }

    /// Whether results are shown in their short form: tables at a terminal.
    /// Other formats, and tables sent to a pipe or a file, hold everything.
    func showsCompact(_ arguments: Arguments) -> Bool {
        environment.outputIsTerminal && (arguments[CommandSpec.format] ?? settings.format) == .table
    }

    /// The language people read.
    public var language: Language { settings.language }

    /// Puts a community loaded again (or anew) in place. A draft and the
    /// planned rounds computed on a different community are dropped: their
    /// pairs and claims were proved for the profiles before (a member may have
    /// left, or a pair become inadmissible). Returns how many planned rounds
    /// went with the draft when it was dropped, nil when nothing was.
    mutating func replaceCommunity(with loaded: Directory) -> Int? {
        let drops =
            (matchmaking.draft != nil || !matchmaking.planned.isEmpty) && !loaded.hasSameCommunity(as: directory)
        let planned = matchmaking.planned.count
        if drops {
            matchmaking.draft = nil
            matchmaking.planned = []
            matchmaking.lastDraftEnd = .dropped
        }
        directory = loaded
        return drops ? planned : nil
    }

    /// How the table format lays results out: to the window's width on a terminal.
    public var layout: Layout {
        Layout(
            width: environment.outputIsTerminal ? environment.terminalSize()?.columns : nil, expanded: settings.expanded
        )
    }

    /// Colour is used when asked for, or by default when the output is a terminal and `NO_COLOR` is unset.
    public var style: TextStyle {
        switch settings.color {
        case .always: return TextStyle(usesColor: true)
        case .never: return .plain
        case .auto: return TextStyle(usesColor: environment.outputIsTerminal && !environment.noColor)
        }
    }

    /// A path as the user typed it, made absolute from the working directory (`~` is the home folder).
    public func resolvePath(_ path: String) -> String {
        var expanded = path
        if expanded == "~" || expanded.hasPrefix("~/") {
            expanded = environment.homeDirectory + expanded.dropFirst()
        }
        if expanded.hasPrefix("/") { return expanded }
        return (environment.workingDirectory as NSString).appendingPathComponent(expanded)
    }
}

/// What a matchmaking session holds between commands.
public struct MatchmakingState {
    /// Weights set in this session; the community's (`community.yaml`) otherwise.
    public var weights: AffinityWeights?
    public var pins: Set<MemberPair> = []
    /// Bans no ledger could keep (none was named, or it could not be
    /// written): they last this session. The others are the ledger's
    /// (`Session.bans()`).
    public var unkeptBans: Set<MemberPair> = []
    /// The round being prepared, and the planned ones after it.
    public var draft: Draft? {
        didSet {
            if draft != nil { lastDraftEnd = nil }
            draftSource = nil
        }
    }
    /// What a `match` draft was made from, the request and the weights (set
    /// after the draft, forgotten whenever it changes): a `.graph` export of
    /// a pairs draft is of its members, bans and settings, so that another
    /// solver checks that very draft.
    var draftSource: (request: MatchRequest, weights: AffinityWeights)?
    /// Where the ledger stood when the draft (and the plan after it) was
    /// made: committing it checks that no other round came since.
    var draftMark = LedgerMark.empty
    /// How the last draft ended, while no other draft has come: committed
    /// (under that name), or dropped by a load or an import that changed the community.
    enum DraftEnd { case committed(String), dropped }
    var lastDraftEnd: DraftEnd?

    /// Why there is no draft to show or commit.
    var noDraftError: MatchCommandError { noDraftError(instead: nil) }

    /// Why there is no draft; when the last one was committed, `instead`
    /// gives the command line that does the same with that round (from its name, quoted to be typed).
    /// With no draft made yet, `lastRound` (the ledger's last round, when asked for) is the one `instead` names.
    func noDraftError(instead: ((String) -> MatchCommandError.Instead)?, lastRound: String? = nil) -> MatchCommandError
    {
        switch lastDraftEnd {
        case .committed(let name): return .draftCommitted(name, instead: instead?(Tokenizer.quote(name)))
        case .dropped: return .draftDropped
        case nil:
            guard let instead, let lastRound else { return .noDraft }
            return .noDraftYet(instead: instead(Tokenizer.quote(lastRound)))
        }
    }
    public var planned: [Draft] = []
    /// The ledger file chosen on the command line (`--ledger`, `PATIO_LEDGER`), as typed.
    public var ledgerFile: String?
    /// Partners scored per member in large communities.
    public var candidates = PairingGraph.candidates

    public init() {}
}

/// Facts about the world the session runs in, handed in from outside.
public struct Environment: Sendable {
    public var outputIsTerminal: Bool
    public var noColor: Bool
    public var workingDirectory: String
    public var homeDirectory: String
    /// Polled by long computations: Ctrl-C sets it.
    public var isCancelled: @Sendable () -> Bool
    public var now: @Sendable () -> Date
    /// The window's size when the output is a terminal, asked each time (it changes when the window does).
    public var terminalSize: @Sendable () -> (columns: Int, rows: Int)?

    public init(
        outputIsTerminal: Bool = false, noColor: Bool = false,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        homeDirectory: String = NSHomeDirectory(),
        isCancelled: @escaping @Sendable () -> Bool = { false },
        now: @escaping @Sendable () -> Date = { Date() },
        terminalSize: @escaping @Sendable () -> (columns: Int, rows: Int)? = { nil }
    ) {
        self.outputIsTerminal = outputIsTerminal
        self.noColor = noColor
        self.workingDirectory = workingDirectory
        self.homeDirectory = homeDirectory
        self.isCancelled = isCancelled
        self.now = now
        self.terminalSize = terminalSize
    }
}

/// Where results and errors go. The executable writes to stdout and stderr;
/// tests keep a transcript.
public protocol Console: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
    /// A command of a script run by `source` is done: what it wrote, held
    /// back for the pager, is written now rather than when the script ends.
    func commandDone()
    /// Where a long command stands (nil: it is over), shown in place while
    /// it runs where the console can (a terminal at the prompt); else nothing.
    func status(_ text: String?)
    /// Sends on what was written so far; the system's error number when
    /// some of it could not be written (a full disk, a closed output), once.
    func flushOutput() -> Int32?
}

extension Console {
    public func commandDone() {}
    public func status(_ text: String?) {}
    public func flushOutput() -> Int32? { nil }
}

/// A console that keeps what is written, for tests and for capturing output.
public final class RecordingConsole: Console {
    public private(set) var output = ""
    public private(set) var errors = ""
    /// What `status` was given, in order (nil: the command was over).
    public private(set) var statuses: [String?] = []
    /// What writing the output fails with, to try a full disk: the next `flushOutput` says it.
    public var writeFailure: Int32?

    public init() {}

    public func flushOutput() -> Int32? {
        defer { writeFailure = nil }
        return writeFailure
    }

    public func write(_ text: String) { output += text }
    public func writeError(_ text: String) { errors += text }
    public func status(_ text: String?) { statuses.append(text) }

    /// Forgets what was written so far.
    public func clear() {
        output = ""
        errors = ""
        statuses = []
    }
}
