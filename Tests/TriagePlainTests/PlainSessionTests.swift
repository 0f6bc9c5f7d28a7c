import Foundation
import Testing
import TriageKit
@testable import TriagePlain

private let questionnaire: Questionnaire = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Questionnaires/back-pain/questionnaire.yaml").path
    return try! QuestionnaireLoader.load(path: path).get()
}()
private let today = AnswerValidation.parseDate("2026-11-23")!

/// Runs a plain session on typed lines; returns the outcome and everything printed.
private func session(_ lines: [String], language: String = "en", store: SessionStore? = nil, prefill: AnswerSet? = nil) -> (PlainOutcome, String) {
    var input = lines[...]
    var output = ""
    let saved = try? store?.load(questionnaire: "back-pain")
    let s = PlainSession(questionnaire: questionnaire, store: store, saved: saved, language: language, today: today, prefill: prefill,
                         readLine: { input.popFirst() }, write: { output += $0 })
    return (s.run(), output)
}

/// The answers of a seven-week low-back pain without warning signs, in question order.
private let sevenWeeks = ["40", "1", "7 weeks", "no", "5", "no", "no", "no", "1"] + Array(repeating: "no", count: 10)
    + Array(repeating: "no", count: 7) + ["0", "no"]

@Suite("Plain mode")
struct PlainSessionTests {
    @Test func aWholeCaseReachesTheResult() {
        let (outcome, out) = session(sevenWeeks)
        #expect(outcome == .completed(triage: "see_doctor"), "\(out.suffix(800))")
        #expect(out.contains("Question 1 of "))
        #expect(out.contains("Result: SEE A DOCTOR."))
        #expect(out.contains("Physiotherapy"))
    }

    @Test func eachQuestionIsOneLineWithNumberedOptionsAndNoEscapeCodes() {
        let (_, out) = session(sevenWeeks)
        #expect(out.contains("Question 2 of 29, Your pain. "))
        #expect(out.contains("\n  1 Lower back\n"))
        #expect(!out.contains("\u{1B}"))
    }

    @Test func aBadAnswerIsRefusedWithAMessageAndAskedAgain() {
        let (outcome, out) = session(["forty", "150", "40"] + Array(sevenWeeks.dropFirst()))
        #expect(outcome == .completed(triage: "see_doctor"))
        #expect(out.contains("Not understood: give a number, for example 40."))
        #expect(out.contains("Not understood: 150 is above 120"))
    }

    @Test func durationsAcceptDaysWeeksMonthsAndAStartDate() {
        let parser = PlainAnswerParser(language: "en", today: today)
        #expect(parser.duration("10 days") == 1.43)
        #expect(parser.duration("3 Wochen") == 3)
        #expect(parser.duration("2 months") == 8.67)
        #expect(parser.duration("2,5") == 2.5)
        #expect(parser.duration("2026-11-09") == 2)
        #expect(parser.duration("ten days") == nil)
    }

    @Test func backGoesToThePreviousQuestionAndKeepsTheAnswer() {
        let lines = ["40", "back", "", "1"] + Array(sevenWeeks.dropFirst(2))
        let (outcome, out) = session(lines)
        #expect(outcome == .completed(triage: "see_doctor"))
        #expect(out.contains("Current answer: 40 years. Press Enter to keep it."))
    }

    @Test func helpSaysWhyTheQuestionIsAsked() {
        let (_, out) = session(["help"])
        #expect(out.contains("Why this is asked: "))
        #expect(out.contains("Commands: back"))
    }

    @Test func anEmergencySignInterruptsAtOnce() {
        // The first warning sign answered yes: the advice comes before any further question.
        let lines = Array(sevenWeeks.prefix(9)) + ["yes", "1"]
        let (outcome, out) = session(lines)
        #expect(outcome == .completed(triage: "emergency"))
        let act = out.range(of: "Please act now.")
        #expect(act != nil)
        #expect(!out[act!.upperBound...].contains("Question 11 of"))
    }

    @Test func quitStopsAndInputEndingIsReported() {
        #expect(session(["40", "quit"]).0 == .quit)
        #expect(session(["40"]).0 == .inputEnded)
    }

    @Test func theGermanInterfaceSpeaksGerman() {
        let (outcome, out) = session(["40", "1", "7 Wochen", "nein", "5", "nein", "nein", "nein", "1"]
            + Array(repeating: "nein", count: 17) + ["0", "nein"], language: "de")
        #expect(outcome == .completed(triage: "see_doctor"), "\(out.suffix(600))")
        #expect(out.contains("Frage 1 von "))
        #expect(out.contains("Ergebnis: ZUM ARZT"))
    }

    @Test func answersAreSavedAndOfferedAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bt-plain-\(UUID())").path
        let store = SessionStore(directory: dir)
        _ = session(["40", "1", "quit"], store: store)
        let saved = try #require(try store.load(questionnaire: "back-pain"))
        #expect(saved.answers["age"] == .number(40))
        let (outcome, out) = session(["1"] + Array(sevenWeeks.dropFirst(2)), store: store)
        #expect(out.contains("Saved answers from"))
        #expect(outcome == .completed(triage: "see_doctor"))
        let attrs = try FileManager.default.attributesOfItem(atPath: store.sessionPath(questionnaire: "back-pain"))
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
    }

    @Test(arguments: [("de_DE.UTF-8", "de"), ("en_US.UTF-8", "en"), ("C", "en"), ("fr_FR.UTF-8", "en")])
    func theLanguageComesFromTheLocale(_ lang: String, _ expected: String) {
        #expect(InterfaceLanguage.resolve(explicit: nil, environment: ["LANG": lang]) == expected)
    }

    @Test func anExplicitLanguageAndLCALLWin() {
        #expect(InterfaceLanguage.resolve(explicit: "en", environment: ["LANG": "de_DE.UTF-8"]) == "en")
        #expect(InterfaceLanguage.resolve(explicit: nil, environment: ["LC_ALL": "de_AT.UTF-8", "LANG": "en_GB.UTF-8"]) == "de")
    }
}
