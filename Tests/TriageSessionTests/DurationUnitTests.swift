import Testing
@testable import TriageSession

/// Durations typed in days, weeks or months are stored in weeks, the unit of every rule.
@Suite("Duration units")
struct DurationUnitTests {
    @Test func daysWeeksAndMonthsBecomeWeeks() {
        #expect(DurationUnit.days.weeks(14) == 2)
        #expect(DurationUnit.weeks.weeks(5.999) == 5.999)
        // Three months must pass the 12-week line: 3 months is about 13 weeks, not 12.
        #expect(DurationUnit.months.weeks(3) > 12)
        #expect(abs(DurationUnit.months.weeks(12) - 365.25 / 7) < 1e-9)
    }
}
