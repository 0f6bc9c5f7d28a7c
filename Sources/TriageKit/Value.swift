#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An answer or the result of an expression. An unanswered item has no `Value` (it is *unknown*).
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case string(String)
    /// The selected options of a multiple-choice item.
    case list([String])

    public var description: String {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return Value.format(n)
        case .string(let s): return "'\(s)'"
        case .list(let l): return "[" + l.map { "'\($0)'" }.joined(separator: ", ") + "]"
        }
    }

    /// The value as a person reads it: numbers without a needless ".0", strings without quotes.
    public var plain: String {
        switch self {
        case .string(let s): return s
        case .list(let l): return l.joined(separator: ", ")
        default: return description
        }
    }

    /// Formats a number without a trailing ".0" and with at most two decimals.
    public static func format(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        var t = FixedNumber.string(n, decimals: 2)
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}

