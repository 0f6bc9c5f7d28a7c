import Foundation

/// The sheet as Markdown, for a patient portal, an e-mail or a notes app.
public struct SheetMarkdown: Sendable {
    public init() {}

    public func render(_ sheet: SummarySheet) -> String {
        var out: [String] = ["# \(escape(sheet.heading))", "", "*\(escape(sheet.identification))*", ""]
        out += ["> **\(escape(sheet.levelTitle))**", ">", "> \(escape(sheet.levelAction))", ""]

        out += ["## \(sheet.phrase("sheet.red_flags"))", ""]
        if sheet.redFlags.isEmpty { out.append(escape(sheet.phrase("sheet.no_red_flags"))) }
        for rf in sheet.redFlags { out.append("- **\(escape(rf.sign))**: \(escape(sheet.phrase("sheet.red_flag_cause", rf.cause)))") }
        out.append("")

        if !sheet.profile.isEmpty {
            out += ["## \(sheet.phrase("sheet.profile"))", ""]
            out += sheet.profile.map { "- \(escape($0.label)): **\(escape($0.value))**" }
            out.append("")
        }

        for (key, entries) in [("sheet.suggestions", sheet.suggestions), ("sheet.cautions", sheet.cautions), ("sheet.notes", sheet.notes)]
        where key != "sheet.notes" || !entries.isEmpty {
            out += ["## \(sheet.phrase(key))", ""]
            if entries.isEmpty { out.append(escape(sheet.phrase("sheet.none"))) }
            for e in entries {
                let mark = e.highlighted ? " (\(sheet.phrase("sheet.important")))" : ""
                out.append("- **\(escape(e.title))**\(escape(mark)): \(escape(e.summary))")
                if let citation = e.citation { out.append("  *\(sheet.phrase("sheet.source")): \(escape(citation))*") }
            }
            out.append("")
        }

        if !sheet.doctorQuestions.isEmpty {
            out += ["## \(sheet.phrase("sheet.questions"))", ""]
            out += sheet.doctorQuestions.map { "- [ ] \(escape($0))" }
            out.append("")
        }

        out += ["## \(sheet.phrase("sheet.safety_net"))", ""]
        if let next = sheet.nextCheck { out += [escape(next), ""] }
        if !sheet.warningSigns.isEmpty {
            out += [escape(sheet.phrase("sheet.watch_for")), ""]
            out += sheet.warningSigns.map { "- \(escape($0))" }
            out.append("")
        }

        out += ["## \(sheet.phrase("sheet.appendix"))", ""]
        for group in sheet.answers {
            out += ["### \(escape(group.title))", "", "| | |", "|---|---|"]
            out += group.answers.map { "| \(cell($0.label)) | \(cell($0.value)) |" }
            out.append("")
        }

        out += ["## \(sheet.phrase("sheet.about"))", ""]
        out.append("- \(sheet.phrase("sheet.answered_on")): \(sheet.date)")
        out.append("- \(sheet.phrase("sheet.questionnaire")): \(escape(sheet.questionnaireTitle)) (\(sheet.questionnaireID), \(sheet.phrase("sheet.version", sheet.version)))")
        out += ["", "**\(escape(sheet.phrase("sheet.disclaimer")))**", ""]

        out += ["## \(sheet.phrase("sheet.sources"))", ""]
        for s in sheet.sources {
            let title = s.url.map { "[\(escape(s.title))](\($0))" } ?? escape(s.title)
            out.append("- \(title)" + (s.publisher.map { ", \(escape($0))" } ?? "") + " (`\(s.file)`)")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Escapes the characters that would otherwise start Markdown syntax inside running text.
    private func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    private func cell(_ s: String) -> String { escape(s).replacingOccurrences(of: "\n", with: " ") }
}
