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
            out += "\n    " + sourceLine
            let pad = String(repeating: " ", count: max(0, location.column - 1))
            out += "\n    " + pad + "^"
        }
        if let hint { out += "\n  hint: \(hint)" }
        return out
    }
}

/// Several problems at once: every problem `check` found, not only the first.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]
    public init(_ items: [Diagnostic]) { self.items = items }
    public var description: String { items.map(\.description).joined(separator: "\n") }
}
