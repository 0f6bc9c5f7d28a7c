import Foundation
import TriageKit

/// The lines of a detail page: one row of the results in full, its source, and why it is there
/// (each rule that brought it, with the answers that made the rule fire). Shared by `update`
/// (how far the page scrolls) and `render`. Every word comes from the questionnaire or the
/// interface strings.
struct DetailPage {
    struct Line: Equatable {
        var text: String
        var style: Style
    }

    let lines: [Line]

    /// Body rows of a detail page on a screen of `size`: the frame takes the first row, a blank
    /// row follows, and the footer takes the last three.
    static func rows(in size: Size) -> Int { max(1, size.height - 5) }

    /// Body width of a detail page on a screen of `size`.
    static func width(in size: Size) -> Int { max(10, size.width - 6) }

    /// The largest useful scroll position: when the page is cut, its last row says "more below",
    /// so `rows - 1` lines show at a time.
    static func maxScroll(lines: Int, rows: Int) -> Int { lines <= rows ? 0 : lines - max(1, rows - 1) }

    /// The page for `subject` as `state` shows it, wrapped to `width` cells.
    init(_ subject: DetailSubject, state: AppState, width: Int, glyphs: Glyphs) {
        var builder = Builder(state: state, width: width, glyphs: glyphs)
        switch subject {
        case .entry(let id, let kind): builder.entry(id, kind)
        case .redFlag(let item, let rule): builder.redFlag(item, rule)
        case .safetyNet: builder.safetyNet()
        }
        lines = builder.lines
    }

    /// The page for `subject` laid out for a screen of `size` with Unicode glyphs: what `update`
    /// scrolls by.
    init(_ subject: DetailSubject, state: AppState, size: Size) {
        self.init(subject, state: state, width: Self.width(in: size), glyphs: .unicode)
    }

    /// The frame title of a detail page.
    static func title(_ subject: DetailSubject, language: String) -> String {
        switch subject {
        case .entry(_, let kind): return Strings.text("tui.detail.\(kind.rawValue)", language)
        case .redFlag: return Strings.text("tui.detail.red_flag", language)
        case .safetyNet: return Strings.text("tui.detail.safety_net", language)
        }
    }

    private struct Builder {
        let state: AppState
        let width: Int
        let glyphs: Glyphs
        var lines: [Line] = []

        var q: Questionnaire { state.questionnaire }
        var L: String { state.language }
        func t(_ key: String, _ args: String...) -> String {
            return Strings.text(key, L, arguments: args)
        }

        /// Wrapped text; `indent` cells on every line, `hanging` more after the first.
        mutating func add(_ text: String, _ style: Style = .plain, indent: Int = 0, hanging: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            let wrapped = Wrap.lines(glyphs.displayable(text), width: max(1, width - indent - hanging))
            for (i, line) in wrapped.enumerated() {
                lines.append(Line(text: pad + (i == 0 ? "" : String(repeating: " ", count: hanging)) + line, style: style))
            }
        }

        mutating func blank() { if lines.last?.text.isEmpty == false { lines.append(Line(text: "", style: .plain)) } }

        mutating func heading(_ text: String) {
            blank()
            add(text, .bold)
        }

        mutating func source(_ ref: SourceRef?) {
            guard let ref else { return }
            heading(t("result.source"))
            add(SummarySheet.Citation(ref, in: q, language: L).text)
        }

        // MARK: Subjects

        mutating func entry(_ id: String, _ kind: CatalogEntry.Kind) {
            guard let e = q.entry(id, kind) else { add(id, .bold); return }
            let conclusion = conclusions(kind).first { $0.id == id }
            add(e.title[L], .bold)
            if conclusion?.highlighted == true { add(t("result.important"), Style(bold: true, tint: .yellow)) }
            blank()
            add(e.explanation[L])
            if let practical = e.practical?[L] { heading(t("result.practical")); add(practical) }
            if let evidence = e.evidence?[L] { heading(t("result.evidence")); add(evidence) }
            if let question = e.doctorQuestion?[L] { heading(t("tui.detail.doctor_question")); add(question) }
            source(e.source)
            why(kind: kind.rawValue, id: id, rules: conclusion?.rules ?? [])
        }

        mutating func redFlag(_ itemID: String, _ ruleID: String) {
            let item = q.item(itemID)
            add(item?.text[L] ?? itemID, Style(bold: true, tint: .red))
            if let item, let value = state.effectiveAnswers[itemID] {
                add(t("tui.detail.your_answer", AnswerFormatting.display(value, item: item, language: L)))
            }
            let rule = q.rule(ruleID)
            if let cause = state.assessment.redFlags.first(where: { $0.item == itemID && $0.rule == ruleID })?.cause
                ?? rule?.redFlag?.cause {
                blank()
                add(t("tui.detail.can_point_to", q.cause(cause)?.text[L] ?? cause), .bold)
            }
            if let level = rule?.triage.flatMap(q.level) {
                heading(t("tui.detail.what_to_do"))
                add(level.title[L].uppercased() + ": " + level.action[L])
            }
            source(rule?.source)
            why(kind: "red_flag", id: itemID, rules: [ruleID])
        }

        mutating func safetyNet() {
            let a = state.assessment
            add(state.safetyText(a, brief: false), .bold)
            guard !a.watchList.flatMap(\.items).isEmpty else { return }
            heading(t("result.watch_for") + ":")
            for id in a.watchList.flatMap(\.items) {
                let item = q.item(id)
                add("- " + ((item?.short ?? item?.text)?[L] ?? id), indent: 0, hanging: 2)
            }
        }

        func conclusions(_ kind: CatalogEntry.Kind) -> [Assessment.Conclusion] {
            let a = state.assessment
            switch kind {
            case .suggestion: return a.suggestions
            case .caution: return a.cautions
            case .note: return a.notes
            }
        }

        /// Each rule that brought the conclusion, its explanation, and the answers it read.
        mutating func why(kind: String, id: String, rules: [String]) {
            let trace = state.assessment.trace.filter { $0.kind == kind && $0.id == id }
            // Without a trace (an assessment made without one) the rules still say why.
            let steps: [(rule: String, answers: [Assessment.AnswerFact]?)] =
                trace.isEmpty ? rules.map { ($0, nil) } : trace.map { ($0.rule, $0.answers) }
            guard !steps.isEmpty else { return }
            heading(t("result.why"))
            for step in steps {
                blank()
                add(glyphs.marker + " " + t("tui.detail.rule", step.rule), .bold, hanging: 2)
                if let explanation = q.rule(step.rule)?.explanation[L], !explanation.isEmpty { add(explanation, indent: 2) }
                guard let answers = step.answers else { continue }
                if answers.isEmpty {
                    add(t("tui.detail.no_answers"), .dim, indent: 2)
                    continue
                }
                add(t("tui.detail.because"), indent: 2)
                for fact in answers { add("- " + describe(fact), indent: 4, hanging: 2) }
            }
        }

        /// "How long: 7 weeks": an answer or derived value as a person reads it.
        func describe(_ fact: Assessment.AnswerFact) -> String {
            if let item = q.item(fact.id) {
                let label = (item.short ?? item.text)[L].trimmingCharacters(in: CharacterSet(charactersIn: "? "))
                return label + ": " + (fact.value.map { AnswerFormatting.display($0, item: item, language: L) } ?? Strings.text("value.unanswered", L))
            }
            if let derived = q.derivedValue(fact.id) {
                let value: String
                switch fact.value {
                case .string(let v)?: value = derived.valueLabels[v]?[L] ?? v
                case .bool(let b)?: value = Strings.text(b ? "value.yes" : "value.no", L)
                case let other?: value = other.plain
                case nil: value = Strings.text("value.unanswered", L)
                }
                return derived.text[L] + ": " + value
            }
            return fact.id + ": " + (fact.value?.plain ?? Strings.text("value.unanswered", L))
        }
    }
}
