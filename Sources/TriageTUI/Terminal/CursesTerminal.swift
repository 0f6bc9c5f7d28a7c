import CNcursesw
import CSignals
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit


/// The only place that talks to ncurses: paints a `Screen` and reads keys. It knows nothing of
/// questionnaires. Signals and hang-ups are seen through CSignals, whose state is defined once in C.
@MainActor
public final class CursesTerminal: Terminal {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// Unicode or ASCII, from the locale's character set.
    public let glyphs: Glyphs
    private let colors: Bool
    private var stopped = false

    /// How long one wait for input lasts before signals are looked at again. A signal also
    /// interrupts the wait at once; this bounds the delay should it arrive just before the wait.
    static let pollMilliseconds: Int32 = 200

    /// Installs the signal handlers; call before `start`, and before curses, so that ncurses
    /// keeps them instead of installing its own.
    public static func prepareSignals() {
        bt_install_fatal_handlers()
        bt_install_termination_handlers()
    }

    /// Starts curses on the process's terminal, or returns nil when the terminal cannot be used.
    public static func start(environment: [String: String] = ProcessInfo.processInfo.environment) -> CursesTerminal? {
        let unicode = CharacterLocale.apply(environment: environment)
        guard let output = bt_fdopen(1, "w"), let input = bt_fdopen(0, "r"),
              let screen = newterm(nil, output, input) else { return nil }
        set_term(screen)
        guard let window = bt_stdscr() else {
            endwin()
            delscreen(screen)
            return nil
        }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        // Keys are read without waiting; `nextEvent` waits on the descriptor itself, where it can
        // tell a hang-up from a quiet terminal.
        wtimeout(window, 0)
        curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        var colors = false
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            for (i, tint) in Tint.allCases.enumerated() { init_pair(Int16(i + 1), Self.colorNumber(tint), -1) }
            colors = true
        }
        return CursesTerminal(screen: screen, window: window, glyphs: unicode ? .unicode : .ascii, colors: colors)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, glyphs: Glyphs, colors: Bool) {
        self.screen = screen
        self.window = window
        self.glyphs = glyphs
        self.colors = colors
    }

    private static func colorNumber(_ tint: Tint) -> Int16 {
        switch tint {
        case .red: return Int16(COLOR_RED)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .green: return Int16(COLOR_GREEN)
        case .accent: return Int16(COLOR_CYAN)
        }
    }

    /// The window size now.
    public var size: Size { Size(width: Int(bt_getmaxx(window)), height: Int(bt_getmaxy(window))) }

    /// Paints the whole grid; ncurses sends only what changed on the terminal.
    public func paint(_ grid: Screen) {
        werase(window)
        for y in 0..<min(grid.size.height, size.height) {
            var x = 0
            let row = grid.cells[y]
            while x < row.count && x < size.width {
                let style = row[x].style
                var text: [wchar_t] = []
                let start = x
                while x < row.count && x < size.width && row[x].style == style {
                    for scalar in row[x].text.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                    x += 1
                }
                let (attrs, pair) = attributes(style)
                wattr_set(window, attrs, pair, nil)
                // The bottom-right cell makes ncurses report an error it cannot scroll past; harmless.
                _ = mvwaddnwstr(window, Int32(y), Int32(start), text, Int32(text.count))
            }
        }
        wattr_set(window, bt_attr_normal(), 0, nil)
        if let cursor = grid.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    private func attributes(_ style: Style) -> (attr_t, Int16) {
        var attrs = bt_attr_normal()
        if style.bold { attrs |= bt_attr_bold() }
        if style.reverse { attrs |= bt_attr_reverse() }
        if style.underline { attrs |= bt_attr_underline() }
        if style.dim && colors { attrs |= bt_attr_dim() }
        guard let tint = style.tint else { return (attrs, 0) }
        // Without colour the tinted words are already bold or boxed; bold keeps them apart.
        guard colors, let index = Tint.allCases.firstIndex(of: tint) else { return (attrs | bt_attr_bold(), 0) }
        return (attrs, Int16(index + 1))
    }

    public func nextEvent() -> TerminalEvent {
        while true {
            let signal = bt_take_pending_signal()
            // The kernel sends SIGHUP when the terminal hangs up; then there is nothing to restore.
            if signal == SIGHUP && bt_wait_for_input(0, 0) == BT_INPUT_HANGUP { return .hangUp }
            if signal != 0 { return .signal(signal) }
            // Keys ncurses already holds (the rest of a paste, a resize) come before waiting.
            if let key = bufferedKey() { return .key(key) }
            if bt_wait_for_input(0, Int32(Self.pollMilliseconds)) == BT_INPUT_HANGUP { return .hangUp }
        }
    }

    /// A key ncurses can give without waiting, or nil.
    private func bufferedKey() -> Key? {
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return Self.functionKey(Int32(bitPattern: code)) }
        return Self.characterKey(code)
    }

    private static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1 ... KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return .unknown
        }
    }

    private static func characterKey(_ code: wint_t) -> Key {
        switch code {
        case 3: return .interrupt
        case 26: return .suspend
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 9: return .tab
        case 27: return .escape
        case 0..<32: return .unknown
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            return .character(Character(scalar))
        }
    }

    public func suspend() {
        endwin()
        bt_stop_process()
        // Back after `fg`: the shell wrote over the screen, so everything is sent again.
        if let current = bt_curscr() { clearok(current, true) }
        refresh()
    }

    public func stop(restoring: Bool) {
        guard !stopped else { return }
        stopped = true
        // A terminal that hung up takes no more output; endwin would only write into the void.
        guard restoring else { return }
        endwin()
        delscreen(screen)
    }
}
