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
        /// What to do: the level's word, its action, and a remark such as "cannot be lowered";
        /// `tone` is the colour the level adds to its word.
        case level(tone: LevelTone, title: String, action: String, remark: String?)
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
    /// The sheet of `report`; with `trend` (an episode of more than one check-in) it shows the
    /// pain over the weeks.
    public init(_ report: Report, _ w: Wording, trend: Trend? = nil) {
        self.init(ResultOutline(report, w, trend: trend), w)
    }

    /// The sheet of a result's outline: its sections in its order, then the appendix.
    public init(_ outline: ResultOutline, _ w: Wording) {
        let report = outline.report, q = report.questionnaire, L = w.language
        language = L
        title = "\(q.title[L]): \(w.t("sheet.title"))"
        date = w.date(report.answeredOn)
        // The header is for the person and the doctor: the questionnaire's title and the day. Its
        // id and version, for tracing, stand in the appendix ("About this sheet").
        identification = "\(q.title[L]) · \(date)"
        var b: [Block] = []

        func lines(_ entries: [ResultOutline.Entry], summary: Bool) -> [Line] {
            entries.map { entry in
                guard case .entry(let e) = entry.subject else { return Line(title: entry.text) }
                return Line(title: e.entry.title[L], text: summary ? Wording.firstSentence(e.entry.explanation[L]) : nil,
                            note: e.entry.source.map(w.citation), shortNote: e.entry.source.map(w.shortCitation), important: e.highlighted)
            }
        }
        for section in outline.sections {
            let entries = section.entries
            switch section.kind {
            case .action:
                b.append(.level(tone: LevelTone(report.level, of: q.triageLevels), title: section.heading ?? "",
                                action: entries.first?.text ?? "", remark: entries.dropFirst().first?.text))
                continue
            case .crisis:
                // Crisis help right under the action, on the first page, never below the advice.
                b.append(.lines(entries.map { entry in
                    guard case .entry(let e) = entry.subject else { return Line(title: entry.text, important: true) }
                    return Line(title: e.entry.title[L], text: e.entry.explanation[L], important: true)
                }))
                continue
            case .stillOpen:
                entries.forEach { b.append(.paragraph($0.text)) }
                continue
            default:
                break
            }
            if let heading = section.heading { b.append(.heading(heading)) }
            if entries.isEmpty, let none = section.none {
                b.append(.paragraph(none))
                continue
            }
            switch section.kind {
            case .signs:
                b.append(.lines(entries.map { entry in
                    guard case .sign(let sign) = entry.subject else { return Line(title: entry.text) }
                    return Line(title: w.label(sign.item), text: w.t("result.can_point_to", sign.cause.text[L]))
                }))
            case .profile:
                b.append(.facts(entries.map { entry in
                    guard let colon = entry.text.firstRange(of: ": ") else { return Line(title: entry.text) }
                    return Line(title: String(entry.text[..<colon.lowerBound]), text: String(entry.text[colon.upperBound...]))
                }))
            case .trend:
                if let trend = outline.trend {
                    b.append(.trend(chart: HistoryChart(w, style: .ascii, width: SheetText.width).lines(trend),
                                    svg: HistoryChartSVG(w).render(trend),
                                    rows: entries.map { entry in
                                        guard let colon = entry.text.firstRange(of: ": ") else { return Line(title: entry.text) }
                                        return Line(title: String(entry.text[..<colon.lowerBound]), text: String(entry.text[colon.upperBound...]))
                                    }))
                }
            case .suggestions, .notes:
                b.append(.lines(lines(entries, summary: true)))
            case .cautions:
                // Under "advises against" a title says enough; the page has no room for more.
                b.append(.lines(lines(entries, summary: false)))
            case .doctorQuestions:
                b.append(.questions(entries.map(\.text)))
            case .changes:
                b.append(.lines(entries.map { Line(title: $0.text) }))
            case .safetyNet:
                for group in section.groups where group.heading == nil { group.entries.forEach { b.append(.paragraph($0.text)) } }
                let watch = section.groups.compactMap { group in
                    group.heading.map { Line(title: $0, text: group.entries.map(\.text).joined(separator: "; ") + ".") }
                }
                if !watch.isEmpty { b.append(.watch(watch)) }
            case .action, .crisis, .stillOpen:
                break
            }
        }
        b.append(.paragraph(w.t("sheet.disclaimer")))

        b.append(.appendixStart(w.t("sheet.appendix")))
        for section in report.answerSections {
            b.append(.table(caption: section.title[L], rows: section.answers.map { Line(title: w.label($0.item), text: w.value($0.value, of: $0.item)) }))
        }
        b.append(.heading(w.t("sheet.about")))
        b.append(.paragraph("\(w.t("sheet.answered_on")): \(date)"))
        b.append(.paragraph("\(w.t("sheet.questionnaire")): \(q.title[L]), \(w.t("sheet.version", q.version))"))
        b.append(.paragraph(w.t("sheet.disclaimer")))
        b.append(.heading(w.t("sheet.sources")))
        b.append(.sources(report.sources.map { doc in
            Line(title: doc.title[L], text: [doc.publisher, doc.url?[L]].compactMap { $0 }.joined(separator: ". "))
        }))
        blocks = b
    }
}
