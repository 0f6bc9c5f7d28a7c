import TriageKit
import TriageReport

/// A scale such as pain from 0 to 10: the arrow keys move the value, digits type it (1 then 0
/// makes 10), Home and End go to the ends, Enter takes it.
enum ScaleWidget: Widget {
    enum Command: Sendable { case lower, higher, lowest, highest, digit(Int), submit, back }

    static func range(_ item: Item) -> ClosedRange<Int> {
        let low = Int(item.minimum ?? 0)
        return low...max(low, Int(item.maximum ?? 10))
    }

    static func bindings(for item: Item, _ context: WidgetContext) -> [KeyBinding<Command>] {
        let r = range(item)
        return [
            .on([.left, .down], "{left}{right}", "key.move", .lower),
            .on([.right, .up], "{right}", "key.move", footer: false, .higher),
            KeyBinding(label: "\(r.lowerBound)-\(r.upperBound)", help: "key.type_number", inFooter: false) { $0.digit.map(Command.digit) },
            .on([.home], "Home", "key.lowest", footer: false, .lowest),
            .on([.end], "End", "key.highest", footer: false, .highest),
            .on([.enter], "Enter", "key.next", .submit),
            .on([.backspace, .escape], "Backspace", "key.back", .back),
        ]
    }

    static func perform(_ command: Command, on editor: inout Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome {
        let r = range(item)
        if case .digit = command {} else { editor.scaleDigits = "" }
        switch command {
        case .lower: editor.scale = max(r.lowerBound, (editor.scale ?? (r.lowerBound + r.upperBound + 1) / 2) - 1)
        case .higher: editor.scale = min(r.upperBound, (editor.scale ?? (r.lowerBound + r.upperBound - 1) / 2) + 1)
        case .lowest: editor.scale = r.lowerBound
        case .highest: editor.scale = r.upperBound
        case .digit(let d): type(d, &editor, r)
        case .back: return .back
        case .submit:
            guard let value = editor.scale else { return .refuse(context.t("notice.slide")) }
            return .submit(.number(Double(value)))
        }
        return .edited
    }

    /// Digits typed in a row make one number while it stays in range: on 0 to 10, 1 then 0 is
    /// 10 and 1 then 1 starts again at 1. A digit that cannot begin a longer number stands alone.
    static func type(_ d: Int, _ editor: inout Editor, _ r: ClosedRange<Int>) {
        if let joined = Int(editor.scaleDigits + String(d)), !editor.scaleDigits.isEmpty, r.contains(joined) {
            editor.scale = joined
            editor.scaleDigits = joined * 10 <= r.upperBound ? String(joined) : ""
            return
        }
        guard r.contains(d) else {
            editor.scaleDigits = ""
            return
        }
        editor.scale = d
        editor.scaleDigits = d > 0 && d * 10 <= r.upperBound ? String(d) : ""
    }

    static func draw(_ item: Item, _ editor: Editor, _ context: WidgetContext, into painter: inout Painter, y start: Int) -> Int {
        var y = start + 1
        let r = range(item), x = painter.left + 2, g = painter.glyphs
        let slot = max(3, min(6, (painter.textWidth - 4) / max(1, r.count)))
        let trackWidth = slot * r.count
        for (i, value) in r.enumerated() {
            let chosen = editor.scale == value
            let label = chosen ? "[\(value)]" : " \(value) "
            painter.write(label, x: x + i * slot, y: y, style: chosen ? Style(bold: true, reverse: true) : .plain, limit: slot)
        }
        y += 1
        painter.screen.put(String(repeating: g.sliderTrack, count: trackWidth), x: x, y: y, style: .dim)
        if let value = editor.scale {
            painter.screen.put(g.sliderKnob, x: x + (value - r.lowerBound) * slot + 1, y: y, style: .bold)
        }
        y += 1
        if let anchors = item.anchors {
            let lowText = "\(r.lowerBound) = \(anchors.min[context.language])"
            let highText = "\(r.upperBound) = \(anchors.max[context.language])"
            // The anchors under the ends of the track, whole: beyond its end where the line has
            // room, else the upper one on a line of its own, right-aligned.
            let low = g.displayable(lowText), high = g.displayable(highText)
            let room = max(trackWidth, painter.textWidth - 2)
            let lowWidth = DisplayWidth.of(low), highWidth = DisplayWidth.of(high)
            painter.write(low, x: x, y: y)
            if lowWidth + 3 + highWidth > room { y += 1 }
            let end = lowWidth + 3 + highWidth <= trackWidth ? trackWidth : room
            painter.write(high, x: x + max(0, end - highWidth), y: y)
            y += 1
        }
        y += 1
        let status = editor.scale.map { context.t("scale.chosen", "\($0)") } ?? context.t("scale.unset")
        y = painter.paragraph(status, x: x, y: y, width: painter.textWidth - 2, style: editor.scale == nil ? .dim : .bold, maxLines: 2)
        return y
    }
}
