import Foundation
import Testing
import TriageKit
import TriageTestSupport
@testable import TriageTUI

/// The warning signs asked for low back pain, in order: one checklist.
let lowBackSigns = Fixtures.engine.askedItems(given: Fixtures.baseline()).filter { $0.isRedFlag && $0.kind == .boolean }

func onChecklist(_ language: Language = .en, size: Size = small) -> AppState { onQuestion(lowBackSigns[0].id, language, size: size) }

@Suite("The warning-sign checklist") struct WarningSignChecklist {
    @Test(arguments: [small, large])
    func everySignIsALineWithItsAnswerColumnsBesideIt(size: Size) {
        let state = onChecklist(size: size)
        #expect(state.session.checklist(of: lowBackSigns[0]).map(\.id) == lowBackSigns.map(\.id))
        let lines = screenText(state).components(separatedBy: "\n")
        let header = lines.first { $0.contains("yes") && $0.contains("no") && !$0.contains("y/n") }
        #expect(header != nil)
        for (i, sign) in lowBackSigns.enumerated() {
            let label = String(state.wording.label(sign).prefix(30))
            guard let line = lines.first(where: { $0.contains(label) }) else {
                // At 80x24 the list scrolls to leave rows for the selected line's whole question.
                if size == large || i < 6 { Issue.record("line \(i + 1) missing: \(label)") }
                continue
            }
            #expect(line.contains("\(i + 1)  \(label)"))
            // Both answer marks sit within a reading line of the label.
            let start = line.range(of: label)!.lowerBound
            let lastMark = line.range(of: "○", options: .backwards) ?? line.range(of: "●", options: .backwards)
            // Both answer marks sit right after the longest label, within a reading line of it.
            let longest = lowBackSigns.map { state.wording.label($0).count }.max() ?? 0
            #expect(lastMark.map { line.distance(from: start, to: $0.lowerBound) <= longest + 20 } == true)
        }
    }

    @Test(arguments: Language.allCases)
    func theSelectedLinesWholeQuestionShowsUnderTheList(_ language: Language) {
        var state = onChecklist(language, size: large)
        let tearing = lowBackSigns.firstIndex { $0.id == "rf_tearing_pain" }!
        press(&state, Array(repeating: Key.down, count: tearing))
        let whole = screenText(state).replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let question = lowBackSigns[tearing].text[language].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(whole.contains(question), "\(question)")
    }

    @Test func aLongQuestionIsWholeUnderTheListAt80x24AndInTheHelp() {
        var state = onChecklist()
        let accident = lowBackSigns.firstIndex { $0.id == "rf_trauma" }!
        press(&state, Array(repeating: Key.down, count: accident))
        let shown = screenText(state).replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let question = lowBackSigns[accident].text[.en].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(shown.contains(question), "at 80x24 the list gives up rows for the whole question")
        press(&state, .character("?"))
        let whole = screenText(state).replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let help = (lowBackSigns[accident].help?[.en] ?? "").split(whereSeparator: \.isWhitespace).prefix(6).joined(separator: " ")
        #expect(whole.contains(help), "\(whole)")
    }

    @Test func anAnswerIsSavedAtOnceAndSelectsTheNextLine() {
        var state = onChecklist()
        let effects = press(&state, .character("n"))
        #expect(state.answers[lowBackSigns[0].id] == .bool(false))
        #expect(effects == [.saveAnswers(state.answers)])
        #expect(state.page == .question(itemID: lowBackSigns[1].id))
        press(&state, .character("2"))
        #expect(state.answers[lowBackSigns[1].id] == .bool(false))
    }

    @Test func movingNeverAnswers() {
        var state = onChecklist()
        press(&state, .down, .tab, .pageDown, .end, .up, .backTab, .pageUp, .home, .character("j"), .character("k"), .character("h"), .character("l"))
        #expect(lowBackSigns.allSatisfy { state.answers[$0.id] == nil })
    }

    @Test func enterIsRefusedUntilEveryLineIsAnsweredAndNothingIsLost() {
        var state = onChecklist()
        press(&state, .character("n"), .character("n"), .character("n"))
        #expect(press(&state, .enter).isEmpty)
        #expect(state.page == .question(itemID: lowBackSigns[3].id))
        #expect(screenText(state).contains("\(lowBackSigns.count - 3) lines are still unanswered"))
        for sign in lowBackSigns.prefix(3) { #expect(state.answers[sign.id] == .bool(false)) }
        press(&state, Array(repeating: .character("n"), count: lowBackSigns.count - 3))
        press(&state, .enter)
        #expect(state.notice == nil)
        #expect(state.currentItem.map { !$0.isRedFlag } == true)
    }

    @Test(arguments: [small, large])
    func anEmergencySignInterruptsAtOnceAndOnlyOnce(size: Size) {
        var state = onChecklist(size: size)
        let effects = press(&state, .character("n"), .character("n"), .character("y"))
        guard case .emergency(let signs, 0)? = state.overlay else {
            Issue.record("no emergency box: \(String(describing: state.overlay))")
            return
        }
        #expect(signs == [lowBackSigns[2].id])
        #expect(effects.last == .saveAnswers(state.answers))
        let text = screenText(state)
        #expect(text.contains("Please act now") && text.contains("Your answers are saved.") && text.contains("112"))
        // Going on returns to the next line; the same sign does not interrupt again.
        press(&state, .right, .enter)
        #expect(state.overlay == nil)
        #expect(state.page == .question(itemID: lowBackSigns[3].id))
        press(&state, .up, .character("y"))
        #expect(state.overlay == nil)
    }

    @Test(arguments: [small, large])
    func helpKeepsTheLineItExplainsInView(size: Size) {
        var state = onChecklist(size: size)
        press(&state, .down, .down, .down, .down, .down, .character("?"))
        #expect(state.overlay == .help(itemID: lowBackSigns[5].id))
        let text = screenText(state)
        #expect(text.contains("▸  6  " + String(state.wording.label(lowBackSigns[5]).prefix(20))))
        #expect(text.contains(String(lowBackSigns[5].help![.en].prefix(25))))
        // ? again lists every key; another key closes without acting.
        press(&state, .character("?"))
        #expect(state.overlay == .keys)
        press(&state, .character("y"))
        #expect(state.overlay == nil)
        #expect(state.answers[lowBackSigns[5].id] == nil)
    }

    @Test func backLeavesTheChecklistForTheQuestionBefore() {
        var state = onChecklist()
        press(&state, .down, .down, .left)
        let before = state.session.item(before: lowBackSigns[0])!
        #expect(state.page == .question(itemID: before.id))
    }

    @Test func asciiTerminalsGetOnlyASCII() {
        let text = screenText(onChecklist(.de), glyphs: .ascii)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(text.contains("Ruecken- und Nackenschmerzen"))
    }
}
