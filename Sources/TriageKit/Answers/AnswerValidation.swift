#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why an answer cannot be taken, in words a person can act on.
public struct AnswerProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var item: ItemID
    public var message: String
    public var description: String { "\(item): \(message)" }

    public init(item: ItemID, message: String) {
        self.item = item
        self.message = message
    }
}

/// Checks one answer against its item: type, range, options. Shared by answer files, the
/// full-screen interface and the plain mode, so each refuses the same things with the same words.
public enum AnswerValidation {
    public static let maximumTextLength = 2000

    /// The answer as the item stores it, or why it is refused, in `language`.
    public static func validate(_ value: Value, for item: Item, language: Language = .en) -> Result<Value, AnswerProblem> {
        func fail(_ key: String, _ args: String...) -> Result<Value, AnswerProblem> {
            .failure(AnswerProblem(item: item.id, message: StringCatalog.answers.text(key, language, args)))
        }
        // Only a refusal names the options: joining them for every valid answer was a cost of
        // checking each answer set of a batch.
        var options: String { item.options.map(\.value).joined(separator: ", ") }
        switch (item.kind, value) {
        case (.boolean, .bool):
            return .success(value)
        case (.boolean, _):
            return fail("answer.expected_boolean", value.description)
        case (.choice, .string(let s)):
            return item.option(s) != nil ? .success(value) : fail("answer.not_an_option", s, options)
        case (.choice, _):
            return fail("answer.expected_option", options, value.description)
        case (.multiChoice, .list(let values)):
            if let bad = values.first(where: { item.option($0) == nil }) { return fail("answer.not_an_option", bad, options) }
            if Set(values).count != values.count { return fail("answer.chosen_twice") }
            return .success(value)
        case (.multiChoice, _):
            return fail("answer.expected_list", value.description)
        case (.integer, .number(let n)), (.scale, .number(let n)):
            if n != n.rounded() { return fail("answer.expected_whole", language.number(n, decimals: 3)) }
            return checkRange(n, item, language).map { _ in value }
        case (.decimal, .number(let n)):
            return checkRange(n, item, language).map { _ in value }
        case (.integer, _), (.scale, _), (.decimal, _):
            return fail("answer.expected_number", value.description)
        case (.text, .string(let s)):
            return s.count > maximumTextLength ? fail("answer.too_long", String(maximumTextLength)) : .success(value)
        case (.text, _):
            return fail("answer.expected_text", value.description)
        case (.date, .string(let s)):
            return parseDate(s) != nil ? .success(value) : fail("answer.expected_date", "'\(s)'")
        case (.date, _):
            return fail("answer.expected_date", value.description)
        }
    }

    private static func checkRange(_ n: Double, _ item: Item, _ language: Language) -> Result<Double, AnswerProblem> {
        func fail(_ key: String, _ args: String...) -> Result<Double, AnswerProblem> {
            .failure(AnswerProblem(item: item.id, message: StringCatalog.answers.text(key, language, args)))
        }
        guard n.isFinite else { return fail("answer.not_finite") }
        // The range is written out only for a message: formatting numbers costs more than the check.
        if let lo = item.minimum, n < lo {
            if let below = item.belowMinimum { return .failure(AnswerProblem(item: item.id, message: below.text(language))) }
            return fail("answer.below", language.number(n, decimals: 3), language.number(lo, decimals: 3), rangeText(item, language))
        }
        if let hi = item.maximum, n > hi {
            return fail("answer.above", language.number(n, decimals: 3), language.number(hi, decimals: 3), rangeText(item, language))
        }
        return .success(n)
    }

    static func rangeText(_ item: Item, _ language: Language) -> String {
        "\(item.minimum.map { language.number($0, decimals: 3) } ?? "…")–\(item.maximum.map { language.number($0, decimals: 3) } ?? "…")"
    }

    /// Parses an ISO date (YYYY-MM-DD) as a UTC day.
    public static func parseDate(_ s: String) -> Date? {
        let parts = s.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d), (1900...9999).contains(y) else { return nil }
        let components = DateComponents(calendar: Calendar.utc, timeZone: Calendar.utc.timeZone, year: y, month: m, day: d)
        guard let date = Calendar.utc.date(from: components),
              Calendar.utc.component(.day, from: date) == d else { return nil }
        return date
    }

    /// Formats a day as YYYY-MM-DD, the form of files and FHIR.
    public static func formatDate(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day], from: date)
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(c.year ?? 0, 4))-\(pad(c.month ?? 0, 2))-\(pad(c.day ?? 0, 2))"
    }

    /// Required items that are asked, given these answers, but have no answer.
    public static func missing(_ answers: AnswerSet, engine: Engine) -> [Item] {
        engine.missingItems(in: answers)
    }
}

extension StringCatalog {
    /// Why an answer is refused: shared by answer files, the full-screen and the plain mode.
    public static let answers = StringCatalog("answers", [
        .en: [
            "answer.expected_boolean": "expected yes or no (true or false), got {0}",
            "answer.file_expected_boolean": "expected true or false, got {0}",
            "answer.file_boolean_hint": "write true or false",
            "answer.not_an_option": "'{0}' is not one of the options ({1})",
            "answer.expected_option": "expected one of {0}, got {1}",
            "answer.chosen_twice": "an option is chosen twice",
            "answer.expected_list": "expected a list of options, got {0}",
            "answer.expected_whole": "expected a whole number, got {0}",
            "answer.expected_number": "expected a number, got {0}",
            "answer.too_long": "the text is longer than {0} characters",
            "answer.expected_text": "expected a text, got {0}",
            "answer.expected_date": "expected a date as YYYY-MM-DD, got {0}",
            "answer.not_finite": "expected a finite number",
            "answer.below": "{0} is below {1}; allowed: {2}",
            "answer.above": "{0} is above {1}; allowed: {2}",
        ],
        .de: [
            "answer.expected_boolean": "erwartet ja oder nein (true oder false), erhalten: {0}",
            "answer.file_expected_boolean": "erwartet true oder false, erhalten: {0}",
            "answer.file_boolean_hint": "schreiben Sie true oder false",
            "answer.not_an_option": "„{0}“ ist keine der Möglichkeiten ({1})",
            "answer.expected_option": "erwartet eine von {0}, erhalten: {1}",
            "answer.chosen_twice": "eine Möglichkeit ist doppelt gewählt",
            "answer.expected_list": "erwartet eine Liste von Möglichkeiten, erhalten: {0}",
            "answer.expected_whole": "erwartet eine ganze Zahl, erhalten: {0}",
            "answer.expected_number": "erwartet eine Zahl, erhalten: {0}",
            "answer.too_long": "der Text ist länger als {0} Zeichen",
            "answer.expected_text": "erwartet einen Text, erhalten: {0}",
            "answer.expected_date": "erwartet ein Datum als JJJJ-MM-TT, erhalten: {0}",
            "answer.not_finite": "erwartet eine endliche Zahl",
            "answer.below": "{0} ist kleiner als {1}; erlaubt: {2}",
            "answer.above": "{0} ist größer als {1}; erlaubt: {2}",
        ],
    ])
}
