import Foundation
import Testing
@testable import TriageKit

@Suite("cases")
struct QuestionnaireCaseTests {
    static func parse(_ text: String) throws(Diagnostic) -> [QuestionnaireCase] {
        try CaseFileReader.parse(text, path: "cases/c.yaml", questionnaire: "back-pain")
    }

    static func yaml(_ answers: [String: Value], expect: String) -> String {
        let lines = answers.sorted { $0.key < $1.key }.map { "    \($0.key): \($0.value.plain)" }
        return "- name: one\n  answers:\n" + lines.joined(separator: "\n") + "\n  expect:\n" + expect + "\n"
    }

    static func baseline() -> [String: Value] {
        Dictionary(uniqueKeysWithValues: Fixtures.baseline().values.map { ($0.key.rawValue, $0.value) })
    }

    @Test func aCaseThatHoldsHasNoFailure() throws {
        let cases = try Self.parse(Self.yaml(Self.baseline(), expect: "    triage: self_care\n    include: [stay_active]\n    next_check: 4"))
        #expect(cases.count == 1)
        #expect(cases[0].failures(with: Fixtures.engine, today: Fixtures.day).isEmpty)
    }

    @Test func aWrongLevelIsReportedAtItsLineWithWhatCame() throws {
        let text = Self.yaml(Self.baseline(), expect: "    include: [stay_active]\n    triage: emergency")
        let failures = try Self.parse(text)[0].failures(with: Fixtures.engine, today: Fixtures.day)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("triage: emergency") }! + 1
        #expect(failures.count == 1)
        #expect(failures.first?.location == SourceLocation(file: "cases/c.yaml", line: line, column: 13))
        #expect(failures.first?.message == "case 'one': expected the level emergency, came self_care")
    }

    @Test func anExcludedEntryThatAppearsIsReportedAtTheEntry() throws {
        let failures = try Self.parse(Self.yaml(Self.baseline(), expect: "    exclude: [heat, stay_active]"))[0]
            .failures(with: Fixtures.engine, today: Fixtures.day)
        #expect(failures.map(\.message) == ["case 'one': expected no suggestion heat, but the result holds it",
                                            "case 'one': expected no suggestion stay_active, but the result holds it"])
        #expect(failures.map { $0.location?.column } == [15, 21])
    }

    @Test func anAnswerTheQuestionnaireRefusesFailsTheCaseAtTheAnswer() throws {
        var answers = Self.baseline()
        answers["age"] = .string("old")
        let failures = try Self.parse(Self.yaml(answers, expect: "    triage: self_care"))[0].failures(with: Fixtures.engine, today: Fixtures.day)
        #expect(failures.count == 1)
        #expect(failures.first?.message.hasPrefix("case 'one': answer 'age'") == true)
    }

    @Test func anExpectationNamingAnUnknownEntryFailsWithASuggestion() throws {
        let failures = try Self.parse(Self.yaml(Self.baseline(), expect: "    exclude: [physiotherpy]"))[0]
            .failures(with: Fixtures.engine, today: Fixtures.day)
        #expect(failures.map(\.message) == ["case 'one': the questionnaire has no suggestion 'physiotherpy'"])
        #expect(failures.first?.hint == "did you mean 'physiotherapy'?")
    }

    @Test func sayingACautionIsNoSuggestionHolds() throws {
        let cases = try Self.parse(Self.yaml(Self.baseline(), expect: "    exclude: [bed_rest]"))
        #expect(cases[0].failures(with: Fixtures.engine, today: Fixtures.day).isEmpty)
    }

    @Test func anUnknownExpectationIsAnErrorWithASuggestion() {
        #expect {
            try Self.parse("- name: x\n  answers: {age: 40}\n  expect: {traige: self_care}\n")
        } throws: { error in
            let d = error as! Diagnostic
            return d.location?.line == 3 && d.message == "unknown expectation 'traige'" && d.hint == "did you mean 'triage'?"
        }
    }

    @Test func aFileThatIsNoListOfCasesIsAnError() {
        #expect(throws: Diagnostic.self) { try Self.parse("name: x\n") }
        #expect(throws: Diagnostic.self) { try CaseFileReader.parse("[{\"name\": 1,", path: "c.json", questionnaire: "back-pain") }
    }

    @Test func theSharedExamplesReadAsCases() throws {
        let cases = try CaseFileReader.parse(String(contentsOfFile: Fixtures.vignettesPath, encoding: .utf8),
                                             path: "examples.json", questionnaire: "back-pain")
        #expect(cases.count >= 14)
        #expect(cases.allSatisfy { !$0.expectations.isEmpty })
    }
}
