#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Days: one typed by a person (2026-11-15 or, as Germans write it, 15.11.2026), shared by both
/// interfaces so a start date reads the same in either, and whole UTC days counted between them.
public enum Day {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmed
        if let iso = AnswerValidation.parseDate(trimmed) { return iso }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), parts[2].count == 4, Int(parts[2]) != nil else { return nil }
        return AnswerValidation.parseDate("\(parts[2])-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)")
    }

    /// Whole weeks and days from `start` to `today` as weeks; nil when `start` is after today.
    public static func weeks(from start: Date, to today: Date) -> Double? {
        let days = between(start, today)
        return days < 0 ? nil : Double(days) / 7
    }

    /// Whole UTC days from `a` to `b` (negative when `b` is earlier), as the engine counts them.
    public static func between(_ a: Date, _ b: Date) -> Int {
        Int(((b.timeIntervalSince1970 - a.timeIntervalSince1970) / 86_400).rounded())
    }

    /// `day` plus `days` days. UTC has no daylight-saving shifts: a day is 86,400 seconds.
    public static func adding(_ days: Int, to day: Date) -> Date { day.addingTimeInterval(Double(days) * 86_400) }

    /// The start of the UTC day `date` falls on. UTC has no shifts and Unix time no leap
    /// seconds, so it is whole days of 86,400 seconds since 1970, without a calendar (making
    /// one was a twentieth of the time to the first frame).
    public static func start(of date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }

    /// The UTC day `weeks` before `day`, to the nearest day.
    public static func start(weeks: Double, before day: Date) -> Date { adding(-Int((weeks * 7).rounded()), to: day) }
}
