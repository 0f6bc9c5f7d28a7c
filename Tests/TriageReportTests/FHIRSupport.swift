import Foundation
import PropertyBased
import TriageKit
@testable import TriageReport

extension JSON {
    subscript(_ key: String) -> JSON? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    var array: [JSON] {
        if case .array(let a) = self { return a }
        return []
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// This item and every item below it, depth first, in document order.
    var allItems: [JSON] { self["item"]?.array.flatMap { [$0] + $0.allItems } ?? [] }

    /// The extensions with `url`.
    func extensions(_ url: String) -> [JSON] { (self["extension"]?.array ?? []).filter { $0["url"]?.string == url } }

    /// The translation of a text element (`_text`, `_title`, `_display`) into `language`.
    func translation(_ element: String, _ language: Language) -> String? {
        guard let ext = self["_" + element] else { return nil }
        for t in ext.extensions("http://hl7.org/fhir/StructureDefinition/translation") {
            let parts = t["extension"]?.array ?? []
            if parts.first(where: { $0["url"]?.string == "lang" })?["valueCode"]?.string == language.rawValue {
                return parts.first { $0["url"]?.string == "content" }?["valueString"]?.string
            }
        }
        return nil
    }
}

/// FHIR R4's own rules for which items of a Questionnaire are enabled, applied to a set of
/// answers as a form would hold them: an item is enabled when its parent is and its enableWhen
/// holds (all or any); `=` and the comparisons need an answer that satisfies them, `!=` holds
/// when no answer equals, `exists` tests for an answer; and the answers of a disabled item count
/// as no answer. Written from the R4 specification, not from the exporter.
struct R4Enablement {
    let questionnaire: JSON

    /// The linkIds of the enabled items, given an answer for (possibly) every question.
    func enabled(_ answers: AnswerSet) -> Set<String> {
        var enabled = Set<String>()
        // A condition may only look back, but passes repeat until nothing changes.
        for _ in 0..<8 {
            var next = Set<String>()
            walk(questionnaire["item"]?.array ?? [], parentEnabled: true, answers, enabled, into: &next)
            if next == enabled { break }
            enabled = next
        }
        return enabled
    }

    private func walk(_ items: [JSON], parentEnabled: Bool, _ answers: AnswerSet, _ enabled: Set<String>, into next: inout Set<String>) {
        for item in items {
            guard let link = item["linkId"]?.string else { continue }
            let on = parentEnabled && holds(item, answers, enabled)
            if on { next.insert(link) }
            walk(item["item"]?.array ?? [], parentEnabled: on, answers, enabled, into: &next)
        }
    }

    private func holds(_ item: JSON, _ answers: AnswerSet, _ enabled: Set<String>) -> Bool {
        let conditions = item["enableWhen"]?.array ?? []
        if conditions.isEmpty { return true }
        let results = conditions.map { condition(in: $0, answers, enabled) }
        return item["enableBehavior"]?.string == "any" ? results.contains(true) : results.allSatisfy { $0 }
    }

    private func condition(in c: JSON, _ answers: AnswerSet, _ enabled: Set<String>) -> Bool {
        guard let question = c["question"]?.string, let op = c["operator"]?.string else { return false }
        let value = enabled.contains(question) ? answers[ItemID(question)] : nil
        if op == "exists" { return (value != nil) == (c["answerBoolean"]?.bool ?? true) }
        guard let value, let target = answerValue(c) else { return op == "!=" }
        let equal = value == target
        switch (op, value, target) {
        case ("=", _, _): return equal
        case ("!=", _, _): return !equal
        case (_, .number(let x), .number(let y)):
            switch op {
            case "<": return x < y
            case "<=": return x <= y
            case ">": return x > y
            case ">=": return x >= y
            default: return false
            }
        default: return false
        }
    }

    private func answerValue(_ c: JSON) -> Value? {
        if let b = c["answerBoolean"]?.bool { return .bool(b) }
        if let n = c["answerInteger"]?.number ?? c["answerDecimal"]?.number { return .number(n) }
        if let code = c["answerCoding"]?["code"]?.string { return .string(code) }
        if let s = c["answerString"]?.string ?? c["answerDate"]?.string { return .string(s) }
        return nil
    }
}

extension Fixtures {
    /// An answer for every item, whether or not it is asked, drawn from the generated values
    /// (the classes the verifier splits answers into, and numbers a hair either side of each
    /// rule constant): answer sets as a careless form or file holds them.
    static func everyAnswer(choices: [Int]) -> AnswerSet {
        var values: [ItemID: Value] = [:]
        for (item, choice) in zip(shipped.items, choices) {
            guard let domain = generatedDomains[item.id], !domain.isEmpty else { continue }
            values[item.id] = domain[abs(choice) % domain.count]
        }
        return AnswerSet(values)
    }
}

/// Generated answer sets that answer every item, asked or not.
let everyAnswerSets = Gen.int(in: 0...1_000).array(of: Fixtures.shipped.items.count).map { Fixtures.everyAnswer(choices: $0) }

/// Generated answer sets of a form being filled in: any item may still be open (about one in
/// seven), asked or not, the rest answered.
let partialAnswerSets = Gen.int(in: 0...1_000).array(of: Fixtures.shipped.items.count).map { choices in
    let every = Fixtures.everyAnswer(choices: choices)
    return AnswerSet(every.values.filter { id, _ in
        let i = Fixtures.shipped.items.firstIndex { $0.id == id } ?? 0
        return choices[i] % 7 != 3
    })
}
