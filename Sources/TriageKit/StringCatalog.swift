/// The words of one part of the program (headings, keys, messages) in every language, keyed by
/// language and then by a string key. Questionnaire content never lives here; it comes from the
/// questionnaire's data. Each module that shows words keeps one catalog.
public struct StringCatalog: Sendable {
    /// What the catalog belongs to, for the test that finds missing translations.
    public let name: String
    public let tables: [Language: [String: String]]

    public init(_ name: String, _ tables: [Language: [String: String]]) {
        self.name = name
        self.tables = tables
    }

    /// The string for `key` in `language` (English when that language lacks it), with `{0}`,
    /// `{1}`... replaced by `args`. An unknown key shows as itself, so it is noticed.
    public func text(_ key: String, _ language: Language, _ args: [String] = []) -> String {
        guard var s = tables[language]?[key] ?? tables[.en]?[key] else { return key }
        for (i, arg) in args.enumerated() { s = Self.replacing("{\(i)}", in: s, with: arg) }
        return s
    }

    /// `text` with every `placeholder` replaced by `replacement`, found by comparing UTF-8 bytes:
    /// the generic `replacing`, comparing Characters, was most of the time of filling in a phrase
    /// (a placeholder is ASCII and never part of a larger character).
    private static func replacing(_ placeholder: String, in text: String, with replacement: String) -> String {
        let source = Array(text.utf8), pattern = Array(placeholder.utf8)
        var out: [UInt8] = []
        var copied = 0, i = 0
        while i + pattern.count <= source.count {
            if source[i] == pattern[0] && source[i..<i + pattern.count].elementsEqual(pattern) {
                out += source[copied..<i]
                out += replacement.utf8
                i += pattern.count
                copied = i
            } else {
                i += 1
            }
        }
        guard copied > 0 else { return text }
        out += source[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// `{0}` followed by the singular or plural form of `key` (`key.one`, `key.other`): "1 week",
    /// "1.4 weeks", "3 Wochen". Only a number shown as 1 is singular.
    public func count(_ key: String, _ n: Double, _ language: Language, decimals: Int = 1) -> String {
        // The form follows the number as shown: 1.04 weeks reads "1 week".
        let shown = language.number(n, decimals: decimals)
        return text(key + (shown == "1" ? ".one" : ".other"), language, [shown])
    }

    /// Keys that some language of the catalog has and another lacks or leaves empty.
    public var gaps: [(language: Language, key: String)] {
        let all = Set(tables.values.flatMap(\.keys))
        return Language.allCases.flatMap { language in
            all.sorted().filter { (tables[language]?[$0] ?? "").isEmpty }.map { (language, $0) }
        }
    }
}
