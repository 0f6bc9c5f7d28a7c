import Foundation
import Testing
import TriageKit
import TriageSession
import TriageTestSupport
@testable import TriageTUI

@Suite("Starting and continuing") struct StartingAndContinuing {
    let saved = SavedSession(questionnaire: "back-pain", version: "2.0.0",
                             answers: AnswerSet(["age": .number(40), "region": .string("neck")]),
                             savedAt: AnswerValidation.parseDate("2026-11-21")!.addingTimeInterval(8 * 3600 + 10 * 60))

    @Test func theWelcomeSaysItIsNoDiagnosisAndNamesTheEmergencySigns() {
        let text = screenText(freshState())
        #expect(text.contains("not a diagnosis"))
        #expect(text.contains("call 112"))
        #expect(text.contains("Numbness around the anus"))
    }

    @Test func enterStartsTheFirstQuestion() {
        var state = freshState()
        press(&state, .enter)
        #expect(state.page == .question(itemID: "age"))
    }

    @Test func savedAnswersAreOfferedWithTheirDateInTheLanguage() {
        #expect(screenText(freshState(resumable: saved)).contains("Saved answers from 21 Nov 2026, 08:10"))
        #expect(screenText(freshState(.de, resumable: saved)).contains("Gespeicherte Antworten vom 21.11.2026, 08:10"))
    }

    @Test func continuingRestoresTheAnswersAtTheFirstOpenQuestion() {
        var state = freshState(resumable: saved)
        press(&state, .enter)
        #expect(state.answers["region"] == .string("neck"))
        #expect(state.page == .question(itemID: "duration_weeks"))
    }

    @Test func startingOverAsksThenDeletesTheSavedAnswers() {
        var state = freshState(resumable: saved)
        press(&state, .down, .enter)
        #expect(state.overlay == .confirmStartOver)
        let effects = press(&state, .character("y"))
        #expect(effects == [.deleteAnswers])
        #expect(state.answers.values.isEmpty)
        #expect(state.page == .question(itemID: "age"))
    }
}

@Suite("Answering") struct Answering {
    @Test func backKeepsLaterAnswers() {
        var state = onQuestion("recurrent")
        press(&state, .left, .left)
        #expect(state.page == .question(itemID: "region"))
        #expect(state.answers["duration_weeks"] != nil)
        press(&state, .enter)
        #expect(state.page == .question(itemID: "duration_weeks"))
        // One week, as people count it under 3 weeks: 7 days.
        #expect(state.editor.text == "7" && state.editor.unit == .days)
    }

    @Test func theLanguageSwitchKeepsAnswersAndPage() {
        var state = onQuestion("intensity")
        press(&state, .character("L"))
        #expect(state.language == .de)
        #expect(state.page == .question(itemID: "intensity"))
        #expect(state.answers["age"] == .number(40))
        #expect(screenText(state).contains("Wie stark"))
    }

    @Test func theProgressIsShownOnceAndOnlyGrows() {
        var state = freshState()
        press(&state, .enter)
        var last = -1
        var steps = 0
        let answers = Fixtures.baseline(["radiates_leg": .bool(true)])
        while case .question(let id) = state.page, state.overlay == nil, steps < 100 {
            let percent = state.session.percentDone
            #expect(percent > last && percent < 100, "the share done did not grow at \(id)")
            last = percent
            let text = screenText(state)
            #expect(text.components(separatedBy: "\(percent) % done").count == 2, "progress shown once at \(id)")
            let item = engine.index.items[id]!
            if state.session.checklist(of: item).isEmpty {
                press(&state, keys(for: answers[id] ?? .bool(false), item: item))
            } else {
                press(&state, .character("n"))
                if state.session.checklist(of: item).last?.id == id { press(&state, .enter) }
            }
            steps += 1
        }
        #expect(state.page == .results(selection: 0))
    }

    @Test func anUrgentResultsWatchPageIsNamedForWhatItSays() {
        var state = freshState()
        walk(&state, answers: Fixtures.baseline(["rf_fever": .bool(true)]))
        press(&state, .end, .enter)
        let text = screenText(state)
        #expect(text.contains("What to watch for") && !text.contains("When to look again"), "\(text)")
        #expect(text.contains("before you are seen"))
    }

    @Test func theWholeQuestionnaireEndsOnTheResult() {
        var state = freshState()
        let effects = walk(&state, answers: Fixtures.baseline())
        #expect(state.page == .results(selection: 0))
        #expect(effects.allSatisfy { if case .saveAnswers = $0 { return true } else { return false } })
        #expect(screenText(state).contains("SELF-CARE"))
    }
}

@Suite("Reviewing answers") struct ReviewingAnswers {
    func reviewed(_ answers: AnswerSet = Fixtures.baseline()) -> AppState {
        var state = freshState()
        walk(&state, answers: answers)
        press(&state, .character("b"))
        return state
    }

    @Test func everyAskedQuestionIsListedWithItsAnswer() {
        let state = reviewed()
        let text = screenText(state, size: Size(width: 100, height: 60))
        #expect(text.contains("Every question is answered"))
        for item in state.session.askedItems.prefix(20) {
            #expect(text.contains(String(state.wording.label(item).prefix(25))), "\(item.id)")
        }
        #expect(text.contains("40 years") && text.contains("5/10"))
    }

    @Test func changingAnAnswerReturnsToTheList() {
        var state = reviewed()
        press(&state, .down, .down, .enter)
        #expect(state.page == .question(itemID: "duration_weeks"))
        press(&state, .backspace, .character("8"), .enter)
        #expect(state.page == .review(selection: 2))
        // The one week was shown as 7 days; 8 days it is.
        #expect(state.answers["duration_weeks"] == .number(8.0 / 7))
    }

    @Test func theLastLineShowsTheResult() {
        var state = reviewed()
        press(&state, .end)
        #expect(screenText(state).contains("Show my result"))
        press(&state, .enter)
        #expect(state.page == .results(selection: 0))
    }

    @Test func withOpenQuestionsTheLastLineGoesToTheFirst() {
        var state = onQuestion("intensity")
        press(&state, .character("r"), .end)
        #expect(screenText(state).contains("Go to the first open question"))
        press(&state, .enter)
        #expect(state.page == .question(itemID: "intensity"))
    }
}

@Suite("The result") struct TheResult {
    func result(_ changes: [String: Value] = [:], _ language: Language = .en, saving: Bool = true) -> AppState {
        var state = freshState(language, saving: saving)
        walk(&state, answers: Fixtures.baseline(changes))
        return state
    }

    @Test func anEmergencyShowsTheActionAndItsReasonAndNothingElse() {
        var state = onChecklist()
        press(&state, .character("y"), .enter)
        #expect(state.page == .results(selection: 0))
        let text = screenText(state, size: large)
        #expect(text.contains("EMERGENCY"))
        #expect(text.contains("Warning signs you answered yes"))
        let report = state.report
        for entry in Fixtures.shipped.catalog where entry.kind != .note {
            #expect(!text.contains(entry.title[.en]), "\(entry.id) on an emergency result")
        }
        #expect(!text.contains("Check again"))
        #expect(report.level.id == "emergency")
    }

    @Test func theSelectedEntryShowsWhyInTheAnswers() {
        let state = result(["duration_weeks": .number(8)])
        let text = screenText(state, size: small)
        #expect(text.contains("SEE A DOCTOR"))
        #expect(text.contains("Why:"))
        #expect(text.contains("Check again on"))
    }

    @Test func detailPagesScrollAndReturnToTheSameRow() {
        var state = result(["duration_weeks": .number(8)])
        press(&state, .down, .enter)
        guard case .detail(_, 0, 1) = state.page else {
            Issue.record("not on a detail page: \(state.page)")
            return
        }
        #expect(screenText(state).contains("more below"))
        press(&state, .pageDown)
        guard case .detail(_, let scroll, _) = state.page, scroll > 0 else {
            Issue.record("did not scroll")
            return
        }
        press(&state, .escape)
        #expect(state.page == .results(selection: 1))
    }

    @Test func savingTheSheetWorksWithSavingOffInTheShownLanguage() {
        var state = result([:], .de, saving: false)
        let effects = press(&state, .character("s"))
        guard case .saveSheets(let sheets)? = effects.first else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(sheets.language == .de)
        #expect(sheets.text.contains("SELBSTHILFE"))
        #expect(sheets.html.contains("<html"))
    }

    @Test func theSavedPathsStayUntilDismissedAndCanBeCopiedHere() {
        var state = result()
        state = update(state, .done(.sheetsSaved(text: "/s/summary-en.txt", html: "/s/summary-en.html"))).state
        press(&state, .down, .character("x"))
        #expect(screenText(state).contains("summary-en.html"))
        #expect(press(&state, .character("c")) == [.copyHere(["/s/summary-en.txt", "/s/summary-en.html"])])
        state = update(state, .done(.copied(["/here/summary-en.txt", "/here/summary-en.html"]))).state
        #expect(screenText(state).contains("/here/"))
        // Opening is offered only where a viewer can show it.
        #expect(press(&state, .character("o")).isEmpty)
        state.canOpenFiles = true
        #expect(press(&state, .character("o")) == [.open("/s/summary-en.html")])
        press(&state, .escape)
        #expect(state.overlay == nil)
    }

    @Test func withoutAPrinterTheSheetIsSavedAndSaysSo() {
        var state = result()
        #expect(press(&state, .character("p")).first.map { if case .printSheet = $0 { true } else { false } } == true)
        state = update(state, .done(.printerMissing(text: "/s/a.txt", html: "/s/a.html"))).state
        let text = screenText(state)
        #expect(text.contains("CUPS") && text.contains("a.html"))
    }

    @Test func whatThePrinterSaidIsShown() {
        var state = result()
        state = update(state, .done(.printFailed(.said("lp: Error - No default destination.")))).state
        #expect(screenText(state).contains("lp: Error - No default"))
        state = update(state, .done(.printed(jobLine: "request id is x-1"))).state
        #expect(screenText(state).contains("request id is x-1"))
    }
}

@Suite("Leaving") struct Leaving {
    @Test func qSavesAndQuits() {
        var state = onQuestion("region")
        #expect(press(&state, .character("q")) == [.saveAnswers(state.answers), .quit])
    }

    @Test func withSavingOffQuittingAsksOnceAndJConfirmsInGerman() {
        var state = freshState(.de, saving: false)
        press(&state, .enter, .character("4"), .character("0"), .enter)
        #expect(press(&state, .character("q")).isEmpty)
        #expect(state.overlay == .confirmQuit)
        #expect(screenText(state).contains("--no-save"))
        press(&state, .escape)
        #expect(state.overlay == nil)
        press(&state, .character("q"))
        #expect(press(&state, .character("j")) == [.quit])
    }

    @Test func ctrlCNeverAsks() {
        var state = freshState(saving: false)
        press(&state, .enter, .character("4"), .enter)
        #expect(press(&state, .interrupt) == [.quit])
    }

    @Test func typedTextTakesQButF1StillHelps() {
        // A date item takes letters; the age field (a number) ignores them.
        var state = onQuestion("age")
        press(&state, .function(1))
        #expect(state.overlay == .help(itemID: "age"))
    }
}

@Suite("A window too small") struct TooSmallWindow {
    func tooSmall(_ state: AppState) -> AppState {
        var s = state
        s.screenSize = Size(width: 38, height: 9)
        return s
    }

    @Test func keysOtherThanQuitChangeNothing() {
        var state = onQuestion("region")
        press(&state, .character("1"))
        let before = state.editor
        state = tooSmall(state)
        let effects = press(&state, .character("3"), .down, .enter, .character("y"), .left, .backspace)
        #expect(effects.isEmpty)
        #expect(state.editor == before)
        #expect(state.page == .question(itemID: "region"))
    }

    @Test func qQuitsAtOnce() {
        var state = tooSmall(freshState(saving: false))
        press(&state, .enter)
        #expect(press(&state, .character("q")) == [.quit])
    }

    @Test func theMessageNamesThePlainModeAndTheSizeNeeded() {
        let text = render(freshState(), size: Size(width: 38, height: 9)).text
        #expect(text.contains("--plain"))
        #expect(text.contains("80x24"))
        #expect(text.contains("38x9"))
    }
}

@Suite("Rendering") struct Rendering {
    @Test func renderingIsPure() {
        let state = onChecklist()
        #expect(render(state, size: small) == render(state, size: small))
    }

    @Test(arguments: [Language.en, .de])
    func asciiFallbackHasOnlyASCII(_ language: Language) {
        var state = freshState(language)
        walk(&state, answers: Fixtures.baseline(["duration_weeks": .number(8)]))
        for s in [state, { var d = state; press(&d, .enter); return d }()] {
            #expect(screenText(s, glyphs: .ascii).unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func wideCharactersTakeTwoCells() {
        var screen = Screen(size: Size(width: 10, height: 1))
        let end = screen.put("日本", x: 0, y: 0)
        #expect(end == 4)
        #expect(screen.line(0).hasPrefix("日本"))
    }

    @Test func levelColoursOnlyAddToTheWord() {
        let levels = Fixtures.shipped.triageLevels
        let tints = levels.map { ResultsScreen.tint($0, of: levels) }
        #expect(Set(tints).count >= 3)
        // The word is in the box whatever the colour.
        var state = freshState()
        walk(&state, answers: Fixtures.baseline())
        #expect(screenText(state).contains("SELF-CARE"))
    }
}

@Suite("The character locale") struct CharacterLocaleFallback {
    @Test func aMissingUTF8LocaleFallsBackToCUTF8() {
        #expect(CharacterLocale.fallback(for: ["LANG": "de_DE.UTF-8"]) == "C.UTF-8")
        #expect(CharacterLocale.fallback(for: ["LANG": "de_DE.utf8@euro"]) == "C.UTF-8")
        #expect(CharacterLocale.fallback(for: ["LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.ISO-8859-1"]) == "C.UTF-8")
    }

    @Test func aLocaleWithoutUTF8StaysASCII() {
        #expect(CharacterLocale.fallback(for: ["LANG": "de_DE.ISO-8859-1"]) == nil)
        #expect(CharacterLocale.fallback(for: ["LANG": "C"]) == nil)
        #expect(CharacterLocale.fallback(for: [:]) == nil)
    }
}

@Suite("Back from the review") struct BackFromTheReview {
    @Test func afterChangingAnAnswerBackStillLeadsWhereTheReviewWasOpened() {
        var state = freshState()
        walk(&state, answers: Fixtures.baseline())
        press(&state, .character("b"), .down, .enter)
        press(&state, .enter)
        #expect(state.page == .review(selection: 1))
        press(&state, .escape)
        #expect(state.page == .results(selection: 0))
    }
}
