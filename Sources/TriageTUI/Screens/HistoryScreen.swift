import TriageKit
import TriageReport
import TriageSession

/// The history: each episode with its check-ins (day, week, pain, result, next check) and the
/// chart of the pain over the weeks. Scrolls; back returns to the welcome screen.
enum HistoryScreen {
    static func hints(_ state: AppState) -> [KeyHint] { ScrollingText.hints }

    /// The history as lines of the text column, with the chart in the terminal's glyphs.
    static func lines(_ state: AppState, width: Int, glyphs: Glyphs) -> [String] {
        guard let history = state.history else { return [] }
        var text = HistoryText(engine: state.engine, language: state.language, chart: glyphs.unicode ? .unicode : .ascii,
                               width: width, today: state.session.today)
        text.tellsHowToCheckIn = false
        return text.render(history.tuples).split(separator: "\n", omittingEmptySubsequences: false).map { glyphs.displayable(String($0)) }
    }

    static func handle(_ key: Key, _ state: inout AppState, _ effects: inout [Effect]) {
        guard case .history(let scroll) = state.page, let command = ScrollingText.bindings.command(for: key) else { return }
        let count = lines(state, width: Painter.textWidth(for: state.screenSize.width), glyphs: state.glyphs).count
        if let to = ScrollingText.scrolled(command, from: scroll, lines: count, size: state.screenSize) {
            state.page = .history(scroll: to)
        } else {
            state.page = .welcome(choice: 0)
        }
    }

    static func draw(_ state: AppState, into painter: inout Painter) {
        guard case .history(let scroll) = state.page else { return }
        painter.frame(title: state.t("history.title"), right: state.questionnaire.title[state.language], hints: state.footerHints)
        let lines = lines(state, width: painter.textWidth, glyphs: painter.glyphs)
        ScrollingText.draw(lines.map { ($0, Style.plain) }, scroll: scroll, moreBelow: state.t("detail.more_below"), into: &painter)
    }
}
