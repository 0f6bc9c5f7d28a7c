#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport
import TriageSession

/// Free text or a date, typed in a field with a caret: the arrow keys, Home and End move it,
/// Backspace and Delete erase, Enter takes the text, Esc goes back. Every letter is text here,
/// so only F1 and Ctrl-C act besides.
enum TextWidget: Widget {
    enum Command: Sendable { case type(Character), eraseBefore, eraseAfter, caretLeft, caretRight, caretHome, caretEnd, submit, back }

    static func bindings(for item: Item, _ context: WidgetContext) -> [KeyBinding<Command>] {
        [
            KeyBinding(label: "abc", help: "key.type", inFooter: false) { key in
                guard case .character(let c) = key, !c.isNewline else { return nil }
                return .type(c)
            },
            .on([.left], "{left}{right}", "key.caret", footer: false, .caretLeft),
            .on([.right], "{right}", "key.caret", footer: false, .caretRight),
            .on([.home], "Home", "key.caret", footer: false, .caretHome),
            .on([.end], "End", "key.caret", footer: false, .caretEnd),
            .on([.backspace], "Backspace", "key.erase", footer: false, .eraseBefore),
            .on([.delete], "Delete", "key.erase", footer: false, .eraseAfter),
            .on([.enter], "Enter", "key.next", .submit),
            .on([.escape], "Esc", "key.back", .back),
        ]
    }

    static func perform(_ command: Command, on editor: inout Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome {
        var chars = Array(editor.text)
        editor.caret = min(max(0, editor.caret), chars.count)
        switch command {
        case .type(let c):
            guard chars.count < AnswerValidation.maximumTextLength else { return .edited }
            chars.insert(c, at: editor.caret)
            editor.caret += 1
        case .eraseBefore:
            if editor.caret > 0 { chars.remove(at: editor.caret - 1); editor.caret -= 1 }
        case .eraseAfter:
            if editor.caret < chars.count { chars.remove(at: editor.caret) }
        case .caretLeft: editor.caret = max(0, editor.caret - 1)
        case .caretRight: editor.caret = min(chars.count, editor.caret + 1)
        case .caretHome: editor.caret = 0
        case .caretEnd: editor.caret = chars.count
        case .back: return .back
        case .submit: return submit(editor, item, context)
        }
        editor.text = String(chars)
        return .edited
    }

    static func submit(_ editor: Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome {
        let typed = editor.text.trimmed
        if typed.isEmpty { return item.required ? .refuse(context.t("notice.enter_text")) : .submit(nil) }
        guard item.kind == .date else { return .submit(.string(typed)) }
        guard let day = Day.parse(typed) else { return .refuse(context.t("notice.not_a_date", typed)) }
        return .submit(.string(AnswerValidation.formatDate(day)))
    }

    static func draw(_ item: Item, _ editor: Editor, _ context: WidgetContext, into painter: inout Painter, y start: Int) -> Int {
        let x = painter.left + 2
        let fieldWidth = item.kind == .date ? 16 : painter.textWidth - 4
        painter.screen.box(x: x, y: start, width: fieldWidth, height: 3, lines: painter.glyphs.light)
        let inner = fieldWidth - 4
        let chars = Array(editor.text)
        let caret = min(max(0, editor.caret), chars.count)
        // The field scrolls to keep the caret in view.
        var first = 0
        while first < caret, DisplayWidth.of(painter.glyphs.displayable(String(chars[first..<caret]))) >= inner { first += 1 }
        painter.write(String(chars[first...]), x: x + 2, y: start + 1, limit: inner)
        painter.screen.cursor = (x + 2 + DisplayWidth.of(painter.glyphs.displayable(String(chars[first..<caret]))), start + 1)
        var y = start + 3
        if item.kind == .date {
            y = painter.paragraph(context.t("date.hint"), x: x, y: y, width: painter.textWidth - 2, style: .dim, maxLines: 2)
        }
        return y
    }
}
