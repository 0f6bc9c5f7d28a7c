/// A parsed expression: a condition or a derived value. Parsed once at load time; evaluation
/// is a tree walk.
public indirect enum Expr: Hashable, Sendable {
    case literal(Value, at: Int)
    case reference(String, at: Int)
    case list([Expr], at: Int)
    case not(Expr, at: Int)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case compare(CompareOp, Expr, Expr, at: Int)
    /// `x in [..]`, or `'value' in multi_choice_item`; `negated` for `not in`.
    case member(Expr, Expr, negated: Bool, at: Int)
    case arithmetic(ArithmeticOp, Expr, Expr, at: Int)
    case negate(Expr, at: Int)
    case conditional(Expr, then: Expr, else: Expr, at: Int)
    case call(String, [Expr], at: Int)

    /// The offset of the expression in its source text, for error messages.
    public var offset: Int {
        switch self {
        case .literal(_, let at), .reference(_, let at), .list(_, let at), .not(_, let at),
             .compare(_, _, _, let at), .member(_, _, _, let at), .arithmetic(_, _, _, let at),
             .negate(_, let at), .conditional(_, _, _, let at), .call(_, _, let at):
            return at
        case .and(let l, _), .or(let l, _):
            return l.offset
        }
    }

    /// Every answer or derived id the expression reads, in order of appearance, without repeats.
    public var references: [String] {
        var seen = Set<String>()
        var out: [String] = []
        visit { if case .reference(let id, _) = $0, seen.insert(id).inserted { out.append(id) } }
        return out
    }

    /// Calls `body` on this expression and every sub-expression, parents first.
    public func visit(_ body: (Expr) -> Void) {
        body(self)
        switch self {
        case .literal, .reference: break
        case .list(let items, _), .call(_, let items, _): items.forEach { $0.visit(body) }
        case .not(let e, _), .negate(let e, _): e.visit(body)
        case .and(let l, let r), .or(let l, let r), .compare(_, let l, let r, _),
             .member(let l, let r, _, _), .arithmetic(_, let l, let r, _):
            l.visit(body); r.visit(body)
        case .conditional(let c, let t, let e, _): c.visit(body); t.visit(body); e.visit(body)
        }
    }
}

public enum CompareOp: String, Hashable, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
}

public enum ArithmeticOp: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

/// An expression with the text it was parsed from and where that text stands in its file.
public struct Expression: Hashable, Sendable, CustomStringConvertible {
    public var source: String
    public var root: Expr
    /// Where the first character of `source` stands; nil for expressions built in code.
    public var location: SourceLocation?

    public var description: String { source }

    /// The location of a sub-expression, when the expression sits on one line of its file.
    public func location(of expr: Expr) -> SourceLocation? {
        guard let location else { return nil }
        let prefix = source.prefix(expr.offset)
        if prefix.contains("\n") { return location }
        return location.advanced(by: prefix.count)
    }
}
