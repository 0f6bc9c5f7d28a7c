import Foundation
import TriageKit

/// The next state after a key, and the work the loop must do. Pure: no files, no terminal.
public func update(_ state: AppState, _ key: Key) -> (state: AppState, effects: [Effect]) {
    var s = state
    var effects: [Effect] = []
    s.handle(key, &effects)
    return (s, effects)
}

extension AppState {
    mutating func handle(_ key: Key, _ effects: inout [Effect]) {
        if key == .resize || key == .unknown { return }
        if key == .interrupt {
            // Ctrl-C never asks: it is how people leave in a hurry. Nothing is lost when saving.
            quit(&effects, ask: false)
            return
        }
        if isTooSmall {
            // Nothing on screen shows what other keys would do: a stray key must not change an
            // answer unseen. q leaves at once, as Ctrl-C does.
            if key == .character("q") || key == .character("Q") { quit(&effects, ask: false) }
            return
        }
        if let overlay {
            handleOverlay(overlay, key, &effects)
            return
        }
        let typing = currentItem.map { [.text, .date].contains($0.kind) } ?? false
        if case .detail(let subject, let scroll, let selection) = page {
            // On a detail page `q` goes back to the results, like Esc; `L` still switches.
            if key == .character("L") { switchLanguage() } else { handleDetail(subject, scroll, selection, key) }
            return
        }
        if !typing, case .character(let c) = key {
            switch c {
            case "L":
                switchLanguage()
                return
            case "q", "Q":
                quit(&effects, ask: true)
                return
            default: break
            }
        }
        notice = key == .enter || key == .right ? notice : nil
        switch page {
        case .welcome(let choice): handleWelcome(choice, key, &effects)
        case .question(let id): if let item = engine.index.items[id] { handleQuestion(item, key, typing: typing, &effects) }
        case .review(let selection): handleReview(selection, key)
        case .results(let selection): handleResults(selection, key, &effects)
        case .detail(let subject, let scroll, let selection): handleDetail(subject, scroll, selection, key)
        }
    }

    // MARK: Everywhere

    /// Switches to the next language of the questionnaire; answers stay as they are.
    mutating func switchLanguage() {
        let languages = questionnaire.languages
        guard let i = languages.firstIndex(of: language), languages.count > 1 else { return }
        language = languages[(i + 1) % languages.count]
        notice = nil
    }

    mutating func quit(_ effects: inout [Effect], ask: Bool) {
        if savingEnabled {
            if !answers.values.isEmpty { effects.append(.saveSession(answers)) }
            effects.append(.quit)
        } else if ask && !answers.values.isEmpty {
            overlay = .confirmQuit
        } else {
            effects.append(.quit)
        }
    }

    mutating func handleOverlay(_ current: Overlay, _ key: Key, _ effects: inout [Effect]) {
        switch current {
        case .help:
            overlay = nil
        case .emergency(let flags, let choice):
            switch key {
            case .left, .up, .backTab, .character("k"), .character("h"), .character("1"):
                overlay = .emergency(redFlags: flags, choice: 0)
            case .right, .down, .tab, .character("j"), .character("l"), .character("2"):
                overlay = .emergency(redFlags: flags, choice: 1)
            case .enter, .character(" "):
                overlay = nil
                if choice == 0 { showResults() }
            case .character("L"):
                switchLanguage()
            default: break
            }
        case .confirmQuit:
            switch key {
            case .character("y"), .character("Y"), .character("j"), .character("J"): effects.append(.quit)
            default: overlay = nil
            }
        case .confirmStartOver:
            switch key {
            case .character("y"), .character("Y"), .character("j"), .character("J"):
                overlay = nil
                startOver(&effects)
            default: overlay = nil
            }
        }
    }

    mutating func startOver(_ effects: inout [Effect]) {
        answers = AnswerSet()
        resumable = nil
        acknowledgedEmergencies = []
        editingFromReview = false
        if savingEnabled { effects.append(.deleteSession) }
        goToFirstQuestion()
    }

    // MARK: Navigation

    mutating func show(_ item: Item) {
        page = .question(itemID: item.id)
        editor = Editor(item: item, answer: answers[item.id])
    }

    mutating func goToFirstQuestion() {
        if let first = askedItems.first { show(first) } else { showResults() }
    }

    /// The first unanswered question, or the results when every question has an answer.
    mutating func goToFirstUnanswered() {
        editingFromReview = false
        if let item = firstUnanswered { show(item) } else { showResults() }
    }

    mutating func showResults() {
        editingFromReview = false
        page = .results(selection: 0)
    }

    mutating func showReview(selecting id: String? = nil) {
        if case .review = page {} else { reviewOrigin = page }
        let index = id.flatMap { id in askedItems.firstIndex { $0.id == id } } ?? 0
        page = .review(selection: index)
    }

    /// The asked item after `item` in questionnaire order (asked-ness can change as answers do).
    func item(after item: Item) -> Item? {
        let order = questionnaire.items.map(\.id)
        guard let position = order.firstIndex(of: item.id) else { return nil }
        return askedItems.first { (order.firstIndex(of: $0.id) ?? 0) > position }
    }

    func item(before item: Item) -> Item? {
        let order = questionnaire.items.map(\.id)
        guard let position = order.firstIndex(of: item.id) else { return nil }
        return askedItems.last { (order.firstIndex(of: $0.id) ?? 0) < position }
    }

    mutating func goBack(from item: Item) {
        if editingFromReview {
            editingFromReview = false
            showReview(selecting: item.id)
        } else if let previous = self.item(before: item) {
            show(previous)
        } else {
            page = .welcome(choice: 0)
        }
    }

    // MARK: Welcome

    var welcomeChoices: [String] {
        resumable == nil ? ["tui.welcome.start"] : ["tui.welcome.continue", "tui.welcome.start_over"]
    }

    mutating func handleWelcome(_ choice: Int, _ key: Key, _ effects: inout [Effect]) {
        let count = welcomeChoices.count
        switch key {
        case .up, .character("k"): page = .welcome(choice: max(0, choice - 1))
        case .down, .character("j"): page = .welcome(choice: min(count - 1, choice + 1))
        case .character(let c) where c.wholeNumberValue.map({ (1...count).contains($0) }) == true:
            page = .welcome(choice: c.wholeNumberValue! - 1)
        case .enter, .right:
            switch welcomeChoices[choice] {
            case "tui.welcome.continue":
                if let saved = resumable { answers = saved.answers }
                resumable = nil
                goToFirstUnanswered()
            case "tui.welcome.start_over":
                startOver(&effects)
            default:
                if answers.values.isEmpty { goToFirstQuestion() } else { goToFirstUnanswered() }
            }
        default: break
        }
    }

    // MARK: Questions

    mutating func handleQuestion(_ item: Item, _ key: Key, typing: Bool, _ effects: inout [Effect]) {
        if !typing, case .character(let c) = key {
            switch c {
            case "?": overlay = .help(itemID: item.id); return
            case "r": showReview(selecting: item.id); return
            default: break
            }
        }
        if key == .home { goToFirstUnanswered(); return }
        let lines = checklist(of: item)
        if !lines.isEmpty { handleChecklist(item, lines, key, &effects); return }
        if key == .escape { goBack(from: item); return }
        switch item.kind {
        case .boolean, .choice: editChoice(item, key, &effects)
        case .multiChoice: editMultiChoice(item, key, &effects)
        case .scale: editScale(item, key, &effects)
        case .integer, .decimal: editNumber(item, key, &effects)
        case .text, .date: editText(item, key, &effects)
        }
    }

    /// Labels of the options of a yes/no or choice item, in order.
    func optionLabels(_ item: Item) -> [String] {
        item.kind == .boolean ? [t("tui.answer.yes"), t("tui.answer.no")] : item.options.map { $0.text[language] }
    }

    mutating func editChoice(_ item: Item, _ key: Key, _ effects: inout [Effect]) {
        let count = optionLabels(item).count
        switch key {
        case .up, .character("k"): editor.cursor = max(0, (editor.cursor ?? 1) - 1)
        case .down, .character("j"), .tab: editor.cursor = min(count - 1, (editor.cursor ?? -1) + 1)
        case .character("y") where item.kind == .boolean: editor.cursor = 0
        case .character("n") where item.kind == .boolean: editor.cursor = 1
        case .character(let c) where c.wholeNumberValue.map({ (1...count).contains($0) }) == true:
            editor.cursor = c.wholeNumberValue! - 1
        case .enter, .right:
            guard let cursor = editor.cursor else {
                notice = Notice(t("tui.notice.choose"), isError: true)
                return
            }
            let value: Value = item.kind == .boolean ? .bool(cursor == 0) : .string(item.options[cursor].value)
            accept(value, for: item, &effects)
        case .left, .backspace: goBack(from: item)
        default: break
        }
    }

    mutating func editMultiChoice(_ item: Item, _ key: Key, _ effects: inout [Effect]) {
        let count = item.options.count
        switch key {
        case .up, .character("k"): editor.cursor = max(0, (editor.cursor ?? 0) - 1)
        case .down, .character("j"), .tab: editor.cursor = min(count - 1, (editor.cursor ?? 0) + 1)
        case .character(" "):
            if let cursor = editor.cursor { editor.picked.formSymmetricDifference([item.options[cursor].value]) }
        case .character(let c) where c.wholeNumberValue.map({ (1...count).contains($0) }) == true:
            editor.cursor = c.wholeNumberValue! - 1
            editor.picked.formSymmetricDifference([item.options[editor.cursor!].value])
        case .enter, .right:
            let chosen = item.options.map(\.value).filter(editor.picked.contains)
            if chosen.isEmpty && item.required && answers[item.id] == nil && key == .right {
                notice = Notice(t("tui.notice.choose"), isError: true)
                return
            }
            accept(.list(chosen), for: item, &effects)
        case .left, .backspace: goBack(from: item)
        default: break
        }
    }

    mutating func editScale(_ item: Item, _ key: Key, _ effects: inout [Effect]) {
        let low = Int(item.minimum ?? 0), high = Int(item.maximum ?? 10)
        switch key {
        case .left, .character("h"), .down, .character("j"): editor.scale = max(low, (editor.scale ?? (low + high + 1) / 2) - 1)
        case .right, .character("l"), .up, .character("k"): editor.scale = min(high, (editor.scale ?? (low + high - 1) / 2) + 1)
        case .end: editor.scale = high
        case .character(let c) where c.wholeNumberValue.map({ (low...high).contains($0) }) == true:
            editor.scale = c.wholeNumberValue!
        case .enter:
            guard let value = editor.scale else {
                notice = Notice(t("tui.notice.slide"), isError: true)
                return
            }
            accept(.number(Double(value)), for: item, &effects)
        case .backspace: goBack(from: item)
        default: break
        }
    }

    mutating func editNumber(_ item: Item, _ key: Key, _ effects: inout [Effect]) {
        switch key {
        case .character(let c) where c.isNumber || c == "." || c == ",":
            guard editor.text.count < 12 else { return }
            editor.text.append(c)
        case .character("-") where editor.text.isEmpty: editor.text = "-"
        case .backspace, .delete:
            if editor.text.isEmpty { if key == .backspace { goBack(from: item) } } else { editor.text.removeLast() }
        case .tab where item.inputHint == "duration": editor.unit = editor.unit.next
        case .backTab where item.inputHint == "duration":
            editor.unit = DurationUnit(rawValue: (editor.unit.rawValue + 2) % 3)!
        case .left: goBack(from: item)
        case .enter, .right:
            let typed = editor.text.replacingOccurrences(of: ",", with: ".")
            if typed.isEmpty {
                if item.required { notice = Notice(t("tui.notice.enter_number"), isError: true) } else { accept(nil, for: item, &effects) }
                return
            }
            guard let number = Double(typed), number.isFinite else {
                notice = Notice(t("tui.notice.not_a_number", editor.text), isError: true)
                return
            }
            let stored = item.inputHint == "duration" ? editor.unit.weeks(number) : number
            accept(.number(stored), for: item, &effects)
        default: break
        }
    }

    mutating func editText(_ item: Item, _ key: Key, _ effects: inout [Effect]) {
        var chars = Array(editor.text)
        switch key {
        case .character(let c):
            guard chars.count < AnswerValidation.maximumTextLength else { return }
            chars.insert(c, at: editor.caret)
            editor.caret += 1
        case .backspace:
            if editor.caret > 0 { chars.remove(at: editor.caret - 1); editor.caret -= 1 }
        case .delete:
            if editor.caret < chars.count { chars.remove(at: editor.caret) }
        case .left: editor.caret = max(0, editor.caret - 1)
        case .right: editor.caret = min(chars.count, editor.caret + 1)
        case .home: editor.caret = 0
        case .end: editor.caret = chars.count
        case .enter:
            let typed = editor.text.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty {
                if item.required { notice = Notice(t("tui.notice.enter_text"), isError: true) } else { accept(nil, for: item, &effects) }
            } else {
                accept(.string(typed), for: item, &effects)
            }
            return
        default: return
        }
        editor.text = String(chars)
    }

    /// Checks and stores an answer (nil clears an optional one), saves, warns at once about an
    /// emergency, and moves on. A refused answer stays in the editor with the reason beside it.
    mutating func accept(_ value: Value?, for item: Item, _ effects: inout [Effect]) {
        if let value {
            switch AnswerValidation.validate(value, for: item, language: language) {
            case .failure(let problem):
                notice = Notice(problem.message, isError: true)
                return
            case .success(let valid):
                answers[item.id] = valid
            }
        } else {
            answers.values.removeValue(forKey: item.id)
        }
        notice = nil
        if savingEnabled { effects.append(.saveSession(answers)) }

        if editingFromReview {
            editingFromReview = false
            showReview(selecting: item.id)
        } else if let next = self.item(after: item) {
            show(next)
        } else {
            goToFirstUnanswered()
        }
        interruptForNewEmergencies()
    }

    /// Shows the emergency box for warning signs that make the result an emergency and that the
    /// person was not yet told about; each interrupts once.
    mutating func interruptForNewEmergencies() {
        let emergencies = emergencyRedFlags(in: assessment)
        acknowledgedEmergencies.formIntersection(emergencies)
        let fresh = emergencies.filter { !acknowledgedEmergencies.contains($0) }
        if !fresh.isEmpty {
            acknowledgedEmergencies.formUnion(fresh)
            overlay = .emergency(redFlags: fresh, choice: 0)
        }
    }

    // MARK: Warning-sign checklist

    /// Keys on a checklist of warning signs: `item` is the selected line of `lines`. Each answer is
    /// stored and saved at once; Enter goes on only when every line has an answer.
    mutating func handleChecklist(_ item: Item, _ lines: [Item], _ key: Key, _ effects: inout [Effect]) {
        let at = lines.firstIndex { $0.id == item.id } ?? 0
        switch key {
        case .up, .character("k"), .backTab: show(lines[max(0, at - 1)])
        case .down, .character("j"), .tab: show(lines[min(lines.count - 1, at + 1)])
        case .pageUp: show(lines[max(0, at - 5)])
        case .pageDown: show(lines[min(lines.count - 1, at + 5)])
        case .end: show(lines[lines.count - 1])
        // The yes column is on the left, the no column on the right, as the numbers 1 and 2.
        case .character("y"), .character("Y"), .character("1"), .left: answerLine(item, yes: true, in: lines, &effects)
        case .character("n"), .character("N"), .character("2"), .right: answerLine(item, yes: false, in: lines, &effects)
        case .enter:
            let open = lines.filter { answers[$0.id] == nil }
            if let first = open.first {
                show(first)
                notice = Notice(open.count == 1 ? t("tui.checklist.unanswered_one")
                                                : t("tui.checklist.unanswered", String(open.count)), isError: true)
                return
            }
            notice = nil
            if editingFromReview {
                editingFromReview = false
                showReview(selecting: item.id)
            } else if let next = self.item(after: lines[lines.count - 1]) {
                show(next)
            } else {
                goToFirstUnanswered()
            }
        case .backspace:
            if at > 0 { show(lines[at - 1]) } else { goBack(from: lines[0]) }
        case .escape: goBack(from: lines[0])
        default: break
        }
    }

    /// Stores the answer of one checklist line, saves, warns at once about an emergency and
    /// selects the next line (except when changing an answer from the review screen).
    mutating func answerLine(_ item: Item, yes: Bool, in lines: [Item], _ effects: inout [Effect]) {
        switch AnswerValidation.validate(.bool(yes), for: item, language: language) {
        case .failure(let problem):
            notice = Notice(problem.message, isError: true)
            return
        case .success(let valid):
            answers[item.id] = valid
        }
        notice = nil
        if savingEnabled { effects.append(.saveSession(answers)) }
        let now = checklist(of: item).isEmpty ? lines : checklist(of: item)
        // A line changed from the review screen stays selected, for Enter to return there.
        if editingFromReview {
            show(item)
        } else if let at = now.firstIndex(where: { $0.id == item.id }), at + 1 < now.count { show(now[at + 1]) } else { show(item) }
        interruptForNewEmergencies()
    }

    // MARK: Review

    mutating func handleReview(_ selection: Int, _ key: Key) {
        let items = askedItems
        switch key {
        case .up, .character("k"): page = .review(selection: max(0, selection - 1))
        case .down, .character("j"): page = .review(selection: min(items.count - 1, selection + 1))
        case .pageUp: page = .review(selection: max(0, selection - 10))
        case .pageDown: page = .review(selection: min(items.count - 1, selection + 10))
        case .enter, .right:
            guard items.indices.contains(selection) else { return }
            show(items[selection])
            editingFromReview = true
        case .escape, .left, .backspace, .character("r"):
            returnFromReview()
        case .home: goToFirstUnanswered()
        case .character("s") where missingCount == 0: showResults()
        default: break
        }
    }

    mutating func returnFromReview() {
        switch reviewOrigin {
        case .question(let id)?:
            if let item = askedItems.first(where: { $0.id == id }) { show(item) } else { goToFirstUnanswered() }
        case .results?: showResults()
        default: goToFirstUnanswered()
        }
    }

    // MARK: Results

    mutating func handleResults(_ selection: Int, _ key: Key, _ effects: inout [Effect]) {
        let list = ResultList(assessment, questionnaire: questionnaire, language: language)
        let count = list.selectable.count
        switch key {
        case .up, .character("k"): page = .results(selection: max(0, selection - 1))
        case .down, .character("j"): page = .results(selection: min(count - 1, selection + 1))
        case .home: page = .results(selection: 0)
        case .end: page = .results(selection: count - 1)
        case .enter, .right:
            guard let subject = list.subject(atSelection: selection) else { return }
            notice = nil
            page = .detail(subject, scroll: 0, selection: selection)
        case .character("s"):
            // Saving the sheet is an explicit request, so it happens with --no-save too.
            effects.append(.saveSheets(sheetTexts))
        case .character("p"):
            effects.append(.printSheet(sheetTexts))
        case .character("b"), .character("r"), .left, .backspace: showReview()
        case .character("n"): overlay = .confirmStartOver
        default: break
        }
    }

    // MARK: Detail

    mutating func handleDetail(_ subject: DetailSubject, _ scroll: Int, _ selection: Int, _ key: Key) {
        let rows = DetailPage.rows(in: screenSize)
        let lines = DetailPage(subject, state: self, size: screenSize).lines.count
        let last = DetailPage.maxScroll(lines: lines, rows: rows)
        let step = max(1, rows - 2)
        func scrolled(_ to: Int) { page = .detail(subject, scroll: min(last, max(0, to)), selection: selection) }
        switch key {
        case .up, .character("k"): scrolled(scroll - 1)
        case .down, .character("j"), .character(" "): scrolled(key == .character(" ") ? scroll + step : scroll + 1)
        case .pageUp: scrolled(scroll - step)
        case .pageDown: scrolled(scroll + step)
        case .home: scrolled(0)
        case .end: scrolled(last)
        case .escape, .left, .backspace, .character("q"), .character("Q"): page = .results(selection: selection)
        default: break
        }
    }
}
