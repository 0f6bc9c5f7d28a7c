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
    public static func json(_ report: Report, canonical: FHIRCanonical = .standard) -> JSON {
        let q = report.questionnaire
        let language = FHIRQuestionnaire.primaryLanguage(q), languages = FHIRQuestionnaire.languages(q)
        // The texts are the Questionnaire's, in its primary language with the translations, so
        // they match the one resource the response answers whatever language was used.
        func text(_ t: LocalizedText) -> [(String, JSON)] { FHIRJSON.text("text", t, language, languages) }
        var groups: [JSON] = q.sections.compactMap { section in
            let items: [JSON] = section.items.compactMap { item in
                guard let value = report.answers[item.id] else { return nil }
                let values = answerValues(q, item, value, language, languages, canonical)
                guard !values.isEmpty else { return nil }
                return .object([("linkId", .string(item.id.rawValue))] + text(item.text) + [("answer", .array(values.map { .object([$0]) }))])
            }
            guard !items.isEmpty else { return nil }
            return .object([("linkId", .string(section.id))] + text(section.title) + [("item", .array(items))])
        }
        let derivedItems: [JSON] = FHIRQuestionnaire.orderedDerived(q).compactMap { d in
            guard let value = report.assessment.derived(d.id), FHIRPathTranslator(q).translate(d.expression.root) != nil,
                  let answer = derivedValue(d, value) else { return nil }
            return .object([("linkId", .string(d.id))] + text(d.text) + [("answer", .array([.object([answer])]))])
        }
        var derived = derivedItems
        if FHIRPathTranslator(q).levelCode() != nil {
            // The level, as the Questionnaire's hidden coded item computes it.
            var coding: [(String, JSON)] = [("system", .string(canonical.codeSystem(q, concept: FHIRCodeSystem.triageLevel))),
                                            ("code", .string(report.level.id))]
            coding += FHIRJSON.text("display", report.level.title, language, languages)
            derived.append(.object([("linkId", .string(FHIRQuestionnaire.levelLinkId))]
                                   + text(StringCatalog.report.localized("fhir.outcome", languages))
                                   + [("answer", .array([.object([("valueCoding", .object(coding))])]))]))
        }
        if !derived.isEmpty {
            groups.append(.object([("linkId", .string(FHIRResponseReader.derivedGroupLinkId))]
                                  + text(StringCatalog.report.localized("fhir.derived", languages)) + [("item", .array(derived))]))
        }
        let wording = Wording(q, language)
        let narrative = [q.title[language] + ", " + AnswerValidation.formatDate(report.answeredOn)]
            + q.items.compactMap { item in report.answers[item.id].map { wording.label(item) + ": " + wording.value($0, of: item) } }
        return .object([
            ("resourceType", .string("QuestionnaireResponse")),
            ("meta", .object([("profile", .array([.string(FHIRURL.sdcResponse)]))])),
            ("language", .string(language.rawValue)),
            ("text", FHIRNarrative.text(narrative)),
            ("questionnaire", .string(canonical.reference(q))),
            // Answers that stop at an emergency sign leave required questions open, as a
            // session does: R4 calls that response stopped, never completed.
            ("status", .string(report.missing.isEmpty ? "completed" : "stopped")),
            ("authored", .string(AnswerValidation.formatDate(report.answeredOn))),
            ("item", .array(groups)),
        ])
    }

    private static func answerValues(_ q: Questionnaire, _ item: Item, _ value: Value, _ L: Language, _ languages: [Language],
                                     _ canonical: FHIRCanonical) -> [(String, JSON)] {
        func coding(_ code: String) -> JSON {
            var fields: [(String, JSON)] = [("system", .string(canonical.codeSystem(q, item))), ("code", .string(code))]
            if let option = item.option(code) { fields += FHIRJSON.text("display", option.text, L, languages) }
            return .object(fields)
        }
        // The value[x] element is the one the reader expects for the item's kind.
        let key = FHIRResponseReader.valueKey(for: item.kind)
        switch (item.kind, value) {
        case (.boolean, .bool(let b)): return [(key, .bool(b))]
        case (.choice, .string(let s)): return [(key, coding(s))]
        case (.multiChoice, .list(let l)): return l.map { (key, coding($0)) }
        case (.integer, .number(let n)), (.scale, .number(let n)), (.decimal, .number(let n)): return [(key, .number(n))]
        case (.text, .string(let s)), (.date, .string(let s)): return [(key, .string(s))]
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
