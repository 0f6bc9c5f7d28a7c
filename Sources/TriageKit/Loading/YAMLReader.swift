import Foundation
import Yams
#if canImport(Glibc)
import Glibc
#endif

/// A YAML file read into memory, with its lines for error messages.
struct SourceFile {
    /// Files larger than this are refused: no questionnaire comes near it.
    static let maximumSize = 4 * 1024 * 1024

    var path: String
    var text: String

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    static func read(_ path: String) throws(Diagnostic) -> SourceFile {
        let url = URL(fileURLWithPath: path)
        // stat(2), not FileManager's attributes: those look up the owner's name, which asks the
        // name service over a socket; this program opens none.
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > maximumSize {
            let size = Int(info.st_size)
            throw Diagnostic(at: SourceLocation(file: path, line: 1, column: 1),
                             "the file is \(size / 1024) KiB; questionnaire files may be at most \(maximumSize / 1024 / 1024) MiB")
        }
        guard let data = try? Data(contentsOf: url) else {
            throw Diagnostic(at: nil, "cannot read \(path)", hint: "check that the file exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = Self.firstInvalidUTF8(data)
            throw Diagnostic(at: SourceLocation(file: path, line: offset.line, column: offset.column),
                             "the file is not valid UTF-8", hint: "save it as UTF-8")
        }
        return SourceFile(path: path, text: text)
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

    /// Parses the text into a YAML node tree; a syntax error becomes a diagnostic with its position.
    func compose() throws(Diagnostic) -> Node? {
        if let deep = Self.excessiveNesting(text) {
            throw diagnostic(SourceLocation(file: path, line: deep, column: 1),
                             "the YAML is nested more than \(Self.maximumNesting) levels deep")
        }
        do {
            // The basic resolver tags every scalar as a string: this reader types values itself, and
            // Yams' default resolver runs regular expressions on every scalar to guess types.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        } catch {
            throw diagnostic(nil, "cannot parse YAML: \(error)")
        }
    }

    static let maximumNesting = 64

    /// libyaml recurses once per nesting level: refuse absurd nesting before it can exhaust the
    /// stack. Counts open flow brackets and indentation steps; returns the offending line.
    static func excessiveNesting(_ text: String) -> Int? {
        var depth = 0, line = 1, indent = 0, atLineStart = true
        var quote: UInt8 = 0
        for byte in text.utf8 {
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

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = SourceLocation(file: path, line: mark.line, column: mark.column)
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            return diagnostic(where_, message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            let where_ = SourceLocation(file: path, line: context.mark.line, column: context.mark.column)
            return diagnostic(where_, "duplicate key \(keys) in one mapping", hint: "each key may appear once")
        case .reader(let problem, _, _, _):
            return diagnostic(nil, "cannot read \(path): \(problem)")
        default:
            return diagnostic(nil, "cannot parse \(path): \(error)")
        }
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

    func location(_ node: Node?) -> SourceLocation? {
        guard let mark = node?.mark else { return nil }
        return SourceLocation(file: file.path, line: mark.line, column: mark.column)
    }

    func error(_ node: Node?, _ message: String, hint: String? = nil) {
        diagnostics.append(file.diagnostic(location(node), message, hint: hint))
    }

    func error(at location: SourceLocation?, _ message: String, hint: String? = nil) {
        diagnostics.append(file.diagnostic(location, message, hint: hint))
    }

    func warning(at location: SourceLocation?, _ message: String, hint: String? = nil) {
        diagnostics.append(file.diagnostic(location, message, hint: hint, severity: .warning))
    }

    /// The mapping's fields in order; reports fields not in `allowed` with a suggestion.
    func fields(_ node: Node?, _ what: String, allowed: [String]) -> Fields? {
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

    func sequence(_ node: Node?, _ what: String) -> [Node] {
        guard let node else { return [] }
        if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" || s.string == "null" { return [] }
        guard case .sequence(let seq) = node else {
            error(node, "\(what) must be a list")
            return []
        }
        return Array(seq)
    }

    func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, "\(what) must be a single value, not a list or mapping")
            return nil
        }
        return scalar.string
    }

    func identifier(_ node: Node?, _ what: String, pattern: IdentifierPattern = .answer) -> String? {
        guard let s = string(node, what) else { return nil }
        if !pattern.matches(s) {
            error(node, "\(what) '\(s)' is not a valid id", hint: pattern.hint)
            return nil
        }
        return s
    }

    func number(_ node: Node?, _ what: String) -> Double? {
        guard let s = string(node, what) else { return nil }
        guard let n = Double(s), n.isFinite else {
            error(node, "\(what) must be a finite number, not '\(s)'")
            return nil
        }
        return n
    }

    func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let s = string(node, what) else { return nil }
        switch s.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what) must be true or false, not '\(s)'")
            return nil
        }
    }

    func strings(_ node: Node?, _ what: String) -> [String] {
        sequence(node, what).compactMap { string($0, "an entry of \(what)") }
    }

    /// A text in every declared language; a missing translation is reported by name.
    func text(_ node: Node?, _ what: String) -> LocalizedText? {
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

    func source(_ node: Node?, _ what: String) -> SourceRef? {
        guard let f = fields(node, "the source of \(what)", allowed: ["file", "section"]) else { return nil }
        guard let file = f.required("file", string), let section = f.required("section", string) else { return nil }
        return SourceRef(file: file, section: section)
    }

    /// Parses an expression, reporting a syntax error at its exact column.
    func expression(_ node: Node?, _ what: String) -> Expression? {
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
    let node: Node
    let what: String
    unowned let reader: NodeReader
    var values: [String: Node] = [:]
    var keys: [String: Node] = [:]

    init(node: Node, what: String, reader: NodeReader) {
        self.node = node
        self.what = what
        self.reader = reader
    }

    subscript(_ name: String) -> Node? { values[name] }

    /// Reads a field that must be there; reports it missing otherwise.
    func required<T>(_ name: String, _ read: (Node?, String) -> T?) -> T? {
        guard let value = values[name] else {
            reader.error(node, "\(what) needs the field '\(name)'")
            return nil
        }
        return read(value, "'\(name)' of \(what)")
    }

    func optional<T>(_ name: String, _ read: (Node?, String) -> T?) -> T? {
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
