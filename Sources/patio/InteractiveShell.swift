import LineEditor
import Shell

/// The prompt: read a line with libedit, run it, show the result, until Ctrl-D or `quit`.
final class InteractiveShell {
    private var session: Session
    private let editor: TerminalEditor
    private let console: StandardConsole
    private let pager: String?
    /// The pager could not run: said once, and not tried again.
    private var pagerFailed = false
    /// Leaving was just refused once because a draft is not committed: the
    /// next Ctrl-D or `quit` leaves (any other line asks again next time).
    private var warnedOfDraft = false

    init(session: Session, console: StandardConsole, historyFile: HistoryFile?, environment: [String: String]) {
        self.session = session
        self.console = console
        pager = Pager.command(environment: environment)
        editor = TerminalEditor(
            program: "patio", prompt: Self.prompt(style: session.style), historyFile: historyFile, completer: nil)
        editor.completer = { [unowned self] text in Self.convert(Completer.complete(text, in: self.session)) }
        let language = session.language
        if language == .fr {
            editor.searchWords = TerminalEditor.SearchWords(
                search: "recherche", nothingFound: ", rien trouvé", noOlderMatch: ", rien de plus ancien",
                colon: "\u{A0}:")
            editor.searchWords.yesKeys = ["o", "O", "y", "Y", " "]
        }
        editor.searchWords.showAll = { language.words(.showAllCandidates($0)) }
        self.session.environment.isCancelled = { Interrupts.isPending }
        console.isInterrupted = { Interrupts.isPending }
    }

    func run() -> Int32 {
        Interrupts.install()
        // Fitted to the window like the messages (the banner is one too).
        let banner = session.language.words(.banner)
        session.console.write(
            session.style.dim(TerminalWindow.size().map { MessageWrap.fitted(banner, width: $0.columns) } ?? banner)
                + "\n")
        var historyWorks = true
        loop: while true {
            switch editor.readLine() {
            case .endOfInput:
                session.console.write("\n")
                if mayLeave() { break loop }
            case .interrupted:
                continue
            case .line(let line):
                do {
                    try editor.remember(line)
                } catch  where historyWorks {
                    historyWorks = false
                    Interpreter.warn(error, in: session)
                } catch {}
                Interrupts.clear()
                if run(line) == .quit {
                    if mayLeave() { break loop }
                } else if !line.allSatisfy(\.isWhitespace) {
                    warnedOfDraft = false
                }
                editor.prompt = Self.prompt(style: session.style)
            }
        }
        editor.close()
        return 0
    }

    /// Whether Ctrl-D or `quit` may leave now: not the first time while a
    /// draft is not committed (a note says so, as fish does for running jobs).
    private func mayLeave() -> Bool {
        guard session.matchmaking.draft != nil, !warnedOfDraft else { return true }
        warnedOfDraft = true
        console.writeError(
            session.language.words(
                .uncommittedDraft(
                    planned: session.matchmaking.planned.count, recordable: !session.ledgerCanOnlyBeRead)) + "\n")
        return false
    }

    /// Runs a line; its output goes through the pager when it is taller than
    /// the window, else is written a piece at a time, Ctrl-C stopping it
    /// between two pieces (the command's work stays done, and a note says so).
    /// A Ctrl-C that came while the command ran stopped what it could (the
    /// command says so) or came when it was done: what it did is shown all
    /// the same (a commit's confirmation, the commands a script ran before),
    /// from a line of its own rather than after the echoed "^C".
    private func run(_ line: String) -> Interpreter.Outcome {
        console.hold()
        let outcome = Interpreter.execute(line, at: nil, in: &session)
        let output = console.release()
        if Interrupts.isPending {
            if !output.isEmpty { console.write(console.erasesLines ? "\r\u{1B}[K" : "\n") }
            Interrupts.clear()
        }
        if let pager, !pagerFailed, Pager.wants(output, mode: session.settings.pager, rows: TerminalWindow.size()?.rows)
        {
            if Pager.show(output, through: pager) {
                Interrupts.clear()
                return outcome
            }
            if !pagerFailed {
                pagerFailed = true
                console.writeError(session.language.words(.pagerFailed(TerminalSafeText.line(pager))) + "\n")
            }
        }
        if !console.write(output, stoppingWhen: { Interrupts.isPending }) {
            console.writeError(session.language.words(.outputStopped) + "\n")
        }
        return outcome
    }

    /// `patio> `, bold when colour is on; `\u{1}` marks what the terminal does not display.
    static func prompt(style: TextStyle) -> String {
        style.usesColor ? "\u{1}\u{1B}[1m\u{1}patio\u{1}\u{1B}[0m\u{1}> " : "patio> "
    }

    /// What a completion offers, as the line editor takes it: a candidate
    /// that would type a control character into the line (a tag or an
    /// organisation written so in a profile) is left out, and every label is
    /// listed with its escapes visible.
    static func convert(_ completion: ShellCompletion) -> Completion {
        LineEditor.Completion(
            replacing: completion.replacing,
            candidates: completion.candidates.filter { TerminalSafeText.escape($0.text) == $0.text }.map {
                Candidate(replacement: $0.text, label: TerminalSafeText.escape($0.label), isFinished: $0.isFinished)
            }, commonText: completion.commonText.flatMap { TerminalSafeText.escape($0) == $0 ? $0 : nil })
    }
}

extension HistoryFileError: Worded {
    public func words(in language: Language) -> String {
        switch self {
        case .cannotWrite(let path):
            return language.text(
                "cannot write the history file \(path): this session's commands are not kept in it (PATIO_HISTORY names another file, or none when empty)",
                "impossible d’écrire le fichier d’historique \(path) : les commandes de cette session n’y sont pas gardées (PATIO_HISTORY en désigne un autre, ou aucun s’il est vide)"
            )
        }
    }
}
