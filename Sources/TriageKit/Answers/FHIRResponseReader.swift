#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif

/// The questionnaire a FHIR QuestionnaireResponse says it answers, kept with its answers so that
/// validation can refuse answers to another version of the questionnaire that is loaded.
public struct AnsweredQuestionnaire: Sendable, Hashable {
    /// One coded answer as written, for the check of its code system against the questionnaire.
    public struct CodedAnswer: Sendable, Hashable {
        public var item: ItemID
        public var code: String
        /// The `system` of the coding; nil when it names none.
        public var system: String?
        public var location: SourceLocation?
    }

    /// The canonical reference as written: `https://backtriage.invalid/fhir/Questionnaire/back-pain|2.0.0`.
    public var reference: String
    /// The canonical base it was published under, which is this deployment's.
    public var canonical: FHIRCanonical
    public var version: String
    /// Where the reference stands in the file.
    public var location: SourceLocation?
    /// Every coded answer of the response.
    public var codes: [CodedAnswer] = []
}

/// Reads a FHIR R4 `QuestionnaireResponse` as answers: the linkIds are the answer ids.
///
/// The reader is strict, because a response it accepts decides a triage level: it refuses a
/// response that is not final (only `completed` and `amended` are), one to a questionnaire
/// published under another canonical base or without a version, and values of the wrong JSON
/// type (`"valueBoolean": "true"`). Each refusal names the file, line and column. The version and
/// the code systems of coded answers are checked against the loaded questionnaire by
/// `AnswerFileReader.validate`.
public enum FHIRResponseReader {
    /// The linkId of the group of values the questionnaire computes (SDC calculated items). The
    /// engine computes them again from the answers, so they are not read. Item and section ids
    /// cannot contain `-`, so no question has this linkId.
    public static let derivedGroupLinkId = "derived-values"

    /// The statuses of a response whose answers are final.
    public static let finalStatuses = ["completed", "amended"]

    /// Whether a parsed document is a FHIR resource rather than a backtriage answer file.
    static func isResource(_ root: YAMLNode) -> Bool {
        guard case .mapping(let m) = root else { return false }
        return m.contains { $0.key.scalar?.string == "resourceType" }
    }

    /// Reads a QuestionnaireResponse into an answer document: the questionnaire id from its
    /// canonical reference, the day from `authored`, one answer per linkId. Groups and answers'
    /// nested items are read too. The answers still need `AnswerFileReader.validate`.
    public static func read(_ text: String, path: String, canonical: FHIRCanonical = .standard) throws(Diagnostic) -> AnswerDocument {
        let file = SourceFile(path: path, text: text)
        guard let root = try file.compose() else {
            throw Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "the file is empty")
        }
        return try read(root, file: file, canonical: canonical)
    }

    /// Reads a parsed response whose text starts at line `lineOffset + 1` of its file.
    static func read(_ root: YAMLNode, file: SourceFile, lineOffset: Int = 0, canonical: FHIRCanonical) throws(Diagnostic) -> AnswerDocument {
        var reader = ResponseReader(file: file, lineOffset: lineOffset)
        guard reader.field(root, "resourceType")?.scalar?.string == "QuestionnaireResponse" else {
            throw reader.fail(reader.field(root, "resourceType") ?? root, "this FHIR resource is not a QuestionnaireResponse",
                              hint: "export answers with `backtriage sheet --format fhir`")
        }
        try reader.checkStatus(root)
        let answered = try reader.questionnaire(root, canonical: canonical)
        var date: Date?
        if let authored = reader.field(root, "authored") {
            guard let s = reader.text(authored), let d = AnswerValidation.parseDate(String(s.prefix(10))) else {
                throw reader.fail(authored, "\"authored\" must be a text starting with a day as YYYY-MM-DD")
            }
            date = d
        }
        var answers = AnswerSet()
        var locations: [ItemID: SourceLocation] = [:]
        try reader.collect(reader.field(root, "item"), into: &answers, &locations)
        var document = AnswerDocument(questionnaire: answered.id, answers: answers, date: date, locations: AnswerLocations(locations),
                                      answersLocation: reader.location(reader.field(root, "item") ?? root))
        document.answering = answered.reference
        document.answering?.codes = reader.codes
        return document
    }
}

/// Walks a QuestionnaireResponse, reporting problems at their line and column.
private struct ResponseReader {
    let file: SourceFile
    let lineOffset: Int
    /// The coded answers read so far; their systems are checked against the questionnaire once
    /// it is loaded, so that a response to another questionnaire is named as such first.
    var codes: [AnsweredQuestionnaire.CodedAnswer] = []

    func location(_ node: YAMLNode) -> SourceLocation {
        var l = file.location(node.mark)
        l.line += lineOffset
        return l
    }

    func fail(_ node: YAMLNode, _ message: String, hint: String? = nil) -> Diagnostic {
        let l = file.location(node.mark)
        var shown = l
        shown.line += lineOffset
        return Diagnostic(at: shown, message, hint: hint, sourceLine: file.line(l.line))
    }

    func field(_ node: YAMLNode, _ name: String) -> YAMLNode? {
        guard case .mapping(let m) = node else { return nil }
        return m.first { $0.key.scalar?.string == name }?.value
    }

    /// A JSON string (quoted); a bare word, number or literal is not one.
    func text(_ node: YAMLNode) -> String? {
        guard case .scalar(let s) = node, s.style != .plain else { return nil }
        return s.string
    }

    /// How a value node is written, for a message about a wrong type.
    func shown(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s): return s.style == .plain ? s.string : "the text \"\(s.string)\""
        case .sequence: return "a list"
        case .mapping: return "an object"
        }
    }

    func checkStatus(_ root: YAMLNode) throws(Diagnostic) {
        guard let node = field(root, "status") else {
            throw fail(root, "the QuestionnaireResponse has no \"status\"",
                       hint: "a response to evaluate is \"completed\" (or \"amended\")")
        }
        guard let status = text(node) else { throw fail(node, "\"status\" must be a text such as \"completed\", not \(shown(node))") }
        if FHIRResponseReader.finalStatuses.contains(status) { return }
        let why: String
        switch status {
        case "entered-in-error": why = "was recorded in error and must not be used"
        case "in-progress": why = "is still in progress, so its answers are not final"
        case "stopped": why = "was stopped before it was finished"
        default: why = "has the status '\(status)', which is not a QuestionnaireResponse status"
        }
        throw fail(node, "the QuestionnaireResponse \(why); only a completed or amended response is evaluated",
                   hint: "evaluate the completed response instead")
    }

    /// The questionnaire the response answers: under this deployment's base and with a version.
    func questionnaire(_ root: YAMLNode, canonical: FHIRCanonical) throws(Diagnostic) -> (id: String, reference: AnsweredQuestionnaire) {
        let example = canonical.questionnaireURL("back-pain") + "|2.0.0"
        guard let node = field(root, "questionnaire") else {
            throw fail(root, "the QuestionnaireResponse does not name its questionnaire",
                       hint: "\"questionnaire\" must be a canonical URL with a version, such as \(example)")
        }
        guard let reference = text(node), let parsed = FHIRCanonical.parse(reference: reference) else {
            throw fail(node, "\"questionnaire\" must be a canonical URL of a Questionnaire, not \(shown(node))",
                       hint: "such as \(example)")
        }
        guard parsed.base == canonical.base else {
            throw fail(node, "the response answers \(reference), a questionnaire published under \(parsed.base); "
                           + "this backtriage reads responses to its questionnaires under \(canonical.base)",
                       hint: "if \(parsed.base) is this deployment, set --canonical-base \(parsed.base)")
        }
        guard let version = parsed.version, !version.isEmpty else {
            throw fail(node, "the response answers \(reference) without saying which version",
                       hint: "answers are read only against the version they were given to: add |<version>, such as \(example)")
        }
        return (parsed.id, AnsweredQuestionnaire(reference: reference, canonical: canonical, version: version, location: location(node)))
    }

    mutating func collect(_ items: YAMLNode?, into answers: inout AnswerSet, _ locations: inout [ItemID: SourceLocation]) throws(Diagnostic) {
        guard let items else { return }
        guard case .sequence(let list) = items else { throw fail(items, "\"item\" must be a list") }
        for item in list {
            guard let linkNode = field(item, "linkId") else { throw fail(item, "an item has no \"linkId\"") }
            guard let link = text(linkNode) else { throw fail(linkNode, "\"linkId\" must be a text, not \(shown(linkNode))") }
            if link == FHIRResponseReader.derivedGroupLinkId { continue }
            let linkId = ItemID(link)
            if let nested = field(item, "item") { try collect(nested, into: &answers, &locations) }
            guard let answerList = field(item, "answer") else { continue }
            guard case .sequence(let entries) = answerList else { throw fail(answerList, "the answer of '\(linkId)' must be a list") }
            var values: [Value] = []
            for entry in entries {
                values.append(try value(entry, linkId))
                if let nested = field(entry, "item") { try collect(nested, into: &answers, &locations) }
            }
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

    private static let valueKinds = "valueBoolean, valueCoding, valueInteger, valueDecimal, valueString or valueDate"

    private mutating func value(_ entry: YAMLNode, _ linkId: ItemID) throws(Diagnostic) -> Value {
        guard case .mapping(let m) = entry else { throw fail(entry, "an answer of '\(linkId)' must be an object") }
        let pairs = m.filter { $0.key.scalar?.string.hasPrefix("value") == true }
        guard let pair = pairs.first, let key = pair.key.scalar?.string else {
            throw fail(entry, "the answer of '\(linkId)' has no value", hint: "use \(Self.valueKinds)")
        }
        if pairs.count > 1 { throw fail(pairs[1].key, "an answer of '\(linkId)' has more than one value") }
        let node = pair.value
        func plain() -> String? {
            guard case .scalar(let s) = node, s.style == .plain else { return nil }
            return s.string
        }
        switch key {
        case "valueBoolean":
            switch plain() {
            case "true"?: return .bool(true)
            case "false"?: return .bool(false)
            default:
                throw fail(node, "valueBoolean of '\(linkId)' must be the JSON literal true or false, not \(shown(node))",
                           hint: "write true or false without quotes")
            }
        case "valueInteger":
            // FHIR's integer: an optional minus and digits without leading zeros, 32 bits.
            guard let s = plain(), Self.isInteger(s), let n = Int32(s) else {
                throw fail(node, "valueInteger of '\(linkId)' must be a whole JSON number, not \(shown(node))")
            }
            return .number(Double(n))
        case "valueDecimal":
            guard let s = plain(), s != "true", s != "false", s != "null", let n = Double(s), n.isFinite else {
                throw fail(node, "valueDecimal of '\(linkId)' must be a JSON number, not \(shown(node))")
            }
            return .number(n)
        case "valueCoding":
            guard case .mapping = node else { throw fail(node, "valueCoding of '\(linkId)' must be an object with system and code") }
            guard let codeNode = field(node, "code") else { throw fail(node, "valueCoding of '\(linkId)' has no code") }
            guard let code = text(codeNode) else { throw fail(codeNode, "the code of '\(linkId)' must be a text, not \(shown(codeNode))") }
            let systemNode = field(node, "system")
            if let systemNode, text(systemNode) == nil {
                throw fail(systemNode, "the code system of '\(linkId)' must be a text, not \(shown(systemNode))")
            }
            codes.append(.init(item: linkId, code: code, system: systemNode.flatMap(text), location: location(systemNode ?? node)))
            return .string(code)
        case "valueString", "valueDate":
            guard let s = text(node) else { throw fail(node, "\(key) of '\(linkId)' must be a JSON text, not \(shown(node))") }
            return .string(s)
        default:
            throw fail(pair.key, "'\(linkId)' has a \(key), which backtriage does not read", hint: "use \(Self.valueKinds)")
        }
    }

    static func isInteger(_ s: String) -> Bool {
        let digits = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        guard let first = digits.first, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return first != "0" || digits.count == 1
    }
}
