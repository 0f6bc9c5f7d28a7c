/// Why a text is not JSON, and the byte offset where that shows.
enum JSONProblem: Error, Sendable, Equatable {
    /// Not JSON here; the text may still be YAML (flow style looks much like JSON).
    case syntax(String, offset: Int)
    /// Keys that occur more than once in one object (sorted), and where the first of them is.
    case duplicateKeys([String], offset: Int)
    /// An object or array opened more than `JSONReader.maximumNesting` levels deep, here.
    case tooDeep(offset: Int)
    /// Bytes that are not UTF-8, from here.
    case invalidUTF8(offset: Int)

    var offset: Int {
        switch self {
        case .syntax(_, let offset), .duplicateKeys(_, let offset), .tooDeep(let offset), .invalidUTF8(let offset): return offset
        }
    }
}

/// A strict JSON reader (RFC 8259) over UTF-8 bytes that builds the same `YAMLNode`s as the
/// YAML path, so the answer-file reader does not care which one read the text.
///
/// Answer files are JSON almost always, and this is several times faster than composing the
/// same text from libyaml's events. Strings are double-quoted scalars with every escape
/// resolved (surrogate pairs included); numbers, `true`, `false` and `null` are plain scalars
/// holding their text as written, so `Double(text)` types them exactly as on the YAML path.
/// Nodes carry byte offsets only: line and column are counted when a message needs them.
struct JSONReader {
    /// The same limit as for YAML (`SourceFile.maximumNesting`): answer files are two deep.
    static let maximumNesting = 64
    /// Objects up to this size are checked for duplicate keys by comparing cheap hashes pair by
    /// pair (an answer object has some forty keys); larger ones through a dictionary.
    private static let pairwiseDuplicateCheck = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    // The members and elements of the objects and arrays being read, innermost last: each gets
    // its own array at its end, allocated once at its size instead of grown step by step.
    private var pendingPairs: [(key: YAMLNode, value: YAMLNode)] = []
    private var pendingKeyHashes: [UInt64] = []
    private var pendingNodes: [YAMLNode] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The single JSON value that `bytes` hold, with nothing but whitespace around it.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONProblem) -> YAMLNode {
        var reader = JSONReader(bytes)
        reader.skipWhitespace()
        let node = try reader.value()
        reader.skipWhitespace()
        if reader.index < bytes.count {
            throw reader.unexpected("the end of the text after the JSON value")
        }
        return node
    }

    /// Parses the UTF-8 of `text`.
    static func parse(_ text: String) throws(JSONProblem) -> YAMLNode {
        var text = text
        let result = text.withUTF8 { bytes in Result { () throws(JSONProblem) -> YAMLNode in try parse(bytes) } }
        return try result.get()
    }

    /// Whether `text` starts, after whitespace, as a JSON object or array does. YAML answer
    /// files start with a key instead; flow-style YAML that starts with `{` is tried as JSON
    /// first and read as YAML when it is not JSON.
    static func looksLikeJSON(_ text: String) -> Bool {
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    // MARK: - Values

    private mutating func value() throws(JSONProblem) -> YAMLNode {
        guard index < bytes.count else { throw unexpected("a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""):
            let string = try self.string()
            return .scalar(YAMLNode.Scalar(string, style: .doubleQuoted, mark: YAMLNode.Mark(offset: start)))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number()
        case UInt8(ascii: "t"): return try literal("true")
        case UInt8(ascii: "f"): return try literal("false")
        case UInt8(ascii: "n"): return try literal("null")
        default: throw unexpected("a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONProblem) -> YAMLNode {
        let start = index
        let length = word.utf8CodeUnitCount
        let matches = bytes.count - index >= length
            && (0..<length).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard matches else { throw unexpected("a value") }
        index += length
        let text = word.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        return .scalar(YAMLNode.Scalar(text, style: .plain, mark: YAMLNode.Mark(offset: start)))
    }

    private mutating func object() throws(JSONProblem) -> YAMLNode {
        let start = index
        try enter()
        let base = pendingPairs.count
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw unexpected("a key in double quotes") }
                let keyStart = index
                let key = try string()
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw unexpected("':' after the key") }
                index += 1
                skipWhitespace()
                let value = try self.value()
                pendingPairs.append((.scalar(YAMLNode.Scalar(key, style: .doubleQuoted, mark: YAMLNode.Mark(offset: keyStart))), value))
                pendingKeyHashes.append(Self.hash(key))
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek == UInt8(ascii: "}") else { throw unexpected("',' or '}'") }
                index += 1
                break
            }
            try checkDuplicates(from: base)
        }
        let pairs = Array(pendingPairs[base...])
        pendingPairs.removeSubrange(base...)
        pendingKeyHashes.removeSubrange(base...)
        depth -= 1
        return .mapping(YAMLNode.Mapping(pairs: pairs, mark: YAMLNode.Mark(offset: start)))
    }

    private mutating func array() throws(JSONProblem) -> YAMLNode {
        let start = index
        try enter()
        let base = pendingNodes.count
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let element = try value()
                pendingNodes.append(element)
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek == UInt8(ascii: "]") else { throw unexpected("',' or ']'") }
                index += 1
                break
            }
        }
        let nodes = Array(pendingNodes[base...])
        pendingNodes.removeSubrange(base...)
        depth -= 1
        return .sequence(YAMLNode.List(nodes: nodes, mark: YAMLNode.Mark(offset: start)))
    }

    /// Steps over an opening bracket, refusing nesting past the limit: what reads the tree
    /// afterwards recurses once per level.
    private mutating func enter() throws(JSONProblem) {
        depth += 1
        if depth > Self.maximumNesting { throw .tooDeep(offset: index) }
        index += 1
    }

    /// Refuses an object (its pending pairs from `base`) that repeats a key, naming every
    /// repeated key (sorted) and pointing at the first occurrence of the first of them, as the
    /// YAML path does.
    private func checkDuplicates(from base: Int) throws(JSONProblem) {
        let count = pendingPairs.count - base
        guard count > 1 else { return }
        func key(_ i: Int) -> String { pendingPairs[base + i].key.scalar?.string ?? "" }
        var repeated: [Int] = []
        if count <= Self.pairwiseDuplicateCheck {
            for i in 1..<count {
                let hash = pendingKeyHashes[base + i]
                for j in 0..<i where pendingKeyHashes[base + j] == hash && key(j) == key(i) {
                    if !repeated.contains(j) { repeated.append(j) }
                    break
                }
            }
        } else {
            var first: [String: Int] = [:]
            first.reserveCapacity(count)
            for i in 0..<count {
                if let earlier = first[key(i)] {
                    if !repeated.contains(earlier) { repeated.append(earlier) }
                } else {
                    first[key(i)] = i
                }
            }
        }
        guard !repeated.isEmpty else { return }
        repeated.sort { key($0) < key($1) }
        throw .duplicateKeys(repeated.map(key), offset: pendingPairs[base + repeated[0]].key.mark.offset ?? 0)
    }

    /// FNV-1a over the key's UTF-8: enough to tell keys apart before comparing them, and much
    /// cheaper than the seeded hashing of a dictionary for a few dozen short keys.
    private static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
        }
        return hash
    }

    // MARK: - Strings

    /// Reads a string from its opening quote: escapes resolved, UTF-8 checked.
    private mutating func string() throws(JSONProblem) -> String {
        let open = index
        index += 1
        // Most strings are plain ASCII without escapes: find the closing quote and take the
        // bytes between as they are.
        var end = index
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                index = end + 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            end += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(end - index + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
        index = end
        while true {
            guard index < bytes.count else {
                throw .syntax("the string that starts here has no closing '\"'", offset: open)
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &out)
            case 0x0A:
                throw .syntax("a line break inside a string; write it as \\n", offset: index)
            case 0..<0x20:
                throw .syntax("control character \(Self.hex(UInt32(byte))) inside a string; write it as \\u\(Self.hex4(UInt32(byte)))",
                              offset: index)
            case 0x80...:
                guard let length = utf8Length(at: index) else { throw .invalidUTF8(offset: index) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(JSONProblem) {
        let start = index
        guard index + 1 < bytes.count else { throw .syntax("the string that starts here has no closing '\"'", offset: start) }
        let code = bytes[index + 1]
        index += 2
        switch code {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeAt: start)
            if (0xD800...0xDBFF).contains(scalar) {
                // A character beyond U+FFFF is written as a pair: high surrogate, then low.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw .syntax("\\u\(Self.hex4(scalar)) is half of a surrogate pair; a \\uDC00-\\uDFFF escape must follow it", offset: start)
                }
                let lowStart = index
                index += 2
                let low = try hexQuad(escapeAt: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw .syntax("\\u\(Self.hex4(scalar)) is half of a surrogate pair; a \\uDC00-\\uDFFF escape must follow it", offset: start)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw .syntax("\\u\(Self.hex4(scalar)) is the second half of a surrogate pair without the first", offset: start)
            }
            // Surrogates are excluded above, so every value here is a Unicode scalar.
            out.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
        default:
            let shown = code >= 0x20 && code < 0x7F ? "\\" + String(UnicodeScalar(code)) : "\\ followed by byte \(Self.hex(UInt32(code)))"
            throw .syntax("unknown escape \(shown) in a string; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", offset: start)
        }
    }

    /// The four hex digits after `\u`.
    private mutating func hexQuad(escapeAt start: Int) throws(JSONProblem) -> UInt32 {
        guard bytes.count - index >= 4 else { throw .syntax("\\u needs four hex digits", offset: start) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .syntax("\\u needs four hex digits", offset: start)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence at `i` (Unicode's table 3-7: no overlong
    /// forms, no surrogates, nothing past U+10FFFF), or nil.
    private func utf8Length(at i: Int) -> Int? {
        let b0 = bytes[i]
        func continuation(_ k: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            i + k < bytes.count && range.contains(bytes[i + k])
        }
        switch b0 {
        case 0xC2...0xDF: return continuation(1) ? 2 : nil
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : nil
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default: return nil
        }
    }

    // MARK: - Numbers

    /// A number as RFC 8259 writes it: `-`, no leading zeros, optional fraction and exponent.
    private mutating func number() throws(JSONProblem) -> YAMLNode {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard isDigit(peek) else { throw unexpected("a digit") }
        if peek == UInt8(ascii: "0") {
            index += 1
            if isDigit(peek) { throw .syntax("a number may not start with 0 (write 7, not 07)", offset: start) }
        } else {
            skipDigits()
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard isDigit(peek) else { throw unexpected("a digit after the decimal point") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard isDigit(peek) else { throw unexpected("a digit in the exponent") }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return .scalar(YAMLNode.Scalar(text, style: .plain, mark: YAMLNode.Mark(offset: start)))
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
    }

    // MARK: - Helpers

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// "expected X, found Y" at the current byte.
    private func unexpected(_ expected: String) -> JSONProblem {
        guard index < bytes.count else { return .syntax("expected \(expected), found the end of the text", offset: index) }
        let byte = bytes[index]
        let found: String
        switch byte {
        case 0x21..<0x7F: found = "'\(Character(UnicodeScalar(byte)))'"
        case 0x80...:
            guard let length = utf8Length(at: index) else { return .invalidUTF8(offset: index) }
            let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self)
            found = "'\(character)'"
        default: found = Self.hex(UInt32(byte))
        }
        return .syntax("expected \(expected), found \(found)", offset: index)
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func hex(_ value: UInt32) -> String { "U+" + hex4(value) }
}
