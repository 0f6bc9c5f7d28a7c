import Foundation

/// The sheet as one self-contained HTML file: no scripts, fonts or images from elsewhere, a
/// layout that reads on a phone, and a print stylesheet that puts the main part on one A4 page
/// and the answers on the next.
public struct SheetHTML: Sendable {
    public init() {}

    public func render(_ sheet: SummarySheet) -> String {
        var b: [String] = []
        b.append("<!DOCTYPE html>")
        b.append("<html lang=\"\(attr(sheet.language))\">")
        b.append("<head>")
        b.append("<meta charset=\"utf-8\">")
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        b.append("<title>\(text(sheet.heading)) · \(text(sheet.date))</title>")
        b.append("<style>\n\(Self.stylesheet)</style>")
        b.append("</head>")
        b.append("<body>")
        b.append("<main>")
        b.append("<header><h1>\(text(sheet.heading))</h1><p class=\"meta\">\(text(sheet.identification))</p></header>")
        b.append("<section class=\"level level-\(attr(sheet.levelID))\" aria-label=\"\(attr(sheet.phrase("sheet.what_to_do")))\">")
        b.append("<p class=\"level-title\">\(text(sheet.levelTitle))</p><p class=\"level-action\">\(text(sheet.levelAction))</p></section>")

        b.append("<section><h2>\(text(sheet.phrase("sheet.red_flags")))</h2>")
        if sheet.redFlags.isEmpty {
            b.append("<p>\(text(sheet.phrase("sheet.no_red_flags")))</p>")
        } else {
            b.append("<ul class=\"flags\">")
            for rf in sheet.redFlags { b.append("<li><strong>\(text(rf.sign))</strong>: \(text(sheet.phrase("sheet.red_flag_cause", rf.cause)))</li>") }
            b.append("</ul>")
        }
        b.append("</section>")

        if !sheet.profile.isEmpty {
            b.append("<section><h2>\(text(sheet.phrase("sheet.profile")))</h2><dl class=\"profile\">")
            for fact in sheet.profile { b.append("<dt>\(text(fact.label))</dt><dd>\(text(fact.value))</dd>") }
            b.append("</dl></section>")
        }

        for (key, entries) in [("sheet.suggestions", sheet.suggestions), ("sheet.cautions", sheet.cautions), ("sheet.notes", sheet.notes)]
        where key != "sheet.notes" || !entries.isEmpty {
            b.append("<section><h2>\(text(sheet.phrase(key)))</h2>")
            if entries.isEmpty { b.append("<p>\(text(sheet.phrase("sheet.none")))</p>") }
            if !entries.isEmpty { b.append("<ul class=\"entries\">") }
            for e in entries {
                let mark = e.highlighted ? " <em class=\"important\">(\(text(sheet.phrase("sheet.important"))))</em>" : ""
                var item = "<li><strong>\(text(e.title))</strong>\(mark): \(text(e.summary))"
                if let citation = e.citation { item += " <span class=\"cite\">\(text(sheet.phrase("sheet.source"))): \(text(citation))</span>" }
                b.append(item + "</li>")
            }
            if !entries.isEmpty { b.append("</ul>") }
            b.append("</section>")
        }

        if !sheet.doctorQuestions.isEmpty {
            b.append("<section><h2>\(text(sheet.phrase("sheet.questions")))</h2><ul class=\"questions\">")
            for q in sheet.doctorQuestions { b.append("<li>\(text(q))</li>") }
            b.append("</ul></section>")
        }

        b.append("<section class=\"safety\"><h2>\(text(sheet.phrase("sheet.safety_net")))</h2>")
        if let next = sheet.nextCheck { b.append("<p>\(text(next))</p>") }
        if !sheet.warningSigns.isEmpty {
            b.append("<p>\(text(sheet.phrase("sheet.watch_for")))</p><ul class=\"signs\">")
            for sign in sheet.warningSigns { b.append("<li>\(text(sign))</li>") }
            b.append("</ul>")
        }
        b.append("</section>")
        b.append("<p class=\"disclaimer\">\(text(sheet.phrase("sheet.disclaimer")))</p>")

        b.append("<section class=\"appendix\"><h2>\(text(sheet.phrase("sheet.appendix")))</h2>")
        for group in sheet.answers {
            b.append("<table><caption>\(text(group.title))</caption><tbody>")
            for fact in group.answers { b.append("<tr><th scope=\"row\">\(text(fact.label))</th><td>\(text(fact.value))</td></tr>") }
            b.append("</tbody></table>")
        }
        b.append("</section>")

        b.append("<section class=\"about\"><h2>\(text(sheet.phrase("sheet.about")))</h2><ul>")
        b.append("<li>\(text(sheet.phrase("sheet.answered_on"))): \(text(sheet.date))</li>")
        b.append("<li>\(text(sheet.phrase("sheet.questionnaire"))): \(text(sheet.questionnaireTitle)) (\(text(sheet.questionnaireID)), \(text(sheet.phrase("sheet.version", sheet.version))))</li>")
        b.append("</ul><p class=\"disclaimer\">\(text(sheet.phrase("sheet.disclaimer")))</p>")
        b.append("<h2>\(text(sheet.phrase("sheet.sources")))</h2><ul class=\"sources\">")
        for s in sheet.sources {
            // The address is printed as text, not a link: the file loads nothing and a printout shows it.
            let parts = [text(s.title), s.publisher.map(text), s.url.map(text)].compactMap { $0 }
            b.append("<li>\(parts.joined(separator: ". ")) <span class=\"file\">[\(text(s.file))]</span></li>")
        }
        b.append("</ul></section>")
        b.append("<footer>\(text(sheet.phrase("sheet.generated_by")))</footer>")
        b.append("</main>")
        b.append("</body>")
        b.append("</html>")
        return b.joined(separator: "\n") + "\n"
    }

    private func text(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    private func attr(_ s: String) -> String { text(s).replacingOccurrences(of: "\"", with: "&quot;") }

    /// Colour only adds to the level's word; the word in capitals is the signal (screens.md).
    static let stylesheet = """
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
    .level-emergency { border-color: #b00020; background: #fde8ea; }
    .level-urgent { border-color: #b36b00; background: #fff4de; }
    .level-see_doctor { border-color: #1f4e9c; background: #e8f0fc; }
    .level-self_care { border-color: #1e6b33; background: #e6f4ea; }
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
      li, tr, .safety { break-inside: avoid; }
      h2 { break-after: avoid; }
      .appendix { break-before: page; }
      footer { display: none; }
    }

    """
}
