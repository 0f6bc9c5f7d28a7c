import TriageKit
import TriageReport

/// One row of the results in full: what it is, its source, and why it is there. Scrolls when
/// longer than the window.
enum DetailScreen {
    static func hints(_ state: AppState) -> [KeyHint] { ScrollingText.hints }

    /// The page's lines for the window the state knows.
    static func lines(_ subject: DetailSubject, _ state: AppState) -> [DetailText.Line] {
        DetailText(subject, state, width: Painter.textWidth(for: state.screenSize.width), glyphs: state.glyphs).lines
    }

    static func handle(_ key: Key, _ state: inout AppState, _ effects: inout [Effect]) {
        guard case .detail(let subject, let scroll, let selection) = state.page,
              let command = ScrollingText.bindings.command(for: key) else { return }
        if let to = ScrollingText.scrolled(command, from: scroll, lines: lines(subject, state).count, size: state.screenSize) {
            state.page = .detail(subject, scroll: to, selection: selection)
        } else {
            state.page = .results(selection: selection)
        }
    }

    static func draw(_ state: AppState, into painter: inout Painter) {
        guard case .detail(let subject, let scroll, _) = state.page else { return }
        painter.frame(title: DetailText.title(subject, state), right: state.questionnaire.title[state.language], hints: state.footerHints)
        let lines = DetailText(subject, state, width: painter.textWidth, glyphs: painter.glyphs).lines
        ScrollingText.draw(lines.map { ($0.text, $0.style) }, scroll: scroll, moreBelow: state.t("detail.more_below"), into: &painter)
    }
}
