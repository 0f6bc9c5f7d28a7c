import TriageKit

/// The next state after a message, and the work the loop must do. Pure: no files, no terminal,
/// no clock; the same state and message always give the same result.
public func update(_ state: AppState, _ message: Message) -> (state: AppState, effects: [Effect]) {
    var next = state
    var effects: [Effect] = []
    switch message {
    case .key(let key): next.handle(key, &effects)
    case .done(let result): next.receive(result)
    }
    return (next, effects)
}

/// Keys every screen knows besides its own: the key overview (or, on a question, why it is
/// asked), the language, quitting. While a text field takes letters, only F1 and Ctrl-C.
enum GlobalCommand: Sendable { case help, language, quit }

extension AppState {
    /// Whether the page takes typed letters, so that letters must not act as keys.
    var isTyping: Bool { currentItem.map { Widgets.takesLetters($0, editor) } == true }

    var globalBindings: [KeyBinding<GlobalCommand>] {
        if isTyping {
            return [.on([.function(1)], "F1", "key.help", .help), .on([.interrupt], "Ctrl-C", "key.quit", .quit)]
        }
        var list: [KeyBinding<GlobalCommand>] = [.on([.character("?"), .function(1)], "?", "key.help", .help)]
        if let name = nextLanguageName { list.append(.on(Key.letter("L"), "L", name, .language)) }
        list.append(.on(Key.letter("q"), "q", "key.quit", .quit))
        return list
    }

    /// The footer of the page: its own keys, then the global ones, quitting last. Help and
    /// quitting are pinned: whatever else must go for room, they stay.
    var footerHints: [KeyHint] {
        pageHints + globalBindings.map { binding in
            var hint = binding.hint
            hint.pinned = binding.help == "key.help" || binding.help == "key.quit"
            return hint
        }
    }

    /// The keys of the page under any overlay, for its footer and the key overview.
    var pageHints: [KeyHint] {
        switch page {
        case .welcome: return WelcomeScreen.hints(self)
        case .question(let id):
            guard let item = engine.index.items[id] else { return [] }
            return session.checklist(of: item).isEmpty ? QuestionScreen.hints(self, item) : ChecklistScreen.hints(self)
        case .review: return ReviewScreen.hints(self)
        case .results: return ResultsScreen.hints(self)
        case .detail: return DetailScreen.hints(self)
        case .history: return HistoryScreen.hints(self)
        }
    }

    mutating func handle(_ key: Key, _ effects: inout [Effect]) {
        switch key {
        case .resize, .unknown: return
        case .interrupt:
            // Ctrl-C never asks: it is how people leave in a hurry. Nothing is lost when saving.
            quit(&effects, ask: false)
            return
        default: break
        }
        if isTooSmall {
            // Nothing on screen shows what other keys would do: a stray key must not change an
            // answer unseen. q leaves at once, as Ctrl-C does.
            if key == .character("q") || key == .character("Q") { quit(&effects, ask: false) }
            return
        }
        if let overlay {
            Overlays.handle(overlay, key, &self, &effects)
            return
        }
        if let command: GlobalCommand = globalBindings.command(for: key) {
            switch command {
            case .help:
                if case .question(let id) = page { overlay = .help(itemID: id) } else { overlay = .keys }
            case .language: switchLanguage()
            case .quit: quit(&effects, ask: true)
            }
            return
        }
        switch page {
        case .welcome: WelcomeScreen.handle(key, &self, &effects)
        case .question(let id):
            guard let item = engine.index.items[id] else { return }
            if session.checklist(of: item).isEmpty {
                QuestionScreen.handle(key, item, &self, &effects)
            } else {
                ChecklistScreen.handle(key, item, &self, &effects)
            }
        case .review: ReviewScreen.handle(key, &self, &effects)
        case .results: ResultsScreen.handle(key, &self, &effects)
        case .detail: DetailScreen.handle(key, &self, &effects)
        case .history: HistoryScreen.handle(key, &self, &effects)
        }
    }

    /// What came of an effect, said where the person looks.
    mutating func receive(_ result: EffectResult) {
        switch result {
        case .answersNotSaved(let reason):
            notice = Notice(t("notice.save_failed", reason), isError: true)
            answersUnsaved = true
        case .sheetsSaved(let text, let html):
            overlay = .saved(SavedSheets(text: text, html: html))
            savedSheets = SavedSheets(text: text, html: html)
        case .sheetsNotSaved(let reason):
            notice = Notice(t("sheet.save_failed", reason), isError: true)
        case .printed(let jobLine):
            notice = Notice(jobLine.isEmpty ? t("print.sent_plain") : t("print.sent", jobLine), isError: false)
        case .printFailed(let problem):
            notice = Notice(t("print.failed", words(problem)), isError: true)
        case .printerMissing(let text, let html):
            overlay = .saved(SavedSheets(text: text, html: html, notice: Notice(t("print.no_lp"), isError: true)))
            savedSheets = SavedSheets(text: text, html: html)
        case .copied(let paths):
            if case .saved(var sheets)? = overlay {
                sheets.copies = paths
                sheets.notice = nil
                overlay = .saved(sheets)
            }
        case .copyFailed(let reason):
            savedNotice(Notice(t("sheet.copy_failed", reason), isError: true))
        case .openFailed(let reason):
            savedNotice(Notice(t("sheet.open_failed", reason), isError: true))
        case .episodeEnded:
            episode = nil
            page = .welcome(choice: 0)
            notice = Notice(t("welcome.episode_ended"), isError: false)
        case .historyLoaded(let loaded):
            history = loaded
            notice = nil
            page = .history(scroll: 0)
        case .historyFailed(let reason):
            notice = Notice(t(answersUnsaved ? "history.failed.unsaved" : "history.failed", reason), isError: true)
        }
    }

    /// A notice inside the saved-sheet box when it shows, else under the page.
    private mutating func savedNotice(_ message: Notice) {
        if case .saved(var sheets)? = overlay {
            sheets.notice = message
            overlay = .saved(sheets)
        } else {
            notice = message
        }
    }

    func words(_ problem: PrintProblem) -> String {
        switch problem {
        case .said(let text): return text
        case .status(let code): return t("print.status", String(code))
        case .timedOut(let seconds): return t("print.timeout", String(seconds))
        }
    }
}
