import Foundation
import PropertyBased
import Testing
@testable import TriageKit

/// Answer sets of the shipped questionnaire from swift-property-based generators: a failing case
/// shrinks towards the simplest answers (every sign no, every number at its minimum) except
/// what the failure needs.
let answerSets = Gen.int(in: 0...1_000).array(of: Fixtures.shipped.items.count).map { Fixtures.answers(choices: $0) }

@Suite("Properties over generated answer sets")
struct PropertyTests {
    @Test func generatedAnswerSetsAreValid() async {
        await propertyCheck(count: 100, input: answerSets) { answers in
            #expect(AnswerFileReader.validate(AnswerDocument(questionnaire: "back-pain", answers: answers, locations: [:]),
                                              engine: Fixtures.engine).isEmpty)
        }
    }

    @Test func theSafetyInvariantsHold() async {
        let levels = Dictionary(uniqueKeysWithValues: Fixtures.shipped.triageLevels.map { ($0.id, $0) })
        await propertyCheck(count: 500, input: answerSets) { answers in
            let result = Fixtures.engine.evaluate(answers, on: Fixtures.day)
            let yes = { (id: String) in answers[ItemID(id)] == .bool(true) }
            if ["rf_saddle_numbness", "rf_bladder_bowel", "rf_weakness", "rf_tearing_pain", "rf_chest_pain", "rf_stroke_signs",
                "rf_meningism"].contains(where: yes) {
                #expect(result.level.id == "emergency")
                #expect(result.notes.allSatisfy { $0.id == "crisis_help" })
            }
            if ["rf_fever", "rf_trauma", "rf_both_legs", "rf_myelopathy", "wl_dangerous_accident", "wl_arm_tingling",
                "wl_cannot_turn"].contains(where: yes) {
                #expect(result.level >= levels["urgent"]!)
            }
            if !result.redFlags.isEmpty {
                #expect(result.suggestions.isEmpty && result.cautions.isEmpty && result.nextCheck == nil)
            }
            if case .number(let age)? = answers["age"], age < 18 {
                #expect(result.level >= levels["see_doctor"]! && result.suggestions.isEmpty && result.cautions.isEmpty)
            }
        }
    }

    @Test func noResultHoldsASuggestionAndACautionOnOneSubject() async {
        await propertyCheck(count: 500, input: answerSets) { answers in
            let result = Fixtures.engine.evaluate(answers, on: Fixtures.day)
            let q = Fixtures.shipped
            let subjects = Set(result.suggestions.compactMap { q.entry($0.id, .suggestion)?.subject })
            for c in result.cautions { #expect(!subjects.contains(q.entry(c.id, .caution)?.subject ?? ""), "\(c.id)") }
        }
    }

    @Test func evaluationIsIndependentOfAnswerOrder() async {
        await propertyCheck(count: 200, input: answerSets, Gen.int(in: 0...1_000)) { answers, salt in
            var shuffled = AnswerSet()
            for (k, v) in answers.values.sorted(by: { ($0.key.rawValue.hashValue ^ salt) < ($1.key.rawValue.hashValue ^ salt) }) {
                shuffled[k] = v
            }
            let one = Fixtures.engine.evaluate(answers, on: Fixtures.day)
            let two = Fixtures.engine.evaluate(shuffled, on: Fixtures.day)
            #expect(one.trace == two.trace && one.level == two.level && one.suggestions == two.suggestions)
        }
    }

    @Test func answeringMoreWarningSignsNeverLowersTheLevel() async {
        let flags = Fixtures.shipped.items.filter(\.isRedFlag).map(\.id)
        await propertyCheck(count: 300, input: answerSets, Gen.int(in: 0...(flags.count - 1))) { answers, pick in
            var more = answers
            let before = Fixtures.engine.evaluate(answers, on: Fixtures.day).level
            more[flags[pick]] = .bool(true)
            let after = Fixtures.engine.evaluate(more, on: Fixtures.day).level
            #expect(after >= before, "\(flags[pick]): \(before.id) -> \(after.id)")
        }
    }
}
