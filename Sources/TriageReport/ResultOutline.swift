import TriageKit

/// The shape of one result, decided once: which sections it has, in which order, each with its
/// heading and its entries in words, as the level's result shape allows. Every output walks it
/// (the result text, the summary sheet in each format, the full-screen results screen and the
/// plain mode), so a section exists in all of them or in none; a renderer only lays it out.
///
/// Built from a `Report` and, for a check-in, what changed since the last one and the pain over
/// the weeks.
public struct ResultOutline: Sendable {
    /// What a section is about; its words are in the section.
    public enum Kind: String, Sendable, CaseIterable {
        /// The level's word, the result's action and a remark ("cannot be lowered").
        case action
        /// Crisis help, right under the action.
        case crisis
        /// What changed since the last check-in.
        case changes
        /// The warning signs answered yes, or that there is none.
        case signs
        /// The answers that describe the pain, where the level shows advice.
        case profile
        /// That questions are still open and the result may change.
        case stillOpen
        /// The pain over the weeks of an episode with more than one check-in.
        case trend
        case suggestions
        case cautions
        case notes
        /// Questions to take to the doctor.
        case doctorQuestions
        /// When to look again and the signs to watch for, grouped by what they call for.
        case safetyNet
    }

    /// What an entry stands for, for the outputs that show more than its words (an entry's
    /// explanation and reasons, a detail page).
    public enum Subject: Sendable {
        case words
        case sign(Report.Sign)
        case entry(Report.Entry)
        case fact(Report.Fact)
        case watchedItem(Item)
        case nextCheck(Report.NextCheck)
        case trendPoint(Trend.Point)
    }

    /// One entry in words: every output shows `text`.
    public struct Entry: Sendable {
        public var text: String
        public var subject: Subject
    }

    /// Entries under an optional heading of their own (a suggestion group, a watch group).
    public struct Group: Sendable {
        public var heading: String?
        public var entries: [Entry]
    }

    public struct Section: Sendable {
        public var kind: Kind
        /// Nil for a section that needs none (the crisis help, the open questions).
        public var heading: String?
        public var groups: [Group]
        /// What is said when the section has no entry ("(none)"); the section is shown anyway,
        /// because the level's result shape has it.
        public var none: String?
        public var entries: [Entry] { groups.flatMap(\.entries) }
    }

    public let report: Report
    /// The language and words the outline is in.
    public let wording: Wording
    public let sections: [Section]
    /// The episode's chart, when the outline has a `.trend` section.
    public let trend: Trend?
    /// What changed since the last check-in, when the outline has a `.changes` section.
    public let changes: CheckInChanges?

    public func section(_ kind: Kind) -> Section? { sections.first { $0.kind == kind } }

    /// The outline of `report` in `wording`'s language. `changes` is given for a check-in;
    /// `trend` for an episode, charted once it has more than one check-in.
    public init(_ report: Report, _ w: Wording, changes: CheckInChanges? = nil, trend: Trend? = nil) {
        self.report = report
        self.wording = w
        self.changes = changes
        let L = w.language, level = report.level, shape = level.result
        func one(_ kind: Kind, _ heading: String?, _ entries: [Entry], none: String? = nil) -> Section {
            Section(kind: kind, heading: heading, groups: [Group(heading: nil, entries: entries)], none: none)
        }
        var s: [Section] = []

        s.append(one(.action, w.title(level), [Entry(text: w.action(report.action), subject: .words)]
                     + (level.finalRemark.map { [Entry(text: $0[L], subject: .words)] } ?? [])))
        if !report.banners.isEmpty {
            s.append(one(.crisis, nil, report.banners.map { Entry(text: $0.entry.title[L] + ": " + $0.entry.explanation[L], subject: .entry($0)) }))
        }
        if let changes {
            // A heading, not a line leading into a list: without the colon the sentence has.
            let heading = changes.heading(w)
            s.append(one(.changes, heading.hasSuffix(":") ? String(heading.dropLast()) : heading,
                         changes.lines(w).map { Entry(text: $0, subject: .words) }))
        }
        // "No warning sign answered yes." says it all; a heading above it would only repeat it.
        s.append(one(.signs, report.signs.isEmpty ? nil : w.t("result.signs"), report.signs.map { Entry(text: w.sign($0), subject: .sign($0)) },
                     none: w.t("result.no_signs")))
        if (shape.suggestions || shape.cautions) && !report.profile.isEmpty {
            s.append(one(.profile, w.t("result.profile"), report.profile.map { Entry(text: w.fact($0), subject: .fact($0)) }))
        }
        if !report.missing.isEmpty && !report.isFinal {
            s.append(one(.stillOpen, nil, [Entry(text: w.stillOpen(report.missing.count), subject: .words)]))
        }
        let charted = trend.flatMap { $0.points.count > 1 ? $0 : nil }
        self.trend = charted
        if let charted {
            s.append(one(.trend, StringCatalog.history.text("sheet.trend", L), charted.points.map { p in
                let value = p.value.map { L.number($0) + "/" + L.number(charted.maximum) } ?? w.t("value.unanswered")
                return Entry(text: "\(w.date(p.day)): \(w.weeks(p.weeks)) · \(charted.label[L]) \(value) · \(w.title(p.level))",
                             subject: .trendPoint(p))
            }))
        }
        func entries(_ list: [Report.Entry]) -> [Entry] {
            list.map { e in Entry(text: e.entry.title[L], subject: .entry(e)) }
        }
        if shape.suggestions {
            // A group is named when there is more than one, so one kind of advice is one list.
            let named = report.suggestions.count > 1
            s.append(Section(kind: .suggestions, heading: w.t("result.suggestions"),
                             groups: report.suggestions.map { Group(heading: named ? w.group($0.group) : nil, entries: entries($0.entries)) },
                             none: w.t("result.none")))
        }
        if shape.cautions {
            s.append(one(.cautions, w.t("result.cautions"), entries(report.cautions), none: w.t("result.none")))
        }
        if !report.notes.isEmpty {
            s.append(one(.notes, w.t("result.notes"), entries(report.notes)))
        }
        if !report.doctorQuestions.isEmpty {
            s.append(one(.doctorQuestions, w.t("sheet.questions"), report.doctorQuestions.map { Entry(text: $0[L], subject: .words) }))
        }
        var net: [Group] = []
        if shape.nextCheck {
            if let next = report.nextCheck {
                net.append(Group(heading: nil, entries: [Entry(text: w.nextCheck(next) + " " + w.t("result.sooner"), subject: .nextCheck(next))]))
            } else if let past = report.pastLastCheck {
                // Past every threshold there is no "sooner" to speak of: the watch list says
                // which signs need a doctor.
                net.append(Group(heading: nil, entries: [Entry(text: past[L], subject: .words)]))
            }
        }
        let saysWhen = !net.isEmpty
        for group in report.watchList {
            net.append(Group(heading: w.watchHeading(group, in: report), entries: group.items.map { Entry(text: w.label($0), subject: .watchedItem($0)) }))
        }
        if !net.isEmpty {
            s.append(Section(kind: .safetyNet, heading: w.t(saysWhen ? "result.safety_net" : "result.watch"), groups: net, none: nil))
        }
        sections = s
    }

    /// Whether the result says when to look again (a next check, or that every threshold has
    /// passed), or only what to watch for.
    public var saysWhenToLookAgain: Bool {
        section(.safetyNet)?.groups.first.map { $0.heading == nil } ?? false
    }
}
