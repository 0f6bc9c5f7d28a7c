import TriageKit
import TriageSession

/// The moves between pages and the changes to the answers, shared by every screen's commands.
/// Each keeps the page, the editor and the session consistent with one another.
extension AppState {
    var context: WidgetContext { WidgetContext(language: language, today: session.today) }

    /// Shows `item` with its stored answer in the editor.
    mutating func show(_ item: Item) {
        page = .question(itemID: item.id)
        editor = Editor(item: item, answer: answers[item.id], language: language)
    }

    mutating func goToFirstQuestion() {
        editingFromReview = false
        if let first = session.presentedItems.first { show(first) } else { showResults() }
    }

    /// The first unanswered question, or the results when every question has an answer.
    mutating func goToFirstUnanswered() {
        editingFromReview = false
        if let item = session.firstUnanswered { show(item) } else { showResults() }
    }

    mutating func showResults() {
        editingFromReview = false
        notice = nil
        page = .results(selection: 0)
    }

    /// The review screen with `id` selected; remembers where it was opened from (coming back
    /// from changing an answer keeps where the review itself was opened from).
    mutating func showReview(selecting id: ItemID? = nil) {
        if case .review = page {} else if !editingFromReview { reviewOrigin = page }
        editingFromReview = false
        let index = id.flatMap { id in session.askedItems.firstIndex { $0.id == id } } ?? 0
        page = .review(selection: index)
    }

    /// Back from the review screen to the page it was opened from.
    mutating func returnFromReview() {
        switch reviewOrigin {
        case .question(let id)?:
            if let item = session.askedItems.first(where: { $0.id == id }) { show(item) } else { goToFirstUnanswered() }
        case .results?: showResults()
        case .welcome?: page = .welcome(choice: 0)
        default: goToFirstUnanswered()
        }
    }

    /// The question before `item`; from the first question, the welcome screen. While changing
    /// an answer from the review screen, back to it.
    mutating func goBack(from item: Item) {
        notice = nil
        if editingFromReview {
            showReview(selecting: item.id)
        } else if let previous = session.item(before: item) {
            // Back into a checklist selects its last line, as one steps back through it.
            show(previous)
        } else {
            page = .welcome(choice: 0)
        }
    }

    /// Stores an answer (nil clears an optional one), saves it, moves on, and interrupts at once
    /// for a new emergency sign. A refused answer stays in the editor with the reason beside it.
    mutating func accept(_ value: Value?, for item: Item, advancing: Bool = true, _ effects: inout [Effect]) {
        switch session.answer(value, for: item, language: language) {
        case .failure(let problem):
            notice = Notice(problem.message, isError: true)
        case .success(let emergencies):
            notice = nil
            if savingEnabled { effects.append(savingAnswers) }
            if advancing { advance(from: item) }
            if !emergencies.isEmpty { interruptForEmergencies() } else { showPendingNotice() }
        }
    }

    /// Shows at once a notice an answer raised (crisis help), once while the answer stands: a
    /// notice, not a stop; closing it goes on with the questions.
    mutating func showPendingNotice() {
        guard overlay == nil, let id = session.pendingNotices.first else { return }
        session.acknowledgeNotices()
        overlay = .notice(id: id)
    }

    /// Says at once what to do about emergency signs the person was not yet told about, before
    /// any further question. Each sign interrupts once.
    mutating func interruptForEmergencies() {
        let pending = session.pendingEmergencies
        guard !pending.isEmpty else { return }
        session.acknowledgeEmergencies()
        overlay = .emergency(signs: pending, choice: 0)
    }

    /// The next question after `item`, back to the review when changing from there, or the
    /// first open question (or the result) at the end.
    mutating func advance(from item: Item) {
        if editingFromReview {
            showReview(selecting: item.id)
        } else if let next = session.item(after: item) {
            show(next)
        } else {
            goToFirstUnanswered()
        }
    }

    /// Every answer removed; with saving on, the saved ones too.
    mutating func startOver(_ effects: inout [Effect]) {
        session.startOver()
        resumable = nil
        notice = nil
        if savingEnabled { effects.append(.deleteAnswers) }
        goToFirstQuestion()
    }

    /// Leaves, saving first. With saving off and answers given, asks once (unless `ask` is
    /// false: Ctrl-C and the too-small screen leave at once).
    mutating func quit(_ effects: inout [Effect], ask: Bool) {
        if savingEnabled {
            effects += leavingEffects
            effects.append(.quit)
        } else if ask && !answers.values.isEmpty {
            overlay = .confirmQuit
        } else {
            effects.append(.quit)
        }
    }

    /// What keeps the answers when the program ends, however it ends: a finished result goes
    /// into the history (a check-in of the open episode, or a new one); unfinished answers are
    /// saved to continue. Nothing with saving off.
    public var leavingEffects: [Effect] {
        guard savingEnabled, !answers.values.isEmpty else { return [] }
        if historyEnabled && hasResult { return [.recordResult(ResultToRecord(session: session, language: language))] }
        return [savingAnswers]
    }

    /// Saving the answers as they are now, with the episode of a check-in.
    var savingAnswers: Effect { .saveAnswers(answers, checkIn: session.checkIn?.episode.uuid) }

    /// Whether the answers give a result: every question answered, or an emergency that no
    /// further answer can lower.
    var hasResult: Bool { session.isComplete || session.emergencyStands }

    /// The next language of the questionnaire; answers and page stay.
    mutating func switchLanguage() {
        let languages = questionnaire.languages
        guard let i = languages.firstIndex(of: language), languages.count > 1 else { return }
        language = languages[(i + 1) % languages.count]
        // A typed number stays as typed: both decimal separators are read in either language.
        notice = nil
    }

    /// The name of the language `L` switches to.
    var nextLanguageName: String? {
        let languages = questionnaire.languages
        guard let i = languages.firstIndex(of: language), languages.count > 1 else { return nil }
        return languages[(i + 1) % languages.count].name
    }
}
