/// A number typed by a person: "7", "2.5" or, as Germans write it, "2,5". Shared by both
/// interfaces, so a number reads the same in either.
public enum TypedNumber {
    public static func parse(_ text: String) -> Double? {
        let normalized = String(text.map { $0 == "," ? "." : $0 })
        guard !normalized.isEmpty, normalized.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let n = Double(normalized), n.isFinite else { return nil }
        return n
    }
}
