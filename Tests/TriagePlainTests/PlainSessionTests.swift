import Foundation
import Testing
import TriageKit
import TriageSession
@testable import TriagePlain
import TriageTestSupport

/// Runs a plain session on typed lines; returns the outcome and everything printed.
private func session(_ lines: [String], language: Language = .en, store: SessionStore? = nil,
                     prefill: AnswerSet? = nil) -> (PlainOutcome, String) {
    var input = lines[...]
    var output = ""
    let saved = try? store?.load(questionnaire: "back-pain")
    let s = PlainSession(engine: Fixtures.engine, store: store, saved: saved, language: language, today: Fixtures.day,
                         prefill: prefill, readLine: { input.popFirst() }, write: { output += $0 })
    return (s.run(), output)
}

private func level(_ id: String) -> PlainOutcome { .result(Fixtures.shipped.level(id)!) }

/// The answers of seven weeks of low back pain without warning signs, in question order: the
/// first nine questions, the warning signs, seven on daily life, three on treatment.
private let start = ["40", "1", "7 weeks", "no", "5", "no", "no", "no", "1"]
private let sevenWeeks = start + Fixtures.lowBackSigns() + Array(repeating: "no", count: 7) + ["0", "no", "no"]

@Suite("Plain mode")
struct PlainSessionTests {
    @Test func aWholeCaseReachesTheResult() {
        let (outcome, out) = session(sevenWeeks)
        #expect(outcome == level("see_doctor"), "\(out.suffix(800))")
        #expect(out.contains("Question 1, 0 % done, "))
        #expect(out.contains("Result: SEE A DOCTOR."))
        #expect(out.contains("Physiotherapy"))
    }

    @Test func eachQuestionIsOneLineWithNumberedOptionsAndNoEscapeCodes() {
        let (_, out) = session(sevenWeeks)
        #expect(out.contains("Question 2, "))
        #expect(out.contains(", Your pain. Where is your pain mainly?"))
        #expect(out.contains("\n  1 Lower back\n"))
        #expect(!out.contains("\u{1B}"))
    }

    @Test func theShareDoneOnlyGrowsAsQuestionsAreAnswered() {
        let (_, out) = session(sevenWeeks)
        // Each question follows the prompt of the answer before it ("> Question 7, 23 % done, ...").
        let shares = out.split(separator: "\n").compactMap { line -> Int? in
            guard let q = line.range(of: "Question "), let comma = line.range(of: ", ", range: q.upperBound..<line.endIndex) else { return nil }
            return Int(line[comma.upperBound...].prefix { $0.isNumber })
        }
        #expect(shares.count > 20)
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 < $1 })
        #expect(shares.allSatisfy { $0 < 100 })
    }

    @Test func aBadAnswerIsRefusedWithAMessageAndAskedAgain() {
        let (outcome, out) = session(["forty", "150", "40"] + Array(sevenWeeks.dropFirst()))
        #expect(outcome == level("see_doctor"))
        #expect(out.contains("Not understood: give a number, for example 40 years."))
        #expect(out.contains("Not understood: 150 is above 120"))
    }

    @Test func aNumberOfWeeksIsExplainedWithAFewWeeks() throws {
        let item = try #require(Fixtures.engine.index.items["painkiller_weeks"])
        guard case .failure(let problem) = PlainAnswerParser(language: .en, today: Fixtures.day).parse("a while", for: item) else {
            Issue.record("a while was accepted as a number of weeks")
            return
        }
        #expect(problem.message == "give a number, for example 2 weeks.")
    }

    @Test func aChoiceOfTwoSaysTheTwoNumbers() {
        #expect(PlainAnswerParser.expectChoice(2, .en) == "type 1 or 2.")
        #expect(PlainAnswerParser.expectChoice(4, .de) == "geben Sie eine Nummer von 1 bis 4 ein.")
    }

    @Test func durationsAcceptDaysWeeksMonthsAndAStartDate() throws {
        let parser = PlainAnswerParser(language: .en, today: Fixtures.day)
        #expect(parser.duration("10 days") == 10.0 / 7)
        #expect(parser.duration("3 Wochen") == 3)
        #expect(parser.duration("seit 3 Wochen") == 3)
        #expect(parser.duration("since 2 months") == 2 * DurationUnit.weeksPerMonth)
        #expect(parser.duration("2,5") == 2.5)
        #expect(parser.duration("ten days") == nil)
        let duration = Fixtures.shipped.item("duration_weeks")!
        #expect(try parser.parse("2026-11-09", for: duration).get() == .number(2))
        #expect(try parser.parse("09.11.2026", for: duration).get() == .number(2))
        #expect((try? parser.parse("24.11.2026", for: duration).get()) == nil, "a start after today is refused")
    }

    @Test func backGoesToThePreviousQuestionAndKeepsTheAnswer() {
        let lines = ["40", "back", "", "1"] + Array(sevenWeeks.dropFirst(2))
        let (outcome, out) = session(lines)
        #expect(outcome == level("see_doctor"))
        #expect(out.contains("Current answer: 40 years. Press Enter to keep it."))
    }

    @Test func helpSaysWhyTheQuestionIsAskedAndOnlyClaimsSavingWhenSaving() {
        let (_, out) = session(["help"])
        #expect(out.contains("Why this is asked: "))
        #expect(out.contains("Commands: back"))
        #expect(!out.contains("saved"))
    }

    @Test func anEmergencySignInterruptsAtOnce() {
        // The first warning sign answered yes: the advice comes before any further question.
        let (outcome, out) = session(start + ["yes", "1"])
        #expect(outcome == level("emergency"))
        let act = out.range(of: "Please act now.")
        #expect(act != nil)
        #expect(!out[act!.upperBound...].contains("Question 11, "))
    }

    @Test func everyNewEmergencySignInterrupts() {
        let (_, out) = session(start + ["yes", "2", "yes", "2"])
        #expect(out.components(separatedBy: "Please act now.").count == 3)
    }

    @Test func inputEndingRightAfterAnEmergencyGivesTheEmergencyResult() {
        let (outcome, out) = session(start + ["yes"])
        #expect(outcome == level("emergency"))
        #expect(out.contains("Result: EMERGENCY."))
    }

    @Test func quitStopsAndInputEndingIsReported() {
        #expect(session(["40", "quit"]).0 == .quit)
        #expect(session(["40"]).0 == .inputEnded)
    }

    @Test func aTeenagerGetsGuidanceInsteadOfBeingTurnedAway() {
        let (outcome, out) = session(["16"] + Array(sevenWeeks.dropFirst()))
        #expect(outcome == level("see_doctor"), "\(out.suffix(600))")
        #expect(out.contains("Written for adults"))
    }

    @Test func theGermanInterfaceSpeaksGerman() {
        let (outcome, out) = session(["40", "1", "seit 7 Wochen", "nein", "5", "nein", "nein", "nein", "1"]
            + Array(repeating: "nein", count: Fixtures.lowBackWarningSigns.count + 7) + ["0", "nein", "nein"], language: .de)
        #expect(outcome == level("see_doctor"), "\(out.suffix(600))")
        #expect(out.contains("Frage 1, 0 % geschafft, "))
        #expect(out.contains("Ergebnis: TERMIN IN DER ARZTPRAXIS"))
        #expect(out.contains("Kontrolle am "))
    }

    @Test func answersAreSavedAndOfferedAgain() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bt-plain-\(UUID())").path
        let store = SessionStore(directory: dir)
        _ = session(["40", "1", "quit"], store: store)
        let saved = try #require(try store.load(questionnaire: "back-pain"))
        #expect(saved.answers["age"] == .number(40))
        let (outcome, out) = session(["1"] + Array(sevenWeeks.dropFirst(2)), store: store)
        #expect(out.contains("Saved answers from"))
        #expect(outcome == level("see_doctor"))
        let attrs = try FileManager.default.attributesOfItem(atPath: store.sessionPath(questionnaire: "back-pain"))
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
    }

    @Test(arguments: [("de_DE.UTF-8", Language.de), ("en_US.UTF-8", .en), ("C", .en), ("fr_FR.UTF-8", .en)])
    func theLanguageComesFromTheLocale(_ lang: String, _ expected: Language) {
        #expect(Language.fromLocale(["LANG": lang]) == expected)
    }

    @Test func lcAllWinsOverLang() {
        #expect(Language.fromLocale(["LC_ALL": "de_AT.UTF-8", "LANG": "en_GB.UTF-8"]) == .de)
    }
}
