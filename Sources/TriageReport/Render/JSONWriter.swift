/// Writes JSON straight into one byte buffer, on one line or with two-space indentation, with
/// keys in the order they are written. `JSON.bytes` writes a tree through it and `ReportJSON`
/// writes a result through it without building a tree first: making and freeing the tree was
/// a sixth of a batch evaluation's time.
public struct JSONWriter {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// Whether the innermost open object or array has nothing in it yet.
    private var empty = true
    /// Whether a key was just written, so the value follows it without a separator.
    private var afterKey = false
    private var depth = 0

    public init(pretty: Bool = false, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The key of the next value in the open object.
    public mutating func key(_ key: String) {
        separate()
        quote(key)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: Values

    public mutating func null() { literal("null") }
    public mutating func bool(_ b: Bool) { literal(b ? "true" : "false") }
    public mutating func number(_ n: Double) {
        beginValue()
        var text: String = JSON.number(n)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }
    public mutating func string(_ s: String) {
        beginValue()
        quote(s)
    }
    /// An array of strings.
    public mutating func strings<S: Sequence>(_ list: S) where S.Element == String {
        beginArray()
        for s in list { string(s) }
        endArray()
    }

    // MARK: Keyed shorthands

    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field<S: Sequence>(_ name: String, strings list: S) where S.Element == String { key(name); strings(list) }

    // MARK: Layout

    private mutating func literal(_ text: StaticString) {
        beginValue()
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Before a value: nothing after a key, else (in an array) the comma and the line break.
    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        if depth > 0 { separate() }
    }

    private mutating func separate() {
        if !empty { bytes.append(UInt8(ascii: ",")) }
        empty = false
        newline()
    }

    private mutating func open(_ bracket: UInt8) {
        beginValue()
        bytes.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !empty { newline() }
        bytes.append(bracket)
        // The container just closed is a value of the one around it, which is therefore not empty.
        empty = false
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func quote(_ s: String) {
        var s = s
        s.withUTF8 { source in
            bytes.append(UInt8(ascii: "\""))
            // Ids and most words need no escape: copied whole once that is seen.
            if !source.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: source)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            var start = 0
            for (i, byte) in source.enumerated() {
                let escaped: StaticString?
                switch byte {
                case UInt8(ascii: "\""): escaped = "\\\""
                case UInt8(ascii: "\\"): escaped = "\\\\"
                case UInt8(ascii: "\n"): escaped = "\\n"
                case UInt8(ascii: "\r"): escaped = "\\r"
                case UInt8(ascii: "\t"): escaped = "\\t"
                case ..<0x20: escaped = nil
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<i]))
                if let escaped {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
                } else {
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(hex.utf8Start[Int(byte >> 4)])
                    bytes.append(hex.utf8Start[Int(byte & 0xF)])
                }
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
