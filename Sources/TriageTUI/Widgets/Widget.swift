#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// What a question's widget makes of a key.
enum WidgetOutcome: Sendable, Equatable {
    /// The draft answer changed, or the key was taken without changing it.
    case edited
    /// Take this answer; nil leaves an optional question unanswered.
    case submit(Value?)
    /// Say what is wrong and keep the draft for correcting.
    case refuse(String)
    /// Go to the question before.
    case back
}

/// What widgets need besides the item and the draft: the language of their words and the day
/// of answering (for a duration given as its start date).
struct WidgetContext: Sendable {
    let language: Language
    let today: Date

    func t(_ key: String, _ args: String...) -> String { StringCatalog.tui.text(key, language, args) }
}

/// One kind of question on screen: its keys with the words for the footer and the key overview,
/// what a key does to the draft answer, and how it is drawn. Each kind is one type in one file.
protocol Widget {
    associatedtype Command: Sendable
    static func bindings(for item: Item, _ context: WidgetContext) -> [KeyBinding<Command>]
    static func perform(_ command: Command, on editor: inout Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome
    /// Draws the answer area from row `y`; returns the next free row.
    static func draw(_ item: Item, _ editor: Editor, _ context: WidgetContext, into painter: inout Painter, y: Int) -> Int
}

extension Widget {
    static func handle(_ key: Key, _ editor: inout Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome? {
        guard let command = bindings(for: item, context).command(for: key) else { return nil }
        return perform(command, on: &editor, item, context)
    }

    static func hints(for item: Item, _ context: WidgetContext) -> [KeyHint] { bindings(for: item, context).map(\.hint) }
}

/// The widget of each kind of item.
enum Widgets {
    static func handle(_ key: Key, _ editor: inout Editor, _ item: Item, _ context: WidgetContext) -> WidgetOutcome? {
        switch item.kind {
        case .boolean, .choice: return ChoiceWidget.handle(key, &editor, item, context)
        case .multiChoice: return MultiChoiceWidget.handle(key, &editor, item, context)
        case .scale: return ScaleWidget.handle(key, &editor, item, context)
        case .integer, .decimal: return NumberWidget.handle(key, &editor, item, context)
        case .text, .date: return TextWidget.handle(key, &editor, item, context)
        }
    }

    static func hints(for item: Item, _ context: WidgetContext) -> [KeyHint] {
        switch item.kind {
        case .boolean, .choice: return ChoiceWidget.hints(for: item, context)
        case .multiChoice: return MultiChoiceWidget.hints(for: item, context)
        case .scale: return ScaleWidget.hints(for: item, context)
        case .integer, .decimal: return NumberWidget.hints(for: item, context)
        case .text, .date: return TextWidget.hints(for: item, context)
        }
    }

    static func draw(_ item: Item, _ editor: Editor, _ context: WidgetContext, into painter: inout Painter, y: Int) -> Int {
        switch item.kind {
        case .boolean, .choice: return ChoiceWidget.draw(item, editor, context, into: &painter, y: y)
        case .multiChoice: return MultiChoiceWidget.draw(item, editor, context, into: &painter, y: y)
        case .scale: return ScaleWidget.draw(item, editor, context, into: &painter, y: y)
        case .integer, .decimal: return NumberWidget.draw(item, editor, context, into: &painter, y: y)
        case .text, .date: return TextWidget.draw(item, editor, context, into: &painter, y: y)
        }
    }

    /// Whether the widget takes typed letters, so that letter keys must not quit or switch
    /// the language while it shows.
    static func takesText(_ item: Item) -> Bool { item.kind == .text || item.kind == .date }

    /// Whether letters typed now go into the answer: always in a text field, and in a number
    /// field once something is typed, so that "3 months" or "62 Jahre" stays in the field to be
    /// read or refused there (before, its letters ran commands and the digits were lost); an
    /// empty number field still leaves q, r and L to their screens.
    static func takesLetters(_ item: Item, _ editor: Editor) -> Bool {
        takesText(item) || ((item.kind == .integer || item.kind == .decimal) && editor.itemID == item.id && !editor.text.isEmpty)
    }

    /// The yes and no letters of a language (y/n in English, j/n in German), from the input
    /// words, in either case.
    static func yesNoLetters(_ language: Language) -> (yes: [Character], no: [Character], label: String) {
        func letters(_ key: String) -> [Character] {
            StringCatalog.input.words(key, language).compactMap(\.first).flatMap { [Character($0.lowercased()), Character($0.uppercased())] }
        }
        return (letters("letters.yes"), letters("letters.no"), StringCatalog.input.text("letters.label", language))
    }
}
