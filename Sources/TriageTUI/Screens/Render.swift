import TriageKit
import TriageReport

/// Draws the whole screen from the state. Pure: the same state and size give the same grid.
public func render(_ state: AppState, size: Size, glyphs: Glyphs = .unicode) -> Screen {
    var painter = Painter(size: size, glyphs: glyphs, language: state.language)
    if size.width < minimumSize.width || size.height < minimumSize.height {
        TooSmallScreen.draw(state, into: &painter)
        return painter.screen
    }
    switch state.page {
    case .welcome: WelcomeScreen.draw(state, into: &painter)
    case .question(let id):
        if let item = state.engine.index.items[id] {
            if state.session.checklist(of: item).isEmpty {
                QuestionScreen.draw(state, item, into: &painter)
            } else {
                ChecklistScreen.draw(state, item, into: &painter)
            }
        }
    case .review: ReviewScreen.draw(state, into: &painter)
    case .results: ResultsScreen.draw(state, into: &painter)
    case .detail: DetailScreen.draw(state, into: &painter)
    case .history: HistoryScreen.draw(state, into: &painter)
    }
    if let overlay = state.overlay { Overlays.draw(overlay, state, into: &painter) }
    return painter.screen
}

/// The window is smaller than the screens need: the result's action and crisis help while a
/// result stands (they must not vanish with the screen that said them), then the size, how to go on, and that answers are
/// kept. The action comes first, so that it is what remains in the smallest window.
enum TooSmallScreen {
    static func draw(_ state: AppState, into painter: inout Painter) {
        let g = painter.glyphs
        let width = painter.width, height = painter.height
        let textWidth = max(8, min(width - 4, 76))
        var action: [String] = []
        if let standing = state.standingAction {
            action = TextWrap.lines(g.displayable(standing), width: textWidth) + [""]
            // Crisis help the result carries stays too.
            for entry in state.outline.section(.crisis)?.entries ?? [] {
                action += TextWrap.lines(g.displayable(entry.text), width: textWidth) + [""]
            }
        }
        let message = [state.t("small.size", String(width), String(height)),
                       state.t("small.needs", String(minimumSize.width), String(minimumSize.height)),
                       state.t("small.enlarge"), "  backtriage --plain",
                       state.t(state.savingEnabled ? "small.kept" : "small.not_kept"),
                       "", "q " + state.t("key.quit")].map { g.displayable($0) }
        let lines = action + message
        let boxWidth = min(width, (lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let boxHeight = min(height, lines.count + 2)
        let framed = boxWidth >= 4 && boxHeight >= 3
        if framed { painter.screen.box(x: 0, y: 0, width: boxWidth, height: boxHeight, lines: g.light) }
        for (i, line) in lines.enumerated() {
            let y = framed ? i + 1 : i
            guard y < (framed ? boxHeight - 1 : height) else { break }
            let style = i < action.count ? Style(bold: true) : Style()
            painter.screen.put(line, x: framed ? 2 : 0, y: y, style: style, limit: max(0, framed ? boxWidth - 4 : width))
        }
    }
}
