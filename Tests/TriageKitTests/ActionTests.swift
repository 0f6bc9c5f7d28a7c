import Foundation
import Testing
@testable import TriageKit
import TriageTestSupport

/// A questionnaire with two actions at its most urgent level, for the format of actions.
private func questionnaire(levels: String? = nil, actions: String? = nil, rules: String) -> LoadResult {
    let text = """
    id: test
    version: 1.0.0
    languages: [en, de]
    title: {en: Test, de: Test}
    sections:
      - id: s
        title: {en: S, de: S}
        items:
          - {id: chest, type: boolean, text: {en: Chest?, de: Brust?}}
          - {id: numb, type: boolean, text: {en: Numb?, de: Taub?}}
    triage_levels:
    \(levels ?? """
      - {id: emergency, title: {en: EMERGENCY, de: NOTFALL}, action: hospital}
      - {id: self_care, title: {en: SELF-CARE, de: SELBSTHILFE}, action: self_help}
    """)
    actions:
    \(actions ?? """
      - {id: ambulance, level: emergency, text: {en: Call 112, de: 112 anrufen}}
      - {id: hospital, level: emergency, text: {en: Go to hospital, de: Ins Krankenhaus}}
      - {id: self_help, level: self_care, text: {en: Help yourself, de: Selbsthilfe}}
    """)
    rules:
    \(rules)
    """
    return QuestionnaireLoader.load(text: text, path: "test.yaml")
}

private let twoSigns = """
  - {id: heart, when: chest, triage: emergency, action: ambulance, explanation: {en: H, de: H}, source: {file: f, section: s}}
  - {id: nerves, when: numb, triage: emergency, explanation: {en: N, de: N}, source: {file: f, section: s}}
"""

@Suite("Actions: where to go and how")
struct ActionTests {
    private func evaluate(_ q: Questionnaire, _ answers: [ItemID: Value]) -> Assessment { Engine(q).evaluate(AnswerSet(answers)) }

    @Test func aSignNamesItsActionAndOthersTakeTheLevelsDefault() throws {
        let q = try questionnaire(rules: twoSigns).get()
        #expect(evaluate(q, ["chest": .bool(true), "numb": .bool(false)]).action.id == "ambulance")
        #expect(evaluate(q, ["chest": .bool(false), "numb": .bool(true)]).action.id == "hospital")
        #expect(evaluate(q, ["chest": .bool(false), "numb": .bool(false)]).action.id == "self_help")
    }

    @Test func theFirstActionInTheQuestionnairesOrderWins() throws {
        let q = try questionnaire(rules: twoSigns).get()
        #expect(evaluate(q, ["chest": .bool(true), "numb": .bool(true)]).action.id == "ambulance")
    }

    @Test func checkRefusesAnActionOfAnotherLevel() {
        let rules = twoSigns.replacingOccurrences(of: "action: ambulance", with: "action: self_help")
        let errors = questionnaire(rules: rules).errors.map(\.description)
        #expect(errors.contains { $0.contains("rule 'heart' sets the level 'emergency' but names the action 'self_help' of the level 'self_care'") })
    }

    @Test func checkRefusesAnUnknownActionWithASuggestion() {
        let rules = twoSigns.replacingOccurrences(of: "action: ambulance", with: "action: ambulanse")
        let errors = questionnaire(rules: rules).errors.map(\.description)
        #expect(errors.contains { $0.contains("names the action 'ambulanse', which is not defined") && $0.contains("ambulance") })
    }

    @Test func checkRefusesAnActionNoRuleCanReach() {
        let rules = twoSigns.replacingOccurrences(of: ", action: ambulance", with: "")
        let errors = questionnaire(rules: rules).errors.map(\.description)
        #expect(errors.contains { $0.contains("no result can have the action 'ambulance'") })
    }

    @Test func checkRefusesALevelWhoseDefaultBelongsToAnotherLevel() {
        let levels = """
          - {id: emergency, title: {en: EMERGENCY, de: NOTFALL}, action: self_help}
          - {id: self_care, title: {en: SELF-CARE, de: SELBSTHILFE}, action: self_help}
        """
        let errors = questionnaire(levels: levels, rules: twoSigns).errors.map(\.description)
        #expect(errors.contains { $0.contains("triage level 'emergency' has the action 'self_help' of the level 'self_care'") })
    }

    @Test func aLevelWithItsActionAsTextStillLoads() throws {
        let levels = """
          - {id: emergency, title: {en: EMERGENCY, de: NOTFALL}, action: {en: Call 112, de: 112 anrufen}}
          - {id: self_care, title: {en: SELF-CARE, de: SELBSTHILFE}, action: {en: Help yourself, de: Selbsthilfe}}
        """
        let rules = twoSigns.replacingOccurrences(of: ", action: ambulance", with: "")
        let q = try questionnaire(levels: levels, actions: "  []", rules: rules).get()
        let a = evaluate(q, ["chest": .bool(true), "numb": .bool(false)])
        #expect(a.action.id == "emergency")
        #expect(a.action.text[.en] == "Call 112")
    }

    /// `verify` proves where a sign sends a person: with chest pain sent to an emergency
    /// department instead of 112, the shipped questionnaire is refused with a counter-example.
    @Test func verifyRefusesChestPainSentToAnEmergencyDepartment() throws {
        var q = Fixtures.shipped
        let i = try #require(q.rules.firstIndex { $0.id == "red-flag-chest-pain" })
        q.rules[i].action = "emergency_department"
        let report = Verifier(q).run()
        let failure = try #require(report.failures.first { $0.property == "invariant causes-outside-the-spine-call-112" })
        let example = try #require(failure.counterExample)
        #expect(example["rf_chest_pain"] == .bool(true))
        #expect(Engine(q).evaluate(AnswerSet(example)).action.id == "emergency_department")
        #expect(failure.message.contains("emergency_department, not call_112"))
    }
}
