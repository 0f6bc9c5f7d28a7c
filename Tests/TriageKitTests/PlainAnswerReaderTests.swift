import Foundation
import PropertyBased
import Testing
@testable import TriageKit

/// The plain reader takes the answer sets programs write straight into answers; it must give
/// exactly the document the full reader gives, or leave the text to it.
@Suite("Plain answer reader")
struct PlainAnswerReaderTests {
    /// An answer set as a program writes it, with `spacing` after colons and commas.
    static func line(_ answers: AnswerSet, date: String? = "2026-11-23", spacing: String = "", nulls: [String] = []) -> String {
        func json(_ value: Value) -> String {
            switch value {
            case .bool(let b): return b ? "true" : "false"
            case .number(let n): return Value.format(n)
            case .string(let s): return "\"\(s)\""
            case .list(let l): return "[" + l.map { "\"\($0)\"" }.joined(separator: "," + spacing) + "]"
            }
        }
        let fields = answers.values.sorted { $0.key < $1.key }.map { "\"\($0.key.rawValue)\":\(spacing)\(json($0.value))" }
            + nulls.map { "\"\($0)\":\(spacing)null" }
        let answers = "{" + fields.joined(separator: "," + spacing) + "}"
        return "{\"questionnaire\":\(spacing)\"back-pain\"," + spacing + (date.map { "\"date\":\(spacing)\"\($0)\"," + spacing } ?? "")
            + "\"answers\":\(spacing)" + answers + "}"
    }

    /// Both readers on `text`: the same document, or the plain reader leaves it to the full one.
    static func expectSameDocument(_ text: String, line: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let plain = Result { () throws(Diagnostic) -> AnswerDocument in try AnswerFileReader.parse(text, path: "a.jsonl", line: line) }
        let full = Result { () throws(Diagnostic) -> AnswerDocument in
            try AnswerFileReader.parse(text, path: "a.jsonl", line: line, plainFirst: false)
        }
        switch (plain, full) {
        case (.success(let a), .success(let b)):
            #expect(a.questionnaire == b.questionnaire && a.answers == b.answers && a.date == b.date, "\(text)", sourceLocation: sourceLocation)
            #expect(a.answersLocation == b.answersLocation, "\(text)", sourceLocation: sourceLocation)
            for id in b.answers.values.keys {
                #expect(a.locations[id] == b.locations[id], "\(id) in \(text)", sourceLocation: sourceLocation)
            }
        case (.failure(let a), .failure(let b)):
            #expect(a.description == b.description, "\(text)", sourceLocation: sourceLocation)
        default:
            Issue.record("one reader refused what the other read: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test func itReadsTheAnswerSetsProgramsWrite() {
        let text = Self.line(Fixtures.baseline(), spacing: " ")
        let plain = PlainAnswerReader.read(text)
        #expect(plain?.questionnaire == "back-pain")
        #expect(plain.map { AnswerSet($0.answers) } == Fixtures.baseline())
    }

    @Test func anyAnswerSetGivesTheDocumentTheFullReaderGives() async {
        await propertyCheck(count: 300, input: answerSets, Gen.int(in: 0...3)) { answers, style in
            let spacing = ["", " ", "  ", "\t"][style]
            Self.expectSameDocument(Self.line(answers, spacing: spacing, nulls: style == 2 ? ["nsaid_risk"] : []), line: 1 + style * 10)
        }
    }

    /// Texts near the edge of what the plain reader takes: each is read the same, or refused
    /// with the full reader's message.
    @Test(arguments: [
        #"{"answers": {"age": 40}, "questionnaire": "back-pain"}"#,
        #"  {"questionnaire":"back-pain","answers":{}}  "#,
        #"{"questionnaire":"back-pain","answers":{"age":-0,"intensity":1e1,"painkiller_weeks":2.5E-1,"duration_weeks":0.5}}"#,
        #"{"questionnaire":"back-pain","answers":{"region":"lower\u005fback"}}"#,
        #"{"questionnaire":"back-pain","answers":{"age":40,"age":41}}"#,
        #"{"questionnaire":"back-pain","answers":{"age":null,"age":41}}"#,
        #"{"questionnaire":"back-pain","answers":{"age":041}}"#,
        #"{"questionnaire":"back-pain","answers":{"age":1e999}}"#,
        #"{"questionnaire":"back-pain","answers":{"age":.5}}"#,
        #"{"questionnaire":"back-pain","answers":{"age":{"years":40}}}"#,
        #"{"questionnaire":"back-pain","answers":{"diagnosis":["none", 3]}}"#,
        #"{"questionnaire":"back-pain","answers":{"diagnosis":[]}}"#,
        #"{"questionnaire":"back-pain","answers":{"age":40},"date":"2026-02-30"}"#,
        #"{"questionnaire":"back-pain","answers":{"age":40},"date":"2026-02-03"}"#,
        #"{"questionnaire":"back-pain","answers":{"age":40},"note":"x"}"#,
        #"{"questionnaire":"back-pain","questionnaire":"back-pain","answers":{}}"#,
        #"{"questionnaire":7,"answers":{}}"#,
        #"{"questionnaire":"back-pain","answers":{"age":40}} x"#,
        #"{"questionnaire":"back-pain","answers":{"age":40},}"#,
        #"{"questionnaire":"back-pain","answers":{"age":tru}}"#,
        #"{"questionnaire":"rückenschmerz","answers":{"region":"Rücken"}}"#,
        #"{"resourceType":"QuestionnaireResponse","status":"completed"}"#,
        "{\"questionnaire\":\"back-pain\",\"answers\":{\"region\":\"a\tb\"}}",
        "{\n  \"questionnaire\": \"back-pain\",\n  \"answers\": {\n    \"age\": 40\n  }\n}",
        "questionnaire: back-pain\nanswers:\n  age: 40\n",
    ])
    func edgeTextsAreReadAsTheFullReaderReadsThem(_ text: String) {
        Self.expectSameDocument(text)
        Self.expectSameDocument(text, line: 12)
    }
}
