/// Parses the expression language (see docs/questionnaire-format.md) into an `Expr`.
///
/// Precedence, loosest first: `if then else`, `or`, `and`, `not`, comparison and `in`,
/// `+ -`, `* /`, unary minus.
public struct ExpressionParser {
    /// Nesting deeper than this is refused rather than risking the stack.
    public static let maximumDepth = 200

    private var tokens: [Token]
    private var index = 0
    private var depth = 0

    /// Parses `source` whole; throws at the first error with its offset.
    public static func parse(_ source: String) throws(ExpressionError) -> Expr {
        var parser = ExpressionParser(tokens: try Lexer.tokens(source))
        if case .end = parser.peek.kind {
            throw ExpressionError(offset: 0, message: "the expression is empty")
        }
        let expr = try parser.expression()
        guard case .end = parser.peek.kind else {
            throw ExpressionError(offset: parser.peek.offset,
                                  message: "unexpected \(parser.describe(parser.peek)) after a complete expression",
                                  hint: "join conditions with and / or")
        }
        return expr
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token { tokens[index] }

    private mutating func advance() -> Token {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private func isKeyword(_ word: String) -> Bool { peek.kind == .keyword(word) }
    private func isSymbol(_ s: String) -> Bool { peek.kind == .symbol(s) }

    private mutating func expect(symbol s: String, _ context: String) throws(ExpressionError) {
        guard isSymbol(s) else {
            throw ExpressionError(offset: peek.offset, message: "expected '\(s)' \(context), found \(describe(peek))")
        }
        _ = advance()
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .number(let n): return "the number \(Value.format(n))"
        case .string(let s): return "the string '\(s)'"
        case .identifier(let s): return "'\(s)'"
        case .keyword(let s): return "'\(s)'"
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the expression"
        }
    }

    private mutating func nested<T>(_ body: (inout ExpressionParser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw ExpressionError(offset: peek.offset,
                                  message: "the expression is nested more than \(Self.maximumDepth) levels deep",
                                  hint: "split it into derived values")
        }
        return try body(&self)
    }

    private mutating func expression() throws(ExpressionError) -> Expr {
        try nested { (p: inout ExpressionParser) throws(ExpressionError) -> Expr in
            if p.isKeyword("if") {
                let at = p.advance().offset
                let condition = try p.expression()
                guard p.isKeyword("then") else {
                    throw ExpressionError(offset: p.peek.offset, message: "expected 'then', found \(p.describe(p.peek))")
                }
                _ = p.advance()
                let then = try p.expression()
                guard p.isKeyword("else") else {
                    throw ExpressionError(offset: p.peek.offset, message: "expected 'else', found \(p.describe(p.peek))",
                                          hint: "every if needs an else")
                }
                _ = p.advance()
                let otherwise = try p.expression()
                return .conditional(condition, then: then, else: otherwise, at: at)
            }
            return try p.disjunction()
        }
    }

    private mutating func disjunction() throws(ExpressionError) -> Expr {
        var left = try conjunction()
        while isKeyword("or") {
            _ = advance()
            left = .or(left, try conjunction())
        }
        return left
    }

    private mutating func conjunction() throws(ExpressionError) -> Expr {
        var left = try negation()
        while isKeyword("and") {
            _ = advance()
            left = .and(left, try negation())
        }
        return left
    }

    private mutating func negation() throws(ExpressionError) -> Expr {
        if isKeyword("not") {
            let at = advance().offset
            return .not(try nested { (p: inout ExpressionParser) throws(ExpressionError) in try p.negation() }, at: at)
        }
        return try comparison()
    }

    private mutating func comparison() throws(ExpressionError) -> Expr {
        let left = try additive()
        if case .symbol(let s) = peek.kind, let op = CompareOp(rawValue: s) {
            let at = advance().offset
            let right = try additive()
            if case .symbol(let s2) = peek.kind, CompareOp(rawValue: s2) != nil {
                throw ExpressionError(offset: peek.offset, message: "comparisons cannot be chained",
                                      hint: "write a < b and b < c")
            }
            return .compare(op, left, right, at: at)
        }
        if isKeyword("in") {
            let at = advance().offset
            return .member(left, try additive(), negated: false, at: at)
        }
        if isKeyword("not"), index + 1 < tokens.count, tokens[index + 1].kind == .keyword("in") {
            let at = advance().offset
            _ = advance()
            return .member(left, try additive(), negated: true, at: at)
        }
        return left
    }

    private mutating func additive() throws(ExpressionError) -> Expr {
        var left = try multiplicative()
        while case .symbol(let s) = peek.kind, s == "+" || s == "-" {
            let at = advance().offset
            left = .arithmetic(s == "+" ? .add : .subtract, left, try multiplicative(), at: at)
        }
        return left
    }

    private mutating func multiplicative() throws(ExpressionError) -> Expr {
        var left = try unary()
        while case .symbol(let s) = peek.kind, s == "*" || s == "/" {
            let at = advance().offset
            left = .arithmetic(s == "*" ? .multiply : .divide, left, try unary(), at: at)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> Expr {
        if isSymbol("-") {
            let at = advance().offset
            return .negate(try nested { (p: inout ExpressionParser) throws(ExpressionError) in try p.unary() }, at: at)
        }
        return try primary()
    }

    private mutating func primary() throws(ExpressionError) -> Expr {
        let token = advance()
        switch token.kind {
        case .number(let n): return .literal(.number(n), at: token.offset)
        case .string(let s): return .literal(.string(s), at: token.offset)
        case .keyword("true"): return .literal(.bool(true), at: token.offset)
        case .keyword("false"): return .literal(.bool(false), at: token.offset)
        case .identifier(let name):
            guard isSymbol("(") else { return .reference(name, at: token.offset) }
            _ = advance()
            var args: [Expr] = []
            if !isSymbol(")") {
                repeat {
                    if isSymbol(",") { _ = advance() }
                    args.append(try expression())
                } while isSymbol(",")
            }
            try expect(symbol: ")", "to close the call of \(name)")
            return .call(name, args, at: token.offset)
        case .symbol("("):
            let inner = try expression()
            try expect(symbol: ")", "to close the '(' at \(token.offset + 1)")
            return inner
        case .symbol("["):
            var items: [Expr] = []
            if !isSymbol("]") {
                repeat {
                    if isSymbol(",") { _ = advance() }
                    items.append(try expression())
                } while isSymbol(",")
            }
            try expect(symbol: "]", "to close the list")
            return .list(items, at: token.offset)
        default:
            throw ExpressionError(offset: token.offset, message: "expected a value, found \(describe(token))")
        }
    }
}
