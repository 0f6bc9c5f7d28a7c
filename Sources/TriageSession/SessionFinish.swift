#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport

/// What came of finishing a session: both interfaces finish the same way (`finish`), so a result
/// is stored, and its saved answers removed, alike in either.
public enum SessionFinish: Sendable {
    /// In the history now, and the saved answers removed; `removal` is why they could not be
    /// removed (the history holds them, so a later start does not offer them again).
    case recorded(RecordedCheckIn, removal: FileError?)
    /// Nothing recorded: there is no history (`--no-save`), or the session cannot be placed in
    /// time (the weeks are not answered). The saved answers stay.
    case notRecorded
    /// The history failed; the saved answers stay, so nothing is lost.
    case failed(HistoryError)

    /// The finished session as stored, when it was.
    public var recorded: RecordedCheckIn? {
        if case .recorded(let r, _) = self { return r } else { return nil }
    }

    /// Records `session` in `tracker`'s history, then removes its saved answers from `store`:
    /// in that order, so that a run stopped between the two finds the answers in the history
    /// and does not offer them again (`EpisodeTracker.resume`).
    public static func finish(_ session: Session, language: Language, tracker: EpisodeTracker?, store: SessionStore?) -> SessionFinish {
        guard let tracker else { return .notRecorded }
        do throws(HistoryError) {
            guard let recorded = try tracker.record(session, language: language) else { return .notRecorded }
            do throws(FileError) {
                try store?.delete(questionnaire: session.questionnaire.id)
                return .recorded(recorded, removal: nil)
            } catch {
                return .recorded(recorded, removal: error)
            }
        } catch {
            return .failed(error)
        }
    }
}

/// How a session starts, the same in both interfaces: the saved answers to continue (a
/// check-in's continue as a check-in) and the open episode to offer a check-in. Answers the
/// history already holds are removed, not offered.
public struct SessionStart: Sendable {
    /// The session the saved answers continue; nil when there is nothing to continue.
    public var resumed: Session?
    /// The saved answers `resumed` continues.
    public var saved: SavedSession?
    /// The open episode with its check-ins; nil without one or without a history.
    public var episode: EpisodeStatus?
    /// Why the history could not be read: the questionnaire goes on without it, and saved
    /// answers continue as a questionnaire of their own, so nothing is lost.
    public var historyProblem: HistoryError?

    public init(engine: Engine, saved: SavedSession?, store: SessionStore?, tracker: EpisodeTracker?, today: Date) {
        if let tracker {
            do throws(HistoryError) {
                episode = try tracker.status()
                if let saved {
                    resumed = try tracker.resume(saved)
                    if resumed == nil {
                        // Already in the history (a run stopped between recording and
                        // removing them), or nothing left the questionnaire accepts.
                        try? store?.delete(questionnaire: engine.questionnaire.id)
                    } else {
                        self.saved = saved
                    }
                }
                return
            } catch {
                historyProblem = error
                episode = nil
            }
        }
        guard let saved else { return }
        let answers = Session.resumable(saved, engine: engine)
        guard !answers.values.isEmpty else { return }
        resumed = Session(engine: engine, answers: answers, today: today)
        self.saved = saved
    }
}
