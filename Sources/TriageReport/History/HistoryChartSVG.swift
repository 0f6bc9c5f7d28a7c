import TriageKit

/// The history chart as inline SVG for the HTML sheet: the same trend as `HistoryChart`, drawn
/// with lines and shapes, self-contained (no script, font or image from elsewhere) and legible
/// in black and white, since each check-in's number is written beside its marker and its level
/// is named in the legend and the marker's title.
public struct HistoryChartSVG: Sendable {
    public var wording: Wording

    public init(_ wording: Wording) { self.wording = wording }

    static let width = 640.0
    static let left = 40.0, right = 620.0, top = 14.0, bottom = 180.0

    /// The fill of a level's marker: its tone, as the sheet's level box has it.
    static func colour(_ level: TriageLevel, _ trend: Trend) -> String { LevelTone(level, of: trend.levels).ink }

    public func render(_ trend: Trend) -> String {
        let L = wording.language
        let weeks = trend.lastWeek
        func x(_ w: Double) -> Double { Self.left + w / weeks * (Self.right - Self.left) }
        func y(_ v: Double) -> Double {
            let share = (min(trend.maximum, max(trend.minimum, v)) - trend.minimum) / (trend.maximum - trend.minimum)
            return Self.bottom - share * (Self.bottom - Self.top)
        }
        let label = StringCatalog.history.text("chart.aria", L, [trend.label[L]])
        var s: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-chart\" viewBox=\"0 0 \(n(Self.width)) HEIGHT\" "
                + "role=\"img\" aria-label=\"\(escape(label))\">",
            "<title>\(escape(label))</title>",
        ]
        // The value grid: a line at each even value, labelled on the left.
        var v = trend.minimum
        while v <= trend.maximum {
            s.append("<line x1=\"\(n(Self.left))\" y1=\"\(n(y(v)))\" x2=\"\(n(Self.right))\" y2=\"\(n(y(v)))\" stroke=\"#ddd\" stroke-width=\"1\"/>")
            s.append("<text x=\"\(n(Self.left - 6))\" y=\"\(n(y(v) + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">\(L.number(v))</text>")
            v += max(1, (trend.maximum - trend.minimum) / 5)
        }
        // The weeks at which the guidance looks again.
        for mark in trend.marks {
            s.append("<line x1=\"\(n(x(mark)))\" y1=\"\(n(Self.top))\" x2=\"\(n(x(mark)))\" y2=\"\(n(Self.bottom))\" stroke=\"#777\" "
                     + "stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>")
        }
        s.append("<line x1=\"\(n(Self.left))\" y1=\"\(n(Self.bottom))\" x2=\"\(n(Self.right))\" y2=\"\(n(Self.bottom))\" stroke=\"#1a1a1a\" stroke-width=\"1.2\"/>")
        var labelled: [Double] = []
        for w in [0.0] + trend.marks + [weeks] where !labelled.contains(where: { abs(x($0) - x(w)) < 18 }) {
            labelled.append(w)
            s.append("<text x=\"\(n(x(w)))\" y=\"\(n(Self.bottom + 15))\" text-anchor=\"middle\" font-size=\"11\">\(L.number(w))</text>")
        }
        s.append("<text x=\"\(n(Self.right))\" y=\"\(n(Self.bottom + 30))\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">"
                 + escape(StringCatalog.history.text("chart.weeks", L)) + "</text>")

        let valued = trend.points.compactMap { p in p.value.map { (x(p.weeks), y($0)) } }
        if valued.count > 1 {
            s.append("<polyline fill=\"none\" stroke=\"#333\" stroke-width=\"2\" points=\""
                     + valued.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ") + "\"/>")
        }
        for point in trend.points {
            let px = x(point.weeks), py = point.value.map(y) ?? Self.bottom
            let colour = Self.colour(point.level, trend)
            let value = point.value.map { L.number($0) } ?? wording.t("value.unanswered")
            let title = "\(wording.date(point.day)): \(wording.weeks(point.weeks)), \(trend.label[L]) \(value), \(wording.title(point.level))"
            s.append("<g><title>\(escape(title))</title>"
                     + "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"6\" fill=\"\(colour)\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>"
                     + (point.value == nil ? "" : "<text x=\"\(n(px))\" y=\"\(n(py - 10))\" text-anchor=\"middle\" font-size=\"11\" "
                        + "font-weight=\"700\">\(escape(value))</text>")
                     + "</g>")
        }
        // The legend: each level shown, and the dashed lines, in rows that fit the width.
        var entries: [(text: String, symbol: (Double, Double) -> String)] = []
        for level in trend.levels where trend.points.contains(where: { $0.level.id == level.id }) {
            let colour = Self.colour(level, trend)
            entries.append((wording.title(level), { lx, ly in
                "<circle cx=\"\(n(lx + 6))\" cy=\"\(n(ly - 4))\" r=\"5\" fill=\"\(colour)\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>" }))
        }
        if !trend.marks.isEmpty {
            let list = trend.marks.count == 1 ? L.number(trend.marks[0])
                : StringCatalog.history.text("chart.marks_list", L, [trend.marks.dropLast().map { L.number($0) }.joined(separator: ", "),
                                                                    L.number(trend.marks.last!)])
            entries.append((StringCatalog.history.text("chart.marks", L, [list]), { lx, ly in
                "<line x1=\"\(n(lx + 6))\" y1=\"\(n(ly - 10))\" x2=\"\(n(lx + 6))\" y2=\"\(n(ly + 2))\" stroke=\"#777\" "
                    + "stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>" }))
        }
        var lx = Self.left, ly = Self.bottom + 52
        for entry in entries {
            // About 6.5 units a character at this size: enough to keep entries apart.
            let width = 24 + Double(entry.text.count) * 6.5
            if lx > Self.left && lx + width > Self.right { lx = Self.left; ly += 18 }
            s.append(entry.symbol(lx, ly) + "<text x=\"\(n(lx + 15))\" y=\"\(n(ly))\" font-size=\"11\">\(escape(entry.text))</text>")
            lx += width
        }
        s[0] = s[0].replacing("HEIGHT", with: n(ly + 10))
        s.append("</svg>")
        return s.joined(separator: "\n")
    }

    /// A coordinate with one decimal at most, as SVG reads it (a point, never a comma).
    private func n(_ value: Double) -> String { Language.en.number(value) }

    private func escape(_ text: String) -> String { Markup.escape(text) }
}
