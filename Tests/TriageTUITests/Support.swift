import Foundation
import TriageKit
import TriageSession
import TriageTestSupport
@testable import TriageTUI

let engine = Fixtures.engine
let backPain = Fixtures.shipped
let small = Size(width: 80, height: 24)
let large = Size(width: 200, height: 60)

func freshState(_ language: Language = .en, answers: AnswerSet = AnswerSet(), saving: Bool = true, size: Size = small,
                resumable: SavedSession? = nil) -> AppState {
    var state = AppState(session: Session(engine: engine, answers: answers, today: Fixtures.day), language: language,
                         resumable: resumable, savingEnabled: saving)
    state.screenSize = size
    return state
}

/// Presses keys in order, collecting every effect.
@discardableResult
func press(_ state: inout AppState, _ keys: Key...) -> [Effect] { press(&state, keys) }

@discardableResult
func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
    var effects: [Effect] = []
    for key in keys {
        let step = update(state, .key(key))
        state = step.state
        effects += step.effects
    }
    return effects
}

func typing(_ text: String) -> [Key] { text.map { .character($0) } }

/// The keys a person presses to give `value` to the item on screen, in English.
func keys(for value: Value, item: Item) -> [Key] {
    switch (item.kind, value) {
    case (.boolean, .bool(let b)): return [.character(b ? "y" : "n"), .enter]
    case (.choice, .string(let s)):
        let index = item.options.firstIndex { $0.value == s }!
        return [.character(Character(String(index + 1))), .enter]
    case (.scale, .number(let n)): return typing(String(Int(n))) + [.enter]
    case (_, .number(let n)): return typing(Language.en.number(n, decimals: 4)) + [.enter]
    default: return typing(value.plain) + [.enter]
    }
}

/// Walks from the welcome screen through every question a person is asked, answering from
/// `answers`, until the questions end or an overlay appears.
@discardableResult
func walk(_ state: inout AppState, answers: AnswerSet) -> [Effect] {
    var effects = press(&state, .enter)
    var steps = 0
    while case .question(let id) = state.page, state.overlay == nil, steps < 200 {
        let item = engine.index.items[id]!
        let lines = state.session.checklist(of: item)
        let value = answers[id] ?? (item.kind == .boolean ? .bool(false) : nil)
        guard let value else { break }
        if lines.isEmpty {
            effects += press(&state, keys(for: value, item: item))
        } else {
            // A checklist line: y or n answers it and selects the next; Enter after the last.
            effects += press(&state, .character(value == .bool(true) ? "y" : "n"))
            if id == lines.last?.id, state.overlay == nil { effects += press(&state, .enter) }
        }
        steps += 1
    }
    return effects
}

/// The state on the question `id`, every question before it answered as in `answers`.
func onQuestion(_ id: ItemID, _ language: Language = .en, answers: AnswerSet = Fixtures.baseline(), size: Size = small) -> AppState {
    var state = freshState(language, size: size)
    press(&state, .enter)
    var steps = 0
    while case .question(let current) = state.page, current != id, steps < 200 {
        let item = engine.index.items[current]!
        if state.session.checklist(of: item).isEmpty {
            press(&state, keys(for: answers[current] ?? .bool(false), item: item))
        } else {
            press(&state, .character(answers[current] == .bool(true) ? "y" : "n"))
            if current == state.session.checklist(of: item).last?.id, state.overlay == nil { press(&state, .enter) }
        }
        steps += 1
    }
    return state
}

/// The screen as a person reads it.
func screenText(_ state: AppState, size: Size? = nil, glyphs: Glyphs = .unicode) -> String {
    render(state, size: size ?? state.screenSize, glyphs: glyphs).text
}
