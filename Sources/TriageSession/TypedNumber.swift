/// A number typed by a person: "7", "2.5" or, as Germans write it, "2,5". Shared by both
/// interfaces, so a number reads the same in either.
public enum TypedNumber {
    /// The number of "62", "62 Jahre" or "62 years": a word after the number is taken when it
    /// is one of `units` (an item's unit in every language, as the screen shows it).
    public static func parse(_ text: String, units: [String]) -> Double? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count == 2, units.contains(where: { $0.lowercased() == words[1].lowercased() }) else { return parse(text) }
        return parse(String(words[0]))
    }

    public static func parse(_ text: String) -> Double? {
        let normalized = String(text.map { $0 == "," ? "." : $0 })
        guard !normalized.isEmpty, normalized.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let n = Double(normalized), n.isFinite else { return nil }
        return n
    }
}
