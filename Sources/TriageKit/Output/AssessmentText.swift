import Foundation

/// The assessment as plain text for a person to read: level and what to do first, then warning
/// signs, suggestions, cautions, each with its reason and source, then when to check again.
public struct AssessmentText {
    public var questionnaire: Questionnaire
    public var language: String
    public var width: Int = 80
    /// Whether to include each entry's explanation, source and why.
    public var detailed = true

    public init(questionnaire: Questionnaire, language: String, width: Int = 80, detailed: Bool = true) {
        self.questionnaire = questionnaire
        self.language = language
        self.width = width
        self.detailed = detailed
    }

    private func s(_ key: String, _ args: String...) -> String {
        return Strings.text(key, language, arguments: args)
    }

    public func render(_ a: Assessment, answers: AnswerSet) -> String {
        let q = questionnaire, L = language
        var out: [String] = []
        out.append("\(q.title[L]): \(s("result.title")) (\(s("result.date", AnswerValidation.formatDate(a.answeredOn))))")
        out.append("")
        if let level = q.level(a.triage) {
            out += TextLayout.wrap("\(level.title[L]): \(level.action[L])", width: width, indent: "  ")
        }
        out.append("")
        if let profile = profileLine(a, answers) { out += TextLayout.wrap(profile, width: width); out.append("") }
        if a.redFlags.isEmpty {
            out.append(s("result.no_red_flags"))
        } else {
            out.append(s("result.red_flags") + ":")
            for rf in a.redFlags {
                let item = q.item(rf.item)
                let name = (item?.short ?? item?.text)?[L] ?? rf.item
                let cause = q.cause(rf.cause)?.text[L] ?? rf.cause
                out += TextLayout.wrap("\(name): \(s("result.red_flag_cause", cause))", width: width, firstPrefix: "  ! ", indent: "    ")
            }
        }
        out.append("")
        section(&out, s("result.suggestions"), a.suggestions, .suggestion, a)
        section(&out, s("result.cautions"), a.cautions, .caution, a)
        if !a.notes.isEmpty { section(&out, s("result.notes"), a.notes, .note, a) }
        if let next = a.nextCheck, let net = q.safetyNet {
            out += TextLayout.wrap(s("result.next_check", AnswerValidation.formatDate(next.date), Value.format(next.weeks), net.text[L]), width: width)
        } else if let net = q.safetyNet {
            out += TextLayout.wrap(net.noneText[L], width: width)
        }
        if !a.watchList.flatMap(\.items).isEmpty {
            out.append(s("result.watch_for") + ":")
            for id in a.watchList.flatMap(\.items) {
                let item = q.item(id)
                out += TextLayout.wrap((item?.short ?? item?.text)?[L] ?? id, width: width, firstPrefix: "  - ", indent: "    ")
            }
        }
        out.append("")
        out += TextLayout.wrap(s("result.disclaimer"), width: width)
        return out.joined(separator: "\n") + "\n"
    }

    /// Region, duration with phase, intensity: the facts a doctor asks first.
    public func profileLine(_ a: Assessment, _ answers: AnswerSet) -> String? {
        let q = questionnaire, L = language
        var parts: [String] = []
        for item in q.items where ["choice", "decimal", "scale"].contains(item.kind.rawValue) && !item.isRedFlag {
            guard let value = answers[item.id] else { continue }
            parts.append("\(label(item)): \(AnswerFormatting.display(value, item: item, language: L))")
            if parts.count == 3 { break }
        }
        for d in q.derived {
            if case .string(let v)? = a.derived[d.id], let label = d.valueLabels[v] { parts.append("\(d.text[L]): \(label[L])") }
        }
        return parts.isEmpty ? nil : s("result.profile") + ": " + parts.joined(separator: "; ")
    }

    private func label(_ item: Item) -> String { (item.short ?? item.text)[language].trimmingCharacters(in: CharacterSet(charactersIn: "?")) }

    private func section(_ out: inout [String], _ title: String, _ list: [Assessment.Conclusion], _ kind: CatalogEntry.Kind, _ a: Assessment) {
        out.append(title + ":")
        if list.isEmpty { out.append("  " + s("result.none")) }
        for c in list {
            guard let e = questionnaire.entry(c.id, kind) else { continue }
            let mark = c.highlighted ? " (" + s("result.important") + ")" : ""
            out += TextLayout.wrap(e.title[language] + mark, width: width, firstPrefix: "  * ", indent: "    ")
            guard detailed else { continue }
            out += TextLayout.wrap(e.explanation[language], width: width, firstPrefix: "    ", indent: "    ")
            if let source = e.source { out += TextLayout.wrap("\(s("result.source")): \(source)", width: width, firstPrefix: "    ", indent: "      ") }
            out += TextLayout.wrap("\(s("result.why")): \(why(c, kind, a))", width: width, firstPrefix: "    ", indent: "      ")
        }
        out.append("")
    }

    /// "rule low-back-6-weeks (region = lower_back, duration_weeks = 7)".
    public func why(_ c: Assessment.Conclusion, _ kind: CatalogEntry.Kind, _ a: Assessment) -> String {
        let entries = a.trace.filter { $0.kind == kind.rawValue && $0.id == c.id }
        return entries.map { t in
            let facts = t.answers.map { "\($0.id) = \($0.value?.plain ?? s("value.unanswered"))" }.joined(separator: ", ")
            return s("result.rule", t.rule) + (facts.isEmpty ? "" : " (\(facts))")
        }.joined(separator: "; ")
    }
}

/// Shows answers as a person reads them: option texts, yes/no, numbers with units.
public enum AnswerFormatting {
    public static func display(_ value: Value, item: Item, language: String) -> String {
        switch value {
        case .bool(let b): return Strings.text(b ? "value.yes" : "value.no", language)
        case .string(let s): return item.option(s)?.text[language] ?? s
        case .list(let l): return l.map { item.option($0)?.text[language] ?? $0 }.joined(separator: ", ")
        case .number(let n):
            if item.kind == .scale, let hi = item.maximum { return "\(Value.format(n))/\(Value.format(hi))" }
            return [Value.format(n), item.unit?[language]].compactMap { $0 }.joined(separator: " ")
        }
    }
}
