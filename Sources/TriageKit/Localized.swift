/// A text in every language a questionnaire declares.
public struct LocalizedText: Hashable, Sendable {
    /// The text of each language, by the language's place among `Language.allCases`: reading a
    /// text is an index, not a hashed lookup (every line of a result reads several).
    private var texts: [String?]

    public init(_ translations: [Language: String]) {
        texts = Language.allCases.map { translations[$0] }
    }

    /// The texts by the languages' places among `Language.allCases`, as `byPosition` gives them.
    init?(byPosition texts: [String?]) {
        guard texts.count == Language.allCases.count else { return nil }
        self.texts = texts
    }

    var byPosition: [String?] { texts }

    /// The texts there are, by language.
    public var translations: [Language: String] {
        get {
            var all: [Language: String] = [:]
            for (language, text) in zip(Language.allCases, texts) { all[language] = text }
            return all
        }
        set { texts = Language.allCases.map { newValue[$0] } }
    }

    /// The text in `language`, else English, else any language, else an empty string.
    public func text(_ language: Language) -> String {
        texts[language.position] ?? texts[Language.en.position] ?? Self.firstByID(texts) ?? ""
    }

    public subscript(_ language: Language) -> String { text(language) }

    private static func firstByID(_ texts: [String?]) -> String? {
        zip(Language.allCases, texts).compactMap { language, text in text.map { (language.rawValue, $0) } }
            .min { $0.0 < $1.0 }?.1
    }
}

extension Language {
    /// The language's place among `allCases`.
    var position: Int {
        switch self {
        case .en: 0
        case .de: 1
        }
    }
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
