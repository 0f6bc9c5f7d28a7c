import Foundation
import Testing
import TriageKit
@testable import TriageTUI

@Suite struct WelcomeScreen {
    @Test(arguments: [small, large])
    func saysWhatItIsAndIsNot(size: Size) {
        let text = render(freshState(), size: size).text
        #expect(text.contains("Back pain"))
        #expect(text.contains("not a diagnosis"))
        #expect(text.contains("112"))
        #expect(text.contains("Start the questions"))
        #expect(text.contains("L Deutsch"))
    }

    @Test func offersToContinueASavedSession() {
        var state = freshState()
        state.resumable = SavedSession(questionnaire: "back-pain", version: "1.0.0",
                                       answers: AnswerSet(["age": .number(50), "region": .string("neck")]), savedAt: fixedDay)
        let text = render(state, size: small).text
        #expect(text.contains("Continue where I stopped"))
        #expect(text.contains("Start over"))
        #expect(text.contains("2 answered"))
        press(&state, .enter)
        // Continuing lands on the first question without an answer.
        #expect(state.page == .question(itemID: "duration_weeks"))
        #expect(state.answers["age"] == .number(50))
    }

    @Test func startingOverDeletesTheSavedSession() {
        var state = freshState()
        state.resumable = SavedSession(questionnaire: "back-pain", version: "1.0.0", answers: AnswerSet(["age": .number(50)]), savedAt: fixedDay)
        let effects = press(&state, .down, .enter)
        #expect(effects == [.deleteSession])
        #expect(state.answers.values.isEmpty)
        #expect(state.page == .question(itemID: "age"))
    }
}

@Suite struct QuestionScreens {
    @Test(arguments: [small, large])
    func showsSectionQuestionProgressAndKeys(size: Size) {
        var state = freshState()
        press(&state, .enter)
        let text = render(state, size: size).text
        #expect(text.contains("About you"))
        #expect(text.contains("How old are you?"))
        #expect(text.contains("1 of 26"))
        #expect(text.contains("Enter next"))
        #expect(text.contains("q quit"))
    }

    @Test func invalidNumberIsRefusedInPlaceAndKept() {
        var state = freshState()
        press(&state, .enter)
        let effects = press(&state, typing("12") + [.enter])
        #expect(effects.isEmpty)
        #expect(state.page == .question(itemID: "age"))
        #expect(state.editor.text == "12")
        #expect(state.notice?.isError == true)
        let text = render(state, size: small).text
        #expect(text.contains("written for adults"))
        #expect(text.contains("12"))
        // German messages come from the same validation.
        press(&state, .character("L"), .enter)
        #expect(render(state, size: large).text.contains("für Erwachsene"))
    }

    @Test func durationInDaysIsStoredInWeeks() {
        var state = freshState(answers: AnswerSet(["age": .number(40), "region": .string("lower_back")]))
        state.show(engine.index.items["duration_weeks"]!)
        // weeks -> months -> days
        press(&state, [.character("1"), .character("4"), .tab, .tab])
        #expect(state.editor.unit == .days)
        #expect(render(state, size: small).text.contains("14 days is about 2 weeks"))
        let effects = press(&state, .enter)
        #expect(state.answers["duration_weeks"] == .number(2))
        #expect(effects.contains(.saveSession(state.answers)))
        #expect(state.page == .question(itemID: "recurrent"))
    }

    @Test func scaleIsASliderWithAnchors() {
        var state = freshState()
        state.show(engine.index.items["intensity"]!)
        var text = render(state, size: small).text
        #expect(text.contains("0 = no pain"))
        #expect(text.contains("10 = worst pain imaginable"))
        press(&state, .enter)
        #expect(state.notice?.isError == true)
        press(&state, .character("6"), .right, .right)
        text = render(state, size: small).text
        #expect(text.contains("[8]"))
        #expect(text.contains("Your choice: 8"))
    }

    @Test func helpExplainsWhyItIsAsked() {
        var state = freshState()
        press(&state, .enter, .character("?"))
        let text = render(state, size: small).text
        #expect(text.contains("Why this is asked"))
        #expect(text.contains("written for adults"))
        press(&state, .character("x"))
        #expect(state.overlay == nil)
    }

    @Test func skippedItemsDisappearAndComeBackWithTheirAnswers() {
        var state = freshState(answers: AnswerSet(["age": .number(40), "region": .string("lower_back"), "radiates_leg": .bool(true)]))
        #expect(state.askedItems.contains { $0.id == "radiates_leg" })
        state.show(engine.index.items["region"]!)
        press(&state, .character("3"), .enter)
        #expect(!state.askedItems.contains { $0.id == "radiates_leg" })
        #expect(state.askedItems.contains { $0.id == "whiplash" })
        #expect(state.effectiveAnswers["radiates_leg"] == nil)
        state.show(engine.index.items["region"]!)
        press(&state, .character("1"), .enter)
        #expect(state.askedItems.contains { $0.id == "radiates_leg" })
        #expect(state.effectiveAnswers["radiates_leg"] == .bool(true))
    }

    @Test func languageSwitchKeepsAnswers() {
        var state = freshState()
        press(&state, .enter)
        press(&state, typing("47") + [.enter, .character("L")])
        #expect(state.language == "de")
        #expect(state.answers["age"] == .number(47))
        let text = render(state, size: small).text
        #expect(text.contains("Wo haben Sie hauptsächlich Schmerzen?"))
        #expect(text.contains("Unterer Rücken"))
        #expect(text.contains("L English"))
    }

    @Test func backKeepsLaterAnswers() {
        var state = freshState()
        press(&state, .enter)
        press(&state, typing("47") + [.enter, .character("1"), .enter])
        #expect(state.page == .question(itemID: "duration_weeks"))
        press(&state, .left, .left)
        #expect(state.page == .question(itemID: "age"))
        #expect(state.editor.text == "47")
        #expect(state.answers["region"] == .string("lower_back"))
    }
}

@Suite struct Emergency {
    @Test(arguments: [small, large])
    func anEmergencySignInterruptsAtOnce(size: Size) {
        var answers = lowBackSevenWeeks
        answers["rf_weakness"] = .bool(true)
        var state = freshState()
        let effects = walk(&state, answers: answers)
        guard case .emergency(let flags, 0)? = state.overlay else {
            Issue.record("no emergency box: \(String(describing: state.overlay))")
            return
        }
        #expect(flags == ["rf_weakness"])
        #expect(effects.contains(.saveSession(state.answers)))
        let text = render(state, size: size).text
        #expect(text.contains("Please act now"))
        #expect(text.contains("call 112"))
        #expect(text.contains("Your answers are saved."))
        #expect(text.contains("Show my result now"))
        #expect(text.contains("Go on with the questions"))
        press(&state, .enter)
        #expect(state.page == .results(selection: 0))
        #expect(render(state, size: size).text.contains("EMERGENCY"))
    }

    @Test func goingOnDoesNotInterruptAgainForTheSameSign() {
        var answers = lowBackSevenWeeks
        answers["rf_saddle_numbness"] = .bool(true)
        var state = freshState()
        walk(&state, answers: answers)
        press(&state, .right, .enter)
        #expect(state.overlay == nil)
        #expect(state.page == .question(itemID: "rf_bladder_bowel"))
        walk(&state, answers: answers)
        #expect(state.overlay == nil)
        #expect(state.page == .results(selection: 0))
    }
}

@Suite struct Results {
    @Test(arguments: [small, large])
    func lowBackPainOfSevenWeeksMeansSeeADoctor(size: Size) {
        var state = freshState()
        walk(&state, answers: lowBackSevenWeeks)
        #expect(state.page == .results(selection: 0))
        let text = render(state, size: size).text
        #expect(text.contains("SEE A DOCTOR"))
        #expect(text.contains("Physiotherapy"))
        #expect(text.contains("No warning signs answered yes."))
        #expect(text.contains("Check again on 2026-12-28"))
        #expect(text.contains("Sooner if a warning"))
    }

    @Test func theSelectedEntryShowsWhy() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks))
        state.showResults()
        let text = render(state, size: large).text
        #expect(text.contains("Why: rule low-back-6-weeks"))
        #expect(text.contains("Source:"))
    }

    @Test func theSafetyNetListsWarningSignsToWatch() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks))
        state.showResults()
        press(&state, .end)
        let text = render(state, size: large).text
        #expect(text.contains("See a doctor at once if any of these appear"))
        #expect(text.contains("Numbness around the anus"))
    }

    @Test func savingTheSummaryIsAnEffect() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks))
        state.showResults()
        let effects = press(&state, .character("s"))
        guard case .saveSheets(let sheets)? = effects.first else { Issue.record("no summary effect"); return }
        #expect(sheets.text.contains("SEE A DOCTOR"))
        #expect(sheets.html.contains("<html"))
        state.sheetsSaved(text: "/tmp/x/summary.txt", html: "/tmp/x/summary.html")
        let text = render(state, size: small).text
        #expect(text.contains("/tmp/x/summary.txt"))
        #expect(text.contains("/tmp/x/summary.html"))
    }

    @Test func levelColoursOnlyAddToTheWord() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks))
        state.showResults()
        let screen = render(state, size: small)
        let row = (0..<screen.size.height).first { screen.line($0).contains("SEE A DOCTOR") }!
        let col = Array(screen.line(row)).firstIndex(of: "S")!
        #expect(screen.cells[row][col].style.tint == .blue)
        #expect(screen.cells[row][col].style.bold)
    }
}

@Suite struct ReviewScreen {
    @Test func listsEveryAnswerAndEditsInPlace() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks))
        state.showResults()
        press(&state, .character("b"))
        guard case .review = state.page else { Issue.record("not on review"); return }
        let text = render(state, size: large).text
        #expect(text.contains("Age"))
        #expect(text.contains("47 years"))
        #expect(text.contains("Lower back"))
        // Change the duration from the review screen: back on review, result now self-care.
        press(&state, .down, .down, .enter)
        #expect(state.page == .question(itemID: "duration_weeks"))
        press(&state, [.backspace, .character("2"), .enter])
        guard case .review = state.page else { Issue.record("did not return to review"); return }
        press(&state, .character("s"))
        #expect(render(state, size: small).text.contains("SELF-CARE"))
    }
}

@Suite struct Quitting {
    @Test func ctrlCSavesAndQuits() {
        var state = freshState()
        press(&state, .enter)
        press(&state, typing("47") + [.enter])
        let effects = press(&state, .interrupt)
        #expect(effects == [.saveSession(state.answers), .quit])
    }

    @Test func quitWithoutSavingAsksOnce() {
        var state = freshState(saving: false)
        press(&state, .enter)
        press(&state, typing("47") + [.enter])
        #expect(press(&state, .character("q")).isEmpty)
        #expect(state.overlay == .confirmQuit)
        #expect(render(state, size: small).text.contains("your answers will be lost"))
        #expect(press(&state, .character("y")) == [.quit])
    }
}

@Suite struct Terminal {
    @Test func tooSmallSaysSo() {
        let text = render(freshState(), size: Size(width: 40, height: 10)).text
        #expect(text.contains("40x10"))
        #expect(text.contains("at least 80x24"))
    }

    @Test func asciiFallbackHasOnlyASCII() {
        var state = freshState(language: "de")
        press(&state, .enter, .character("?"))
        for screen in [render(state, size: small, glyphs: .ascii), render(freshState(answers: AnswerSet(lowBackSevenWeeks)), size: large, glyphs: .ascii)] {
            let ascii = screen.text.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii)
        }
        #expect(render(state, size: small, glyphs: .ascii).text.contains("fuer Erwachsene"))
    }

    @Test func wideCharactersTakeTwoCells() {
        var screen = Screen(size: Size(width: 10, height: 1))
        let end = screen.put("日本x", x: 0, y: 0)
        #expect(end == 5)
        #expect(screen.line(0) == "日本x     ")
    }

    @Test func renderingIsPure() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks))
        state.showResults()
        #expect(render(state, size: small) == render(state, size: small))
    }
}

@Suite struct SessionFiles {
    @Test func savesPrivatelyAndReadsBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bt-\(UUID().uuidString)/backtriage").path
        let store = SessionStore(directory: dir)
        let session = SavedSession(questionnaire: "back-pain", version: "1.0.0", answers: AnswerSet(lowBackSevenWeeks),
                                   savedAt: Date(timeIntervalSince1970: 1_700_000_000))
        try store.save(session)
        let loaded = try store.load(questionnaire: "back-pain")
        #expect(loaded == session)
        let fileMode = try FileManager.default.attributesOfItem(atPath: store.sessionPath(questionnaire: "back-pain"))[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(dirMode == 0o700)
        let json = try String(contentsOfFile: store.sessionPath(questionnaire: "back-pain"), encoding: .utf8)
        let keys = try (JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]).map { Set($0.keys) }
        #expect(keys == ["questionnaire", "version", "answers", "saved_at"])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(files == ["back-pain.json"])
        try store.delete(questionnaire: "back-pain")
        let afterDelete = try store.load(questionnaire: "back-pain")
        #expect(afterDelete == nil)
    }

    @Test func followsXDGStateHome() {
        #expect(SessionStore.defaultDirectory(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]) == "/x/state/backtriage")
        #expect(SessionStore.defaultDirectory(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/backtriage")
    }
}
