/// A text in every language a questionnaire declares, keyed by language code (`en`, `de`).
public struct LocalizedText: Hashable, Sendable {
    public var translations: [String: String]

    public init(_ translations: [String: String]) { self.translations = translations }

    /// The text in `language`, else English, else any language, else an empty string.
    public func text(_ language: String) -> String {
        translations[language] ?? translations["en"] ?? translations.values.sorted().first ?? ""
    }

    public subscript(_ language: String) -> String { text(language) }
}

/// Where a statement comes from: a seed document and its section.
public struct SourceRef: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var section: String
    public var description: String { "\(file), \(section)" }
}
