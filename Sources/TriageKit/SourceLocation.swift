/// A position in a file, counted from 1 as editors do.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// The location `offset` characters further along the same line.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }
}

/// A problem found in a file, with what to do about it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    public var hint: String?
    /// The text of the line the location points into, to show with a caret.
    public var sourceLine: String?

    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String,
                hint: String? = nil, sourceLine: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    public var description: String {
        var out = ""
        if let location { out += "\(location): " }
        out += "\(severity.rawValue): \(message)"
        if let sourceLine, let location {
            let (excerpt, caret) = Self.excerpt(of: sourceLine, around: location.column)
            out += "\n    " + excerpt
            out += "\n    " + String(repeating: " ", count: caret) + "^"
        }
        if let hint { out += "\n  hint: \(hint)" }
        return out
    }
}

extension Diagnostic {
    /// The most of a source line a message shows: a line of 200 KB (a file of 100,000 nested
    /// brackets) would otherwise fill the terminal, with the caret far off screen.
    static let excerptWidth = 100

    /// The part of `line` around `column` shown under a message, cut to about `excerptWidth`
    /// characters with "…" where it was cut, and how many characters precede the caret in it.
    /// Characters are counted as columns are, in Unicode scalars.
    static func excerpt(of line: String, around column: Int) -> (text: String, caret: Int) {
        let scalars = Array(line.unicodeScalars)
        let at = max(0, column - 1)
        guard scalars.count > excerptWidth else { return (line, at) }
        // The caret stands in the middle of the excerpt, or as far to the side as the line allows.
        let start = max(0, min(at - excerptWidth / 2, scalars.count - excerptWidth))
        let end = min(scalars.count, start + excerptWidth)
        var text = String(String.UnicodeScalarView(scalars[start..<end]))
        if start > 0 { text = "…" + text }
        if end < scalars.count { text += "…" }
        return (text, at - start + (start > 0 ? 1 : 0))
    }
}

/// Several problems at once: every problem `check` found, not only the first.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]
    public init(_ items: [Diagnostic]) { self.items = items }
    public var description: String { items.map(\.description).joined(separator: "\n") }
}
