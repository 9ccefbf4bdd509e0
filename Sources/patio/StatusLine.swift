import Dispatch
@preconcurrency import Glibc
import Shell

/// Where a long command stands, on one line of standard error that is
/// written over in place, with the seconds since it began: shown from the
/// first second (a quick command shows nothing), rewritten twice a second,
/// erased before anything else is written and when the command ends.
/// Only at the prompt, on a terminal that can erase a line.
///
/// The cursor is left at the start of the line, and the line erased to the
/// end of the screen: a terminal that wraps its lines again when its window
/// narrows (most do) moves the cursor with the line's first row, and the
/// rows it spilled onto are below it.
final class StatusLine: @unchecked Sendable {
    /// Everything below happens on this queue: the timer's drawing and the
    /// main thread's changes never interleave.
    private let queue = DispatchQueue(label: "patio.status")
    private var text: String?
    private var began: ContinuousClock.Instant = .now
    private var timer: (any DispatchSourceTimer)?
    /// What stands on the line now, if anything.
    private var drawn: String?
    private let columns: @Sendable () -> Int?

    init(columns: @escaping @Sendable () -> Int?) {
        self.columns = columns
    }

    /// Shows `text` in place of what was there (the clock keeps running
    /// from the command's start); nil erases the line and stops the clock.
    func show(_ new: String?) {
        queue.sync {
            guard let new else {
                timer?.cancel()
                timer = nil
                text = nil
                eraseNow()
                return
            }
            if text == nil {
                began = .now
                let timer = DispatchSource.makeTimerSource(queue: queue)
                timer.schedule(deadline: .now() + .seconds(1), repeating: .milliseconds(500))
                timer.setEventHandler { [unowned self] in self.draw() }
                timer.resume()
                self.timer = timer
            }
            text = new
            if drawn != nil { draw() }
        }
    }

    /// Erases the line before something else is written there; the clock
    /// draws it again at its next tick, below what was written.
    func erase() {
        queue.sync { eraseNow() }
    }

    private func eraseNow() {
        guard drawn != nil else { return }
        drawn = nil
        write("\r\u{1B}[J")
    }

    private func draw() {
        guard let text else { return }
        let clock = " " + Self.clock(Int((ContinuousClock.now - began).components.seconds))
        // Three cells to spare: the terminal echoes Ctrl-C as "^C" after the line, which must not
        // wrap (its erasing would leave the row above). The time stays whole: the text gives way.
        let line = Self.fitted(text, width: (columns() ?? 80) - 3 - clock.count) + clock
        guard line != drawn else { return }
        drawn = line
        write("\r" + line + "\u{1B}[J\r")
    }

    private func write(_ text: String) {
        _ = FileHandleOutput.writeAll(Array(text.utf8)[...], to: STDERR_FILENO)
    }

    /// The time since the command began: `42 s`, `3 min 05 s` (no-break spaces, as French wants them).
    static func clock(_ seconds: Int) -> String {
        seconds < 60
            ? "\(seconds)\u{A0}s"
            : "\(seconds / 60)\u{A0}min\u{A0}\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)\u{A0}s"
    }

    /// `text` within `width` cells, so that the terminal never wraps it (a
    /// wrapped line could not be written over): cut after its last whole
    /// word that fits, with an ellipsis.
    static func fitted(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var kept = ""
        var lastWord = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            guard used + cells <= width - 1 else { break }
            // Only a plain space ends a word: a grouped number (`1 734 366`) or `2 %` stays whole.
            if character == " " { lastWord = kept }
            kept.append(character)
            used += cells
        }
        // A word cut in the middle reads as another (pairs as "pair"): given up whole, with the sign before it.
        var cut = lastWord.isEmpty ? kept : lastWord
        while let last = cut.last, last.isWhitespace || [",", ":", ";"].contains(last) { cut.removeLast() }
        return cut + "…"
    }
}
