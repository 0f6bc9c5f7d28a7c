import TriageKit

/// The answers of a report as a FHIR R4 `QuestionnaireResponse` to `FHIRQuestionnaire`'s
/// Questionnaire: the same groups, one item per answer (the linkId is the answer id, the value
/// type follows the item's type), and the derived values in their hidden group.
///
/// It holds only the answers the report holds, which are the answers to items the engine asks
/// with these answers: R4 forbids answers to disabled items, and an answer the engine ignored
/// must not reach another system as if it counted. Numbers are written as they are, so reading
/// the response back gives the same evaluation.
public enum FHIRQuestionnaireResponse {
    public static func json(_ report: Report, language: Language, canonical: FHIRCanonical = .standard) -> JSON {
        let q = report.questionnaire
        var groups: [JSON] = q.sections.compactMap { section in
            let items: [JSON] = section.items.compactMap { item in
                guard let value = report.answers[item.id] else { return nil }
                let values = answerValues(q, item, value, language, canonical)
                guard !values.isEmpty else { return nil }
                return .object([("linkId", .string(item.id.rawValue)), ("text", .string(item.text[language])),
                                ("answer", .array(values.map { .object([$0]) }))])
            }
            guard !items.isEmpty else { return nil }
            return .object([("linkId", .string(section.id)), ("text", .string(section.title[language])), ("item", .array(items))])
        }
        let derived: [JSON] = FHIRQuestionnaire.orderedDerived(q).compactMap { d in
            guard let value = report.assessment.derived[d.id], FHIRPathTranslator(q).translate(d.expression.root) != nil,
                  let answer = derivedValue(d, value) else { return nil }
            return .object([("linkId", .string(d.id)), ("text", .string(d.text[language])), ("answer", .array([.object([answer])]))])
        }
        if !derived.isEmpty {
            groups.append(.object([("linkId", .string(FHIRResponseReader.derivedGroupLinkId)),
                                   ("text", .string(StringCatalog.report.text("fhir.derived", language))),
                                   ("item", .array(derived))]))
        }
        return .object([
            ("resourceType", .string("QuestionnaireResponse")),
            ("meta", .object([("profile", .array([.string(FHIRURL.sdcResponse)]))])),
            ("language", .string(language.rawValue)),
            ("questionnaire", .string(canonical.reference(q))),
            // Answers that stop at an emergency sign leave required questions open, as a
            // session does: R4 calls that response stopped, never completed.
            ("status", .string(report.missing.isEmpty ? "completed" : "stopped")),
            ("authored", .string(AnswerValidation.formatDate(report.answeredOn))),
            ("item", .array(groups)),
        ])
    }

    private static func answerValues(_ q: Questionnaire, _ item: Item, _ value: Value, _ L: Language,
                                     _ canonical: FHIRCanonical) -> [(String, JSON)] {
        func coding(_ code: String) -> JSON {
            FHIRJSON.coding(canonical.codeSystem(q, item), code, item.option(code)?.text[L])
        }
        switch (item.kind, value) {
        case (.boolean, .bool(let b)): return [("valueBoolean", .bool(b))]
        case (.choice, .string(let s)): return [("valueCoding", coding(s))]
        case (.multiChoice, .list(let l)): return l.map { ("valueCoding", coding($0)) }
        case (.integer, .number(let n)), (.scale, .number(let n)): return [("valueInteger", .number(n))]
        case (.decimal, .number(let n)): return [("valueDecimal", .number(n))]
        case (.text, .string(let s)): return [("valueString", .string(s))]
        case (.date, .string(let s)): return [("valueDate", .string(s))]
        default: return []
        }
    }

    private static func derivedValue(_ d: DerivedValue, _ value: Value) -> (String, JSON)? {
        switch (FHIRQuestionnaire.derivedType(d), value) {
        case ("boolean", .bool(let b)): return ("valueBoolean", .bool(b))
        case ("integer", .number(let n)): return ("valueInteger", .number(n))
        case ("decimal", .number(let n)): return ("valueDecimal", .number(n))
        case ("string", .string(let s)), ("date", .string(let s)): return (d.type == .date ? "valueDate" : "valueString", .string(s))
        default: return nil
        }
    }
}
