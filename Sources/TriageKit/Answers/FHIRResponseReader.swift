#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The questionnaire a FHIR QuestionnaireResponse says it answers, kept with its answers and the
/// shape they were given in, so that validation can hold both against the questionnaire that is
/// loaded: its version, code systems, groups and value types.
public struct AnsweredQuestionnaire: Sendable, Hashable {
    /// One coded answer as written, for the check of its code system against the questionnaire.
    public struct CodedAnswer: Sendable, Hashable {
        public var item: ItemID
        public var code: String
        /// The `system` of the coding; nil when it names none.
        public var system: String?
        public var location: SourceLocation?
    }

    /// One item of the response as written: its linkId, the linkIds of the items it stands in
    /// (outermost first), and the value[x] element of each of its answers.
    public struct WrittenItem: Sendable, Hashable {
        public var linkId: String
        public var parents: [String]
        /// `valueCoding`, `valueInteger`, ... with where each stands.
        public var values: [(key: String, location: SourceLocation?)]
        public var location: SourceLocation?

        public static func == (a: Self, b: Self) -> Bool {
            a.linkId == b.linkId && a.parents == b.parents && a.values.map(\.key) == b.values.map(\.key) && a.location == b.location
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(linkId)
            hasher.combine(parents)
        }
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
    /// `completed`, `amended` or `stopped`: a stopped response is read only when its answers
    /// already set the most urgent level.
    public var status: String = "completed"
    public var statusLocation: SourceLocation?
    /// Every item of the response but the calculated values, in the order written.
    public var items: [WrittenItem] = []
}

/// Reads a FHIR R4 `QuestionnaireResponse` as answers: the linkIds are the answer ids.
///
/// The reader is as strict as the specification, because a response it accepts decides a triage
/// level. It refuses, each at its file, line and column:
/// - text that is not JSON (comments, single quotes, `01`), `null`, and empty strings, objects
///   and lists, which FHIR's JSON format forbids;
/// - a `modifierExtension` or `implicitRules` (FHIR: a reader SHALL refuse a modifier it does
///   not understand, and backtriage understands none), an extension without a `url`, an element
///   QuestionnaireResponse does not have, and an `id` that is not a FHIR id;
/// - a status other than `completed`, `amended` or `stopped`; a questionnaire published under
///   another canonical base or without a version;
/// - a value of the wrong JSON type (`"valueBoolean": "true"`) and an invalid date or time
///   (`25:61`, a time without a zone).
/// `AnswerFileReader.validate` then holds the response against the loaded questionnaire: its
/// version, code systems, groups, value types, and whether a stopped response may be read.
public enum FHIRResponseReader {
    /// The linkId of the group of values the questionnaire computes (SDC calculated items). The
    /// engine computes them again from the answers, so they are not read. Item and section ids
    /// cannot contain `-`, so no question has this linkId.
    public static let derivedGroupLinkId = "derived-values"

    /// The statuses of a response whose answers are read: final ones, and `stopped`, which is
    /// read only where the answers already give the most urgent level (`AnswerFileReader.validate`).
    public static let readableStatuses = ["completed", "amended", "stopped"]

    /// The value[x] element an answer to an item of `kind` is written in.
    public static func valueKey(for kind: ItemKind) -> String {
        switch kind {
        case .boolean: return "valueBoolean"
        case .choice, .multiChoice: return "valueCoding"
        case .integer, .scale: return "valueInteger"
        case .decimal: return "valueDecimal"
        case .text: return "valueString"
        case .date: return "valueDate"
        }
    }

    /// Whether a parsed document is a FHIR resource rather than a backtriage answer file.
    static func isResource(_ root: YAMLNode) -> Bool {
        guard case .mapping(let m) = root else { return false }
        return m.contains { $0.key.scalar?.string == "resourceType" }
    }

    /// Reads a QuestionnaireResponse from its JSON text, as `AnswerFileReader.parse` does.
    public static func read(_ text: String, path: String, canonical: FHIRCanonical = .standard) throws(Diagnostic) -> AnswerDocument {
        let document = try AnswerFileReader.parse(text, path: path, canonical: canonical)
        guard document.answering != nil else {
            throw Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "the file is not a FHIR QuestionnaireResponse")
        }
        return document
    }

    /// Reads a parsed response whose text starts at line `lineOffset + 1` of its file into an
    /// answer document: the questionnaire id from its canonical reference, the day from
    /// `authored`, one answer per linkId. The answers still need `AnswerFileReader.validate`.
    static func read(_ root: YAMLNode, file: SourceFile, lineOffset: Int = 0, canonical: FHIRCanonical) throws(Diagnostic) -> AnswerDocument {
        var reader = ResponseReader(file: file, lineOffset: lineOffset)
        guard reader.field(root, "resourceType")?.scalar?.string == "QuestionnaireResponse" else {
            throw reader.fail(reader.field(root, "resourceType") ?? root, "this FHIR resource is not a QuestionnaireResponse",
                              hint: "export answers with `backtriage sheet --format fhir`")
        }
        try reader.checkJSON(root)
        try reader.checkElements(root, ResponseReader.resourceElements, of: "a QuestionnaireResponse")
        try reader.checkStatus(root)
        var answered = try reader.questionnaire(root, canonical: canonical)
        var date: Date?
        if let authored = reader.field(root, "authored") {
            date = try reader.authored(authored)
        }
        if let updated = reader.field(root, "meta").flatMap({ reader.field($0, "lastUpdated") }) {
            try reader.checkDateTime(updated, "meta.lastUpdated", instant: true)
        }
        var answers = AnswerSet()
        var locations: [ItemID: SourceLocation] = [:]
        try reader.collect(reader.field(root, "item"), parents: [], into: &answers, &locations)
        var document = AnswerDocument(questionnaire: answered.id, answers: answers, date: date, locations: AnswerLocations(locations),
                                      answersLocation: reader.location(reader.field(root, "item") ?? root))
        answered.reference.codes = reader.codes
        answered.reference.items = reader.items
        answered.reference.status = reader.status
        answered.reference.statusLocation = reader.statusLocation
        document.answering = answered.reference
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
    var items: [AnsweredQuestionnaire.WrittenItem] = []
    var status = "completed"
    var statusLocation: SourceLocation?

    // The elements R4 defines for a QuestionnaireResponse, its items and their answers; a
    // primitive's extensions may stand beside it as `_name`.
    static let resourceElements: Set<String> = [
        "resourceType", "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension",
        "identifier", "basedOn", "partOf", "questionnaire", "status", "subject", "encounter", "authored", "author", "source", "item",
    ]
    static let itemElements: Set<String> = ["id", "extension", "modifierExtension", "linkId", "definition", "text", "answer", "item"]
    static let answerElements: Set<String> = [
        "id", "extension", "modifierExtension", "item", "valueBoolean", "valueDecimal", "valueInteger", "valueDate", "valueDateTime",
        "valueTime", "valueString", "valueUri", "valueAttachment", "valueCoding", "valueQuantity", "valueReference",
    ]

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

    // MARK: - What FHIR's JSON format allows anywhere

    /// Refuses, anywhere in the resource: `null`, empty strings, objects and lists, modifier
    /// extensions and `implicitRules`, extensions without a url, and ids that are not FHIR ids.
    /// Contained resources are checked alike.
    func checkJSON(_ node: YAMLNode, key: String? = nil) throws(Diagnostic) {
        switch node {
        case .scalar(let s):
            if s.style == .plain && s.string == "null" {
                throw fail(node, "\(key.map { "\"\($0)\"" } ?? "a value") is null; FHIR's JSON leaves out an element that has no value",
                           hint: "remove the element instead of writing null")
            }
            if s.style != .plain && s.string.isEmpty {
                throw fail(node, "\(key.map { "\"\($0)\"" } ?? "a value") is an empty text, which FHIR does not allow",
                           hint: "leave the element out when it has no value")
            }
        case .sequence(let list):
            if list.isEmpty {
                throw fail(node, "\(key.map { "\"\($0)\"" } ?? "a list") is an empty list, which FHIR does not allow",
                           hint: "leave the element out when it has no value")
            }
            for element in list { try checkJSON(element, key: key) }
        case .mapping(let m):
            if m.isEmpty {
                throw fail(node, "\(key.map { "\"\($0)\"" } ?? "an object") is an empty object, which FHIR does not allow",
                           hint: "leave the element out when it has no value")
            }
            for (k, value) in m {
                guard let name = k.scalar?.string else { continue }
                switch name {
                case "modifierExtension":
                    var url: String?
                    if case .sequence(let list) = value, let first = list.first { url = field(first, "url").flatMap(text) }
                    throw fail(k, "the response has a modifierExtension\(url.map { " (\($0))" } ?? ""), which changes what the "
                                   + "response means in a way backtriage does not understand, so it must not read it",
                               hint: "FHIR requires a reader to refuse a modifier extension it does not know; send the response without it")
                case "implicitRules":
                    throw fail(k, "the response has implicitRules, which change what it means in a way backtriage does not understand",
                               hint: "send the response without implicitRules")
                case "extension":
                    if case .sequence(let list) = value {
                        for ext in list {
                            guard let urlNode = field(ext, "url") else {
                                throw fail(ext, "an extension has no \"url\"", hint: "every extension names its definition in \"url\"")
                            }
                            guard let url = text(urlNode), url.contains(":") || key == "extension" else {
                                throw fail(urlNode, "the url of an extension must be an absolute URL, not \(shown(urlNode))")
                            }
                        }
                    } else {
                        throw fail(value, "\"extension\" must be a list of extensions, not \(shown(value))")
                    }
                case "id":
                    if case .scalar = value {
                        guard let id = text(value), Self.isFHIRId(id) else {
                            throw fail(value, "\"id\" must be a FHIR id (1 to 64 letters, digits, '-' and '.'), not \(shown(value))")
                        }
                    }
                default:
                    break
                }
                try checkJSON(value, key: name)
            }
        }
    }

    static func isFHIRId(_ s: String) -> Bool {
        (1...64).contains(s.utf8.count) && s.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E
        }
    }

    /// Refuses an element that `allowed` does not name (`_name` beside a known primitive is its
    /// extensions).
    func checkElements(_ node: YAMLNode, _ allowed: Set<String>, of what: String) throws(Diagnostic) {
        guard case .mapping(let m) = node else { throw fail(node, "\(what) must be an object, not \(shown(node))") }
        for (k, _) in m {
            guard let name = k.scalar?.string else { continue }
            let base = name.hasPrefix("_") ? String(name.dropFirst()) : name
            if !allowed.contains(base) || (name.hasPrefix("_") && ["item", "answer", "extension", "modifierExtension"].contains(base)) {
                throw fail(k, "\(what) has no element \"\(name)\"",
                           hint: "R4 defines: " + allowed.sorted().joined(separator: ", "))
            }
        }
    }

    // MARK: - The resource's own elements

    mutating func checkStatus(_ root: YAMLNode) throws(Diagnostic) {
        guard let node = field(root, "status") else {
            throw fail(root, "the QuestionnaireResponse has no \"status\"",
                       hint: "a response to evaluate is \"completed\" (or \"amended\")")
        }
        guard let status = text(node) else { throw fail(node, "\"status\" must be a text such as \"completed\", not \(shown(node))") }
        if FHIRResponseReader.readableStatuses.contains(status) {
            self.status = status
            statusLocation = location(node)
            return
        }
        let why: String
        switch status {
        case "entered-in-error": why = "was recorded in error and must not be used"
        case "in-progress": why = "is still in progress, so its answers are not final"
        default: why = "has the status '\(status)', which is not a QuestionnaireResponse status"
        }
        throw fail(node, "the QuestionnaireResponse \(why); only a completed or amended response is evaluated "
                       + "(or a stopped one whose answers already give the most urgent level)",
                   hint: "evaluate the completed response instead")
    }

    /// The questionnaire the response answers: under this deployment's base and with a version.
    func questionnaire(_ root: YAMLNode, canonical: FHIRCanonical) throws(Diagnostic) -> (id: String, reference: AnsweredQuestionnaire) {
        let example = canonical.questionnaireURL("back-pain") + "|<version>"
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

    /// The day of `authored`, a FHIR dateTime that names at least the day.
    func authored(_ node: YAMLNode) throws(Diagnostic) -> Date {
        try checkDateTime(node, "authored", instant: false)
        guard let s = text(node), let day = AnswerValidation.parseDate(String(s.prefix(10))) else {
            throw fail(node, "\"authored\" must name the day it was answered, as YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz, not \(shown(node))")
        }
        return day
    }

    /// Refuses a FHIR dateTime (or, with `instant`, an instant) that is not one: the forms
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` and `YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm)`, with a
    /// day that exists, hours to 23, minutes to 59 and seconds to 60 (a leap second). A time
    /// always has its zone.
    func checkDateTime(_ node: YAMLNode, _ name: String, instant: Bool) throws(Diagnostic) {
        let expected = instant ? "an instant, YYYY-MM-DDThh:mm:ss with Z or +hh:mm" : "a FHIR dateTime: YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss with Z or +hh:mm"
        guard let s = text(node) else { throw fail(node, "\"\(name)\" must be \(expected), not \(shown(node))") }
        if let problem = FHIRDateTime.problem(s, instant: instant) {
            throw fail(node, "\"\(name)\" is not a valid date and time (\(problem)): \"\(s)\"", hint: "write \(expected)")
        }
    }

    // MARK: - Items and answers

    mutating func collect(_ list: YAMLNode?, parents: [String], into answers: inout AnswerSet,
                          _ locations: inout [ItemID: SourceLocation]) throws(Diagnostic) {
        guard let list else { return }
        guard case .sequence(let entries) = list else { throw fail(list, "\"item\" must be a list, not \(shown(list))") }
        for item in entries {
            try checkElements(item, Self.itemElements, of: "an item")
            guard let linkNode = field(item, "linkId") else { throw fail(item, "an item has no \"linkId\"") }
            guard let link = text(linkNode) else { throw fail(linkNode, "\"linkId\" must be a text, not \(shown(linkNode))") }
            // The calculated values are computed again from the answers.
            if link == FHIRResponseReader.derivedGroupLinkId && parents.isEmpty { continue }
            let linkId = ItemID(link)
            let answerList = field(item, "answer")
            if let nested = field(item, "item") {
                if answerList != nil {
                    throw fail(nested, "'\(link)' has both answers and items of its own; R4 nests items under its answers (qrs-1)")
                }
            }
            var written = AnsweredQuestionnaire.WrittenItem(linkId: link, parents: parents, values: [], location: location(linkNode))
            var values: [Value] = []
            if let answerList {
                guard case .sequence(let entries) = answerList else { throw fail(answerList, "the answer of '\(linkId)' must be a list") }
                for entry in entries {
                    let (key, value) = try self.value(entry, linkId)
                    written.values.append(key)
                    values.append(value)
                }
            }
            items.append(written)
            if let nested = field(item, "item") { try collect(nested, parents: parents + [link], into: &answers, &locations) }
            if let answerList, case .sequence(let entries) = answerList {
                for entry in entries {
                    if let nested = field(entry, "item") { try collect(nested, parents: parents + [link], into: &answers, &locations) }
                }
            }
            guard let answerList else { continue }
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

    private mutating func value(_ entry: YAMLNode, _ linkId: ItemID) throws(Diagnostic) -> ((String, SourceLocation?), Value) {
        try checkElements(entry, Self.answerElements, of: "an answer")
        guard case .mapping(let m) = entry else { throw fail(entry, "an answer of '\(linkId)' must be an object") }
        let pairs = m.filter { $0.key.scalar?.string.hasPrefix("value") == true }
        guard let pair = pairs.first, let key = pair.key.scalar?.string else {
            throw fail(entry, "the answer of '\(linkId)' has no value", hint: "use \(Self.valueKinds)")
        }
        if pairs.count > 1 { throw fail(pairs[1].key, "an answer of '\(linkId)' has more than one value") }
        let node = pair.value
        let written = (key, Optional(location(pair.key)))
        func plain() -> String? {
            guard case .scalar(let s) = node, s.style == .plain else { return nil }
            return s.string
        }
        switch key {
        case "valueBoolean":
            switch plain() {
            case "true"?: return (written, .bool(true))
            case "false"?: return (written, .bool(false))
            default:
                throw fail(node, "valueBoolean of '\(linkId)' must be the JSON literal true or false, not \(shown(node))",
                           hint: "write true or false without quotes")
            }
        case "valueInteger":
            // FHIR's integer: an optional minus and digits without leading zeros, 32 bits.
            guard let s = plain(), Self.isInteger(s), let n = Int32(s) else {
                throw fail(node, "valueInteger of '\(linkId)' must be a whole JSON number, not \(shown(node))")
            }
            return (written, .number(Double(n)))
        case "valueDecimal":
            guard let s = plain(), s != "true", s != "false", s != "null", let n = Double(s), n.isFinite else {
                throw fail(node, "valueDecimal of '\(linkId)' must be a JSON number, not \(shown(node))")
            }
            return (written, .number(n))
        case "valueCoding":
            guard case .mapping = node else { throw fail(node, "valueCoding of '\(linkId)' must be an object with system and code") }
            try checkElements(node, ["id", "extension", "system", "version", "code", "display", "userSelected"], of: "a Coding")
            guard let codeNode = field(node, "code") else { throw fail(node, "valueCoding of '\(linkId)' has no code") }
            guard let code = text(codeNode) else { throw fail(codeNode, "the code of '\(linkId)' must be a text, not \(shown(codeNode))") }
            let systemNode = field(node, "system")
            if let systemNode, text(systemNode) == nil {
                throw fail(systemNode, "the code system of '\(linkId)' must be a text, not \(shown(systemNode))")
            }
            codes.append(.init(item: linkId, code: code, system: systemNode.flatMap(text), location: location(systemNode ?? node)))
            return (written, .string(code))
        case "valueDate":
            guard let s = text(node) else { throw fail(node, "valueDate of '\(linkId)' must be a JSON text, not \(shown(node))") }
            if let problem = FHIRDateTime.problem(s, instant: false, dateOnly: true) {
                throw fail(node, "valueDate of '\(linkId)' is not a valid date (\(problem)): \"\(s)\"", hint: "write YYYY-MM-DD")
            }
            return (written, .string(s))
        case "valueDateTime", "valueTime":
            guard let s = text(node) else { throw fail(node, "\(key) of '\(linkId)' must be a JSON text, not \(shown(node))") }
            let problem = key == "valueTime" ? FHIRDateTime.timeProblem(s) : FHIRDateTime.problem(s, instant: false)
            if let problem { throw fail(node, "\(key) of '\(linkId)' is not valid (\(problem)): \"\(s)\"") }
            return (written, .string(s))
        case "valueString", "valueUri":
            guard let s = text(node) else { throw fail(node, "\(key) of '\(linkId)' must be a JSON text, not \(shown(node))") }
            return (written, .string(s))
        default:
            // valueAttachment, valueQuantity, valueReference: no question of backtriage takes one.
            return (written, .string(""))
        }
    }

    static func isInteger(_ s: String) -> Bool {
        let digits = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        guard let first = digits.first, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return first != "0" || digits.count == 1
    }
}

/// FHIR's date, dateTime, instant and time, as the specification's regular expressions and
/// calendar say: what is wrong with a text, or nil when it is one.
enum FHIRDateTime {
    static func problem(_ s: String, instant: Bool, dateOnly: Bool = false) -> String? {
        let b = Array(s.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count, range.allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) }
        }
        guard let year = digits(0..<4) else { return "it does not start with a year of four digits" }
        if b.count == 4 { return instant ? "an instant names the day and the time" : nil }
        guard b.count >= 7, b[4] == 0x2D, let month = digits(5..<7) else { return "expected -MM after the year" }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        if b.count == 7 { return instant ? "an instant names the day and the time" : nil }
        guard b.count >= 10, b[7] == 0x2D, let day = digits(8..<10) else { return "expected -DD after the month" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return "month \(month) of \(year) has no day \(day)" }
        if b.count == 10 { return instant ? "an instant names the time too" : nil }
        if dateOnly { return "a date has no time" }
        guard b[10] == 0x54 else { return "expected T and the time after the day" }
        return timeProblem(String(decoding: b[11...], as: UTF8.self), zone: true)
    }

    /// `hh:mm:ss[.fff]`, with a zone (`Z`, `+hh:mm`, `-hh:mm`) when `zone`, without one when not.
    static func timeProblem(_ s: String, zone: Bool = false) -> String? {
        let b = Array(s.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= b.count, range.allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return nil }
            return range.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) }
        }
        guard let hour = digits(0..<2), b.count >= 8, b[2] == 0x3A, let minute = digits(3..<5), b[5] == 0x3A,
              let second = digits(6..<8) else { return "expected a time as hh:mm:ss" }
        guard hour <= 23 else { return "there is no hour \(hour)" }
        guard minute <= 59 else { return "there is no minute \(minute)" }
        guard second <= 60 else { return "there is no second \(second)" }
        var i = 8
        if i < b.count, b[i] == 0x2E {
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            if i == start { return "expected digits after the decimal point of the seconds" }
        }
        guard zone else { return i == b.count ? nil : "a time of day has no zone" }
        guard i < b.count else { return "a time needs its zone: Z or +hh:mm" }
        if b[i] == 0x5A { return i + 1 == b.count ? nil : "nothing may follow the zone Z" }
        guard b[i] == 0x2B || b[i] == 0x2D, b.count == i + 6, let zh = digits(i + 1..<i + 3), b[i + 3] == 0x3A,
              let zm = digits(i + 4..<i + 6) else { return "a time needs its zone: Z or +hh:mm" }
        guard zh <= 14, zm <= 59 else { return "there is no zone \(String(decoding: b[i...], as: UTF8.self))" }
        return nil
    }
}
