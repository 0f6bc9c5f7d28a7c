#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// The presentation rules for patients, in one place: a report's pieces in words of one
/// language. A source names its document, never a file; "why" is said in the person's own
/// answers, never a rule id or an expression (those are for authors, with `explain`); dates,
/// numbers and counts follow the language ("30.12.2026", "1,4 Wochen", "1 week").
public struct Wording: Sendable {
    public let questionnaire: Questionnaire
    public let language: Language
    /// Also show rule ids and conditions, for questionnaire authors (`--explain`).
    public var explain = false

    public init(_ questionnaire: Questionnaire, _ language: Language, explain: Bool = false) {
        self.questionnaire = questionnaire
        self.language = language
        self.explain = explain
    }

    /// A phrase of the report catalog.
    public func t(_ key: String, _ args: String...) -> String { StringCatalog.report.text(key, language, args) }

    // MARK: Levels and signs

    public func title(_ level: TriageLevel) -> String { level.title[language] }
    /// What the person is told to do.
    public func action(_ action: Action) -> String { action.text[language] }
    /// "EMERGENCY: Call 112 now. ...": the level and the result's action in one line.
    public func levelAndAction(_ report: Report) -> String { title(report.level) + ": " + action(report.action) }

    /// The short name of an item: its short text, else its question without the question mark.
    public func label(_ item: Item) -> String {
        var s = (item.short ?? item.text)[language]
        while let last = s.last, last == "?" || last == " " { s.removeLast() }
        return s
    }

    /// "Numbness around the anus, genitals or inner thighs: can point to pressure on ...".
    public func sign(_ sign: Report.Sign) -> String {
        label(sign.item) + ": " + t("result.can_point_to", sign.cause.text[language]) + ruleNote(sign.rule)
    }

    /// The heading of a group of the watch list: "Call 112 at once if any of these appears", and
    /// "... before you are seen" on a result that already sends the person to a doctor.
    public func watchHeading(_ group: Report.WatchGroup, in report: Report) -> String {
        report.level.result.nextCheck ? watchHeading(group) : t("result.watch_before_seen", watchHeading(group))
    }

    /// The heading of a group of the watch list alone, for a line with no room for more.
    public func watchHeading(_ group: Report.WatchGroup) -> String { group.action.watchHeading?[language] ?? action(group.action) }

    // MARK: Answers

    /// An answer as a person reads it: yes or no, the option's words, a number with its unit.
    public func value(_ value: Value, of item: Item) -> String {
        switch value {
        case .bool(let b): return t(b ? "value.yes" : "value.no")
        case .string(let s): return item.option(s)?.text[language] ?? s
        case .list(let l): return l.map { item.option($0)?.text[language] ?? $0 }.joined(separator: ", ")
        case .number(let n):
            if item.kind == .scale, let hi = item.maximum { return "\(language.number(n))/\(language.number(hi))" }
            // A duration is said as people count it: 10 days, 3 weeks; never 1.4 weeks. Other
            // numbers of weeks (of painkillers) stay as typed when whole ("0 weeks").
            if item.inputHint == .duration || (item.ucumUnit == "wk" && n != n.rounded()) { return weeks(n) }
            let unit = (n == 1 ? item.unitOne ?? item.unit : item.unit)?[language]
            return [language.number(n), unit].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// A number of weeks as people count it: "10 days", "3 weeks", "1 Woche", never "1.4 weeks".
    public func weeks(_ n: Double) -> String { Self.weeksText(n, language) }

    /// A number of weeks as people count it, for callers without a questionnaire at hand.
    public static func weeksText(_ n: Double, _ language: Language) -> String {
        switch PeopleDuration(weeks: n) {
        case .days(let days): return StringCatalog.report.count("days", Double(days), language, decimals: 0)
        case .weeks(let weeks): return StringCatalog.report.count("weeks", Double(weeks), language, decimals: 0)
        }
    }

    /// A fact a rule read, in words: "Where it hurts: Lower back", "no warning sign".
    public func fact(_ fact: Report.Fact) -> String {
        if let item = fact.item {
            return label(item) + ": " + (fact.value.map { value($0, of: item) } ?? t("value.unanswered"))
        }
        if let d = fact.derived {
            switch fact.value {
            case .bool(let b)?:
                if let words = d.valueLabels[b ? "true" : "false"] { return words[language] }
                return d.text[language] + ": " + t(b ? "value.yes" : "value.no")
            case .string(let v)?: return d.text[language] + ": " + (d.valueLabels[v]?[language] ?? v)
            case .number(let n)?: return d.text[language] + ": " + language.number(n)
            case let other?: return d.text[language] + ": " + other.plain
            case nil: return d.text[language] + ": " + t("value.unanswered")
            }
        }
        return fact.id + ": " + (fact.value?.plain ?? t("value.unanswered"))
    }

    /// Why an entry is there, in the person's answers: "Where it hurts: Lower back; How long: 7 weeks".
    public func because(_ reason: Report.Reason) -> String {
        // Closures, not `map(fact)`: a method taken as a function copies the whole wording.
        let words = reason.facts.map { fact($0) }.joined(separator: "; ")
        return words + ruleNote(reason.rule)
    }

    /// Every reason of an entry, one after the other.
    public func why(_ entry: Report.Entry) -> String { entry.reasons.map { because($0) }.joined(separator: " | ") }

    /// For authors only: " (rule low-back-6-weeks: region == 'lower_back' and ...)".
    private func ruleNote(_ rule: Rule) -> String {
        explain ? " (" + t("result.rule", rule.id) + ": " + rule.condition.source + ")" : ""
    }

    // MARK: Sources

    /// "betanet: Rückenschmerzen > Behandlung, 3.3. Behandlung mit Medikamenten": the document's
    /// title, never its file name; the section stays in the document's language.
    public func citation(_ source: SourceRef) -> String {
        let title = questionnaire.document(source.file)?.title[language] ?? source.file
        return title + ", " + source.section
    }

    /// A citation for a printed page: "betanet §3.3", "IQWiG, movement: Effectiveness in chronic
    /// back pain". A numbered section shows its number only.
    public func shortCitation(_ source: SourceRef) -> String {
        let document = questionnaire.document(source.file)
        let title = (document?.short ?? document?.title)?[language] ?? source.file
        let section = source.section.split(separator: ";", omittingEmptySubsequences: false)[0].trimmed
        let number = section.prefix { $0.isNumber || $0 == "." }
        if number.contains(where: \.isNumber) && number.hasSuffix(".") { return title + " §" + number.dropLast() }
        return title + ": " + section
    }

    // MARK: Time

    public func date(_ day: Date) -> String { language.date(day) }

    /// "Check again on 4 Jan 2027 (12 weeks after the pain began). If it is not clearly better..."
    public func nextCheck(_ next: Report.NextCheck) -> String {
        t("result.next_check", date(next.date), weeks(next.weeks), next.advice[language])
    }

    /// The group heading of suggestions.
    public func group(_ group: TriageKit.SuggestionGroup?) -> String {
        guard let group else { return t("result.suggestions") }
        return t("group." + group.rawValue)
    }

    /// "1 question is still open", "3 questions are still open".
    public func stillOpen(_ count: Int) -> String { StringCatalog.report.count("result.incomplete", Double(count), language) }

    /// The first sentence of a paragraph: what a one-line summary has room for.
    public static func firstSentence(_ text: String) -> String {
        // Only breaking spaces fold: a no-break space (in a phone number) stays as it is.
        let flat = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        var index = flat.startIndex
        while let dot = flat[index...].firstIndex(where: { ".!?".contains($0) }) {
            let next = flat.index(after: dot)
            if next == flat.endIndex { return flat }
            // A sentence ends at a stop followed by a space and a capital, not at "e.g. the".
            let afterSpace = flat.index(after: next)
            if flat[next] == " ", afterSpace < flat.endIndex, flat[afterSpace].isUppercase { return String(flat[...dot]) }
            index = next
        }
        return flat
    }
}

/// A duration as patients are shown it (clinical-content.md, "Presentation to patients"): under
/// 3 weeks in whole days, from 3 weeks in whole weeks, never a decimal week ("week 0.3", "3.14").
/// JSON and FHIR keep the exact number.
public enum PeopleDuration: Sendable, Equatable {
    case days(Int)
    case weeks(Int)

    public init(weeks n: Double) {
        let n = max(0, n)
        // Whole weeks are the weeks completed; the small allowance keeps 12 (as 11.9999...) 12.
        self = n < 3 ? .days(Int((n * 7).rounded())) : .weeks(Int((n + 1e-6).rounded(.down)))
    }
}
