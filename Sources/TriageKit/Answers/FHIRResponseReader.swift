#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif

/// Canonical URLs of the FHIR resources derived from a questionnaire. The host is under the
/// reserved `.invalid` domain: the URLs identify, they are not meant to be fetched.
public enum FHIRCanonical {
    public static let base = "https://backtriage.invalid/fhir"

    /// `https://backtriage.invalid/fhir/Questionnaire/back-pain`.
    public static func questionnaireURL(_ id: String) -> String { "\(base)/Questionnaire/\(id)" }

    /// The versioned canonical a QuestionnaireResponse points to: `...|1.0.0`.
    public static func reference(_ q: Questionnaire) -> String { "\(questionnaireURL(q.id))|\(q.version)" }

    /// The code system of one choice item's options.
    public static func codeSystem(_ q: Questionnaire, _ item: Item) -> String { "\(base)/CodeSystem/\(q.id)-\(item.id)" }

    /// The questionnaire id in a canonical reference, with or without `|version`.
    public static func questionnaireID(fromReference reference: String) -> (id: String, version: String?)? {
        let parts = reference.split(separator: "|", maxSplits: 1).map(String.init)
        guard let url = parts.first, let slash = url.lastIndex(of: "/"), url.contains("/Questionnaire/") else { return nil }
        let id = String(url[url.index(after: slash)...])
        return id.isEmpty ? nil : (id, parts.count > 1 ? parts[1] : nil)
    }
}

/// Reads a FHIR R4 `QuestionnaireResponse` as answers: the linkIds are the answer ids.
public enum FHIRResponseReader {
    /// Whether a parsed document is a FHIR resource rather than a backtriage answer file.
    static func isResource(_ root: YAMLNode) -> Bool {
        guard case .mapping(let m) = root else { return false }
        return m.contains { $0.key.scalar?.string == "resourceType" }
    }

    /// Reads a QuestionnaireResponse into an answer document: the questionnaire id from its
    /// canonical reference, the day from `authored`, one answer per linkId. Nested items (groups)
    /// are read too. The answers still need `AnswerFileReader.validate`.
    public static func read(_ text: String, path: String) throws(Diagnostic) -> AnswerDocument {
        let file = SourceFile(path: path, text: text)
        guard let root = try file.compose() else {
            throw Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "the file is empty")
        }
        return try read(root, file: file)
    }

    static func read(_ root: YAMLNode, file: SourceFile) throws(Diagnostic) -> AnswerDocument {
        let reader = ResponseReader(file: file)
        guard reader.field(root, "resourceType")?.scalar?.string == "QuestionnaireResponse" else {
            throw reader.fail(reader.field(root, "resourceType") ?? root, "this FHIR resource is not a QuestionnaireResponse",
                              hint: "export answers with `backtriage sheet --format fhir`")
        }
        guard let reference = reader.field(root, "questionnaire")?.scalar?.string,
              let (id, _) = FHIRCanonical.questionnaireID(fromReference: reference) else {
            throw reader.fail(root, "the QuestionnaireResponse does not name its questionnaire",
                              hint: "\"questionnaire\" must be a canonical URL such as \(FHIRCanonical.questionnaireURL("back-pain"))|1.0.0")
        }
        var date: Date?
        if let authored = reader.field(root, "authored") {
            guard let s = authored.scalar?.string, let d = AnswerValidation.parseDate(String(s.prefix(10))) else {
                throw reader.fail(authored, "\"authored\" must start with a day as YYYY-MM-DD")
            }
            date = d
        }
        var answers = AnswerSet()
        var locations: [ItemID: SourceLocation] = [:]
        try reader.collect(reader.field(root, "item"), into: &answers, &locations)
        return AnswerDocument(questionnaire: id, answers: answers, date: date, locations: AnswerLocations(locations),
                              answersLocation: reader.location(reader.field(root, "item") ?? root))
    }
}

/// Walks the items of a QuestionnaireResponse, reporting problems at their line and column.
private struct ResponseReader {
    let file: SourceFile

    func location(_ node: YAMLNode) -> SourceLocation {
        file.location(node.mark)
    }

    func fail(_ node: YAMLNode, _ message: String, hint: String? = nil) -> Diagnostic {
        let l = location(node)
        return Diagnostic(at: l, message, hint: hint, sourceLine: file.line(l.line))
    }

    func field(_ node: YAMLNode, _ name: String) -> YAMLNode? {
        guard case .mapping(let m) = node else { return nil }
        return m.first { $0.key.scalar?.string == name }?.value
    }

    func collect(_ items: YAMLNode?, into answers: inout AnswerSet, _ locations: inout [ItemID: SourceLocation]) throws(Diagnostic) {
        guard let items else { return }
        guard case .sequence(let list) = items else { throw fail(items, "\"item\" must be a list") }
        for item in list {
            guard let link = field(item, "linkId")?.scalar?.string else { throw fail(item, "an item has no \"linkId\"") }
            let linkId = ItemID(link)
            if let nested = field(item, "item") { try collect(nested, into: &answers, &locations) }
            guard let answerList = field(item, "answer") else { continue }
            guard case .sequence(let entries) = answerList else { throw fail(answerList, "the answer of '\(linkId)' must be a list") }
            var values: [Value] = []
            for entry in entries { values.append(try value(entry, linkId)) }
            if answers[linkId] != nil { throw fail(item, "'\(linkId)' is answered twice") }
            switch values.count {
            case 0: continue
            case 1: answers[linkId] = values[0]
            default:
                // Several answers are the selections of a multiple choice.
                var codes: [String] = []
                for case .string(let code) in values { codes.append(code) }
                guard codes.count == values.count else { throw fail(answerList, "'\(linkId)' has several answers that are not codes") }
                answers[linkId] = .list(codes)
            }
            locations[linkId] = location(answerList)
        }
    }

    private func value(_ entry: YAMLNode, _ linkId: ItemID) throws(Diagnostic) -> Value {
        guard case .mapping(let m) = entry, let pair = m.first(where: { $0.key.scalar?.string.hasPrefix("value") == true }),
              let key = pair.key.scalar?.string else {
            throw fail(entry, "the answer of '\(linkId)' has no value", hint: "use valueBoolean, valueCoding, valueInteger, valueDecimal, valueString or valueDate")
        }
        let node = pair.value
        switch key {
        case "valueBoolean":
            switch node.scalar?.string {
            case "true"?: return .bool(true)
            case "false"?: return .bool(false)
            default: throw fail(node, "valueBoolean of '\(linkId)' must be true or false")
            }
        case "valueInteger", "valueDecimal":
            guard let s = node.scalar?.string, let n = Double(s), n.isFinite else { throw fail(node, "\(key) of '\(linkId)' must be a number") }
            if key == "valueInteger" && n != n.rounded() { throw fail(node, "valueInteger of '\(linkId)' must be a whole number") }
            return .number(n)
        case "valueCoding":
            guard let code = field(node, "code")?.scalar?.string else { throw fail(node, "valueCoding of '\(linkId)' has no code") }
            return .string(code)
        case "valueString", "valueDate":
            guard let s = node.scalar?.string else { throw fail(node, "\(key) of '\(linkId)' must be a text") }
            return .string(s)
        default:
            throw fail(entry, "'\(linkId)' has a \(key), which backtriage does not read",
                       hint: "use valueBoolean, valueCoding, valueInteger, valueDecimal, valueString or valueDate")
        }
    }
}
