import TriageKit
import TriageReport

/// The result: the level as a word in a heavy box (colour only adds to it), then what the level
/// shows. With advice, a list beside a preview of the selected row; without (an emergency or
/// urgent result), the warning signs and what they can mean, with nothing competing.
enum ResultsScreen {
    enum Command: Sendable { case up, down, first, last, details, save, print, answers, startOver }

    static func bindings(_ state: AppState) -> [KeyBinding<Command>] {
        // In the order they leave the footer when room is short: taking the sheet along first.
        [
            .on(Key.letter("s"), "s", "key.save", .save),
            .on(Key.letter("p"), "p", "key.print", .print),
            .on([.enter, .right], "Enter", "key.details", .details),
            .on(Key.letter("b") + [.left, .backspace], "b", "key.change_answers", .answers),
            .on([.up, .backTab], "{up}{down}", "key.select", .up),
            .on([.down, .tab], "{down}", "key.select", footer: false, .down),
            .on(Key.letter("n"), "n", "key.new", .startOver),
            .on([.home], "Home", "key.first_line", footer: false, .first),
            .on([.end], "End", "key.last_line", footer: false, .last),
        ]
    }

    static func hints(_ state: AppState) -> [KeyHint] { bindings(state).map(\.hint) }

    static func handle(_ key: Key, _ state: inout AppState, _ effects: inout [Effect]) {
        guard case .results(let selection) = state.page, let command = bindings(state).command(for: key) else { return }
        let list = ResultList(state.outline, state)
        let count = list.selectable.count
        func select(_ i: Int) { state.page = .results(selection: min(max(0, i), max(0, count - 1))) }
        state.notice = nil
        switch command {
        case .up: select(selection - 1)
        case .down: select(selection + 1)
        case .first: select(0)
        case .last: select(count - 1)
        case .details:
            if let subject = list.subject(atSelection: selection) { state.page = .detail(subject, scroll: 0, selection: selection) }
        // Saving the sheet is asked for, so it happens with --no-save too.
        case .save: effects.append(.saveSheets(state.sheets))
        case .print: effects.append(.printSheet(state.sheets))
        case .answers: state.showReview()
        case .startOver: state.overlay = .confirmStartOver
        }
    }

    /// The colour a level adds to its word: its tone, as every output has it.
    static func tint(_ level: TriageLevel, of levels: [TriageLevel]) -> Tint {
        switch LevelTone(level, of: levels) {
        case .red: .red
        case .amber: .yellow
        case .blue: .blue
        case .green: .green
        }
    }

    static func draw(_ state: AppState, into painter: inout Painter) {
        guard case .results(let selection) = state.page else { return }
        let outline = state.outline, report = outline.report, q = state.questionnaire, L = state.language, w = state.wording, g = painter.glyphs
        painter.frame(title: w.t("result.title"), right: q.title[L], hints: state.footerHints)
        let x = painter.left, width = painter.textWidth
        let level = report.level, shape = level.result
        let advice = shape.suggestions || shape.cautions
        var y = painter.top + 1

        // The level: its word, reversed and tinted, and its action beside it; when the action
        // would take more than two lines there, the word stands on its own line and the action
        // takes the whole width below it. The box grows to hold the whole action: it is never
        // cut ("Never cut what keeps someone safe").
        let action = outline.section(.action)
        let tint = tint(level, of: q.triageLevels)
        let word = g.displayable((action?.heading ?? "").uppercased())
        let actionText = g.displayable(action?.entries.first?.text ?? "")
        let besideX = x + 1 + DisplayWidth.of(word) + 4
        let beside = TextWrap.lines(actionText, width: max(20, x + width - 1 - besideX))
        let below = TextWrap.lines(actionText, width: width - 2)
        let stacked = beside.count > 2 && below.count + 1 < beside.count
        let actionLines = stacked ? below : beside
        let actionX = stacked ? x + 1 : besideX
        let boxHeight = actionLines.count + (stacked ? 1 : 0) + 2
        painter.screen.box(x: x - 1, y: y, width: width + 2, height: boxHeight, lines: g.heavy, style: Style(bold: true, tint: tint))
        painter.screen.put(" " + word + " ", x: x + 1, y: y + 1, style: Style(bold: true, reverse: true, tint: tint))
        for (i, line) in actionLines.enumerated() {
            painter.screen.put(line, x: actionX, y: y + 1 + i + (stacked ? 1 : 0), style: .bold)
        }
        y += boxHeight
        // Crisis help stands right under the action, whole, as a banner: never an entry to find.
        for entry in outline.section(.crisis)?.entries ?? [] {
            for line in TextWrap.lines(g.displayable(entry.text), width: width - 2) {
                painter.screen.put(g.marker + " ", x: x, y: y, style: Style(bold: true, tint: .red))
                painter.screen.put(line, x: x + 2, y: y, style: .bold)
                y += 1
            }
        }
        // A box opened over the result (the keys) leaves the action and the crisis help in view.
        painter.focusRow = y - 1
        if let remark = action?.entries.dropFirst().first?.text { y = painter.paragraph(remark, x: x, y: y, width: width, style: .bold, maxLines: 2) }
        if advice {
            // Whether a warning sign was answered comes first: it is what the level rests on.
            var summary = outline.section(.profile)?.entries.map(\.text).joined(separator: "; ") ?? ""
            if let signs = outline.section(.signs), signs.entries.isEmpty, let none = signs.none {
                summary = none + (summary.isEmpty ? "" : " ") + summary
            }
            y = painter.paragraph(summary, x: x, y: y, width: width, maxLines: painter.height >= 30 ? 4 : 2)
        }
        for entry in outline.section(.stillOpen)?.entries ?? [] {
            y = painter.paragraph(entry.text, x: x, y: y, width: width, style: Style(bold: true, tint: .yellow), maxLines: 2)
        }
        y += 1

        // The foot of the body: a notice, else when to look again, else the reminder to take
        // the sheet along.
        var foot = state.t("results.take_along")
        if shape.nextCheck, let next = report.nextCheck {
            foot = state.t("results.next_check", w.date(next.date), w.weeks(next.weeks))
        }
        if let notice = state.notice { foot = notice.text }
        let footLines = state.notice == nil ? min(3, painter.lineCount(foot, width: width)) : painter.noticeRows(state.notice)
        let listBottom = painter.bottom - footLines - 1
        if let notice = state.notice {
            painter.notice(notice, y: painter.bottom - footLines + 1, maxLines: footLines)
        } else {
            painter.paragraph(foot, x: x, y: painter.bottom - footLines + 1, width: width, style: .bold, maxLines: footLines)
        }

        let list = ResultList(state.outline, state)
        if advice {
            panes(list, selection: selection, state, top: y, bottom: listBottom, into: &painter)
        } else {
            column(list, selection: selection, state, top: y, bottom: listBottom, into: &painter)
        }
    }

    /// How wide the preview beside the list would like to be: about half a line of text.
    static let previewWidth = 40

    /// The list on the left, the selected row's preview on the right.
    static func panes(_ list: ResultList, selection: Int, _ state: AppState, top: Int, bottom: Int, into painter: inout Painter) {
        let g = painter.glyphs
        // The list's rows need their text plus the pointer, a mark and the scroll arrow.
        let (x, areaWidth, listWidth) = painter.split(listNeeds: list.longestLabel(state) + 5, paneNeeds: Self.previewWidth,
                                                      baseShare: { min(40, $0 / 2) })
        let selectable = list.selectable
        let selectedRow = selectable.isEmpty ? -1 : selectable[min(selection, selectable.count - 1)]
        let rows = bottom - top + 1
        guard rows > 0 else { return }
        let first = min(max(0, selectedRow - rows + 2), max(0, list.rows.count - rows))
        var y = top
        for (offset, row) in list.rows.dropFirst(first).prefix(rows).enumerated() {
            let selected = first + offset == selectedRow
            let style = selected ? Style(bold: true, reverse: true) : Style.plain
            switch row {
            case .heading(let title):
                painter.write(painter.fitted(title, listWidth - 1), x: x, y: y, style: .bold)
            case .sign(let sign):
                painter.write(selected ? g.pointer : " ", x: x, y: y, style: .bold)
                painter.write(painter.fitted(state.wording.label(sign.item), listWidth - 4), x: x + 2, y: y,
                              style: Style(bold: true, reverse: selected, tint: .red))
            case .entry(let entry):
                painter.write(selected ? g.pointer : " ", x: x, y: y, style: .bold)
                let mark = entry.highlighted ? " *" : ""
                painter.write(painter.fitted(entry.entry.title[state.language], listWidth - 4 - mark.count) + mark, x: x + 2, y: y, style: style)
            case .safetyNet(let label), .changes(let label), .section(let label, _):
                painter.write(selected ? g.pointer : " ", x: x, y: y, style: .bold)
                painter.write(painter.fitted(label, listWidth - 4), x: x + 2, y: y, style: style)
            case .text(let line):
                painter.write(painter.fitted(line, listWidth - 4), x: x + 2, y: y, style: .dim)
            }
            y += 1
        }
        if first > 0 { painter.write(g.up, x: x + listWidth - 1, y: top, style: .dim) }
        if first + rows < list.rows.count { painter.write(g.down, x: x + listWidth - 1, y: bottom, style: .dim) }

        // The preview, cut where the room ends; Enter shows all of it.
        let paneX = x + listWidth + 2, paneWidth = areaWidth - listWidth - 2
        for row in top...bottom { painter.write(g.light.vertical, x: paneX - 2, y: row, style: .dim) }
        guard let subject = list.subject(atSelection: selection) else { return }
        let lines = DetailText(subject, state, width: paneWidth, glyphs: g, brief: true).lines
        let room = bottom - top + 1
        for (i, line) in lines.prefix(room).enumerated() {
            let cut = i == room - 1 && lines.count > room
            painter.write(cut ? painter.fitted(g.right + " " + state.t("detail.more"), paneWidth) : line.text,
                          x: paneX, y: top + i, style: cut ? .dim : line.style, limit: paneWidth)
        }
    }

    /// Without advice: each warning sign with what it can point to under it, then the rest.
    static func column(_ list: ResultList, selection: Int, _ state: AppState, top: Int, bottom: Int, into painter: inout Painter) {
        let g = painter.glyphs, x = painter.left, width = painter.textWidth, L = state.language
        let selectable = list.selectable
        let selectedRow = selectable.isEmpty ? -1 : selectable[min(selection, selectable.count - 1)]
        var y = top
        for (index, row) in list.rows.enumerated() where y <= bottom {
            let selected = index == selectedRow
            switch row {
            case .heading(let title):
                if index > 0 { y += 1 }
                guard y <= bottom else { break }
                painter.write(painter.fitted(title, width), x: x, y: y, style: .bold)
                y += 1
            case .sign(let sign):
                painter.write(selected ? g.pointer : " ", x: x, y: y, style: .bold)
                painter.write(painter.fitted(state.wording.label(sign.item), width - 2), x: x + 2, y: y,
                              style: Style(bold: true, reverse: selected, tint: .red))
                y += 1
                // What it can point to; the rule's whole explanation is on its detail page.
                let about = state.wording.t("result.can_point_to", sign.cause.text[L])
                let text = about.prefix(1).uppercased() + about.dropFirst() + "."
                y = painter.paragraph(text, x: x + 4, y: y, width: width - 4, maxLines: min(3, bottom - y + 1))
            case .entry(let entry):
                painter.write(selected ? g.pointer : " ", x: x, y: y, style: .bold)
                painter.write(painter.fitted(entry.entry.title[L], width - 2), x: x + 2, y: y, style: selected ? .reverse : .plain)
                y += 1
            case .safetyNet(let label), .changes(let label), .section(let label, _):
                painter.write(selected ? g.pointer : " ", x: x, y: y, style: .bold)
                painter.write(painter.fitted(label, width - 2), x: x + 2, y: y, style: selected ? .reverse : .plain)
                y += 1
            case .text(let line):
                painter.write(painter.fitted(line, width - 2), x: x + 2, y: y, style: .dim)
                y += 1
            }
        }
    }
}
