import TriageKit

/// The summary sheet a person takes to the doctor, as a sequence of blocks in one language:
/// built once from a report, so the text, Markdown and HTML sheets only lay the same blocks out.
/// Its order: what to do, the warning signs, the pain, what the guidance suggests and advises
/// against (where the level allows advice), questions for the doctor, when to look again, then
/// every answer as an appendix and the sources.
public struct SheetDocument: Sendable {
    /// One line of a list: a title, a sentence, and where it comes from.
    public struct Line: Sendable, Hashable {
        public var title: String
        public var text: String?
        public var note: String?
        /// The note for a page with little room: a short citation.
        public var shortNote: String?
        public var important: Bool = false
    }

    public enum Block: Sendable, Hashable {
        /// What to do: the level's word, its action, and a remark such as "cannot be lowered".
        case level(id: String, title: String, action: String, remark: String?)
        case heading(String)
        case paragraph(String)
        case lines([Line])
        /// Questions to tick off at the appointment.
        case questions([String])
        /// Label and value pairs (the pain profile).
        case facts([Line])
        /// Signs to watch for: each line says what to do (`title`) if any of its signs appears.
        case watch([Line])
        /// The appendix starts a new page in print.
        case appendixStart(String)
        case table(caption: String, rows: [Line])
        case sources([Line])
        /// The episode so far: the chart as text (ASCII, for any printer) and as SVG, and one
        /// row a check-in (the day; the week, the measure and the level).
        case trend(chart: [String], svg: String, rows: [Line])
    }

    public let language: Language
    /// "Back pain: Summary for your doctor".
    public let title: String
    /// The questionnaire, its version and the day: printed on every page.
    public let identification: String
    public let date: String
    public let blocks: [Block]
    /// The level's id, for styling (colour only adds to the words).
    public let levelID: String

    /// The sheet of `report`; with `trend` (an episode of more than one check-in) it shows the
    /// pain over the weeks after the pain profile.
    public init(_ report: Report, _ w: Wording, trend: Trend? = nil) {
        let q = report.questionnaire, L = w.language, level = report.level
        language = L
        title = "\(q.title[L]): \(w.t("sheet.title"))"
        date = w.date(report.answeredOn)
        identification = "\(q.title[L]) (\(q.id), \(w.t("sheet.version", q.version))) · \(date)"
        levelID = level.id
        var b: [Block] = [.level(id: level.id, title: w.title(level), action: w.action(report.action), remark: level.finalRemark?[L])]
        // Crisis help right under the action, on the first page, never below the advice.
        if !report.banners.isEmpty {
            b.append(.lines(report.banners.map { Line(title: $0.entry.title[L], text: $0.entry.explanation[L], important: true) }))
        }

        if report.signs.isEmpty {
            b.append(.paragraph(w.t("result.no_signs")))
        } else {
            b.append(.heading(w.t("result.signs")))
            b.append(.lines(report.signs.map { Line(title: w.label($0.item), text: w.t("result.can_point_to", $0.cause.text[L])) }))
        }
        if !report.profile.isEmpty {
            b.append(.heading(w.t("result.profile")))
            b.append(.facts(report.profile.map { fact in
                let words = w.fact(fact)
                guard let colon = words.firstRange(of: ": ") else { return Line(title: words) }
                return Line(title: String(words[..<colon.lowerBound]), text: String(words[colon.upperBound...]))
            }))
        }
        if let trend {
            b.append(.heading(StringCatalog.history.text("sheet.trend", L)))
            b.append(.trend(chart: HistoryChart(w, style: .ascii, width: SheetText.width).lines(trend),
                            svg: HistoryChartSVG(w).render(trend),
                            rows: trend.points.map { p in
                                let value = p.value.map { L.number($0) + "/" + L.number(trend.maximum) } ?? w.t("value.unanswered")
                                return Line(title: w.date(p.day), text: "\(w.weeks(p.weeks)) · \(trend.label[L]) \(value) · \(w.title(p.level))")
                            }))
        }
        func lines(_ entries: [Report.Entry], summary: Bool) -> [Line] {
            entries.map { e in
                Line(title: e.entry.title[L], text: summary ? Wording.firstSentence(e.entry.explanation[L]) : nil,
                     note: e.entry.source.map(w.citation), shortNote: e.entry.source.map(w.shortCitation), important: e.highlighted)
            }
        }
        if level.result.suggestions {
            b.append(.heading(w.t("result.suggestions")))
            b.append(report.suggestions.isEmpty ? .paragraph(w.t("result.none")) : .lines(lines(report.allSuggestions, summary: true)))
        }
        if level.result.cautions {
            b.append(.heading(w.t("result.cautions")))
            // Under "advises against" a title says enough; the page has no room for more.
            b.append(report.cautions.isEmpty ? .paragraph(w.t("result.none")) : .lines(lines(report.cautions, summary: false)))
        }
        if !report.notes.isEmpty {
            b.append(.heading(w.t("result.notes")))
            b.append(.lines(lines(report.notes, summary: true)))
        }
        if !report.doctorQuestions.isEmpty {
            b.append(.heading(w.t("sheet.questions")))
            b.append(.questions(report.doctorQuestions.map { $0[L] }))
        }
        if level.result.nextCheck || !report.watchList.isEmpty {
            b.append(.heading(w.t(level.result.nextCheck ? "result.safety_net" : "result.watch")))
            if level.result.nextCheck {
                if let next = report.nextCheck { b.append(.paragraph(w.nextCheck(next) + " " + w.t("result.sooner"))) }
                else if let past = report.pastLastCheck { b.append(.paragraph(past[L])) }
            }
            if !report.watchList.isEmpty {
                b.append(.watch(report.watchList.map { group in
                    Line(title: w.watchHeading(group, in: report), text: group.items.map(w.label).joined(separator: "; ") + ".")
                }))
            }
        }
        b.append(.paragraph(w.t("sheet.disclaimer")))

        b.append(.appendixStart(w.t("sheet.appendix")))
        for section in report.answerSections {
            b.append(.table(caption: section.title[L], rows: section.answers.map { Line(title: w.label($0.item), text: w.value($0.value, of: $0.item)) }))
        }
        b.append(.heading(w.t("sheet.about")))
        b.append(.paragraph("\(w.t("sheet.answered_on")): \(date)"))
        b.append(.paragraph("\(w.t("sheet.questionnaire")): \(q.title[L]) (\(q.id), \(w.t("sheet.version", q.version)))"))
        b.append(.paragraph(w.t("sheet.disclaimer")))
        b.append(.heading(w.t("sheet.sources")))
        b.append(.sources(report.sources.map { doc in
            Line(title: doc.title[L], text: [doc.publisher, doc.url?[L]].compactMap { $0 }.joined(separator: ". "))
        }))
        blocks = b
    }
}
