import TriageKit

/// The browsable list on the results screen: warning signs answered yes, suggestions by group,
/// cautions, notes, and the safety net. Each row opens a detail page. Shared by `update` (how far the selection may move) and `render`.
struct ResultList {
    enum Row: Equatable {
        case heading(String)
        case redFlag(Assessment.RedFlag)
        case entry(Assessment.Conclusion, CatalogEntry.Kind)
        /// When to check again and which signs mean seeing a doctor at once.
        case safetyNet
    }

    let rows: [Row]

    /// Indexes into `rows` of the rows the selection can rest on.
    var selectable: [Int] { rows.indices.filter { if case .heading = rows[$0] { return false } else { return true } } }

    /// Suggestion groups in the order a person acts on them; unknown groups follow.
    static let groupOrder = ["self_help", "therapy", "medication", "doctor"]

    init(_ a: Assessment, questionnaire q: Questionnaire, language: String) {
        var rows: [Row] = []
        if !a.redFlags.isEmpty {
            rows.append(.heading(Strings.text("result.red_flags", language)))
            rows += a.redFlags.map { .redFlag($0) }
        }
        let suggestionGroups = Dictionary(grouping: a.suggestions) { q.entry($0.id, .suggestion)?.group ?? "" }
        let groups = Self.groupOrder.filter { suggestionGroups[$0] != nil }
            + suggestionGroups.keys.filter { !Self.groupOrder.contains($0) }.sorted()
        for group in groups {
            let heading = group.isEmpty ? Strings.text("result.suggestions", language) : Strings.text("group.\(group)", language)
            rows.append(.heading(heading))
            rows += suggestionGroups[group]!.map { .entry($0, .suggestion) }
        }
        if !a.cautions.isEmpty {
            rows.append(.heading(Strings.text("result.cautions", language)))
            rows += a.cautions.map { .entry($0, .caution) }
        }
        if !a.notes.isEmpty {
            rows.append(.heading(Strings.text("result.notes", language)))
            rows += a.notes.map { .entry($0, .note) }
        }
        rows.append(.heading(Strings.text("tui.results.safety_heading", language)))
        rows.append(.safetyNet)
        self.rows = rows
    }

    /// What the detail page of a row shows; nil for a heading.
    func subject(ofRow index: Int) -> DetailSubject? {
        guard rows.indices.contains(index) else { return nil }
        switch rows[index] {
        case .heading: return nil
        case .redFlag(let rf): return .redFlag(item: rf.item, rule: rf.rule)
        case .entry(let c, let kind): return .entry(id: c.id, kind: kind)
        case .safetyNet: return .safetyNet
        }
    }

    /// The detail page of the `selection`-th selectable row.
    func subject(atSelection selection: Int) -> DetailSubject? {
        selectable.indices.contains(selection) ? subject(ofRow: selectable[selection]) : nil
    }
}
