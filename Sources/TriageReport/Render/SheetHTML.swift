import TriageKit

/// The sheet as one self-contained HTML file: no scripts, fonts or images from elsewhere, a
/// layout that reads on a phone, and a print stylesheet that puts the main part on one A4 page
/// and the answers on the next.
public struct SheetHTML: Sendable {
    public init() {}

    public func render(_ sheet: SheetDocument) -> String {
        var b: [String] = ["<!DOCTYPE html>", "<html lang=\"\(attr(sheet.language.rawValue))\">", "<head>", "<meta charset=\"utf-8\">",
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                           "<title>\(text(sheet.title)) · \(text(sheet.date))</title>", "<style>\n\(Self.stylesheet)</style>",
                           "</head>", "<body>", "<main>",
                           "<header><h1>\(text(sheet.title))</h1><p class=\"meta\">\(text(sheet.identification))</p></header>"]
        var open: String?
        func section(_ classes: String = "") {
            if let open { b.append(open) }
            b.append(classes.isEmpty ? "<section>" : "<section class=\"\(classes)\">")
            open = "</section>"
        }
        for block in sheet.blocks {
            switch block {
            case .level(let tone, let title, let action, let remark):
                let what = StringCatalog.report.text("sheet.what_to_do", sheet.language)
                b.append("<section class=\"level tone-\(tone.rawValue)\" aria-label=\"\(attr(what))\">")
                b.append("<p class=\"level-title\">\(text(title))</p><p class=\"level-action\">\(text(action))</p>"
                         + (remark.map { "<p class=\"level-remark\">\(text($0))</p>" } ?? "") + "</section>")
            case .heading(let title):
                section()
                b.append("<h2>\(text(title))</h2>")
            case .paragraph(let s):
                b.append("<p>\(text(s))</p>")
            case .lines(let lines):
                b.append("<ul class=\"entries\">")
                for line in lines {
                    let mark = line.important ? " <em class=\"important\">(" + text(StringCatalog.report.text("result.important", sheet.language)) + ")</em>" : ""
                    var li = "<li><strong>\(text(line.title))</strong>\(mark)" + (line.text.map { ": " + text($0) } ?? "")
                    if let note = line.note { li += " <span class=\"cite\">\(text(note))</span>" }
                    b.append(li + "</li>")
                }
                b.append("</ul>")
            case .questions(let questions):
                b.append("<ul class=\"questions\">" + questions.map { "<li>\(text($0))</li>" }.joined() + "</ul>")
            case .watch(let groups):
                b.append("<ul class=\"watch\">" + groups.map { "<li><strong>\(text($0.title)):</strong> \(text($0.text ?? ""))</li>" }.joined() + "</ul>")
            case .facts(let facts):
                b.append("<dl class=\"profile\">" + facts.map { "<dt>\(text($0.title))</dt><dd>\(text($0.text ?? ""))</dd>" }.joined() + "</dl>")
            case .appendixStart(let title):
                section("appendix")
                b.append("<h2>\(text(title))</h2>")
            case .table(let caption, let rows):
                b.append("<table><caption>\(text(caption))</caption><tbody>")
                for row in rows { b.append("<tr><th scope=\"row\">\(text(row.title))</th><td>\(text(row.text ?? ""))</td></tr>") }
                b.append("</tbody></table>")
            case .trend(_, let svg, let rows):
                b.append("<figure class=\"trend\">" + svg + "</figure>")
                b.append("<ul class=\"trend-rows\">" + rows.map { "<li><strong>\(text($0.title))</strong>: \(text($0.text ?? ""))</li>" }.joined() + "</ul>")
            case .sources(let sources):
                b.append("<ul class=\"sources\">")
                for s in sources {
                    // The address is printed as text, not a link: the file loads nothing and a printout shows it.
                    let parts = [text(s.title)] + (s.text.map { $0.isEmpty ? [] : [text($0)] } ?? [])
                    b.append("<li>\(parts.joined(separator: ". "))" + (s.note.map { " <span class=\"file\">[\(text($0))]</span>" } ?? "") + "</li>")
                }
                b.append("</ul>")
            }
        }
        if let open { b.append(open) }
        b += ["<footer>\(text(StringCatalog.report.text("sheet.generated_by", sheet.language)))</footer>", "</main>", "</body>", "</html>"]
        return b.joined(separator: "\n") + "\n"
    }

    private func text(_ s: String) -> String { Markup.escape(s, quotes: false) }

    private func attr(_ s: String) -> String { Markup.escape(s) }

    /// Colour only adds to the level's word; the word in capitals is the signal (screens.md).
    /// The level box's colours come from its tone (its rank), so every questionnaire has them.
    static let stylesheet = baseStylesheet
        + LevelTone.allCases.map { ".tone-\($0.rawValue) { border-color: \($0.ink); background: \($0.paper); }\n" }.joined()

    private static let baseStylesheet = """
    :root { --ink: #1a1a1a; --muted: #555; --line: #bbb; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.45 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
    main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.35rem; margin: 0 0 .1rem; }
    h2 { font-size: 1.05rem; margin: 1rem 0 .3rem; border-bottom: 1px solid var(--line); }
    p, ul, dl { margin: .25rem 0; }
    ul { padding-left: 1.2rem; }
    li { margin: .15rem 0; }
    .meta, .cite, .file, footer { color: var(--muted); }
    .cite { font-size: .85em; display: block; }
    .level { border: 4px solid var(--ink); border-left-width: 14px; padding: .5rem .8rem; margin: .8rem 0; }
    .level-title { font-size: 1.6rem; font-weight: 800; letter-spacing: .04em; margin: 0; }
    .level-action { font-size: 1.1rem; font-weight: 600; margin: .1rem 0 0; }
    .level-remark { margin: .2rem 0 0; }
    .flags li { font-weight: 600; }
    .important { font-style: normal; font-weight: 700; }
    .profile { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
    .profile dt { color: var(--muted); }
    .profile dd { margin: 0; font-weight: 600; }
    .questions { list-style: none; padding-left: 0; }
    .questions li::before { content: "\\2610\\00a0"; }
    .disclaimer { font-weight: 600; margin-top: .8rem; }
    table { width: 100%; border-collapse: collapse; margin: .4rem 0; }
    caption { text-align: left; font-weight: 700; padding: .2rem 0; }
    th, td { text-align: left; vertical-align: top; padding: .15rem .4rem; border-bottom: 1px solid #e2e2e2; }
    th { font-weight: normal; width: 65%; }
    footer { font-size: .8rem; margin-top: 1rem; }
    .trend { margin: .4rem 0; }
    .trend-chart { width: 100%; max-width: 40rem; height: auto; font-family: inherit; }
    .trend-rows { list-style: none; padding-left: 0; font-size: .9em; }
    @media (max-width: 30rem) {
      main { padding: .7rem; }
      .profile { grid-template-columns: 1fr; }
      .profile dd { margin-bottom: .3rem; }
      th { width: 55%; }
    }
    @page { size: A4; margin: 9mm 12mm; }
    @media print {
      body { font-size: 8.5pt; line-height: 1.22; }
      main { max-width: none; padding: 0; }
      h1 { font-size: 12pt; }
      h2 { font-size: 9.5pt; margin: 4pt 0 1pt; }
      p, ul, dl { margin: 1pt 0; }
      li { margin: 1pt 0; }
      .level { margin: 5pt 0; padding: 3pt 8pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .level-title { font-size: 14pt; }
      .level-action { font-size: 10pt; }
      .profile { grid-template-columns: max-content 1fr max-content 1fr; }
      .cite { font-size: 7.5pt; }
      li, tr, .safety, .trend { break-inside: avoid; }
      .trend-chart { max-width: 15cm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      h2 { break-after: avoid; }
      .appendix { break-before: page; }
      footer { display: none; }
    }

    """
}
