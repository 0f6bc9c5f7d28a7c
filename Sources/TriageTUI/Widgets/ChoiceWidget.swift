import TriageKit

/// A yes/no or single-choice question: options with radio buttons, picked with the arrow keys,
/// their numbers, or the yes and no letters of the language; Enter takes the one picked.
enum ChoiceWidget: Widget {
    enum Command: Sendable { case up, down, pick(Int), submit, back }

    static func labels(_ item: Item, _ context: WidgetContext) -> [String] {
        item.kind == .boolean ? [context.t("answer.yes"), context.t("answer.no")] : item.options.map { $0.text[context.language] }
    }

    static func bindings(for item: Item, _ context: WidgetContext) -> [KeyBinding<Command>] {
        let count = labels(item, context).count
        var list: [KeyBinding<Command>] = []
        if item.kind == .boolean {
            let letters = Widgets.yesNoLetters(context.language)
            list.append(KeyBinding(label: letters.label, help: "key.answer_yes_no") { key in
                guard case .character(let c) = key else { return nil }
                return letters.yes.contains(c) ? .pick(0) : letters.no.contains(c) ? .pick(1) : nil
            })
        }
        list += [
            .on([.up, .backTab], "{up}{down}", "key.choose", footer: item.kind != .boolean, .up),
            .on([.down, .tab], "{down}", "key.choose", footer: false, .down),
            KeyBinding(label: "1-\(count)", help: "key.pick", inFooter: false) { key in
                key.digit.flatMap { (1...count).contains($0) ? .pick($0 - 1) : nil }
            },
            .on([.enter, .right], "Enter", "key.next", .submit),
            .on([.left, .backspace, .escape], "{left}", "key.back", .back),
        ]
        return list
    }

    static func perform(_ command: Command, on editor: inout Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome {
        let count = labels(item, context).count
        switch command {
        case .up: editor.cursor = max(0, (editor.cursor ?? 1) - 1)
        case .down: editor.cursor = min(count - 1, (editor.cursor ?? -1) + 1)
        case .pick(let i): editor.cursor = i
        case .back: return .back
        case .submit:
            guard let cursor = editor.cursor else {
                return item.required ? .refuse(context.t("notice.choose")) : .submit(nil)
            }
            return .submit(item.kind == .boolean ? .bool(cursor == 0) : .string(item.options[cursor].value))
        }
        return .edited
    }

    static func draw(_ item: Item, _ editor: Editor, _ context: WidgetContext, into painter: inout Painter, y start: Int) -> Int {
        var y = start
        let g = painter.glyphs, x = painter.left
        for (i, label) in labels(item, context).enumerated() where y < painter.bottom - 2 {
            let selected = editor.cursor == i
            painter.write(selected ? g.pointer : " ", x: x + 2, y: y, style: .bold)
            painter.write(selected ? g.radioOn : g.radioOff, x: x + 4, y: y)
            painter.write("\(i + 1)", x: x + 8, y: y, style: .dim)
            painter.write(painter.fitted(label, painter.textWidth - 11), x: x + 11, y: y,
                          style: selected ? Style(bold: true, reverse: true) : .plain)
            y += 1
        }
        return y
    }
}
