#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A case a questionnaire carries: a person's answers and the result its authors expect, kept
/// as data in the questionnaire's `cases/` folder so that anyone who edits the content can run
/// them (`backtriage test`).
public struct QuestionnaireCase: Sendable {
    /// One thing the result must say, and where the case file says it.
    public struct Expectation: Sendable {
        public enum Claim: Sendable, Equatable {
            case level(String)
            case action(String)
            /// A suggestion, caution or note the result holds (or, when `present` is false,
            /// does not hold).
            case entry(CatalogEntry.Kind, id: String, present: Bool)
            /// No suggestions and no cautions.
            case empty
            /// The weeks of the next check; nil for none.
            case nextCheck(Double?)
        }

        public var claim: Claim
        public var location: SourceLocation
        /// The line the expectation stands on, for a caret under it.
        public var sourceLine: String?
    }

    public var name: String
    public var location: SourceLocation
    public var answers: AnswerDocument
    /// The day of answering, from which the next check counts.
    public var date: Date?
    public var expectations: [Expectation]
}

/// Reads case files: YAML or JSON, a list of cases each with `name`, `answers`, an optional
/// `date` and `expect` (the keys of the shared examples: `triage`, `action`, `include`,
/// `exclude`, `cautions`, `no_cautions`, `notes`, `no_notes`, `empty`, `next_check`).
public enum CaseFileReader {
    static let caseKeys = ["name", "answers", "date", "expect"]
    static let expectKeys = ["triage", "action", "include", "exclude", "cautions", "no_cautions", "notes", "no_notes", "empty", "next_check"]

    /// The case files of the questionnaire in `folder`: `cases/*.yaml`, `*.yml` and `*.json`, by name.
    public static func files(inQuestionnaire folder: String) -> [String] {
        let dir = FilePath.join(folder, "cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted().map { FilePath.join(dir, $0) }
    }

    /// The cases of the file at `path` for the questionnaire `questionnaire`; a file that cannot
    /// be read or is not a list of cases is an error naming the line and column.
    public static func read(path: String, questionnaire: String) throws(Diagnostic) -> [QuestionnaireCase] {
        let file = try SourceFile.read(path)
        return try parse(file, questionnaire: questionnaire)
    }

    /// The cases in `text`, read as the file `path`.
    public static func parse(_ text: String, path: String, questionnaire: String) throws(Diagnostic) -> [QuestionnaireCase] {
        try parse(SourceFile(path: path, text: text), questionnaire: questionnaire)
    }

    private static func parse(_ file: SourceFile, questionnaire: String) throws(Diagnostic) -> [QuestionnaireCase] {
        func fail(_ node: YAMLNode?, _ message: String, hint: String? = nil) -> Diagnostic {
            file.diagnostic(node.map { file.location($0.mark) } ?? SourceLocation(file: file.path, line: 1, column: 1), message, hint: hint)
        }
        let root: YAMLNode?
        if file.path.hasSuffix(".json") {
            do throws(JSONProblem) { root = try JSONReader.parse(file.text) } catch {
                switch error {
                case .syntax(let message, let offset): throw fail(.scalar(.init("", style: .plain, mark: .init(offset: offset))), "invalid JSON: \(message)")
                case .duplicateKeys(let keys, let offset):
                    throw fail(.scalar(.init("", style: .plain, mark: .init(offset: offset))), "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
                case .tooDeep(let offset): throw fail(.scalar(.init("", style: .plain, mark: .init(offset: offset))), "the file is nested too deeply")
                case .invalidUTF8(let offset): throw fail(.scalar(.init("", style: .plain, mark: .init(offset: offset))), "the file is not valid UTF-8")
                }
            }
        } else {
            root = try file.compose()
        }
        guard case .sequence(let list)? = root else {
            throw fail(root, "a case file is a list of cases", hint: "start each case with '- name: ...'")
        }
        var cases: [QuestionnaireCase] = []
        for node in list { cases.append(try readCase(node, file: file, questionnaire: questionnaire, fail)) }
        return cases
    }

    private static func readCase(_ node: YAMLNode, file: SourceFile, questionnaire: String,
                                 _ fail: (YAMLNode?, String, String?) -> Diagnostic) throws(Diagnostic) -> QuestionnaireCase {
        guard case .mapping(let fields) = node else { throw fail(node, "a case is a mapping with name, answers and expect", nil) }
        for (key, _) in fields where !caseKeys.contains(key.scalar?.string ?? "") {
            let word = key.scalar?.string ?? "?"
            throw fail(key, "unknown field '\(word)' in a case",
                       Spelling.suggestion(for: word, among: caseKeys).map { "did you mean '\($0)'?" } ?? "a case has " + caseKeys.joined(separator: ", "))
        }
        guard let name = fields["name"]?.scalar?.string, !name.isEmpty else { throw fail(fields["name"] ?? node, "a case needs a name", nil) }
        guard case .mapping(let answerMap)? = fields["answers"] else {
            throw fail(fields["answers"] ?? node, "the case '\(name)' needs answers: a mapping of answer id to value", nil)
        }
        var values: [ItemID: Value] = [:]
        var marks: [(id: ItemID, mark: YAMLNode.Mark)] = []
        for (key, valueNode) in answerMap {
            guard let id = key.scalar?.string else { throw fail(key, "an answer id must be a string", nil) }
            guard let value = try AnswerFileReader.value(of: valueNode, id: id, fail) else { continue }
            values[ItemID(id)] = value
            marks.append((ItemID(id), valueNode.mark))
        }
        var date: Date?
        if let d = fields["date"] {
            guard let s = d.scalar?.string, let day = AnswerValidation.parseDate(s) else { throw fail(d, "\"date\" must be a day as YYYY-MM-DD", nil) }
            date = day
        }
        guard case .mapping(let expect)? = fields["expect"] else {
            throw fail(fields["expect"] ?? node, "the case '\(name)' needs expect: the result it must give", nil)
        }
        var expectations: [QuestionnaireCase.Expectation] = []
        func add(_ claim: QuestionnaireCase.Expectation.Claim, _ at: YAMLNode) {
            let location = file.location(at.mark)
            expectations.append(.init(claim: claim, location: location, sourceLine: file.line(location.line)))
        }
        for (key, value) in expect {
            let word = key.scalar?.string ?? "?"
            switch word {
            case "triage", "action":
                guard let id = value.scalar?.string, !id.isEmpty else { throw fail(value, "'\(word)' must be an id", nil) }
                add(word == "triage" ? .level(id) : .action(id), value)
            case "include", "exclude", "cautions", "no_cautions", "notes", "no_notes":
                guard case .sequence(let ids) = value else { throw fail(value, "'\(word)' must be a list of ids", nil) }
                let kind: CatalogEntry.Kind = word.hasSuffix("cautions") ? .caution : word.hasSuffix("notes") ? .note : .suggestion
                let present = !(word == "exclude" || word.hasPrefix("no_"))
                for element in ids {
                    guard let id = element.scalar?.string else { throw fail(element, "'\(word)' must be a list of ids", nil) }
                    add(.entry(kind, id: id, present: present), element)
                }
            case "empty":
                guard let s = value.scalar, s.style == .plain, ["true", "false"].contains(s.string) else {
                    throw fail(value, "'empty' must be true or false", nil)
                }
                if s.string == "true" { add(.empty, value) }
            case "next_check":
                guard let s = value.scalar else { throw fail(value, "'next_check' must be a number of weeks or null", nil) }
                if s.style == .plain && ["null", "~", ""].contains(s.string) {
                    add(.nextCheck(nil), value)
                } else if let weeks = Double(s.string), weeks.isFinite {
                    add(.nextCheck(weeks), value)
                } else {
                    throw fail(value, "'next_check' must be a number of weeks or null", nil)
                }
            default:
                throw fail(key, "unknown expectation '\(word)'",
                           Spelling.suggestion(for: word, among: expectKeys).map { "did you mean '\($0)'?" } ?? "expectations: " + expectKeys.joined(separator: ", "))
            }
        }
        let answers = AnswerDocument(questionnaire: questionnaire, answers: AnswerSet(values), date: date,
                                     locations: AnswerLocations(file: file, lineOffset: 0, marks: marks),
                                     answersLocation: file.location(fields["answers"]!.mark))
        return QuestionnaireCase(name: name, location: file.location(node.mark), answers: answers, date: date, expectations: expectations)
    }
}

extension QuestionnaireCase {
    /// What this case finds wrong with the result `engine` gives: each unmet expectation, and
    /// each answer the questionnaire refuses, at its place in the case file. Empty when it passes.
    public func failures(with engine: Engine, today: Date) -> [Diagnostic] {
        let refused = AnswerFileReader.validate(answers, engine: engine).filter { $0.severity == .error }
        if !refused.isEmpty {
            return refused.map { d in
                var d = d
                d.message = "case '\(name)': " + d.message
                return d
            }
        }
        var out: [Diagnostic] = []
        func fail(_ e: Expectation, _ message: String, hint: String? = nil) {
            out.append(Diagnostic(at: e.location, "case '\(name)': " + message, hint: hint, sourceLine: e.sourceLine))
        }
        // An expectation naming nothing the questionnaire has could never fail ("no suggestion
        // 'physiotherpy'"), so it fails at once. Saying a caution is no suggestion still holds.
        let q = engine.questionnaire
        for e in expectations {
            let (what, id, known): (String, String, [String])
            switch e.claim {
            case .level(let level): (what, id, known) = ("level", level, q.triageLevels.map(\.id))
            case .action(let action): (what, id, known) = ("action", action, q.actions.map(\.id))
            case .entry(_, let entry, false) where q.catalog.contains(where: { $0.id == entry }): continue
            case .entry(let kind, let entry, _): (what, id, known) = (kind.rawValue, entry, q.catalog.filter { $0.kind == kind }.map(\.id))
            default: continue
            }
            if !known.contains(id) {
                fail(e, "the questionnaire has no \(what) '\(id)'", hint: Spelling.suggestion(for: id, among: known).map { "did you mean '\($0)'?" })
            }
        }
        if !out.isEmpty { return out }
        let a = engine.evaluate(answers.answers, on: date ?? today)
        func ids(_ kind: CatalogEntry.Kind) -> [String] {
            (kind == .suggestion ? a.suggestions : kind == .caution ? a.cautions : a.notes).map(\.id)
        }
        func listed(_ list: [String]) -> String { list.isEmpty ? "none" : list.joined(separator: ", ") }
        for e in expectations {
            switch e.claim {
            case .level(let id) where a.level.id != id:
                fail(e, "expected the level \(id), came \(a.level.id)")
            case .action(let id) where a.action.id != id:
                fail(e, "expected the action \(id), came \(a.action.id)")
            case .entry(let kind, let id, let present) where ids(kind).contains(id) != present:
                fail(e, present ? "expected the \(kind.rawValue) \(id), came \(kind.rawValue)s: \(listed(ids(kind)))"
                                : "expected no \(kind.rawValue) \(id), but the result holds it")
            case .empty where !(a.suggestions.isEmpty && a.cautions.isEmpty):
                fail(e, "expected no suggestions and no cautions, came suggestions: \(listed(ids(.suggestion))); cautions: \(listed(ids(.caution)))")
            case .nextCheck(let weeks) where a.nextCheck?.weeks != weeks:
                let came = a.nextCheck.map { "at \(Value.number($0.weeks).plain) weeks" } ?? "none"
                fail(e, "expected the next check " + (weeks.map { "at \(Value.number($0).plain) weeks" } ?? "none") + ", came \(came)")
            default:
                break
            }
        }
        return out
    }
}
