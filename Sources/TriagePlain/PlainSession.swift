import Foundation
import TriageKit

/// How a plain session ended.
public enum PlainOutcome: Equatable, Sendable {
    /// Every question answered: the triage level id.
    case completed(triage: String)
    /// The person typed quit.
    case quit
    /// The input ended (a pipe ran dry) before the questionnaire was complete.
    case inputEnded
}

/// The questionnaire as plain lines: one question at a time, numbered options, typed answers,
/// no cursor movement, colour or redraw, so a screen reader reads each line once and a script
/// can pipe answers in. Same engine, validation, resume file and result as the full-screen
/// interface.
public final class PlainSession {
    let questionnaire: Questionnaire
    let engine: Engine
    let store: SessionStore?
    let language: String
    let today: Date
    private let readLine: () -> String?
    private let write: (String) -> Void
    private var answers: AnswerSet
    private var saveFailureShown = false

    /// - Parameters:
    ///   - store: where answers are saved after each one; nil for `--no-save`.
    ///   - saved: answers of an earlier run, offered to continue.
    ///   - prefill: answers to start from (`--answers FILE`).
    public init(questionnaire: Questionnaire, store: SessionStore?, saved: SavedSession? = nil, language: String, today: Date,
                prefill: AnswerSet? = nil, readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.saved = saved
        self.questionnaire = questionnaire
        self.engine = Engine(questionnaire)
        self.store = store
        self.language = language
        self.today = today
        self.readLine = readLine
        self.write = write
        self.answers = prefill ?? AnswerSet()
        self.prefilled = prefill != nil
    }

    private let prefilled: Bool
    private let saved: SavedSession?

    private func say(_ line: String) { write(line + "\n") }
    private func s(_ key: String, _ args: String...) -> String {
        return Strings.text(key, language, arguments: args)
    }

    /// Reads one line after a prompt; nil when the input has ended.
    private func ask() -> String? {
        write("> ")
        guard let line = readLine() else { return nil }
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private enum Command { case back, help, review, quit }

    private func command(_ line: String) -> Command? {
        switch line.lowercased() {
        case "back", "zurück", "zurueck", "b": return .back
        case "help", "hilfe", "?", "h": return .help
        case "review", "übersicht", "uebersicht", "r": return .review
        case "quit", "ende", "exit", "q": return .quit
        default: return nil
        }
    }

    public func run() -> PlainOutcome {
        say(s("plain.intro", questionnaire.title[language]))
        say(s("plain.disclaimer"))
        say("")
        if !prefilled, let resumed = offerResume() {
            guard resumed else { return .inputEnded }
        }
        var index = firstUnansweredIndex()
        while true {
            let asked = engine.askedItems(given: answers)
            if index >= asked.count { return finish() }
            let item = asked[index]
            let total = max(asked.count, engine.possibleItems(given: answers).count)
            switch askItem(item, number: index + 1, of: total) {
            case .answered:
                if let outcome = interruptIfEmergency() { return outcome }
                // The list of asked items may change with this answer: go on after this item.
                let next = engine.askedItems(given: answers)
                index = (next.firstIndex { $0.id == item.id } ?? index) + 1
            case .back:
                if index == 0 { say(s("plain.first")) } else { index -= 1 }
            case .jump(let target):
                index = target
            case .quit:
                say(store == nil ? s("plain.quit_unsaved") : s("plain.quit"))
                // After an emergency answer the result is known whatever is still open: say it.
                return emergencyStands ? finish() : .quit
            case .ended:
                say(s("plain.input_ended"))
                if store != nil { say(s("plain.quit")) }
                return emergencyStands ? finish() : .inputEnded
            }
        }
    }

    /// Offers a saved session: true to go on (continued or started over), nil when there is
    /// none, false when the input ended.
    private func offerResume() -> Bool? {
        guard let saved, !saved.answers.values.isEmpty else { return nil }
        let asked = engine.askedItems(given: saved.answers)
        let answered = asked.filter { saved.answers[$0.id] != nil }.count
        say(s("plain.resume", AnswerValidation.formatDate(saved.savedAt), String(answered), String(asked.count)))
        while true {
            guard let line = ask() else { return false }
            if line == "1" { answers = saved.answers; return true }
            if line == "2" { try? store?.delete(questionnaire: questionnaire.id); return true }
            say(s("plain.not_understood", s("plain.expect.choice", "2")))
        }
    }

    private func firstUnansweredIndex() -> Int {
        let asked = engine.askedItems(given: answers)
        return asked.firstIndex { answers[$0.id] == nil } ?? asked.count
    }

    private enum Step { case answered, back, jump(Int), quit, ended }

    private func askItem(_ item: Item, number: Int, of total: Int) -> Step {
        let section = questionnaire.sections.first { $0.id == item.section }?.title[language] ?? ""
        say(s("plain.question", String(number), String(total), section, item.text[language] + " " + hint(item)))
        if item.kind == .choice || item.kind == .multiChoice {
            for (i, option) in item.options.enumerated() { say("  \(i + 1) \(option.text[language])") }
        }
        if let current = answers[item.id] {
            say(s("plain.current", AnswerFormatting.display(current, item: item, language: language)))
        }
        let parser = PlainAnswerParser(language: language, today: today)
        while true {
            guard let line = ask() else { return .ended }
            if line.isEmpty {
                if answers[item.id] != nil { return .answered }
                if !item.required { return .answered }
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
                say(s("plain.question", String(number), String(total), section, item.text[language] + " " + hint(item)))
                continue
            case nil: break
            }
            let parsed = parser.parse(line, for: item).flatMap { AnswerValidation.validate($0, for: item, language: language) }
            switch parsed {
            case .success(let value):
                answers[item.id] = value
                save()
                return .answered
            case .failure(let problem):
                say(s("plain.not_understood", problem.message))
            }
        }
    }

    /// Lists every answer; returns the index of the question to change, if one is chosen.
    private func review() -> Int? {
        let asked = engine.askedItems(given: answers)
        say(s("plain.review"))
        for (i, item) in asked.enumerated() {
            let value = answers[item.id].map { AnswerFormatting.display($0, item: item, language: language) } ?? s("value.unanswered")
            say("  \(i + 1) \((item.short ?? item.text)[language]): \(value)")
        }
        say(s("plain.review.prompt"))
        guard let line = ask(), let n = Int(line), (1...asked.count).contains(n) else { return nil }
        return n - 1
    }

    private func hint(_ item: Item) -> String {
        let unit = item.unit.map { ", " + $0[language] } ?? ""
        switch item.kind {
        case .boolean: return s("plain.hint.boolean")
        case .choice: return s("plain.hint.choice")
        case .multiChoice: return s("plain.hint.multi")
        case .text: return s("plain.hint.text")
        case .date: return s("plain.hint.date")
        case .scale:
            return s("plain.hint.scale", Value.format(item.minimum ?? 0), item.anchors?.min[language] ?? "",
                     Value.format(item.maximum ?? 10), item.anchors?.max[language] ?? "")
        case .integer, .decimal:
            if item.inputHint == "duration" { return s("plain.hint.duration") }
            var range = ""
            if let lo = item.minimum, let hi = item.maximum { range = s("plain.hint.range", Value.format(lo), Value.format(hi)) }
            return s("plain.hint.number", unit + range)
        }
    }

    private func save() {
        guard let store else { return }
        do {
            try store.save(SavedSession(questionnaire: questionnaire.id, version: questionnaire.version, answers: answers, savedAt: Date()))
        } catch {
            // Said once: repeating it after every answer would drown the questions.
            if !saveFailureShown { say(s("plain.save_failed", error.description)) }
            saveFailureShown = true
        }
    }

    /// The moment an answer makes the result the most urgent level, say what to do before any
    /// further question, and let the person choose between the result and going on.
    private var interrupted = false

    /// Whether the answers so far already give the most urgent level, which no later answer can
    /// lower: a session that stops then reports that result, never "stopped early".
    private var emergencyStands: Bool {
        guard let top = questionnaire.triageLevels.min(by: { $0.rank < $1.rank }) else { return false }
        return engine.evaluate(answers, on: today).triage == top.id
    }

    private func interruptIfEmergency() -> PlainOutcome? {
        guard !interrupted, let top = questionnaire.triageLevels.min(by: { $0.rank < $1.rank }) else { return nil }
        let assessment = engine.evaluate(answers, on: today)
        guard assessment.triage == top.id else { return nil }
        interrupted = true
        say("")
        say(s("plain.act_now", top.action[language]))
        for flag in assessment.redFlags {
            if let cause = questionnaire.cause(flag.cause), let item = questionnaire.item(flag.item),
               questionnaire.rule(flag.rule)?.triage == top.id {
                say("  " + (item.short ?? item.text)[language] + ": " + s("plain.act_now.cause", cause.text[language]))
            }
        }
        say((store == nil ? "" : s("plain.answers_saved") + " ") + s("plain.act_now.choice"))
        while true {
            // The emergency stands whatever is still unanswered: ending here gives its result.
            guard let line = ask() else { return finish() }
            if line == "1" { return finish() }
            if line == "2" { say(""); return nil }
            say(s("plain.not_understood", s("plain.expect.choice", "2")))
        }
    }

    private func finish() -> PlainOutcome {
        let assessment = engine.evaluate(answers, on: today)
        let q = questionnaire, L = language
        say("")
        if let level = q.level(assessment.triage) { say(s("plain.result", level.title[L], level.action[L])) }
        if !assessment.redFlags.isEmpty {
            say(s("plain.warning_signs") + ": " + assessment.redFlags.map { flag in
                let item = q.item(flag.item)
                return ((item?.short ?? item?.text)?[L] ?? flag.item) + " (" + (q.cause(flag.cause)?.text[L] ?? flag.cause) + ")"
            }.joined(separator: "; ") + ".")
        }
        let titles = { (list: [Assessment.Conclusion], kind: CatalogEntry.Kind) in
            list.compactMap { q.entry($0.id, kind)?.title[L] }.joined(separator: "; ")
        }
        if !assessment.suggestions.isEmpty { say(s("plain.suggested") + ": " + titles(assessment.suggestions, .suggestion) + ".") }
        if !assessment.cautions.isEmpty { say(s("plain.advised_against") + ": " + titles(assessment.cautions, .caution) + ".") }
        say(s("plain.more"))
        say("")
        let sheet = AssessmentText(questionnaire: q, language: L).render(assessment, answers: answers)
        write(sheet)
        if let store {
            do {
                let path = try store.saveSummary(sheet, questionnaire: q.id, date: today)
                say(s("plain.saved_sheet", path))
            } catch {
                say(s("plain.save_failed", error.description))
            }
        }
        return .completed(triage: assessment.triage)
    }
}
