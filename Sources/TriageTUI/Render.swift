import Foundation
import TriageKit

/// The smallest window the screens are laid out for.
public let minimumSize = Size(width: 80, height: 24)

/// Draws the whole screen from the state. Pure: the same state and size give the same grid.
public func render(_ state: AppState, size: Size, glyphs: Glyphs = .unicode) -> Screen {
    var painter = Painter(state: state, screen: Screen(size: size), glyphs: glyphs)
    if size.width < minimumSize.width || size.height < minimumSize.height {
        painter.tooSmall()
    } else {
        painter.page()
        painter.overlay()
    }
    return painter.screen
}

/// A key and what it does, for the footer.
struct KeyHint {
    var key: String
    var action: String
}

/// Draws one state into one screen. Each screen has its own method; they share the frame.
struct Painter {
    let state: AppState
    var screen: Screen
    let glyphs: Glyphs

    var width: Int { screen.size.width }
    var height: Int { screen.size.height }
    /// Left edge and width of the body text inside the frame.
    var left: Int { 3 }
    var bodyWidth: Int { width - 6 }
    /// First and last body rows.
    var top: Int { 1 }
    var bottom: Int { height - 4 }

    func t(_ key: String, _ args: String...) -> String {
        return Strings.text(key, state.language, arguments: args)
    }

    var L: String { state.language }
    var q: Questionnaire { state.questionnaire }

    // MARK: Text helpers

    /// Writes text converted for the terminal (ASCII fallback) and clipped to the body.
    @discardableResult
    mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        screen.put(glyphs.displayable(text), x: x, y: y, style: style, limit: limit ?? (width - 2 - x))
    }

    /// Writes wrapped text from row `y`, at most `maxLines` lines; returns the next free row.
    @discardableResult
    mutating func paragraph(_ text: String, x: Int, y: Int, width w: Int, style: Style = .plain, maxLines: Int = .max) -> Int {
        var row = y
        let lines = Wrap.lines(glyphs.displayable(text), width: w)
        for (i, line) in lines.prefix(maxLines).enumerated() {
            var shown = line
            if i == maxLines - 1 && lines.count > maxLines { shown = String(line.prefix(max(0, w - 3))) + "..." }
            screen.put(shown, x: x, y: row, style: style, limit: w)
            row += 1
        }
        return row
    }

    func wrappedCount(_ text: String, width w: Int) -> Int { Wrap.lines(glyphs.displayable(text), width: w).count }

    // MARK: Frame

    mutating func frame(title: String, right: String, hints: [KeyHint]) {
        let lines = glyphs.light
        screen.box(x: 0, y: 0, width: width, height: height, lines: lines)
        screen.put(lines.teeLeft + String(repeating: lines.horizontal, count: width - 2) + lines.teeRight, x: 0, y: height - 3)
        let h = lines.horizontal
        write("\(h) \(title) ", x: 1, y: 0, style: .bold, limit: width / 2)
        let rightText = " \(right) \(h)"
        let rightWidth = DisplayWidth.of(glyphs.displayable(rightText))
        write(rightText, x: width - 1 - rightWidth, y: 0, limit: rightWidth)
        footer(hints)
    }

    /// Keys in order of importance; those that do not fit are left out whole.
    mutating func footer(_ hints: [KeyHint]) {
        var x = 2
        for hint in hints {
            let keyText = glyphs.displayable(hint.key), actionText = glyphs.displayable(hint.action)
            let need = DisplayWidth.of(keyText) + 1 + DisplayWidth.of(actionText)
            if x + need > width - 2 { break }
            x = screen.put(keyText, x: x, y: height - 2, style: .bold)
            x = screen.put(" " + actionText, x: x, y: height - 2) + 2
        }
    }

    var languageHint: KeyHint { KeyHint(key: "L", action: t("tui.lang.other")) }
    var quitHint: KeyHint { KeyHint(key: "q", action: t("tui.key.quit")) }
    var navigationArrows: String { glyphs.unicode ? "\(glyphs.up)\(glyphs.down)" : "Up/Down" }

    // MARK: Pages

    mutating func page() {
        switch state.page {
        case .welcome(let choice): welcome(choice)
        case .question(let id): if let item = state.engine.index.items[id] { question(item) }
        case .review(let selection): review(selection)
        case .results(let selection): results(selection)
        case .detail(let subject, let scroll, _): detailPage(subject, scroll: scroll)
        }
    }

    mutating func welcome(_ choice: Int) {
        frame(title: t("app.name"), right: t("tui.lang.name"),
              hints: [KeyHint(key: navigationArrows, action: t("tui.key.choose")), KeyHint(key: "Enter", action: t("tui.key.confirm")), languageHint, quitHint])
        var y = top + 1
        write(q.title[L], x: left, y: y, style: .bold)
        y += 2
        if let description = q.description?[L] { y = paragraph(description, x: left, y: y, width: bodyWidth, maxLines: height > 30 ? .max : 5) + 1 }
        y = paragraph(t("tui.welcome.not_diagnosis"), x: left, y: y, width: bodyWidth, style: .bold) + 1
        let signs = emergencySigns
        let emergencyText = signs.isEmpty ? t("tui.welcome.emergency_plain") : t("tui.welcome.emergency", signs.joined(separator: "; "))
        for line in Wrap.lines(glyphs.displayable(emergencyText), width: bodyWidth - 2) {
            screen.put(glyphs.marker, x: left, y: y, style: Style(bold: true, tint: .red))
            screen.put(line, x: left + 2, y: y, style: .bold)
            y += 1
        }
        y += 1
        if let saved = state.resumable {
            let answered = saved.answers.values.count
            let stamp = DateFormatter.localizedString(from: saved.savedAt, dateStyle: .medium, timeStyle: .short)
            y = paragraph(t("tui.welcome.saved", stamp, String(answered)), x: left, y: y, width: bodyWidth) + 1
        } else if !state.answers.values.isEmpty {
            y = paragraph(t("tui.welcome.prefilled", String(state.answers.values.count)), x: left, y: y, width: bodyWidth) + 1
        }
        for (i, key) in state.welcomeChoices.enumerated() where y <= bottom {
            let selected = i == choice
            write(selected ? glyphs.pointer : " ", x: left + 3, y: y, style: .bold)
            write(t(key), x: left + 5, y: y, style: selected ? Style(bold: true, reverse: true) : .plain)
            y += 1
        }
    }

    /// The short names of the warning signs that make the result an emergency, from the rules.
    var emergencySigns: [String] {
        guard let level = state.emergencyLevel else { return [] }
        var seen = Set<String>()
        return q.rules.compactMap { rule -> String? in
            guard rule.triage == level.id, let flag = rule.redFlag, seen.insert(flag.item).inserted,
                  let item = q.item(flag.item) else { return nil }
            return (item.short ?? item.text)[L]
        }
    }

    mutating func question(_ item: Item) {
        let lines = state.checklist(of: item)
        if !lines.isEmpty { checklist(item, lines); return }
        let asked = state.askedItems
        let index = (asked.firstIndex { $0.id == item.id } ?? 0) + 1
        let section = q.sections.first { $0.items.contains { $0.id == item.id } }?.title[L] ?? ""
        frame(title: section, right: "\(q.title[L]) \(glyphs.separator) \(index)/\(asked.count)", hints: questionHints(item))

        var y = top + 1
        if item.isRedFlag {
            write(t("tui.question.warning_sign"), x: left, y: y, style: Style(bold: true, tint: .yellow))
            y += 1
        }
        y = paragraph(item.text[L], x: left, y: y, width: bodyWidth, style: .bold) + 1
        switch item.kind {
        case .boolean, .choice: y = choiceWidget(item, y: y)
        case .multiChoice: y = multiChoiceWidget(item, y: y)
        case .scale: y = scaleWidget(item, y: y)
        case .integer, .decimal: y = numberWidget(item, y: y)
        case .text, .date: y = textWidget(item, y: y)
        }
        if let notice = state.notice {
            y += 1
            let style = notice.isError ? Style(bold: true, tint: .red) : .bold
            let prefix = notice.isError ? "! " : ""
            paragraph(prefix + notice.text, x: left, y: y, width: bodyWidth, style: style, maxLines: max(1, bottom - 2 - y))
        }
        progressBar(done: index, total: asked.count, y: bottom)
    }

    /// Warning signs on one screen: a numbered line each with yes and no columns. The list
    /// scrolls to keep the selected line (`item`) in view.
    mutating func checklist(_ item: Item, _ lines: [Item]) {
        let asked = state.askedItems
        let index = (asked.firstIndex { $0.id == item.id } ?? 0) + 1
        let section = q.sections.first { $0.id == item.section }?.title[L] ?? ""
        let arrows = glyphs.unicode ? "\(glyphs.left)\(glyphs.right)" : "Left/Right"
        frame(title: section, right: "\(q.title[L]) \(glyphs.separator) \(index)/\(asked.count)",
              hints: [KeyHint(key: navigationArrows, action: t("tui.key.line")), KeyHint(key: "y/n " + arrows, action: t("tui.key.answer")),
                      KeyHint(key: "Enter", action: t("tui.key.next")), KeyHint(key: "?", action: t("tui.key.why")), quitHint,
                      KeyHint(key: "r", action: t("tui.key.review")), languageHint])

        var y = paragraph(t("tui.checklist.intro"), x: left, y: top + 1, width: bodyWidth, style: .bold, maxLines: 2) + 1
        let yesLabel = glyphs.displayable(t("tui.checklist.yes")), noLabel = glyphs.displayable(t("tui.checklist.no"))
        let columnWidth = max(4, DisplayWidth.of(yesLabel), DisplayWidth.of(noLabel), DisplayWidth.of(glyphs.radioOn)) + 2
        let noX = left + bodyWidth - columnWidth, yesX = noX - columnWidth
        func centred(_ text: String, in x: Int) -> Int { x + max(0, (columnWidth - 2 - DisplayWidth.of(text)) / 2) }
        let headerY = y
        write(yesLabel, x: centred(yesLabel, in: yesX), y: y, style: .bold)
        write(noLabel, x: centred(noLabel, in: noX), y: y, style: .bold)
        y += 1

        // Rows for lines: up to four rows above the progress bar stay for the message and the hint.
        let rows = max(1, bottom - 4 - y + 1)
        let selected = lines.firstIndex { $0.id == item.id } ?? 0
        var first = 0, shown = lines.count
        if lines.count > rows {
            // One row says how many lines are below.
            shown = rows - 1
            first = min(max(0, selected - shown / 2), lines.count - shown)
        }
        let textX = left + 6
        let textWidth = yesX - textX - 2
        for (offset, line) in lines.dropFirst(first).prefix(shown).enumerated() {
            let i = first + offset, here = i == selected
            write(here ? glyphs.pointer : " ", x: left, y: y, style: .bold)
            let number = String(i + 1)
            write(number, x: left + 4 - number.count, y: y, style: here ? .bold : .dim)
            let label = fitted((line.short ?? line.text)[L], width: textWidth)
            write(label, x: textX, y: y, style: here ? Style(bold: true, reverse: true) : .plain, limit: textWidth)
            let answer: Bool? = { if case .bool(let b)? = state.answers[line.id] { return b } else { return nil } }()
            let yesMark = answer == true ? glyphs.radioOn : glyphs.radioOff
            let noMark = answer == false ? glyphs.radioOn : glyphs.radioOff
            write(yesMark, x: centred(yesMark, in: yesX), y: y, style: answer == true ? Style(bold: true, tint: .red) : .plain)
            write(noMark, x: centred(noMark, in: noX), y: y, style: answer == false ? .bold : .plain)
            y += 1
        }
        if first > 0 {
            write(t("tui.checklist.more_above", String(first), glyphs.up), x: left, y: headerY, style: .dim, limit: yesX - left - 1)
        }
        let below = lines.count - first - shown
        if below > 0 {
            write(t("tui.checklist.more_below", String(below), glyphs.down), x: textX, y: y, style: Style(bold: true, tint: .accent))
        }
        if let notice = state.notice {
            let style = notice.isError ? Style(bold: true, tint: .red) : .bold
            paragraph((notice.isError ? "! " : "") + notice.text, x: left, y: bottom - 3, width: bodyWidth, style: style, maxLines: 2)
        } else {
            write(t("tui.checklist.why"), x: left, y: bottom - 2, style: .dim)
        }
        progressBar(done: index, total: asked.count, y: bottom)
    }

    /// Text cut to `width` columns with an ellipsis when it is longer.
    func fitted(_ text: String, width w: Int) -> String {
        let shown = glyphs.displayable(text)
        guard DisplayWidth.of(shown) > w else { return shown }
        let dots = glyphs.unicode ? "…" : "..."
        var out = ""
        for c in shown {
            if DisplayWidth.of(out + String(c)) + DisplayWidth.of(dots) > w { break }
            out.append(c)
        }
        return out + dots
    }

    func questionHints(_ item: Item) -> [KeyHint] {
        let back = KeyHint(key: glyphs.unicode ? glyphs.left : "Left", action: t("tui.key.back"))
        let next = KeyHint(key: "Enter", action: t("tui.key.next"))
        let common = [KeyHint(key: "r", action: t("tui.key.review")), KeyHint(key: "?", action: t("tui.key.why")), languageHint, quitHint]
        switch item.kind {
        case .boolean:
            return [KeyHint(key: "y/n", action: t("tui.key.answer")), next, back] + common
        case .choice:
            return [KeyHint(key: navigationArrows, action: t("tui.key.choose")), next, back] + common
        case .multiChoice:
            return [KeyHint(key: "Space", action: t("tui.key.toggle")), next, back] + common
        case .scale:
            let move = KeyHint(key: glyphs.unicode ? "\(glyphs.left)\(glyphs.right)" : "Left/Right", action: t("tui.key.move"))
            return [move, next, KeyHint(key: "Backspace", action: t("tui.key.back"))] + common
        case .integer, .decimal:
            var hints = [next, back]
            if item.inputHint == "duration" { hints.append(KeyHint(key: "Tab", action: t("tui.key.unit"))) }
            return hints + common
        case .text, .date:
            return [next, KeyHint(key: "Esc", action: t("tui.key.back")), KeyHint(key: "Ctrl-C", action: t("tui.key.quit"))]
        }
    }

    mutating func choiceWidget(_ item: Item, y start: Int) -> Int {
        var y = start
        for (i, label) in state.optionLabels(item).enumerated() where y < bottom - 2 {
            let selected = state.editor.cursor == i
            write(selected ? glyphs.pointer : " ", x: left + 2, y: y, style: .bold)
            write(selected ? glyphs.radioOn : glyphs.radioOff, x: left + 4, y: y)
            let number = "\(i + 1)"
            write(number, x: left + 8, y: y, style: .dim)
            write(label, x: left + 11, y: y, style: selected ? Style(bold: true, reverse: true) : .plain, limit: bodyWidth - 11)
            y += 1
        }
        return y
    }

    mutating func multiChoiceWidget(_ item: Item, y start: Int) -> Int {
        var y = start
        for (i, option) in item.options.enumerated() where y < bottom - 2 {
            let here = state.editor.cursor == i
            let on = state.editor.picked.contains(option.value)
            write(here ? glyphs.pointer : " ", x: left + 2, y: y, style: .bold)
            write(on ? glyphs.checkOn : glyphs.checkOff, x: left + 4, y: y)
            write("\(i + 1)", x: left + 8, y: y, style: .dim)
            write(option.text[L], x: left + 11, y: y, style: here ? Style(bold: true, reverse: true) : .plain, limit: bodyWidth - 11)
            y += 1
        }
        return y
    }

    mutating func scaleWidget(_ item: Item, y start: Int) -> Int {
        var y = start + 1
        let low = Int(item.minimum ?? 0), high = Int(item.maximum ?? 10)
        let slot = max(3, min(6, (bodyWidth - 4) / max(1, high - low + 1)))
        let trackWidth = slot * (high - low + 1)
        for (i, value) in (low...high).enumerated() {
            let x = left + 2 + i * slot
            let chosen = state.editor.scale == value
            let label = chosen ? "[\(value)]" : " \(value) "
            write(label, x: x, y: y, style: chosen ? Style(bold: true, reverse: true) : .plain, limit: slot)
        }
        y += 1
        screen.put(String(repeating: glyphs.sliderTrack, count: trackWidth), x: left + 2, y: y, style: .dim)
        if let value = state.editor.scale {
            screen.put(glyphs.sliderKnob, x: left + 2 + (value - low) * slot + slot / 2, y: y, style: .bold)
        }
        y += 1
        if let anchors = item.anchors {
            let lowText = "\(low) = \(anchors.min[L])", highText = "\(high) = \(anchors.max[L])"
            write(lowText, x: left + 2, y: y, limit: trackWidth / 2)
            let highWidth = DisplayWidth.of(glyphs.displayable(highText))
            write(highText, x: max(left + 2 + trackWidth / 2, left + 2 + trackWidth - highWidth), y: y, limit: trackWidth / 2)
            y += 1
        }
        y += 1
        let status = state.editor.scale.map { t("tui.scale.chosen", "\($0)") } ?? t("tui.scale.unset")
        write(status, x: left + 2, y: y, style: state.editor.scale == nil ? .dim : .bold)
        return y + 1
    }

    mutating func numberWidget(_ item: Item, y start: Int) -> Int {
        var y = start
        let fieldWidth = 14
        screen.box(x: left + 2, y: y, width: fieldWidth, height: 3, lines: glyphs.light)
        let shown = String(state.editor.text.suffix(fieldWidth - 4))
        let end = write(shown, x: left + 4, y: y + 1, style: .bold, limit: fieldWidth - 4)
        screen.cursor = (end, y + 1)
        var x = left + 2 + fieldWidth + 2
        if item.inputHint == "duration" {
            for unit in DurationUnit.allCases {
                let on = state.editor.unit == unit
                x = write((on ? glyphs.radioOn : glyphs.radioOff) + " " + t(unit.stringKey), x: x, y: y + 1,
                          style: on ? .bold : .plain) + 3
            }
        } else if let unit = item.unit?[L] {
            write(unit, x: x, y: y + 1)
        }
        y += 3
        if item.inputHint == "duration", state.editor.unit != .weeks,
           let amount = Double(state.editor.text.replacingOccurrences(of: ",", with: ".")) {
            let weeks = state.editor.unit.weeks(amount)
            write(t("tui.duration.in_weeks", state.editor.text, t(state.editor.unit.stringKey), Value.format((weeks * 10).rounded() / 10)),
                  x: left + 2, y: y, style: .dim)
            y += 1
        } else if item.minimum != nil || item.maximum != nil {
            let text = item.inputHint == "duration" ? t("tui.duration.hint")
                : t("tui.number.range", item.minimum.map(Value.format) ?? "", item.maximum.map(Value.format) ?? "")
            write(text, x: left + 2, y: y, style: .dim)
            y += 1
        }
        return y
    }

    mutating func textWidget(_ item: Item, y start: Int) -> Int {
        let fieldWidth = bodyWidth - 4
        screen.box(x: left + 2, y: start, width: fieldWidth, height: 3, lines: glyphs.light)
        let inner = fieldWidth - 4
        let chars = Array(state.editor.text)
        let first = max(0, state.editor.caret - inner + 1)
        let visible = String(chars[min(first, chars.count)..<min(chars.count, first + inner)])
        write(visible, x: left + 4, y: start + 1, limit: inner)
        screen.cursor = (left + 4 + DisplayWidth.of(glyphs.displayable(String(chars[min(first, chars.count)..<state.editor.caret]))), start + 1)
        if item.kind == .date { write(t("tui.date.hint"), x: left + 2, y: start + 3, style: .dim); return start + 4 }
        return start + 3
    }

    mutating func progressBar(done: Int, total: Int, y: Int) {
        let label = t("tui.progress", String(done), String(total))
        let labelWidth = DisplayWidth.of(label)
        let barWidth = max(10, bodyWidth - labelWidth - 3)
        let filled = total == 0 ? 0 : barWidth * done / total
        screen.put(String(repeating: glyphs.barFull, count: filled), x: left, y: y, style: Style(tint: .accent))
        screen.put(String(repeating: glyphs.barEmpty, count: barWidth - filled), x: left + filled, y: y, style: .dim)
        write(label, x: left + barWidth + 3, y: y)
    }

    // MARK: Review

    mutating func review(_ selection: Int) {
        var hints = [KeyHint(key: navigationArrows, action: t("tui.key.select")), KeyHint(key: "Enter", action: t("tui.key.change")),
                     KeyHint(key: "Esc", action: t("tui.key.back"))]
        if state.missingCount == 0 { hints.append(KeyHint(key: "s", action: t("tui.key.show_result"))) }
        frame(title: t("tui.review.title"), right: q.title[L], hints: hints + [languageHint, quitHint])
        var y = top + 1
        let missing = state.missingCount
        write(missing == 0 ? t("tui.review.complete") : t("tui.review.missing", String(missing)), x: left, y: y, style: .bold)
        y += 2
        let items = state.askedItems
        if let notice = state.notice {
            write(notice.text, x: left, y: bottom, style: notice.isError ? Style(bold: true, tint: .red) : Style(reverse: true))
        }
        let rows = bottom - y + (state.notice == nil ? 1 : 0)
        let first = min(max(0, selection - rows / 2), max(0, items.count - rows))
        let labelWidth = bodyWidth * 3 / 5
        for (offset, item) in items.dropFirst(first).prefix(rows).enumerated() {
            let i = first + offset
            let selected = i == selection
            let style = selected ? Style(bold: true, reverse: true) : Style.plain
            if selected { screen.fill(x: left, y: y, width: bodyWidth, height: 1, style: style) }
            write(selected ? glyphs.pointer : " ", x: left, y: y, style: style)
            write((item.short ?? item.text)[L], x: left + 2, y: y, style: style, limit: labelWidth - 3)
            let answer = state.answers[item.id].map { AnswerFormatting.display($0, item: item, language: L) }
            write(answer ?? t("value.unanswered"), x: left + labelWidth, y: y,
                  style: answer == nil ? Style(bold: selected, reverse: selected, dim: true) : style, limit: bodyWidth - labelWidth)
            y += 1
        }
        if first > 0 { write(glyphs.up, x: width - 3, y: top + 3, style: .dim) }
        if first + rows < items.count { write(glyphs.down, x: width - 3, y: bottom, style: .dim) }
    }

    // MARK: Results

    static func tint(ofLevelRank rank: Int, levels: Int) -> Tint {
        switch rank {
        case 0: return .red
        case 1: return .yellow
        case _ where rank == levels - 1: return .green
        default: return .blue
        }
    }

    mutating func results(_ selection: Int) {
        let a = state.assessment
        frame(title: t("result.title"), right: q.title[L],
              hints: [KeyHint(key: navigationArrows, action: t("tui.key.select")), KeyHint(key: "Enter", action: t("tui.key.details")),
                      KeyHint(key: "s", action: t("tui.key.save")), KeyHint(key: "p", action: t("tui.key.print")),
                      KeyHint(key: "b", action: t("tui.key.change_answers")), KeyHint(key: "n", action: t("tui.key.new")),
                      languageHint, quitHint])
        var y = top + 1
        if let level = q.level(a.triage) {
            let tint = Self.tint(ofLevelRank: level.rank, levels: q.triageLevels.count)
            let titleText = glyphs.displayable(level.title[L].uppercased())
            let actionWidth = bodyWidth - 6 - DisplayWidth.of(titleText)
            let actionLines = Wrap.lines(glyphs.displayable(level.action[L]), width: max(20, actionWidth))
            let boxHeight = actionLines.count + 2
            screen.box(x: left - 1, y: y, width: bodyWidth + 2, height: boxHeight, lines: glyphs.heavy, style: Style(bold: true, tint: tint))
            let x = screen.put(" " + titleText + " ", x: left + 1, y: y + 1, style: Style(bold: true, reverse: true, tint: tint))
            for (i, line) in actionLines.enumerated() { screen.put(line, x: x + 2, y: y + 1 + i, style: .bold) }
            y += boxHeight
        }
        let text = AssessmentText(questionnaire: q, language: L)
        if let profile = text.profileLine(a, state.effectiveAnswers) {
            y = paragraph(profile, x: left, y: y, width: bodyWidth, maxLines: height > 30 ? 4 : 2)
        }
        if a.redFlags.isEmpty {
            write(t("result.no_red_flags"), x: left, y: y)
            y += 1
        } else {
            let shown = height > 30 ? a.redFlags.count : min(a.redFlags.count, 3)
            for rf in a.redFlags.prefix(shown) {
                let item = q.item(rf.item)
                let name = (item?.short ?? item?.text)?[L] ?? rf.item
                let cause = q.cause(rf.cause)?.text[L] ?? rf.cause
                y = paragraph("\(glyphs.marker) \(name): \(t("result.red_flag_cause", cause))", x: left, y: y, width: bodyWidth,
                              style: Style(bold: true, tint: .red), maxLines: height > 30 || a.redFlags.count <= 2 ? 3 : 1)
            }
            if a.redFlags.count > shown {
                write(t("tui.results.more_flags", String(a.redFlags.count - shown)), x: left, y: y, style: .dim)
                y += 1
            }
        }
        if state.missingCount > 0 {
            write(t("tui.results.incomplete", String(state.missingCount)), x: left, y: y, style: Style(bold: true, tint: .yellow))
            y += 1
        }
        let safety = safetyLine(a, brief: true)
        let safetyLines = min(3, wrappedCount(safety, width: bodyWidth))
        let noticeLines = state.notice.map { min(height > 30 ? 6 : 4, wrappedCount($0.text, width: bodyWidth)) } ?? 0
        let paneBottom = bottom - safetyLines - noticeLines
        y += 1
        resultPanes(a, selection: selection, top: y, bottom: paneBottom)
        paragraph(safety, x: left, y: paneBottom + 1, width: bodyWidth, style: .bold, maxLines: safetyLines)
        if let notice = state.notice {
            paragraph(notice.text, x: left, y: bottom - noticeLines + 1, width: bodyWidth,
                      style: notice.isError ? Style(bold: true, tint: .red) : Style(reverse: true), maxLines: noticeLines)
        }
    }

    /// When to check again; `brief` leaves out the advice text, which the detail pane shows.
    func safetyLine(_ a: Assessment, brief: Bool = false) -> String { state.safetyText(a, brief: brief) }

    mutating func resultPanes(_ a: Assessment, selection: Int, top paneTop: Int, bottom paneBottom: Int) {
        let list = ResultList(a, questionnaire: q, language: L)
        let selectable = list.selectable
        let selectedRow = selectable.isEmpty ? 0 : selectable[min(selection, selectable.count - 1)]
        let listWidth = min(48, bodyWidth / 2)
        let rows = paneBottom - paneTop + 1
        guard rows > 0 else { return }
        let first = min(max(0, selectedRow - rows + 2), max(0, list.rows.count - rows))
        var y = paneTop
        for (offset, row) in list.rows.dropFirst(first).prefix(rows).enumerated() {
            let selected = first + offset == selectedRow
            switch row {
            case .heading(let title):
                write(title, x: left, y: y, style: .bold, limit: listWidth - 1)
            case .redFlag(let rf):
                let item = q.item(rf.item)
                let name = (item?.short ?? item?.text)?[L] ?? rf.item
                write(selected ? glyphs.pointer : " ", x: left, y: y, style: .bold)
                write(name, x: left + 2, y: y, style: selected ? Style(bold: true, reverse: true, tint: .red) : Style(tint: .red),
                      limit: listWidth - 3)
            case .entry(let c, let kind):
                let title = q.entry(c.id, kind)?.title[L] ?? c.id
                let mark = c.highlighted ? " !" : ""
                write(selected ? glyphs.pointer : " ", x: left, y: y, style: .bold)
                write(title + mark, x: left + 2, y: y, style: selected ? Style(bold: true, reverse: true) : .plain, limit: listWidth - 3)
            case .safetyNet:
                write(selected ? glyphs.pointer : " ", x: left, y: y, style: .bold)
                write(t("tui.results.safety_entry"), x: left + 2, y: y, style: selected ? Style(bold: true, reverse: true) : .plain, limit: listWidth - 3)
            }
            y += 1
        }
        if first > 0 { write(glyphs.up, x: left + listWidth - 2, y: paneTop, style: .dim) }
        if first + rows < list.rows.count { write(glyphs.down, x: left + listWidth - 2, y: paneBottom, style: .dim) }
        for row in paneTop...paneBottom { write(glyphs.light.vertical, x: left + listWidth, y: row, style: .dim) }
        let detailX = left + listWidth + 2, detailWidth = bodyWidth - listWidth - 2
        guard list.rows.indices.contains(selectedRow) else { return }
        detail(list.rows[selectedRow], a, x: detailX, y: paneTop, width: detailWidth, bottom: paneBottom)
    }

    mutating func detail(_ row: ResultList.Row, _ a: Assessment, x: Int, y start: Int, width w: Int, bottom last: Int) {
        var y = start
        func room() -> Int { max(0, last - y + 1) }
        switch row {
        case .heading: return
        case .redFlag(let rf):
            let item = q.item(rf.item)
            y = paragraph(item?.text[L] ?? rf.item, x: x, y: y, width: w, style: Style(bold: true, tint: .red), maxLines: room())
            y = paragraph(t("tui.detail.can_point_to", q.cause(rf.cause)?.text[L] ?? rf.cause), x: x, y: y, width: w, maxLines: room())
            if let explanation = q.rule(rf.rule)?.explanation[L] {
                paragraph("\(t("result.why")): \(explanation) (\(t("result.rule", rf.rule)))", x: x, y: y, width: w, maxLines: room())
            }
        case .entry(let c, let kind):
            guard let e = q.entry(c.id, kind) else { return }
            y = paragraph(e.title[L], x: x, y: y, width: w, style: .bold, maxLines: room())
            if c.highlighted { y = paragraph(t("result.important"), x: x, y: y, width: w, style: Style(bold: true, tint: .yellow), maxLines: room()) }
            y = paragraph(e.explanation[L], x: x, y: y, width: w, maxLines: room())
            if let practical = e.practical?[L] { y = paragraph("\(t("result.practical")): \(practical)", x: x, y: y, width: w, maxLines: room()) }
            if let evidence = e.evidence?[L] { y = paragraph("\(t("result.evidence")): \(evidence)", x: x, y: y, width: w, maxLines: room()) }
            if let source = e.source {
                let citation = SummarySheet.Citation(source, in: q, language: L).text
                y = paragraph("\(t("result.source")): \(citation)", x: x, y: y, width: w, style: .dim, maxLines: room())
            }
            let why = AssessmentText(questionnaire: q, language: L).why(c, kind, a)
            if !why.isEmpty { paragraph("\(t("result.why")): \(why)", x: x, y: y, width: w, maxLines: room()) }
        case .safetyNet:
            y = paragraph(safetyLine(a), x: x, y: y, width: w, style: .bold, maxLines: room())
            guard !a.watchList.flatMap(\.items).isEmpty, room() > 1 else { return }
            y = paragraph(t("result.watch_for") + ":", x: x, y: y, width: w, maxLines: room())
            for id in a.watchList.flatMap(\.items) where room() > 0 {
                let item = q.item(id)
                y = paragraph("- " + ((item?.short ?? item?.text)?[L] ?? id), x: x, y: y, width: w, maxLines: 1)
            }
        }
    }

    // MARK: Detail

    /// One result in full: the page scrolls when it is longer than the screen.
    mutating func detailPage(_ subject: DetailSubject, scroll: Int) {
        frame(title: DetailPage.title(subject, language: L), right: q.title[L],
              hints: [KeyHint(key: navigationArrows + " PgUp/PgDn", action: t("tui.key.scroll")),
                      KeyHint(key: "Esc", action: t("tui.key.back")), languageHint])
        let lines = DetailPage(subject, state: state, width: bodyWidth, glyphs: glyphs).lines
        let rows = DetailPage.rows(in: screen.size)
        let first = min(max(0, scroll), DetailPage.maxScroll(lines: lines.count, rows: rows))
        let cut = first + rows < lines.count
        let shown = cut ? rows - 1 : rows
        var y = top + 1
        for line in lines.dropFirst(first).prefix(shown) {
            screen.put(line.text, x: left, y: y, style: line.style, limit: bodyWidth)
            y += 1
        }
        if first > 0 { write(glyphs.up, x: width - 3, y: top + 1, style: .dim) }
        if cut { write("\(glyphs.down) \(t("tui.detail.more_below"))", x: left, y: top + rows, style: Style(bold: true, tint: .accent)) }
    }

    // MARK: Overlays

    mutating func overlay() {
        guard let overlay = state.overlay else { return }
        switch overlay {
        case .help(let id):
            guard let item = q.item(id) else { return }
            let text = item.help?[L] ?? t("tui.help.none")
            var body = Wrap.lines(glyphs.displayable(text), width: min(66, bodyWidth - 8))
            if let source = item.source { body += [""] + Wrap.lines(glyphs.displayable("\(t("result.source")): \(source)"), width: min(66, bodyWidth - 8)) }
            dialog(title: t("tui.help.title"), lines: body.map { ($0, Style.plain) }, buttons: [], choice: 0, heavy: false, tint: nil)
            replaceFooter([KeyHint(key: t("tui.key.any"), action: t("tui.key.close"))])
        case .emergency(let flags, let choice):
            let a = state.assessment
            let innerWidth = min(66, bodyWidth - 8)
            var lines: [(String, Style)] = []
            if let level = state.emergencyLevel {
                lines += Wrap.lines(glyphs.displayable(level.action[L]), width: innerWidth).map { ($0, Style.bold) }
                lines.append(("", .plain))
            }
            for id in flags {
                let item = q.item(id)
                let name = (item?.short ?? item?.text)?[L] ?? id
                let cause = a.redFlags.first { $0.item == id }.flatMap { q.cause($0.cause)?.text[L] }
                let text = cause.map { "\(name): \(t("result.red_flag_cause", $0))" } ?? name
                lines += Wrap.lines(glyphs.displayable(text), width: innerWidth).map { ($0, Style.plain) }
            }
            lines.append(("", .plain))
            lines.append((t(state.savingEnabled ? "tui.emergency.saved" : "tui.emergency.kept"), .plain))
            dialog(title: t("tui.emergency.title"), lines: lines,
                   buttons: [t("tui.emergency.show_result"), t("tui.emergency.go_on")], choice: choice, heavy: true, tint: .red)
            replaceFooter([KeyHint(key: glyphs.unicode ? "\(glyphs.left)\(glyphs.right)" : "Left/Right", action: t("tui.key.choose")),
                           KeyHint(key: "Enter", action: t("tui.key.confirm")), languageHint])
        case .confirmQuit:
            dialog(title: t("tui.quit.title"), lines: [(t("tui.quit.unsaved"), .plain)], buttons: [], choice: 0, heavy: false, tint: nil)
            replaceFooter([KeyHint(key: "y", action: t("tui.key.yes_quit")), KeyHint(key: t("tui.key.other"), action: t("tui.key.stay"))])
        case .confirmStartOver:
            dialog(title: t("tui.start_over.title"), lines: [(t("tui.start_over.question"), .plain)], buttons: [], choice: 0, heavy: false, tint: nil)
            replaceFooter([KeyHint(key: "y", action: t("tui.key.yes_start_over")), KeyHint(key: t("tui.key.other"), action: t("tui.key.stay"))])
        }
    }

    mutating func replaceFooter(_ hints: [KeyHint]) {
        screen.fill(x: 1, y: height - 2, width: width - 2, height: 1)
        footer(hints)
    }

    /// A centred box with a title, lines of text and side-by-side buttons.
    mutating func dialog(title: String, lines: [(String, Style)], buttons: [String], choice: Int, heavy: Bool, tint: Tint?) {
        let buttonTexts = buttons.map { glyphs.displayable($0) }
        let buttonsWidth = buttonTexts.reduce(0) { $0 + DisplayWidth.of($1) + 6 }
        let contentWidth = max(lines.map { DisplayWidth.of($0.0) }.max() ?? 0, buttonsWidth, DisplayWidth.of(title) + 4)
        let boxWidth = min(width - 4, contentWidth + 6)
        let boxHeight = min(height - 4, lines.count + 4 + (buttons.isEmpty ? 0 : 2))
        let x = (width - boxWidth) / 2, y = max(1, (height - 3 - boxHeight) / 2)
        screen.fill(x: x, y: y, width: boxWidth, height: boxHeight)
        let style = Style(bold: heavy, tint: tint)
        screen.box(x: x, y: y, width: boxWidth, height: boxHeight, lines: heavy ? glyphs.heavy : glyphs.light, style: style)
        write(" \(title) ", x: x + 2, y: y, style: Style(bold: true, tint: tint))
        var row = y + 2
        for (text, lineStyle) in lines where row < y + boxHeight - 1 {
            screen.put(text, x: x + 3, y: row, style: lineStyle, limit: boxWidth - 6)
            row += 1
        }
        guard !buttons.isEmpty else { return }
        var bx = x + 3
        row = y + boxHeight - 3
        for (i, text) in buttonTexts.enumerated() {
            let selected = i == choice
            bx = screen.put(selected ? glyphs.pointer + " " : "  ", x: bx, y: row, style: .bold)
            bx = screen.put(text, x: bx, y: row, style: selected ? Style(bold: true, reverse: true) : .plain) + 4
        }
    }

    // MARK: Too small

    mutating func tooSmall() {
        let lines = [t("tui.small.size", String(width), String(height)),
                     t("tui.small.needs", String(minimumSize.width), String(minimumSize.height)),
                     t("tui.small.enlarge"), "  backtriage --plain", t(state.savingEnabled ? "tui.small.kept" : "tui.small.not_kept"),
                     "", "q " + t("tui.key.quit")]
        let boxWidth = min(width, (lines.map { DisplayWidth.of(glyphs.displayable($0)) }.max() ?? 0) + 4)
        let boxHeight = min(height, lines.count + 2)
        screen.box(x: 0, y: 0, width: boxWidth, height: boxHeight, lines: glyphs.light)
        for (i, line) in lines.enumerated() where i + 1 < boxHeight - 1 || boxHeight < 3 {
            screen.put(glyphs.displayable(line), x: boxWidth >= 4 ? 2 : 0, y: boxHeight >= 3 ? i + 1 : i, limit: max(0, boxWidth - 4))
        }
    }
}
