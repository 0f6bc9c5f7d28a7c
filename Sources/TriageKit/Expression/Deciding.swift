extension Evaluator {
    /// The ids whose values decide what `expr` comes to, in order of appearance: of an `or` that
    /// holds, only a side that holds; of an `and` that fails, only a side that fails; of
    /// anything else, every id it reads. "Why" names these: that a fever made a result urgent,
    /// not also that no sign needing a doctor within days was answered.
    public func decidingReferences(_ expr: Expr) -> [String] {
        var seen = Set<String>()
        return deciding(expr).filter { seen.insert($0).inserted }
    }

    private func deciding(_ expr: Expr) -> [String] {
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
