import TriageReport

/// A colour that adds meaning to a word; never the only carrier of it.
public enum Tint: Sendable, Hashable, CaseIterable {
    case red, yellow, blue, green, accent
}

/// How a cell is drawn. Backends without colour show `tint` as bold.
public struct Style: Sendable, Hashable {
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public var tint: Tint?

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false, tint: Tint? = nil) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.tint = tint
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)
}

/// One terminal cell. A character two cells wide fills its cell and marks the next as a
/// continuation, which backends skip.
public struct Cell: Sendable, Hashable {
    public var text: String
    public var style: Style
    public var isContinuation: Bool { text.isEmpty }

    public static let blank = Cell(text: " ", style: .plain)
}

/// Width and height in cells.
public struct Size: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// The whole screen as a grid of styled cells: what `render` produces and backends paint.
public struct Screen: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [[Cell]]
    /// Where the terminal cursor should blink (text entry), if anywhere.
    public var cursor: (x: Int, y: Int)?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: Array(repeating: .blank, count: max(size.width, 0)), count: max(size.height, 0))
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    /// Writes `text` from (x, y), clipped to `limit` cells (default: to the right edge). Returns
    /// the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return x }
        let end = min(size.width, limit.map { x + $0 } ?? size.width)
        var col = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A combining mark joins the character before it.
                if col > 0, col - 1 < size.width, !cells[y][col - 1].isContinuation { cells[y][col - 1].text.append(character) }
                continue
            }
            guard col + w <= end else { break }
            if col >= 0 {
                cells[y][col] = Cell(text: String(character), style: style)
                if w == 2 { cells[y][col + 1] = Cell(text: "", style: style) }
            }
            col += w
        }
        return col
    }

    /// Sets the style of a run of cells, keeping their text.
    public mutating func restyle(x: Int, y: Int, width: Int, style: Style) {
        guard y >= 0, y < size.height else { return }
        for col in max(0, x)..<max(max(0, x), min(size.width, x + width)) { cells[y][col].style = style }
    }

    /// Fills a rectangle with blanks of `style`.
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, style: Style = .plain) {
        for row in max(0, y)..<max(max(0, y), min(size.height, y + height)) {
            for col in max(0, x)..<max(max(0, x), min(size.width, x + width)) { cells[row][col] = Cell(text: " ", style: style) }
        }
    }

    /// Draws a frame with the given glyphs around the rectangle.
    public mutating func box(x: Int, y: Int, width: Int, height: Int, lines: BoxLines, style: Style = .plain) {
        guard width >= 2, height >= 2 else { return }
        put(lines.topLeft + String(repeating: lines.horizontal, count: width - 2) + lines.topRight, x: x, y: y, style: style)
        for row in (y + 1)..<(y + height - 1) {
            put(lines.vertical, x: x, y: row, style: style)
            put(lines.vertical, x: x + width - 1, y: row, style: style)
        }
        put(lines.bottomLeft + String(repeating: lines.horizontal, count: width - 2) + lines.bottomRight, x: x, y: y + height - 1, style: style)
    }

    /// The text of one row, continuation cells left out, trailing blanks kept.
    public func line(_ y: Int) -> String { cells[y].map(\.text).joined() }

    /// Every row joined by newlines, trailing blanks trimmed: what a person reads.
    public var text: String {
        (0..<size.height).map { row in
            var s = line(row)
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }.joined(separator: "\n")
    }
}

/// The glyphs of one kind of frame.
public struct BoxLines: Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical, teeLeft, teeRight: String
}

