#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif
import TriageKit
import TriageReport

/// A finished session as the history keeps it, with what changed since the last check-in.
public struct RecordedCheckIn: Sendable {
    public let episode: Episode
    public let checkIn: CheckInRecord
    /// Every check-in of the episode, this one included.
    public let checkIns: [CheckInRecord]
    public let report: Report
    /// Nil for the first check-in of an episode.
    public let changes: CheckInChanges?
    /// The episode's measure over the weeks; nil when the questionnaire charts none.
    public let trend: Trend?
}

/// The episode history as the interfaces use it: what the start offers (`status`), a check-in
/// (`checkIn`), continuing saved answers (`resume`), storing a finished session (`record`), the
/// pain being gone (`endEpisode`), and the trend and reports of past check-ins. Both the plain
/// mode and the full-screen interface go through it, so they store and say the same.
///
/// The database is opened when first needed and created only when a session is recorded: a
/// run that stops before its result leaves no history behind.
public final class EpisodeTracker {
    /// Where the history is (`HistoryStore.defaultPath`).
    public let path: String
    public let engine: Engine
    /// The day of answering (`BACKTRIAGE_TODAY` in tests), from which weeks are counted.
    public let today: Date
    private var opened: HistoryStore?

    public init(path: String, engine: Engine, today: Date) {
        self.path = path
        self.engine = engine
        self.today = today
    }

    /// A tracker on a history already open.
    public convenience init(history: HistoryStore, engine: Engine, today: Date) {
        self.init(path: history.path, engine: engine, today: today)
        opened = history
    }

    private var questionnaire: Questionnaire { engine.questionnaire }

    /// The history, opened on first use; nil when it does not exist and `create` is false.
    public func history(create: Bool = false) throws(HistoryError) -> HistoryStore? {
        if let opened { return opened }
        opened = create ? try HistoryStore(path: path) : try HistoryStore.existing(path: path)
        return opened
    }

    /// The open episode of this questionnaire, nil when there is none (or it has no check-in).
    public func status() throws(HistoryError) -> EpisodeStatus? {
        guard let history = try history(), let episode = try history.openEpisode(questionnaire: questionnaire.id) else { return nil }
        let checkIns = try history.checkIns(of: episode)
        return checkIns.isEmpty ? nil : EpisodeStatus(episode: episode, checkIns: checkIns, today: today)
    }

    /// Every episode of this questionnaire with its check-ins, in the order they began.
    public func episodes() throws(HistoryError) -> [(episode: Episode, checkIns: [CheckInRecord])] {
        guard let history = try history() else { return [] }
        var out: [(episode: Episode, checkIns: [CheckInRecord])] = []
        for episode in try history.episodes(questionnaire: questionnaire.id) { out.append((episode, try history.checkIns(of: episode))) }
        return out
    }

    /// A new check-in of the open episode.
    public func checkIn(_ status: EpisodeStatus) -> Session {
        Session.checkIn(engine: engine, episode: status.episode, previous: status.last, today: today)
    }

    /// The session to continue from saved answers: a check-in when they belong to the open
    /// episode, else a questionnaire of its own. Nil when there is nothing to continue: no
    /// answer the questionnaire still accepts, or answers the history already holds (a run
    /// that stopped between storing them and removing the saved file); remove those.
    public func resume(_ saved: SavedSession) throws(HistoryError) -> Session? {
        guard saved.questionnaire == questionnaire.id else { return nil }
        if let recorded = try history()?.latestCheckIn(questionnaire: questionnaire.id), Self.holds(recorded, saved) { return nil }
        let answers = Session.resumable(saved, engine: engine)
        guard !answers.values.isEmpty else { return nil }
        if let uuid = saved.checkInEpisode, let status = try status(), status.episode.uuid == uuid {
            let context = CheckInContext(episode: status.episode, previous: status.last, weeks: status.weeksNow)
            return Session.resumedCheckIn(engine: engine, context: context, answers: answers, today: today)
        }
        return Session(engine: engine, answers: answers, today: today)
    }

    /// Whether saved answers are the ones `recorded` already holds: stored no earlier than they
    /// were saved (both to the second), and every recorded answer among them. Either alone is
    /// not enough: a check-in can begin within the second its episode was recorded, and two
    /// check-ins can have the same answers.
    static func holds(_ recorded: CheckInRecord, _ saved: SavedSession) -> Bool {
        // Whole seconds compared as numbers: taking the fraction off a `Date` (which counts from
        // 2001) left a rounding error that made an equal second compare as earlier.
        recorded.recordedAt.timeIntervalSince1970.rounded(.down) >= saved.savedAt.timeIntervalSince1970.rounded(.down)
            && recorded.answers.values.allSatisfy { saved.answers[$0.key] == $0.value }
    }

    /// Stores a finished session: a check-in into its episode (moving the episode's start when
    /// the weeks were corrected), anything else as the first check-in of a new episode, which
    /// ends an open one. Nil when the session cannot be placed in time: the weeks are not
    /// answered (a session stopped at an emergency before that question). After it returns,
    /// remove the saved answers (`SessionStore.delete`): they are in the history now.
    public func record(_ session: Session, language: Language, at moment: Date = Date()) throws(HistoryError) -> RecordedCheckIn? {
        let report = session.report
        guard let measure = questionnaire.safetyNet?.measure, case .number(let weeks)? = report.answers[ItemID(measure)] else { return nil }
        let start = Day.start(weeks: weeks, before: today)
        let target: CheckInTarget
        if let context = session.checkIn {
            let moved = Day.between(context.episode.start, start) != 0
            target = .episode(id: context.episode.id, correctedStart: moved ? start : nil)
        } else {
            let kind = questionnaire.followUp?.episode.flatMap { id -> String? in
                if case .string(let s)? = report.answers[id] { return s } else { return nil }
            }
            target = .newEpisode(start: start, kind: kind)
        }
        let new = NewCheckIn(questionnaire: questionnaire.id, version: questionnaire.version, language: language, answeredOn: today,
                             answers: report.answers, level: report.level.id, weeks: weeks,
                             nextCheck: report.nextCheck.map { .init(date: $0.date, weeks: $0.weeks) })
        guard let history = try history(create: true) else { return nil }
        let (episode, checkIn) = try history.record(new, to: target, at: moment)
        let checkIns = try history.checkIns(of: episode)
        let changes = session.checkIn.map { CheckInChanges(previous: $0.previous, current: report, engine: engine) }
        return RecordedCheckIn(episode: episode, checkIn: checkIn, checkIns: checkIns, report: report, changes: changes,
                               trend: trend(episode, checkIns))
    }

    /// The pain is gone: the episode ends today and stays in the history.
    public func endEpisode(_ status: EpisodeStatus) throws(HistoryError) {
        try history(create: true)?.close(status.episode, on: today, ending: .resolved)
    }

    /// The result a past check-in gives with the questionnaire as it is now, on its own day.
    public func report(of checkIn: CheckInRecord) -> Report { checkIn.report(engine: engine) }

    /// The episode's measure over the weeks, each check-in with the level it had then; nil when
    /// the questionnaire charts nothing.
    public func trend(_ episode: Episode, _ checkIns: [CheckInRecord]) -> Trend? {
        Trend(engine: engine, episode: episode, checkIns: checkIns)
    }
}
