import TriageKit
import TriageReport

/// One question: its words, a short explanation, the answer widget of its kind, a refused
/// answer's reason, and the progress.
enum QuestionScreen {
    enum Command: Sendable { case review }

    static func bindings(_ state: AppState, _ item: Item) -> [KeyBinding<Command>] {
        Widgets.takesLetters(item, state.editor) ? [] : [.on(Key.letter("r"), "r", "key.review", .review)]
    }

    static func hints(_ state: AppState, _ item: Item) -> [KeyHint] {
        Widgets.hints(for: item, state.context) + bindings(state, item).map(\.hint)
    }

    static func handle(_ key: Key, _ item: Item, _ state: inout AppState, _ effects: inout [Effect]) {
        if let command = bindings(state, item).command(for: key) {
            switch command {
            case .review: state.showReview(selecting: item.id)
            }
            return
        }
        if state.editor.itemID != item.id { state.editor = Editor(item: item, answer: state.answers[item.id], language: state.language) }
        guard let outcome = Widgets.handle(key, &state.editor, item, state.context) else { return }
        switch outcome {
        case .edited: state.notice = nil
        case .submit(let value): state.accept(value, for: item, &effects)
        case .refuse(let reason): state.notice = Notice(reason, isError: true)
        case .back: state.goBack(from: item)
        }
    }

    static func draw(_ state: AppState, _ item: Item, into painter: inout Painter) {
        let q = state.questionnaire, L = state.language
        let section = q.sections.first { $0.id == item.section }?.title[L] ?? ""
        painter.frame(title: section, right: q.title[L], hints: state.footerHints)
        let x = painter.left, w = painter.textWidth
        var y = painter.top + 1
        if item.isRedFlag {
            painter.write(state.t("question.warning_sign"), x: x, y: y, style: Style(bold: true, tint: .yellow))
            y += 1
        }
        y = painter.paragraph(item.text[L], x: x, y: y, width: w, style: .bold, maxLines: 3)
        painter.focusRow = y - 1
        y += 1
        if let help = item.help?[L] {
            y = painter.paragraph(help, x: x, y: y, width: w, style: .dim, maxLines: painter.height >= 30 ? 6 : 3) + 1
        }
        y = Widgets.draw(item, state.editor, state.context, into: &painter, y: y)
        let noticeY = min(y + 1, painter.bottom - 2)
        painter.notice(state.notice, y: noticeY, maxLines: max(1, painter.bottom - 1 - noticeY))
        painter.progressBar(percent: state.session.percentDone, y: painter.bottom)
    }
}
