/// Units a duration can be given in; durations are stored in weeks. Shared by both interfaces,
/// so "3 months" is the same number of weeks in either.
public enum DurationUnit: Int, Sendable, CaseIterable {
    case days, weeks, months

    /// An average month (365.25 / 12 days): 3 months is about 13 weeks.
    public static let weeksPerMonth = 365.25 / 12 / 7

    /// `amount` of this unit in weeks.
    public func weeks(_ amount: Double) -> Double {
        switch self {
        case .days: return amount / 7
        case .weeks: return amount
        case .months: return amount * Self.weeksPerMonth
        }
    }

    /// The next unit, round the three.
    public var next: DurationUnit { DurationUnit(rawValue: (rawValue + 1) % 3) ?? .weeks }
    public var previous: DurationUnit { DurationUnit(rawValue: (rawValue + 2) % 3) ?? .weeks }
}
