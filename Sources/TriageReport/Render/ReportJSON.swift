import TriageKit

/// A result for other programs: ids as in the questionnaire, the trace of rules and answers
/// behind each conclusion, and the answers themselves. `evaluate --format json` and
/// `sheet --format json` both write it. Lists the level's result shape leaves out are present and
/// empty, and `next_check` is null, so a reader needs no special cases.
public enum ReportJSON {
    /// The result as JSON text: on one line, or indented for a person to read.
    public static func bytes(_ report: Report, pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        write(report, into: &writer)
        return writer.bytes
    }

    public static func text(_ report: Report, pretty: Bool = false) -> String {
        String(decoding: bytes(report, pretty: pretty), as: UTF8.self)
    }

    /// The format, written straight through `w`: the one description of it.
    public static func write(_ report: Report, into w: inout JSONWriter) {
        let a = report.assessment
        w.beginObject()
        w.field("questionnaire", a.questionnaire)
        w.field("version", a.version)
        w.field("date", AnswerValidation.formatDate(a.answeredOn))
        w.field("triage", a.level.id)
        w.field("action", a.action.id)
        w.field("red_flags", strings: a.redFlags.lazy.map(\.item.rawValue))
        w.key("red_flag_causes")
        w.beginArray()
        for flag in a.redFlags {
            w.beginObject()
            w.field("item", flag.item.rawValue)
            w.field("cause", flag.cause)
            w.field("rule", flag.rule)
            w.endObject()
        }
        w.endArray()
        let suggestions = report.suggestions.lazy.flatMap(\.entries)
        w.field("suggestions", strings: suggestions.map(\.id))
        w.field("cautions", strings: report.cautions.lazy.map(\.id))
        w.key("highlighted")
        w.beginArray()
        for entry in suggestions where entry.highlighted { w.string(entry.id) }
        for entry in report.cautions where entry.highlighted { w.string(entry.id) }
        for entry in report.notes where entry.highlighted { w.string(entry.id) }
        w.endArray()
        w.field("notes", strings: report.notes.lazy.map(\.id))
        w.key("next_check")
        if let next = report.nextCheck {
            w.beginObject()
            w.key("weeks")
            w.number(next.weeks)
            w.field("date", AnswerValidation.formatDate(next.date))
            w.endObject()
        } else {
            w.null()
        }
        w.key("watch_for")
        w.beginArray()
        for group in report.watchList {
            w.beginObject()
            w.field("action", group.action.id)
            w.field("level", group.action.level)
            w.field("items", strings: group.items.lazy.map(\.id.rawValue))
            w.endObject()
        }
        w.endArray()
        w.field("missing", strings: report.missing.lazy.map(\.id.rawValue))
        w.field("ignored_answers", strings: report.ignored.lazy.map(\.id.rawValue))
        w.field("fired_rules", strings: a.firedRules)
        w.key("derived")
        w.beginObject()
        for (id, value) in a.derivedValues {
            w.key(id)
            value.write(into: &w)
        }
        w.endObject()
        w.field("withheld", strings: a.withheld.lazy.map { $0.kind.rawValue + ":" + $0.id })
        w.key("conflicts")
        w.beginArray()
        for conflict in a.conflicts {
            w.beginObject()
            w.field("subject", conflict.subject)
            w.field("kept", conflict.kept)
            w.field("dropped", conflict.dropped)
            w.field("reason", conflict.reason)
            w.endObject()
        }
        w.endArray()
        w.key("trace")
        w.beginArray()
        for entry in a.trace {
            w.beginObject()
            w.field("conclusion", entry.conclusion)
            w.field("rule", entry.rule)
            w.key("answers")
            w.beginObject()
            for fact in entry.answers {
                w.key(fact.id)
                fact.value.write(into: &w)
            }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        // The sections hold the asked answers in the questionnaire's order, already looked up.
        w.key("answers")
        w.beginObject()
        for section in report.answerSections {
            for (item, value) in section.answers {
                w.key(item.id.rawValue)
                value.write(into: &w)
            }
        }
        w.endObject()
        w.endObject()
    }
}

extension Optional where Wrapped == Value {
    /// An answer as JSON: null when there is none.
    func write(into w: inout JSONWriter) {
        switch self {
        case nil: w.null()
        case .some(let value): value.write(into: &w)
        }
    }
}

extension Value {
    /// An answer as JSON: a list is an array of its option ids.
    func write(into w: inout JSONWriter) {
        switch self {
        case .bool(let b): w.bool(b)
        case .number(let n): w.number(n)
        case .string(let s): w.string(s)
        case .list(let l): w.strings(l)
        }
    }
}
