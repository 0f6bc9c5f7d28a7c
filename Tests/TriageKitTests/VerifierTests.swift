import Foundation
import Testing
@testable import TriageKit

@Suite("verify")
struct VerifierTests {
    @Test func theShippedQuestionnaireSatisfiesEveryProperty() {
        let report = Verifier(Fixtures.shipped).run()
        #expect(report.passed, "\(report.failures)")
        #expect(report.properties >= Fixtures.shipped.rules.count + Fixtures.shipped.invariants.count)
        #expect(report.classes > 1e9)
    }

    /// Removing any one emergency rule from a copy must give a counter-example that really
    /// breaks the invariant.
    @Test(arguments: Fixtures.shipped.rules.filter { $0.triage == "emergency" }.map(\.id))
    func deletingAnEmergencyRuleGivesACounterExample(_ ruleId: String) {
        var q = Fixtures.shipped
        let flag = q.rule(ruleId)!.redFlag!.item
        q.rules.removeAll { $0.id == ruleId }
        let report = Verifier(q).run()
        let failure = report.failures.first { $0.property == "invariant emergency-signs-are-emergencies" }
        #expect(failure != nil)
        let example = failure?.counterExample ?? [:]
        #expect(example[flag] == .bool(true))
        #expect(Engine(q).evaluate(AnswerSet(example)).level.id != "emergency")
    }

    @Test(arguments: ["red-flag-fever", "red-flag-trauma", "red-flag-cancer"])
    func deletingAnotherRedFlagRuleGivesACounterExample(_ ruleId: String) {
        var q = Fixtures.shipped
        q.rules.removeAll { $0.id == ruleId }
        let report = Verifier(q).run()
        #expect(report.failures.contains { $0.property.hasPrefix("invariant") && $0.counterExample != nil })
    }

    @Test func aLevelThatShowsAdviceDespiteAWarningSignIsFound() {
        var q = Fixtures.shipped
        let i = q.triageLevels.firstIndex { $0.id == "soon" }!
        q.triageLevels[i].result = ResultShape()
        // Advice rules are guarded too; lift one guard so the changed shape matters.
        let r = q.rules.firstIndex { $0.id == "general-cautions" }!
        q.rules[r].condition = Expression(source: "true", root: .literal(.bool(true), at: 0), location: nil)
        let report = Verifier(q).run()
        #expect(report.failures.contains { $0.property == "invariant warning-signs-bring-no-advice" })
    }

    @Test func anEmergencyNoteOtherThanCrisisHelpIsFound() {
        var q = Fixtures.shipped
        let i = q.triageLevels.firstIndex { $0.id == "emergency" }!
        q.triageLevels[i].result.notes = nil
        let report = Verifier(q).run()
        #expect(report.failures.contains { $0.property == "invariant emergencies-carry-only-crisis-help" })
    }

    /// Surgery offered for pain without a known cause clashes with "injections and operations do
    /// not help": conflict resolution would keep only the caution, hiding the clash, which the
    /// check before resolution finds.
    @Test func surgeryForPainWithoutKnownCauseIsFound() {
        var q = Fixtures.shipped
        let i = q.rules.firstIndex { $0.id == "surgery-after-failed-care" }!
        q.rules[i].condition = Expression(source: "conservative_failed", root: .reference("conservative_failed", at: 0), location: nil)
        let report = Verifier(q).run()
        #expect(report.failures.contains { $0.property == "no conflict on 'procedures'" })
    }

    @Test func surgeryAndTheCautionTogetherAfterResolutionBreakTheNeverTogetherInvariant() {
        var q = Fixtures.shipped
        let i = q.rules.firstIndex { $0.id == "surgery-after-failed-care" }!
        q.rules[i].condition = Expression(source: "conservative_failed", root: .reference("conservative_failed", at: 0), location: nil)
        q.rules[i].priority = 5
        let report = Verifier(q).run()
        #expect(report.failures.contains { $0.property == "invariant surgery-and-no-procedures-never-together" } == false,
                "the suggestion wins the conflict, so the two never show together")
        let s = q.catalog.firstIndex { $0.id == "injections_nonspecific" }!
        q.catalog[s].subject = "other"
        #expect(Verifier(q).run().failures.contains { $0.property == "invariant surgery-and-no-procedures-never-together" })
    }

    @Test func aClashOfSuggestionAndCautionTheDataDidNotAllowIsFoundBeforeResolution() {
        // Conflict resolution would hide it (the caution wins at equal priority): verify finds
        // the clash itself. A copy suggests an operation for acute low back pain, beside the
        // caution against injections and operations for pain without a known cause.
        var q = Fixtures.shipped
        let i = q.rules.firstIndex { $0.id == "low-back-acute" }!
        q.rules[i].suggest.append("surgery_discussion")
        let report = Verifier(q).run()
        #expect(report.failures.contains { $0.property == "no conflict on 'procedures'" })
    }

    @Test func aRuleThatCannotFireFailsVerification() {
        var q = Fixtures.shipped
        q.rules[0].condition = Expression(source: "false", root: .literal(.bool(false), at: 0), location: nil)
        let report = Verifier(q).run()
        #expect(report.failures.contains { $0.property == "rule \(q.rules[0].id) can fire" })
    }
}
