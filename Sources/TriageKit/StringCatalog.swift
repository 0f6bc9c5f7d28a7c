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
        guard let template = tables[language]?[key] ?? tables[.en]?[key] else { return key }
        return args.isEmpty ? template : Self.filled(template, with: args)
    }

    /// `template` with each `{n}` replaced by `args[n]`, in one pass over its UTF-8 bytes: an
    /// argument's own words are never read as placeholders. Replacing placeholder by placeholder,
    /// each pass copying the text, was most of the time of filling in a phrase.
    private static func filled(_ template: String, with args: [String]) -> String {
        var template = template
        var out: [UInt8] = []
        let replaced = template.withUTF8 { source -> Bool in
            out.reserveCapacity(source.count + 16 * args.count)
            var copied = 0, i = 0
            while i < source.count {
                guard source[i] == UInt8(ascii: "{") else { i += 1; continue }
                var j = i + 1, n = 0
                while j < source.count, source[j] >= UInt8(ascii: "0"), source[j] <= UInt8(ascii: "9"), n < args.count {
                    n = n * 10 + Int(source[j] - UInt8(ascii: "0"))
                    j += 1
                }
                guard j > i + 1, j < source.count, source[j] == UInt8(ascii: "}"), n < args.count else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<i]))
                out.append(contentsOf: args[n].utf8)
                i = j + 1
                copied = i
            }
            guard copied > 0 else { return false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...]))
            return true
        }
        return replaced ? String(decoding: out, as: UTF8.self) : template
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
