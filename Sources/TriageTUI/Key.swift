/// A key press: the only message the interface reacts to. Backends translate their codes into it.
public enum Key: Sendable, Hashable {
    case character(Character)
    case enter, backspace, delete, tab, backTab, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// A function key, F1 to F12.
    case function(Int)
    /// Ctrl-C: quits by the same path as `q`, saving first.
    case interrupt
    /// Ctrl-Z: hands the terminal back to the shell until `fg`, as htop and mutt do.
    case suspend
    /// The terminal changed size; the next render uses the new size.
    case resize
    case unknown
}
