import Foundation
import TriageKit

/// Turns a typed line into an answer for an item, accepting what people type in English and
/// German: yes/ja/y/j, "2,5" as well as "2.5", "10 days", "3 Wochen", an option's number or name.
public struct PlainAnswerParser {
    public var language: String
    /// The day of answering, for a duration given as its start date.
    public var today: Date

    public init(language: String, today: Date) {
        self.language = language
        self.today = today
    }

    /// The parsed value, or the message saying what is expected.
    public func parse(_ line: String, for item: Item) -> Result<Value, AnswerProblem> {
        let text = line.trimmingCharacters(in: .whitespaces)
        func expected(_ key: String, _ args: String...) -> Result<Value, AnswerProblem> {
            return .failure(AnswerProblem(item: item.id, message: Strings.text(key, language, arguments: args)))
        }
        switch item.kind {
        case .boolean:
            switch text.lowercased() {
            case "y", "yes", "j", "ja": return .success(.bool(true))
            case "n", "no", "nein": return .success(.bool(false))
            default: return expected("plain.expect.boolean")
            }
        case .integer, .decimal, .scale:
            if item.inputHint == "duration" {
                return duration(text).map { .success(.number($0)) } ?? expected("plain.expect.duration")
            }
            return Self.number(text).map { .success(.number($0)) } ?? expected("plain.expect.number")
        case .choice:
            if let n = Int(text), (1...item.options.count).contains(n) { return .success(.string(item.options[n - 1].value)) }
            if let option = item.options.first(where: { matches(text, $0) }) { return .success(.string(option.value)) }
            return expected("plain.expect.choice", String(item.options.count))
        case .multiChoice:
            if ["none", "keine", "-"].contains(text.lowercased()) || text.isEmpty { return .success(.list([])) }
            var picked: [String] = []
            for part in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
                guard let n = Int(part), (1...item.options.count).contains(n) else {
                    return expected("plain.expect.multi", String(item.options.count))
                }
                let value = item.options[n - 1].value
                if !picked.contains(value) { picked.append(value) }
            }
            return .success(.list(picked))
        case .text, .date:
            return .success(.string(text))
        }
    }

    private func matches(_ text: String, _ option: ChoiceOption) -> Bool {
        let t = text.lowercased()
        return t == option.value.lowercased() || option.text.translations.values.contains { $0.lowercased() == t }
    }

    /// A number with a decimal point or a German decimal comma.
    public static func number(_ text: String) -> Double? {
        let normalized = text.replacingOccurrences(of: ",", with: ".")
        guard !normalized.isEmpty, normalized.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }),
              let n = Double(normalized), n.isFinite else { return nil }
        return n
    }

    /// Weeks from "10 days", "3 weeks", "2 months", "1.5" (weeks), or a start date "2026-11-01".
    public func duration(_ text: String) -> Double? {
        if let start = AnswerValidation.parseDate(text) {
            let days = Calendar.utc.dateComponents([.day], from: start, to: today).day ?? -1
            return days < 0 ? nil : (Double(days) / 7 * 100).rounded() / 100
        }
        let parts = text.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        guard let first = parts.first else { return nil }
        var numberText = String(first), unitText = parts.count > 1 ? String(parts[1]) : ""
        // "10days", "3w": a unit glued to the number.
        if unitText.isEmpty, let split = numberText.firstIndex(where: { $0.isLetter }) {
            unitText = String(numberText[split...])
            numberText = String(numberText[..<split])
        }
        guard parts.count <= 2, let n = Self.number(numberText) else { return nil }
        let perWeek: Double
        switch unitText {
        case "", "w", "week", "weeks", "wo", "woche", "wochen": perWeek = 1
        case "d", "day", "days", "t", "tag", "tage", "tagen": perWeek = 1.0 / 7
        case "m", "month", "months", "monat", "monate", "monaten": perWeek = 52.0 / 12
        default: return nil
        }
        return (n * perWeek * 100).rounded() / 100
    }
}
