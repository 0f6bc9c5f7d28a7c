import TriageKit

/// A question where several options may apply: Space or an option's number ticks it, Enter
/// takes the ticked ones.
enum MultiChoiceWidget: Widget {
    enum Command: Sendable { case up, down, toggle, toggleNumber(Int), submit, back }

    static func bindings(for item: Item, _ context: WidgetContext) -> [KeyBinding<Command>] {
        let count = item.options.count
        return [
            .on([.up, .backTab], "{up}{down}", "key.choose", .up),
            .on([.down, .tab], "{down}", "key.choose", footer: false, .down),
            .on([.character(" ")], "Space", "key.toggle", .toggle),
            KeyBinding(label: "1-\(count)", help: "key.toggle", inFooter: false) { key in
                key.digit.flatMap { (1...count).contains($0) ? .toggleNumber($0 - 1) : nil }
            },
            .on([.enter, .right], "Enter", "key.next", .submit),
            .on([.left, .backspace, .escape], "{left}", "key.back", .back),
        ]
    }

    static func perform(_ command: Command, on editor: inout Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome {
        switch command {
        case .up: editor.cursor = max(0, (editor.cursor ?? 0) - 1)
        case .down: editor.cursor = min(item.options.count - 1, (editor.cursor ?? 0) + 1)
        case .toggle:
            if let cursor = editor.cursor { editor.picked.formSymmetricDifference([item.options[cursor].value]) }
        case .toggleNumber(let i):
            editor.cursor = i
            editor.picked.formSymmetricDifference([item.options[i].value])
        case .back: return .back
        case .submit:
            return .submit(.list(item.options.map(\.value).filter(editor.picked.contains)))
        }
        return .edited
    }

    static func draw(_ item: Item, _ editor: Editor, _ context: WidgetContext, into painter: inout Painter, y start: Int) -> Int {
        var y = start
        let g = painter.glyphs, x = painter.left
        for (i, option) in item.options.enumerated() where y < painter.bottom - 2 {
            let here = editor.cursor == i
            painter.write(here ? g.pointer : " ", x: x + 2, y: y, style: .bold)
            painter.write(editor.picked.contains(option.value) ? g.checkOn : g.checkOff, x: x + 4, y: y)
            painter.write("\(i + 1)", x: x + 8, y: y, style: .dim)
            painter.write(painter.fitted(option.text[context.language], painter.textWidth - 11), x: x + 11, y: y,
                          style: here ? Style(bold: true, reverse: true) : .plain)
            y += 1
        }
        return y
    }
}
