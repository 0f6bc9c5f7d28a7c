import Foundation
import Testing
import TriageKit
import TriageReport
@testable import TriageSession
import TriageTestSupport

/// Answers every question the session presents, as a person would: from `values`, else from
/// the baseline answers (no warning sign), until nothing is left to answer.
private func answerAll(_ session: inout Session, _ values: [String: Value] = [:]) {
    let defaults = Fixtures.baseline()
    while let item = session.firstUnanswered {
        let value = values[item.id.rawValue] ?? defaults[item.id] ?? (item.kind == .boolean ? .bool(false) : .number(0))
        if case .failure(let problem) = session.answer(value, for: item, language: .en) {
            Issue.record("\(problem)")
            return
        }
    }
}

/// A history in a new folder, and a tracker on `today`.
private func tracker(_ store: HistoryStore, _ today: String, engine: Engine = Fixtures.engine) -> EpisodeTracker {
    EpisodeTracker(history: store, engine: engine, today: day(today))
}

/// Week 2: low back pain answered on 23 Nov 2026, two weeks after it began, pain 6 of 10.
private func firstAnswers(_ store: HistoryStore) throws -> RecordedCheckIn {
    var session = Session(engine: Fixtures.engine, today: day("2026-11-23"))
    answerAll(&session, ["duration_weeks": .number(2), "intensity": .number(6)])
    return try #require(try tracker(store, "2026-11-23").record(session, language: .en))
}

private func newStore() throws -> HistoryStore { try HistoryStore(path: temporaryFolder() + "/history.sqlite3") }

private func action(_ id: String) -> String { Fixtures.shipped.action(id)!.text[.en] }

@Suite("Check-ins")
struct CheckInTests {
    @Test func theFirstAnswersStartAnEpisodeOnTheDayThePainBegan() throws {
        let store = try newStore()
        let first = try firstAnswers(store)
        #expect(first.episode.start == day("2026-11-09"))
        #expect(first.episode.kind == "lower_back")
        #expect(first.checkIn.level == "self_care")
        #expect(first.checkIn.nextCheck == .init(date: day("2026-12-07"), weeks: 4))
        #expect(first.changes == nil)
    }

    @Test func weeksTwoSixAndThirteenGiveTheirLevelsChangesAndNextChecks() throws {
        let store = try newStore()
        _ = try firstAnswers(store)

        // Week 6: the weeks are computed, not asked; the 6-week mark turns self-care into a doctor's visit.
        let six = tracker(store, "2026-12-21")
        let status6 = try #require(try six.status())
        #expect(status6.weeksNow == 6 && status6.isDue)
        var checkIn6 = six.checkIn(status6)
        #expect(checkIn6.answers["duration_weeks"] == .number(6))
        answerAll(&checkIn6, ["intensity": .number(4)])
        let week6 = try #require(try six.record(checkIn6, language: .en))
        #expect(week6.episode.id == status6.episode.id)
        #expect(week6.checkIn.level == "see_doctor")
        #expect(week6.checkIn.nextCheck == .init(date: day("2027-02-01"), weeks: 12))
        let lines6 = try #require(week6.changes).lines(Wording(Fixtures.shipped, .en))
        #expect(lines6 == [
            "Now 6 weeks since the pain began (14 days at the last check-in).",
            "The 4-week mark is reached: the guidance looks at the pain again now.",
            "The 6-week mark is reached: the guidance looks at the pain again now.",
            "The result changed from SELF-CARE to SEE A DOCTOR: " + action("appointment"),
            "Pain intensity: from 6/10 to 4/10.",
            "No other answer changed.",
        ])

        // Week 13: past 12 weeks, and a new warning sign.
        let thirteen = tracker(store, "2027-02-08")
        let status13 = try #require(try thirteen.status())
        #expect(status13.weeksNow == 13 && status13.isDue)
        var checkIn13 = thirteen.checkIn(status13)
        answerAll(&checkIn13, ["intensity": .number(5), "rf_night_pain": .bool(true), "sleep_problems": .bool(true)])
        let week13 = try #require(try thirteen.record(checkIn13, language: .en))
        #expect(week13.checkIn.level == "soon")
        #expect(week13.checkIn.nextCheck == nil)
        #expect(week13.checkIns.map(\.weeks) == [2, 6, 13])
        let lines13 = try #require(week13.changes).lines(Wording(Fixtures.shipped, .en))
        #expect(lines13.contains("The 12-week mark is reached: the guidance looks at the pain again now."))
        #expect(lines13.contains("The result changed from SEE A DOCTOR to SEE A DOCTOR WITHIN DAYS: " + action("doctor_within_days")))
        #expect(lines13.contains("Pain intensity: from 4/10 to 5/10."))
        #expect(lines13.contains { $0.hasPrefix("New warning sign: Severe pain at night or lying down, not easing: can point to") })
        #expect(lines13.contains("Sleep often disturbed: from no to yes."))
        #expect(!lines13.contains("No other answer changed."))
    }

    @Test func week13WithoutAWarningSignIsPastTheLastMark() throws {
        let store = try newStore()
        _ = try firstAnswers(store)
        let later = tracker(store, "2027-02-08")
        var session = later.checkIn(try #require(try later.status()))
        answerAll(&session)
        let recorded = try #require(try later.record(session, language: .en))
        #expect(recorded.checkIn.level == "see_doctor")
        #expect(recorded.checkIn.nextCheck == nil)
        #expect(recorded.report.pastLastCheck != nil)
        let lines = try #require(recorded.changes).lines(Wording(Fixtures.shipped, .en))
        #expect(lines.contains("The 6-week mark is reached: the guidance looks at the pain again now."))
        #expect(lines.contains("The 12-week mark is reached: the guidance looks at the pain again now."))
    }

    @Test func warningSignsAreNeverPrefilledAndAlwaysPresented() throws {
        let store = try newStore()
        var session = Session(engine: Fixtures.engine, today: day("2026-11-23"))
        answerAll(&session, ["duration_weeks": .number(2), "rf_cancer": .bool(true)])
        let first = try #require(try tracker(store, "2026-11-23").record(session, language: .en))
        #expect(first.checkIn.answers["rf_cancer"] == .bool(true))
        let next = tracker(store, "2026-12-21")
        let checkIn = next.checkIn(try #require(try next.status()))
        let signs = checkIn.askedItems.filter(\.isRedFlag)
        #expect(signs.count >= 10)
        for sign in signs {
            #expect(checkIn.answers[sign.id] == nil, "\(sign.id) is prefilled")
            #expect(checkIn.presentedItems.contains { $0.id == sign.id }, "\(sign.id) is not asked")
        }
    }

    @Test func aQuestionnaireThatKeepsAWarningSignStillGetsItAskedAfresh() throws {
        var q = Fixtures.shipped
        q.followUp?.keep.append("rf_fever")
        q.followUp?.confirm.append("rf_night_pain")
        let engine = Engine(q)
        let previous = Fixtures.baseline(["rf_fever": .bool(true), "rf_night_pain": .bool(false)])
        let prefill = CheckInContext.prefill(engine: engine, previous: previous, weeks: 6)
        #expect(prefill["rf_fever"] == nil && prefill["rf_night_pain"] == nil)
        #expect(prefill["age"] == .number(40))
    }

    @Test func whatDoesNotChangeIsCarriedOverAndCanStillBeReviewed() throws {
        let store = try newStore()
        _ = try firstAnswers(store)
        let next = tracker(store, "2026-12-21")
        var session = next.checkIn(try #require(try next.status()))
        let presented = Set(session.presentedItems.map(\.id))
        for kept: ItemID in ["age", "region", "recurrent"] {
            #expect(session.answers[kept] != nil)
            #expect(!presented.contains(kept), "\(kept) is asked again")
            #expect(session.askedItems.contains { $0.id == kept }, "\(kept) is not in the review")
        }
        // Offered again: presented with the last answer.
        #expect(session.answers["diagnosis"] == .string("none") && presented.contains("diagnosis"))
        // Asked afresh, without the last answer.
        for fresh: ItemID in ["intensity", "daily_limits", "sleep_problems", "painkiller_weeks", "yf_low_mood", "yf_fear"] {
            #expect(session.answers[fresh] == nil && presented.contains(fresh), "\(fresh)")
        }
        // The weeks come first, computed.
        #expect(session.weeksItem?.id == "duration_weeks")
        #expect(session.answers["duration_weeks"] == .number(6))
        // A kept answer changed in the review counts.
        _ = session.answer(.number(41), for: Fixtures.shipped.item("age")!, language: .en)
        answerAll(&session)
        let recorded = try #require(try next.record(session, language: .en))
        #expect(recorded.checkIn.answers["age"] == .number(41))
        #expect(recorded.changes?.lines(Wording(Fixtures.shipped, .en)).contains("Age: from 40 years to 41 years.") == true)
    }

    @Test func correctedWeeksMoveTheStartOfTheEpisode() throws {
        let store = try newStore()
        _ = try firstAnswers(store)
        let next = tracker(store, "2026-12-21")
        var session = next.checkIn(try #require(try next.status()))
        _ = session.answer(.number(7), for: Fixtures.shipped.item("duration_weeks")!, language: .en)
        answerAll(&session)
        let recorded = try #require(try next.record(session, language: .en))
        #expect(recorded.episode.start == day("2026-11-02"))
        #expect(recorded.checkIn.weeks == 7)
        #expect(try tracker(store, "2026-12-28").status()?.weeksNow == 8)
    }

    @Test func thePainGoneEndsTheEpisodeAndTheNextAnswersStartANewOne() throws {
        let store = try newStore()
        let first = try firstAnswers(store)
        let later = tracker(store, "2026-12-01")
        try later.endEpisode(try #require(try later.status()))
        #expect(try later.status() == nil)
        var session = Session(engine: Fixtures.engine, today: day("2027-03-01"))
        answerAll(&session, ["region": .string("neck"), "duration_weeks": .number(1)])
        let next = try #require(try tracker(store, "2027-03-01").record(session, language: .en))
        #expect(next.episode.id != first.episode.id && next.episode.kind == "neck")
        let episodes = try store.episodes()
        #expect(episodes.map(\.ending) == [.resolved, nil])
        #expect(episodes[0].closedOn == day("2026-12-01"))
    }

    @Test func aNewEpisodeWhileOneIsOpenReplacesIt() throws {
        let store = try newStore()
        _ = try firstAnswers(store)
        var session = Session(engine: Fixtures.engine, today: day("2026-12-01"))
        answerAll(&session, ["region": .string("neck"), "duration_weeks": .number(1)])
        _ = try tracker(store, "2026-12-01").record(session, language: .en)
        #expect(try store.episodes().map(\.ending) == [.replaced, nil])
    }

    @Test func answersWithoutTheWeeksAreNotRecorded() throws {
        let store = try newStore()
        var session = Session(engine: Fixtures.engine, today: day("2026-11-23"))
        _ = session.answer(.number(40), for: Fixtures.shipped.item("age")!, language: .en)
        #expect(try tracker(store, "2026-11-23").record(session, language: .en) == nil)
        #expect(try store.counts() == (0, 0))
    }

    @Test func savedCheckInAnswersContinueAsACheckInAndRecordedOnesAreNotOfferedAgain() throws {
        let store = try newStore()
        _ = try firstAnswers(store)
        let next = tracker(store, "2026-12-21")
        var session = next.checkIn(try #require(try next.status()))
        _ = session.answer(.number(3), for: Fixtures.shipped.item("intensity")!, language: .en)
        let saved = session.saved(at: Date())
        #expect(saved.checkInEpisode != nil)

        let resumed = try #require(try next.resume(saved))
        #expect(resumed.checkIn?.episode.id == session.checkIn?.episode.id)
        #expect(resumed.answers["intensity"] == .number(3))
        #expect(!resumed.presentedItems.contains { $0.id == "age" })

        // The run stops between storing the check-in and removing its saved answers.
        var finished = resumed
        answerAll(&finished)
        let last = finished.saved(at: Date())
        let recorded = try #require(try next.record(finished, language: .en, at: last.savedAt))
        let latest = try store.latestCheckIn(questionnaire: "back-pain")
        #expect(try next.resume(last) == nil,
                "answers already in the history are offered again: saved \(last.savedAt.timeIntervalSince1970), recorded \(String(describing: latest?.recordedAt.timeIntervalSince1970)) \(String(describing: recorded.checkIn.recordedAt.timeIntervalSince1970)), ids \(String(describing: latest?.id)) \(recorded.checkIn.id)")

        // A check-in begun within the same second, with answers of its own, is offered.
        let following = tracker(store, "2026-12-22")
        var another = following.checkIn(try #require(try following.status()))
        _ = another.answer(.number(2), for: Fixtures.shipped.item("intensity")!, language: .en)
        #expect(try following.resume(another.saved(at: recorded.checkIn.recordedAt)) != nil)
    }

    @Test func theChangesReadInGerman() throws {
        let store = try newStore()
        _ = try firstAnswers(store)
        let six = tracker(store, "2026-12-21")
        var session = six.checkIn(try #require(try six.status()))
        answerAll(&session, ["intensity": .number(4)])
        let changes = try #require(try six.record(session, language: .de)?.changes)
        let wording = Wording(Fixtures.shipped, .de)
        #expect(changes.heading(wording) == "Seit Ihrer letzten Kontrolle am 23.11.2026:")
        let lines = changes.lines(wording)
        #expect(lines.first == "Jetzt 6 Wochen seit Beginn der Schmerzen (14 Tage bei der letzten Kontrolle).")
        #expect(lines.contains("Schmerzstärke: von 6/10 auf 4/10."))
        #expect(lines.contains { $0.hasPrefix("Das Ergebnis hat sich geändert, von SELBSTHILFE zu ") })
    }

    @Test func theHistoryCatalogHasEveryKeyInEveryLanguage() {
        #expect(StringCatalog.history.gaps.isEmpty, "\(StringCatalog.history.gaps)")
    }
}

extension CheckInTests {
    @Test func theTrendHasEachCheckInsPainLevelAndTheMarksOfTheRegion() throws {
        let store = try newStore()
        _ = try firstAnswers(store)
        let six = tracker(store, "2026-12-21")
        var session = six.checkIn(try #require(try six.status()))
        answerAll(&session, ["intensity": .number(4)])
        let trend = try #require(try six.record(session, language: .en)?.trend)
        #expect(trend.marks == [4, 6, 12])
        #expect(trend.points.map(\.weeks) == [2, 6])
        #expect(trend.points.map(\.value) == [6, 4])
        #expect(trend.points.map(\.level.id) == ["self_care", "see_doctor"])
        #expect(trend.start == day("2026-11-09"))

        var neck = Session(engine: Fixtures.engine, today: day("2027-01-04"))
        answerAll(&neck, ["region": .string("neck"), "duration_weeks": .number(1)])
        #expect(try tracker(store, "2027-01-04").record(neck, language: .en)?.trend?.marks == [3, 12])
    }
}
