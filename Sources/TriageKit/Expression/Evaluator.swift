/// What an expression comes to. Besides a value, it may be *unknown* (it reads an unanswered
/// item) or, while `verify` explores whole classes of answers at once, *any*: it depends on an
/// answer not yet fixed.
public enum Outcome: Hashable, Sendable {
    case value(Value)
    case unknown
    case any

    public static let yes = Outcome.value(.bool(true))
    public static let no = Outcome.value(.bool(false))

    /// True only when the outcome is the boolean `true`: a rule fires only then.
    public var isTrue: Bool { self == .yes }
}

/// Where an expression's names are read: the values of answers and derived values, and whether
/// an item is asked. The engine's `Scope` is one; `Evaluator`'s closures are another.
protocol ExpressionContext {
    /// A reference by name.
    func value(of id: String) -> Outcome
    /// A reference resolved to its slot at load time.
    func value(at slot: Int, id: String) -> Outcome
    /// Whether the item is asked (for `yes(x)`); nil when that cannot be told, which counts as asked.
    func isAsked(_ id: String) -> Outcome?
    func isAsked(slot: Int, id: String) -> Outcome?
}

/// Evaluates a parsed expression by walking its tree. Three-valued logic: `false and unknown` is
/// false, `true or unknown` is true, any comparison with an unknown value is unknown.
public struct Evaluator: ExpressionContext {
    /// Reads an answer or derived value by name; every item counts as asked.
    public var lookup: (String) -> Outcome

    public init(lookup: @escaping (String) -> Outcome) { self.lookup = lookup }

    /// The name of the internal function "does this condition fire"; not usable in data files,
    /// since `check` knows no such function.
    static let fires = "$fires"

    func value(of id: String) -> Outcome { lookup(id) }
    func value(at slot: Int, id: String) -> Outcome { lookup(id) }
    func isAsked(_ id: String) -> Outcome? { nil }
    func isAsked(slot: Int, id: String) -> Outcome? { nil }

    public func evaluate(_ expr: Expr) -> Outcome { Self.evaluate(expr, in: self) }

    /// The walk itself, generic over where names are read, so that the engine's scope is called
    /// directly: reading it through closures copied them and retained their contexts on every
    /// evaluation.
    static func evaluate<Context: ExpressionContext>(_ expr: Expr, in context: Context) -> Outcome {
        func evaluate(_ expr: Expr) -> Outcome { Self.evaluate(expr, in: context) }
        switch expr {
        case .literal(let v, _):
            return .value(v)
        case .reference(let id, _):
            return context.value(of: id)
        case .resolved(let slot, let id, _):
            return context.value(at: slot, id: id)
        case .list(let items, _):
            var strings: [String] = []
            for item in items {
                switch evaluate(item) {
                case .value(.string(let s)): strings.append(s)
                case .value(.number(let n)): strings.append(Value.format(n))
                case .value(let other): strings.append(other.plain)
                case .unknown: return .unknown
                case .any: return .any
                }
            }
            return .value(.list(strings))
        case .not(let e, _):
            switch evaluate(e) {
            case .value(.bool(let b)): return .value(.bool(!b))
            case .any: return .any
            default: return .unknown
            }
        case .and(let l, let r):
            let a = evaluate(l)
            if a == .no { return .no }
            let b = evaluate(r)
            if b == .no { return .no }
            if a == .yes && b == .yes { return .yes }
            if a == .any || b == .any { return .any }
            return .unknown
        case .or(let l, let r):
            let a = evaluate(l)
            if a == .yes { return .yes }
            let b = evaluate(r)
            if b == .yes { return .yes }
            if a == .no && b == .no { return .no }
            if a == .any || b == .any { return .any }
            return .unknown
        case .compare(let op, let l, let r, _):
            return Self.strict(evaluate(l), evaluate(r)) { a, b in
                .bool(Self.compare(op, a, b))
            }
        case .member(let needle, let haystack, let negated, _):
            return Self.strict(evaluate(needle), evaluate(haystack)) { a, b in
                guard case .list(let items) = b else { return .bool(negated ? a != b : a == b) }
                let found = items.contains(a.plain)
                return .bool(negated ? !found : found)
            }
        case .arithmetic(let op, let l, let r, _):
            return Self.strict(evaluate(l), evaluate(r)) { a, b in
                guard case .number(let x) = a, case .number(let y) = b else { return nil }
                switch op {
                case .add: return .number(x + y)
                case .subtract: return .number(x - y)
                case .multiply: return .number(x * y)
                case .divide: return y == 0 ? nil : .number(x / y)
                }
            }
        case .negate(let e, _):
            switch evaluate(e) {
            case .value(.number(let n)): return .value(.number(-n))
            case .any: return .any
            default: return .unknown
            }
        case .conditional(let c, let t, let e, _):
            switch evaluate(c) {
            case .yes: return evaluate(t)
            case .no: return evaluate(e)
            case .any:
                let a = evaluate(t), b = evaluate(e)
                return a == b ? a : .any
            default: return .unknown
            }
        case .call(let name, let args, _):
            return call(name, args, in: context)
        }
    }

    private static func call<Context: ExpressionContext>(_ name: String, _ args: [Expr], in context: Context) -> Outcome {
        func evaluate(_ expr: Expr) -> Outcome { Self.evaluate(expr, in: context) }
        switch name {
        case "answered":
            guard args.count == 1 else { return .unknown }
            switch evaluate(args[0]) {
            case .value: return .yes
            case .unknown: return .no
            case .any: return .any
            }
        case "yes":
            // Answered yes. An item the questionnaire does not ask counts as no: a warning sign
            // not asked for this region is not present. One asked and still open stays unknown.
            guard args.count == 1 else { return .unknown }
            let asked: Outcome
            switch args[0] {
            case .resolved(let slot, let name, _): asked = context.isAsked(slot: slot, id: name) ?? .yes
            case .reference(let name, _): asked = context.isAsked(name) ?? .yes
            default: return .unknown
            }
            switch asked {
            case .no: return .no
            case .any: return .any
            default: break
            }
            switch evaluate(args[0]) {
            case .yes: return .yes
            case .value: return .no
            case .any: return .any
            case .unknown: return .unknown
            }
        case Evaluator.fires:
            // Internal to verification: whether a condition makes its rule fire (only `true` does).
            guard args.count == 1 else { return .unknown }
            switch evaluate(args[0]) {
            case .yes: return .yes
            case .any: return .any
            default: return .no
            }
        case "count":
            var total = 0
            for arg in args {
                switch evaluate(arg) {
                case .yes: total += 1
                case .any: return .any
                default: break
                }
            }
            return .value(.number(Double(total)))
        default:
            return .unknown
        }
    }

    /// Applies `op` when both sides are values; unknown wins over any, so that a comparison
    /// with an unanswered item stays unknown whatever the other side.
    private static func strict(_ a: Outcome, _ b: Outcome, _ op: (Value, Value) -> Value?) -> Outcome {
        switch (a, b) {
        case (.value(let x), .value(let y)): return op(x, y).map(Outcome.value) ?? .unknown
        case (.unknown, _), (_, .unknown): return .unknown
        default: return .any
        }
    }

    static func compare(_ op: CompareOp, _ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            switch op {
            case .eq: return x == y
            case .ne: return x != y
            case .lt: return x < y
            case .le: return x <= y
            case .gt: return x > y
            case .ge: return x >= y
            }
        case (.string(let x), .string(let y)):
            switch op {
            case .eq: return x == y
            case .ne: return x != y
            case .lt: return x < y
            case .le: return x <= y
            case .gt: return x > y
            case .ge: return x >= y
            }
        default:
            switch op {
            case .eq: return a == b
            case .ne: return a != b
            default: return false
            }
        }
    }
}
