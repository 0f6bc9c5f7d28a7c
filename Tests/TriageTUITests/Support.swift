import Foundation
import TriageKit
@testable import TriageTUI

/// The shipped questionnaire, loaded once.
let backPain: Questionnaire = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try! QuestionnaireLoader.load(path: root.appendingPathComponent("Questionnaires/back-pain/questionnaire.yaml").path).get()
}()

let engine = Engine(backPain)
let small = Size(width: 80, height: 24)
let large = Size(width: 200, height: 60)
let fixedDay = AnswerValidation.parseDate("2026-11-23")!

func freshState(language: String = "en", answers: AnswerSet = AnswerSet(), saving: Bool = true) -> AppState {
    AppState(engine: engine, language: language, answers: answers, savingEnabled: saving, today: fixedDay)
}

/// Presses keys in order, collecting every effect.
@discardableResult
func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    press(&state, keys)
}

@discardableResult
func press(_ state: inout AppState, _ keys: [Key]) -> [Effect] {
    var effects: [Effect] = []
    for key in keys {
        let step = update(state, key)
        state = step.state
        effects += step.effects
    }
    return effects
}

func typing(_ text: String) -> [Key] { text.map { .character($0) } }

/// Answers for a person with 7 weeks of low back pain and no warning signs.
let lowBackSevenWeeks: [String: Value] = {
    var a: [String: Value] = ["age": .number(47), "region": .string("lower_back"), "duration_weeks": .number(7),
                              "intensity": .number(6), "diagnosis": .string("none"), "painkiller_weeks": .number(0)]
    for item in backPain.items where item.kind == .boolean { a[item.id] = .bool(false) }
    return a
}()

/// The keys a person presses to give `value` to the item on screen.
func keys(for value: Value, item: Item) -> [Key] {
    switch (item.kind, value) {
    case (.boolean, .bool(let b)): return [.character(b ? "y" : "n"), .enter]
    case (.choice, .string(let s)):
        let index = item.options.firstIndex { $0.value == s }!
        return [.character(Character(String(index + 1))), .enter]
    case (.scale, .number(let n)): return [.character(Character(String(Int(n)))), .enter]
    case (_, .number(let n)): return typing(Value.format(n)) + [.enter]
    default: return typing(value.plain) + [.enter]
    }
}

/// Walks from the welcome screen through every question a person is asked, answering from
/// `answers`, until the questions end or an overlay appears.
@discardableResult
func walk(_ state: inout AppState, answers: [String: Value]) -> [Effect] {
    var effects = press(&state, .enter)
    var steps = 0
    while case .question(let id) = state.page, state.overlay == nil, steps < 100 {
        let item = engine.index.items[id]!
        let lines = state.checklist(of: item)
        if lines.isEmpty {
            effects += press(&state, keys(for: answers[id]!, item: item))
        } else {
            // A checklist line: y or n answers it and selects the next; Enter after the last.
            effects += press(&state, .character(answers[id]! == .bool(true) ? "y" : "n"))
            if id == lines.last?.id, state.overlay == nil { effects += press(&state, .enter) }
        }
        steps += 1
    }
    return effects
}
