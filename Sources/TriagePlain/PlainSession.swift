#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport
import TriageSession

/// How a plain session ended.
public enum PlainOutcome: Equatable, Sendable {
    /// A result was given: every question answered, or an emergency that no further answer can
    /// lower. The triage level.
    case result(TriageLevel)
    /// The person typed quit.
    case quit
    /// The input ended (a pipe ran dry) before the questionnaire was complete.
    case inputEnded
    /// The person said the pain is gone: the open episode ended.
    case episodeEnded
}

/// The questionnaire as plain lines: one question at a time, numbered options, typed answers,
/// no cursor movement, colour or redraw, so a screen reader reads each line once and a script
/// can pipe answers in. It presents a `Session`, like the full-screen interface: the same
/// navigation, emergency interrupt, resume file and result.
public final class PlainSession {
    private var session: Session
    let store: SessionStore?
    let language: Language
    private let readLine: () -> String?
    private let write: (String) -> Void
    private let saved: SavedSession?
    private let prefilled: Bool
    private var saveFailureShown = false
    /// Whether the last save of the answers failed: then no message may say they are saved.
    private var answersUnsaved = false
    private let tracker: EpisodeTracker?
    /// A new check-in begins at the weeks since the start, to confirm or correct them.
    private var startAtWeeks = false
    /// The terminal's width when the output is one: lines are wrapped between words to fit,
    /// instead of the terminal breaking them inside a word or a number. Nil for a pipe.
    private let width: Int?

    /// - Parameters:
    ///   - store: where answers are saved after each one; nil for `--no-save`.
    ///   - saved: answers of an earlier run, offered to continue.
    ///   - prefill: answers to start from (`--answers FILE`).
    ///   - tracker: the episode history: an open episode is offered a check-in, and a result is
    ///     recorded; nil for `--no-save`.
    public init(engine: Engine, store: SessionStore?, saved: SavedSession? = nil, language: Language, today: Date,
                prefill: AnswerSet? = nil, tracker: EpisodeTracker? = nil, width: Int? = nil,
                readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.width = width.map { max(20, $0) }
        session = Session(engine: engine, answers: prefill ?? AnswerSet(), today: today)
        self.store = store
        self.saved = saved
        self.language = language
        self.readLine = readLine
        self.write = write
        self.tracker = tracker
        prefilled = prefill != nil
    }

    private var questionnaire: Questionnaire { session.questionnaire }
    private func say(_ line: String) {
        guard let width, DisplayWidth.of(line) > width else { return write(line + "\n") }
        // A continued line is indented under the text of its first: an option's text, a list's.
        let indent = String(repeating: " ", count: min(8, line.prefix { $0 == " " }.count + (line.first == " " ? 2 : 0)))
        write(TextWrap.lines(String(line.drop { $0 == " " }), width: width, first: String(line.prefix { $0 == " " }), rest: indent)
            .joined(separator: "\n") + "\n")
    }
    private func s(_ key: String, _ args: String...) -> String { StringCatalog.plain.text(key, language, args) }

    /// Reads one line after a prompt; nil when the input has ended (Ctrl-D on a terminal), after
    /// ending the prompt's line so that what follows does not stand after "> ".
    private func ask() -> String? {
        write("> ")
        guard let line = readLine() else {
            write("\n")
            return nil
        }
        return line.trimmed
    }

    private enum Command { case back, help, review, quit }

    private func command(_ line: String) -> Command? {
        let words = StringCatalog.input
        if words.accepts(line, as: "command.back") { return .back }
        if words.accepts(line, as: "command.help") { return .help }
        if words.accepts(line, as: "command.review") { return .review }
        if words.accepts(line, as: "command.quit") { return .quit }
        return nil
    }

    public func run() -> PlainOutcome {
        say(s("plain.intro", questionnaire.title[language], language.name))
        say(s("plain.disclaimer"))
        say("")
        if !prefilled {
            let resumed = offerResume()
            if resumed == false { return stopped(.inputEnded) }
            if resumed == nil {
                switch offerEpisode() {
                case .ended?: return .inputEnded
                case .episodeEnded?: return .episodeEnded
                case nil: break
                }
            }
        }
        if session.checkIn != nil { introduceCheckIn() }
        // Answers from a file or an earlier run can already hold an emergency: say so first.
        if let outcome = interruptIfEmergency() { return outcome }
        var current = (startAtWeeks ? session.weeksItem : nil) ?? session.firstUnanswered
        while true {
            guard let item = current else { return finish() }
            switch askItem(item) {
            case .answered:
                if let outcome = interruptIfEmergency() { return outcome }
                sayPendingNotices()
                current = session.item(after: item)
            case .back:
                if let previous = session.item(before: item) { current = previous } else { say(s("plain.first")) }
            case .jump(let target):
                current = target
            case .quit:
                say(store == nil ? s("plain.quit_unsaved") : s(answersUnsaved ? "plain.quit_failed" : "plain.quit"))
                return stopped(.quit)
            case .ended:
                say(s("plain.input_ended"))
                if store != nil { say(s(answersUnsaved ? "plain.quit_failed" : "plain.quit")) }
                return stopped(.inputEnded)
            }
        }
    }

    /// A session that stops early still gives its result when an emergency answer already
    /// decides it: that result stands whatever is still open, and is never "stopped early".
    /// Crisis help an answer raised is said again on the way out.
    private func stopped(_ outcome: PlainOutcome) -> PlainOutcome {
        if session.emergencyStands { return finish() }
        for id in session.raisedNotices { if let entry = session.notice(id) { sayNotice(entry) } }
        return outcome
    }

    /// Says at once a notice an answer raised (crisis help), before the next question: a notice,
    /// not a stop.
    private func sayPendingNotices() {
        let pending = session.pendingNotices
        guard !pending.isEmpty else { return }
        session.acknowledgeNotices()
        for id in pending { if let entry = session.notice(id) { sayNotice(entry) } }
    }

    private func sayNotice(_ entry: CatalogEntry) {
        say("")
        say("!! " + entry.title[language] + ": " + entry.explanation[language])
        say("")
    }

    /// Offers a saved session: true to go on with it, nil when there is none or it is set aside
    /// (started over), false when the input ended.
    private func offerResume() -> Bool? {
        guard saved != nil else { return nil }
        let start = SessionStart(engine: session.engine, saved: saved, store: store, tracker: tracker, today: session.today)
        if let problem = start.historyProblem { say(s("plain.history_unreadable", problem.description)) }
        guard let saved = start.saved, let resumed = start.resumed else { return nil }
        let progress = resumed.progress
        say(s("plain.resume", language.dateTime(saved.savedAt), String(progress.answered), String(progress.total)))
        while true {
            guard let line = ask() else { return false }
            if line == "1" { session = resumed; return true }
            if line == "2" { try? store?.delete(questionnaire: questionnaire.id); return nil }
            say(s("plain.not_understood", PlainAnswerParser.expectChoice(2, language)))
        }
    }

    private enum EpisodeChoiceOutcome { case ended, episodeEnded }

    /// With an open episode: check in, start a new episode, end it (the pain is gone), or see
    /// the history first. Nil to go on with the questions (a check-in or a new episode).
    private func offerEpisode() -> EpisodeChoiceOutcome? {
        guard let tracker else { return nil }
        let status: EpisodeStatus
        do throws(HistoryError) {
            guard let open = try tracker.status() else { return nil }
            status = open
        } catch {
            say(s("plain.history_unreadable", error.description))
            return nil
        }
        let wording = Wording(questionnaire, language)
        let history = HistoryText(engine: session.engine, language: language, chart: .ascii, today: session.today)
        let last = session.engine.questionnaire.level(status.last.level).map(wording.title) ?? status.last.level
        say(s("plain.episode", history.kind(status.episode), wording.date(status.episode.start), wording.weeks(status.weeksNow),
              wording.date(status.last.answeredOn), last))
        say(history.due(status, status.last, hint: false))
        while true {
            say(s("plain.episode.choice"))
            guard let line = ask() else { return .ended }
            switch line {
            case "1":
                session = tracker.checkIn(status)
                startAtWeeks = true
                return nil
            case "2":
                return nil
            case "3":
                do throws(HistoryError) {
                    try tracker.endEpisode(status)
                    say(s("plain.episode.ended"))
                } catch {
                    say(s("plain.episode_end_failed", error.description))
                }
                return .episodeEnded
            case "4":
                do throws(HistoryError) {
                    write(history.render(try tracker.episodes()))
                } catch {
                    say(s("plain.history_unreadable", error.description))
                }
                say("")
            default:
                if command(line) == .quit { return .ended }
                say(s("plain.not_understood", PlainAnswerParser.expectChoice(4, language)))
            }
        }
    }

    /// What a check-in keeps from the last time, so the person knows what is not asked.
    private func introduceCheckIn() {
        let wording = Wording(questionnaire, language)
        let kept = session.askedItems.filter { !session.presentedItems.map(\.id).contains($0.id) }
            .compactMap { item in session.answers[item.id].map { wording.label(item) + ": " + wording.value($0, of: item) } }
        say(s("plain.checkin.start", kept.joined(separator: "; ")))
        say("")
    }

    private enum Step { case answered, back, jump(Item), quit, ended }

    private func prompt(_ item: Item) {
        if let context = session.checkIn, item.id == session.weeksItem?.id {
            let wording = Wording(questionnaire, language)
            say(s("plain.checkin.weeks", wording.weeks(context.weeks), wording.date(context.episode.start)))
        }
        let section = questionnaire.sections.first { $0.id == item.section }?.title[language] ?? ""
        say(s("plain.question", String(session.position(of: item)), String(session.percentDone), section, item.text[language] + " " + hint(item)))
        if item.kind == .choice || item.kind == .multiChoice {
            for (i, option) in item.options.enumerated() { say("  \(i + 1) \(option.text[language])") }
        }
        if let current = session.answers[item.id] {
            say(s("plain.current", Wording(questionnaire, language).value(current, of: item)))
        }
    }

    private func askItem(_ item: Item) -> Step {
        prompt(item)
        let parser = PlainAnswerParser(language: language, today: session.today)
        while true {
            guard let line = ask() else { return .ended }
            if line.isEmpty {
                if session.answers[item.id] != nil { return .answered }
                if !item.required { _ = session.answer(nil, for: item, language: language); return .answered }
                say(s("plain.not_understood", s("plain.expect.answer")))
                continue
            }
            switch command(line) {
            case .back?: return .back
            case .quit?: return .quit
            case .help?:
                if let help = item.help { say(s("plain.why", help[language])) }
                say(s("plain.help") + (store == nil ? "" : " " + s("plain.answers_saved")))
                continue
            case .review?:
                if let target = review() { return .jump(target) }
                prompt(item)
                continue
            case nil: break
            }
            switch parser.parse(line, for: item).flatMap({ session.answer($0, for: item, language: language) }) {
            case .success:
                save()
                return .answered
            case .failure(let problem):
                say(s("plain.not_understood", problem.message))
            }
        }
    }

    /// Lists every answer; returns the question to change, if one is chosen.
    private func review() -> Item? {
        let asked = session.askedItems
        let wording = Wording(questionnaire, language)
        say(s("plain.review"))
        for (i, item) in asked.enumerated() {
            let value = session.answers[item.id].map { wording.value($0, of: item) } ?? wording.t("value.unanswered")
            say("  \(i + 1) \(wording.label(item)): \(value)")
        }
        say(s("plain.review.prompt"))
        guard let line = ask(), let n = Int(line), (1...asked.count).contains(n) else { return nil }
        return asked[n - 1]
    }

    private func hint(_ item: Item) -> String {
        let optional = item.required ? "" : " " + s("plain.hint.optional")
        switch item.kind {
        case .boolean: return s("plain.hint.boolean") + optional
        case .choice: return s("plain.hint.choice") + optional
        case .multiChoice: return s("plain.hint.multi")
        case .text: return s("plain.hint.text") + optional
        case .date: return s("plain.hint.date") + optional
        case .scale:
            return s("plain.hint.scale", language.number(item.minimum ?? 0), item.anchors?.min[language] ?? "",
                     language.number(item.maximum ?? 10), item.anchors?.max[language] ?? "") + optional
        case .integer, .decimal:
            if item.inputHint == .duration { return s("plain.hint.duration") + optional }
            var range = ""
            if let lo = item.minimum, let hi = item.maximum { range = s("plain.hint.range", language.number(lo), language.number(hi)) }
            return s("plain.hint.number", (item.unit.map { ", " + $0[language] } ?? "") + range) + optional
        }
    }

    private func save() {
        guard let store else { return }
        do {
            try store.save(session.saved(at: Date()))
            answersUnsaved = false
        } catch {
            answersUnsaved = true
            // Said once: repeating it after every answer would drown the questions.
            if !saveFailureShown { say(s("plain.save_failed", error.description)) }
            saveFailureShown = true
        }
    }

    /// The moment an answer gives a new emergency sign, say what to do before any further
    /// question, and let the person choose between the result and going on. Each new emergency
    /// sign interrupts once, as in the full-screen interface.
    private func interruptIfEmergency() -> PlainOutcome? {
        let pending = session.pendingEmergencies
        guard !pending.isEmpty else { return nil }
        session.acknowledgeEmergencies()
        let report = session.report
        let wording = Wording(questionnaire, language)
        say("")
        say(s("plain.act_now", wording.action(report.action)))
        for sign in report.signs where pending.contains(sign.item.id) {
            say("  " + s("plain.act_now.sign", wording.label(sign.item), sign.cause.text[language]))
        }
        say((store == nil ? "" : s("plain.answers_saved") + " ") + s("plain.act_now.choice"))
        while true {
            guard let line = ask() else { return finish() }
            if line == "1" || command(line) == .quit { return finish() }
            if line == "2" { say(""); return nil }
            say(s("plain.not_understood", PlainAnswerParser.expectChoice(2, language)))
        }
    }

    /// The result: a short summary, then the whole result exactly as `evaluate` writes it, and
    /// the summary sheet saved where the answers are kept.
    private func finish() -> PlainOutcome {
        let report = session.report
        let wording = Wording(questionnaire, language)
        let recorded = record()
        // One outline for what is said here and what the sheet holds: a check-in's changes and
        // the pain over the weeks included.
        let outline = ResultOutline(report, wording, changes: recorded?.changes, trend: recorded?.trend)
        if let action = outline.section(.action) {
            say("")
            say(s("plain.result", action.heading ?? "", action.entries.first?.text ?? ""))
        }
        for entry in outline.section(.crisis)?.entries ?? [] { say(entry.text) }
        say("")
        say(s("plain.more"))
        say("")
        write(ResultText(wording).render(outline))
        if let recorded {
            // A check-in and its reminder are for a result with a next check; one that sends the
            // person to a doctor (or to 112) has none.
            let first = report.nextCheck == nil ? "plain.recorded.first_without_check" : "plain.recorded.first"
            say(recorded.checkIns.count == 1 ? s(first) : s("plain.recorded", String(recorded.checkIns.count)))
        }
        if let store {
            do {
                let sheet = SheetText().render(SheetDocument(outline, wording))
                let path = try store.saveSummary(sheet, questionnaire: questionnaire.id, at: Date(), language: language, fileExtension: "txt")
                say(s("plain.saved_sheet", path))
            } catch {
                let key = recorded != nil ? "plain.sheet_failed" : answersUnsaved ? "plain.sheet_failed.unsaved" : "plain.sheet_failed.unrecorded"
                say(s(key, error.description))
            }
        }
        return .result(report.level)
    }

    /// Adds the finished session to the history and removes its saved answers, which the
    /// history now holds. Nil when there is no history (`--no-save`), the weeks are not
    /// answered, or it failed (said here; the saved answers stay).
    private func record() -> RecordedCheckIn? {
        let finished = SessionFinish.finish(session, language: language, tracker: tracker, store: store)
        if case .failed(let error) = finished {
            // Whether the answers are still saved decides what can be said and done.
            if answersUnsaved || store == nil {
                say(s("plain.record_failed.unsaved", error.description))
            } else {
                say(s("plain.record_failed", error.description, store?.sessionPath(questionnaire: questionnaire.id) ?? ""))
            }
        }
        return finished.recorded
    }
}
