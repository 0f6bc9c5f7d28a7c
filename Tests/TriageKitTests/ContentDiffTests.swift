import Foundation
import Testing
@testable import TriageKit

/// A questionnaire small enough to count every class by hand: an age split at 60, a duration
/// split at 6 weeks, one optional yes/no and one warning sign.
private func small(_ rules: String) -> Questionnaire {
    try! Fixtures.load("""
    sections:
      - id: s
        title: {en: S, de: S}
        items:
          - {id: age, type: integer, min: 18, max: 99, text: {en: Age, de: Alter}}
          - {id: weeks, type: decimal, min: 0, max: 52, text: {en: Weeks, de: Wochen}}
          - {id: rested, type: boolean, required: false, text: {en: Rested, de: Geruht}}
          - {id: fever, type: boolean, text: {en: Fever, de: Fieber}}
    rules:
    \(rules)
    """).get()
}

private let emergencyRule = """
  - {id: fever-when-old, when: "fever and age >= 60", triage: emergency, explanation: {en: x, de: x}, source: {file: f, section: s}}

"""
private let adviceRules = """
  - {id: move, when: "weeks < 6", suggest: [rest_less], explanation: {en: x, de: x}, source: {file: f, section: s}}
  - {id: no-bed, when: "yes(rested)", caution: [bed_rest], explanation: {en: x, de: x}, source: {file: f, section: s}}

"""

/// Every class of `old` and `new` side by side, counted one by one with the engines: the
/// independent count the diff's statement is checked against. `finest` holds every rule of
/// both, so its classes split every answer wherever either version does.
private func exhaustiveLevelChanges(_ old: Questionnaire, _ new: Questionnaire, finest: Questionnaire) -> (classes: Int, changes: [String: Int]) {
    let space = AnswerSpace(finest)
    let ids = finest.items.map(\.id.rawValue)
    var counts: [String: Int] = [:]
    var classes = 0
    func walk(_ i: Int, _ values: [ItemID: Value]) {
        if i == ids.count {
            classes += 1
            let before = Engine(old).evaluate(AnswerSet(values)).level.id, after = Engine(new).evaluate(AnswerSet(values)).level.id
            if before != after { counts["\(before)->\(after)", default: 0] += 1 }
            return
        }
        for outcome in space.domains[ids[i]]! {
            var next = values
            if case .value(let v) = outcome { next[ItemID(ids[i])] = v }
            walk(i + 1, next)
        }
    }
    walk(0, [:])
    return (classes, counts)
}

@Suite("diff")
struct ContentDiffTests {
    static let day = Fixtures.day

    @Test func aQuestionnaireComparedWithItselfHasNoChange() {
        let q = small(emergencyRule + adviceRules)
        let diff = ContentDiff(old: q, new: q, on: Self.day)
        #expect(diff.findings.isEmpty)
        #expect(!diff.lowersLevel)
    }

    @Test func aSmallSpaceIsComparedClassByClassAndTheLevelCountsMatchAnExhaustiveCount() {
        let old = small(emergencyRule + adviceRules), new = small(adviceRules)
        let diff = ContentDiff(old: old, new: new, samples: 10_000, on: Self.day)
        let truth = exhaustiveLevelChanges(old, new, finest: old)
        #expect(diff.coverage == .every)
        #expect(diff.compared == truth.classes)
        #expect(diff.classes == UInt128(truth.classes))
        let counted = Dictionary(uniqueKeysWithValues: diff.findings.compactMap { f -> (String, Int)? in
            guard case .level(let from, let to) = f.change else { return nil }
            return ("\(from)->\(to)", Int(f.count))
        })
        #expect(counted == truth.changes)
        #expect(counted["emergency->self_care"] != nil)
    }

    @Test func aSpaceLargerThanTheSampleSaysItWasSampledAndTheSameSeedGivesTheSameCounts() {
        let old = small(emergencyRule + adviceRules), new = small(emergencyRule)
        let first = ContentDiff(old: old, new: new, samples: 7, seed: 42, on: Self.day)
        let again = ContentDiff(old: old, new: new, samples: 7, seed: 42, on: Self.day)
        #expect(first.coverage == .sample(size: 7, seed: 42))
        #expect(first.compared == 7)
        #expect(first.findings.allSatisfy { !$0.exact })
        #expect(first.findings.map(\.count) == again.findings.map(\.count))
    }

    @Test func removingTheEmergencyRuleLowersTheLevelWithAWitnessThatShowsIt() {
        let old = small(emergencyRule + adviceRules), new = small(adviceRules)
        let diff = ContentDiff(old: old, new: new, on: Self.day)
        let lowered = try! #require(diff.findings.first)
        #expect(lowered.lowersLevel)
        #expect(diff.lowersLevel)
        #expect(Engine(old).evaluate(AnswerSet(lowered.witness.old)).level.id == "emergency")
        #expect(Engine(new).evaluate(AnswerSet(lowered.witness.new)).level.id == "self_care")
        #expect(Set(lowered.witness.decisive) == [ItemID("age"), ItemID("fever")])
    }

    @Test func aNewItemIsComparedOverEveryClassOfIt() {
        let old = small(adviceRules)
        var new = small(adviceRules + emergencyRule)
        new.sections[0].items.removeAll { $0.id == "rested" }
        let diff = ContentDiff(old: old, new: new, on: Self.day)
        #expect(diff.removed == [ItemID("rested")])
        #expect(diff.classes == UInt128(AnswerSpace(small(adviceRules + emergencyRule)).size))
        #expect(diff.findings.contains { $0.change == .entry(.caution, id: "bed_rest", added: false) })
        #expect(diff.findings.contains { $0.change == .level(from: "self_care", to: "emergency") && $0.exact })
    }
}
