extension Evaluator {
    /// The ids whose values decide what `expr` comes to, in order of appearance: of an `or` that
    /// holds, only a side that holds; of an `and` that fails, only a side that fails; of
    /// anything else, every id it reads. "Why" names these: that a fever made a result urgent,
    /// not also that no sign needing a doctor within days was answered.
    public func decidingReferences(_ expr: Expr) -> [String] { Self.decidingReferences(expr, in: self) }

    static func decidingReferences<Context: ExpressionContext>(_ expr: Expr, in context: Context) -> [String] {
        var seen = Set<String>()
        return deciding(expr, in: context).filter { seen.insert($0).inserted }
    }

    private static func deciding<Context: ExpressionContext>(_ expr: Expr, in context: Context) -> [String] {
        func deciding(_ e: Expr) -> [String] { Self.deciding(e, in: context) }
        func evaluate(_ e: Expr) -> Outcome { Self.evaluate(e, in: context) }
        switch expr {
        case .not(let e, _):
            return deciding(e)
        case .and(let l, let r):
            if evaluate(l) == .no { return deciding(l) }
            if evaluate(r) == .no { return deciding(r) }
            return deciding(l) + deciding(r)
        case .or(let l, let r):
            if evaluate(l) == .yes { return deciding(l) }
            if evaluate(r) == .yes { return deciding(r) }
            return deciding(l) + deciding(r)
        default:
            return expr.references
        }
    }
}
