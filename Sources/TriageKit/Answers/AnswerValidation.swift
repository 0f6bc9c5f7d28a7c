import Foundation

/// Why an answer cannot be taken, in words a person can act on.
public struct AnswerProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var item: String
    public var message: String
    public var description: String { "\(item): \(message)" }

    public init(item: String, message: String) {
        self.item = item
        self.message = message
    }
}

/// Checks one answer against its item: type, range, options. Shared by answer files, the
/// full-screen interface and the plain mode, so each refuses the same things with the same words.
public enum AnswerValidation {
    public static let maximumTextLength = 2000

    /// The answer as the item stores it, or why it is refused. `language` picks the message's language.
    public static func validate(_ value: Value, for item: Item, language: String = "en") -> Result<Value, AnswerProblem> {
        func fail(_ en: String, _ de: String) -> Result<Value, AnswerProblem> {
            .failure(AnswerProblem(item: item.id, message: language == "de" ? de : en))
        }
        switch (item.kind, value) {
        case (.boolean, .bool):
            return .success(value)
        case (.boolean, _):
            return fail("expected true or false (yes or no), got \(value)", "erwartet true oder false (ja oder nein), erhalten: \(value)")
        case (.choice, .string(let s)):
            if item.option(s) != nil { return .success(value) }
            let options = item.options.map(\.value).joined(separator: ", ")
            return fail("'\(s)' is not one of the options (\(options))", "'\(s)' ist keine der Möglichkeiten (\(options))")
        case (.choice, _):
            return fail("expected one of \(item.options.map(\.value).joined(separator: ", ")), got \(value)",
                        "erwartet eine von \(item.options.map(\.value).joined(separator: ", ")), erhalten: \(value)")
        case (.multiChoice, .list(let values)):
            if let bad = values.first(where: { item.option($0) == nil }) {
                return fail("'\(bad)' is not one of the options", "'\(bad)' ist keine der Möglichkeiten")
            }
            if Set(values).count != values.count { return fail("an option is chosen twice", "eine Möglichkeit ist doppelt gewählt") }
            return .success(value)
        case (.multiChoice, _):
            return fail("expected a list of options, got \(value)", "erwartet eine Liste von Möglichkeiten, erhalten: \(value)")
        case (.integer, .number(let n)), (.scale, .number(let n)):
            if n != n.rounded() { return fail("expected a whole number, got \(Value.format(n))", "erwartet eine ganze Zahl, erhalten: \(Value.format(n))") }
            return checkRange(n, item, language).map { _ in value }
        case (.decimal, .number(let n)):
            return checkRange(n, item, language).map { _ in value }
        case (.integer, _), (.scale, _), (.decimal, _):
            return fail("expected a number, got \(value)", "erwartet eine Zahl, erhalten: \(value)")
        case (.text, .string(let s)):
            if s.count > maximumTextLength {
                return fail("the text is longer than \(maximumTextLength) characters", "der Text ist länger als \(maximumTextLength) Zeichen")
            }
            return .success(value)
        case (.text, _):
            return fail("expected a text, got \(value)", "erwartet einen Text, erhalten: \(value)")
        case (.date, .string(let s)):
            guard parseDate(s) != nil else { return fail("expected a date as YYYY-MM-DD, got '\(s)'", "erwartet ein Datum als JJJJ-MM-TT, erhalten: '\(s)'") }
            return .success(value)
        case (.date, _):
            return fail("expected a date as YYYY-MM-DD, got \(value)", "erwartet ein Datum als JJJJ-MM-TT, erhalten: \(value)")
        }
    }

    private static func checkRange(_ n: Double, _ item: Item, _ language: String) -> Result<Double, AnswerProblem> {
        guard n.isFinite else {
            return .failure(AnswerProblem(item: item.id, message: language == "de" ? "erwartet eine endliche Zahl" : "expected a finite number"))
        }
        if let lo = item.minimum, n < lo {
            if let below = item.belowMinimum { return .failure(AnswerProblem(item: item.id, message: below.text(language))) }
            return .failure(AnswerProblem(item: item.id, message: language == "de"
                ? "\(Value.format(n)) ist kleiner als \(Value.format(lo)); erlaubt: \(rangeText(item))"
                : "\(Value.format(n)) is below \(Value.format(lo)); allowed: \(rangeText(item))"))
        }
        if let hi = item.maximum, n > hi {
            return .failure(AnswerProblem(item: item.id, message: language == "de"
                ? "\(Value.format(n)) ist größer als \(Value.format(hi)); erlaubt: \(rangeText(item))"
                : "\(Value.format(n)) is above \(Value.format(hi)); allowed: \(rangeText(item))"))
        }
        return .success(n)
    }

    static func rangeText(_ item: Item) -> String {
        "\(item.minimum.map(Value.format) ?? "…")–\(item.maximum.map(Value.format) ?? "…")"
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

    /// Formats a day as YYYY-MM-DD.
    public static func formatDate(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Required items that are asked, given these answers, but have no answer.
    public static func missing(_ answers: AnswerSet, engine: Engine) -> [Item] {
        engine.askedItems(given: answers).filter { $0.required && answers[$0.id] == nil }
    }
}
