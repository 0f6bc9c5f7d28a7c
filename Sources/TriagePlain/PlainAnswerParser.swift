#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageSession

/// Turns a typed line into an answer for an item, accepting what people type in English and
/// German: yes/ja/y/j, "2,5" as well as "2.5", "10 days", "seit 3 Wochen", a start date as
/// 2026-11-15 or 15.11.2026, an option's number or its words.
public struct PlainAnswerParser {
    public var language: Language
    /// The day of answering, for a duration given as its start date.
    public var today: Date

    public init(language: Language, today: Date) {
        self.language = language
        self.today = today
    }

    /// The parsed value, or the message saying what is expected.
    public func parse(_ line: String, for item: Item) -> Result<Value, AnswerProblem> {
        let text = line.trimmed
        func expected(_ key: String, _ args: String...) -> Result<Value, AnswerProblem> {
            .failure(AnswerProblem(item: item.id, message: StringCatalog.plain.text(key, language, args)))
        }
        switch item.kind {
        case .boolean:
            if StringCatalog.input.accepts(text, as: "answer.yes") { return .success(.bool(true)) }
            if StringCatalog.input.accepts(text, as: "answer.no") { return .success(.bool(false)) }
            return expected("plain.expect.boolean")
        case .integer, .decimal, .scale:
            if item.inputHint == .duration {
                if let start = Day.parse(text) {
                    return Day.weeks(from: start, to: today).map { .success(.number($0)) } ?? expected("plain.duration.future")
                }
                return duration(text).map { .success(.number($0)) } ?? expected("plain.expect.duration")
            }
            return TypedNumber.parse(text, units: item.unitWords).map { .success(.number($0)) }
                ?? expected("plain.expect.number", Self.example(for: item, language))
        case .choice:
            if let n = Int(text), (1...item.options.count).contains(n) { return .success(.string(item.options[n - 1].value)) }
            if let option = item.options.first(where: { matches(text, $0) }) { return .success(.string(option.value)) }
            return .failure(AnswerProblem(item: item.id, message: Self.expectChoice(item.options.count, language)))
        case .multiChoice:
            if StringCatalog.input.accepts(text, as: "answer.none") || text.isEmpty { return .success(.list([])) }
            var picked: [String] = []
            for part in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
                guard let n = Int(part), (1...item.options.count).contains(n) else {
                    return expected("plain.expect.multi", String(item.options.count))
                }
                let value = item.options[n - 1].value
                if !picked.contains(value) { picked.append(value) }
            }
            return .success(.list(picked))
        case .date:
            guard let day = Day.parse(text) else { return expected("plain.expect.date") }
            return .success(.string(AnswerValidation.formatDate(day)))
        case .text:
            return .success(.string(text))
        }
    }

    /// "type 1 or 2", "type a number from 1 to 4": what a choice among `count` numbers expects.
    public static func expectChoice(_ count: Int, _ language: Language) -> String {
        count == 2 ? StringCatalog.plain.text("plain.expect.choice.two", language)
                   : StringCatalog.plain.text("plain.expect.choice", language, [String(count)])
    }

    /// An example a person would type for `item`: a number of weeks is a few weeks (2 weeks),
    /// days 10, months 3, anything else 40 kept within the item's range, with its unit.
    static func example(for item: Item, _ language: Language) -> String {
        let typical: Double
        switch item.ucumUnit {
        case "wk": typical = 2
        case "d": typical = 10
        case "mo": typical = 3
        default: typical = 40
        }
        let value = min(item.maximum ?? typical, max(item.minimum ?? typical, typical))
        let unit = (value == 1 ? item.unitOne ?? item.unit : item.unit)?[language]
        return language.number(value) + (unit.map { " " + $0 } ?? "")
    }

    private func matches(_ text: String, _ option: ChoiceOption) -> Bool {
        let t = text.lowercased()
        return t == option.value.lowercased() || option.text.translations.values.contains { $0.lowercased() == t }
    }

    /// Weeks from "10 days", "3 weeks", "2 months", "1.5" (weeks), "seit 3 Wochen", "for 10 days".
    public func duration(_ text: String) -> Double? {
        DurationUnit.parse(text).map { ($0.unit ?? .weeks).weeks($0.amount) }
    }
}
