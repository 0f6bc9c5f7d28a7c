import Foundation

/// The assessment as JSON: ids as in the questionnaire, plus the trace and the texts' sources.
public enum AssessmentJSON {
    public static func json(_ a: Assessment) -> JSON {
        func conclusions(_ list: [Assessment.Conclusion]) -> JSON { .array(list.map { .string($0.id) }) }
        var fields: [(String, JSON)] = [
            ("questionnaire", .string(a.questionnaire)),
            ("version", .string(a.version)),
            ("date", .string(AnswerValidation.formatDate(a.answeredOn))),
            ("triage", .string(a.triage)),
            ("red_flags", .array(a.redFlags.map { .string($0.item) })),
            ("red_flag_causes", .array(a.redFlags.map { .object([("item", .string($0.item)), ("cause", .string($0.cause)), ("rule", .string($0.rule))]) })),
            ("suggestions", conclusions(a.suggestions)),
            ("cautions", conclusions(a.cautions)),
            ("highlighted", .array((a.suggestions + a.cautions + a.notes).filter(\.highlighted).map { .string($0.id) })),
            ("notes", conclusions(a.notes)),
            ("fired_rules", .array(a.firedRules.map(JSON.string))),
            ("derived", .object(a.derived.sorted { $0.key < $1.key }.map { ($0.key, JSON($0.value)) })),
        ]
        if let next = a.nextCheck {
            fields.append(("next_check", .object([("weeks", .number(next.weeks)), ("date", .string(AnswerValidation.formatDate(next.date)))])))
        } else {
            fields.append(("next_check", .null))
        }
        fields.append(("watch_for", .array(a.watchList.map { group in
            .object([("level", .string(group.level)), ("items", .array(group.items.map(JSON.string)))])
        })))
        fields.append(("ignored_answers", .array(a.ignoredAnswers.map(JSON.string))))
        fields.append(("withheld", .array(a.withheld.map { .string($0.kind.rawValue + ":" + $0.id) })))
        fields.append(("conflicts", .array(a.conflicts.map {
            .object([("subject", .string($0.subject)), ("kept", .string($0.kept)), ("dropped", .string($0.dropped)), ("reason", .string($0.reason))])
        })))
        fields.append(("trace", .array(a.trace.map { entry in
            .object([("conclusion", .string(entry.conclusion)), ("rule", .string(entry.rule)),
                     ("answers", .object(entry.answers.map { ($0.id, JSON($0.value)) }))])
        })))
        return .object(fields)
    }
}
