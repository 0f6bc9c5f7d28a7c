import TriageKit

/// An item's condition as FHIR R4 `enableWhen` entries that enable the item exactly when the
/// engine asks it, for every combination of answers, under R4's own rules: `=` and the
/// comparisons are true only for an answer that satisfies them, `!=` is true when no answer
/// equals (an unanswered question included), `exists` tests for an answer, and an answer to a
/// disabled question counts as no answer.
///
/// The engine asks an item only when its condition is true; unknown (an open answer) does not
/// ask. So each engine condition maps onto entries that are true exactly when the condition is:
/// - `x` and `yes(x)` (yes/no items): `x = true`; `not x`: `x = false`;
/// - `x op v`: `x op v`, but `x != v` also needs `x exists`, since R4's `!=` holds for no answer;
/// - `x in [a, b]`: `x = a`, `x = b` (any), or inside an `and`, `x exists` with `x != c` for
///   each other option c (all), which is the same for a choice whose answer is one of its options;
/// - `not yes(x)`: x answered no, or x not asked: `x = false` with the negation of x's own
///   entries (any). R4's `=` and `!=` negate each other exactly, as do `exists true` and
///   `exists false`. Inside an `and` whose other parts hold x's own entries, x is asked, so it
///   is `x = false` alone;
/// An `and` of such parts is `enableBehavior: all`, an `or` is `any`. A condition that needs
/// both cannot be said in R4's enableWhen; it is exported as an SDC enableWhenExpression.
struct EnableWhen {
    struct Condition: Equatable {
        var question: ItemID
        var op: String
        /// The answer element: `answerBoolean`, `answerCoding`, ...
        var answer: (String, JSON)

        static func == (a: Condition, b: Condition) -> Bool {
            a.question == b.question && a.op == b.op && a.answer.0 == b.answer.0 && a.answer.1 == b.answer.1
        }

        /// The entry that is true exactly when this one is false, where R4 has one.
        var negation: Condition? {
            switch op {
            case "=": return Condition(question: question, op: "!=", answer: answer)
            case "!=": return Condition(question: question, op: "=", answer: answer)
            case "exists":
                guard case .bool(let b) = answer.1 else { return nil }
                return Condition(question: question, op: "exists", answer: ("answerBoolean", .bool(!b)))
            default: return nil
            }
        }

        var json: JSON { .object([("question", .string(question.rawValue)), ("operator", .string(op)), answer]) }
    }

    enum Behavior: String { case all, any }

    var conditions: [Condition]
    var behavior: Behavior

    private let q: Questionnaire
    private let canonical: FHIRCanonical

    /// The entries for `expr`, or nil when R4's enableWhen cannot express it exactly.
    init?(_ q: Questionnaire, _ expr: Expr, canonical: FHIRCanonical = .standard) {
        self.q = q
        self.canonical = canonical
        conditions = []
        behavior = .all
        let all = conjunction(expr), any = disjunction(expr)
        // The shorter form reads better; at a tie the positive one (`region = neck or mid_back`).
        switch (all, any) {
        case (let a?, let b?): (conditions, behavior) = a.count < b.count ? (a, .all) : (b, .any)
        case (let a?, nil): (conditions, behavior) = (a, .all)
        case (nil, let b?): (conditions, behavior) = (b, .any)
        case (nil, nil): return nil
        }
        if conditions.count == 1 { behavior = .all }
    }

    /// The item's fields: `enableWhen`, and `enableBehavior` when there is more than one entry.
    var fields: [(String, JSON)] {
        var out: [(String, JSON)] = [("enableWhen", .array(conditions.map(\.json)))]
        if conditions.count > 1 { out.append(("enableBehavior", .string(behavior.rawValue))) }
        return out
    }

    /// Entries that must all hold.
    private func conjunction(_ expr: Expr) -> [Condition]? {
        switch expr {
        case .and:
            // `not yes(x)` for an x with a condition of its own is "x answered no, or x not
            // asked", which needs `any`. Inside an `and` whose other parts already say x is
            // asked (they include x's own entries), it is exactly `x = false`.
            var entries: [Condition] = [], answeredNo: [Item] = []
            for term in Self.terms(expr) {
                if case .not(let inner, _) = term, let id = Self.yesArgument(inner), let item = q.item(ItemID(id)),
                   item.kind == .boolean, item.condition != nil {
                    answeredNo.append(item)
                    continue
                }
                guard let part = conjunction(term) else { return nil }
                entries += part
            }
            for item in answeredNo {
                guard let asked = item.condition.flatMap({ conjunction($0.root) }), asked.allSatisfy(entries.contains) else { return nil }
                entries.append(Condition(question: item.id, op: "=", answer: ("answerBoolean", .bool(false))))
            }
            return entries
        case .member(.reference(let id, _), .list(let values, _), let negated, _):
            guard let item = q.item(ItemID(id)), let codes = codes(values, of: item) else { return nil }
            if !negated && codes.count == 1 { return [equals(item, codes[0])].compactMap { $0 } }
            // x in S: answered and none of the other options; x not in S: answered and none of S.
            guard item.kind == .choice || negated else { return nil }
            let excluded = negated ? codes : item.options.map(\.value).filter { !codes.contains($0) }
            let others = excluded.compactMap { code in equals(item, code).map { Condition(question: $0.question, op: "!=", answer: $0.answer) } }
            guard others.count == excluded.count else { return nil }
            return [exists(item)] + others
        case .compare(.ne, let l, let r, _):
            guard let c = comparison(.ne, l, r), let item = q.item(c.question) else { return nil }
            return [exists(item), c]
        case .not(let inner, _) where Self.yesArgument(inner) != nil:
            guard let item = q.item(ItemID(Self.yesArgument(inner)!)), item.kind == .boolean, item.condition == nil else { return nil }
            return [Condition(question: item.id, op: "=", answer: ("answerBoolean", .bool(false)))]
        default:
            return atom(expr).map { [$0] }
        }
    }

    /// Entries of which one must hold.
    private func disjunction(_ expr: Expr) -> [Condition]? {
        switch expr {
        case .or(let l, let r):
            guard let a = disjunction(l), let b = disjunction(r) else { return nil }
            return a + b
        case .member(.reference(let id, _), .list(let values, _), false, _):
            guard let item = q.item(ItemID(id)), let codes = codes(values, of: item) else { return nil }
            let out = codes.compactMap { equals(item, $0) }
            return out.count == codes.count && !out.isEmpty ? out : nil
        case .not(let inner, _) where Self.yesArgument(inner) != nil:
            // Answered no, or not asked at all.
            guard let item = q.item(ItemID(Self.yesArgument(inner)!)), item.kind == .boolean else { return nil }
            let no = Condition(question: item.id, op: "=", answer: ("answerBoolean", .bool(false)))
            guard let condition = item.condition else { return [no] }
            guard let asked = conjunction(condition.root) else { return nil }
            let notAsked = asked.compactMap(\.negation)
            return notAsked.count == asked.count ? notAsked + [no] : nil
        default:
            return atom(expr).map { [$0] }
        }
    }

    /// A condition that is one entry in either form.
    private func atom(_ expr: Expr) -> Condition? {
        switch expr {
        case .reference(let id, _):
            guard let item = q.item(ItemID(id)), item.kind == .boolean else { return nil }
            return Condition(question: item.id, op: "=", answer: ("answerBoolean", .bool(true)))
        case .call:
            // yes(x): R4's `=` is false for a disabled or unanswered x, as yes(x) is not true then.
            guard let id = Self.yesArgument(expr), let item = q.item(ItemID(id)), item.kind == .boolean else { return nil }
            return Condition(question: item.id, op: "=", answer: ("answerBoolean", .bool(true)))
        case .not(.reference(let id, _), _):
            guard let item = q.item(ItemID(id)), item.kind == .boolean else { return nil }
            return Condition(question: item.id, op: "=", answer: ("answerBoolean", .bool(false)))
        case .compare(let op, let l, let r, _) where op != .ne:
            return comparison(op, l, r)
        default:
            return nil
        }
    }

    /// The parts of a chain of `and`s, in order.
    static func terms(_ expr: Expr) -> [Expr] {
        if case .and(let l, let r) = expr { return terms(l) + terms(r) }
        return [expr]
    }

    /// The item id of `yes(x)`.
    static func yesArgument(_ expr: Expr) -> String? {
        guard case .call("yes", let args, _) = expr, args.count == 1, case .reference(let id, _) = args[0] else { return nil }
        return id
    }

    /// `x op literal` or `literal op x`.
    private func comparison(_ op: CompareOp, _ l: Expr, _ r: Expr) -> Condition? {
        var op = op
        var pair: (String, Value)?
        if case .reference(let id, _) = l, case .literal(let v, _) = r { pair = (id, v) }
        if case .literal(let v, _) = l, case .reference(let id, _) = r {
            pair = (id, v)
            switch op {
            case .lt: op = .gt
            case .le: op = .ge
            case .gt: op = .lt
            case .ge: op = .le
            default: break
            }
        }
        guard let (id, value) = pair, let item = q.item(ItemID(id)), let answer = answer(item, value) else { return nil }
        let symbol = op.fhirSymbol
        // R4 orders numbers, dates and texts; a yes/no or a coding only equals or differs.
        if symbol != "=" && symbol != "!=" && (item.kind == .boolean || item.kind == .choice) { return nil }
        return Condition(question: item.id, op: symbol, answer: answer)
    }

    private func equals(_ item: Item, _ code: String) -> Condition? {
        answer(item, .string(code)).map { Condition(question: item.id, op: "=", answer: $0) }
    }

    private func exists(_ item: Item) -> Condition {
        Condition(question: item.id, op: "exists", answer: ("answerBoolean", .bool(true)))
    }

    /// The option codes a literal list names, when every one is an option of `item`.
    private func codes(_ values: [Expr], of item: Item) -> [String]? {
        var out: [String] = []
        for case .literal(.string(let s), _) in values where item.option(s) != nil { out.append(s) }
        return out.count == values.count && !out.isEmpty ? out : nil
    }

    private func answer(_ item: Item, _ value: Value) -> (String, JSON)? {
        switch (item.kind, value) {
        case (.boolean, .bool(let b)): return ("answerBoolean", .bool(b))
        case (.choice, .string(let s)):
            guard item.option(s) != nil else { return nil }
            return ("answerCoding", FHIRJSON.coding(canonical.codeSystem(q, item), s))
        case (.integer, .number(let n)), (.scale, .number(let n)): return n == n.rounded() ? ("answerInteger", .number(n)) : nil
        case (.decimal, .number(let n)): return ("answerDecimal", .number(n))
        case (.text, .string(let s)): return ("answerString", .string(s))
        case (.date, .string(let s)): return ("answerDate", .string(s))
        default: return nil
        }
    }
}
