import Foundation
import TriageKit
import TriageReport
import TriageSession

/// The first screen: what the questionnaire does, that it is no diagnosis, which signs mean 112
/// at once, and where to begin (or go on from saved answers).
enum WelcomeScreen {
    enum Command: Sendable { case up, down, pick(Int), confirm }

    enum Choice: Sendable { case start, resume, startOver }

    static func choices(_ state: AppState) -> [Choice] { state.resumable == nil ? [.start] : [.resume, .startOver] }

    static func bindings(_ state: AppState) -> [KeyBinding<Command>] {
        let count = choices(state).count
        var list: [KeyBinding<Command>] = []
        if count > 1 {
            list.append(.on([.up, .backTab], "{up}{down}", "key.choose", .up))
            list.append(.on([.down, .tab], "{down}", "key.choose", footer: false, .down))
            list.append(KeyBinding(label: "1-\(count)", help: "key.pick", inFooter: false) { key in
                key.digit.flatMap { (1...count).contains($0) ? .pick($0 - 1) : nil }
            })
        }
        list.append(.on([.enter, .right], "Enter", count > 1 ? "key.confirm" : "key.begin", .confirm))
        return list
    }

    static func hints(_ state: AppState) -> [KeyHint] { bindings(state).map(\.hint) }

    static func handle(_ key: Key, _ state: inout AppState, _ effects: inout [Effect]) {
        guard case .welcome(let choice) = state.page, let command = bindings(state).command(for: key) else { return }
        let count = choices(state).count
        switch command {
        case .up: state.page = .welcome(choice: max(0, choice - 1))
        case .down: state.page = .welcome(choice: min(count - 1, choice + 1))
        case .pick(let i): state.page = .welcome(choice: i)
        case .confirm:
            switch choices(state)[min(choice, count - 1)] {
            case .resume:
                if let saved = state.resumable {
                    state.session = Session(engine: state.engine, answers: saved.answers, today: state.session.today)
                }
                state.resumable = nil
                state.goToFirstUnanswered()
                // Saved answers can hold an emergency sign: it is said before anything else.
                state.interruptForEmergencies()
            case .startOver: state.overlay = .confirmStartOver
            case .start:
                if state.answers.values.isEmpty { state.goToFirstQuestion() } else { state.goToFirstUnanswered() }
                // So can answers from a file.
                state.interruptForEmergencies()
            }
        }
    }

    static func draw(_ state: AppState, into painter: inout Painter) {
        let q = state.questionnaire, L = state.language, g = painter.glyphs
        painter.frame(title: "backtriage", right: L.name, hints: state.footerHints)
        let x = painter.left, w = painter.textWidth
        let roomy = painter.height >= 30
        var y = painter.top + 1
        y = painter.paragraph(q.title[L], x: x, y: y, width: w, style: .bold, maxLines: 2) + 1
        if let description = q.description?[L] {
            y = painter.paragraph(description, x: x, y: y, width: w, maxLines: roomy ? .max : 4) + 1
        }
        y = painter.paragraph(state.t("welcome.not_diagnosis"), x: x, y: y, width: w, style: .bold, maxLines: 2) + 1

        let signs = q.emergencySignItems.map { state.wording.label($0) }
        if !signs.isEmpty {
            let text = state.t("welcome.emergency", signs.joined(separator: "; "))
            let lines = TextWrap.lines(g.displayable(text), width: w - 2)
            // As many lines as leave room for the saved answers and the choices below.
            let below = choices(state).count + (state.resumable != nil || !state.answers.values.isEmpty ? 3 : 1)
            let shown = max(2, min(lines.count, painter.bottom - y - below))
            for (i, line) in lines.prefix(shown).enumerated() {
                painter.screen.put(g.marker, x: x, y: y, style: Style(bold: true, tint: .red))
                let cut = i == shown - 1 && lines.count > shown
                painter.screen.put(cut ? painter.fitted(line + " " + lines[i + 1], w - 2) : line, x: x + 2, y: y, style: .bold)
                y += 1
            }
            y += 1
        }

        if let saved = state.resumable {
            let progress = Session(engine: state.engine, answers: saved.answers, today: state.session.today).progress
            y = painter.paragraph(state.t("welcome.saved", L.dateTime(saved.savedAt), String(progress.answered), String(progress.total)),
                                  x: x, y: y, width: w, maxLines: 2) + 1
        } else if !state.answers.values.isEmpty {
            y = painter.paragraph(state.t("welcome.prefilled", String(state.answers.values.count)), x: x, y: y, width: w, maxLines: 2) + 1
        }
        guard case .welcome(let choice) = state.page else { return }
        for (i, option) in choices(state).enumerated() where y <= painter.bottom {
            let selected = i == choice
            let label: String
            switch option {
            case .start: label = state.t("welcome.start")
            case .resume: label = state.t("welcome.continue")
            case .startOver: label = state.t("welcome.start_over")
            }
            painter.write(selected ? g.pointer : " ", x: x + 3, y: y, style: .bold)
            painter.write(label, x: x + 5, y: y, style: selected ? Style(bold: true, reverse: true) : .plain)
            y += 1
        }
    }
}
