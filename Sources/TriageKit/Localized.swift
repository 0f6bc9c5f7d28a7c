/// A text in every language a questionnaire declares.
public struct LocalizedText: Hashable, Sendable {
    public var translations: [Language: String]

    public init(_ translations: [Language: String]) { self.translations = translations }

    /// The text in `language`, else English, else any language, else an empty string.
    public func text(_ language: Language) -> String {
        translations[language] ?? translations[.en] ?? translations.sorted { $0.key.rawValue < $1.key.rawValue }.first?.value ?? ""
    }

    public subscript(_ language: Language) -> String { text(language) }
}

/// Where a statement comes from: a source document and its section.
public struct SourceRef: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var section: String
    public init(file: String, section: String) {
        self.file = file
        self.section = section
    }
    public var description: String { "\(file), \(section)" }
}
