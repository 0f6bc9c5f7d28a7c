import TriageKit
import TriageReport

/// Does the work `update` asks for and says what came of it. The real one writes files and
/// starts programs; tests use a fake that records the effects.
@MainActor
public protocol EffectRunning {
    /// Does `effect` (never `.quit`, which the loop handles); nil when there is nothing to tell.
    func perform(_ effect: Effect) -> EffectResult?
}

/// Runs the interface: render, paint, wait for an event, update, do the effects and feed what
/// came of them back through `update`, until quit, a termination signal or a hang-up. Returns
/// the exit status: 0 after quitting, 130 after Ctrl-C (as SIGINT would give), 128 + the signal
/// after SIGTERM, SIGHUP, SIGINT or SIGQUIT, and 129 (as for SIGHUP) when the terminal went away.
@MainActor
public enum EventLoop {
    /// The exit status after the terminal hung up, as if SIGHUP had ended the program.
    public static let hangUpStatus: Int32 = 129
    /// The exit status after Ctrl-C: the terminal sends it as a key in raw mode, but to the shell
    /// and to scripts it is an interrupt, as SIGINT would be.
    public static let interruptStatus: Int32 = 128 + SIGINT

    public static func run(_ initial: AppState, terminal: some Terminal, effects runner: some EffectRunning) -> Int32 {
        var state = initial
        state.screenSize = terminal.size
        state.glyphs = terminal.glyphs
        var dirty = true
        while true {
            if dirty {
                terminal.paint(render(state, size: terminal.size, glyphs: terminal.glyphs))
                dirty = false
            }
            switch terminal.nextEvent() {
            case .signal(let signal):
                saveBeforeLeaving(&state, runner)
                terminal.stop(restoring: true)
                reportLastError(state)
                sayFarewell(state)
                return 128 + signal
            case .hangUp:
                // Nobody is left to read a message: save quietly and leave the terminal alone.
                saveBeforeLeaving(&state, runner)
                terminal.stop(restoring: false)
                return hangUpStatus
            case .key(.suspend):
                terminal.suspend()
                // The window may have changed size while the shell had it.
                state.screenSize = terminal.size
                dirty = true
            case .key(let key):
                state.screenSize = terminal.size
                dirty = true
                if step(&state, .key(key), runner) == .quit {
                    terminal.stop(restoring: true)
                    reportLastError(state)
                    sayFarewell(state)
                    return key == .interrupt ? interruptStatus : 0
                }
            }
        }
    }

    enum Outcome { case proceed, quit }

    /// One message through `update`, then its effects in order, each result fed back as a
    /// message in turn.
    static func step(_ state: inout AppState, _ message: Message, _ runner: some EffectRunning) -> Outcome {
        var pending = [message]
        var quitting = false
        while !pending.isEmpty {
            let (next, effects) = update(state, pending.removeFirst())
            state = next
            for effect in effects {
                // What came of the work before quitting (a failed last save) still reaches the
                // state, to be said after the screen is gone.
                if effect == .quit { quitting = true; break }
                if let result = runner.perform(effect) { pending.append(.done(result)) }
            }
        }
        return quitting ? .quit : .proceed
    }

    /// Keeps the answers when the program is ended from outside, as quitting would.
    static func saveBeforeLeaving(_ state: inout AppState, _ runner: some EffectRunning) {
        for effect in state.leavingEffects {
            if let result = runner.perform(effect) { state = update(state, .done(result)).state }
        }
    }

    /// What the terminal keeps once the interface has gone (the screen that said it is gone):
    /// with a result, its level and action, the next check and where the sheet was saved; with
    /// unfinished answers, what became of them. Crisis help an answer raised stays too, whatever
    /// else is said.
    static func farewell(_ state: AppState) -> String? {
        let notices = state.session.raisedNotices.compactMap(state.session.notice).map { $0.title[state.language] + ": " + $0.explanation[state.language] }
        var said: [String] = []
        if state.hasResult {
            let report = state.report, wording = state.wording
            said.append(wording.levelAndAction(report))
            if let next = report.nextCheck {
                said.append(wording.nextCheck(next))
            } else if let past = report.pastLastCheck {
                said.append(past[state.language])
            }
            if let sheets = state.savedSheets { said.append(state.t("farewell.sheet", sheets.text, sheets.html)) }
        } else if !state.answers.values.isEmpty, state.notice?.isError != true, !state.answersUnsaved {
            said.append(state.t(state.savingEnabled ? "farewell.saved" : "farewell.not_saved"))
        }
        said += notices
        return said.isEmpty ? nil : said.joined(separator: "\n")
    }

    static func sayFarewell(_ state: AppState) {
        guard let text = farewell(state) else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextWrap.lines(String($0), width: 80) }
        writeToStandardOutput(lines.joined(separator: "\n") + "\n")
    }

    static func reportLastError(_ state: AppState) {
        guard let notice = state.notice, notice.isError else { return }
        let text = "backtriage: " + notice.text + "\n"
        _ = text.withCString { write(2, $0, strlen($0)) }
    }
}
