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

/// One episode's measure over the weeks since the pain began (pain intensity), each check-in
/// with the level its result had: what a history chart draws, in no language yet.
public struct Trend: Sendable, Hashable {
    /// One check-in.
    public struct Point: Sendable, Hashable {
        /// The day it was answered.
        public var day: Date
        /// Weeks since the pain began, as the check-in gave them.
        public var weeks: Double
        /// The measure, nil when it was not answered (a session that stopped at an emergency).
        public var value: Double?
        public var level: TriageLevel

        public init(day: Date, weeks: Double, value: Double?, level: TriageLevel) {
            self.day = day
            self.weeks = weeks
            self.value = value
            self.level = level
        }
    }

    /// The day the pain began.
    public var start: Date
    /// The weeks at which the guidance looks again for this episode (lower back: 6 and 12).
    public var marks: [Double]
    /// The check-ins, in the order of their weeks.
    public var points: [Point]
    /// The measure's short name ("Pain intensity") and its range.
    public var label: LocalizedText
    public var minimum: Double
    public var maximum: Double
    /// Every level of the questionnaire, least urgent first: a level's place among them picks
    /// its marker, so a marker means the same in every chart.
    public var levels: [TriageLevel]

    public init(start: Date, marks: [Double], points: [Point], label: LocalizedText, minimum: Double, maximum: Double,
                levels: [TriageLevel]) {
        self.start = start
        self.marks = marks.sorted()
        self.points = points.sorted { ($0.weeks, $0.day) < ($1.weeks, $1.day) }
        self.label = label
        self.minimum = minimum
        self.maximum = maximum > minimum ? maximum : minimum + 1
        self.levels = levels.sorted()
    }

    /// The trend of `questionnaire`'s `follow_up.trend` item (its range from the item), or nil
    /// when the questionnaire charts none.
    public init?(_ questionnaire: Questionnaire, start: Date, marks: [Double], points: [Point]) {
        guard let id = questionnaire.followUp?.trend, let item = questionnaire.item(id) else { return nil }
        self.init(start: start, marks: marks, points: points, label: item.short ?? item.text,
                  minimum: item.minimum ?? 0, maximum: item.maximum ?? 10, levels: questionnaire.triageLevels)
    }

    /// The rightmost week the x axis shows: past the last mark and the last check-in, so the
    /// next mark is in view.
    public var lastWeek: Double {
        let furthest = max(points.map(\.weeks).max() ?? 0, marks.max() ?? 0)
        return max(4, furthest.rounded(.up) + 1)
    }

    /// A level's place among the questionnaire's levels, 0 for the least urgent.
    public func place(of level: TriageLevel) -> Int { levels.firstIndex { $0.id == level.id } ?? 0 }
}
