import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriagePlain
import TriageReport
import TriageSession
import TriageTUI


/// The questionnaire: the default when `backtriage` runs without a subcommand. Full-screen on a
/// terminal; plain lines with `--plain`, through a pipe, or where TERM is dumb.
struct Interactive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interactive",
        abstract: "Answer the questionnaire (the default): full-screen, or plain lines with --plain.",
        discussion: """
        Answers are saved after each one under $XDG_STATE_HOME/backtriage (default \
        ~/.local/state/backtriage), so you can stop and continue later; --no-save turns this off. \
        The full-screen interface needs a terminal of at least 80x24. The plain mode prints one \
        line at a time for screen readers and scripts; it is used by itself when standard input or \
        output is not a terminal or TERM=dumb, so answers can be piped in: \
        printf '40\\n1\\n7 weeks\\n...' | backtriage --plain

        The language is --lang, else LC_ALL, LC_MESSAGES or LANG (de... for German), else English.

        Each result is added to the episode history under $XDG_DATA_HOME/backtriage (default \
        ~/.local/share/backtriage; not with --no-save). While an episode is open, the start \
        offers a check-in (the weeks are counted, every warning sign is asked again), a new \
        episode, "the pain is gone", or the history (backtriage history).

        Exit codes of the plain mode tell the result: 10 for the least urgent level, one more \
        for each level above it (the back-pain questionnaire: 10 self-care, 11 see a doctor, 12 \
        see a doctor soon, 13 urgent, 14 emergency); 3 stopped or input ended before the end \
        (answers kept when saving); 0 when the pain is gone and the episode ended. Both modes: 2 \
        when it cannot start (bad answers file, unknown questionnaire); 128+N after signal N.
        """)
    @OptionGroup var location: LocationOptions
    @OptionGroup var languageOption: LanguageOption
    @Flag(name: .long, help: "Plain lines instead of the full-screen interface.") var plain = false
    @Option(name: .long, help: ArgumentHelp("The questionnaire to answer.", valueName: "ID")) var questionnaire: String = "back-pain"
    @Option(name: .long, help: ArgumentHelp("Fill in answers from this file first.", valueName: "FILE")) var answers: String?
    @Flag(name: .long, help: "Do not save answers between runs.") var noSave = false

    /// What was asked for, in plain values.
    var start: QuestionnaireStart {
        QuestionnaireStart(questionnaires: location.questionnaires, lang: languageOption.lang, plain: plain,
                           questionnaire: questionnaire, answers: answers, noSave: noSave)
    }

    func run() throws { try start.run() }
}

/// Starting the questionnaire, with the options of `backtriage interactive` as plain values: the
/// command line gives them through ArgumentParser or, for the common case, `parse(_:)`.
struct QuestionnaireStart: Equatable {
    var questionnaires: String?
    var lang: Language?
    var plain = false
    var questionnaire = "back-pain"
    var answers: String?
    var noSave = false

    /// The interface language: --lang, else the locale, else English.
    var language: Language { lang ?? Language.fromLocale(ProcessEnvironment.variables) }

    func run() throws {
        let lang = language
        // Everything that can fail with a message happens before curses takes the terminal.
        let engine = Engine(try LocationOptions.load(questionnaire, from: questionnaires, writesCache: !noSave))
        let prefill = try prefilledAnswers(engine)
        let store = SessionStore(environment: ProcessEnvironment.variables)
        let resumable = noSave || prefill != nil ? nil : try savedSession(store, engine)
        let today = Today.date
        let fullScreen = !plain && Self.hasTerminal
        // --no-save reads no history either: on a shared computer, someone else's episodes are
        // none of this session's business.
        let tracker = noSave ? nil : EpisodeTracker(path: HistoryStore.defaultPath(environment: ProcessEnvironment.variables),
                                                    engine: engine, today: today)
        if !fullScreen {
            let session = PlainSession(engine: engine, store: noSave ? nil : store, saved: resumable,
                                       language: lang, today: today, prefill: prefill, tracker: tracker,
                                       width: TerminalWidth.ofStandardOutput(),
                                       readLine: { Swift.readLine(strippingNewline: true) },
                                       write: { writeToStandardOutput($0) })
            throw ExitCode(Self.exitStatus(session.run(), engine.questionnaire))
        }
        // The history is read before curses starts, so that a problem with it is said plainly;
        // the questionnaire then goes on without it.
        let start = SessionStart(engine: engine, saved: resumable, store: noSave ? nil : store,
                                 tracker: prefill == nil ? tracker : nil, today: today)
        if let problem = start.historyProblem {
            printError("backtriage: the history cannot be read: \(problem.description); the questionnaire goes on without it")
        }
        let state = AppState(session: Session(engine: engine, answers: prefill ?? AnswerSet(), today: today), language: lang,
                             resumable: start.saved, resumed: start.resumed, savingEnabled: !noSave, episode: start.episode,
                             historyEnabled: tracker != nil, canOpenFiles: EffectRunner.canOpenFiles(environment: ProcessEnvironment.variables))
        let status = MainActor.assumeIsolated { () -> Int32 in
            CursesTerminal.prepareSignals()
            guard let terminal = CursesTerminal.start(environment: ProcessEnvironment.variables) else { return -1 }
            return EventLoop.run(state, terminal: terminal,
                                 effects: EffectRunner(store: store, questionnaire: engine.questionnaire, tracker: tracker))
        }
        if status == -1 {
            printError("backtriage: cannot start the full-screen interface on this terminal (TERM=\(ProcessEnvironment.variables["TERM"] ?? ""))")
            throw ExitCode(ExitStatus.badInput)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The plain mode's exit code: 10 for the least urgent level, one more per level above it,
    /// so a script can compare them; 3 when it stopped without a result.
    static func exitStatus(_ outcome: PlainOutcome, _ q: Questionnaire) -> Int32 {
        if outcome == .episodeEnded { return 0 }
        guard case .result(let level) = outcome else { return 3 }
        return Int32(10 + (q.triageLevels.count - 1 - level.rank))
    }

    /// Both ends must be a terminal that can move the cursor.
    static var hasTerminal: Bool {
        let term = ProcessEnvironment.variables["TERM"] ?? ""
        return isatty(0) == 1 && isatty(1) == 1 && !term.isEmpty && term != "dumb"
    }

    /// The answers of `--answers FILE`, each checked against its item; missing ones are asked.
    private func prefilledAnswers(_ engine: Engine) throws -> AnswerSet? {
        guard let path = answers else { return nil }
        do {
            let document = try AnswerFileReader.parse(try AnswerFileReader.readText(path: path), path: path)
            guard document.questionnaire == engine.questionnaire.id else {
                printError("\(path): the answers are for '\(document.questionnaire)', not '\(engine.questionnaire.id)'")
                throw ExitCode(ExitStatus.badInput)
            }
            let problems = AnswerFileReader.validate(document, engine: engine, complete: false, language: language)
            guard problems.isEmpty else {
                problems.forEach { printError($0.description) }
                throw ExitCode(ExitStatus.badInput)
            }
            return document.answers
        } catch let error as Diagnostic {
            printError(error.description)
            throw ExitCode(ExitStatus.badInput)
        }
    }

    /// The answers of an earlier run that the questionnaire still accepts; nil when none are left.
    private func savedSession(_ store: SessionStore, _ engine: Engine) throws -> SavedSession? {
        do {
            guard var saved = try store.load(questionnaire: engine.questionnaire.id) else { return nil }
            saved.answers = Session.resumable(saved, engine: engine)
            return saved.answers.values.isEmpty ? nil : saved
        } catch {
            printError("backtriage: \(error.description)")
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
