#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport
import TriageSession

/// A number, such as an age; for a duration also its unit (days, weeks, months, changed with
/// Tab, or typed: "3 months", "10 Tage") or the day it began. What is typed stays in the field,
/// words too, and is read on Enter; refused input stays with the reason beside it.
enum NumberWidget: Widget {
    enum Command: Sendable { case type(Character), erase, nextUnit, previousUnit, submit, back }

    /// Long enough for a date (15.11.2026) or a duration in words ("seit 3 Wochen").
    static let maximumLength = 20

    static func isDuration(_ item: Item) -> Bool { item.inputHint == .duration }

    static func bindings(for item: Item, _ context: WidgetContext) -> [KeyBinding<Command>] {
        var list: [KeyBinding<Command>] = [
            // Any printable key is typed; while the field is empty the screen's own letters
            // (q, r, L) come first (`Widgets.takesLetters`).
            KeyBinding(label: "0-9", help: "key.type_number", inFooter: false) { key in
                guard case .character(let c) = key, !c.isNewline, c != "\t", !(c.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) else {
                    return nil
                }
                return .type(c)
            },
            .on([.enter], "Enter", "key.next", .submit),
            .on([.left, .escape], "{left}", "key.back", .back),
            .on([.backspace, .delete], "Backspace", "key.erase", footer: false, .erase),
        ]
        if isDuration(item) {
            list.insert(.on([.tab], "Tab", "key.unit", .nextUnit), at: 2)
            list.insert(.on([.backTab], "Shift-Tab", "key.unit", footer: false, .previousUnit), at: 3)
        }
        return list
    }

    static func perform(_ command: Command, on editor: inout Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome {
        switch command {
        case .type(let c):
            guard editor.text.count < maximumLength, !(c == " " && editor.text.isEmpty) else { return .edited }
            editor.text.append(c)
        case .erase:
            if !editor.text.isEmpty { editor.text.removeLast() }
        case .nextUnit: editor.unit = editor.unit.next
        case .previousUnit: editor.unit = editor.unit.previous
        case .back: return .back
        case .submit: return submit(editor, item, context)
        }
        editor.caret = editor.text.count
        return .edited
    }

    static func submit(_ editor: Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome {
        let typed = editor.text.trimmed
        if typed.isEmpty { return item.required ? .refuse(context.t("notice.enter_number")) : .submit(nil) }
        if isDuration(item) {
            if let start = Day.parse(typed) {
                guard let weeks = Day.weeks(from: start, to: context.today) else { return .refuse(context.t("notice.future_day")) }
                return .submit(.number(weeks))
            }
            guard let duration = duration(typed, editor) else { return .refuse(context.t("notice.not_a_duration", typed)) }
            return .submit(.number(duration.weeks))
        }
        guard let number = TypedNumber.parse(typed, units: item.unitWords) else { return .refuse(context.t("notice.not_a_number", typed)) }
        return .submit(.number(number))
    }

    /// A typed duration in weeks, and its unit: the one it names ("3 months"), else the one chosen.
    static func duration(_ typed: String, _ editor: Editor) -> (weeks: Double, unit: DurationUnit)? {
        DurationUnit.parse(typed).map { typed in
            let unit = typed.unit ?? editor.unit
            return (unit.weeks(typed.amount), unit)
        }
    }

    static func draw(_ item: Item, _ editor: Editor, _ context: WidgetContext, into painter: inout Painter, y start: Int) -> Int {
        var y = start
        let x = painter.left + 2, fieldWidth = maximumLength + 4, language = context.language
        painter.screen.box(x: x, y: y, width: fieldWidth, height: 3, lines: painter.glyphs.light)
        let end = painter.write(editor.text, x: x + 2, y: y + 1, style: .bold, limit: fieldWidth - 3)
        painter.screen.cursor = (end, y + 1)
        var ux = x + fieldWidth + 2
        if isDuration(item) {
            for unit in DurationUnit.allCases {
                let on = editor.unit == unit
                ux = painter.write((on ? painter.glyphs.radioOn : painter.glyphs.radioOff) + " " + context.t(unit.key), x: ux, y: y + 1,
                                   style: on ? .bold : .plain) + 3
            }
        } else if let unit = item.unit?[language] {
            painter.write(unit, x: ux, y: y + 1)
        }
        y += 3
        let w = painter.textWidth - 2
        if isDuration(item) {
            let typed = editor.text.trimmed
            var lines = [context.t("duration.hint")]
            if let start = Day.parse(typed), let weeks = Day.weeks(from: start, to: context.today) {
                lines.insert(context.t("duration.since", language.date(start), Wording.weeksText(weeks, language)), at: 0)
            } else if let duration = duration(typed, editor), duration.unit != .weeks, duration.weeks >= 3 {
                // Under 3 weeks people count days, as typed; from 3 weeks on, the whole weeks.
                lines.insert(context.t("duration.in_weeks", Wording.weeksText(duration.weeks, language)), at: 0)
            }
            for (i, line) in lines.enumerated() {
                y = painter.paragraph(line, x: x, y: y, width: w, style: i == 0 && lines.count > 1 ? .bold : .dim, maxLines: 2)
            }
        } else if let low = item.minimum, let high = item.maximum {
            y = painter.paragraph(context.t("number.range", language.number(low), language.number(high)), x: x, y: y, width: w, style: .dim)
        }
        return y
    }
}

extension DurationUnit {
    /// The interface string of the unit's name.
    var key: String {
        switch self {
        case .days: return "unit.days"
        case .weeks: return "unit.weeks"
        case .months: return "unit.months"
        }
    }
}
