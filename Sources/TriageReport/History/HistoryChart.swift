import TriageKit

/// A trend as lines of text: the measure over the weeks since the pain began, the weeks at which
/// the guidance looks again as dotted lines, and each check-in as a marker for its level, with a
/// legend. A pure function of its input, so the plain mode, `backtriage history`, the text sheet
/// and the full-screen interface draw the same chart. Every line fits `width` display cells.
///
/// `.unicode` draws the line between check-ins in braille cells (two by four dots a cell);
/// `.ascii` uses `/ \ - |` for terminals, printers and fonts without them.
public struct HistoryChart: Sendable {
    public enum Style: String, Sendable, CaseIterable {
        case unicode, ascii
    }

    public var wording: Wording
    public var style: Style
    public var width: Int
    /// Rows for the measure's range: 11 gives one row for each pain score from 0 to 10.
    public var height: Int

    /// The narrowest chart drawn; a narrower `width` is treated as this.
    public static let minimumWidth = 30

    public init(_ wording: Wording, style: Style = .unicode, width: Int = 80, height: Int = 11) {
        self.wording = wording
        self.style = style
        self.width = max(Self.minimumWidth, width)
        self.height = max(3, height)
    }

    /// Marker of each level, least urgent first; the legend names them.
    static let unicodeMarkers: [Character] = ["○", "●", "◆", "▲", "■"]
    static let asciiMarkers: [Character] = ["o", "*", "#", "!", "X"]

    private func t(_ key: String, _ args: String...) -> String { StringCatalog.history.text(key, wording.language, args) }

    public func marker(for level: TriageLevel, in trend: Trend) -> Character {
        let markers = style == .unicode ? Self.unicodeMarkers : Self.asciiMarkers
        return markers[min(trend.place(of: level), markers.count - 1)]
    }

    public func lines(_ trend: Trend) -> [String] {
        let L = wording.language
        let labels = [trend.maximum, (trend.maximum + trend.minimum) / 2, trend.minimum].map { L.number($0) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 1
        // Room right of the plot for a label centred on its last column.
        let columns = width - labelWidth - 1 - 2
        var grid = Grid(columns: columns, rows: height)

        let weeks = trend.lastWeek
        func column(_ w: Double) -> Int { min(columns - 1, max(0, Int((w / weeks * Double(columns - 1)).rounded()))) }
        let markColumns = trend.marks.map(column)

        switch style {
        case .unicode: drawBraille(trend, &grid, weeks: weeks)
        case .ascii: drawASCII(trend, &grid, column: column)
        }
        for c in markColumns {
            for r in 0..<height where grid.cells[r][c] == " " { grid.cells[r][c] = style == .unicode ? "┊" : ":" }
        }
        // Markers last: a check-in is never hidden by the line through it.
        var axisMarkers: [Int: Character] = [:]
        for point in trend.points {
            let c = column(point.weeks)
            guard let value = point.value else { axisMarkers[c] = marker(for: point.level, in: trend); continue }
            grid.cells[row(value, trend)][c] = marker(for: point.level, in: trend)
        }

        var out: [String] = []
        let range = L.number(trend.minimum) + (style == .unicode ? "–" : "-") + L.number(trend.maximum)
        out += TextWrap.lines(t("chart.title", trend.label[L], range, wording.date(trend.start)), width: width)
        let labelRows = [0: labels[0], (height - 1) / 2: labels[1], height - 1: labels[2]]
        for r in 0..<height {
            let label = labelRows[r] ?? ""
            let tick: String = labelRows[r] == nil ? (style == .unicode ? "│" : "|") : (style == .unicode ? "┤" : "+")
            out.append(String(repeating: " ", count: labelWidth - DisplayWidth.of(label)) + label + tick + String(grid.cells[r]))
        }
        var axis = Array(repeating: Character(style == .unicode ? "─" : "-"), count: columns)
        for c in markColumns { axis[c] = style == .unicode ? "┴" : "+" }
        for (c, m) in axisMarkers { axis[c] = m }
        out.append(String(repeating: " ", count: labelWidth) + (style == .unicode ? "└" : "+") + String(axis))
        out.append(String(repeating: " ", count: labelWidth + 1) + xLabels(trend, columns: columns, column: column))
        out += legend(trend)
        return out.map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }
    }

    /// The row of `value`: the maximum at the top.
    private func row(_ value: Double, _ trend: Trend) -> Int {
        let share = (trend.maximum - min(trend.maximum, max(trend.minimum, value))) / (trend.maximum - trend.minimum)
        return Int((share * Double(height - 1)).rounded())
    }

    /// The week numbers under the axis: 0, each mark, the last check-in and the end, each centred
    /// on its column where it does not run into another, and the unit after them.
    private func xLabels(_ trend: Trend, columns: Int, column: (Double) -> Int) -> String {
        var line = Array(repeating: Character(" "), count: columns + 2)
        var taken = Array(repeating: false, count: columns + 2)
        let L = wording.language
        var wanted = [0.0] + trend.marks
        if let last = trend.points.last?.weeks { wanted.append(last) }
        wanted.append(trend.lastWeek)
        for w in wanted {
            // Whole weeks on the axis: the last check-in at 3.14 weeks is labelled 3.
            let text = Array(L.number(w.rounded(.down)))
            let start = max(0, min(columns + 2 - text.count, column(w) - (text.count - 1) / 2))
            let span = max(0, start - 1)..<min(columns + 2, start + text.count + 1)
            guard !span.contains(where: { taken[$0] }) else { continue }
            for (i, ch) in text.enumerated() { line[start + i] = ch }
            for i in start..<(start + text.count) { taken[i] = true }
        }
        var text = String(line)
        while text.hasSuffix(" ") { text.removeLast() }
        let unit = t("chart.weeks")
        if DisplayWidth.of(text) + 1 + DisplayWidth.of(unit) <= columns + 2 { text += " " + unit }
        return text
    }

    /// "○ SELF-CARE  ● SEE A DOCTOR" for the levels the check-ins had, least urgent first, and
    /// what the dotted lines are.
    private func legend(_ trend: Trend) -> [String] {
        let shown = trend.levels.filter { level in trend.points.contains { $0.level.id == level.id } }
        var out: [String] = []
        // Entries side by side, three spaces apart, a new line where the next does not fit.
        var line = ""
        for entry in shown.map({ "\(marker(for: $0, in: trend)) \(wording.title($0))" }) {
            if !line.isEmpty && DisplayWidth.of(line) + 3 + DisplayWidth.of(entry) > width {
                out.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : "   ") + entry
        }
        if !line.isEmpty { out.append(line) }
        if !trend.marks.isEmpty {
            let weeks = t("chart.marks_list", trend.marks.dropLast().map { wording.language.number($0) }.joined(separator: ", "),
                                  wording.language.number(trend.marks.last!))
            let list = trend.marks.count == 1 ? wording.language.number(trend.marks[0]) : weeks
            out += TextWrap.lines(t("chart.marks", list), width: width, first: style == .unicode ? "┊ " : ": ", rest: "  ")
        }
        if trend.points.contains(where: { $0.value == nil }) { out += TextWrap.lines(t("chart.unanswered"), width: width) }
        return out
    }

    // MARK: Lines between check-ins

    private func drawBraille(_ trend: Trend, _ grid: inout Grid, weeks: Double) {
        let dotsWide = grid.columns * 2, dotsHigh = grid.rows * 4
        var dots = Array(repeating: Array(repeating: UInt8(0), count: grid.columns), count: grid.rows)
        func dot(_ w: Double, _ v: Double) -> (x: Int, y: Int) {
            let share = (trend.maximum - min(trend.maximum, max(trend.minimum, v))) / (trend.maximum - trend.minimum)
            return (min(dotsWide - 1, Int((w / weeks * Double(dotsWide - 1)).rounded())), Int((share * Double(dotsHigh - 1)).rounded()))
        }
        // Bit of each dot in a braille cell, by column and row within the cell.
        let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        let valued = trend.points.compactMap { p in p.value.map { dot(p.weeks, $0) } }
        for (a, b) in zip(valued, valued.dropFirst()) {
            for (x, y) in Self.segment(from: a, to: b) { dots[y / 4][x / 2] |= bits[x % 2][y % 4] }
        }
        if valued.count == 1, let only = valued.first { dots[only.y / 4][only.x / 2] |= bits[only.x % 2][only.y % 4] }
        for r in 0..<grid.rows {
            for c in 0..<grid.columns where dots[r][c] != 0 {
                grid.cells[r][c] = Character(Unicode.Scalar(0x2800 + UInt32(dots[r][c]))!)
            }
        }
    }

    private func drawASCII(_ trend: Trend, _ grid: inout Grid, column: (Double) -> Int) {
        let valued = trend.points.compactMap { p in p.value.map { (x: column(p.weeks), y: row($0, trend)) } }
        for (a, b) in zip(valued, valued.dropFirst()) {
            let cells = Self.segment(from: a, to: b)
            for (i, cell) in cells.enumerated() {
                // The character follows the step into this cell (the first cell, the step out).
                let from = i > 0 ? cells[i - 1] : cell, to = i > 0 ? cell : (cells.count > 1 ? cells[1] : cell)
                let dx = to.x - from.x, dy = to.y - from.y
                let ch: Character = dx == 0 ? "|" : dy == 0 ? "-" : (dy < 0) == (dx > 0) ? "/" : "\\"
                grid.cells[cell.y][cell.x] = ch
            }
        }
    }

    /// The cells of a straight line from `a` to `b`, both ends included (Bresenham).
    static func segment(from a: (x: Int, y: Int), to b: (x: Int, y: Int)) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        while true {
            out.append((x, y))
            if x == b.x && y == b.y { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
        return out
    }

    private struct Grid {
        let columns: Int
        let rows: Int
        var cells: [[Character]]
        init(columns: Int, rows: Int) {
            self.columns = columns
            self.rows = rows
            cells = Array(repeating: Array(repeating: " ", count: columns), count: rows)
        }
    }
}
