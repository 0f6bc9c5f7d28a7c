import TriageKit
import TriageReport
import TriageSession

/// The browsable list of the results screen, built from the report as the level's result shape
/// allows: the warning signs answered yes, the suggestions by group, the cautions, the notes,
/// and when to look again. Each row but a heading opens a detail page. Shared by `update` (how
/// far the selection moves) and `render`.
struct ResultList {
    enum Row {
        case heading(String)
        case sign(Report.Sign)
        case entry(Report.Entry)
        /// What changed since the last check-in.
        case changes(String)
        /// When to look again and which signs mean seeing a doctor at once.
        case safetyNet(String)
    }

    let rows: [Row]

    init(_ report: Report, _ state: AppState) {
        let w = state.wording, shape = report.level.result
        var rows: [Row] = []
        // A check-in first says what changed since the last one.
        if let changes = state.changes(report) {
            rows.append(.heading(state.t("results.check_in")))
            rows.append(.changes(state.t("results.changes_since", w.date(changes.since))))
        }
        if !report.signs.isEmpty {
            rows.append(.heading(state.t("results.signs")))
            rows += report.signs.map(Row.sign)
        }
        if shape.suggestions {
            for group in report.suggestions {
                rows.append(.heading(w.group(group.group)))
                rows += group.entries.map(Row.entry)
            }
        }
        if shape.cautions && !report.cautions.isEmpty {
            rows.append(.heading(w.t("result.cautions")))
            rows += report.cautions.map(Row.entry)
        }
        if !report.notes.isEmpty {
            rows.append(.heading(w.t("result.notes")))
            rows += report.notes.map(Row.entry)
        }
        // One row for when to look again and what to watch for, named by what it says first.
        let checks = Self.saysWhenToLookAgain(report)
        if checks || !report.watchList.isEmpty {
            rows.append(.heading(w.t(checks ? "result.safety_net" : "result.watch")))
            if let next = report.nextCheck, shape.nextCheck {
                rows.append(.safetyNet(state.t("results.safety_entry", w.date(next.date))))
            } else if let group = report.watchList.first {
                rows.append(.safetyNet(w.watchHeading(group)))
            } else {
                rows.append(.safetyNet(state.t("results.watch_entry")))
            }
        }
        self.rows = rows
    }

    /// Indexes into `rows` of the rows the selection can rest on.
    var selectable: [Int] { rows.indices.filter { if case .heading = rows[$0] { return false } else { return true } } }

    /// What the detail page of a row shows; nil for a heading.
    func subject(ofRow index: Int) -> DetailSubject? {
        guard rows.indices.contains(index) else { return nil }
        switch rows[index] {
        case .heading: return nil
        case .sign(let sign): return .sign(item: sign.item.id, rule: sign.rule.id)
        case .entry(let entry): return .entry(id: entry.id, kind: entry.kind)
        case .safetyNet: return .safetyNet
        case .changes: return .changes
        }
    }

    /// The detail page of the `selection`-th selectable row.
    func subject(atSelection selection: Int) -> DetailSubject? {
        let s = selectable
        return s.indices.contains(selection) ? subject(ofRow: s[selection]) : nil
    }

    /// Whether the result says when to look again (a next check, or that every threshold has
    /// passed), or only what to watch for.
    static func saysWhenToLookAgain(_ report: Report) -> Bool {
        report.level.result.nextCheck && (report.nextCheck != nil || report.pastLastCheck != nil)
    }
}

/// The words of a detail page, wrapped: one row of the results in full, its source, and why it
/// is there in the person's own answers. `brief` is the preview beside the results list. Every
/// word comes from the questionnaire, the report's phrases or the interface strings.
struct DetailText {
    struct Line: Equatable {
        var text: String
        var style: Style
    }

    private(set) var lines: [Line] = []
    private let width: Int
    private let glyphs: Glyphs

    init(_ subject: DetailSubject, _ state: AppState, width: Int, glyphs: Glyphs, brief: Bool = false) {
        self.width = max(10, width)
        self.glyphs = glyphs
        let report = state.report
        switch subject {
        case .entry(let id, let kind):
            let all = report.allSuggestions + report.cautions + report.notes
            if let entry = all.first(where: { $0.id == id && $0.kind == kind }) { self.entry(entry, state, brief: brief) }
        case .sign(let item, let rule):
            if let sign = report.signs.first(where: { $0.item.id == item && $0.rule.id == rule }) { self.sign(sign, report, state, brief: brief) }
        case .safetyNet:
            safetyNet(report, state)
        case .changes:
            if let changes = state.changes(report) {
                add(changes.heading(state.wording), .bold)
                blank()
                for line in changes.lines(state.wording) { add("- " + line, hanging: 2) }
            }
        }
    }

    /// The frame title of a detail page.
    static func title(_ subject: DetailSubject, _ state: AppState) -> String {
        switch subject {
        case .entry(_, .suggestion): return state.t("detail.suggestion")
        case .entry(_, .caution): return state.t("detail.caution")
        case .entry(_, .note): return state.t("detail.note")
        case .sign: return state.t("detail.sign")
        case .safetyNet:
            // Named as the result's row is: a result without a next check only has what to watch for.
            return ResultList.saysWhenToLookAgain(state.report) ? state.t("detail.safety_net") : state.wording.t("result.watch")
        case .changes: return state.t("results.check_in")
        }
    }

    /// Wrapped text; `indent` cells on every line, `hanging` more after the first.
    private mutating func add(_ text: String, _ style: Style = .plain, indent: Int = 0, hanging: Int = 0) {
        let pad = String(repeating: " ", count: indent)
        for (i, line) in TextWrap.lines(glyphs.displayable(text), width: max(1, width - indent - hanging)).enumerated() {
            lines.append(Line(text: pad + (i == 0 ? "" : String(repeating: " ", count: hanging)) + line, style: style))
        }
    }

    private mutating func blank() { if lines.last.map({ !$0.text.isEmpty }) == true { lines.append(Line(text: "", style: .plain)) } }

    private mutating func heading(_ text: String) {
        blank()
        add(text, .bold)
    }

    private mutating func entry(_ e: Report.Entry, _ state: AppState, brief: Bool) {
        let w = state.wording, L = state.language, c = e.entry
        add(c.title[L], .bold)
        if e.highlighted { add(w.t("result.important"), Style(bold: true, tint: .yellow)) }
        blank()
        if brief {
            // The preview beside the list: what it is in a sentence, why, and where it is from.
            add(Wording.firstSentence(c.explanation[L]))
            let why = w.why(e)
            if !why.isEmpty { blank(); add(w.t("result.why") + ": " + why) }
            if let source = c.source { blank(); add(w.t("result.source") + ": " + w.citation(source), .dim) }
            return
        }
        add(c.explanation[L])
        if let practical = c.practical?[L] { heading(w.t("result.practical")); add(practical) }
        if let evidence = c.evidence?[L] { heading(w.t("result.evidence")); add(evidence) }
        if let question = c.doctorQuestion?[L] { heading(w.t("result.doctor_question")); add(question) }
        if let source = c.source { heading(w.t("result.source")); add(w.citation(source)) }
        reasons(e.reasons, state)
    }

    private mutating func sign(_ sign: Report.Sign, _ report: Report, _ state: AppState, brief: Bool) {
        let w = state.wording, L = state.language
        add(sign.item.text[L], Style(bold: true, tint: .red))
        if let value = report.answers[sign.item.id] { add(state.t("detail.your_answer", w.value(value, of: sign.item))) }
        blank()
        add(w.t("result.can_point_to", sign.cause.text[L]), .bold)
        add(sign.rule.explanation[L])
        if brief { return }
        let q = report.questionnaire
        if let level = sign.rule.triage.flatMap(q.level), let action = q.action(sign.rule.action ?? level.defaultAction) {
            heading(state.t("detail.what_to_do"))
            add(w.title(level).uppercased() + ": " + w.action(action))
        }
        if let source = sign.rule.source { heading(w.t("result.source")); add(w.citation(source)) }
    }

    private mutating func safetyNet(_ report: Report, _ state: AppState) {
        let w = state.wording, L = state.language
        if report.level.result.nextCheck {
            if let next = report.nextCheck {
                add(w.nextCheck(next), .bold)
                add(w.t("result.sooner"))
            } else if let past = report.pastLastCheck {
                add(past[L], .bold)
            }
        }
        for group in report.watchList {
            heading(w.watchHeading(group, in: report) + ":")
            for item in group.items { add("- " + w.label(item), hanging: 2) }
        }
    }

    /// Each rule that brought the entry: its explanation and the answers that made it apply.
    private mutating func reasons(_ reasons: [Report.Reason], _ state: AppState) {
        guard !reasons.isEmpty else { return }
        let w = state.wording, L = state.language
        heading(w.t("result.why"))
        for reason in reasons {
            blank()
            let explanation = reason.rule.explanation[L]
            if !explanation.isEmpty { add(glyphs.marker + " " + explanation, hanging: 2) }
            guard !reason.facts.isEmpty else { continue }
            add(state.t("detail.because"), indent: 2)
            for fact in reason.facts { add("- " + w.fact(fact), indent: 4, hanging: 2) }
        }
    }
}

extension AppState {
    /// What changed since the last check-in, for a check-in's result; nil otherwise.
    func changes(_ report: Report) -> CheckInChanges? {
        session.checkIn.map { CheckInChanges(previous: $0.previous, current: report, engine: engine) }
    }
}
