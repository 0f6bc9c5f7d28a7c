/// Word wrapping and cutting in display cells: the one wrapper every output uses, so a German
/// umlaut, a wide character or a combining mark takes the room a terminal gives it.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` cells, breaking at spaces; a word longer than
    /// a line is cut. Newlines start new lines. Works on the UTF-8 bytes (a space and a newline
    /// are single bytes that never occur inside another character): splitting into Characters
    /// was half the time of writing a result as text.
    public static func lines(_ text: String, width: Int) -> [String] {
        var out: [String] = []
        forEachLine(text, width: width) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// The lines of `lines(_:width:)`, each handed to `body` as UTF-8 (valid only during the
    /// call), so a caller writing them into one buffer makes no String per line.
    static func forEachLine(_ text: String, width: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard width > 0 else { return }
        var text = text
        text.withUTF8 { bytes in
            var line: [UInt8] = []
            var lineWidth = 0
            func endLine() {
                line.withUnsafeBufferPointer(body)
                line.removeAll(keepingCapacity: true)
                lineWidth = 0
            }
            var i = 0
            let n = bytes.count
            while true {
                // Skip spaces; a newline or the end closes the line.
                while i < n && bytes[i] == UInt8(ascii: " ") { i += 1 }
                if i == n { endLine(); break }
                if bytes[i] == UInt8(ascii: "\n") { endLine(); i += 1; continue }
                let start = i
                var plain = true
                while i < n && bytes[i] != UInt8(ascii: " ") && bytes[i] != UInt8(ascii: "\n") {
                    if bytes[i] < 0x20 || bytes[i] >= 0x7F { plain = false }
                    i += 1
                }
                let wordBytes = UnsafeBufferPointer(rebasing: bytes[start..<i])
                var w = plain ? wordBytes.count : DisplayWidth.of(String(decoding: wordBytes, as: UTF8.self))
                if lineWidth > 0 && lineWidth + 1 + w > width { endLine() }
                if w <= width {
                    if lineWidth > 0 { line.append(UInt8(ascii: " ")); lineWidth += 1 }
                    line.append(contentsOf: wordBytes)
                    lineWidth += w
                    continue
                }
                // A word longer than a line: cut it, by characters.
                var word = String(decoding: wordBytes, as: UTF8.self)
                while w > width {
                    var (head, rest) = split(word, at: width)
                    head.withUTF8(body)
                    word = rest
                    w = DisplayWidth.of(word)
                }
                line = Array(word.utf8)
                lineWidth = w
            }
        }
    }

    /// Wrapped lines with `first` before the first and `rest` before the others, each at most
    /// `width` cells including the prefix.
    public static func lines(_ text: String, width: Int, first: String, rest: String) -> [String] {
        let room = max(1, width - max(DisplayWidth.of(first), DisplayWidth.of(rest)))
        return lines(text, width: room).enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    /// `text` cut to `width` cells, ending in `ellipsis` when anything was cut.
    public static func fitted(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return String(ellipsis.prefix(max(0, width))) }
        var out = "", used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        while out.last == " " { out.removeLast() }
        return out + ellipsis
    }

    /// `text` padded with spaces to `width` cells.
    public static func padded(_ text: String, width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    private static func split(_ word: String, at cells: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let w = DisplayWidth.of(word[index])
            if used + w > max(cells, 1) { break }
            head.append(word[index])
            used += w
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}

/// Lines of text in one UTF-8 buffer, each ending in a newline: a long text (a result) is built
/// here, so that wrapping makes no String per line and joining copies nothing again. Writing a
/// result as text spent a third of its time making, prefixing and joining line Strings.
public struct TextLines {
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(8192) }

    /// Appends `line` as it is.
    public mutating func append(_ line: String) {
        var line = line
        line.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends the lines of `TextWrap.lines(_:width:first:rest:)`.
    public mutating func wrap(_ text: String, width: Int, first: String = "", rest: String? = nil) {
        let rest = rest ?? first
        let room = max(1, width - max(DisplayWidth.of(first), DisplayWidth.of(rest)))
        var isFirst = true
        TextWrap.forEachLine(text, width: room) { line in
            append(prefix: isFirst ? first : rest)
            isFirst = false
            bytes.append(contentsOf: line)
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    private mutating func append(prefix: String) {
        guard !prefix.isEmpty else { return }
        var prefix = prefix
        prefix.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Whether the last line appended is empty (false when there is none). Every line ends in a
    /// newline, so an empty last line is the only byte or follows another newline.
    public var endsWithEmptyLine: Bool {
        bytes.count == 1 || (bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\n"))
    }

    /// Every line, each ending in a newline.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
