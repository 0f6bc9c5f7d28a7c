#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif

/// A YAML file read into memory, with its lines for error messages.
struct SourceFile {
    /// Files larger than this are refused: no questionnaire comes near it.
    static let maximumSize = 4 * 1024 * 1024

    var path: String
    var text: String
    /// The digest of the bytes the text was read from, for the cache of compiled questionnaires.
    var digest: UInt64

    init(path: String, text: String, digest: UInt64? = nil) {
        self.path = path
        self.text = text
        self.digest = digest ?? ByteDigest.of(Array(text.utf8))
    }

    static func read(_ path: String) throws(Diagnostic) -> SourceFile {
        // stat(2), not FileManager's attributes: those look up the owner's name, which asks the
        // name service over a socket; this program opens none.
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > maximumSize {
            let size = Int(info.st_size)
            throw Diagnostic(at: SourceLocation(file: path, line: 1, column: 1),
                             "the file is \(size / 1024) KiB; questionnaire files may be at most \(maximumSize / 1024 / 1024) MiB")
        }
        let bytes: [UInt8]
        do throws(FileContents.Problem) {
            bytes = try FileContents.read(path)
        } catch {
            throw Diagnostic(at: nil, "cannot read \(path): \(error.reason)")
        }
        let data = Data(bytes)
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = Self.firstInvalidUTF8(data)
            throw Diagnostic(at: SourceLocation(file: path, line: offset.line, column: offset.column),
                             "the file is not valid UTF-8", hint: "save it as UTF-8")
        }
        return SourceFile(path: path, text: text, digest: ByteDigest.of(bytes))
    }

    static func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= data.endIndex,
                  String(data: data[index..<index + length], encoding: .utf8) != nil else { break }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }

    /// The text of line `number`, for showing an error with a caret; found only when needed.
    func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in text.split(separator: "\n", maxSplits: number, omittingEmptySubsequences: false) {
            if current == number { return String(line) }
            current += 1
        }
        return nil
    }

    func diagnostic(_ location: SourceLocation?, _ message: String, hint: String? = nil,
                    severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(severity, at: location, message, hint: hint, sourceLine: location.flatMap { line($0.line) })
    }

    /// Parses the text into a node tree; a syntax error becomes a diagnostic with its position.
    func compose() throws(Diagnostic) -> YAMLNode? {
        if let deep = Self.excessiveNesting(text) {
            throw diagnostic(SourceLocation(file: path, line: deep, column: 1),
                             "the YAML is nested more than \(Self.maximumNesting) levels deep")
        }
        switch composeProblem() {
        case .success(let node): return node
        case .failure(let problem): throw diagnostic(for: problem)
        }
    }

    /// The node tree, or what libyaml or the composer refused, before it becomes a message:
    /// the answer-file reader weighs it against the JSON reader's verdict.
    func composeProblem() -> Result<YAMLNode?, YAMLProblem> {
        var text = self.text
        // Every scalar stays a string: the readers type values themselves, and guessing types
        // here (as YAML 1.1 would: `no` is false, `1_0` is 10) is exactly what they avoid.
        return text.withUTF8 { bytes in
            Result { () throws(YAMLProblem) -> YAMLNode? in try YAMLComposer.compose(bytes) }
        }
    }

    /// The message for a problem `composeProblem()` returned.
    func diagnostic(for problem: YAMLProblem) -> Diagnostic {
        switch problem {
        case .syntax(let problem, let context, let line, let column):
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context)" }
            return diagnostic(SourceLocation(file: path, line: line, column: column), message)
        case .duplicateKeys(let duplicates, let mark):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return diagnostic(location(mark), "duplicate key \(keys) in one mapping", hint: "each key may appear once")
        case .reader(let problem, let offset):
            return diagnostic(location(YAMLNode.Mark(offset: offset)), "cannot read \(path): \(problem)")
        case .tooDeep(let line):
            return diagnostic(SourceLocation(file: path, line: line, column: 1),
                              "the YAML is nested more than \(YAMLComposer.maximumDepth) levels deep")
        case .aliasExpansion(let line, let column):
            return diagnostic(SourceLocation(file: path, line: line, column: column),
                              "aliases here repeat more than \(YAMLComposer.maximumAliasedNodes) nodes",
                              hint: "write the values out instead of repeating them through nested aliases")
        case .memory:
            return diagnostic(nil, "cannot parse \(path): out of memory")
        }
    }

    /// The line and column of `mark`; a byte offset (from the JSON reader) is counted out here,
    /// only when a message needs it. Columns count Unicode scalars, as libyaml's do.
    func location(_ mark: YAMLNode.Mark) -> SourceLocation {
        if let (line, column) = mark.lineAndColumn { return SourceLocation(file: path, line: line, column: column) }
        var text = self.text
        let (line, column) = text.withUTF8 { Self.lineAndColumn(ofOffset: mark.offset ?? 0, in: $0) }
        return SourceLocation(file: path, line: line, column: column)
    }

    /// Line and column (from 1) of the byte at `offset`.
    static func lineAndColumn(ofOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in UnsafeBufferPointer(rebasing: bytes[..<min(max(0, offset), bytes.count)]) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    static let maximumNesting = 64

    /// Whatever walks, compares or releases a node tree recurses once per nesting level: refuse
    /// absurd nesting before parsing, with the line where it happens (the composer's own limit
    /// is only a backstop). Counts open flow brackets and indentation steps.
    static func excessiveNesting(_ text: String) -> Int? {
        var text = text
        // On the contiguous bytes: the UTF-8 view's iterator is several times slower, and this
        // runs over every questionnaire file at every start.
        return text.withUTF8(excessiveNesting)
    }

    private static func excessiveNesting(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var depth = 0, line = 1, indent = 0, atLineStart = true
        var quote: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { line += 1; indent = 0; atLineStart = true; continue }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    indent += 1
                    if indent > maximumNesting * 4 { return line }
                    continue
                }
                atLineStart = false
            }
            if quote != 0 { if byte == quote { quote = 0 }; continue }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumNesting { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}

/// Reads typed fields out of YAML nodes and collects every problem instead of stopping at the
/// first, so that `check` can list them all.
final class NodeReader {
    let file: SourceFile
    let languages: [String]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile, languages: [String]) {
        self.file = file
        self.languages = languages
    }

    func location(_ node: YAMLNode?) -> SourceLocation? {
        guard let node else { return nil }
        return file.location(node.mark)
    }

    func error(_ node: YAMLNode?, _ message: String, hint: String? = nil) {
        diagnostics.append(file.diagnostic(location(node), message, hint: hint))
    }

    func error(at location: SourceLocation?, _ message: String, hint: String? = nil) {
        diagnostics.append(file.diagnostic(location, message, hint: hint))
    }

    func warning(at location: SourceLocation?, _ message: String, hint: String? = nil) {
        diagnostics.append(file.diagnostic(location, message, hint: hint, severity: .warning))
    }

    /// The mapping's fields in order; reports fields not in `allowed` with a suggestion.
    func fields(_ node: YAMLNode?, _ what: String, allowed: [String]) -> Fields? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping of fields (key: value)")
            return nil
        }
        var result = Fields(node: node, what: what, reader: self)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error(key, "a field name in \(what) must be a plain word")
                continue
            }
            if !allowed.contains(name) {
                let hint = Spelling.suggestion(for: name, among: allowed).map { "did you mean '\($0)'?" }
                    ?? "known fields: " + allowed.joined(separator: ", ")
                error(key, "unknown field '\(name)' in \(what)", hint: hint)
                continue
            }
            result.values[name] = value
            result.keys[name] = key
        }
        return result
    }

    func sequence(_ node: YAMLNode?, _ what: String) -> [YAMLNode] {
        guard let node else { return [] }
        if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" || s.string == "null" { return [] }
        guard case .sequence(let seq) = node else {
            error(node, "\(what) must be a list")
            return []
        }
        return Array(seq)
    }

    func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, "\(what) must be a single value, not a list or mapping")
            return nil
        }
        return scalar.string
    }

    func identifier(_ node: YAMLNode?, _ what: String, pattern: IdentifierPattern = .answer) -> String? {
        guard let s = string(node, what) else { return nil }
        if !pattern.matches(s) {
            error(node, "\(what) '\(s)' is not a valid id", hint: pattern.hint)
            return nil
        }
        return s
    }

    func number(_ node: YAMLNode?, _ what: String) -> Double? {
        guard let s = string(node, what) else { return nil }
        guard let n = Double(s), n.isFinite else {
            error(node, "\(what) must be a finite number, not '\(s)'")
            return nil
        }
        return n
    }

    func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let s = string(node, what) else { return nil }
        switch s.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what) must be true or false, not '\(s)'")
            return nil
        }
    }

    func strings(_ node: YAMLNode?, _ what: String) -> [String] {
        sequence(node, what).compactMap { string($0, "an entry of \(what)") }
    }

    /// A text in every declared language; a missing translation is reported by name.
    func text(_ node: YAMLNode?, _ what: String) -> LocalizedText? {
        guard let node else { return nil }
        if case .scalar = node {
            error(node, "\(what) must give a text per language", hint: "write en: ... and de: ... on their own lines")
            return nil
        }
        guard let f = fields(node, what, allowed: languages) else { return nil }
        var texts: [Language: String] = [:]
        for language in languages {
            guard let value = f.values[language] else {
                error(node, "\(what) has no '\(language)' text", hint: "every text needs \(languages.joined(separator: " and "))")
                continue
            }
            if let s = string(value, "the \(language) text of \(what)") {
                if s.allSatisfy(\.isWhitespace) {
                    error(value, "the \(language) text of \(what) is empty")
                }
                if let code = Language(rawValue: language) { texts[code] = s }
            }
        }
        return LocalizedText(texts)
    }

    func source(_ node: YAMLNode?, _ what: String) -> SourceRef? {
        guard let f = fields(node, "the source of \(what)", allowed: ["file", "section"]) else { return nil }
        guard let file = f.required("file", string), let section = f.required("section", string) else { return nil }
        return SourceRef(file: file, section: section)
    }

    /// Parses an expression, reporting a syntax error at its exact column.
    func expression(_ node: YAMLNode?, _ what: String) -> Expression? {
        guard let node, let text = string(node, what) else { return nil }
        var start = location(node)
        if case .scalar(let scalar) = node, scalar.style == .doubleQuoted || scalar.style == .singleQuoted {
            start = start?.advanced(by: 1)
        }
        do {
            let root = try ExpressionParser.parse(text)
            return Expression(source: text, root: root, location: start)
        } catch {
            let prefix = text.prefix(error.offset)
            let at = prefix.contains("\n") ? start : start?.advanced(by: prefix.count)
            self.error(at: at, "in \(what): \(error.message)", hint: error.hint)
            return nil
        }
    }
}

/// The fields of one YAML mapping, read by name.
struct Fields {
    let node: YAMLNode
    let what: String
    unowned let reader: NodeReader
    var values: [String: YAMLNode] = [:]
    var keys: [String: YAMLNode] = [:]

    init(node: YAMLNode, what: String, reader: NodeReader) {
        self.node = node
        self.what = what
        self.reader = reader
    }

    subscript(_ name: String) -> YAMLNode? { values[name] }

    /// Reads a field that must be there; reports it missing otherwise.
    func required<T>(_ name: String, _ read: (YAMLNode?, String) -> T?) -> T? {
        guard let value = values[name] else {
            reader.error(node, "\(what) needs the field '\(name)'")
            return nil
        }
        return read(value, "'\(name)' of \(what)")
    }

    func optional<T>(_ name: String, _ read: (YAMLNode?, String) -> T?) -> T? {
        guard let value = values[name] else { return nil }
        return read(value, "'\(name)' of \(what)")
    }
}

/// The shapes ids may take.
enum IdentifierPattern {
    /// Answer and catalog ids: `duration_weeks`.
    case answer
    /// Rule and questionnaire ids: `low-back-6-weeks`.
    case slug

    func matches(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s.count <= 64 else { return false }
        return s.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "_" || (self == .slug && c == "-")
        }
    }

    var hint: String {
        switch self {
        case .answer: return "use lower-case letters, digits and _, starting with a letter"
        case .slug: return "use lower-case letters, digits, - and _, starting with a letter"
        }
    }
}

/// "Did you mean" suggestions for misspelt names.
public enum Spelling {
    /// The closest candidate within a small edit distance, if any.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
