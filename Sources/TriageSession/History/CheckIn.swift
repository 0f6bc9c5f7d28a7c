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

/// What a check-in knows of the episode it belongs to.
public struct CheckInContext: Sendable {
    public let episode: Episode
    /// The last check-in before this one: what it carries over from, and what its changes are
    /// measured against.
    public let previous: CheckInRecord
    /// Weeks since the episode began, on the day of this check-in.
    public let weeks: Double

    public init(episode: Episode, previous: CheckInRecord, weeks: Double) {
        self.episode = episode
        self.previous = previous
        self.weeks = weeks
    }

    /// The answers a check-in starts from: those the questionnaire keeps or offers again
    /// (`follow_up.keep`, `follow_up.confirm`), from the last check-in, and the weeks computed
    /// from the start. Never a warning sign, whatever the questionnaire says: each is asked
    /// afresh, so a sign that appeared since is not hidden behind an old "no".
    public static func prefill(engine: Engine, previous: AnswerSet, weeks: Double) -> AnswerSet {
        let q = engine.questionnaire
        var out = AnswerSet()
        for id in (q.followUp?.keep ?? []) + (q.followUp?.confirm ?? []) {
            guard let item = engine.index.items[id], !item.isRedFlag, let value = previous[id],
                  case .success = AnswerValidation.validate(value, for: item) else { continue }
            out[id] = value
        }
        if let measure = q.safetyNet?.measure, let item = engine.index.items[ItemID(measure)], !item.isRedFlag,
           case .success(let value) = AnswerValidation.validate(.number(weeks), for: item) {
            out[item.id] = value
        }
        return out
    }
}

extension Session {
    /// A check-in of `episode` on `today`: the weeks computed, what does not change carried over
    /// (not presented), what rarely changes offered again, everything else and every warning
    /// sign asked afresh.
    public static func checkIn(engine: Engine, episode: Episode, previous: CheckInRecord, today: Date) -> Session {
        let context = CheckInContext(episode: episode, previous: previous, weeks: episode.weeks(on: today))
        return Session(engine: engine, answers: CheckInContext.prefill(engine: engine, previous: previous.answers, weeks: context.weeks),
                       today: today, checkIn: context, carriedOver: Set(engine.questionnaire.followUp?.keep ?? []))
    }

    /// A check-in continued from saved answers. The weeks are counted again for `today`.
    static func resumedCheckIn(engine: Engine, context: CheckInContext, answers: AnswerSet, today: Date) -> Session {
        var answers = answers
        for (id, value) in CheckInContext.prefill(engine: engine, previous: AnswerSet(), weeks: context.weeks).values { answers[id] = value }
        return Session(engine: engine, answers: answers, today: today, checkIn: context,
                       carriedOver: Set(engine.questionnaire.followUp?.keep ?? []))
    }
}
