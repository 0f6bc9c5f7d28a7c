#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif

/// One answer set read from a file: `{"questionnaire": "back-pain", "answers": {...}}`, with an
/// optional `"date": "YYYY-MM-DD"` (the day of answering, from which the next check counts).
public struct AnswerDocument: Sendable {
    public var questionnaire: String
    public var answers: AnswerSet
    public var date: Date?
    /// Where each answer stands in the file, for messages about it.
    public var locations: AnswerLocations
    /// Where the answers object starts.
    public var answersLocation: SourceLocation?
    /// For a FHIR QuestionnaireResponse, the questionnaire and version it answers: answers to
    /// another version than the one loaded are refused.
    public var answering: AnsweredQuestionnaire? = nil

    public init(questionnaire: String, answers: AnswerSet, date: Date? = nil, locations: AnswerLocations,
                answersLocation: SourceLocation? = nil) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.date = date
        self.locations = locations
        self.answersLocation = answersLocation
    }
}

/// Where each answer of a document stands in its file. Positions the JSON reader found are
/// byte offsets, counted out into line and column only when a message asks for one: most
/// documents are valid and never ask.
public struct AnswerLocations: Sendable, ExpressibleByDictionaryLiteral {
    private var known: [ItemID: SourceLocation]
    private var marks: [(id: ItemID, mark: YAMLNode.Mark)] = []
    private var file: SourceFile?
    private var lineOffset = 0

    /// Locations known already.
    public init(_ locations: [ItemID: SourceLocation]) {
        known = locations
    }

    public init(dictionaryLiteral elements: (ItemID, SourceLocation)...) {
        known = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// Positions in `file`, whose first line is line `lineOffset + 1` of the file it came from.
    init(file: SourceFile, lineOffset: Int, marks: [(id: ItemID, mark: YAMLNode.Mark)]) {
        known = [:]
        self.file = file
        self.lineOffset = lineOffset
        self.marks = marks
    }

    /// Where the answer `id` stands, nil when it is not known.
    public subscript(id: ItemID) -> SourceLocation? {
        get {
            if let location = known[id] { return location }
            guard let file, let mark = marks.first(where: { $0.id == id })?.mark else { return nil }
            var location = file.location(mark)
            location.line += lineOffset
            return location
        }
        set {
            marks.removeAll { $0.id == id }
            known[id] = newValue
        }
    }
}

/// Reads answer files (JSON, or YAML of the same shape) and `.jsonl` files of one document a line.
public enum AnswerFileReader {
    public static let maximumSize = 64 * 1024 * 1024

    /// Reads the whole file at `path`; each document is parsed separately so that a bad line in a
    /// `.jsonl` file names its own line.
    public static func readText(path: String) throws(Diagnostic) -> String {
        let data: Data
        do throws(FileContents.Problem) {
            data = Data(try FileContents.read(path))
        } catch {
            throw Diagnostic(at: nil, "cannot read the answer file \(path): \(error.reason)")
        }
        if data.count > maximumSize {
            throw Diagnostic(at: SourceLocation(file: path, line: 1, column: 1), "the answer file is larger than 64 MiB")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = SourceFile.firstInvalidUTF8(data)
            throw Diagnostic(at: SourceLocation(file: path, line: line, column: column), "the answer file is not valid UTF-8")
        }
        return text
    }

    /// Parses one document whose text starts at `line` of the file `path`. A FHIR
    /// QuestionnaireResponse is read as answers when it answers a questionnaire published under
    /// `canonical`.
    ///
    /// A text that starts like JSON (`{` or `[`) is read by the strict JSON reader; one that is
    /// not JSON after all, and any other text, goes through libyaml. When neither can read it,
    /// the JSON reader's message is given for a text that looked like JSON.
    public static func parse(_ text: String, path: String, line: Int = 1,
                             canonical: FHIRCanonical = .standard) throws(Diagnostic) -> AnswerDocument {
        try parse(text, path: path, line: line, canonical: canonical, plainFirst: true)
    }

    /// `plainFirst: false` reads every text the full way (for the test that holds the plain
    /// reader to the same documents).
    static func parse(_ text: String, path: String, line: Int = 1, canonical: FHIRCanonical = .standard,
                      plainFirst: Bool) throws(Diagnostic) -> AnswerDocument {
        let file = SourceFile(path: path, text: text)
        func located(_ node: YAMLNode?) -> SourceLocation {
            var location = node.map { file.location($0.mark) } ?? SourceLocation(file: path, line: 1, column: 1)
            location.line += line - 1
            return location
        }
        func fail(_ node: YAMLNode?, _ message: String, hint: String? = nil) -> Diagnostic {
            let l = located(node)
            return Diagnostic(at: l, message, hint: hint, sourceLine: file.line(l.line - line + 1))
        }
        func failAt(offset: Int, _ message: String, hint: String? = nil) -> Diagnostic {
            var l = file.location(YAMLNode.Mark(offset: offset))
            let sourceLine = file.line(l.line)
            l.line += line - 1
            return Diagnostic(at: l, message, hint: hint, sourceLine: sourceLine)
        }
        // Messages of the YAML path name the answer file and count lines from the file's start.
        func adjusted(_ error: Diagnostic) -> Diagnostic {
            var e = error
            if var l = e.location { l.line += line - 1; e.location = l }
            e.message = e.message.replacing("invalid YAML", with: "invalid answer file syntax")
            return e
        }
        // The answer sets programs write, read straight into answers; anything else, and any
        // problem, goes the full way below, which gives the same document and names problems.
        if plainFirst, let plain = PlainAnswerReader.read(text) {
            return AnswerDocument(questionnaire: plain.questionnaire, answers: AnswerSet(plain.answers), date: plain.date,
                                  locations: AnswerLocations(file: file, lineOffset: line - 1, marks: plain.marks),
                                  answersLocation: located(.scalar(YAMLNode.Scalar("", style: .plain, mark: YAMLNode.Mark(offset: plain.answersOffset)))))
        }
        let root: YAMLNode
        if JSONReader.looksLikeJSON(text) {
            do throws(JSONProblem) {
                root = try JSONReader.parse(text)
            } catch {
                switch error {
                case .syntax(let message, let offset):
                    // Flow-style YAML looks like JSON up to a bare word or a quote of the other
                    // kind, so libyaml gets the text too. When it cannot read it either, the JSON
                    // reader's message is the one for a text that starts like JSON; but a text that
                    // is good YAML apart from a repeated key is told about the key.
                    let yaml = SourceFile.excessiveNesting(text) == nil ? file.composeProblem() : .success(nil)
                    switch yaml {
                    case .success(let node?) where FHIRResponseReader.isResource(node):
                        // FHIR has no YAML format: a resource that is not JSON is refused, the
                        // comment, single quote or 01 named where it stands.
                        throw failAt(offset: offset, "invalid FHIR JSON: \(message)",
                                     hint: "a FHIR resource is JSON (RFC 8259): no comments, no single quotes, no numbers with leading zeros")
                    case .success(let node?): root = node
                    case .failure(let problem) where problem.isBeyondSyntax: throw adjusted(file.diagnostic(for: problem))
                    default:
                        let fhir = text.contains("\"resourceType\"")
                        throw failAt(offset: offset, (fhir ? "invalid FHIR JSON: " : "invalid answer file syntax: ") + message)
                    }
                case .duplicateKeys(let keys, let offset):
                    throw failAt(offset: offset, "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", ")) in one mapping",
                                 hint: "each key may appear once")
                case .tooDeep(let offset):
                    throw failAt(offset: offset, "the answer file is nested more than \(JSONReader.maximumNesting) levels deep")
                case .invalidUTF8(let offset):
                    throw failAt(offset: offset, "the answer file is not valid UTF-8")
                }
            }
        } else {
            do throws(Diagnostic) {
                guard let node = try file.compose() else { throw fail(nil, "the answer file is empty") }
                root = node
            } catch {
                throw adjusted(error)
            }
            if FHIRResponseReader.isResource(root) {
                throw fail(root, "a FHIR resource must be written in JSON; FHIR has no YAML format",
                           hint: "write the QuestionnaireResponse as JSON, as `backtriage sheet --format fhir` does")
            }
        }
        // A FHIR QuestionnaireResponse (as `sheet --format fhir` writes it) is read as answers too.
        if FHIRResponseReader.isResource(root) {
            return try FHIRResponseReader.read(root, file: file, lineOffset: line - 1, canonical: canonical)
        }
        guard case .mapping(let top) = root else {
            throw fail(root, "an answer file must be an object like {\"questionnaire\": \"back-pain\", \"answers\": {...}}")
        }
        var questionnaire: String?
        var answersNode: YAMLNode?
        var date: Date?
        for (key, value) in top {
            switch key.scalar?.string {
            case "questionnaire"?:
                guard case .scalar(let s) = value, s.style != .plain || !["true", "false", "null"].contains(s.string) else {
                    throw fail(value, "\"questionnaire\" must be a questionnaire id such as \"back-pain\"")
                }
                questionnaire = s.string
            case "answers"?: answersNode = value
            case "date"?:
                guard let s = value.scalar?.string, let d = AnswerValidation.parseDate(s) else {
                    throw fail(value, "\"date\" must be a day as \"YYYY-MM-DD\"")
                }
                date = d
            case let other:
                throw fail(key, "unknown field \"\(other ?? "?")\" in the answer file",
                           hint: "an answer file has \"questionnaire\", \"answers\" and optionally \"date\"")
            }
        }
        guard let questionnaire else { throw fail(root, "the answer file does not say which questionnaire it answers",
                                                  hint: "add \"questionnaire\": \"back-pain\"") }
        guard let answersNode else { throw fail(root, "the answer file has no \"answers\"") }
        guard case .mapping(let answerMap) = answersNode else {
            throw fail(answersNode, "\"answers\" must be an object of answer id to value")
        }
        // Sized once: growing a dictionary of forty answers rehashes it several times.
        var values = [ItemID: Value](minimumCapacity: answerMap.count)
        var marks: [(id: ItemID, mark: YAMLNode.Mark)] = []
        marks.reserveCapacity(answerMap.count)
        for (key, valueNode) in answerMap {
            guard let id = key.scalar?.string else { throw fail(key, "an answer id must be a string") }
            guard let value = try value(of: valueNode, id: id, fail) else { continue }
            values[ItemID(id)] = value
            marks.append((ItemID(id), valueNode.mark))
        }
        return AnswerDocument(questionnaire: questionnaire, answers: AnswerSet(values), date: date,
                              locations: AnswerLocations(file: file, lineOffset: line - 1, marks: marks),
                              answersLocation: located(answersNode))
    }

    static func value(of node: YAMLNode, id: String, _ fail: (YAMLNode?, String, String?) -> Diagnostic) throws(Diagnostic) -> Value? {
        switch node {
        case .scalar(let s):
            if s.style == .plain {
                switch s.string {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null", "~", "": return nil
                default:
                    if let n = Double(s.string) {
                        guard n.isFinite else { throw fail(node, "the answer '\(id)' is not a finite number", nil) }
                        return .number(n)
                    }
                    if [".nan", ".NaN", ".inf", "-.inf", ".Inf", "-.Inf"].contains(s.string) {
                        throw fail(node, "the answer '\(id)' is not a finite number", nil)
                    }
                    return .string(s.string)
                }
            }
            return .string(s.string)
        case .sequence(let seq):
            var out: [String] = []
            for element in seq {
                guard case .scalar(let s) = element else {
                    throw fail(element, "the answer '\(id)' may hold only option ids", nil)
                }
                out.append(s.string)
            }
            return .list(out)
        default:
            throw fail(node, "the answer '\(id)' must be a value, not an object", nil)
        }
    }

    /// Checks a document against its questionnaire: unknown ids, types, ranges, options and,
    /// when `complete`, missing required answers (a prefill for the interfaces may be partial).
    /// Returns every problem, each naming the answer id and position, in `language`. Missing
    /// answers are only a warning when the answers given already set the most urgent level:
    /// no answer can lower it, and a file that stops there is an emergency, as a session
    /// that stops there is, never an error without a result. `reading`, when given, is the
    /// engine's reading of `document.answers`, shared with what comes next.
    public static func validate(_ document: AnswerDocument, engine: Engine, complete: Bool = true,
                                language: Language = .en, reading: AnswerReading? = nil) -> [Diagnostic] {
        let q = engine.questionnaire
        var problems: [Diagnostic] = []
        if let answering = document.answering, answering.version != q.version {
            // Items, options and rules differ between versions: answers are read only against
            // the version they were given to.
            problems.append(Diagnostic(at: answering.location,
                "the response answers version \(answering.version) of '\(q.id)' (\(answering.reference)), "
                    + "but the questionnaire here is version \(q.version)",
                hint: "answer version \(q.version) again, or load version \(answering.version) with --questionnaires DIR"))
            return problems
        }
        if let answering = document.answering {
            // A response shaped otherwise than the questionnaire is refused before its answers
            // are read: a choice written as text would otherwise pass as the option it names.
            let shape = FHIRResponseShape.problems(answering, engine: engine)
            if !shape.isEmpty { return shape }
        }
        for coded in document.answering?.codes ?? [] {
            guard let item = engine.index.items[coded.item], !item.options.isEmpty else { continue }
            let expected = document.answering!.canonical.codeSystem(q, item)
            guard let system = coded.system else {
                problems.append(Diagnostic(at: coded.location, "the code '\(coded.code)' of '\(item.id)' names no code system",
                                           hint: "its system is \(expected)"))
                continue
            }
            if system != expected {
                problems.append(Diagnostic(at: coded.location,
                    "the code '\(coded.code)' of '\(item.id)' is from the code system \(system); the questionnaire's codes for '\(item.id)' are from \(expected)",
                    hint: "a code means something only in its own system: map it to a code of \(expected)"))
            }
        }
        var invalid: [ItemID] = []
        var answerProblems: [(id: ItemID, problem: Diagnostic)] = []
        for (id, value) in document.answers.values {
            // Counted out of the text only for a message (see AnswerLocations).
            var at: SourceLocation? { document.locations[id] }
            guard let item = engine.index.items[id] else {
                let hint = Spelling.suggestion(for: id.rawValue, among: q.items.map(\.id.rawValue)).map { "did you mean '\($0)'?" }
                answerProblems.append((id, Diagnostic(at: at, "unknown answer id '\(id)' for questionnaire '\(q.id)'", hint: hint)))
                continue
            }
            if case .failure(let problem) = AnswerValidation.validate(value, for: item, language: language) {
                invalid.append(id)
                // A file has no yes or no: its booleans are the words true and false (`yes` stays
                // a string, since YAML 1.1 reads `no` as false and `NO` as Norway alike). The
                // interactive modes, which do take yes and no, share the other wording.
                if item.kind == .boolean {
                    answerProblems.append((id, Diagnostic(at: at, "answer '\(id)': " + StringCatalog.answers.text("answer.file_expected_boolean", language, [value.description]),
                                                          hint: StringCatalog.answers.text("answer.file_boolean_hint", language, []))))
                } else {
                    answerProblems.append((id, Diagnostic(at: at, "answer '\(id)': \(problem.message)")))
                }
            }
        }
        // In the order of the file, as a person reads and fixes them; answers with no known
        // position come after those that have one, in id order.
        problems += answerProblems.sorted { a, b in
            switch (a.problem.location, b.problem.location) {
            case let (l?, r?): return (l.line, l.column, a.id.rawValue) < (r.line, r.column, b.id.rawValue)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id < b.id
            }
        }.map(\.problem)
        guard complete else { return problems }
        // Missing answers are judged on the answers that are valid, so one wrong value does not
        // hide a missing warning sign.
        var valid = document.answers
        for id in invalid { valid[id] = nil }
        // A shared reading holds every answer of the document: it serves when all are valid.
        let missing = (reading.flatMap { invalid.isEmpty ? engine.missingItems(in: $0) : nil } ?? AnswerValidation.missing(valid, engine: engine))
            .filter { document.answers[$0.id] == nil }
        var emergency: Bool { !engine.emergencySigns(in: engine.evaluate(valid, on: document.date ?? Date())).isEmpty }
        if let answering = document.answering, problems.isEmpty {
            // A stopped response is read where a session stops too: at an emergency sign, which
            // no further answer can lower. A final one must hold every required answer (R4).
            if answering.status == "stopped", !emergency {
                return [Diagnostic(at: answering.statusLocation,
                                   "the QuestionnaireResponse was stopped before it was finished, and its answers do not give the "
                                       + "most urgent level, which only the missing answers could rule out"
                                       + (missing.isEmpty ? "" : " (missing: " + missing.map(\.id.rawValue).joined(separator: ", ") + ")"),
                                   hint: "a stopped response is evaluated only when it stops at an emergency sign; finish it and send it as completed")]
            }
            if answering.status != "stopped", !missing.isEmpty, emergency {
                return [Diagnostic(at: answering.statusLocation,
                                   "the QuestionnaireResponse says \(answering.status), but required answers are missing ("
                                       + missing.map(\.id.rawValue).joined(separator: ", ") + ")",
                                   hint: "a response that stops at an emergency sign is \"stopped\"; R4 requires every required answer of a \(answering.status) one")]
            }
        }
        if problems.isEmpty, !missing.isEmpty, emergency {
            return [Diagnostic(.warning, at: document.answersLocation,
                               "answers are missing (" + missing.map(\.id.rawValue).joined(separator: ", ")
                                   + "), but the answers given already set the most urgent level, which no further answer can lower",
                               hint: "the result is given for the answers as they are; the missing ones are listed with it")]
        }
        for item in missing where item.isRedFlag || problems.isEmpty {
            let kind = item.isRedFlag ? "the warning sign" : "the required answer"
            problems.append(Diagnostic(at: document.answersLocation, "\(kind) '\(item.id)' is missing",
                                       hint: item.isRedFlag ? "warning signs are always required: answer true or false" : nil))
        }
        return problems
    }
}
