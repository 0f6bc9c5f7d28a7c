/// Display cells per character, as terminals count them: combining marks 0, East Asian wide and
/// emoji 2, everything else 1. Pure Swift, so layout does not depend on the C library.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        return of(first)
    }

    /// The width of a character that begins with `scalar`. Printable ASCII and Latin-1 (the
    /// German letters) answer at once: looking up Unicode properties for every letter was most
    /// of the time of writing a result as text.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v >= 0xA0 && v < 0x300 { return v == 0xAD ? 0 : 1 }
        let props = scalar.properties
        switch props.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if props.isEmojiPresentation { return 2 }
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]

    public static func of(_ text: String) -> Int {
        // All printable ASCII: one cell a byte.
        var ascii = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            ascii = false
            break
        }
        if ascii { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }
}
