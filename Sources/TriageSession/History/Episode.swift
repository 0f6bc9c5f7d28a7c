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

/// One bout of pain followed over weeks: from the day it began (the first answers' day less the
/// duration they gave) until the pain is gone or a new episode begins. Its check-ins are the
/// questionnaires answered during it.
public struct Episode: Sendable, Hashable, Identifiable {
    /// Why an episode ended.
    public enum Ending: String, Sendable, CaseIterable {
        /// The person said the pain is gone.
        case resolved
        /// A new episode began (pain elsewhere, or a new bout) while this one was open.
        case replaced
    }

    /// The row id: stable within one history, shown as nothing to a person.
    public var id: Int64
    /// A random id for exports (FHIR `urn:uuid:`), the same in every export.
    public var uuid: String
    public var questionnaire: String
    /// The questionnaire version of the first check-in.
    public var version: String
    /// The answer that tells episodes apart, as the questionnaire's `follow_up.episode` names it
    /// (the region: `lower_back`); nil when it names none.
    public var kind: String?
    /// The day the pain began (a UTC day).
    public var start: Date
    public var createdAt: Date
    /// The day it ended; nil while it is open.
    public var closedOn: Date?
    public var ending: Ending?

    public var isOpen: Bool { closedOn == nil }

    /// Whole weeks and days as a fraction from the start to `day`: the duration a check-in on
    /// that day is given. Never negative.
    public func weeks(on day: Date) -> Double {
        max(0, Double(Day.between(start, day)) / 7)
    }
}

/// One questionnaire answered during an episode, as stored: the answers, the day, and the result
/// they gave then (level and next check), so the history reads as it was even after the
/// questionnaire changes.
public struct CheckInRecord: Sendable, Hashable, Identifiable {
    /// When to look again, as the result said.
    public struct NextCheck: Sendable, Hashable {
        public var date: Date
        public var weeks: Double
        public init(date: Date, weeks: Double) {
            self.date = date
            self.weeks = weeks
        }
    }

    public var id: Int64
    public var uuid: String
    public var episodeID: Int64
    /// The day of answering (a UTC day), from which the next check counts.
    public var answeredOn: Date
    /// The moment it was stored.
    public var recordedAt: Date
    public var version: String
    public var language: Language
    public var answers: AnswerSet
    /// The triage level's id (`self_care`).
    public var level: String
    /// The duration it was answered with (weeks since the episode began), nil when unanswered.
    public var weeks: Double?
    public var nextCheck: NextCheck?
}

/// A check-in to store: what the finished session gives.
public struct NewCheckIn: Sendable {
    public var questionnaire: String
    public var version: String
    public var language: Language
    public var answeredOn: Date
    public var answers: AnswerSet
    public var level: String
    public var weeks: Double?
    public var nextCheck: CheckInRecord.NextCheck?

    public init(questionnaire: String, version: String, language: Language, answeredOn: Date, answers: AnswerSet,
                level: String, weeks: Double?, nextCheck: CheckInRecord.NextCheck?) {
        self.questionnaire = questionnaire
        self.version = version
        self.language = language
        self.answeredOn = answeredOn
        self.answers = answers
        self.level = level
        self.weeks = weeks
        self.nextCheck = nextCheck
    }
}

/// Where a check-in goes.
public enum CheckInTarget: Sendable, Hashable {
    /// Into an episode; `correctedStart` moves its start when the person corrected the weeks.
    case episode(id: Int64, correctedStart: Date?)
    /// The first check-in of a new episode that began on `start`. Any open episode of the same
    /// questionnaire ends then, as replaced: one episode is open at a time.
    case newEpisode(start: Date, kind: String?)
}

