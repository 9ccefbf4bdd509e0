import CEditLineShim

/// Ctrl-C while a command runs (the terminal is back in its normal mode then,
/// so the key raises SIGINT). The handler only records the signal; long
/// computations poll `isPending` and stop, and the shell carries on.
public enum Interrupts {
    public static func install() { cel_install_interrupt_handler() }
    public static var isPending: Bool { cel_interrupt_pending() != 0 }
    public static func clear() { cel_clear_interrupt() }
}
