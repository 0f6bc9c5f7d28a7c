/// A 64-bit digest of bytes, to tell whether a file is still the one a cache was made from.
/// Not cryptographic: it guards against stale data, not against someone who can write the
/// cache (they could as well edit the questionnaire).
struct ByteDigest {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: bytes.count) &* prime1
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            h = ((h ^ (word &* prime2)) << 31 | (h ^ (word &* prime2)) >> 33) &* prime1
            offset += 8
        }
        while offset < bytes.count {
            h = (h ^ UInt64(bytes[offset])) &* prime2
            offset += 1
        }
        // The finaliser of MurmurHash3: every input bit affects every output bit.
        h ^= h >> 33; h &*= 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33; h &*= 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }
}

/// Writes values as compact bytes: integers as variable-length numbers, strings once each in a
/// table that the values refer to by number (ids and file paths repeat hundreds of times).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []
    private var stringNumbers: [String: Int] = [:]
    private(set) var strings: [String] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(bits & 0xFF))
            bits >>= 8
        }
    }

    mutating func string(_ value: String) {
        if let number = stringNumbers[value] { return count(number) }
        stringNumbers[value] = strings.count
        count(strings.count)
        strings.append(value)
    }

    /// A string written in place, not through the table (the table itself, headers).
    mutating func literal(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        count(values.count)
        for value in values { write(&self, value) }
    }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Bytes that do not read as what was written: a cache that was cut short or damaged.
struct DamagedBytes: Error {}

/// Reads what a `ByteWriter` wrote, checking every length against the bytes there are, so that
/// damaged bytes end in `DamagedBytes`, never in a crash. The bytes must outlive the reader.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private var table: [String] = []

    init(_ bytes: UnsafeRawBufferPointer, from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func byte() throws(DamagedBytes) -> UInt8 {
        guard position < bytes.count else { throw DamagedBytes() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func unsigned() throws(DamagedBytes) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw DamagedBytes() }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(DamagedBytes) -> Int {
        let v = try unsigned()
        return Int(Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1))))
    }

    /// A count of things still to read: never more than the bytes left, each taking at least one.
    mutating func count() throws(DamagedBytes) -> Int {
        let v = try unsigned()
        guard v <= UInt64(bytes.count - position) else { throw DamagedBytes() }
        return Int(v)
    }

    mutating func bool() throws(DamagedBytes) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw DamagedBytes()
        }
    }

    mutating func double() throws(DamagedBytes) -> Double {
        guard bytes.count - position >= 8 else { throw DamagedBytes() }
        var bits: UInt64 = 0
        for i in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[position + i]) }
        position += 8
        return Double(bitPattern: bits)
    }

    mutating func string() throws(DamagedBytes) -> String {
        let number = try unsigned()
        guard number < UInt64(table.count) else { throw DamagedBytes() }
        return table[Int(number)]
    }

    mutating func literal() throws(DamagedBytes) -> String {
        let length = try count()
        defer { position += length }
        guard let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]),
                                as: UTF8.self) else { throw DamagedBytes() }
        return text
    }

    /// Reads the table of strings that `string()` refers to.
    mutating func stringTable() throws(DamagedBytes) {
        let n = try count()
        table.reserveCapacity(n)
        for _ in 0..<n { table.append(try literal()) }
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws(DamagedBytes) -> T) throws(DamagedBytes) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ByteReader) throws(DamagedBytes) -> T) throws(DamagedBytes) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try read(&self)) }
        return values
    }

    /// A value of a type with raw string values, e.g. an enum of the data's words.
    mutating func word<T: RawRepresentable<String>>(_ type: T.Type = T.self) throws(DamagedBytes) -> T {
        guard let value = T(rawValue: try string()) else { throw DamagedBytes() }
        return value
    }
}
