import Dispatch
@preconcurrency import Glibc
import Shell

/// Where a long command stands, on one line of standard error that is
/// written over in place, with the seconds since it began: shown from the
/// first second (a quick command shows nothing), rewritten twice a second,
/// erased before anything else is written and when the command ends.
/// Only at the prompt, on a terminal that can erase a line.
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
        write("\r\u{1B}[K")
    }

    private func draw() {
        guard let text else { return }
        let seconds = Int((ContinuousClock.now - began).components.seconds)
        // The seconds stay whole: the text gives way to them.
        let clock = " \(seconds) s"
        let line = Self.fitted(text, width: (columns() ?? 80) - 1 - clock.count) + clock
        guard line != drawn else { return }
        drawn = line
        write("\r" + line + "\u{1B}[K")
    }

    private func write(_ text: String) {
        _ = FileHandleOutput.writeAll(Array(text.utf8)[...], to: STDERR_FILENO)
    }

    /// `text` cut to `width` cells (the last one an ellipsis), so that the
    /// terminal never wraps it: a wrapped line could not be written over.
    static func fitted(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var kept = ""
        var used = 0
        for character in text {
            let cells = DisplayWidth.of(character)
            guard used + cells <= width - 1 else { break }
            kept.append(character)
            used += cells
        }
        return kept + "…"
    }
}
