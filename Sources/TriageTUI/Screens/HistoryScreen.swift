import TriageKit
import TriageReport
import TriageSession

/// The history: each episode with its check-ins (day, week, pain, result, next check) and the
/// chart of the pain over the weeks. Scrolls; back returns to the welcome screen.
enum HistoryScreen {
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

    /// The history as lines of the text column, with the chart in the terminal's glyphs.
    static func lines(_ state: AppState, width: Int, glyphs: Glyphs) -> [String] {
        guard let history = state.history else { return [] }
        let text = HistoryText(engine: state.engine, language: state.language, chart: glyphs.unicode ? .unicode : .ascii,
                               width: width, today: state.session.today)
        return text.render(history.tuples).split(separator: "\n", omittingEmptySubsequences: false).map { glyphs.displayable(String($0)) }
    }

    static func handle(_ key: Key, _ state: inout AppState, _ effects: inout [Effect]) {
        guard case .history(let scroll) = state.page, let command = bindings(state).command(for: key) else { return }
        let rows = DetailScreen.rows(state.screenSize)
        let count = lines(state, width: Painter.textWidth(for: state.screenSize.width), glyphs: state.glyphs).count
        let last = DetailScreen.maxScroll(lines: count, rows: rows)
        let step = max(1, rows - 2)
        func scrolled(_ to: Int) { state.page = .history(scroll: min(last, max(0, to))) }
        switch command {
        case .up: scrolled(scroll - 1)
        case .down: scrolled(scroll + 1)
        case .pageUp: scrolled(scroll - step)
        case .pageDown: scrolled(scroll + step)
        case .top: scrolled(0)
        case .end: scrolled(last)
        case .back: state.page = .welcome(choice: 0)
        }
    }

    static func draw(_ state: AppState, into painter: inout Painter) {
        guard case .history(let requested) = state.page else { return }
        painter.frame(title: state.t("history.title"), right: state.questionnaire.title[state.language], hints: state.footerHints)
        let lines = lines(state, width: painter.textWidth, glyphs: painter.glyphs)
        let rows = DetailScreen.rows(Size(width: painter.width, height: painter.height))
        let scroll = min(requested, DetailScreen.maxScroll(lines: lines.count, rows: rows))
        let cut = lines.count - scroll > rows
        var y = painter.top + 1
        for line in lines.dropFirst(scroll).prefix(cut ? rows - 1 : rows) {
            painter.screen.put(line, x: painter.left, y: y, limit: painter.textWidth)
            y += 1
        }
        if cut { painter.write(painter.glyphs.down + " " + state.t("detail.more_below"), x: painter.left, y: y, style: .dim) }
    }
}
