/// Where a deployment publishes the FHIR resources derived from its questionnaires: the
/// canonical URLs of the Questionnaire and of the code systems its answers use. Every writer and
/// the reader take one, so a response names the same questionnaire the export did, and a response
/// from another deployment is recognised as such.
///
/// The default base is under the reserved `.invalid` domain: those URLs identify, they are not
/// meant to be fetched. A deployment that publishes its Questionnaire sets its own base.
public struct FHIRCanonical: Sendable, Hashable, CustomStringConvertible {
    /// The base when none is set: `https://backtriage.invalid/fhir`.
    public static let defaultBase = "https://backtriage.invalid/fhir"
    public static let standard = FHIRCanonical(checked: defaultBase)

    /// The base URL, without a trailing slash: `https://backtriage.invalid/fhir`.
    public let base: String

    public var description: String { base }

    /// A base already known to be usable: the default, or one taken from a reference that
    /// matched a checked base.
    init(checked base: String) { self.base = base }

    /// A base given by a person (`--canonical-base`): an absolute http(s) URL with a host and
    /// without a query, a fragment, white space or `|`, which would make canonical references
    /// ambiguous. A trailing slash is dropped.
    public init(base given: String) throws(Diagnostic) {
        var base = given
        while base.hasSuffix("/") { base.removeLast() }
        let scheme = base.hasPrefix("https://") ? "https://" : base.hasPrefix("http://") ? "http://" : nil
        let host = scheme.map { base.dropFirst($0.count).prefix { $0 != "/" } } ?? ""
        let bad = base.unicodeScalars.first { $0 == "|" || $0 == "?" || $0 == "#" || $0 == " " || $0.value < 0x21 || $0.value == 0x7F }
        guard scheme != nil, !host.isEmpty, bad == nil else {
            throw Diagnostic(at: nil, "the canonical base '\(given)' is not usable",
                             hint: "give an absolute http(s) URL with a host and no query, fragment, space or |, "
                                 + "such as https://fhir.example.org/fhir")
        }
        self.base = base
    }

    /// `https://backtriage.invalid/fhir/Questionnaire/back-pain`.
    public func questionnaireURL(_ id: String) -> String { "\(base)/Questionnaire/\(id)" }

    /// The versioned canonical a QuestionnaireResponse points to: `...|2.0.0`.
    public func reference(_ q: Questionnaire) -> String { "\(questionnaireURL(q.id))|\(q.version)" }

    /// The code system of one choice item's options: `.../CodeSystem/back-pain-region`.
    public func codeSystem(_ q: Questionnaire, _ item: Item) -> String { codeSystem(questionnaire: q.id, item: item.id) }

    /// The code system of a choice item's options, from the ids alone (the reader has no
    /// questionnaire loaded yet when it checks a coding).
    public func codeSystem(questionnaire: String, item: ItemID) -> String { "\(base)/CodeSystem/\(questionnaire)-\(item)" }

    /// A code system of the questionnaire's own concepts (`triage-level`, `cause`, ...). The
    /// names hold a `-`, which item ids cannot, so they never meet an item's code system.
    public func codeSystem(_ q: Questionnaire, concept: String) -> String { "\(base)/CodeSystem/\(q.id)-\(concept)" }

    /// A canonical reference taken apart: the base it was published under, the questionnaire id
    /// and the version after `|`. Nil when it is not `<base>/Questionnaire/<id>[|version]`.
    public static func parse(reference: String) -> (base: String, id: String, version: String?)? {
        let parts = reference.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let url = parts.first, let marker = url.ranges(of: "/Questionnaire/").last else { return nil }
        let id = String(url[marker.upperBound...])
        let base = String(url[..<marker.lowerBound])
        guard !id.isEmpty, !id.contains("/"), !base.isEmpty else { return nil }
        return (base, id, parts.count > 1 ? parts[1] : nil)
    }
}
