#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// The questionnaire as a FHIR R4 `Questionnaire`: one item per question with its linkId (the
/// answer id), type, options, range and, where the condition is a simple comparison, enableWhen.
public enum FHIRQuestionnaire {
    public static func json(_ q: Questionnaire, language: Language) -> JSON {
        var fields: [(String, JSON)] = [
            ("resourceType", .string("Questionnaire")),
            ("id", .string(q.id)),
            ("language", .string(language.rawValue)),
            ("url", .string(FHIRCanonical.questionnaireURL(q.id))),
            ("version", .string(q.version)),
            ("name", .string(computableName(q.id))),
            ("title", .string(q.title[language])),
            ("status", .string("active")),
            ("subjectType", .array([.string("Patient")])),
        ]
        if let description = q.description { fields.append(("description", .string(description[language]))) }
        fields.append(("item", .array(q.items.map { item(q, $0, language) })))
        return .object(fields)
    }

    static func item(_ q: Questionnaire, _ item: Item, _ L: Language) -> JSON {
        var fields: [(String, JSON)] = [("linkId", .string(item.id.rawValue)), ("text", .string(item.text[L])), ("type", .string(type(item.kind)))]
        let enableWhen = item.condition.flatMap { EnableWhen(q, $0.root) }
        if let enableWhen {
            fields.append(("enableWhen", .array(enableWhen.conditions)))
            if enableWhen.conditions.count > 1 { fields.append(("enableBehavior", .string(enableWhen.behavior))) }
        }
        // An item asked under a condition FHIR cannot express is not marked required: a form
        // that always shows it must not insist on an answer the questionnaire may skip.
        fields.append(("required", .bool(item.required && (item.condition == nil || enableWhen != nil))))
        if item.kind == .multiChoice { fields.append(("repeats", .bool(true))) }
        if !item.options.isEmpty {
            fields.append(("answerOption", .array(item.options.map { option in
                .object([("valueCoding", coding(q, item, option.value, L))])
            })))
        }
        var extensions: [JSON] = []
        let valueKey = item.kind == .decimal ? "valueDecimal" : "valueInteger"
        if item.kind.isNumeric, let lo = item.minimum {
            extensions.append(.object([("url", .string("http://hl7.org/fhir/StructureDefinition/minValue")), (valueKey, .number(lo))]))
        }
        if item.kind.isNumeric, let hi = item.maximum {
            extensions.append(.object([("url", .string("http://hl7.org/fhir/StructureDefinition/maxValue")), (valueKey, .number(hi))]))
        }
        if !extensions.isEmpty { fields.insert(("extension", .array(extensions)), at: 0) }
        return .object(fields)
    }

    /// The FHIR item type of a question kind; a scale is answered with a whole number.
    static func type(_ kind: ItemKind) -> String {
        switch kind {
        case .boolean: return "boolean"
        case .choice, .multiChoice: return "choice"
        case .integer, .scale: return "integer"
        case .decimal: return "decimal"
        case .text: return "text"
        case .date: return "date"
        }
    }

    static func coding(_ q: Questionnaire, _ item: Item, _ code: String, _ L: Language) -> JSON {
        var fields: [(String, JSON)] = [("system", .string(FHIRCanonical.codeSystem(q, item))), ("code", .string(code))]
        if let option = item.option(code) { fields.append(("display", .string(option.text[L]))) }
        return .object(fields)
    }

    /// `back-pain` -> `BackPain`: FHIR wants a name a machine can use.
    static func computableName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// A condition as FHIR enableWhen entries, when it is simple enough: a comparison of an item
/// with a literal, a yes/no item, its negation, `x in [...]` (any), or an `and` of those (all).
struct EnableWhen {
    var conditions: [JSON]
    var behavior: String

    init?(_ q: Questionnaire, _ expr: Expr) {
        if let single = EnableWhen.comparisons(q, expr) {
            conditions = single.conditions
            behavior = single.any ? "any" : "all"
            return
        }
        guard case .and = expr else { return nil }
        var parts: [JSON] = []
        var stack = [expr]
        while let next = stack.popLast() {
            if case .and(let l, let r) = next { stack += [r, l]; continue }
            // Inside an `and`, only single comparisons keep the meaning of "all".
            guard let c = EnableWhen.comparisons(q, next), c.conditions.count == 1 else { return nil }
            parts += c.conditions
        }
        conditions = parts
        behavior = "all"
    }

    private static func comparisons(_ q: Questionnaire, _ expr: Expr) -> (conditions: [JSON], any: Bool)? {
        switch expr {
        case .reference(let id, _):
            guard let item = q.item(ItemID(id)), item.kind == .boolean else { return nil }
            return ([condition(id, "=", ("answerBoolean", .bool(true)))], false)
        case .not(.reference(let id, _), _):
            guard let item = q.item(ItemID(id)), item.kind == .boolean else { return nil }
            return ([condition(id, "=", ("answerBoolean", .bool(false)))], false)
        case .compare(let op, .reference(let id, _), .literal(let value, _), _):
            guard let item = q.item(ItemID(id)), let answer = answer(q, item, value) else { return nil }
            return ([condition(id, fhirOperator(op), answer)], false)
        case .member(.reference(let id, _), .list(let values, _), false, _):
            guard let item = q.item(ItemID(id)) else { return nil }
            var out: [JSON] = []
            for case .literal(let value, _) in values {
                guard let answer = answer(q, item, value) else { return nil }
                out.append(condition(id, "=", answer))
            }
            return out.count == values.count && !out.isEmpty ? (out, true) : nil
        default:
            return nil
        }
    }

    private static func condition(_ id: String, _ op: String, _ answer: (String, JSON)) -> JSON {
        .object([("question", .string(id)), ("operator", .string(op)), answer])
    }

    private static func fhirOperator(_ op: CompareOp) -> String {
        switch op {
        case .eq: return "="
        case .ne: return "!="
        case .lt: return "<"
        case .le: return "<="
        case .gt: return ">"
        case .ge: return ">="
        }
    }

    private static func answer(_ q: Questionnaire, _ item: Item, _ value: Value) -> (String, JSON)? {
        switch (item.kind, value) {
        case (.boolean, .bool(let b)): return ("answerBoolean", .bool(b))
        case (.choice, .string(let s)):
            return ("answerCoding", .object([("system", .string(FHIRCanonical.codeSystem(q, item))), ("code", .string(s))]))
        case (.integer, .number(let n)), (.scale, .number(let n)): return n == n.rounded() ? ("answerInteger", .number(n)) : nil
        case (.decimal, .number(let n)): return ("answerDecimal", .number(n))
        case (.text, .string(let s)): return ("answerString", .string(s))
        case (.date, .string(let s)): return ("answerDate", .string(s))
        default: return nil
        }
    }
}
