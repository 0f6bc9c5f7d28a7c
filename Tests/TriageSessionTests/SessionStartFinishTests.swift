import Foundation
import Testing
import TriageKit
import TriageReport
@testable import TriageSession
import TriageTestSupport

/// Saved answers and a history in a folder of their own, on the fixed day.
private struct Place {
    let folder = temporaryFolder()
    var store: SessionStore { SessionStore(directory: folder + "/state") }
    var tracker: EpisodeTracker { EpisodeTracker(path: folder + "/history.sqlite3", engine: Fixtures.engine, today: Fixtures.day) }

    func save(_ answers: AnswerSet) throws {
        try store.save(SavedSession(questionnaire: "back-pain", version: Fixtures.shipped.version, answers: answers, savedAt: Date()))
    }
}

@Suite("The start and the finish of a session")
struct SessionStartFinishTests {
    @Test func aFinishedSessionIsRecordedAndItsSavedAnswersRemoved() throws {
        let place = Place()
        try place.save(Fixtures.baseline())
        let finished = SessionFinish.finish(Session(engine: Fixtures.engine, answers: Fixtures.baseline(), today: Fixtures.day),
                                            language: .en, tracker: place.tracker, store: place.store)
        #expect(finished.recorded?.checkIns.count == 1)
        #expect(try place.store.load(questionnaire: "back-pain") == nil)
    }

    /// Without the weeks a session cannot be placed in time: nothing is recorded and the saved
    /// answers stay, so nothing is lost.
    @Test func aSessionWithoutItsWeeksIsNotRecordedAndItsAnswersStay() throws {
        let place = Place()
        var answers = Fixtures.baseline()
        answers["duration_weeks"] = nil
        try place.save(answers)
        let finished = SessionFinish.finish(Session(engine: Fixtures.engine, answers: answers, today: Fixtures.day),
                                            language: .en, tracker: place.tracker, store: place.store)
        guard case .notRecorded = finished else { Issue.record("recorded: \(finished)"); return }
        #expect(try place.store.load(questionnaire: "back-pain") != nil)
    }

    @Test func withoutAHistoryNothingIsRecorded() {
        let finished = SessionFinish.finish(Session(engine: Fixtures.engine, answers: Fixtures.baseline(), today: Fixtures.day),
                                            language: .en, tracker: nil, store: nil)
        guard case .notRecorded = finished else { Issue.record("recorded: \(finished)"); return }
    }

    @Test func savedAnswersAreContinuedWithTheOpenEpisodeOffered() throws {
        let place = Place()
        _ = SessionFinish.finish(Session(engine: Fixtures.engine, answers: Fixtures.baseline(), today: Fixtures.day),
                                 language: .en, tracker: place.tracker, store: place.store)
        try place.save(AnswerSet(["age": .number(41)]))
        let start = SessionStart(engine: Fixtures.engine, saved: try place.store.load(questionnaire: "back-pain"), store: place.store,
                                 tracker: place.tracker, today: Fixtures.day)
        #expect(start.episode != nil)
        #expect(start.resumed?.answers["age"] == .number(41))
        #expect(start.historyProblem == nil)
    }

    /// A run that stopped between recording and removing the saved answers: the history holds
    /// them, so they are removed and not offered again.
    @Test func answersTheHistoryHoldsAreRemovedNotOffered() throws {
        let place = Place()
        try place.save(Fixtures.baseline())
        let saved = try place.store.load(questionnaire: "back-pain")
        _ = try place.tracker.record(Session(engine: Fixtures.engine, answers: Fixtures.baseline(), today: Fixtures.day), language: .en)
        let start = SessionStart(engine: Fixtures.engine, saved: saved, store: place.store, tracker: place.tracker, today: Fixtures.day)
        #expect(start.resumed == nil && start.saved == nil)
        #expect(try place.store.load(questionnaire: "back-pain") == nil)
    }

    /// A history that cannot be read is said, and the saved answers go on as a questionnaire
    /// of their own.
    @Test func anUnreadableHistoryLeavesTheSavedAnswersToContinue() throws {
        let place = Place()
        try place.save(AnswerSet(["age": .number(41)]))
        // A folder where the database should be: it exists, and cannot be opened.
        try FileManager.default.createDirectory(atPath: place.folder + "/folder.sqlite3", withIntermediateDirectories: true)
        let broken = EpisodeTracker(path: place.folder + "/folder.sqlite3", engine: Fixtures.engine, today: Fixtures.day)
        let start = SessionStart(engine: Fixtures.engine, saved: try place.store.load(questionnaire: "back-pain"), store: place.store,
                                 tracker: broken, today: Fixtures.day)
        #expect(start.historyProblem != nil)
        #expect(start.resumed?.answers["age"] == .number(41))
        #expect(start.episode == nil)
    }
}
