/// Every interface string, in English and German, in one catalog. Questionnaire texts live in the
/// questionnaire's data; these are the words of the tool itself (headings, keys, messages).
public enum Strings {
    /// key -> (English, German). `{0}`, `{1}` are replaced by arguments. Each part of the
    /// interface keeps its strings in its own dictionary; this is all of them.
    public static let table: [String: (en: String, de: String)] =
        results.merging(interface) { a, _ in a }.merging(plain) { a, _ in a }
            .merging(sheet) { a, _ in a }

    /// Strings of results, text output and the sheet.
    static let results: [String: (en: String, de: String)] = [
        "result.title": ("Your result", "Ihr Ergebnis"),
        "result.date": ("Answered on {0}", "Beantwortet am {0}"),
        "result.red_flags": ("Warning signs you answered yes", "Warnzeichen, die Sie mit Ja beantwortet haben"),
        "result.red_flag_cause": ("can point to {0}", "kann hinweisen auf: {0}"),
        "result.no_red_flags": ("No warning signs answered yes.", "Kein Warnzeichen mit Ja beantwortet."),
        "result.suggestions": ("What the guidance suggests", "Was die Leitlinien empfehlen"),
        "result.cautions": ("What the guidance advises against", "Wovon die Leitlinien abraten"),
        "result.notes": ("Good to know", "Gut zu wissen"),
        "result.none": ("(none)", "(keine)"),
        "result.source": ("Source", "Quelle"),
        "result.why": ("Why", "Warum"),
        "result.rule": ("rule {0}", "Regel {0}"),
        "result.evidence": ("Evidence", "Studienlage"),
        "result.practical": ("In practice", "Praktisch"),
        "result.next_check": ("Next check: {0} ({1} weeks since the pain began). {2}", "Nächste Prüfung: {0} ({1} Wochen seit Beginn der Schmerzen). {2}"),
        "result.watch_for": ("See a doctor at once if any of these appear", "Gehen Sie sofort zum Arzt, wenn eines davon auftritt"),
        "result.disclaimer": ("This is information, not a diagnosis. It does not replace a doctor. In an emergency call 112.",
                              "Dies ist eine Information, keine Diagnose. Sie ersetzt keinen Arztbesuch. Im Notfall: 112."),
        "result.profile": ("Your pain", "Ihre Schmerzen"),
        "result.important": ("important for you", "für Sie besonders wichtig"),
        "unit.weeks": ("weeks", "Wochen"),
        "value.yes": ("yes", "ja"),
        "value.no": ("no", "nein"),
        "value.unanswered": ("not answered", "nicht beantwortet"),
        "group.self_help": ("Self-help", "Selbsthilfe"),
        "group.therapy": ("Therapies", "Therapien"),
        "group.medication": ("Medication", "Medikamente"),
        "group.doctor": ("With your doctor", "Mit Ihrer Ärztin oder Ihrem Arzt"),
    ]

    /// The string for `key` in `language` (English when the language is not German), with
    /// `{0}`, `{1}`... replaced by `args`. An unknown key shows as itself, so it is noticed.
    public static func text(_ key: String, _ language: String, _ args: String...) -> String {
        text(key, language, arguments: args)
    }

    /// The same with the arguments as an array, for helpers that pass their own variadic list on.
    public static func text(_ key: String, _ language: String, arguments: [String]) -> String {
        guard let entry = table[key] else { return key }
        var s = language == "de" ? entry.de : entry.en
        for (i, arg) in arguments.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: arg) }
        return s
    }
}

import Foundation
