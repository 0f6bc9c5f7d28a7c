import TriageKit
import TriageReport
import TriageSession

/// The browsable list of the results screen: the sections of the result's outline below the
/// level's box (which shows the action, and the summary under it the pain and whether a
/// warning sign was answered), each row but a heading or a line opening a detail page. Shared
/// by `update` (how far the selection moves) and `render`.
struct ResultList {
    enum Row {
        case heading(String)
        case sign(Report.Sign)
        case entry(Report.Entry)
        /// What changed since the last check-in.
        case changes(String)
        /// When to look again and which signs mean seeing a doctor at once.
        case safetyNet(String)
        /// A row of a section whose detail page shows the whole section (the doctor's
        /// questions, the pain over the weeks).
        case section(String, ResultOutline.Kind)
        /// A line to read, not to open: "(none)".
        case text(String)
    }

    let rows: [Row]

    /// The sections the results screen draws above the list, not in it: the action and, right
    /// under it, the crisis help, whole. The pain is summed up there in a line or two, in its
    /// place, and is in full at the end of the list, so the selection starts on what the result
    /// says rather than on what the person answered.
    static let drawnAbove: Set<ResultOutline.Kind> = [.action, .crisis, .stillOpen]

    init(_ outline: ResultOutline, _ state: AppState) {
        let w = state.wording, report = outline.report
        var rows: [Row] = []
        let inList = outline.sections.filter { !Self.drawnAbove.contains($0.kind) }
        for section in inList.filter({ $0.kind != .profile }) + inList.filter({ $0.kind == .profile }) {
            // "No warning sign answered yes" is said in the summary above the list.
            if section.kind == .signs && section.entries.isEmpty { continue }
            if let heading = section.heading { rows.append(.heading(heading)) }
            if section.entries.isEmpty, let none = section.none { rows.append(.text(none)) }
            switch section.kind {
            case .changes:
                if let changes = outline.changes { rows.append(.changes(state.t("results.changes_since", w.date(changes.since)))) }
            case .safetyNet:
                // One row for when to look again and what to watch for, named by what it says first.
                if let next = report.nextCheck, report.level.result.nextCheck {
                    rows.append(.safetyNet(state.t("results.safety_entry", w.date(next.date))))
                } else if let group = report.watchList.first {
                    rows.append(.safetyNet(w.watchHeading(group)))
                } else {
                    rows.append(.safetyNet(state.t("results.watch_entry")))
                }
            default:
                for group in section.groups {
                    if let heading = group.heading { rows.append(.heading(heading)) }
                    for entry in group.entries {
                        switch entry.subject {
                        case .sign(let sign): rows.append(.sign(sign))
                        case .entry(let e): rows.append(.entry(e))
                        case .fact where section.kind == .profile:
                            // One row opens the whole profile, as it stands above the list.
                            if case .section? = rows.last {} else { rows.append(.section(section.entries.map(\.text).joined(separator: "; "), .profile)) }
                        default: rows.append(.section(entry.text, section.kind))
                        }
                    }
                }
            }
        }
        self.rows = rows
    }

    /// The display width of the widest title a row shows. A section's rows (the answers, the
    /// questions for the doctor) are sentences the preview beside the list shows whole, so they
    /// never widen the list.
    func longestLabel(_ state: AppState) -> Int {
        rows.map { row -> String in
            switch row {
            case .heading(let text), .text(let text), .changes(let text), .safetyNet(let text): return text
            case .section: return ""
            case .sign(let sign): return state.wording.label(sign.item)
            case .entry(let entry): return entry.entry.title[state.language]
            }
        }.map { DisplayWidth.of(state.glyphs.displayable($0)) }.max() ?? 0
    }

    /// Indexes into `rows` of the rows the selection can rest on.
    var selectable: [Int] {
        rows.indices.filter {
            switch rows[$0] {
            case .heading, .text: return false
            default: return true
            }
        }
    }

    /// What the detail page of a row shows; nil for a heading.
    func subject(ofRow index: Int) -> DetailSubject? {
        guard rows.indices.contains(index) else { return nil }
        switch rows[index] {
        case .heading, .text: return nil
        case .section(_, let kind): return .section(kind)
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
            safetyNet(state.outline)
        case .section(let kind):
            if let section = state.outline.section(kind) { self.section(section, state.outline) }
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
            return state.outline.saysWhenToLookAgain ? state.t("detail.safety_net") : state.wording.t("result.watch")
        case .changes: return state.t("results.check_in")
        case .section(let kind): return state.outline.section(kind)?.heading ?? state.t("results.check_in")
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

    /// When to look again and the watch groups, as the outline has them.
    private mutating func safetyNet(_ outline: ResultOutline) {
        guard let section = outline.section(.safetyNet) else { return }
        for group in section.groups {
            if let heading = group.heading {
                self.heading(heading + ":")
                for entry in group.entries { add("- " + entry.text, hanging: 2) }
            } else {
                for entry in group.entries { add(entry.text, .bold) }
            }
        }
    }

    /// A whole section in its words; the pain over the weeks with its chart.
    private mutating func section(_ section: ResultOutline.Section, _ outline: ResultOutline) {
        if let heading = section.heading { add(heading, .bold) }
        if section.kind == .trend, let trend = outline.trend {
            blank()
            for line in HistoryChart(outline.wording, style: glyphs.unicode ? .unicode : .ascii, width: width).lines(trend) {
                lines.append(Line(text: line, style: .plain))
            }
        }
        blank()
        for entry in section.entries { add("- " + entry.text, hanging: 2) }
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
