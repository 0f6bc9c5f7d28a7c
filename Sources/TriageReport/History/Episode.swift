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

    public init(id: Int64, uuid: String, questionnaire: String, version: String, kind: String?, start: Date, createdAt: Date,
                closedOn: Date?, ending: Ending?) {
        self.id = id
        self.uuid = uuid
        self.questionnaire = questionnaire
        self.version = version
        self.kind = kind
        self.start = start
        self.createdAt = createdAt
        self.closedOn = closedOn
        self.ending = ending
    }

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

    public init(id: Int64, uuid: String, episodeID: Int64, answeredOn: Date, recordedAt: Date, version: String,
                language: Language, answers: AnswerSet, level: String, weeks: Double?, nextCheck: NextCheck?) {
        self.id = id
        self.uuid = uuid
        self.episodeID = episodeID
        self.answeredOn = answeredOn
        self.recordedAt = recordedAt
        self.version = version
        self.language = language
        self.answers = answers
        self.level = level
        self.weeks = weeks
        self.nextCheck = nextCheck
    }
}

/// An open episode as the start of a session shows it: its check-ins, the weeks since it began
/// and whether a check-in is due.
public struct EpisodeStatus: Sendable {
    public let episode: Episode
    /// Its check-ins in the order they were answered; never empty.
    public let checkIns: [CheckInRecord]
    /// The day it is seen on.
    public let today: Date

    public init(episode: Episode, checkIns: [CheckInRecord], today: Date) {
        self.episode = episode
        self.checkIns = checkIns
        self.today = today
    }

    public var last: CheckInRecord { checkIns[checkIns.count - 1] }
    /// Weeks since the pain began, today.
    public var weeksNow: Double { episode.weeks(on: today) }
    /// When the last result said to look again; nil when it gave no day (a warning sign, or
    /// every mark passed).
    public var nextCheck: CheckInRecord.NextCheck? { last.nextCheck }
    /// The day to look again has come.
    public var isDue: Bool { nextCheck.map { $0.date <= today } ?? false }
}

extension EpisodeStatus {
    /// The pain over the weeks with `report` as the check-in answered now, before it is
    /// recorded: what a check-in's result shows, the same as once it is stored.
    public func trend(engine: Engine, adding report: Report) -> Trend? {
        let q = engine.questionnaire
        var weeks: Double?
        if let measure = q.safetyNet?.measure, case .number(let n)? = report.answers[ItemID(measure)] { weeks = n }
        let now = CheckInRecord(id: 0, uuid: "", episodeID: episode.id, answeredOn: report.answeredOn, recordedAt: report.answeredOn,
                                version: q.version, language: last.language, answers: report.answers, level: report.level.id,
                                weeks: weeks, nextCheck: nil)
        return Trend(engine: engine, episode: episode, checkIns: checkIns + [now])
    }
}

extension CheckInRecord {
    /// The result this check-in gives with the questionnaire as it is now, on its own day.
    public func report(engine: Engine) -> Report {
        Report(engine: engine, answers: Self.accepted(answers, engine), on: answeredOn)
    }

    /// The answers this questionnaire still accepts (a later version may have dropped an item).
    public static func accepted(_ answers: AnswerSet, _ engine: Engine) -> AnswerSet {
        AnswerSet(answers.values.filter { id, value in
            guard let item = engine.index.items[id] else { return false }
            if case .success = AnswerValidation.validate(value, for: item) { return true }
            return false
        })
    }
}

extension Trend {
    /// The episode's measure over the weeks, each check-in with the level it had then; nil when
    /// the questionnaire charts nothing.
    public init?(engine: Engine, episode: Episode, checkIns: [CheckInRecord]) {
        let q = engine.questionnaire
        guard let last = checkIns.last, let lowest = q.lowestLevel else { return nil }
        let measure = q.followUp?.trend
        let points = checkIns.map { c -> Trend.Point in
            var value: Double?
            if let measure, case .number(let n)? = c.answers[measure] { value = n }
            return Trend.Point(day: c.answeredOn, weeks: c.weeks ?? episode.weeks(on: c.answeredOn), value: value,
                               level: q.level(c.level) ?? lowest)
        }
        self.init(q, start: episode.start, marks: engine.safetyNetWeeks(given: CheckInRecord.accepted(last.answers, engine)), points: points)
    }
}
