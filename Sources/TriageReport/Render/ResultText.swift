import TriageKit

/// A result as plain text for a person to read, section by section as its `ResultOutline` has
/// them: what to do, why (the warning signs), then, where the level allows, the advice with its
/// reasons and sources, and when to look again. `evaluate` prints it and the plain mode ends with it; no colour, no escape codes,
/// each line read once by a screen reader.
public struct ResultText: Sendable {
    public var wording: Wording
    public var width: Int
    /// Each entry's explanation, source and reason; off for a short list of titles.
    public var detailed: Bool

    public init(_ wording: Wording, width: Int = 80, detailed: Bool = true) {
        self.wording = wording
        self.width = width
        self.detailed = detailed
    }

    public func render(_ report: Report) -> String { String(decoding: utf8(report), as: UTF8.self) }

    /// The text of an outline: with a check-in's changes and trend, as the plain mode ends.
    public func render(_ outline: ResultOutline) -> String { String(decoding: utf8(outline), as: UTF8.self) }

    /// The UTF-8 of `render`, for writing out without making (and checking) a String first.
    public func utf8(_ report: Report) -> [UInt8] { utf8(ResultOutline(report, wording)) }

    public func utf8(_ outline: ResultOutline) -> [UInt8] {
        let w = wording, report = outline.report, q = report.questionnaire, L = w.language
        var out = TextLines(capacity: 8192)
        func wrap(_ text: String, _ first: String = "", _ rest: String? = nil) {
            out.wrap(text, width: width, first: first, rest: rest)
        }
        func blank() { if !out.endsWithEmptyLine { out.append("") } }
        wrap("\(q.title[L]): \(w.t("result.title")) (\(w.t("result.answered_on", w.date(report.answeredOn))))")
        out.append("")
        for section in outline.sections {
            switch section.kind {
            case .action:
                let lines = section.entries
                wrap("\(section.heading ?? ""): \(lines.first?.text ?? "")", "  ")
                for remark in lines.dropFirst() { wrap(remark.text, "  ") }
                continue
            case .crisis:
                for entry in section.entries { wrap(entry.text, "  ! ", "    ") }
                continue
            case .stillOpen:
                blank()
                for entry in section.entries { wrap(entry.text) }
                continue
            default:
                break
            }
            blank()
            if let heading = section.heading { wrap(heading + ":") }
            if section.entries.isEmpty, let none = section.none { section.heading == nil ? wrap(none) : out.append("  " + none) }
            for group in section.groups {
                if let heading = group.heading { wrap(heading + ":", "  ") }
                for entry in group.entries {
                    switch entry.subject {
                    case .entry(let e): self.entry(e, into: &out)
                    case .sign: wrap(entry.text, "  ! ", "    ")
                    // When to look again is a sentence; everything else is an item of a list.
                    case .nextCheck: wrap(entry.text, "  ", "  ")
                    case .words where section.kind == .safetyNet: wrap(entry.text, "  ", "  ")
                    case .words, .fact, .watchedItem, .trendPoint: wrap(entry.text, "  - ", "    ")
                    }
                }
            }
        }
        blank()
        if w.explain && !report.ignored.isEmpty {
            wrap(w.t("result.ignored", report.ignored.map(\.id.rawValue).joined(separator: ", ")))
            out.append("")
        }
        wrap(w.t("result.disclaimer"))
        return out.bytes
    }

    private func entry(_ e: Report.Entry, into out: inout TextLines) {
        let w = wording, L = w.language
        let mark = e.highlighted ? " (" + w.t("result.important") + ")" : ""
        out.wrap(e.entry.title[L] + mark, width: width, first: "  * ", rest: "    ")
        guard detailed else { return }
        out.wrap(recurring: e.entry.explanation[L], width: width, first: "    ", rest: "    ", cache: .shared)
        if let source = e.entry.source {
            out.wrap(recurring: w.t("result.source") + ": " + w.citation(source), width: width, first: "    ", rest: "      ", cache: .shared)
        }
        let why = w.why(e)
        if !why.isEmpty { out.wrap(w.t("result.why") + ": " + why, width: width, first: "    ", rest: "      ") }
    }
}
