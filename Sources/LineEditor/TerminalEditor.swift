@preconcurrency import Glibc
@preconcurrency import CEditLine
import CEditLineShim

/// An interactive line reader over libedit: prompt, history saved after every
/// line, Ctrl-R search, Tab completion, Ctrl-C to abandon a line, UTF-8.
///
/// Use it only when standard input and output are terminals. Call `close()`
/// before the process exits: it gives the terminal back as it was.
public final class TerminalEditor {
    public enum Input: Equatable {
        case line(String)
        /// Ctrl-C: the line was abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
    }

    /// Proposes candidates for the text before the cursor.
    public typealias Completer = (String) -> Completion

    public var prompt: String {
        didSet { setPromptBuffer() }
    }
    /// Set when ^C is pressed; read by `readLine()`.
    var wasInterrupted = false
    public var completer: Completer?

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyFile: HistoryFile?
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    private var isClosed = false
    /// The history, oldest first, for Ctrl-R's search.
    private var entries: [String] = []

    /// - Parameters:
    ///   - historyFile: where entries are loaded from and saved to; `nil` keeps them in memory.
    ///   - completer: called on Tab with the text before the cursor.
    public init(program: String, prompt: String, historyFile: HistoryFile?, completer: Completer?) {
        Self.prepareLocale()
        self.prompt = prompt
        self.historyFile = historyFile
        self.completer = completer
        editLine = el_init(program, stdin, stdout, stderr)
        history = history_init()
        cel_history_set_size(history, Int32(historyFile?.limit ?? 1000))
        entries = historyFile?.load() ?? []
        for entry in entries { cel_history_enter(history, entry) }

        cel_set_editor(editLine, "emacs")
        cel_set_signal_handling(editLine, 1)
        cel_disable_tty_signals(editLine)
        cel_use_history(editLine, history)
        cel_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        setPromptBuffer()
        cel_set_prompt(editLine, lineEditorPrompt, 1)
        cel_add_function(editLine, "patio-complete", "Complete the word before the cursor", lineEditorComplete)
        cel_add_function(editLine, "patio-interrupt", "Abandon the line", lineEditorInterrupt)
        cel_add_function(editLine, "patio-search", "Search the history for what is typed", lineEditorSearch)
        cel_bind(editLine, "^I", "patio-complete")
        cel_bind(editLine, "^C", "patio-interrupt")
        cel_bind(editLine, "^R", "patio-search")
        // Up and Down walk the history lines that begin with what is typed before the cursor.
        for (key, function) in [
            ("\\e[A", "ed-search-prev-history"), ("\\eOA", "ed-search-prev-history"),
            ("\\e[B", "ed-search-next-history"), ("\\eOB", "ed-search-next-history"),
        ] {
            cel_bind(editLine, key, function)
        }
        // The user's own ~/.editrc comes last so that it can change any of the above.
        el_source(editLine, nil)
    }

    deinit { close() }

    /// Reads one line; the terminal is in raw mode only while this runs.
    public func readLine() -> Input {
        precondition(!isClosed, "readLine() after close()")
        fflush(stdout)
        wasInterrupted = false
        while true {
            var count: Int32 = 0
            let raw = el_gets(editLine, &count)
            if wasInterrupted { return .interrupted }
            guard let raw else {
                if count < 0 && errno == EINTR { continue }
                return .endOfInput
            }
            var line = String(cString: raw)
            while line.last == "\n" || line.last == "\r\n" || line.last == "\r" { line.removeLast() }
            return .line(line)
        }
    }

    /// Adds a line to the history and saves the history file at once, so that
    /// no way of leaving the shell can lose it.
    public func remember(_ line: String) throws {
        var line = line
        while line.last?.isWhitespace == true { line.removeLast() }
        guard !line.isEmpty else { return }
        cel_history_enter(history, line)
        entries.append(line)
        try historyFile?.append(line)
    }

    /// Ends line editing and restores the terminal. Safe to call twice.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        el_end(editLine)
        history_end(history)
        promptBuffer?.deallocate()
        promptBuffer = nil
        fflush(stdout)
    }

    /// Makes libedit read and write UTF-8: without a UTF-8 locale it drops é, ë, ç.
    public static func prepareLocale() {
        setlocale(LC_ALL, "")
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if current == "C" || current == "POSIX" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    var terminalColumns: Int { Int(cel_terminal_width(editLine)) }

    /// The window's height in lines; none known, no limit.
    var terminalRows: Int {
        var size = winsize()
        return ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 ? Int(size.ws_row) : .max
    }

    private func setPromptBuffer() {
        promptBuffer?.deallocate()
        let bytes = Array(prompt.utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        promptBuffer = buffer
    }

    var currentPromptBuffer: UnsafeMutablePointer<CChar>? { promptBuffer }

    static func from(_ editLine: OpaquePointer?) -> TerminalEditor? {
        guard let editLine, let data = cel_client_data(editLine) else { return nil }
        return Unmanaged<TerminalEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Tab: ask the completer, then insert, or list the candidates.
    func completeAtCursor() -> UInt8 {
        guard let info = el_wline(editLine)?.pointee, let completer else { return UInt8(CC_ERROR) }
        var scalars = String.UnicodeScalarView()
        var position = info.buffer
        while let current = position, current < info.cursor {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: current.pointee)) { scalars.append(scalar) }
            position = current + 1
        }
        let before = String(scalars)
        let completion = completer(before)
        let typed = String(String.UnicodeScalarView(before.unicodeScalars.suffix(completion.replacing)))
        switch CompletionAction(completion, typed: typed) {
        case .beep:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let count, let replacement):
            el_deletestr(editLine, Int32(count))
            return el_insertstr(editLine, replacement) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        case .list(let labels):
            let rows = columnLayout(labels, width: terminalColumns)
            // More than the window holds: asked first, as readline does.
            if rows.count > terminalRows - 2 && !showsAll(labels.count) { return UInt8(CC_REDISPLAY) }
            var text = "\n"
            for row in rows { text += row + "\n" }
            fputs(text, stdout)
            fflush(stdout)
            return UInt8(CC_REDISPLAY)
        }
    }

    /// Asks whether to list `count` candidates: a yes key lists them, any other key does not.
    private func showsAll(_ count: Int) -> Bool {
        fputs("\n" + searchWords.showAll(count), stdout)
        fflush(stdout)
        var character: wchar_t = 0
        let answer = el_wgetc(editLine, &character) == 1 ? Unicode.Scalar(UInt32(bitPattern: character)) : nil
        let yes = answer.map { searchWords.yesKeys.contains(Character($0)) } ?? false
        // The question's line stays, answered; the list (or the prompt) goes below it.
        fputs(yes ? "" : "\n", stdout)
        fflush(stdout)
        return yes
    }

    /// The line being edited, and the number of characters in it.
    private func currentLine() -> (text: String, count: Int) {
        guard let info = el_wline(editLine)?.pointee else { return ("", 0) }
        var scalars = String.UnicodeScalarView()
        var position = info.buffer
        while let current = position, current < info.lastchar {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: current.pointee)) { scalars.append(scalar) }
            position = current + 1
        }
        return (String(scalars), scalars.count)
    }

    private func replaceLine(with text: String) {
        let count = currentLine().count
        el_cursor(editLine, Int32.max / 2)
        el_deletestr(editLine, Int32(count))
        if !text.isEmpty { el_insertstr(editLine, text) }
    }

    /// The words of the search prompt and of the question before a long
    /// list of candidates, in the language of the shell.
    public struct SearchWords: Sendable {
        public var search = "search"
        public var nothingFound = ", nothing found"
        public var noOlderMatch = ", no older match"
        public var colon = ":"
        /// Asked before listing more candidates than the window holds.
        public var showAll: @Sendable (Int) -> String = { "Display all \($0) possibilities? (y or n)" }
        /// The keys that answer yes (space too, as in readline).
        public var yesKeys: Set<Character> = ["y", "Y", " "]

        public init(search: String, nothingFound: String, noOlderMatch: String, colon: String) {
            self.search = search
            self.nothingFound = nothingFound
            self.noOlderMatch = noOlderMatch
            self.colon = colon
        }

        public init() {}
    }

    public var searchWords = SearchWords()

    /// ^R: search the history as you type, newest first, with a prompt that
    /// says so — `(search) 'blen': ` and the line found. ^R again finds an
    /// older one; Enter runs it; Esc or ^G gives the line back as it was; any
    /// other key keeps the line found to edit. While searching the line is
    /// drawn here; libedit draws it again when the search ends.
    func searchHistory() -> UInt8 {
        let original = currentLine().text
        var query = ""
        var found: Int?
        // Like readline: when nothing (older) matches, the last line found stays, and the prompt says so.
        var failed = false
        func search(from start: Int) {
            let key = query.lowercased()
            guard !key.isEmpty else {
                found = nil
                failed = false
                return
            }
            let match =
                start < 0
                ? nil
                : stride(from: start, through: 0, by: -1).first {
                    entries[$0].lowercased().contains(key)
                }
            failed = match == nil
            if let match { found = match }
        }
        func show() {
            let state = !failed ? "" : found == nil ? searchWords.nothingFound : searchWords.noOlderMatch
            let line = found.map { entries[$0] } ?? original
            fputs("\r\u{1B}[K(\(searchWords.search)\(state)) '\(query)'\(searchWords.colon) \(line)", stdout)
            fflush(stdout)
        }
        func finish(with line: String, running: Bool) -> UInt8 {
            fputs("\r\u{1B}[K", stdout)
            fflush(stdout)
            replaceLine(with: line)
            if running { el_push(editLine, "\n") }
            return UInt8(CC_REDISPLAY)
        }
        show()
        while true {
            var character: wchar_t = 0
            guard el_wgetc(editLine, &character) == 1 else { break }
            let code = UInt32(bitPattern: character)
            switch code {
            case 0x12:  // ^R: an older line
                search(from: found.map { $0 - 1 } ?? entries.count - 1)
            case 0x0D, 0x0A:
                return finish(with: found.map { entries[$0] } ?? original, running: true)
            case 0x1B where Self.moreInputFollows():
                // An arrow or another key sequence, not Esc alone: keep the line found to edit.
                var rest: wchar_t = 0
                while Self.moreInputFollows() && el_wgetc(editLine, &rest) == 1 {}
                return finish(with: found.map { entries[$0] } ?? original, running: false)
            case 0x07, 0x1B:  // ^G, Esc
                return finish(with: original, running: false)
            case 0x03:  // ^C abandons the line, as it does outside the search
                return finish(with: "", running: false)
            case 0x7F, 0x08:
                if !query.isEmpty { query.removeLast() }
                found = nil
                search(from: entries.count - 1)
            case 0x20...:
                if let scalar = Unicode.Scalar(code) { query.unicodeScalars.append(scalar) }
                search(from: entries.count - 1)
            default:
                return finish(with: found.map { entries[$0] } ?? original, running: false)
            }
            show()
        }
        return finish(with: original, running: false)
    }

    /// Whether more bytes are waiting on standard input right away (the rest of a key's sequence).
    static func moreInputFollows() -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 30) > 0
    }

    /// ^C: show `^C` at the end of the line, then end it as Enter would (so the
    /// terminal moves to a new line); `readLine()` reports it as abandoned.
    func abandonLine() -> UInt8 {
        wasInterrupted = true
        el_cursor(editLine, Int32.max / 2)
        el_insertstr(editLine, "^C")
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }
}

// C callbacks capture nothing: they find their editor through EL_CLIENTDATA.

private let lineEditorPrompt: CEditLinePromptFunction = { editLine in
    TerminalEditor.from(editLine)?.currentPromptBuffer
}

private let lineEditorComplete: CEditLineUserFunction = { editLine, _ in
    TerminalEditor.from(editLine)?.completeAtCursor() ?? UInt8(CC_ERROR)
}

private let lineEditorInterrupt: CEditLineUserFunction = { editLine, _ in
    TerminalEditor.from(editLine)?.abandonLine() ?? UInt8(CC_ERROR)
}

private let lineEditorSearch: CEditLineUserFunction = { editLine, _ in
    TerminalEditor.from(editLine)?.searchHistory() ?? UInt8(CC_ERROR)
}
