import Foundation
import PropertyBased
import Testing
import TriageKit
@testable import TriageReport

/// 1,000 generated answer sets that answer every question, asked or not, with numbers next to
/// every rule constant (2.004 weeks of painkillers, 5.999 weeks of pain, a hair below 12...).
@Suite("FHIR over generated answer sets")
struct FHIRPropertyTests {
    static let questionnaire = FHIRQuestionnaire.json(Fixtures.shipped)

    /// No response holds an answer to an item that is disabled, by the engine's asked logic and
    /// by R4's rules applied to the exported Questionnaire; reading it back gives the identical
    /// evaluation; and its derived values are the engine's.
    @Test func noResponseHoldsADisabledItemAndEveryRoundTripEvaluatesTheSame() async throws {
        let r4 = R4Enablement(questionnaire: Self.questionnaire)
        await propertyCheck(count: 1_000, input: everyAnswerSets) { answers in
            let report = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
            let response = FHIRQuestionnaireResponse.json(report)
            let linkIds = Set(response.allItems.filter { $0["answer"] != nil }.compactMap { $0["linkId"]?.string })
                .subtracting(Fixtures.shipped.derived.map(\.id) + [FHIRQuestionnaire.levelLinkId])
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

    /// No output shows an answer to a question that is not asked: the report, the sheet's
    /// appendix, the JSON and the response hold the same answers, and the JSON's numbers read
    /// back as the very numbers given (2.004, 5.999, a hair below 12).
    @Test func everyOutputHoldsOnlyTheAnswersToQuestionsThatAreAsked() async throws {
        await propertyCheck(count: 300, input: everyAnswerSets) { answers in
            let report = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
            let asked = answers.asked(by: Fixtures.engine)
            if report.answers != asked { Issue.record("the report holds \(report.answers.values.keys.sorted())") }
            let appendix = Set(report.answerSections.flatMap { $0.answers.map(\.item.id) })
            if appendix != Set(asked.values.keys) { Issue.record("the appendix holds \(appendix.sorted())") }
            let response = FHIRQuestionnaireResponse.json(report)
            let inResponse = Set(response.allItems.filter { $0["answer"] != nil }.compactMap { $0["linkId"]?.string })
                .subtracting(Fixtures.shipped.derived.map(\.id) + [FHIRQuestionnaire.levelLinkId])
            if inResponse != Set(asked.values.keys.map(\.rawValue)) { Issue.record("the response holds \(inResponse.sorted())") }
            let text = ReportJSON.text(report)
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let json = object["answers"] as? [String: Any] else {
                Issue.record("the JSON does not parse")
                return
            }
            if Set(json.keys) != Set(asked.values.keys.map(\.rawValue)) { Issue.record("the JSON holds \(json.keys.sorted())") }
            for (id, value) in asked.values {
                if case .number(let n) = value, (json[id.rawValue] as? NSNumber)?.doubleValue != n {
                    Issue.record("\(id): \(n) comes back from JSON as \(String(describing: json[id.rawValue]))")
                }
            }
        }
    }
}
