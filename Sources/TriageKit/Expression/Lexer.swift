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

    /// The tokens of `source`, offsets counted in characters. An ASCII text without a carriage
    /// return (every expression of the shipped content) is read byte by byte, where a byte is a
    /// character: splitting some 300 expressions into `Character`s was a tenth of loading a
    /// questionnaire, which every start of the program does.
    static func tokens(_ source: String) throws(ExpressionError) -> [Token] {
        if source.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            return try tokens(Array(source.utf8))
        }
        return try tokens(Array(source))
    }

    private static func tokens<Unit: LexUnit>(_ chars: [Unit]) throws(ExpressionError) -> [Token] {
        var i = 0
        var out: [Token] = []
        let space = Unit.unit(" "), tab = Unit.unit("\t"), newline = Unit.unit("\n"), cr = Unit.unit("\r")
        let dot = Unit.unit("."), underscore = Unit.unit("_"), single = Unit.unit("'"), double = Unit.unit("\"")
        while i < chars.count {
            let c = chars[i]
            if c == space || c == tab || c == newline || c == cr { i += 1; continue }
            let start = i
            if c.isASCIIDigit || (c == dot && i + 1 < chars.count && chars[i + 1].isASCIIDigit) {
                while i < chars.count, chars[i].isASCIIDigit || chars[i] == dot { i += 1 }
                let text = Unit.text(chars[start..<i])
                guard let n = Double(text), n.isFinite, text.filter({ $0 == "." }).count <= 1 else {
                    throw ExpressionError(offset: start, message: "'\(text)' is not a number")
                }
                out.append(Token(kind: .number(n), offset: start))
            } else if c.isASCIILetter || c == underscore {
                while i < chars.count, chars[i].isASCIILetter || chars[i].isASCIIDigit || chars[i] == underscore { i += 1 }
                let word = Unit.text(chars[start..<i])
                out.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
            } else if c == single || c == double {
                i += 1
                let opened = i
                while i < chars.count, chars[i] != c { i += 1 }
                guard i < chars.count else {
                    throw ExpressionError(offset: start, message: "this string is not closed",
                                          hint: "end it with \(c.character)")
                }
                out.append(Token(kind: .string(Unit.text(chars[opened..<i])), offset: start))
                i += 1
            } else {
                let two = i + 1 < chars.count ? Unit.text(chars[i...i + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    out.append(Token(kind: .symbol(two), offset: start)); i += 2
                } else if "()[],<>+-*/".contains(c.character) {
                    out.append(Token(kind: .symbol(String(c.character)), offset: start)); i += 1
                } else if c.character == "=" {
                    throw ExpressionError(offset: start, message: "'=' alone is not an operator",
                                          hint: "use == to compare")
                } else if c.character == "&" || c.character == "|" || c.character == "!" {
                    throw ExpressionError(offset: start, message: "'\(c.character)' is not an operator",
                                          hint: "write and, or, not")
                } else {
                    throw ExpressionError(offset: start, message: "unexpected character '\(c.character)'")
                }
            }
        }
        out.append(Token(kind: .end, offset: chars.count))
        return out
    }
}

/// What the lexer reads a text as: its characters, or, for an ASCII text, its bytes.
private protocol LexUnit: Equatable {
    static func unit(_ ascii: Unicode.Scalar) -> Self
    var isASCIIDigit: Bool { get }
    var isASCIILetter: Bool { get }
    var character: Character { get }
    static func text(_ units: ArraySlice<Self>) -> String
}

extension Character: LexUnit {
    static func unit(_ ascii: Unicode.Scalar) -> Character { Character(ascii) }
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
    var character: Character { self }
    static func text(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension UInt8: LexUnit {
    static func unit(_ ascii: Unicode.Scalar) -> UInt8 { UInt8(ascii: ascii) }
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var character: Character { Character(Unicode.Scalar(self)) }
    static func text(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}
