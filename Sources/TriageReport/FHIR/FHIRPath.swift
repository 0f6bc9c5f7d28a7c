import TriageKit

/// The questionnaire's expressions in FHIRPath, evaluated over a QuestionnaireResponse
/// (`%resource`), so that a form filler that supports SDC computes the derived values (`phase`,
/// `psychosocial_score`, ...) and decides what to ask exactly as the engine does.
///
/// The engine's three-valued logic maps onto FHIRPath's empty collection: an unanswered item is
/// `{}`, and FHIRPath's `and`, `or`, `not()` and comparisons treat `{}` as unknown the same way.
/// Where FHIRPath would turn unknown into false (`iif`, `in`), the translation guards it.
///
/// Each answer an expression reads is a variable of its own (`%region`, `%durationWeeks`),
/// read from the response once, and empty while its item is not asked (the variable carries the
/// item's condition), as the engine reads it; the derived values are variables over those.
struct FHIRPathTranslator {
    let questionnaire: Questionnaire
    private let items: [ItemID: Item]
    private let derived: Set<String>

    init(_ q: Questionnaire) {
        questionnaire = q
        items = Dictionary(q.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        derived = Set(q.derived.map(\.id))
    }

    /// The FHIRPath of `expr`, or nil when it uses something FHIRPath cannot say here.
    func translate(_ expr: Expr) -> String? {
        switch expr {
        case .literal(let value, _):
            return literal(value)
        case .reference(let id, _), .resolved(_, let id, _):
            return reference(id)
        case .list:
            // A list is only meaningful on the right of `in`, handled there.
            return nil
        case .not(let e, _):
            return translate(e).map { "(\($0)).not()" }
        case .and(let l, let r):
            return binary(l, "and", r)
        case .or(let l, let r):
            return binary(l, "or", r)
        case .compare(let op, let l, let r, _):
            return binary(l, op.fhirSymbol, r)
        case .member(let needle, let haystack, let negated, _):
            guard let n = translate(needle) else { return nil }
            let test: String
            if case .list(let values, _) = haystack {
                let parts = values.compactMap(translate)
                guard parts.count == values.count else { return nil }
                test = parts.isEmpty ? "false" : "(\(n) in (\(parts.joined(separator: " | "))))"
            } else {
                // `'x' in selection`: FHIRPath says false for an empty selection; the engine
                // says unknown for an unanswered one.
                guard let h = translate(haystack) else { return nil }
                test = "iif((\(h)).exists(), \(n) in (\(h)), {})"
            }
            return negated ? "(\(test)).not()" : test
        case .arithmetic(let op, let l, let r, _):
            return binary(l, op.rawValue, r)
        case .negate(let e, _):
            // FHIRPath's unary minus takes only a literal.
            return translate(e).map { "(0 - \($0))" }
        case .conditional(let c, let t, let e, _):
            // iif() takes an unknown condition as false; the engine's answer is unknown.
            guard let c = translate(c), let t = translate(t), let e = translate(e) else { return nil }
            return "iif(\(c), \(t), iif((\(c)).not(), \(e), {}))"
        case .call(let name, let args, _):
            return call(name, args)
        }
    }

    /// The variable of an item's answer: the code of a choice, the value of anything else, read
    /// from the response; empty while the item is not asked, so an answer left in the response
    /// for an item that is not asked is read as the engine reads it, as no answer.
    func answerVariable(_ item: Item) -> String? {
        let path = "%resource.repeat(item).where(linkId = '\(item.id)').answer.value"
        let value = item.kind == .choice || item.kind == .multiChoice ? path + ".code" : path
        guard let condition = item.condition else { return value }
        return translate(condition.root).map { "iif(\($0), \(value), {})" }
    }

    /// The variables an export declares, each after the ones it reads: the answers the derived
    /// values and the conditions read, then the derived values. Nil for a derived value FHIRPath
    /// cannot say.
    func variables() -> [(name: String, expression: String, derived: DerivedValue?)] {
        var out: [(name: String, expression: String, derived: DerivedValue?)] = []
        var done = Set<String>()
        let byId = Dictionary(questionnaire.derived.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func visit(_ id: String, _ path: Set<String>) {
            guard !done.contains(id), !path.contains(id) else { return }
            let reads: [String]
            if let item = items[ItemID(id)] { reads = item.condition?.root.references ?? [] }
            else if let d = byId[id] { reads = d.expression.root.references }
            else { return }
            for other in reads { visit(other, path.union([id])) }
            done.insert(id)
            if let item = items[ItemID(id)] {
                if let e = answerVariable(item) { out.append((Self.variableName(id), e, nil)) }
            } else if let d = byId[id], let e = translate(d.expression.root) {
                out.append((Self.variableName(id), e, d))
            }
        }
        let level = levelCode()
        let rules = level == nil ? [] : questionnaire.rules.filter { $0.triage != nil }.flatMap(\.condition.root.references)
        let read = Set(questionnaire.derived.flatMap(\.expression.root.references)
            + questionnaire.items.flatMap { $0.condition?.root.references ?? [] } + rules)
        for item in questionnaire.items where read.contains(item.id.rawValue) { visit(item.id.rawValue, []) }
        for d in questionnaire.derived { visit(d.id, []) }
        for id in rules { visit(id, []) }
        if let level { out.append((Self.levelVariable, level, nil)) }
        return out
    }

    /// The variable that holds the code of the triage level.
    static let levelVariable = "triageLevel"

    /// The code of the triage level the engine gives, in FHIRPath: the most urgent level one of
    /// whose rules holds, else the lowest, as `Engine` decides it. A rule fires only when its
    /// condition is true; `iif` takes unknown (`{}`) as not true, as the engine does. Nil when a
    /// rule's condition cannot be said in FHIRPath, or a variable would clash with the name.
    func levelCode() -> String? {
        let q = questionnaire
        guard let lowest = q.lowestLevel, !derived.contains(where: { Self.variableName($0) == Self.levelVariable }),
              !items.keys.contains(where: { Self.variableName($0.rawValue) == Self.levelVariable }) else { return nil }
        var code = "'\(lowest.id)'"
        // From the least urgent up, so the most urgent level is tested first.
        for level in q.triageLevels.sorted().dropFirst() {
            var conditions: [String] = []
            for rule in q.rules where rule.triage == level.id {
                guard let c = translate(rule.condition.root) else { return nil }
                conditions.append("(\(c))")
            }
            if conditions.isEmpty { continue }
            code = "iif(\(conditions.joined(separator: " or ")), '\(level.id)', \(code))"
        }
        return code
    }

    private func reference(_ id: String) -> String? {
        if derived.contains(id) || items[ItemID(id)] != nil { return "%" + Self.variableName(id) }
        return nil
    }

    /// The SDC variable of an answer or a derived value: `psychosocial_score` ->
    /// `psychosocialScore`. A variable's name is a FHIR `id` (no `_`) and a FHIRPath identifier
    /// (no `-`).
    static func variableName(_ id: String) -> String {
        var out = "", upper = false
        for c in id {
            if c == "_" { upper = true; continue }
            out += upper ? c.uppercased() : String(c)
            upper = false
        }
        return out
    }

    private func binary(_ l: Expr, _ op: String, _ r: Expr) -> String? {
        guard let a = translate(l), let b = translate(r) else { return nil }
        return "(\(a) \(op) \(b))"
    }

    private func call(_ name: String, _ args: [Expr]) -> String? {
        switch name {
        case "yes":
            // Answered yes; an item that is not asked counts as no, one asked but open stays unknown.
            guard args.count == 1 else { return nil }
            switch args[0] {
            case .reference(let id, _), .resolved(_, let id, _):
                let test = "(%\(Self.variableName(id)) = true)"
                if derived.contains(id) { return test }
                guard let item = items[ItemID(id)] else { return nil }
                guard let condition = item.condition else { return test }
                return translate(condition.root).map { "iif(\($0), \(test), false)" }
            default:
                return nil
            }
        case "answered":
            guard args.count == 1, let a = translate(args[0]) else { return nil }
            return "(\(a)).exists()"
        case "count":
            // Counts what is yes; unknown counts as not yes, as in the engine.
            let parts = args.compactMap(translate)
            guard parts.count == args.count else { return nil }
            if parts.isEmpty { return "0" }
            return "(" + parts.map { "iif(\($0), 1, 0)" }.joined(separator: " + ") + ")"
        default:
            return nil
        }
    }

    private func literal(_ value: Value) -> String? {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return FHIRPathTranslator.decimal(n)
        case .string(let s):
            var out = "'"
            for c in s.unicodeScalars {
                switch c {
                case "'": out += "\\'"
                case "\\": out += "\\\\"
                default: out.unicodeScalars.append(c)
                }
            }
            return out + "'"
        case .list: return nil
        }
    }

    /// A number as a FHIRPath literal, which has no exponent: `0.000001`, not `1e-06`.
    static func decimal(_ n: Double) -> String? {
        guard n.isFinite else { return nil }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        let written = "\(abs(n))"
        let sign = n < 0 ? "-" : ""
        guard let e = written.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(written[written.index(after: e)...]) else {
            return sign + written
        }
        let mantissa = written[..<e]
        let point = mantissa.firstIndex(of: ".")
        let digits = mantissa.filter { $0 != "." }
        let integerDigits = (point.map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        if integerDigits <= 0 { return sign + "0." + String(repeating: "0", count: -integerDigits) + digits }
        if integerDigits >= digits.count { return sign + digits + String(repeating: "0", count: integerDigits - digits.count) }
        let i = digits.index(digits.startIndex, offsetBy: integerDigits)
        return sign + digits[..<i] + "." + digits[i...]
    }
}

extension CompareOp {
    /// The operator as FHIR writes it, in FHIRPath and in `enableWhen.operator` alike.
    var fhirSymbol: String { self == .eq ? "=" : rawValue }
}
