/// A parsed expression: a condition or a derived value. Parsed once at load time; evaluation
/// is a tree walk.
public indirect enum Expr: Hashable, Sendable {
    case literal(Value, at: Int)
    case reference(String, at: Int)
    /// A reference the engine has resolved to a numbered slot at load time, so evaluation reads
    /// an array instead of hashing the name. Only the engine's private copies hold these.
    case resolved(slot: Int, id: String, at: Int)
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
        case .literal(_, let at), .reference(_, let at), .resolved(_, _, let at), .list(_, let at), .not(_, let at),
             .compare(_, _, _, let at), .member(_, _, _, let at), .arithmetic(_, _, _, let at),
             .negate(_, let at), .conditional(_, _, _, let at), .call(_, _, let at):
            return at
        case .and(let l, _), .or(let l, _):
            return l.offset
        }
    }

    /// Every answer or derived id the expression reads, in order of appearance, without repeats.
    public var references: [String] {
        // An expression names a handful of ids: looking through them beats hashing into a set,
        // which was a seventh of building an engine's index at start.
        var out: [String] = []
        visit { node in
            switch node {
            case .reference(let id, _), .resolved(_, let id, _): if !out.contains(id) { out.append(id) }
            default: break
            }
        }
        return out
    }

    /// The same expression with every reference to a name in `slots` resolved to its slot.
    public func resolving(_ slots: [String: Int]) -> Expr {
        switch self {
        case .reference(let id, let at): return slots[id].map { .resolved(slot: $0, id: id, at: at) } ?? self
        case .literal, .resolved: return self
        case .list(let items, let at): return .list(items.map { $0.resolving(slots) }, at: at)
        case .call(let name, let items, let at): return .call(name, items.map { $0.resolving(slots) }, at: at)
        case .not(let e, let at): return .not(e.resolving(slots), at: at)
        case .negate(let e, let at): return .negate(e.resolving(slots), at: at)
        case .and(let l, let r): return .and(l.resolving(slots), r.resolving(slots))
        case .or(let l, let r): return .or(l.resolving(slots), r.resolving(slots))
        case .compare(let op, let l, let r, let at): return .compare(op, l.resolving(slots), r.resolving(slots), at: at)
        case .member(let l, let r, let negated, let at): return .member(l.resolving(slots), r.resolving(slots), negated: negated, at: at)
        case .arithmetic(let op, let l, let r, let at): return .arithmetic(op, l.resolving(slots), r.resolving(slots), at: at)
        case .conditional(let c, let t, let e, let at):
            return .conditional(c.resolving(slots), then: t.resolving(slots), else: e.resolving(slots), at: at)
        }
    }

    /// Calls `body` on this expression and every sub-expression, parents first.
    public func visit(_ body: (Expr) -> Void) {
        body(self)
        switch self {
        case .literal, .reference, .resolved: break
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
