#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport
import TriageSession

/// The first screen: what the questionnaire does, that it is no diagnosis, which signs mean 112
/// at once, and where to begin: go on from saved answers, or, with an episode open in the
/// history, check in, start a new episode, end it, or look at the history.
enum WelcomeScreen {
    enum Command: Sendable { case up, down, first, last, pick(Int), confirm }

    enum Choice: Sendable { case start, resume, startOver, checkIn, newEpisode, painGone, history }

    static func choices(_ state: AppState) -> [Choice] {
        if state.resumable != nil { return [.resume, .startOver] }
        if state.episode != nil { return [.checkIn, .newEpisode, .painGone, .history] }
        return [.start]
    }

    static func label(_ choice: Choice, _ state: AppState) -> String {
        switch choice {
        case .start: return state.t("welcome.start")
        case .resume: return state.t("welcome.continue")
        case .startOver: return state.t("welcome.start_over")
        case .checkIn: return state.t("welcome.check_in")
        case .newEpisode: return state.t("welcome.new_episode")
        case .painGone: return state.t("welcome.pain_gone")
        case .history: return state.t("welcome.history")
        }
    }

    static func bindings(_ state: AppState) -> [KeyBinding<Command>] {
        let count = choices(state).count
        var list: [KeyBinding<Command>] = []
        if count > 1 {
            list.append(.on([.up, .backTab], "{up}{down}", "key.choose", .up))
            list.append(.on([.down, .tab], "{down}", "key.choose", footer: false, .down))
            list.append(.on([.home], "Home", "key.first_line", footer: false, .first))
            list.append(.on([.end], "End", "key.last_line", footer: false, .last))
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
        case .first: state.page = .welcome(choice: 0)
        case .last: state.page = .welcome(choice: count - 1)
        case .pick(let i): state.page = .welcome(choice: i)
        case .confirm:
            switch choices(state)[min(choice, count - 1)] {
            case .resume:
                if let resumed = state.resumed {
                    state.session = resumed
                } else if let saved = state.resumable {
                    state.session = Session(engine: state.engine, answers: saved.answers, today: state.session.today)
                }
                state.resumable = nil
                state.resumed = nil
                state.goToFirstUnanswered()
                // Saved answers can hold an emergency sign: it is said before anything else.
                state.interruptForEmergencies()
            case .startOver: state.overlay = .confirmStartOver
            case .start, .newEpisode:
                if state.answers.values.isEmpty { state.goToFirstQuestion() } else { state.goToFirstUnanswered() }
                // So can answers from a file.
                state.interruptForEmergencies()
            case .checkIn:
                guard let status = state.episode else { return }
                state.session = Session.checkIn(engine: state.engine, episode: status.episode, previous: status.last,
                                                today: state.session.today)
                // The weeks come first, counted from the episode's start, to be confirmed or corrected.
                if let weeks = state.session.weeksItem { state.show(weeks) } else { state.goToFirstUnanswered() }
                state.notice = Notice(checkInIntroduction(state), isError: false)
            case .painGone:
                effects.append(.endEpisode)
            case .history:
                effects.append(.loadHistory)
            }
        }
    }

    static func draw(_ state: AppState, into painter: inout Painter) {
        let q = state.questionnaire, L = state.language, g = painter.glyphs
        painter.frame(title: "backtriage", right: L.name, hints: state.footerHints)
        let x = painter.left, w = painter.textWidth
        func wrapped(_ text: String?, _ width: Int) -> [String] { text.map { TextWrap.lines(g.displayable($0), width: width) } ?? [] }

        // What the screen says, in the order of what matters when rows are short: the choices,
        // then the emergency signs, the state of the answers and the history, and last the
        // description of the questionnaire, which gets what room is left.
        let description = wrapped(q.description?[L], w)
        let notDiagnosis = wrapped(state.t("welcome.not_diagnosis"), w)
        // The emergency signs as a list under what to do, one sign a line, read at a glance;
        // where the window has no room for the list, the same signs flow in one paragraph.
        // Grouped by where they send a person: "call 112" is not "go to an emergency department".
        let groups = q.emergencySignGroups.map { group in
            (heading: g.displayable((group.action.watchHeading ?? group.action.text)[L]) + ":",
             signs: group.items.map { g.displayable(state.wording.label($0)) })
        }
        let bullet = g.unicode ? "• " : "- "
        let intro = state.t("welcome.emergency")
        let list = groups.isEmpty ? [] : wrapped(intro, w - 2) + groups.flatMap { group in
            wrapped(group.heading, w - 2) + group.signs.flatMap { TextWrap.lines($0, width: w - 2, first: bullet, rest: "  ") }
        }
        let flowing = groups.isEmpty ? [] : wrapped(intro, w - 2) + groups.flatMap { group in
            wrapped(group.heading + " " + group.signs.joined(separator: " " + g.separator + " "), w - 2)
        }
        var told: [String] = []
        if let status = state.episode, state.resumable == nil {
            let history = HistoryText(engine: state.engine, language: L, chart: nil, today: state.session.today)
            let last = state.questionnaire.level(status.last.level).map(state.wording.title) ?? status.last.level
            told = wrapped(state.t("welcome.episode", history.kind(status.episode), L.date(status.episode.start),
                                   state.wording.weeks(status.weeksNow), L.date(status.last.answeredOn), last)
                           + " " + history.due(status, status.last, hint: false), w)
        } else if let saved = state.resumable {
            let progress = (state.resumed ?? Session(engine: state.engine, answers: saved.answers, today: state.session.today)).progress
            told = wrapped(state.t("welcome.saved", L.dateTime(saved.savedAt), String(progress.answered), String(progress.total)), w)
        } else if !state.answers.values.isEmpty {
            told = wrapped(state.t("welcome.prefilled", String(state.answers.values.count)), w)
        }
        let notice = state.notice.map { wrapped(($0.isError ? "! " : "") + $0.text, w) } ?? []

        // The emergency signs are never cut where the screen has room for them at all, nor what
        // is said about saved answers or the history; the disclaimer and then the description of
        // the questionnaire get what room is left.
        var room = painter.bottom - painter.top + 1 - choices(state).count
        let others = [told, notice].map { $0.isEmpty ? 0 : $0.count + 1 }.reduce(0, +)
        // The title and the blank rows around it (3) go before any of these is cut.
        // The list where it leaves room for the disclaimer too; else the same signs flow.
        let emergency = list.count + 1 + others + 3 + notDiagnosis.count + 1 <= room ? list : flowing
        let titled = emergency.count + 1 + others + 3 <= room
        room -= titled ? 3 : 0
        func take(_ lines: [String], whole: Bool = false) -> Int {
            let shown = whole && lines.count + 1 > room ? 0 : min(lines.count, max(0, room - 1))
            room -= shown > 0 ? shown + 1 : 0
            return shown
        }
        let emergencyShown = take(emergency)
        let toldShown = take(told)
        let noticeShown = take(notice)
        let notDiagnosisShown = take(notDiagnosis, whole: true)
        let descriptionShown = take(description)

        var y = painter.top
        if titled { y = painter.paragraph(q.title[L], x: x, y: y + 1, width: w, style: .bold, maxLines: 1) + 1 }
        func block(_ lines: [String], _ shown: Int, style: Style = .plain, marker: Bool = false) {
            guard shown > 0 else { return }
            let indent = marker ? 2 : 0
            for (i, line) in lines.prefix(shown).enumerated() {
                if marker { painter.screen.put(g.marker, x: x, y: y, style: Style(bold: true, tint: .red)) }
                // The last line shown says, with an ellipsis, that more was cut.
                let cut = i == shown - 1 && lines.count > shown
                painter.screen.put(cut ? painter.fitted(line + " " + lines[i + 1], w - indent) : line, x: x + indent, y: y, style: style)
                y += 1
            }
            y += 1
        }
        block(description, descriptionShown)
        block(notDiagnosis, notDiagnosisShown, style: .bold)
        block(emergency, emergencyShown, style: .bold, marker: true)
        block(told, toldShown)
        if let current = state.notice {
            block(notice, noticeShown, style: current.isError ? Style(bold: true, tint: .red) : .bold)
        }
        guard case .welcome(let choice) = state.page else { return }
        for (i, option) in choices(state).enumerated() where y <= painter.bottom {
            let selected = i == choice
            painter.write(selected ? g.pointer : " ", x: x + 3, y: y, style: .bold)
            painter.write(label(option, state), x: x + 5, y: y, style: selected ? Style(bold: true, reverse: true) : .plain)
            y += 1
        }
    }

    /// What a check-in keeps from last time, so the person knows what is not asked again.
    static func checkInIntroduction(_ state: AppState) -> String {
        let presented = Set(state.session.presentedItems.map(\.id))
        let kept = state.session.askedItems.filter { !presented.contains($0.id) }.compactMap { item in
            state.answers[item.id].map { state.wording.label(item) + ": " + state.wording.value($0, of: item) }
        }
        return state.t("check_in.intro", kept.joined(separator: "; "))
    }
}
