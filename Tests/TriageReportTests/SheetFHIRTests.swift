import Foundation
import Testing
@testable import TriageKit
@testable import TriageReport

/// FHIR R4 Questionnaire and QuestionnaireResponse: shape, and answers -> response -> answers.
@Suite("Summary sheet FHIR")
struct SheetFHIRTests {
    static func response(_ answers: AnswerSet) -> String {
        FHIRQuestionnaireResponse.json(Fixtures.shipped, answers: answers, date: Fixtures.day, language: .en).serialized(pretty: true)
    }

    @Test(arguments: exampleCases().map(\.name))
    func answersSurviveTheRoundTripThroughAQuestionnaireResponse(_ name: String) throws {
        let answers = try #require(exampleCases().first { $0.name == name }?.answers).asked(by: Fixtures.engine)
        let document = try FHIRResponseReader.read(Self.response(answers), path: "response.json")
        #expect(document.answers == answers)
        #expect(document.questionnaire == "back-pain")
        #expect(document.date == Fixtures.day)
    }

    @Test func anAnswerFileReaderAcceptsAQuestionnaireResponse() throws {
        let answers = Fixtures.baseline(["duration_weeks": .number(2.5)])
        let document = try AnswerFileReader.parse(Self.response(answers), path: "response.json")
        #expect(document.answers == answers)
        #expect(AnswerFileReader.validate(document, engine: Fixtures.engine).isEmpty)
    }

    @Test func answerValuesFollowTheItemType() {
        let json = Self.response(Fixtures.baseline(["duration_weeks": .number(2.5)]))
        #expect(json.contains("\"valueInteger\": 40"))
        #expect(json.contains("\"valueDecimal\": 2.5"))
        #expect(json.contains("\"valueBoolean\": false"))
        #expect(json.contains("\"code\": \"lower_back\""))
    }

    @Test func theResponsePointsToTheVersionedQuestionnaire() {
        #expect(Self.response(Fixtures.baseline()).contains("\"questionnaire\": \"https://backtriage.invalid/fhir/Questionnaire/back-pain|2.0.0\""))
    }

    @Test func aResponseWithoutQuestionnaireIsRefusedWithAReason() {
        #expect(throws: Diagnostic.self) {
            try FHIRResponseReader.read(#"{"resourceType": "QuestionnaireResponse", "status": "completed"}"#, path: "r.json")
        }
    }

    @Test func aSimpleConditionBecomesEnableWhen() {
        let json = FHIRQuestionnaire.json(Fixtures.shipped, language: .en).serialized()
        #expect(json.contains(#""linkId":"whiplash","text":"#))
        #expect(json.contains(#""enableWhen":[{"question":"region","operator":"=","answerCoding":{"system":"https://backtriage.invalid/fhir/CodeSystem/back-pain-region","code":"neck"}}]"#))
    }

    @Test func aConditionFHIRCannotExpressIsLeftOutAndNotRequired() throws {
        let expression = Expression(source: "count(yf_fear) > 0", root: try ExpressionParser.parse("count(yf_fear) > 0"), location: nil)
        #expect(EnableWhen(Fixtures.shipped, expression.root) == nil)
    }
}
