import Foundation
import Testing
@testable import TriageKit

@Suite("verify")
struct VerifierTests {
    @Test func theShippedQuestionnaireSatisfiesEveryProperty() {
        let report = Verifier(Fixtures.shipped).run()
        #expect(report.passed, "\(report.failures)")
        #expect(report.properties >= Fixtures.shipped.rules.count + 2)
        #expect(report.classes > 1e9)
    }

    @Test(arguments: ["red-flag-fever", "red-flag-weakness", "red-flag-trauma"])
    func deletingARedFlagRuleGivesACounterExample(_ ruleId: String) {
        var q = Fixtures.shipped
        let flag = q.rule(ruleId)!.redFlag!.item
        q.rules.removeAll { $0.id == ruleId }
        let report = Verifier(q).run()
        let failure = report.failures.first { $0.property.hasPrefix("invariant") }
        #expect(failure != nil)
        let example = failure?.counterExample ?? [:]
        #expect(example[flag] == .bool(true))
        // The counter-example really breaks the invariant when evaluated.
        let level = Engine(q).evaluate(AnswerSet(example)).triage
        #expect(!["emergency", "urgent"].contains(level) || (ruleId == "red-flag-weakness" && level == "urgent"))
    }

    @Test func aConflictTheEngineCannotResolveIsFound() {
        // Same priority on both sides: the caution wins, so both never show. Raising the caution
        // rule above still resolves; the property holds either way because resolution is in the engine.
        var q = Fixtures.shipped
        if let i = q.rules.firstIndex(where: { $0.id == "whiplash-early-muscle-relaxants" }) { q.rules[i].priority = 0 }
        let report = Verifier(q).run()
        #expect(report.passed)
        let a = Engine(q).evaluate(Fixtures.baseline(["region": .string("neck"), "whiplash": .bool(true), "duration_weeks": .number(1)]))
        #expect(a.cautionIds.contains("muscle_relaxants"))
        #expect(!a.suggestionIds.contains("muscle_relaxants"))
    }

    @Test func aRuleThatCannotFireFailsVerification() {
        var q = Fixtures.shipped
        q.rules[0].condition = Expression(source: "false", root: .literal(.bool(false), at: 0), location: nil)
        let report = Verifier(q).run()
        #expect(report.failures.contains { $0.property == "rule \(q.rules[0].id) can fire" })
    }
}
