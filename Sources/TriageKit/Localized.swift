/// A text in every language a questionnaire declares.
public struct LocalizedText: Hashable, Sendable {
    // One stored text per language rather than an array of them: reading a text is a switch,
    // and a questionnaire's thousands of texts need no allocation each (an array apiece was a
    // fifth of the memory of a loaded questionnaire). A new language is a new property here; the
    // switches below do not compile without it.
    private var en: String?
    private var de: String?

    public init(_ translations: [Language: String]) {
        for language in Language.allCases { self[stored: language] = translations[language] }
    }

    /// The text stored for `language`, without falling back to another.
    subscript(stored language: Language) -> String? {
        get {
            switch language {
            case .en: en
            case .de: de
            }
        }
        set {
            switch language {
            case .en: en = newValue
            case .de: de = newValue
            }
        }
    }

    /// The texts there are, by language.
    public var translations: [Language: String] {
        get {
            var all: [Language: String] = [:]
            for language in Language.allCases { all[language] = self[stored: language] }
            return all
        }
        set { self = LocalizedText(newValue) }
    }

    /// The text in `language`, else English, else any language, else an empty string.
    public func text(_ language: Language) -> String {
        self[stored: language] ?? en ?? firstByID ?? ""
    }

    public subscript(_ language: Language) -> String { text(language) }

    /// The text of the first language by id that has one.
    private var firstByID: String? {
        Language.allCases.sorted { $0.rawValue < $1.rawValue }.lazy.compactMap { self[stored: $0] }.first
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
