#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// A JSON value whose objects keep their key order, so output reads in a sensible order and is
/// byte-for-byte stable for golden files.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    public init(_ value: Value?) {
        switch value {
        case nil: self = .null
        case .bool(let b)?: self = .bool(b)
        case .number(let n)?: self = .number(n)
        case .string(let s)?: self = .string(s)
        case .list(let l)?: self = .array(l.map(JSON.string))
        }
    }

    /// Serialises with two-space indentation (`pretty`) or on one line.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 of `serialized`, for writing out without making a String first.
    public func bytes(pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        write(into: &writer)
        return writer.bytes
    }

    /// Writes this value through `writer`, which owns the layout.
    public func write(into writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .number(let n): writer.number(n)
        case .string(let s): writer.string(s)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(into: &writer) }
            writer.endArray()
        case .object(let fields):
            writer.beginObject()
            for (key, value) in fields {
                writer.key(key)
                value.write(into: &writer)
            }
            writer.endObject()
        }
    }

    /// A number written so that reading it back gives the same `Double`: whole numbers without
    /// a fraction, others in Swift's shortest round-trip form (`1.4285714285714286`, `2.004`).
    /// Rounding here once changed results after a round trip through JSON or FHIR.
    static func number(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }
}
