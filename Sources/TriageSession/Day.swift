import Foundation
import TriageKit

/// A day typed by a person: 2026-11-15 or, as Germans write it, 15.11.2026. Shared by both
/// interfaces, so a start date reads the same in either.
public enum Day {
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = AnswerValidation.parseDate(trimmed) { return iso }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), parts[2].count == 4, Int(parts[2]) != nil else { return nil }
        return AnswerValidation.parseDate("\(parts[2])-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)")
    }

    /// Whole weeks and days from `start` to `today` as weeks; nil when `start` is after today.
    public static func weeks(from start: Date, to today: Date) -> Double? {
        let days = Calendar.utc.dateComponents([.day], from: start, to: today).day ?? -1
        return days < 0 ? nil : Double(days) / 7
    }
}
