#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// Answers as a FHIR R4 `QuestionnaireResponse` and back. The linkIds are the answer ids; each
/// answer's value type follows its item's type.
public enum FHIRQuestionnaireResponse {
    /// The response for `answers`, given on `date`, with item texts in `language`.
    public static func json(_ q: Questionnaire, answers: AnswerSet, date: Date, language: Language) -> JSON {
        let items: [JSON] = q.items.compactMap { item in
            guard let value = answers[item.id] else { return nil }
            let values = answerValues(q, item, value, language)
            guard !values.isEmpty else { return nil }
            return .object([("linkId", .string(item.id.rawValue)), ("text", .string(item.text[language])),
                            ("answer", .array(values.map { .object([$0]) }))])
        }
        return .object([
            ("resourceType", .string("QuestionnaireResponse")),
            ("language", .string(language.rawValue)),
            ("questionnaire", .string(FHIRCanonical.reference(q))),
            ("status", .string("completed")),
            ("authored", .string(AnswerValidation.formatDate(date))),
            ("item", .array(items)),
        ])
    }

    private static func answerValues(_ q: Questionnaire, _ item: Item, _ value: Value, _ L: Language) -> [(String, JSON)] {
        switch (item.kind, value) {
        case (.boolean, .bool(let b)): return [("valueBoolean", .bool(b))]
        case (.choice, .string(let s)): return [("valueCoding", FHIRQuestionnaire.coding(q, item, s, L))]
        case (.multiChoice, .list(let l)): return l.map { ("valueCoding", FHIRQuestionnaire.coding(q, item, $0, L)) }
        case (.integer, .number(let n)), (.scale, .number(let n)): return [("valueInteger", .number(n))]
        case (.decimal, .number(let n)): return [("valueDecimal", .number(n))]
        case (.text, .string(let s)): return [("valueString", .string(s))]
        case (.date, .string(let s)): return [("valueDate", .string(s))]
        default: return []
        }
    }

}
