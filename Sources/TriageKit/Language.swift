#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A language the program speaks. Adding one is adding a case here and its texts: every string
/// catalog (a test lists what a language lacks) and the questionnaire texts (`check` says which).
public enum Language: String, CaseIterable, Sendable, Hashable, Codable {
    case en, de

    /// The language's name in itself, for the switch between languages.
    public var name: String {
        switch self {
        case .en: return "English"
        case .de: return "Deutsch"
        }
    }

    /// The language the locale names: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
    /// set decides, as in setlocale(3); one this program does not speak, "C" and "POSIX" mean
    /// English.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(rawValue: String(value.prefix(2)).lowercased()) ?? .en
        }
        return .en
    }
}

// MARK: How numbers, dates and counts are written ("Presentation to patients")

extension Language {
    /// The decimal separator people expect: "1.4" in English, "1,4" in German.
    public var decimalSeparator: String { StringCatalog.input.text("number.decimal_separator", self) }

    /// A number for people to read: no needless ".0", at most `decimals` places, the
    /// language's decimal separator.
    public func number(_ n: Double, decimals: Int = 1) -> String {
        var text = FixedNumber.string(n, decimals: decimals)
        if text.contains("."), !text.contains("e") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return decimalSeparator == "." ? text : String(text.map { $0 == "." ? "," : $0 })
    }

    private static let monthsEnglish = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A day: "30 Dec 2026" in English, "30.12.2026" in German. Days are UTC days, as the
    /// engine counts them.
    public func date(_ day: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day], from: day)
        let (y, m, d) = (c.year ?? 0, c.month ?? 1, c.day ?? 1)
        switch self {
        case .de: return "\(Self.twoDigits(d)).\(Self.twoDigits(m)).\(y)"
        case .en: return "\(d) \(Self.monthsEnglish[max(0, min(11, m - 1))]) \(y)"
        }
    }

    /// A moment in the given time zone (default: the local time then): "25 Nov 2026, 08:10" /
    /// "25.11.2026, 08:10".
    public func dateTime(_ moment: Date, in zone: TimeZone? = nil) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone ?? .local(at: moment)
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
        guard let day = DateComponents(calendar: Calendar.utc, timeZone: .gmt, year: c.year, month: c.month, day: c.day).date else {
            return date(moment)
        }
        return date(day) + ", " + Self.twoDigits(c.hour ?? 0) + ":" + Self.twoDigits(c.minute ?? 0)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
