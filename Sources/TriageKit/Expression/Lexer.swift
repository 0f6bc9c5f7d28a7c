/// A token of the expression language.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(String)
        case symbol(String)
        case end
    }
    var kind: Kind
    var offset: Int
}

/// An error in an expression's text, at a character offset.
public struct ExpressionError: Error, Hashable, Sendable {
    public var offset: Int
    public var message: String
    public var hint: String?
}

enum Lexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "if", "then", "else", "true", "false"]

    static func tokens(_ source: String) throws(ExpressionError) -> [Token] {
        let chars = Array(source)
        var i = 0
        var out: [Token] = []
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if c.isASCII && (c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber)) {
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { i += 1 }
                let text = String(chars[start..<i])
                guard let n = Double(text), n.isFinite, text.filter({ $0 == "." }).count <= 1 else {
                    throw ExpressionError(offset: start, message: "'\(text)' is not a number")
                }
                out.append(Token(kind: .number(n), offset: start))
            } else if c.isASCII && (c.isLetter || c == "_") {
                while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { i += 1 }
                let word = String(chars[start..<i])
                out.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
            } else if c == "'" || c == "\"" {
                i += 1
                var text = ""
                while i < chars.count, chars[i] != c { text.append(chars[i]); i += 1 }
                guard i < chars.count else {
                    throw ExpressionError(offset: start, message: "this string is not closed",
                                          hint: "end it with \(c)")
                }
                i += 1
                out.append(Token(kind: .string(text), offset: start))
            } else {
                let two = i + 1 < chars.count ? String(chars[i...i + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    out.append(Token(kind: .symbol(two), offset: start)); i += 2
                } else if "()[],<>+-*/".contains(c) {
                    out.append(Token(kind: .symbol(String(c)), offset: start)); i += 1
                } else if c == "=" {
                    throw ExpressionError(offset: start, message: "'=' alone is not an operator",
                                          hint: "use == to compare")
                } else if c == "&" || c == "|" || c == "!" {
                    throw ExpressionError(offset: start, message: "'\(c)' is not an operator",
                                          hint: "write and, or, not")
                } else {
                    throw ExpressionError(offset: start, message: "unexpected character '\(c)'")
                }
            }
        }
        out.append(Token(kind: .end, offset: chars.count))
        return out
    }
}
