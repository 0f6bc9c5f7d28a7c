import TriageKit
import TriageReport

/// Warning signs on one screen, a line each with yes and no columns right beside the labels.
/// Each answer is stored (and saved) at once, an emergency sign interrupts at once, and Enter
/// goes on only when every line has an answer. Moving never answers: the yes and no keys do.
enum ChecklistScreen {
    enum Command: Sendable { case up, down, pageUp, pageDown, first, last, yes, no, submit, back, review }

    /// Lines a page key moves.
    static let pageStep = 5

    static func bindings(_ state: AppState) -> [KeyBinding<Command>] {
        let letters = Widgets.yesNoLetters(state.language)
        return [
            .on([.up, .backTab], "{up}{down}", "key.line", .up),
            .on([.down, .tab], "{down}", "key.line", footer: false, .down),
            KeyBinding(label: letters.label, help: "key.answer_yes_no") { key in
                guard case .character(let c) = key else { return nil }
                if letters.yes.contains(c) || c == "1" { return .yes }
                if letters.no.contains(c) || c == "2" { return .no }
                return nil
            },
            .on([.enter], "Enter", "key.next", .submit),
            .on([.left, .backspace, .escape], "{left}", "key.back", .back),
            .on([.pageUp], "PgUp", "key.page", footer: false, .pageUp),
            .on([.pageDown], "PgDn", "key.page", footer: false, .pageDown),
            .on([.home], "Home", "key.first_line", footer: false, .first),
            .on([.end], "End", "key.last_line", footer: false, .last),
            .on(Key.letter("r"), "r", "key.review", .review),
        ]
    }

    static func hints(_ state: AppState) -> [KeyHint] { bindings(state).map(\.hint) }

    static func handle(_ key: Key, _ item: Item, _ state: inout AppState, _ effects: inout [Effect]) {
        guard let command = bindings(state).command(for: key) else { return }
        let lines = state.session.checklist(of: item)
        let at = lines.firstIndex { $0.id == item.id } ?? 0
        func select(_ i: Int) { state.show(lines[min(max(0, i), lines.count - 1)]) }
        if command != .submit { state.notice = nil }
        switch command {
        case .up: select(at - 1)
        case .down: select(at + 1)
        case .pageUp: select(at - pageStep)
        case .pageDown: select(at + pageStep)
        case .first: select(0)
        case .last: select(lines.count - 1)
        case .yes, .no: answer(item, yes: command == .yes, lines: lines, &state, &effects)
        case .review: state.showReview(selecting: item.id)
        case .back: state.goBack(from: lines[0])
        case .submit:
            let open = lines.filter { state.answers[$0.id] == nil }
            if let first = open.first {
                state.show(first)
                state.notice = Notice(StringCatalog.tui.count("checklist.unanswered", Double(open.count), state.language), isError: true)
                return
            }
            state.notice = nil
            state.advance(from: lines[lines.count - 1])
        }
    }

    /// Stores one line's answer and selects the next line; changing it from the review screen
    /// keeps it selected, for Enter to return there.
    static func answer(_ item: Item, yes: Bool, lines: [Item], _ state: inout AppState, _ effects: inout [Effect]) {
        state.accept(.bool(yes), for: item, advancing: false, &effects)
        guard state.notice == nil else { return }
        // An answer can open or close other lines: move within the list as it is now.
        let now = state.session.checklist(of: item)
        if !state.editingFromReview, let at = now.firstIndex(where: { $0.id == item.id }), at + 1 < now.count {
            state.show(now[at + 1])
        } else {
            state.show(item)
        }
    }

    static func draw(_ state: AppState, _ item: Item, into painter: inout Painter) {
        let q = state.questionnaire, L = state.language, g = painter.glyphs
        let lines = state.session.checklist(of: item)
        let section = q.sections.first { $0.id == item.section }?.title[L] ?? ""
        painter.frame(title: section, right: q.title[L], hints: state.footerHints)
        // Columns right after the longest label, so each answer sits beside its line; the list
        // takes the width it needs where the terminal has it.
        let yes = g.displayable(state.t("checklist.yes")), no = g.displayable(state.t("checklist.no"))
        let column = max(5, DisplayWidth.of(yes), DisplayWidth.of(no), DisplayWidth.of(g.radioOn)) + 2
        let labels = lines.map { state.wording.label($0) }
        let longest = labels.map { DisplayWidth.of(g.displayable($0)) }.max() ?? 0
        let (x, w) = painter.listColumn(needing: 6 + longest + 2 + 2 * column + 2)
        let textX = x + 6
        let labelWidth = min(longest, w - 6 - 2 * column - 2)
        var y = painter.paragraph(state.t("checklist.intro"), x: x, y: painter.top + 1, width: w, style: .bold, maxLines: 2) + 1
        // The selected line's whole question goes under the list, never cut: the labels are
        // short forms, and the question's own words (what counts, what does not) are what the
        // person answers. The list gives up rows for it and scrolls.
        let questionWidth = min(Painter.maximumTextWidth, w - (textX - x))
        let question = TextWrap.lines(g.displayable(item.text[L]), width: questionWidth)
        let noticeRows = painter.noticeRows(state.notice)
        let yesX = textX + labelWidth + 2, noX = yesX + column
        func centred(_ text: String, in cx: Int) -> Int { cx + max(0, (column - DisplayWidth.of(text)) / 2) }
        let headerY = y
        painter.write(yes, x: centred(yes, in: yesX), y: y, style: .bold)
        painter.write(no, x: centred(no, in: noX), y: y, style: .bold)
        y += 1

        // Rows for lines: then a blank row, the whole question, a message, the progress bar.
        let rows = max(3, painter.bottom - 2 - y - question.count - noticeRows)
        let selected = lines.firstIndex { $0.id == item.id } ?? 0
        var first = 0, shown = lines.count
        if lines.count > rows {
            shown = rows - 1
            first = min(max(0, selected - shown / 2), lines.count - shown)
        }
        for (offset, line) in lines.dropFirst(first).prefix(shown).enumerated() {
            let i = first + offset, here = i == selected
            if here { painter.focusRow = y }
            painter.write(here ? g.pointer : " ", x: x, y: y, style: .bold)
            let number = String(i + 1)
            painter.write(number, x: x + 4 - number.count, y: y, style: here ? .bold : .dim)
            painter.write(painter.fitted(labels[i], labelWidth), x: textX, y: y, style: here ? Style(bold: true, reverse: true) : .plain)
            let answer: Bool? = { if case .bool(let b)? = state.answers[line.id] { return b } else { return nil } }()
            let yesMark = answer == true ? g.radioOn : g.radioOff
            let noMark = answer == false ? g.radioOn : g.radioOff
            painter.write(yesMark, x: centred(yesMark, in: yesX), y: y, style: answer == true ? Style(bold: true, tint: .red) : .plain)
            painter.write(noMark, x: centred(noMark, in: noX), y: y, style: answer == false ? .bold : .plain)
            y += 1
        }
        if first > 0 {
            painter.write(state.t("checklist.more_above", String(first)) + " " + g.up, x: textX, y: headerY, style: .dim,
                          limit: yesX - textX - 1)
        }
        let below = lines.count - first - shown
        if below > 0 {
            painter.write(state.t("checklist.more_below", String(below)) + " " + g.down, x: textX, y: y, style: Style(bold: true, tint: .accent))
            y += 1
        }
        y += 1
        for line in question where y < painter.bottom - noticeRows {
            painter.write(line, x: textX, y: y)
            y += 1
        }
        if state.notice != nil {
            painter.notice(state.notice, y: painter.bottom - noticeRows, maxLines: noticeRows)
        } else if y < painter.bottom - 1 {
            painter.write(state.t("checklist.why"), x: x, y: painter.bottom - 1, style: .dim)
        }
        painter.progressBar(percent: state.session.percentDone, y: painter.bottom)
    }
}
