import TriageKit
import TriageReport

/// Every asked question with its answer, each one changeable; the last line shows the result
/// (or, while questions are open, goes to the first of them).
enum ReviewScreen {
    enum Command: Sendable { case up, down, pageUp, pageDown, first, last, open, back }

    static let pageStep = 10

    static func bindings(_ state: AppState) -> [KeyBinding<Command>] {
        [
            .on([.up, .backTab], "{up}{down}", "key.select", .up),
            .on([.down, .tab], "{down}", "key.select", footer: false, .down),
            .on([.enter, .right], "Enter", "key.change", .open),
            .on([.left, .backspace, .escape], "{left}", "key.back", .back),
            .on([.pageUp], "PgUp", "key.page", footer: false, .pageUp),
            .on([.pageDown], "PgDn", "key.page", footer: false, .pageDown),
            .on([.home], "Home", "key.first_line", footer: false, .first),
            .on([.end], "End", "key.last_line", footer: false, .last),
        ]
    }

    static func hints(_ state: AppState) -> [KeyHint] { bindings(state).map(\.hint) }

    /// Whether the last line shows the result: every question answered, or an emergency that
    /// no further answer can lower.
    static func canShowResult(_ state: AppState) -> Bool { state.session.isComplete || state.session.emergencyStands }

    static func handle(_ key: Key, _ state: inout AppState, _ effects: inout [Effect]) {
        guard case .review(let selection) = state.page, let command = bindings(state).command(for: key) else { return }
        let items = state.session.askedItems
        let last = items.count  // the result line
        func select(_ i: Int) { state.page = .review(selection: min(max(0, i), last)) }
        state.notice = nil
        switch command {
        case .up: select(selection - 1)
        case .down: select(selection + 1)
        case .pageUp: select(selection - pageStep)
        case .pageDown: select(selection + pageStep)
        case .first: select(0)
        case .last: select(last)
        case .back: state.returnFromReview()
        case .open:
            if items.indices.contains(selection) {
                state.show(items[selection])
                state.editingFromReview = true
            } else if canShowResult(state) {
                state.showResults()
            } else {
                state.goToFirstUnanswered()
            }
        }
    }

    static func draw(_ state: AppState, into painter: inout Painter) {
        guard case .review(let selection) = state.page else { return }
        let q = state.questionnaire, L = state.language, g = painter.glyphs
        painter.frame(title: state.t("review.title"), right: q.title[L], hints: state.footerHints)
        let items = state.session.askedItems
        // Labels in one column, answers in the next; on a wide terminal both grow until the
        // longest of each fits.
        let labelNeeds = (items.map { DisplayWidth.of(g.displayable(state.wording.label($0))) }.max() ?? 0) + 3
        let answerNeeds = (items.map { item in
            DisplayWidth.of(g.displayable(state.answers[item.id].map { state.wording.value($0, of: item) } ?? state.wording.t("value.unanswered")))
        }.max() ?? 0) + 1
        let (x, w, labelWidth) = painter.split(listNeeds: labelNeeds, paneNeeds: answerNeeds,
                                               baseShare: { $0 * 3 / 5 })
        var y = painter.top + 1
        let missing = state.session.missing.count
        let summary = missing == 0 ? state.t("review.complete") : StringCatalog.tui.count("review.missing", Double(missing), L)
        y = painter.paragraph(summary, x: x, y: y, width: w, style: .bold, maxLines: 2) + 1
        let noticeRows = painter.noticeRows(state.notice)
        let rows = max(1, painter.bottom - noticeRows - y + 1)
        let count = items.count + 1
        let first = min(max(0, selection - rows / 2), max(0, count - rows))
        for row in first..<min(count, first + rows) {
            let selected = row == selection
            let style = selected ? Style(bold: true, reverse: true) : Style.plain
            if selected { painter.screen.fill(x: x, y: y, width: w, height: 1, style: style) }
            painter.write(selected ? g.pointer : " ", x: x, y: y, style: style)
            if row < items.count {
                let item = items[row]
                let answer = state.answers[item.id].map { state.wording.value($0, of: item) }
                let answerText = answer ?? state.wording.t("value.unanswered")
                // A label longer than its column takes the room a short answer leaves on its row,
                // its answer then standing right after it, so no label is cut beside empty cells.
                let label = g.displayable(state.wording.label(item))
                let labelRoom = max(labelWidth - 3, w - 3 - DisplayWidth.of(g.displayable(answerText)))
                let answerX = max(x + labelWidth, x + 3 + min(DisplayWidth.of(label), labelRoom))
                painter.write(painter.fitted(label, labelRoom), x: x + 2, y: y, style: style)
                let answerStyle = answer == nil ? Style(bold: true, reverse: selected, tint: .yellow) : style
                painter.write(painter.fitted(answerText, x + w - answerX), x: answerX, y: y, style: answerStyle)
            } else {
                let label = canShowResult(state) ? state.t("review.show_result") : state.t("review.first_open")
                painter.write(g.right + " " + label, x: x + 2, y: y, style: Style(bold: true, reverse: selected))
            }
            y += 1
        }
        if first > 0 { painter.write(g.up, x: painter.width - 3, y: painter.top + 3, style: .dim) }
        if first + rows < count { painter.write(g.down, x: painter.width - 3, y: painter.bottom, style: .dim) }
        if state.notice != nil { painter.notice(state.notice, y: painter.bottom - noticeRows + 1, maxLines: noticeRows) }
    }
}
