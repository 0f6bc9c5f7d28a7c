import TriageKit

/// The sheet as Markdown, for a patient portal, an e-mail or a notes app.
public struct SheetMarkdown: Sendable {
    public init() {}

    public func render(_ sheet: SheetDocument) -> String {
        var out: [String] = ["# \(escape(sheet.title))", "", "*\(escape(sheet.identification))*", ""]
        for block in sheet.blocks {
            switch block {
            case .level(_, let title, let action, let remark):
                out += ["> **\(escape(title))**", ">", "> \(escape(action))"]
                if let remark { out += [">", "> \(escape(remark))"] }
                out.append("")
            case .heading(let text):
                out += ["## \(escape(text))", ""]
            case .paragraph(let text):
                out += [escape(text), ""]
            case .lines(let lines):
                for line in lines {
                    let mark = line.important ? " (" + StringCatalog.report.text("result.important", sheet.language) + ")" : ""
                    out.append("- **\(escape(line.title))**\(escape(mark))" + (line.text.map { ": " + escape($0) } ?? ""))
                    if let note = line.note { out.append("  *\(escape(note))*") }
                }
                out.append("")
            case .questions(let questions):
                out += questions.map { "- [ ] \(escape($0))" } + [""]
            case .watch(let groups):
                for group in groups { out += ["**\(escape(group.title)):** \(escape(group.text ?? ""))", ""] }
            case .facts(let facts):
                out += facts.map { "- \(escape($0.title))" + ($0.text.map { ": **\(escape($0))**" } ?? "") } + [""]
            case .appendixStart(let title):
                out += ["## \(escape(title))", ""]
            case .table(let caption, let rows):
                out += ["### \(escape(caption))", "", "| | |", "|---|---|"]
                out += rows.map { "| \(cell($0.title)) | \(cell($0.text ?? "")) |" } + [""]
            case .trend(let chart, _, let rows):
                out += ["```text"] + chart + ["```", ""]
                out += rows.map { "- \(escape($0.title)): \(escape($0.text ?? ""))" } + [""]
            case .sources(let sources):
                for s in sources {
                    out.append("- \(escape(s.title))" + (s.text.map { $0.isEmpty ? "" : ", " + escape($0) } ?? "") + (s.note.map { " (`\($0)`)" } ?? ""))
                }
                out.append("")
            }
        }
        while out.last == "" { out.removeLast() }
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

    private func cell(_ s: String) -> String { escape(s).replacing("\n", with: " ") }
}
