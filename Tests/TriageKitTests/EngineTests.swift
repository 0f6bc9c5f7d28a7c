import Foundation
import Testing
@testable import TriageKit

@Suite("Engine: the rules of clinical-content.md")
struct EngineTests {
    // Rule 1
    @Test(arguments: ["rf_saddle_numbness", "rf_bladder_bowel", "rf_weakness"])
    func cordOrNerveWarningSignsAreAnEmergency(_ flag: String) {
        let a = Fixtures.evaluate([flag: .bool(true)])
        #expect(a.triage == "emergency")
        #expect(a.redFlags.map(\.item) == [flag])
    }

    // Rule 2
    @Test(arguments: [("rf_trauma", "fracture"), ("rf_osteoporosis", "fracture"), ("rf_cancer", "tumour"),
                      ("rf_weight_loss", "tumour"), ("rf_night_pain", "tumour"), ("rf_fever", "infection"),
                      ("rf_infection_risk", "infection")])
    func otherWarningSignsAreUrgentAndNameTheirCause(_ flag: String, _ cause: String) {
        let a = Fixtures.evaluate([flag: .bool(true)])
        #expect(a.triage == "urgent")
        #expect(a.redFlags.first?.cause == cause)
    }

    // Rule 3
    @Test func ageFiftyWithNightPainRaisesTheConcern() {
        #expect(Fixtures.evaluate(["age": .number(50), "rf_night_pain": .bool(true)]).noteIds.contains("age_raises_concern_tumour"))
        #expect(!Fixtures.evaluate(["age": .number(49), "rf_night_pain": .bool(true)]).noteIds.contains("age_raises_concern_tumour"))
    }

    @Test func ageSeventyWithTraumaRaisesTheConcern() {
        let a = Fixtures.evaluate(["age": .number(70), "rf_trauma": .bool(true)])
        #expect(a.triage == "urgent")
        #expect(a.noteIds.contains("age_raises_concern_fracture"))
    }

    // Rule 4
    @Test func withARedFlagExaminationIsSensibleAndImagingIsNotCautioned() {
        let a = Fixtures.evaluate(["rf_fever": .bool(true)])
        #expect(a.noteIds.contains("examination_sensible"))
        #expect(!a.cautionIds.contains("imaging_without_red_flags"))
    }

    @Test func withoutARedFlagImagingIsCautioned() {
        #expect(Fixtures.evaluate([:]).cautionIds.contains("imaging_without_red_flags"))
    }

    // Rule 5
    @Test func acuteLowBackPainIsSelfCare() {
        let a = Fixtures.evaluate(["duration_weeks": .number(5.9)])
        #expect(a.triage == "self_care")
        #expect(a.suggestionIds == ["stay_active", "heat", "otc_nsaid_short", "relaxation"])
    }

    // Rule 6, at the boundary: six weeks is the later phase.
    @Test func lowBackPainOfSixWeeksNeedsADoctor() {
        let a = Fixtures.evaluate(["duration_weeks": .number(6)])
        #expect(a.triage == "see_doctor")
        #expect(Set(["physiotherapy", "cbt", "relaxation"]).isSubset(of: a.suggestionIds))
        #expect(!a.suggestionIds.contains("rehab_sport"))
        #expect(a.derived["phase"] == .string("subacute"))
    }

    @Test func dailyLimitsAfterSixWeeksAddRehabSport() {
        #expect(Fixtures.evaluate(["duration_weeks": .number(8), "daily_limits": .bool(true)]).suggestionIds.contains("rehab_sport"))
    }

    // Rule 7
    @Test func neckPainOfThreeWeeksNeedsADoctorWithPhysiotherapy() {
        let a = Fixtures.evaluate(["region": .string("neck"), "whiplash": .bool(false), "duration_weeks": .number(3)])
        #expect(a.triage == "see_doctor")
        #expect(a.suggestionIds.contains("physiotherapy"))
        #expect(!a.suggestionIds.contains("acupuncture"))
    }

    @Test func neckPainUnderThreeWeeksIsSelfCareWithMovementAndHeat() {
        let a = Fixtures.evaluate(["region": .string("neck"), "whiplash": .bool(false), "duration_weeks": .number(2.9)])
        #expect(a.triage == "self_care")
        #expect(Set(["stay_active", "heat", "mobilization"]).isSubset(of: a.suggestionIds))
    }

    @Test func neckPainOfTwelveWeeksAddsTheLongTermOptions() {
        let a = Fixtures.evaluate(["region": .string("neck"), "whiplash": .bool(false), "duration_weeks": .number(12)])
        #expect(Set(["mobilization", "relaxation", "cbt", "acupuncture"]).isSubset(of: a.suggestionIds))
    }

    // Rule 8
    @Test func midBackPainFollowsNeckAndLowBackAdvice() {
        let short = Fixtures.evaluate(["region": .string("mid_back"), "duration_weeks": .number(2)])
        #expect(short.triage == "self_care")
        #expect(Set(["stay_active", "heat", "relaxation"]).isSubset(of: short.suggestionIds))
        let long = Fixtures.evaluate(["region": .string("mid_back"), "duration_weeks": .number(6)])
        #expect(long.triage == "see_doctor")
        #expect(long.suggestionIds.contains("physiotherapy"))
    }

    // Rule 9 and the conflict priority
    @Test func earlyWhiplashAllowsMuscleRelaxantsAndDropsTheCaution() {
        let a = Fixtures.evaluate(["region": .string("neck"), "whiplash": .bool(true), "duration_weeks": .number(1.9)])
        #expect(a.suggestionIds.contains("whiplash_care"))
        #expect(a.suggestionIds.contains("muscle_relaxants"))
        #expect(!a.cautionIds.contains("muscle_relaxants"))
        #expect(a.conflicts.first?.kept == "muscle_relaxants" && a.conflicts.first?.keptKind == .suggestion)
    }

    @Test func fromTwoWeeksOfWhiplashMuscleRelaxantsAreACaution() {
        let a = Fixtures.evaluate(["region": .string("neck"), "whiplash": .bool(true), "duration_weeks": .number(2)])
        #expect(!a.suggestionIds.contains("muscle_relaxants"))
        #expect(a.cautionIds.contains("muscle_relaxants"))
    }

    // Rule 10
    @Test(arguments: ["lower_back", "mid_back", "neck"])
    func chronicPainInAnyRegionSuggestsExerciseAndMultimodalCare(_ region: String) {
        var changes: [String: Value] = ["region": .string(region), "duration_weeks": .number(12)]
        if region == "neck" { changes["whiplash"] = .bool(false) }
        let a = Fixtures.evaluate(changes)
        #expect(Set(["exercise_program", "cbt", "multimodal_pain", "diga"]).isSubset(of: a.suggestionIds))
    }

    @Test func recurrentPainSuggestsAnExerciseProgramWithBackSchoolAsAnAddOn() {
        let a = Fixtures.evaluate(["recurrent": .bool(true)])
        #expect(a.suggestionIds.contains("exercise_program"))
        #expect(a.suggestionIds.contains("back_school"))
    }

    // Rule 11
    @Test(arguments: ["radiates_leg", "leg_numbness"])
    func legSymptomsNeedADoctorAndWarnAboutOpioids(_ symptom: String) {
        let a = Fixtures.evaluate([symptom: .bool(true)])
        #expect(a.triage == "see_doctor")
        #expect(a.suggestionIds.contains("stay_active"))
        #expect(a.suggestionIds.contains("otc_nsaid_short"))
        #expect(a.noteIds.contains("opioids_only_strong_pain"))
    }

    // Rule 12
    @Test(arguments: [("claudication", Value.bool(true)), ("diagnosis", .string("spondylolisthesis")), ("diagnosis", .string("spinal_stenosis"))])
    func aNarrowedSpinalCanalSuggestsFlexedActivity(_ id: String, _ value: Value) {
        let a = Fixtures.evaluate([id: value])
        #expect(Set(["flexed_activity", "physiotherapy", "medical_aids"]).isSubset(of: a.suggestionIds))
    }

    @Test(arguments: ["mid_back", "neck"])
    func claudicationCountsInEveryRegion(_ region: String) {
        var changes: [String: Value] = ["region": .string(region), "claudication": .bool(true)]
        if region == "neck" { changes["whiplash"] = .bool(false) }
        #expect(Fixtures.evaluate(changes).suggestionIds.contains("flexed_activity"))
    }

    @Test func claudicationMayBeLeftUnanswered() {
        var answers = Fixtures.baseline(["region": .string("neck"), "whiplash": .bool(false)])
        answers["claudication"] = nil
        #expect(AnswerValidation.missing(answers, engine: Fixtures.engine).isEmpty)
    }

    // Rule 13
    @Test func failedCareInChronicPainOpensTheSurgeryDiscussion() {
        #expect(Fixtures.evaluate(["conservative_failed": .bool(true), "duration_weeks": .number(12)]).suggestionIds.contains("surgery_discussion"))
        #expect(!Fixtures.evaluate(["conservative_failed": .bool(true), "duration_weeks": .number(11)]).suggestionIds.contains("surgery_discussion"))
    }

    // Rule 14
    @Test func threePsychosocialRiskFactorsSuggestCBTAtAnyDuration() {
        let a = Fixtures.evaluate(["yf_fear": .bool(true), "yf_stress": .bool(true), "yf_catastrophizing": .bool(true)])
        #expect(a.derived["psychosocial_score"] == .number(3))
        #expect(a.suggestionIds.contains("cbt"))
        #expect(a.noteIds.contains("psychosocial_risk_explained"))
        #expect(!Fixtures.evaluate(["yf_fear": .bool(true), "yf_stress": .bool(true)]).suggestionIds.contains("cbt"))
    }

    // Rule 15
    @Test func lowMoodOrPoorSleepAfterSixWeeksOpensTheAntidepressantDiscussion() {
        #expect(Fixtures.evaluate(["sleep_problems": .bool(true), "duration_weeks": .number(6)]).suggestionIds.contains("antidepressant_discussion"))
        #expect(Fixtures.evaluate(["yf_low_mood": .bool(true), "duration_weeks": .number(20)]).suggestionIds.contains("antidepressant_discussion"))
        #expect(!Fixtures.evaluate(["sleep_problems": .bool(true), "duration_weeks": .number(3)]).suggestionIds.contains("antidepressant_discussion"))
    }

    // Rule 16
    @Test func painkillersForMoreThanTwoWeeksNeedADoctor() {
        let a = Fixtures.evaluate(["painkiller_weeks": .number(2.5)])
        #expect(a.triage == "see_doctor")
        #expect(a.noteIds.contains("painkillers_limit"))
        #expect(Fixtures.evaluate(["painkiller_weeks": .number(2)]).triage == "self_care")
    }

    // Rule 17
    @Test func mostlyRestingPutsTheBedRestCautionFirstAndHighlighted() {
        let a = Fixtures.evaluate(["yf_rest": .bool(true)])
        #expect(a.cautions.first?.id == "bed_rest")
        #expect(a.cautions.first?.highlighted == true)
        #expect(Fixtures.evaluate([:]).cautions.first { $0.id == "bed_rest" }?.highlighted == false)
    }

    @Test func braceCautionOnlyForSpondylolisthesis() {
        #expect(Fixtures.evaluate(["diagnosis": .string("spondylolisthesis")]).cautionIds.contains("brace_long_term"))
        #expect(!Fixtures.evaluate(["diagnosis": .string("spinal_stenosis")]).cautionIds.contains("brace_long_term"))
    }

    @Test func theLevelIsTheHighestOfTheFiredRules() {
        let a = Fixtures.evaluate(["duration_weeks": .number(8), "rf_fever": .bool(true), "rf_weakness": .bool(true)])
        #expect(a.triage == "emergency")
    }

    @Test func withNoRuleSettingALevelTheResultIsSelfCare() {
        let q = Fixtures.load("sections: []\nrules: []\n")
        let a = Engine(q.questionnaire!).evaluate(AnswerSet())
        #expect(a.triage == "self_care")
    }

    @Test func aRuleReadingAnUnansweredItemDoesNotFire() {
        var answers = Fixtures.baseline(["duration_weeks": .number(8)])
        answers["duration_weeks"] = nil
        let a = Fixtures.engine.evaluate(answers, on: Fixtures.day)
        #expect(!a.firedRules.contains("low-back-6-weeks"))
        #expect(!a.firedRules.contains("low-back-acute"))
    }

    @Test func anAnswerToASkippedItemIsIgnored() {
        let a = Fixtures.evaluate(["region": .string("neck"), "whiplash": .bool(false), "radiates_leg": .bool(true)])
        #expect(!a.firedRules.contains("radiating-leg-pain"))
    }

    @Test func noConclusionAppearsTwice() {
        let a = Fixtures.evaluate(["duration_weeks": .number(20), "recurrent": .bool(true), "radiates_leg": .bool(true),
                                   "yf_fear": .bool(true), "yf_stress": .bool(true), "yf_low_mood": .bool(true)])
        #expect(Set(a.suggestionIds).count == a.suggestionIds.count)
        #expect(Set(a.cautionIds).count == a.cautionIds.count)
    }

    @Test func theTraceNamesTheRuleAndTheAnswersThatMadeItFire() {
        let a = Fixtures.evaluate(["duration_weeks": .number(7)])
        let entry = a.trace.first { $0.conclusion == "suggestion:physiotherapy" }
        #expect(entry?.rule == "low-back-6-weeks")
        #expect(entry?.answers.contains(.init(id: "duration_weeks", value: .number(7))) == true)
        #expect(entry?.answers.contains(.init(id: "region", value: .string("lower_back"))) == true)
    }

    @Test func nextCheckIsTheNextThresholdAsADate() {
        let a = Fixtures.evaluate(["duration_weeks": .number(4)])
        #expect(a.nextCheck?.weeks == 6)
        #expect(a.nextCheck.map { AnswerValidation.formatDate($0.date) } == "2026-12-07")
        #expect(Fixtures.evaluate(["duration_weeks": .number(6)]).nextCheck?.weeks == 12)
        #expect(Fixtures.evaluate(["region": .string("neck"), "whiplash": .bool(false), "duration_weeks": .number(1)]).nextCheck?.weeks == 3)
        #expect(Fixtures.evaluate(["duration_weeks": .number(12)]).nextCheck == nil)
    }

    @Test func warningSignsAnsweredNoAreListedForSafetyNetting() {
        let a = Fixtures.evaluate(["rf_fever": .bool(true)])
        #expect(a.watchList.flatMap(\.items).count == 9)
        #expect(!a.watchList.flatMap(\.items).contains("rf_fever"))
    }

    @Test func evaluationIsDeterministic() {
        let answers = Fixtures.baseline(["duration_weeks": .number(13), "recurrent": .bool(true)])
        let a = AssessmentJSON.json(Fixtures.engine.evaluate(answers, on: Fixtures.day)).serialized()
        let b = AssessmentJSON.json(Fixtures.engine.evaluate(answers, on: Fixtures.day)).serialized()
        #expect(a == b)
    }
}
