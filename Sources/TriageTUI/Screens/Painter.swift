import TriageKit
import TriageReport

/// Draws into a screen: the frame every page shares (title bar, body, footer of keys) and text
/// laid out in display cells. Body text keeps to a column at most `maximumTextWidth` wide,
/// centred on a wide terminal, so lines stay readable and answers sit beside their labels.
struct Painter {
    var screen: Screen
    let glyphs: Glyphs
    let language: Language

    /// About the width of a comfortable line of text.
    static let maximumTextWidth = 76

    /// The row of what the page is about (the question, the selected line), which a box over
    /// the page explaining it must leave visible.
    var focusRow: Int?

    init(size: Size, glyphs: Glyphs, language: Language) {
        screen = Screen(size: size)
        self.glyphs = glyphs
        self.language = language
    }

    var width: Int { screen.size.width }
    var height: Int { screen.size.height }
    /// The text column.
    var textWidth: Int { Self.textWidth(for: width) }
    static func textWidth(for width: Int) -> Int { min(maximumTextWidth, width - 6) }
    var left: Int { max(3, (width - textWidth) / 2) }
    /// The column of a list or table that needs `needed` cells: the text column where that is
    /// enough, else wider up to the frame, centred, so a label is shortened only when the
    /// terminal is really too narrow for it ("lists use the width they have").
    func listColumn(needing needed: Int) -> (left: Int, width: Int) {
        let w = min(max(textWidth, needed), width - 6)
        return (max(3, (width - w) / 2), w)
    }

    /// A list beside a second column (the results' preview, the review's answers). At the text
    /// column's width the list keeps `baseShare` of it; where the terminal is wider, the whole
    /// grows until the list's longest line fits beside `paneNeeds` cells, so a label is cut only
    /// when the terminal is really too narrow, never beside empty columns.
    func split(listNeeds: Int, paneNeeds: Int, baseShare: (Int) -> Int) -> (left: Int, width: Int, listWidth: Int) {
        let area = listColumn(needing: listNeeds + paneNeeds)
        return (area.left, area.width, max(baseShare(area.width), min(listNeeds, area.width - paneNeeds)))
    }

    /// First and last body rows.
    var top: Int { 1 }
    var bottom: Int { height - 4 }

    func t(_ key: String, _ args: String...) -> String { StringCatalog.tui.text(key, language, args) }

    // MARK: Text

    /// Writes text converted for the terminal (the ASCII fallback) and clipped to `limit` cells
    /// (default: to the frame). Returns the column after it.
    @discardableResult
    mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        screen.put(glyphs.displayable(text), x: x, y: y, style: style, limit: limit ?? (width - 2 - x))
    }

    /// Text cut to `width` cells, ending in an ellipsis when it is longer.
    func fitted(_ text: String, _ w: Int) -> String {
        TextWrap.fitted(glyphs.displayable(text), width: w, ellipsis: glyphs.unicode ? "…" : "...")
    }

    /// Writes wrapped text from row `y`, at most `maxLines` lines (the last cut with an
    /// ellipsis when more would follow); returns the next free row.
    @discardableResult
    mutating func paragraph(_ text: String, x: Int, y: Int, width w: Int, style: Style = .plain, maxLines: Int = .max) -> Int {
        let lines = TextWrap.lines(glyphs.displayable(text), width: w)
        var row = y
        for (i, line) in lines.prefix(max(0, maxLines)).enumerated() {
            let cut = i == maxLines - 1 && lines.count > maxLines
            screen.put(cut ? fitted(line + " " + lines[i + 1], w) : line, x: x, y: row, style: style, limit: w)
            row += 1
        }
        return row
    }

    /// How many lines `text` takes at `w` cells.
    func lineCount(_ text: String, width w: Int) -> Int { TextWrap.lines(glyphs.displayable(text), width: w).count }

    /// A key label for this terminal: arrows in Unicode, words in ASCII.
    func keyLabel(_ label: String) -> String {
        // Most labels name no arrow; the generic `replacing` was a tenth of drawing a screen.
        guard label.utf8.contains(UInt8(ascii: "{")) else { return label }
        return label.replacing("{up}", with: glyphs.unicode ? glyphs.up : "Up")
            .replacing("{down}", with: glyphs.unicode ? glyphs.down : "/Down")
            .replacing("{left}", with: glyphs.unicode ? glyphs.left : "Left")
            .replacing("{right}", with: glyphs.unicode ? glyphs.right : "/Right")
    }

    // MARK: Frame

    /// The frame: a title bar with `title` on the left and `right` on the right, and a footer
    /// with the keys. Keys that do not fit are left out whole; `q quit` always stays.
    mutating func frame(title: String, right: String, hints: [KeyHint]) {
        let lines = glyphs.light
        screen.box(x: 0, y: 0, width: width, height: height, lines: lines)
        screen.put(lines.teeLeft + String(repeating: lines.horizontal, count: width - 2) + lines.teeRight, x: 0, y: height - 3)
        let h = lines.horizontal
        let rightText = " \(glyphs.displayable(right)) \(h)"
        let rightWidth = DisplayWidth.of(rightText)
        write("\(h) \(fitted(title, width - rightWidth - 8)) ", x: 1, y: 0, style: .bold)
        screen.put(rightText, x: width - 1 - rightWidth, y: 0)
        footer(hints)
    }

    /// The keys of the screen on the footer row, in order. Pinned keys always show; the others
    /// while there is room, so the first ones listed are the last to go.
    mutating func footer(_ hints: [KeyHint]) {
        screen.fill(x: 1, y: height - 2, width: width - 2, height: 1)
        let candidates = hints.filter(\.inFooter)
        func need(_ hint: KeyHint) -> Int {
            DisplayWidth.of(glyphs.displayable(keyLabel(hint.label))) + 1 + DisplayWidth.of(glyphs.displayable(t(hint.help))) + 2
        }
        var room = width - 3 - candidates.filter(\.pinned).map(need).reduce(0, +)
        var shown: [KeyHint] = []
        for hint in candidates {
            if hint.pinned {
                shown.append(hint)
            } else if need(hint) <= room {
                shown.append(hint)
                room -= need(hint)
            }
        }
        var x = 2
        for hint in shown { x = put(hint, at: x) }
    }

    private mutating func put(_ hint: KeyHint, at x: Int) -> Int {
        let end = write(keyLabel(hint.label), x: x, y: height - 2, style: .bold)
        return write(" " + t(hint.help), x: end, y: height - 2) + 2
    }

    /// A bar of `done` out of `total` with "7 of 31" after it, on row `y`.
    /// The bar of how much is done, with the percentage beside it.
    mutating func progressBar(percent: Int, y: Int) {
        let label = t("progress", language.number(Double(percent), decimals: 0))
        let labelWidth = DisplayWidth.of(label)
        let barWidth = max(10, textWidth - labelWidth - 3)
        let filled = barWidth * min(max(percent, 0), 100) / 100
        screen.put(String(repeating: glyphs.barFull, count: filled), x: left, y: y, style: Style(tint: .accent))
        screen.put(String(repeating: glyphs.barEmpty, count: barWidth - filled), x: left + filled, y: y, style: .dim)
        write(label, x: left + barWidth + 3, y: y)
    }

    /// The rows a notice needs to be read whole, up to a third of the body: a message about
    /// what was and was not saved is never cut where a short one would fit.
    func noticeRows(_ notice: Notice?) -> Int {
        guard let notice else { return 0 }
        return min(lineCount((notice.isError ? "! " : "") + notice.text, width: textWidth), max(2, (bottom - top) / 3))
    }

    /// A notice in the body: red and marked when it is an error.
    @discardableResult
    mutating func notice(_ notice: Notice?, y: Int, maxLines: Int = 3) -> Int {
        guard let notice else { return y }
        let style = notice.isError ? Style(bold: true, tint: .red) : .bold
        return paragraph((notice.isError ? "! " : "") + notice.text, x: left, y: y, width: textWidth, style: style, maxLines: maxLines)
    }

    /// A centred box with a title, lines of text and side-by-side buttons, kept inside the frame.
    /// With `keepVisible`, the box sits below that row (or above it, where there is no room
    /// below) instead of covering it.
    mutating func dialog(title: String, lines: [(String, Style)], buttons: [String] = [], choice: Int = 0, heavy: Bool = false,
                         tint: Tint? = nil, keepVisible: Int? = nil) {
        let buttonTexts = buttons.map { glyphs.displayable($0) }
        let buttonsWidth = buttonTexts.reduce(0) { $0 + DisplayWidth.of($1) + 6 }
        let contentWidth = max(lines.map { DisplayWidth.of(glyphs.displayable($0.0)) }.max() ?? 0, buttonsWidth, DisplayWidth.of(title) + 4)
        let boxWidth = min(width - 4, contentWidth + 6)
        let x = (width - boxWidth) / 2
        // Body rows are 1 ... height - 4; the footer stays visible.
        let firstRow = 1, lastRow = height - 4
        let wanted = lines.count + 4 + (buttons.isEmpty ? 0 : 2)
        let boxHeight: Int, y: Int
        if let row = keepVisible {
            let below = lastRow - row, above = row - firstRow
            boxHeight = max(3, min(wanted, max(below, above)))
            y = below >= above ? row + 1 : max(firstRow, row - boxHeight)
        } else {
            boxHeight = max(3, min(wanted, lastRow - firstRow + 1))
            y = max(firstRow, (height - 3 - boxHeight) / 2)
        }
        screen.fill(x: x, y: y, width: boxWidth, height: boxHeight)
        let style = Style(bold: heavy, tint: tint)
        screen.box(x: x, y: y, width: boxWidth, height: boxHeight, lines: heavy ? glyphs.heavy : glyphs.light, style: style)
        write(" \(fitted(title, boxWidth - 6)) ", x: x + 2, y: y, style: Style(bold: true, tint: tint))
        var row = y + 2
        let end = y + boxHeight - 1 - (buttons.isEmpty ? 0 : 2)
        for (i, (text, lineStyle)) in lines.enumerated() where row < end {
            // The last row that fits says that more was cut, rather than ending mid-thought.
            let cut = row == end - 1 && i < lines.count - 1
            write(cut ? fitted(text + " " + lines[i + 1].0, boxWidth - 6) : text, x: x + 3, y: row, style: lineStyle, limit: boxWidth - 6)
            row += 1
        }
        guard !buttons.isEmpty else { return }
        var bx = x + 3
        row = y + boxHeight - 3
        for (i, text) in buttonTexts.enumerated() {
            let selected = i == choice
            bx = screen.put(selected ? glyphs.pointer + " " : "  ", x: bx, y: row, style: .bold)
            bx = screen.put(text, x: bx, y: row, style: selected ? Style(bold: true, reverse: true) : .plain) + 4
        }
    }

    /// Wrapped lines for a dialog of `width` cells.
    func dialogLines(_ text: String, width w: Int, style: Style = .plain) -> [(String, Style)] {
        TextWrap.lines(glyphs.displayable(text), width: w).map { ($0, style) }
    }
}
