import Foundation
import PropertyBased
import Testing
@testable import TriageKit

/// Builds a complete, valid answer set of the shipped questionnaire from a seed, drawing each
/// answer from the classes that matter (the verifier's representatives) and, for numbers, also
/// from anywhere in the item's range.
private func answers(seed: UInt64) -> AnswerSet {
    var rng = SplitMix(seed: seed)
    let q = Fixtures.shipped
    let space = AnswerSpace(q)
    var values: [String: Value] = [:]
    for item in q.items {
        let domain = (space.domains[item.id] ?? []).compactMap { outcome -> Value? in
            if case .value(let v) = outcome { return v } else { return nil }
        }
        if item.kind.isNumeric, let lo = item.minimum, let hi = item.maximum, rng.next() % 2 == 0 {
            let x = lo + Double(rng.next() % 10_000) / 10_000 * (hi - lo)
            values[item.id] = .number(item.kind == .decimal ? (x * 10).rounded() / 10 : x.rounded())
        } else if !domain.isEmpty {
            values[item.id] = domain[Int(rng.next() % UInt64(domain.count))]
        }
    }
    // Keep only the items a person would be asked, as the interfaces do.
    let asked = Set(Fixtures.engine.askedItems(given: AnswerSet(values)).map(\.id))
    return AnswerSet(values.filter { asked.contains($0.key) })
}

/// A small deterministic generator, so a failing seed reproduces the same answer set.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let seeds = Gen.int(in: 0...Int.max).map { UInt64($0) }
private func levelRank(_ id: String) -> Int { Fixtures.shipped.level(id)?.rank ?? Int.max }

@Suite("Properties over generated answer sets")
struct PropertyTests {
    @Test func generatedAnswerSetsAreValid() async {
        await propertyCheck(count: 100, input: seeds) { seed in
            let a = answers(seed: seed)
            let doc = AnswerDocument(questionnaire: "back-pain", answers: a, locations: [:])
            #expect(AnswerFileReader.validate(doc, engine: Fixtures.engine).isEmpty, "seed \(seed)")
        }
    }

    @Test func theSafetyInvariantsHold() async {
        await propertyCheck(count: 500, input: seeds) { seed in
            let a = answers(seed: seed)
            let result = Fixtures.engine.evaluate(a, on: Fixtures.day)
            let yes = { (id: String) in a[id] == .bool(true) }
            if ["rf_saddle_numbness", "rf_bladder_bowel", "rf_weakness"].contains(where: yes) {
                #expect(result.triage == "emergency", "seed \(seed)")
            }
            if ["rf_trauma", "rf_osteoporosis", "rf_cancer", "rf_weight_loss", "rf_night_pain", "rf_fever", "rf_infection_risk"].contains(where: yes) {
                #expect(levelRank(result.triage) <= levelRank("urgent"), "seed \(seed)")
            }
        }
    }

    @Test func noResultHoldsASuggestionAndACautionOnOneSubject() async {
        await propertyCheck(count: 500, input: seeds) { seed in
            let result = Fixtures.engine.evaluate(answers(seed: seed), on: Fixtures.day)
            let q = Fixtures.shipped
            let subjects = Set(result.suggestions.compactMap { q.entry($0.id, .suggestion)?.subject })
            for c in result.cautions {
                #expect(!subjects.contains(q.entry(c.id, .caution)?.subject ?? ""), "seed \(seed): \(c.id)")
            }
        }
    }

    @Test func evaluationIsDeterministicAndIndependentOfAnswerOrder() async {
        await propertyCheck(count: 200, input: seeds) { seed in
            let a = answers(seed: seed)
            var shuffled = AnswerSet()
            var rng = SplitMix(seed: seed ^ 0xABCDEF)
            for (k, v) in a.values.sorted(by: { _, _ in rng.next() % 2 == 0 }) { shuffled[k] = v }
            let one = AssessmentJSON.json(Fixtures.engine.evaluate(a, on: Fixtures.day)).serialized()
            let two = AssessmentJSON.json(Fixtures.engine.evaluate(shuffled, on: Fixtures.day)).serialized()
            #expect(one == two, "seed \(seed)")
        }
    }

    @Test func answeringMoreRedFlagsNeverLowersTheLevel() async {
        let flags = Fixtures.shipped.items.filter(\.isRedFlag).map(\.id)
        await propertyCheck(count: 300, input: seeds, Gen.int(in: 0...(flags.count - 1))) { seed, pick in
            var a = answers(seed: seed)
            let before = Fixtures.engine.evaluate(a, on: Fixtures.day).triage
            a[flags[pick]] = .bool(true)
            let after = Fixtures.engine.evaluate(a, on: Fixtures.day).triage
            #expect(levelRank(after) <= levelRank(before), "seed \(seed), \(flags[pick]): \(before) -> \(after)")
        }
    }

    @Test func answersThroughAFHIRQuestionnaireResponseAndBackAreTheSame() async {
        await propertyCheck(count: 200, input: seeds) { seed in
            let a = answers(seed: seed)
            let response = FHIRQuestionnaireResponse.json(Fixtures.shipped, answers: a, date: Fixtures.day, language: "en").serialized()
            let back = try? FHIRQuestionnaireResponse.read(response, path: "response.json")
            #expect(back?.answers == a, "seed \(seed)")
        }
    }
}
