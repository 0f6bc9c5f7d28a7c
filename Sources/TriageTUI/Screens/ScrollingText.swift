/// A page of text longer than the window: the keys that scroll it and the drawing of the part
/// in view, with "more below" where it is cut. The detail pages and the history share it.
enum ScrollingText {
    enum Command: Sendable { case up, down, pageUp, pageDown, top, end, back }

    static let bindings: [KeyBinding<Command>] = [
        .on([.up], "{up}{down}", "key.scroll", .up),
        .on([.down], "{down}", "key.scroll", footer: false, .down),
        .on([.pageUp], "PgUp", "key.page", footer: false, .pageUp),
        .on([.pageDown, .character(" ")], "PgDn", "key.page", .pageDown),
        .on([.home], "Home", "key.top", footer: false, .top),
        .on([.end], "End", "key.end", footer: false, .end),
        .on([.left, .backspace, .escape, .enter], "{left}", "key.back", .back),
    ]

    static var hints: [KeyHint] { bindings.map(\.hint) }

    /// Rows of text on such a page: the frame takes the first row, a blank row follows, and the
    /// footer the last three.
    static func rows(_ size: Size) -> Int { max(1, size.height - 5) }

    /// The largest useful scroll position: when the page is cut, its last row says "more below",
    /// so `rows - 1` lines show at a time.
    static func maxScroll(lines: Int, rows: Int) -> Int { lines <= rows ? 0 : lines - max(1, rows - 1) }

    /// Where `command` moves a page of `lines` lines scrolled to `scroll` in a window of `size`;
    /// nil for going back.
    static func scrolled(_ command: Command, from scroll: Int, lines: Int, size: Size) -> Int? {
        let rows = rows(size)
        let last = maxScroll(lines: lines, rows: rows)
        let step = max(1, rows - 2)
        let to: Int
        switch command {
        case .up: to = scroll - 1
        case .down: to = scroll + 1
        case .pageUp: to = scroll - step
        case .pageDown: to = scroll + step
        case .top: to = 0
        case .end: to = last
        case .back: return nil
        }
        return min(last, max(0, to))
    }

    /// Draws the lines in view from `requested` (as far as the page allows).
    static func draw(_ lines: [(text: String, style: Style)], scroll requested: Int, moreBelow: String, into painter: inout Painter) {
        let rows = rows(Size(width: painter.width, height: painter.height))
        let scroll = min(requested, maxScroll(lines: lines.count, rows: rows))
        let cut = lines.count - scroll > rows
        var y = painter.top + 1
        for line in lines.dropFirst(scroll).prefix(cut ? rows - 1 : rows) {
            painter.write(line.text, x: painter.left, y: y, style: line.style, limit: painter.textWidth)
            y += 1
        }
        if cut { painter.write(painter.glyphs.down + " " + moreBelow, x: painter.left, y: y, style: .dim) }
        if scroll > 0 { painter.write(painter.glyphs.up, x: painter.left + painter.textWidth - 1, y: painter.top, style: .dim) }
    }
}
