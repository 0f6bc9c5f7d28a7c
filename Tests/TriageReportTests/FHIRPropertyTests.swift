import Foundation
import PropertyBased
import Testing
import TriageKit
@testable import TriageReport

/// 1,000 generated answer sets that answer every question, asked or not, with numbers next to
/// every rule constant (2.004 weeks of painkillers, 5.999 weeks of pain, a hair below 12...).
@Suite("FHIR over generated answer sets")
struct FHIRPropertyTests {
    static let questionnaire = FHIRQuestionnaire.json(Fixtures.shipped, language: .en)

    /// No response holds an answer to an item that is disabled, by the engine's asked logic and
    /// by R4's rules applied to the exported Questionnaire; reading it back gives the identical
    /// evaluation; and its derived values are the engine's.
    @Test func noResponseHoldsADisabledItemAndEveryRoundTripEvaluatesTheSame() async throws {
        let r4 = R4Enablement(questionnaire: Self.questionnaire)
        await propertyCheck(count: 1_000, input: everyAnswerSets) { answers in
            let report = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
            let response = FHIRQuestionnaireResponse.json(report, language: .en)
            let linkIds = Set(response.allItems.filter { $0["answer"] != nil }.compactMap { $0["linkId"]?.string })
                .subtracting(Fixtures.shipped.derived.map(\.id))
            let asked = Set(Fixtures.engine.askedItems(given: answers).map(\.id.rawValue))
            #expect(linkIds.isSubset(of: asked), "not asked: \(linkIds.subtracting(asked).sorted())")
            let enabled = r4.enabled(answers)
            #expect(linkIds.isSubset(of: enabled), "disabled in FHIR: \(linkIds.subtracting(enabled).sorted())")

            let document: AnswerDocument
            do { document = try FHIRResponseReader.read(response.serialized(), path: "r.json") } catch {
                Issue.record("the response is refused: \(error)")
                return
            }
            #expect(AnswerFileReader.validate(document, engine: Fixtures.engine).isEmpty)
            #expect(document.answers == report.answers)
            #expect(FHIRResponseTests.evaluation(document.answers) == FHIRResponseTests.evaluation(answers))
        }
    }
}
