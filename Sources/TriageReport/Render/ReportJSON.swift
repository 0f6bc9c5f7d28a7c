import TriageKit

/// A result for other programs: ids as in the questionnaire, the trace of rules and answers
/// behind each conclusion, and the answers themselves. `evaluate --format json` and
/// `sheet --format json` both write it. Lists the level's result shape leaves out are present and
/// empty, and `next_check` is null, so a reader needs no special cases.
public enum ReportJSON {
    public static func json(_ report: Report) -> JSON {
        let a = report.assessment
        func ids(_ list: [Report.Entry]) -> JSON { .array(list.map { .string($0.id) }) }
        var fields: [(String, JSON)] = [
            ("questionnaire", .string(a.questionnaire)),
            ("version", .string(a.version)),
            ("date", .string(AnswerValidation.formatDate(a.answeredOn))),
            ("triage", .string(a.level.id)),
            ("action", .string(a.action.id)),
            ("red_flags", .array(a.redFlags.map { .string($0.item.rawValue) })),
            ("red_flag_causes", .array(a.redFlags.map {
                .object([("item", .string($0.item.rawValue)), ("cause", .string($0.cause)), ("rule", .string($0.rule))])
            })),
            ("suggestions", ids(report.allSuggestions)),
            ("cautions", ids(report.cautions)),
            ("highlighted", .array((report.allSuggestions + report.cautions + report.notes).filter(\.highlighted).map { .string($0.id) })),
            ("notes", ids(report.notes)),
        ]
        if let next = report.nextCheck {
            fields.append(("next_check", .object([("weeks", .number(next.weeks)), ("date", .string(AnswerValidation.formatDate(next.date)))])))
        } else {
            fields.append(("next_check", .null))
        }
        fields += [
            ("watch_for", .array(report.watchList.map(watchGroup))),
            ("missing", .array(report.missing.map { .string($0.id.rawValue) })),
            ("ignored_answers", .array(report.ignored.map { .string($0.id.rawValue) })),
            ("fired_rules", .array(a.firedRules.map(JSON.string))),
            ("derived", .object(a.derived.sorted { $0.key < $1.key }.map { ($0.key, JSON($0.value)) })),
            ("withheld", .array(a.withheld.map { .string($0.kind.rawValue + ":" + $0.id) })),
            ("conflicts", .array(a.conflicts.map {
                .object([("subject", .string($0.subject)), ("kept", .string($0.kept)), ("dropped", .string($0.dropped)),
                         ("reason", .string($0.reason))])
            })),
            ("trace", .array(a.trace.map { entry in
                .object([("conclusion", .string(entry.conclusion)), ("rule", .string(entry.rule)),
                         ("answers", .object(entry.answers.map { ($0.id, JSON($0.value)) }))])
            })),
            // The sections hold the asked answers in the questionnaire's order, already looked up.
            ("answers", .object(report.answerSections.flatMap(\.answers).map { ($0.item.id.rawValue, JSON($0.value)) })),
        ]
        return .object(fields)
    }

    /// A group of the watch list: its action, the level of that action, and the signs.
    private static func watchGroup(_ group: Report.WatchGroup) -> JSON {
        .object([("action", .string(group.action.id)), ("level", .string(group.action.level)),
                 ("items", .array(group.items.map { .string($0.id.rawValue) }))])
    }
}
