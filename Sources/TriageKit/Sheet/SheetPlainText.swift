import Foundation

/// The sheet as plain text for printing: 80 columns, A4 pages of 66 lines, each starting with a
/// page header. No escape codes and no form feeds: pages are padded with blank lines, which every
/// printer and viewer treats alike.
public struct SheetPlainText: Sendable {
    public static let width = 80
    public static let pageLength = 66

    public init() {}

    /// The whole sheet: the main part on the first page(s), the answers from a new page on.
    public func render(_ sheet: SummarySheet) -> String {
        let pages = Paginator(pageLength: Self.pageLength, headerLines: 1)
            .pages(main: mainBlocks(sheet), appendix: appendixBlocks(sheet))
        var out: [String] = []
        for (i, body) in pages.enumerated() {
            out += header(sheet, page: i + 1, of: pages.count)
            out += body
            if i < pages.count - 1 { out += Array(repeating: "", count: Self.pageLength - 1 - body.count) }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func header(_ sheet: SummarySheet, page: Int, of count: Int) -> [String] {
        let left = "\(sheet.questionnaireTitle) · \(sheet.phrase("sheet.title")) · \(sheet.date)"
        let right = sheet.phrase("sheet.page", String(page), String(count))
        let gap = max(1, Self.width - left.count - right.count)
        return [left + String(repeating: " ", count: gap) + right]
    }

    /// Blocks are kept together on a page where they fit.
    func mainBlocks(_ sheet: SummarySheet) -> [[String]] {
        let w = Self.width
        var blocks: [[String]] = []
        let rule = String(repeating: "=", count: w)
        blocks.append([rule] + wrap(sheet.levelTitle, "  ") + wrap(sheet.levelAction, "  ") + [rule, ""])

        // Without warning signs one line says so; a heading over it would only take room.
        var flags = sheet.redFlags.isEmpty ? wrap(sheet.phrase("sheet.no_red_flags"), "") : [heading(sheet.phrase("sheet.red_flags"))]
        for rf in sheet.redFlags {
            flags += wrap("\(rf.sign): \(sheet.phrase("sheet.red_flag_cause", rf.cause))", "  ! ", "    ")
        }
        blocks.append(flags + [""])

        if !sheet.profile.isEmpty {
            blocks.append([heading(sheet.phrase("sheet.profile"))] + profileLines(sheet.profile) + [""])
        }

        for (key, entries) in [("sheet.suggestions", sheet.suggestions), ("sheet.cautions", sheet.cautions), ("sheet.notes", sheet.notes)]
        where key != "sheet.notes" || !entries.isEmpty {
            blocks.append([heading(sheet.phrase(key))] + (entries.isEmpty ? wrap(sheet.phrase("sheet.none"), "  ") : []))
            for e in entries {
                let mark = e.highlighted ? " (\(sheet.phrase("sheet.important")))" : ""
                let citation = e.source.map { " [\($0.document), \(SheetPlainText.shortSection($0.section))]" } ?? ""
                // Under "advises against" a title says enough; the page has no room for more.
                let body = key == "sheet.cautions" ? "\(e.title)\(mark)" : "\(e.title)\(mark): \(e.summary)"
                blocks.append(wrap(body + citation, "  * ", "    "))
            }
            blocks[blocks.count - 1].append("")
        }

        if !sheet.doctorQuestions.isEmpty {
            var questions = [heading(sheet.phrase("sheet.questions"))]
            for q in sheet.doctorQuestions { questions += wrap(q, "  [ ] ", "      ") }
            blocks.append(questions + [""])
        }

        var net = [heading(sheet.phrase("sheet.safety_net"))]
        if let next = sheet.nextCheck { net += wrap(next, "  ") }
        if !sheet.warningSigns.isEmpty {
            net += wrap(sheet.phrase("sheet.watch_for"), "  ")
            net += wrap(sheet.warningSigns.joined(separator: "; ") + ".", "    ")
        }
        blocks.append(net + [""])
        blocks.append(wrap(sheet.phrase("sheet.disclaimer"), ""))
        return blocks
    }

    func appendixBlocks(_ sheet: SummarySheet) -> [[String]] {
        var blocks: [[String]] = [[heading(sheet.phrase("sheet.appendix")), ""]]
        for group in sheet.answers {
            blocks.append(["  " + group.title] + group.answers.flatMap { columns($0.label, $0.value) } + [""])
        }
        var about = [heading(sheet.phrase("sheet.about"))]
        about += wrap("\(sheet.phrase("sheet.answered_on")): \(sheet.date)", "  ")
        about += wrap("\(sheet.phrase("sheet.questionnaire")): \(sheet.questionnaireTitle) (\(sheet.questionnaireID), \(sheet.phrase("sheet.version", sheet.version)))", "  ")
        about += wrap(sheet.phrase("sheet.disclaimer"), "  ")
        blocks.append(about + [""])
        var sources = [heading(sheet.phrase("sheet.sources"))]
        for s in sheet.sources {
            let parts = [s.title, s.publisher, s.url].compactMap { $0 }
            sources += wrap(parts.joined(separator: ". ") + " [\(s.file)]", "  - ", "    ")
        }
        blocks.append(sources)
        return blocks
    }

    private func heading(_ text: String) -> String { text.uppercased() }

    /// A numbered section by its number alone ("3.2.1."), to keep each entry to a line or two;
    /// an unnumbered one in full.
    static func shortSection(_ section: String) -> String {
        let number = section.prefix { $0.isNumber || $0 == "." }
        return number.contains(where: \.isNumber) && number.hasSuffix(".") ? "§" + number.dropLast() : section
    }

    /// Short facts side by side, two to a line; a long one takes the whole line.
    private func profileLines(_ facts: [SummarySheet.Fact]) -> [String] {
        let half = (Self.width - 2) / 2
        var lines: [String] = []
        var pending: String?
        for fact in facts {
            let text = "\(fact.label): \(fact.value)"
            if text.count > half - 2 {
                if let p = pending { lines.append("  " + p); pending = nil }
                lines += wrap(text, "  ", "    ")
            } else if let p = pending {
                lines.append("  " + p + String(repeating: " ", count: half - p.count) + text)
                pending = nil
            } else {
                pending = text
            }
        }
        if let p = pending { lines.append("  " + p) }
        return lines
    }

    /// A question and its answer in two columns, each wrapped in its own column.
    private func columns(_ label: String, _ value: String) -> [String] {
        let labelWidth = 52, valueStart = 4 + labelWidth + 2
        let left = TextLayout.wrap(label, width: labelWidth, firstPrefix: "", indent: "  ")
        let right = TextLayout.wrap(value, width: Self.width - valueStart)
        return (0..<max(left.count, right.count)).map { i in
            let l = i < left.count ? left[i] : ""
            let r = i < right.count ? right[i] : ""
            let line = "    " + l + String(repeating: " ", count: valueStart - 4 - l.count) + r
            return r.isEmpty ? String(line.reversed().drop { $0 == " " }.reversed()) : line
        }
    }

    private func wrap(_ text: String, _ first: String, _ rest: String? = nil) -> [String] {
        TextLayout.wrap(text, width: Self.width, firstPrefix: first, indent: rest ?? first)
    }
}

/// Fills pages with blocks of lines: a block moves to the next page when it does not fit
/// there, and is split only when it is longer than a page. The appendix starts a new page.
struct Paginator {
    var pageLength: Int
    var headerLines: Int

    var capacity: Int { pageLength - headerLines }

    func pages(main: [[String]], appendix: [[String]]) -> [[String]] {
        var pages = fill(main)
        if !appendix.isEmpty { pages += fill(appendix) }
        return pages
    }

    private func fill(_ blocks: [[String]]) -> [[String]] {
        var pages: [[String]] = [[]]
        for block in blocks {
            var block = block
            if pages[pages.count - 1].count + block.count > capacity, !pages[pages.count - 1].isEmpty, block.count <= capacity {
                pages.append([])
            }
            while !block.isEmpty {
                let room = capacity - pages[pages.count - 1].count
                if room == 0 { pages.append([]); continue }
                pages[pages.count - 1] += block.prefix(room)
                block.removeFirst(min(room, block.count))
            }
        }
        // A page never starts with blank lines.
        return pages.map { page in Array(page.drop { $0.isEmpty }) }.filter { !$0.isEmpty }
    }
}
