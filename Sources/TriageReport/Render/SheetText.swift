import TriageKit

/// The sheet as plain text for printing: 80 columns, A4 pages of 66 lines, each starting with a
/// page header. No escape codes; the file has no form feeds (pages are padded with blank lines,
/// which every viewer treats alike), while what goes to a printer ends each page with one, so a
/// printer that fits more lines on paper still starts each page on a new sheet.
public struct SheetText: Sendable {
    public static let width = 80
    public static let pageLength = 66

    public init() {}

    /// The sheet as a file: pages padded to 66 lines with blank lines.
    public func render(_ sheet: SheetDocument) -> String {
        let pages = self.pages(sheet)
        var out: [String] = []
        for (i, page) in pages.enumerated() {
            out += page
            if i < pages.count - 1 { out += Array(repeating: "", count: max(0, Self.pageLength - page.count)) }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// The sheet for a printer: each page ends with a form feed instead of padding.
    public func printable(_ sheet: SheetDocument) -> String {
        pages(sheet).map { $0.joined(separator: "\n") + "\n" }.joined(separator: "\u{0C}")
    }

    /// The pages, each its header and then its lines, without trailing spaces.
    public func pages(_ sheet: SheetDocument) -> [[String]] {
        var main: [[String]] = [], appendix: [[String]] = []
        var inAppendix = false
        // A heading travels with the block after it, so that no page ends with a heading.
        var heading: [String] = []
        for block in sheet.blocks {
            if case .appendixStart(let title) = block {
                inAppendix = true
                heading = [title.uppercased(), ""]
                continue
            }
            let lines = layout(block, sheet)
            if case .heading = block { heading += lines; continue }
            if inAppendix { appendix.append(heading + lines) } else { main.append(heading + lines) }
            heading = []
        }
        if !heading.isEmpty { if inAppendix { appendix.append(heading) } else { main.append(heading) } }
        let pages = Paginator(pageLength: Self.pageLength, headerLines: 1).pages(main: main, appendix: appendix)
        return pages.enumerated().map { i, body in
            ([header(sheet, page: i + 1, of: pages.count)] + body).map { line in
                var l = line
                while l.hasSuffix(" ") { l.removeLast() }
                return l
            }
        }
    }

    private func header(_ sheet: SheetDocument, page: Int, of count: Int) -> String {
        let right = StringCatalog.report.text("sheet.page", sheet.language, [String(page), String(count)])
        let left = TextWrap.fitted(sheet.title + " · " + sheet.date, width: Self.width - DisplayWidth.of(right) - 1)
        return TextWrap.padded(left, width: Self.width - DisplayWidth.of(right)) + right
    }

    /// The lines of one block; a block is kept together on a page where it fits.
    private func layout(_ block: SheetDocument.Block, _ sheet: SheetDocument) -> [String] {
        func wrap(_ text: String, _ first: String = "", _ rest: String? = nil) -> [String] {
            TextWrap.lines(text, width: Self.width, first: first, rest: rest ?? first)
        }
        switch block {
        case .level(_, let title, let action, let remark):
            let rule = String(repeating: "=", count: Self.width)
            return [rule] + wrap(title, "  ") + wrap(action, "  ") + (remark.map { wrap($0, "  ") } ?? []) + [rule]
        case .heading(let text):
            return [text.uppercased()]
        case .paragraph(let text):
            return wrap(text) + [""]
        case .lines(let lines):
            return lines.flatMap { line -> [String] in
                let mark = line.important ? " (" + StringCatalog.report.text("result.important", sheet.language) + ")" : ""
                let text = line.text.map { ": " + $0 } ?? ""
                let note = (line.shortNote ?? line.note).map { " [" + $0 + "]" } ?? ""
                return wrap(line.title + mark + text + note, "  * ", "    ")
            } + [""]
        case .questions(let questions):
            return questions.flatMap { wrap($0, "  [ ] ", "      ") } + [""]
        case .facts(let facts):
            return twoColumns(facts.map { $0.title + ($0.text.map { ": " + $0 } ?? "") }) + [""]
        case .watch(let groups):
            return groups.flatMap { wrap($0.title + ": " + ($0.text ?? ""), "", "    ") } + [""]
        case .appendixStart(let title):
            return [title.uppercased(), ""]
        case .table(let caption, let rows):
            return ["  " + caption] + rows.flatMap { columns($0.title, $0.text ?? "") } + [""]
        case .trend(let chart, _, let rows):
            return chart + [""] + rows.flatMap { wrap($0.title + ": " + ($0.text ?? ""), "  ", "    ") } + [""]
        case .sources(let sources):
            return sources.flatMap { s in
                wrap([s.title, s.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ". ") + (s.note.map { " [\($0)]" } ?? ""), "  - ", "    ")
            }
        }
    }

    /// Short facts side by side, two to a line; a long one takes the whole line.
    private func twoColumns(_ facts: [String]) -> [String] {
        let half = (Self.width - 2) / 2
        var lines: [String] = []
        var pending: String?
        for text in facts {
            if DisplayWidth.of(text) > half - 2 {
                if let p = pending { lines.append("  " + p); pending = nil }
                lines += TextWrap.lines(text, width: Self.width, first: "  ", rest: "    ")
            } else if let p = pending {
                lines.append("  " + TextWrap.padded(p, width: half) + text)
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
        let left = TextWrap.lines(label, width: labelWidth - 2).enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        let right = TextWrap.lines(value, width: Self.width - valueStart)
        return (0..<max(left.count, right.count)).map { i in
            let l = i < left.count ? left[i] : ""
            let r = i < right.count ? right[i] : ""
            return "    " + TextWrap.padded(l, width: valueStart - 4) + r
        }
    }
}

/// Fills pages with blocks of lines: a block moves to the next page when it does not fit there,
/// and is split only when it is longer than a page. The appendix starts a new page.
struct Paginator {
    var pageLength: Int
    var headerLines: Int

    var capacity: Int { pageLength - headerLines }

    /// The fewest lines a split block may start with at the foot of a page.
    static let shortestStart = 4

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
            // A block longer than a page starts on a new one rather than with a line or two
            // (its heading alone) at the foot of this one.
            if block.count > capacity, capacity - pages[pages.count - 1].count < Self.shortestStart, !pages[pages.count - 1].isEmpty {
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
