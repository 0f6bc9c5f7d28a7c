import Synchronization

/// Word wrapping and cutting in display cells: the one wrapper every output uses, so a German
/// umlaut, a wide character or a combining mark takes the room a terminal gives it.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` cells, breaking at spaces; a word longer than
    /// a line is cut. Newlines start new lines. Works on the UTF-8 bytes (a space and a newline
    /// are single bytes that never occur inside another character): splitting into Characters
    /// was half the time of writing a result as text.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var wrapped = TextLines()
        wrapped.wrap(text, width: width)
        return wrapped.lines
    }

    /// Wrapped lines with `first` before the first and `rest` before the others, each at most
    /// `width` cells including the prefix.
    public static func lines(_ text: String, width: Int, first: String, rest: String) -> [String] {
        var wrapped = TextLines()
        wrapped.wrap(text, width: width, first: first, rest: rest)
        return wrapped.lines
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

    static func split(_ word: String, at cells: Int) -> (String, String) {
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

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends `line` as it is.
    public mutating func append(_ line: String) {
        var line = line
        line.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends the lines of `TextWrap.lines(_:width:first:rest:)`: `text` broken at spaces into
    /// lines of at most `width` cells including the prefix, `first` before the first line and
    /// `rest` before the others; a word longer than a line is cut, and newlines start new lines.
    /// Works on the UTF-8 bytes (a space and a newline are single bytes that never occur inside
    /// another character) and writes each word straight into the buffer: splitting into
    /// Characters, and later making a String of each line, were most of the time of writing a
    /// result as text.
    public mutating func wrap(_ text: String, width: Int, first: String = "", rest: String? = nil) {
        let rest = rest ?? first
        let room = max(1, width - max(DisplayWidth.of(first), DisplayWidth.of(rest)))
        var line = Line(first: first, rest: rest)
        var text = text
        text.withUTF8 { Self.wrap($0, room: room, line: &line, into: &bytes) }
    }

    /// The line `wrap` is writing. Its state is a value passed along rather than variables
    /// captured by local functions: those were checked for exclusive access on every use, a
    /// fifth of the time of wrapping.
    private struct Line {
        let first: String
        let rest: String
        var begun = 0
        var isOpen = false
        var width = 0
        /// The bytes of the text decided for this line and not yet copied: words one space apart
        /// in the text go out in one copy, not one a word.
        var run: Range<Int>?

        init(first: String, rest: String) {
            self.first = first
            self.rest = rest
        }

        /// A line begins with its prefix once something is written to it, or when it ends empty.
        mutating func open(_ bytes: inout [UInt8]) {
            guard !isOpen else { return }
            var prefix = begun == 0 ? first : rest
            if !prefix.isEmpty { prefix.withUTF8 { bytes.append(contentsOf: $0) } }
            begun += 1
            isOpen = true
        }

        /// Puts the word at `word` of `source` on the line, after a space unless it is the first.
        mutating func add(_ word: Range<Int>, of source: UnsafeBufferPointer<UInt8>, width w: Int, _ bytes: inout [UInt8]) {
            open(&bytes)
            if width > 0 {
                if let run, run.upperBound + 1 == word.lowerBound, source[run.upperBound] == UInt8(ascii: " ") {
                    self.run = run.lowerBound..<word.upperBound
                } else {
                    flush(source, &bytes)
                    bytes.append(UInt8(ascii: " "))
                    run = word
                }
                width += 1
            } else {
                flush(source, &bytes)
                run = word
            }
            width += w
        }

        mutating func flush(_ source: UnsafeBufferPointer<UInt8>, _ bytes: inout [UInt8]) {
            guard let run else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run]))
            self.run = nil
        }

        mutating func close(_ source: UnsafeBufferPointer<UInt8>, _ bytes: inout [UInt8]) {
            flush(source, &bytes)
            open(&bytes)
            bytes.append(UInt8(ascii: "\n"))
            isOpen = false
            width = 0
        }
    }

    private static func wrap(_ source: UnsafeBufferPointer<UInt8>, room: Int, line: inout Line, into bytes: inout [UInt8]) {
        var i = 0
        let n = source.count
        while true {
            // Skip spaces; a newline or the end closes the line.
            while i < n && source[i] == UInt8(ascii: " ") { i += 1 }
            if i == n { line.close(source, &bytes); break }
            if source[i] == UInt8(ascii: "\n") { line.close(source, &bytes); i += 1; continue }
            let start = i
            var plain = true
            while i < n && source[i] != UInt8(ascii: " ") && source[i] != UInt8(ascii: "\n") {
                if source[i] < 0x20 || source[i] >= 0x7F { plain = false }
                i += 1
            }
            var w = plain ? i - start : DisplayWidth.of(String(decoding: UnsafeBufferPointer(rebasing: source[start..<i]), as: UTF8.self))
            if line.width > 0 && line.width + 1 + w > room { line.close(source, &bytes) }
            if w <= room {
                line.add(start..<i, of: source, width: w, &bytes)
                continue
            }
            // A word longer than a line: cut it, by characters.
            line.flush(source, &bytes)
            var remainder = String(decoding: UnsafeBufferPointer(rebasing: source[start..<i]), as: UTF8.self)
            while w > room {
                var (head, tail) = TextWrap.split(remainder, at: room)
                line.open(&bytes)
                head.withUTF8 { bytes.append(contentsOf: $0) }
                line.close(source, &bytes)
                remainder = tail
                w = DisplayWidth.of(remainder)
            }
            line.open(&bytes)
            remainder.withUTF8 { bytes.append(contentsOf: $0) }
            line.width = w
        }
    }

    /// Appends `wrap(text, width:first:rest:)` of a text that recurs from result to result (a
    /// catalog entry's explanation): the wrapped lines come from `cache` after the first time.
    public mutating func wrap(recurring text: String, width: Int, first: String, rest: String, cache: WrapCache) {
        let key = WrapCache.Key(text: text, width: width, first: first, rest: rest)
        if let wrapped = cache[key] {
            bytes.append(contentsOf: wrapped)
            return
        }
        var lines = TextLines()
        lines.wrap(text, width: width, first: first, rest: rest)
        cache[key] = lines.bytes
        bytes.append(contentsOf: lines.bytes)
    }

    /// Whether the last line appended is empty (false when there is none). Every line ends in a
    /// newline, so an empty last line is the only byte or follows another newline.
    public var endsWithEmptyLine: Bool {
        bytes.count == 1 || (bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\n"))
    }

    /// The lines, without their newlines.
    public var lines: [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}

/// Wrapped texts kept for reuse, shared by every thread: a batch of results wraps the same
/// explanations over and over (a tenth of writing a result as text). Holds at most `capacity`
/// texts, so it cannot grow with what it is given.
public final class WrapCache: Sendable {
    struct Key: Hashable, Sendable {
        var text: String
        var width: Int
        var first: String
        var rest: String
    }

    private let wrapped = Mutex<[Key: [UInt8]]>([:])
    private let capacity: Int

    public init(capacity: Int = 1024) { self.capacity = capacity }

    /// The cache `ResultText` uses.
    public static let shared = WrapCache()

    subscript(key: Key) -> [UInt8]? {
        get { wrapped.withLock { $0[key] } }
        set { wrapped.withLock { if $0.count < capacity { $0[key] = newValue } } }
    }
}
