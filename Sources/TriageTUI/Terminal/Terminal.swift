/// What the event loop waits for from a terminal.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT arrived from outside.
    case signal(Int32)
    /// The terminal went away (a window closed, a connection dropped): nothing can be shown or
    /// read any more.
    case hangUp
}

/// The screen and keyboard the event loop drives. `CursesTerminal` is the real one; tests use a
/// fake that replays events and records frames, so the loop itself is tested without tmux.
@MainActor
public protocol Terminal: AnyObject {
    /// The window size now.
    var size: Size { get }
    /// Unicode or ASCII, as the terminal can show.
    var glyphs: Glyphs { get }
    /// Shows a whole frame.
    func paint(_ screen: Screen)
    /// Blocks until a key, a termination signal or a hang-up.
    func nextEvent() -> TerminalEvent
    /// Ends the interface. With `restoring` the terminal gets its settings back; without, it is
    /// gone and is not written to.
    func stop(restoring: Bool)
    /// Gives the terminal back to the shell and stops the process (Ctrl-Z); returns after `fg`,
    /// with the next `paint` drawing the whole screen again.
    func suspend()
}
