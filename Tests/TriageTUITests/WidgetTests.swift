import Testing
import TriageKit
import TriageSession
import TriageTestSupport
@testable import TriageTUI

@Suite("The pain scale") struct ScaleInput {
    @Test(arguments: 0...10)
    func typingAValueStoresThatValue(_ value: Int) {
        var state = onQuestion("intensity")
        press(&state, typing(String(value)) + [.enter])
        #expect(state.answers["intensity"] == .number(Double(value)))
    }

    @Test func oneThenZeroIsTenAndOneThenOneStartsAgain() {
        var editor = Editor(itemID: "intensity")
        let item = engine.index.items["intensity"]!
        let context = WidgetContext(language: .en, today: Fixtures.day)
        for key in typing("10") { _ = ScaleWidget.handle(key, &editor, item, context) }
        #expect(editor.scale == 10)
        for key in typing("11") { _ = ScaleWidget.handle(key, &editor, item, context) }
        #expect(editor.scale == 1)
    }

    @Test func homeAndEndGoToTheEnds() {
        var state = onQuestion("intensity")
        press(&state, .end)
        #expect(state.editor.scale == 10)
        press(&state, .home)
        #expect(state.editor.scale == 0)
        #expect(state.page == .question(itemID: "intensity"))
    }

    @Test func theArrowsMoveTheValueAndEnterWithoutOneIsRefused() {
        var state = onQuestion("intensity")
        press(&state, .enter)
        #expect(state.notice?.isError == true)
        #expect(state.answers["intensity"] == nil)
        press(&state, .end, .left, .left, .right)
        #expect(state.editor.scale == 9)
    }
}

@Suite("Keys by language") struct KeysByLanguage {
    @Test func jAnswersYesInGerman() {
        var state = onQuestion("recurrent", .de)
        press(&state, .character("j"), .enter)
        #expect(state.answers["recurrent"] == .bool(true))
    }

    @Test func jAnswersYesOnAGermanChecklist() {
        var state = onQuestion("rf_saddle_numbness", .de)
        press(&state, .character("j"))
        #expect(state.answers["rf_saddle_numbness"] == .bool(true))
    }

    @Test func theGermanFooterSaysJN() {
        let state = onQuestion("recurrent", .de)
        #expect(screenText(state).contains("j/n ja / nein"))
        #expect(!screenText(state).contains("y/n"))
    }

    @Test(arguments: ["recurrent", "region", "intensity", "rf_fever", "age"] as [ItemID])
    func vimKeysNeverChangeAnAnswerInEnglish(_ id: ItemID) {
        var state = onQuestion(id)
        let before = state.answers
        let editor = state.editor
        press(&state, typing("hjkl"))
        #expect(state.answers == before)
        #expect(state.editor.cursor == editor.cursor && state.editor.scale == editor.scale)
        // A number field shows letters as typed, to be refused on Enter, never read as a move.
        #expect(state.editor.text == (id == "age" ? "hjkl" : editor.text))
    }
}

@Suite("Numbers and durations") struct NumberInput {
    @Test func aGermanDecimalCommaIsANumber() {
        var state = onQuestion("duration_weeks", .de)
        press(&state, typing("2,5") + [.enter])
        #expect(state.answers["duration_weeks"] == .number(2.5))
    }

    @Test func tabChoosesMonthsAndTheAnswerIsStoredInWeeks() {
        var state = onQuestion("duration_weeks")
        press(&state, typing("3") + [.tab])
        #expect(state.editor.unit == .months)
        #expect(screenText(state).contains("That is about 13 weeks."))
        press(&state, .enter)
        #expect(state.answers["duration_weeks"] == .number(3 * DurationUnit.weeksPerMonth))
    }

    @Test func aStartDateBecomesWeeksUntilToday() {
        var state = onQuestion("duration_weeks", .de)
        // Fixtures.day is 23.11.2026: two weeks after 9.11.2026.
        press(&state, typing("9.11.2026"))
        #expect(screenText(state).contains("Seit 09.11.2026: 14 Tage."))
        press(&state, .enter)
        #expect(state.answers["duration_weeks"] == .number(2))
    }

    @Test func aDayAfterTodayIsRefused() {
        var state = onQuestion("duration_weeks")
        press(&state, typing("2027-01-01") + [.enter])
        #expect(state.answers["duration_weeks"] == nil)
        #expect(state.notice == Notice("That day is after today.", isError: true))
    }

    @Test func refusedInputStaysForCorrecting() {
        var state = onQuestion("age")
        press(&state, typing("4-2") + [.enter])
        #expect(state.editor.text == "4-2")
        #expect(state.notice?.isError == true)
        #expect(screenText(state).contains("'4-2' is not a number"))
        press(&state, .backspace, .backspace, .character("2"), .enter)
        #expect(state.answers["age"] == .number(42))
    }

    @Test(arguments: [("3 months", 3 * DurationUnit.weeksPerMonth), ("10 days", 10.0 / 7), ("2 weeks", 2.0), ("seit 3 Monaten", 3 * DurationUnit.weeksPerMonth)])
    func aDurationTypedWithItsUnitIsStoredInWeeks(_ typed: String, _ weeks: Double) {
        var state = onQuestion("duration_weeks")
        press(&state, typing(typed))
        #expect(state.editor.text == typed, "every letter stays in the field")
        press(&state, .enter)
        #expect(state.answers["duration_weeks"] == .number(weeks))
    }

    @Test func aGermanDurationInDaysShowsItsWholeWeeksBeforeEnter() {
        var state = onQuestion("duration_weeks", .de)
        press(&state, typing("30 Tage"))
        #expect(screenText(state).contains("Das sind etwa 4 Wochen."), "\(screenText(state))")
        press(&state, .enter)
        #expect(state.answers["duration_weeks"] == .number(30.0 / 7))
    }

    @Test func aFewDaysAreNotTurnedIntoADecimalWeek() {
        var state = onQuestion("duration_weeks", .de)
        press(&state, typing("10 Tage"))
        #expect(!screenText(state).contains("Das sind etwa"), "\(screenText(state))")
        #expect(!screenText(state).contains("1,4"))
    }

    @Test func aCheckInsWeeksArePrefilledAsWholeDaysNeverADecimalWeek() throws {
        let item = try #require(engine.index.items["duration_weeks"])
        let editor = Editor(item: item, answer: .number(3.14), language: .en)
        #expect(editor.text == "22" && editor.unit == .days)
        let whole = Editor(item: item, answer: .number(12), language: .en)
        #expect(whole.text == "12" && whole.unit == .weeks)
    }

    @Test func anAgeTypedWithItsUnitIsTheNumber() {
        var state = onQuestion("age", .de)
        press(&state, typing("62 Jahre") + [.enter])
        #expect(state.answers["age"] == .number(62))
    }

    @Test func lettersAfterDigitsStayInTheFieldInsteadOfRunningCommands() {
        var state = onQuestion("age")
        // r would open the review, q would quit, L would switch the language.
        let effects = press(&state, typing("62 yrq L") + [.enter])
        #expect(state.page == .question(itemID: "age") && state.language == .en && effects.isEmpty)
        #expect(state.editor.text == "62 yrq L")
        #expect(state.notice?.text.contains("'62 yrq L' is not a number") == true)
        #expect(screenText(state).contains("Ctrl-C"), "the footer says how to quit while typing")
    }

    @Test func anEmptyNumberFieldLeavesLettersToTheScreen() {
        var state = onQuestion("age")
        press(&state, .character("r"))
        guard case .review = state.page else { Issue.record("r on an empty field did not open the review: \(state.page)"); return }
    }

    @Test func aNumberOutsideTheRangeIsRefusedWithTheRange() {
        var state = onQuestion("age")
        press(&state, typing("300") + [.enter])
        #expect(state.answers["age"] == nil)
        #expect(state.page == .question(itemID: "age"))
        #expect(state.notice?.text.contains("120") == true)
    }
}

@Suite("Typed text") struct TextInput {
    let item: Item = {
        let body = """
        sections:
          - id: s
            title: {en: S, de: S}
            items:
              - id: note
                type: text
                required: false
                text: {en: Anything else?, de: Sonst noch etwas?}
              - id: rested
                type: boolean
                text: {en: Rested?, de: Geruht?}
        rules:
          - id: r1
            when: "rested"
            triage: self_care
            explanation: {en: Why, de: Warum}
            source: {file: f, section: s}

        """
        return try! Fixtures.load(body).get().items[0]
    }()
    let context = WidgetContext(language: .en, today: Fixtures.day)

    @Test func theCaretMovesAndTextGoesInAtIt() {
        var editor = Editor(itemID: "note")
        for key in typing("ac") + [.left] + typing("b") + [.end] + typing("d") { _ = TextWidget.handle(key, &editor, item, context) }
        #expect(editor.text == "abcd")
        _ = TextWidget.handle(.home, &editor, item, context)
        _ = TextWidget.handle(.delete, &editor, item, context)
        #expect(editor.text == "bcd")
    }

    @Test func lettersThatAreKeysElsewhereAreText() {
        var editor = Editor(itemID: "note")
        for key in typing("qL?r") { _ = TextWidget.handle(key, &editor, item, context) }
        #expect(editor.text == "qL?r")
        #expect(TextWidget.handle(.enter, &editor, item, context) == .submit(.string("qL?r")))
    }
}

@Suite("The scale's anchors") struct ScaleAnchors {
    @Test(arguments: Language.allCases)
    func bothAnchorsAreWholeAt80x24(_ language: Language) throws {
        let item = try #require(engine.index.items["intensity"])
        let anchors = try #require(item.anchors)
        let text = screenText(onQuestion("intensity", language))
        #expect(text.contains("0 = " + anchors.min[language]) && text.contains("10 = " + anchors.max[language]), "\(text)")
    }
}
