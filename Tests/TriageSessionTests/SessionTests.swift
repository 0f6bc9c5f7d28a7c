import Foundation
import Testing
import TriageKit
import TriageReport
import TriageSession
import TriageTestSupport

func session(_ answers: AnswerSet = AnswerSet()) -> Session { Session(engine: Fixtures.engine, answers: answers, today: Fixtures.day) }

@Suite("The session model") struct SessionModel {
    @Test func itemsFollowTheQuestionnaireOrderAsAnswersChangeWhatIsAsked() {
        var s = session()
        let age = Fixtures.engine.index.items["age"]!
        #expect(s.item(before: age) == nil)
        #expect(s.item(after: age)?.id == "region")
        _ = s.answer(.string("neck"), for: Fixtures.engine.index.items["region"]!, language: .en)
        let neck = s.askedItems.map(\.id)
        _ = s.answer(.string("lower_back"), for: Fixtures.engine.index.items["region"]!, language: .en)
        #expect(s.askedItems.map(\.id) != neck)
        #expect(s.askedItems.contains { $0.id == "claudication" })
        #expect(!neck.contains("claudication"))
    }

    @Test func anAnswerThatIsRefusedIsNotStored() {
        var s = session()
        let result = s.answer(.number(300), for: Fixtures.engine.index.items["age"]!, language: .de)
        guard case .failure(let problem) = result else {
            Issue.record("300 years was taken")
            return
        }
        #expect(problem.message.contains("120"))
        #expect(s.answers["age"] == nil)
    }

    @Test func theChecklistIsTheRunOfYesNoWarningSignsInOneSection() {
        let s = session(Fixtures.baseline())
        let first = s.askedItems.first { $0.isRedFlag }!
        let lines = s.checklist(of: first)
        #expect(lines.count >= 10)
        #expect(lines.allSatisfy { $0.isRedFlag && $0.kind == .boolean && $0.section == first.section })
        #expect(s.checklist(of: Fixtures.engine.index.items["age"]!).isEmpty)
    }

    @Test func anEmergencySignIsPendingOnceUntilAcknowledged() {
        var s = session(Fixtures.baseline())
        let sign = Fixtures.engine.index.items["rf_saddle_numbness"]!
        #expect(s.emergencySigns.isEmpty)
        guard case .success(let fresh) = s.answer(.bool(true), for: sign, language: .en) else {
            Issue.record("refused")
            return
        }
        #expect(fresh == ["rf_saddle_numbness"])
        #expect(s.emergencyStands)
        s.acknowledgeEmergencies()
        #expect(s.pendingEmergencies.isEmpty)
        // Answered no and yes again, it interrupts again.
        _ = s.answer(.bool(false), for: sign, language: .en)
        guard case .success(let again) = s.answer(.bool(true), for: sign, language: .en) else { return }
        #expect(again == ["rf_saddle_numbness"])
    }

    @Test func anUrgentSignDoesNotInterrupt() {
        var s = session(Fixtures.baseline())
        guard case .success(let fresh) = s.answer(.bool(true), for: Fixtures.engine.index.items["rf_fever"]!, language: .en) else { return }
        #expect(fresh.isEmpty)
        #expect(!s.emergencyStands)
    }

    @Test func progressCountsAnsweredOfPossibleAndItsTotalNeverGrows() {
        var s = session()
        var last = s.progress.total
        let answers = Fixtures.baseline(["radiates_leg": .bool(true), "duration_weeks": .number(14)])
        while let item = s.firstUnanswered {
            _ = s.answer(answers[item.id] ?? .bool(false), for: item, language: .en)
            let now = s.progress
            #expect(now.total <= last, "after \(item.id)")
            #expect(now.answered <= now.total)
            last = now.total
        }
        #expect(s.progress.answered == s.progress.total)
        #expect(s.isComplete)
    }

    @Test func startingOverForgetsEverything() {
        var s = session(Fixtures.baseline(["rf_weakness": .bool(true)]))
        s.acknowledgeEmergencies()
        s.startOver()
        #expect(s.answers.values.isEmpty)
        #expect(s.acknowledged.isEmpty)
    }

    @Test func resumingKeepsOnlyAnswersTheQuestionnaireStillTakes() {
        let saved = SavedSession(questionnaire: "back-pain", version: "1.0.0",
                                 answers: AnswerSet(["age": .number(40), "region": .string("knee"), "gone": .bool(true)]),
                                 savedAt: Fixtures.day)
        #expect(Session.resumable(saved, engine: Fixtures.engine) == AnswerSet(["age": .number(40)]))
    }
}

@Suite("Typed days and numbers") struct TypedInput {
    @Test func daysAreReadTheISOAndTheGermanWay() {
        #expect(Day.parse("2026-11-15") == AnswerValidation.parseDate("2026-11-15"))
        #expect(Day.parse("15.11.2026") == AnswerValidation.parseDate("2026-11-15"))
        #expect(Day.parse(" 5.1.2026 ") == AnswerValidation.parseDate("2026-01-05"))
        #expect(Day.parse("15.11.26") == nil)
        #expect(Day.parse("31.02.2026") == nil)
    }

    @Test func weeksSinceADayAreWholeDaysOverSeven() {
        #expect(Day.weeks(from: AnswerValidation.parseDate("2026-11-09")!, to: Fixtures.day) == 2)
        #expect(Day.weeks(from: AnswerValidation.parseDate("2026-11-24")!, to: Fixtures.day) == nil)
    }

    @Test func numbersTakeAPointOrAGermanComma() {
        #expect(TypedNumber.parse("2,5") == 2.5)
        #expect(TypedNumber.parse("2.5") == 2.5)
        #expect(TypedNumber.parse("-1") == -1)
        #expect(TypedNumber.parse("1e3") == nil)
        #expect(TypedNumber.parse("nan") == nil)
        #expect(TypedNumber.parse("") == nil)
    }
}
