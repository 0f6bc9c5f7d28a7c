import Foundation
import Testing
import TriageKit
@testable import TriageTUI

/// The warning signs of the shipped questionnaire, in order.
let warningSigns = backPain.items.filter(\.isRedFlag)

/// A state on the warning-sign checklist, every earlier question answered (no sign answered).
func onChecklist(language: String = "en", selecting id: String = "rf_saddle_numbness") -> AppState {
    let before = lowBackSevenWeeks.filter { key, _ in !(backPain.item(key)?.isRedFlag ?? false) }
    var state = freshState(language: language, answers: AnswerSet(before))
    state.show(engine.index.items[id]!)
    return state
}

func short(_ item: Item, _ language: String = "en") -> String { (item.short ?? item.text)[language] }

@Suite struct WarningSignChecklist {
    @Test(arguments: [small, large])
    func allSignsOnOneScreenWithNumberedLines(size: Size) {
        let state = onChecklist()
        #expect(warningSigns.count == 10)
        #expect(state.checklist(of: warningSigns[0]).map(\.id) == warningSigns.map(\.id))
        let lines = render(state, size: size).text.components(separatedBy: "\n")
        #expect(lines.contains { $0.contains("Do you have any of these right now?") })
        #expect(lines.contains { $0.contains("yes") && $0.contains("no") })
        for (i, sign) in warningSigns.enumerated() {
            let text = short(sign)
            guard let line = lines.first(where: { $0.contains(text) }) else {
                Issue.record("line \(i + 1) missing: \(text)"); continue
            }
            #expect(line.contains("\(i + 1)  \(text)"))
            #expect(line.components(separatedBy: "○").count - 1 == 2)
        }
        // The first line is selected; the progress counts each sign as a question.
        #expect(lines.contains { $0.contains("▸  1  Numbness") })
        #expect(lines.contains { $0.contains("10 of \(state.askedItems.count)") })
        #expect(lines.contains { $0.contains("? explains why") })
        #expect(lines.contains { $0.contains("y/n ←→ answer") && $0.contains("Enter next") && $0.contains("q quit") })
        #expect(!lines.joined().contains("more, scroll"))
    }

    @Test func answersMoveToTheNextLineAndAreSavedAsGiven() {
        var state = onChecklist()
        let first = press(&state, .character("n"))
        #expect(state.answers["rf_saddle_numbness"] == .bool(false))
        #expect(first == [.saveSession(state.answers)])
        #expect(state.page == .question(itemID: "rf_bladder_bowel"))
        press(&state, .right, .character("2"))
        #expect(state.answers["rf_bladder_bowel"] == .bool(false))
        #expect(state.answers["rf_weakness"] == .bool(false))
        // ↑ goes back a line and ← answers yes; k and j move too.
        press(&state, .up, .up, .character("k"), .character("j"))
        #expect(state.page == .question(itemID: "rf_bladder_bowel"))
        let text = render(state, size: small).text
        #expect(text.contains("▸  2  New trouble"))
        #expect(text.contains("11 of \(state.askedItems.count)"))
        #expect(text.contains("●"))
    }

    @Test func enterIsRefusedUntilEveryLineIsAnswered() {
        var state = onChecklist()
        press(&state, .character("n"), .character("n"), .character("n"))
        let effects = press(&state, .enter)
        #expect(effects.isEmpty)
        #expect(state.page == .question(itemID: "rf_trauma"))
        #expect(state.notice?.isError == true)
        #expect(render(state, size: small).text.contains("7 lines are still unanswered"))
        // Nothing lost.
        for sign in warningSigns.prefix(3) { #expect(state.answers[sign.id] == .bool(false)) }
        press(&state, Array(repeating: .character("n"), count: 6))
        #expect(state.page == .question(itemID: "rf_infection_risk"))
        press(&state, .up, .enter)
        #expect(render(state, size: small).text.contains("1 line is still unanswered"))
        #expect(state.page == .question(itemID: "rf_infection_risk"))
        press(&state, .character("n"), .enter)
        #expect(state.notice == nil)
        #expect(state.page == .question(itemID: "yf_fear"))
    }

    @Test(arguments: [small, large])
    func anEmergencySignAnsweredYesInterruptsAtOnce(size: Size) {
        var state = onChecklist()
        let effects = press(&state, .character("n"), .character("n"), .character("y"))
        guard case .emergency(let flags, 0)? = state.overlay else {
            Issue.record("no emergency box: \(String(describing: state.overlay))"); return
        }
        #expect(flags == ["rf_weakness"])
        #expect(state.answers["rf_weakness"] == .bool(true))
        #expect(state.answers["rf_trauma"] == nil)
        #expect(effects.last == .saveSession(state.answers))
        let text = render(state, size: size).text
        #expect(text.contains("Please act now"))
        #expect(text.contains("Your answers are saved."))
        // Going on returns to the checklist at the next line, and does not interrupt again.
        press(&state, .right, .enter)
        #expect(state.overlay == nil)
        #expect(state.page == .question(itemID: "rf_trauma"))
        press(&state, .up, .character("y"))
        #expect(state.overlay == nil)
    }

    @Test func questionMarkExplainsTheSelectedLine() {
        var state = onChecklist(selecting: "rf_fever")
        press(&state, .character("?"))
        #expect(state.overlay == .help(itemID: "rf_fever"))
        let help = engine.index.items["rf_fever"]!.help!["en"]
        let words = render(state, size: large).text
        #expect(words.contains(String(help.prefix(20))))
        press(&state, .character("x"))
        #expect(state.overlay == nil)
    }

    @Test func backspaceOnTheFirstLineGoesToThePreviousQuestion() {
        var state = onChecklist(selecting: "rf_bladder_bowel")
        press(&state, .backspace)
        #expect(state.page == .question(itemID: "rf_saddle_numbness"))
        press(&state, .backspace)
        #expect(state.page == .question(itemID: "diagnosis"))
        // And forward again from the question before.
        press(&state, .enter)
        #expect(state.page == .question(itemID: "rf_saddle_numbness"))
    }

    @Test func reviewListsEachSignAndEditingReturnsToTheLine() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks))
        state.showResults()
        press(&state, .character("b"))
        let text = render(state, size: large).text
        for sign in warningSigns { #expect(text.contains(short(sign))) }
        let index = state.askedItems.firstIndex { $0.id == "rf_cancer" }!
        state.page = .review(selection: index)
        press(&state, .enter)
        #expect(state.page == .question(itemID: "rf_cancer"))
        #expect(render(state, size: small).text.contains("▸  6  Cancer now"))
        press(&state, .character("y"))
        #expect(state.answers["rf_cancer"] == .bool(true))
        press(&state, .enter)
        #expect(state.page == .review(selection: index))
    }

    @Test func longListsScrollAt80x24() throws {
        // Twice the warning signs, as another questionnaire might have.
        var q = backPain
        let s = try #require(q.sections.firstIndex { $0.items.contains(where: \.isRedFlag) })
        q.sections[s].items += q.sections[s].items.map { item in
            var copy = item
            copy.id += "_again"
            copy.short = copy.short.map { short in LocalizedText(short.translations.mapValues { "Again: " + $0 }) }
            return copy
        }
        var state = AppState(engine: Engine(q), language: "en", answers: AnswerSet(), today: fixedDay)
        state.show(q.items.first(where: \.isRedFlag)!)
        #expect(state.checklist(of: q.items.first(where: \.isRedFlag)!).count == 20)
        var text = render(state, size: small).text
        #expect(text.contains("▸  1  Numbness"))
        #expect(text.contains("more, scroll ↓"))
        press(&state, .end)
        text = render(state, size: small).text
        #expect(text.contains("▸ 20  Again: Recent infection"))
        #expect(text.contains("more ↑"))
        #expect(!text.contains("scroll ↓"))
        #expect(!text.contains(" 1  Numbness"))
        // The large screen shows them all.
        #expect(!render(state, size: large).text.contains("more, scroll"))
    }

    @Test(arguments: [small, large])
    func german(size: Size) {
        var state = onChecklist(language: "de")
        var text = render(state, size: size).text
        #expect(text.contains("Haben Sie gerade eines davon?"))
        #expect(text.contains("ja"))
        #expect(text.contains("nein"))
        for (i, sign) in warningSigns.enumerated() { #expect(text.contains("\(i + 1)  \(short(sign, "de"))")) }
        #expect(text.contains("10 von \(state.askedItems.count)"))
        press(&state, .character("n"), .enter)
        text = render(state, size: size).text
        #expect(text.contains("9 Zeilen sind noch offen"))
        press(&state, .character("L"))
        #expect(render(state, size: size).text.contains("Do you have any of these"))
    }

    @Test func asciiChecklistHasOnlyASCII() {
        var state = onChecklist()
        press(&state, .character("n"))
        let text = render(state, size: small, glyphs: .ascii).text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("(*)"))
        #expect(text.contains("( )"))
    }
}
