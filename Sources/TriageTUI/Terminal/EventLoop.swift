import Foundation
import TriageKit

/// Runs the interface: render, paint, wait for an event, update, do the effects, until quit, a
/// termination signal or a hang-up. Returns the exit status: 0 after quitting, 128 + the signal
/// after SIGTERM, SIGHUP, SIGINT or SIGQUIT, and 129 (as for SIGHUP) when the terminal went away.
@MainActor
public enum EventLoop {
    /// The exit status after the terminal hung up, as if SIGHUP had ended the program.
    public static let hangUpStatus: Int32 = 129

    public static func run(_ initial: AppState, terminal: some Terminal, store: SessionStore) -> Int32 {
        var state = initial
        state.screenSize = terminal.size
        var dirty = true
        while true {
            if dirty {
                terminal.paint(render(state, size: terminal.size, glyphs: terminal.glyphs))
                dirty = false
            }
            switch terminal.nextEvent() {
            case .signal(let signal):
                saveBeforeLeaving(&state, store)
                terminal.stop(restoring: true)
                reportLastError(state)
                return 128 + signal
            case .hangUp:
                // Nobody is left to read a message: save quietly and leave the terminal alone.
                saveBeforeLeaving(&state, store)
                terminal.stop(restoring: false)
                return hangUpStatus
            case .key(let key):
                state.screenSize = terminal.size
                let step = update(state, key)
                state = step.state
                dirty = true
                for effect in step.effects where perform(effect, &state, store) == .quit {
                    terminal.stop(restoring: true)
                    reportLastError(state)
                    return 0
                }
            }
        }
    }

    /// Keeps the answers when the program is ended from outside.
    static func saveBeforeLeaving(_ state: inout AppState, _ store: SessionStore) {
        if state.savingEnabled && !state.answers.values.isEmpty { _ = perform(.saveSession(state.answers), &state, store) }
    }

    /// A failure on the way out (the last save) would vanish with the screen: say it on the
    /// normal terminal instead.
    static func reportLastError(_ state: AppState) {
        guard let notice = state.notice, notice.isError else { return }
        FileHandle.standardError.write(Data(("backtriage: " + notice.text + "\n").utf8))
    }

    enum Outcome { case proceed, quit }

    /// Does one effect; failures become notices on screen so the person knows.
    static func perform(_ effect: Effect, _ state: inout AppState, _ store: SessionStore) -> Outcome {
        do throws(FileError) {
            switch effect {
            case .saveSession(let answers):
                try store.save(SavedSession(questionnaire: state.questionnaire.id, version: state.questionnaire.version,
                                            answers: answers, savedAt: Date()))
            case .deleteSession:
                try store.delete(questionnaire: state.questionnaire.id)
            case .saveSheets(let sheets):
                if let paths = saveSheets(sheets, &state, store) { state.sheetsSaved(text: paths.text, html: paths.html) }
            case .printSheet(let sheets):
                if let lp = SheetPrinter.locate() {
                    switch SheetPrinter.send(sheets.text, lp: lp) {
                    case .success(let jobLine): state.printed(jobLine: jobLine)
                    case .failure(let problem): state.printFailed(problem)
                    }
                } else if let paths = saveSheets(sheets, &state, store) {
                    state.printerMissing(savedText: paths.text, html: paths.html)
                }
            case .quit:
                return .quit
            }
        } catch {
            state.saveFailed(error.description)
        }
        return .proceed
    }

    /// Writes both sheets beside the sessions; on failure says so on screen and returns nil.
    static func saveSheets(_ sheets: SheetTexts, _ state: inout AppState, _ store: SessionStore) -> (text: String, html: String)? {
        do throws(FileError) {
            let id = state.questionnaire.id
            let text = try store.saveSummary(sheets.text, questionnaire: id, date: state.today, fileExtension: "txt")
            let html = try store.saveSummary(sheets.html, questionnaire: id, date: state.today, fileExtension: "html")
            return (text, html)
        } catch {
            state.sheetSaveFailed(error.description)
            return nil
        }
    }
}
