import TriageKit
import TriageReport

/// One row of the results in full: what it is, its source, and why it is there. Scrolls when
/// longer than the window.
enum DetailScreen {
    enum Command: Sendable { case up, down, pageUp, pageDown, top, end, back }

    static func bindings(_ state: AppState) -> [KeyBinding<Command>] {
        [
            .on([.up], "{up}{down}", "key.scroll", .up),
            .on([.down], "{down}", "key.scroll", footer: false, .down),
            .on([.pageUp], "PgUp", "key.page", footer: false, .pageUp),
            .on([.pageDown, .character(" ")], "PgDn", "key.page", .pageDown),
            .on([.home], "Home", "key.top", footer: false, .top),
            .on([.end], "End", "key.end", footer: false, .end),
            .on([.left, .backspace, .escape, .enter], "{left}", "key.back", .back),
        ]
    }

    static func hints(_ state: AppState) -> [KeyHint] { bindings(state).map(\.hint) }

    /// Rows of text on a detail page: the frame takes the first row, a blank row follows, and
    /// the footer the last three.
    static func rows(_ size: Size) -> Int { max(1, size.height - 5) }

    /// The page's lines for the window the state knows.
    static func lines(_ subject: DetailSubject, _ state: AppState) -> [DetailText.Line] {
        DetailText(subject, state, width: Painter.textWidth(for: state.screenSize.width), glyphs: state.glyphs).lines
    }

    /// The largest useful scroll position: when the page is cut, its last row says "more below",
    /// so `rows - 1` lines show at a time.
    static func maxScroll(lines: Int, rows: Int) -> Int { lines <= rows ? 0 : lines - max(1, rows - 1) }

    static func handle(_ key: Key, _ state: inout AppState, _ effects: inout [Effect]) {
        guard case .detail(let subject, let scroll, let selection) = state.page, let command = bindings(state).command(for: key) else { return }
        let rows = rows(state.screenSize)
        let last = maxScroll(lines: lines(subject, state).count, rows: rows)
        let step = max(1, rows - 2)
        func scrolled(_ to: Int) { state.page = .detail(subject, scroll: min(last, max(0, to)), selection: selection) }
        switch command {
        case .up: scrolled(scroll - 1)
        case .down: scrolled(scroll + 1)
        case .pageUp: scrolled(scroll - step)
        case .pageDown: scrolled(scroll + step)
        case .top: scrolled(0)
        case .end: scrolled(last)
        case .back: state.page = .results(selection: selection)
        }
    }

    static func draw(_ state: AppState, into painter: inout Painter) {
        guard case .detail(let subject, let requested, _) = state.page else { return }
        let g = painter.glyphs
        painter.frame(title: DetailText.title(subject, state), right: state.questionnaire.title[state.language], hints: state.footerHints)
        let lines = DetailText(subject, state, width: painter.textWidth, glyphs: g).lines
        let rows = rows(Size(width: painter.width, height: painter.height))
        let scroll = min(requested, maxScroll(lines: lines.count, rows: rows))
        let cut = lines.count - scroll > rows
        let shown = cut ? rows - 1 : rows
        var y = painter.top + 1
        for line in lines.dropFirst(scroll).prefix(shown) {
            painter.write(line.text, x: painter.left, y: y, style: line.style, limit: painter.textWidth)
            y += 1
        }
        if cut { painter.write(g.down + " " + state.t("detail.more_below"), x: painter.left, y: y, style: .dim) }
        if scroll > 0 { painter.write(g.up, x: painter.left + painter.textWidth - 1, y: painter.top, style: .dim) }
    }
}
