@preconcurrency import Glibc

/// The terminal's window, asked afresh each time (TIOCGWINSZ): a resized
/// window (SIGWINCH) is seen by the next command.
enum TerminalWindow {
    /// Columns and rows of the terminal on `descriptor`, nil when it is not one.
    static func size(of descriptor: Int32 = 1) -> (columns: Int, rows: Int)? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Whether the terminal `TERM` names obeys escape sequences (erasing a
    /// line, colours, a pager's): not one that says it is dumb, or none.
    static func obeysEscapes(_ environment: [String: String]) -> Bool {
        !["", "dumb"].contains(environment["TERM"] ?? "")
    }
}
