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

