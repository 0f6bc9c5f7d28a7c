extension Evaluator {
    /// The ids whose values decide what `expr` comes to, in order of appearance (an id may come
    /// more than once): of an `or` that holds, only a side that holds; of an `and` that fails,
    /// only a side that fails; of anything else, every id it reads. "Why" names these: that a
    /// fever made a result urgent, not also that no sign needing a doctor within days was
    /// answered.
    public func decidingReferences(_ expr: Expr) -> [String] { Self.decidingReferences(expr, in: self) }

    static func decidingReferences<Context: ExpressionContext>(_ expr: Expr, in context: Context) -> [String] {
        var ids: [String] = []
        collectDeciding(expr, in: context, into: &ids)
        return ids
    }

    private static func collectDeciding<Context: ExpressionContext>(_ expr: Expr, in context: Context, into ids: inout [String]) {
        func collect(_ e: Expr) { collectDeciding(e, in: context, into: &ids) }
        switch expr {
        case .not(let e, _):
            collect(e)
        case .and(let l, let r):
            if evaluate(l, in: context) == .no { collect(l) } else if evaluate(r, in: context) == .no { collect(r) } else { collect(l); collect(r) }
        case .or(let l, let r):
            if evaluate(l, in: context) == .yes { collect(l) } else if evaluate(r, in: context) == .yes { collect(r) } else { collect(l); collect(r) }
        case .reference(let id, _), .resolved(_, let id, _):
            ids.append(id)
        default:
            expr.visit { node in
                if case .reference(let id, _) = node { ids.append(id) } else if case .resolved(_, let id, _) = node { ids.append(id) }
            }
        }
    }
}
