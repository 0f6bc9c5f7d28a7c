import TriageKit

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

extension DurationUnit {
    /// A duration as people type it in English or German: "10 days", "3 Wochen", "2 months",
    /// "10d", "1.5", "seit 3 Wochen", "for 10 days". The unit is nil when none is named, for the
    /// caller's default (weeks, or the unit chosen on screen).
    public static func parse(_ text: String) -> (amount: Double, unit: DurationUnit?)? {
        var words = text.lowercased().split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // "seit 3 Wochen", "since 2 weeks", "for 10 days", "etwa 3 Monate": the number matters.
        let lead = StringCatalog.input.words("duration.lead")
        while let first = words.first, lead.contains(first) {
            words.removeFirst()
        }
        guard let first = words.first else { return nil }
        var numberText = first, unitText = words.count > 1 ? words[1] : ""
        // "10days", "3w": a unit glued to the number.
        if unitText.isEmpty, let split = numberText.firstIndex(where: { $0.isLetter }) {
            unitText = String(numberText[split...])
            numberText = String(numberText[..<split])
        }
        guard words.count <= 2, let amount = TypedNumber.parse(numberText) else { return nil }
        if unitText.isEmpty { return (amount, nil) }
        return allCases.first { StringCatalog.input.words($0.wordsKey).contains(unitText) }.map { (amount, $0) }
    }

    /// The key of this unit's words in `StringCatalog.input`.
    var wordsKey: String {
        switch self {
        case .days: "duration.days"
        case .weeks: "duration.weeks"
        case .months: "duration.months"
        }
    }
}
