import TriageKit

/// A result as plain text for a person to read, in reading order: what to do, why (the warning
/// signs), then, where the level allows, the advice with its reasons and sources, and when to
/// look again. `evaluate` prints it and the plain mode ends with it; no colour, no escape codes,
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

    /// The UTF-8 of `render`, for writing out without making (and checking) a String first.
    public func utf8(_ report: Report) -> [UInt8] {
        let w = wording, q = report.questionnaire, L = w.language, level = report.level
        var out = TextLines(capacity: 8192)
        func wrap(_ text: String, _ first: String = "", _ rest: String? = nil) {
            out.wrap(text, width: width, first: first, rest: rest)
        }
        wrap("\(q.title[L]): \(w.t("result.title")) (\(w.t("result.answered_on", w.date(report.answeredOn))))")
        out.append("")
        wrap(w.levelAndAction(report), "  ")
        if let remark = level.finalRemark { wrap(remark[L], "  ") }
        // Crisis help right under the action, never below the advice.
        for banner in report.banners { wrap(banner.entry.title[L] + ": " + banner.entry.explanation[L], "  ! ", "    ") }
        out.append("")

        let advice = level.result.suggestions || level.result.cautions
        if report.signs.isEmpty {
            wrap(w.t("result.no_signs"))
        } else {
            wrap(w.t("result.because_signs"))
            for sign in report.signs { wrap(w.sign(sign), "  ! ", "    ") }
        }
        if advice, !report.profile.isEmpty {
            wrap(w.t("result.profile") + ": " + report.profile.map { w.fact($0) }.joined(separator: "; "))
        }
        if !report.missing.isEmpty && !report.isFinal { wrap(w.stillOpen(report.missing.count)) }
        out.append("")

        if level.result.suggestions {
            out.append(w.t("result.suggestions") + ":")
            if report.suggestions.isEmpty { out.append("  " + w.t("result.none")) }
            for group in report.suggestions {
                if report.suggestions.count > 1 { wrap(w.group(group.group), "  ") }
                for entry in group.entries { self.entry(entry, into: &out) }
            }
            out.append("")
        }
        if level.result.cautions {
            out.append(w.t("result.cautions") + ":")
            if report.cautions.isEmpty { out.append("  " + w.t("result.none")) }
            for entry in report.cautions { self.entry(entry, into: &out) }
            out.append("")
        }
        if !report.notes.isEmpty {
            out.append(w.t("result.notes") + ":")
            for entry in report.notes { self.entry(entry, into: &out) }
            out.append("")
        }
        if level.result.nextCheck {
            if let next = report.nextCheck {
                wrap(w.nextCheck(next) + " " + w.t("result.sooner"))
            } else if let past = report.pastLastCheck {
                // Past every threshold there is no "sooner" to speak of: the watch list says
                // which signs need a doctor.
                wrap(past[L])
            }
        }
        for group in report.watchList {
            wrap(w.watchHeading(group, in: report) + ":")
            for item in group.items { wrap(w.label(item), "  - ", "    ") }
        }
        if w.explain && !report.ignored.isEmpty {
            wrap(w.t("result.ignored", report.ignored.map(\.id.rawValue).joined(separator: ", ")))
        }
        if !out.endsWithEmptyLine { out.append("") }
        wrap(w.t("result.disclaimer"))
        return out.bytes
    }

    private func entry(_ e: Report.Entry, into out: inout TextLines) {
        let w = wording, L = w.language
        let mark = e.highlighted ? " (" + w.t("result.important") + ")" : ""
        out.wrap(e.entry.title[L] + mark, width: width, first: "  * ", rest: "    ")
        guard detailed else { return }
        out.wrap(e.entry.explanation[L], width: width, first: "    ", rest: "    ")
        if let source = e.entry.source {
            out.wrap(w.t("result.source") + ": " + w.citation(source), width: width, first: "    ", rest: "      ")
        }
        let why = w.why(e)
        if !why.isEmpty { out.wrap(w.t("result.why") + ": " + why, width: width, first: "    ", rest: "      ") }
    }
}
