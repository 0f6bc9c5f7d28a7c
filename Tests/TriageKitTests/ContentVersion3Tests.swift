import Testing
@testable import TriageKit
import TriageTestSupport

/// The rules of content version 3 (../shared/clinical-content.md), one behaviour each: where a
/// warning sign sends a person (the action), the new signs, and the results that no longer
/// contradict themselves.
@Suite("Content version 3")
struct ContentVersion3Tests {
    private func signs(_ a: Assessment) -> [String] { a.redFlags.map { "\($0.item.rawValue):\($0.cause)" } }

    // MARK: Actions

    @Test(arguments: [
        (["region": Value.string("mid_back"), "rf_chest_pain": .bool(true)], "heart"),
        (["region": .string("neck"), "rf_stroke_signs": .bool(true)], "stroke_or_artery_tear"),
        (["region": .string("neck"), "rf_meningism": .bool(true)], "meningitis"),
        (["rf_tearing_pain": .bool(true)], "aorta"),
        (["rf_very_unwell": .bool(true)], "sepsis"),
    ])
    func causesOutsideTheSpineCall112(_ changes: [String: Value], cause: String) {
        let a = Fixtures.evaluate(changes)
        #expect(a.level.id == "emergency")
        #expect(a.action.id == "call_112")
        #expect(a.redFlags.contains { $0.cause == cause })
    }

    @Test(arguments: ["rf_saddle_numbness", "rf_bladder_bowel", "rf_both_legs", "rf_weakness"])
    func nerveEmergenciesGoToAnEmergencyDepartment(_ sign: String) {
        let a = Fixtures.evaluate([sign: .bool(true)])
        #expect(a.level.id == "emergency")
        #expect(a.action.id == "emergency_department")
    }

    @Test func newSymptomsInBothLegsAreSuspectedCaudaEquina() {
        let a = Fixtures.evaluate(["rf_both_legs": .bool(true)])
        #expect(signs(a) == ["rf_both_legs:cauda_equina"])
    }

    @Test func weaknessAfterANeckInjuryCalls112() {
        let a = Fixtures.evaluate(Fixtures.whiplash(["rf_weakness": .bool(true), "duration_weeks": .number(0.3)]))
        #expect(a.level.id == "emergency")
        #expect(a.action.id == "call_112")
        #expect(signs(a).contains("rf_weakness:neck_injury"))
        #expect(!signs(a).contains("rf_weakness:nerve_damage"))
    }

    @Test func theFirstActionInOrderWinsAmongTheSignsOfTheLevel() {
        let a = Fixtures.evaluate(Fixtures.region("mid_back", ["rf_saddle_numbness": .bool(true), "rf_chest_pain": .bool(true)]))
        #expect(a.action.id == "call_112")
    }

    @Test func aResultWithoutWarningSignsHasItsLevelsDefaultAction() {
        #expect(Fixtures.evaluate([:]).action.id == "self_help")
        #expect(Fixtures.evaluate(["duration_weeks": .number(7)]).action.id == "appointment")
        #expect(Fixtures.evaluate(["rf_fever": .bool(true)]).action.id == "doctor_today")
        #expect(Fixtures.evaluate(["rf_osteoporosis": .bool(true)]).action.id == "doctor_within_days")
    }

    // MARK: The neck after an accident (Canadian C-Spine Rule for fresh injuries)

    @Test func aDangerousAccidentTwoDaysAgoSendsTheNeckToAnEmergencyDepartment() {
        let a = Fixtures.evaluate(Fixtures.whiplash(["duration_weeks": .number(0.3), "wl_dangerous_accident": .bool(true)]))
        #expect(a.level.id == "urgent")
        #expect(a.action.id == "neck_imaging_today")
    }

    @Test func threeWeeksAfterADangerousAccidentADoctorWithinDays() {
        let a = Fixtures.evaluate(Fixtures.whiplash(["duration_weeks": .number(3), "wl_dangerous_accident": .bool(true)]))
        #expect(a.level.id == "soon")
        #expect(a.action.id == "doctor_within_days")
        #expect(signs(a) == ["whiplash:neck_injury"])
    }

    @Test func whiplashFrom65InTheFirstWeekNeedsImagingToday() {
        let a = Fixtures.evaluate(Fixtures.whiplash(["age": .number(70), "duration_weeks": .number(0.5)]))
        #expect(a.action.id == "neck_imaging_today")
    }

    @Test func armTinglingAfterTheAccidentNeedsImagingTodayAtAnyTime() {
        let a = Fixtures.evaluate(Fixtures.whiplash(["duration_weeks": .number(4), "wl_arm_tingling": .bool(true)]))
        #expect(a.action.id == "neck_imaging_today")
    }

    @Test func rotationIsAskedOnlyWithoutAHighRiskFactor() {
        let engine = Fixtures.engine
        func asked(_ changes: [String: Value]) -> Bool {
            engine.askedItems(given: Fixtures.baseline(Fixtures.whiplash(changes))).contains { $0.id == "wl_cannot_turn" }
        }
        #expect(asked([:]))
        #expect(!asked(["wl_dangerous_accident": .bool(true)]))
        #expect(!asked(["wl_arm_tingling": .bool(true)]))
        #expect(!asked(["age": .number(65)]))
    }

    @Test func theRotationQuestionIsNotNegatedInGerman() throws {
        let text = try #require(Fixtures.shipped.item("wl_cannot_turn")).text[.de]
        #expect(!text.contains("nicht"), "\(text)")
    }

    @Test func aNeckArteryTearIsExaminedTodayInAnEmergencyDepartment() {
        let a = Fixtures.evaluate(Fixtures.region("neck", ["rf_neck_artery": .bool(true)]))
        #expect(a.level.id == "urgent")
        #expect(a.action.id == "neck_imaging_today")
        #expect(signs(a) == ["rf_neck_artery:artery_tear"])
    }

    // MARK: Other new signs

    @Test func kidneyPainIsForADoctorToday() {
        let a = Fixtures.evaluate(["rf_kidney": .bool(true)])
        #expect(a.level.id == "urgent" && a.action.id == "doctor_today")
        #expect(!a.noteIds.contains("aneurysm_mimic"))
    }

    @Test func from60KidneyPainMayBeTheAorta() {
        #expect(Fixtures.evaluate(["rf_kidney": .bool(true), "age": .number(60)]).noteIds.contains("aneurysm_mimic"))
    }

    @Test func progressivePainIsForADoctorWithinDays() {
        let a = Fixtures.evaluate(["rf_progressive_pain": .bool(true)])
        #expect(a.level.id == "soon")
        #expect(signs(a) == ["rf_progressive_pain:serious_cause"])
    }

    @Test func midBackPainFrom50IsAWarningSign() {
        #expect(Fixtures.evaluate(Fixtures.region("mid_back", ["age": .number(50)])).level.id == "soon")
        let younger = Fixtures.evaluate(Fixtures.region("mid_back", ["age": .number(49)]))
        #expect(younger.level.id == "self_care")
        #expect(!younger.suggestions.isEmpty)
    }

    // MARK: Cancer (NICE NG234: people with cancer)

    @Test(arguments: [
        ["region": Value.string("neck")], ["region": .string("mid_back")],
        ["rf_night_pain": .bool(true)], ["rf_progressive_pain": .bool(true)],
    ])
    func cancerWithNeckOrMidBackNightOrProgressivePainIsSeenToday(_ changes: [String: Value]) {
        let a = Fixtures.evaluate(changes.merging(["rf_cancer": .bool(true)]) { a, _ in a })
        #expect(a.level.id == "urgent" && a.action.id == "doctor_today")
        #expect(a.noteIds.contains("cancer_spine_check"))
    }

    @Test func cancerAloneWithLowBackPainIsForADoctorWithinDays() {
        let a = Fixtures.evaluate(["rf_cancer": .bool(true), "age": .number(62)])
        #expect(a.level.id == "soon")
        #expect(!a.noteIds.contains("cancer_spine_check"))
    }

    @Test func nightPainFrom50WithoutCancerHasTheNVLsWordsNotSpreading() throws {
        let a = Fixtures.evaluate(["rf_night_pain": .bool(true), "age": .number(55)])
        #expect(a.noteIds.contains("tumour_signs_check"))
        #expect(!a.noteIds.contains("cancer_spine_check"))
        let note = try #require(Fixtures.shipped.entry("tumour_signs_check", .note))
        #expect(!note.explanation[.en].contains("spread"))
        #expect(note.source?.file == "NVL-Kreuzschmerz")
    }

    @Test func onlyTheCancerNoteSpeaksOfCancerSpreading() {
        for entry in Fixtures.shipped.catalog where entry.explanation[.en].contains("spread to the spine") {
            #expect(entry.id == "cancer_spine_check")
        }
    }

    // MARK: Time course

    @Test func lowBackPainOfTwoWeeksIsLookedAtAgainAt4Weeks() {
        #expect(Fixtures.evaluate(["duration_weeks": .number(2)]).nextCheck?.weeks == 4)
    }

    @Test func at4WeeksTheRiskFactorsAreLookedFor() {
        let a = Fixtures.evaluate(["duration_weeks": .number(4)])
        #expect(a.noteIds.contains("risk_factors_check"))
        #expect(a.level.id == "self_care")
        #expect(a.nextCheck?.weeks == 6)
    }

    @Test func at4WeeksTwoRiskFactorsMeanTheDoctor() {
        let a = Fixtures.evaluate(["duration_weeks": .number(5), "yf_fear": .bool(true), "yf_stress": .bool(true)])
        #expect(a.level.id == "see_doctor")
    }

    @Test func noNextCheckUnder18() {
        for weeks in [0.5, 2, 5, 8] {
            #expect(Fixtures.evaluate(["age": .number(16), "duration_weeks": .number(weeks)]).nextCheck == nil)
        }
    }

    @Test func aMinorsAppointmentIsToHaveItExaminedNotToDiscussOptions() {
        let a = Fixtures.evaluate(["age": .number(16)])
        #expect(a.action.id == "appointment")
        #expect(a.action.text[.en].contains("examined"))
        #expect(!a.action.text[.en].contains("below"))
        #expect(Fixtures.evaluate(["duration_weeks": .number(7)]).action.text[.en].contains("options below"))
    }

    // MARK: Advice

    @Test func noMuscleRelaxantsAfterWhiplashAndTheCautionCitesTheNeckGuideline() {
        let a = Fixtures.evaluate(Fixtures.whiplash(["duration_weeks": .number(1)]))
        #expect(!a.suggestionIds.contains("muscle_relaxants"))
        let variant = a.cautions.first { $0.id == "muscle_relaxants" }?.variant
        #expect(variant.flatMap { Fixtures.shipped.entry("muscle_relaxants", .caution)?.variants[$0].source?.file } == "DEGAM-Nackenschmerzen")
    }

    @Test func paracetamolForTheNeckCitesTheNeckGuideline() {
        let a = Fixtures.evaluate(Fixtures.region("neck"))
        let caution = a.cautions.first { $0.id == "paracetamol" }
        #expect(caution?.variant != nil)
        #expect(Fixtures.evaluate([:]).cautions.first { $0.id == "paracetamol" }?.variant == nil)
    }

    @Test func neckPainUnder3WeeksMaySuggestAntiInflammatoriesForAFewDays() {
        #expect(Fixtures.evaluate(Fixtures.region("neck", ["duration_weeks": .number(2)])).suggestionIds.contains("otc_nsaid_short"))
        #expect(!Fixtures.evaluate(Fixtures.region("neck", ["duration_weeks": .number(4)])).suggestionIds.contains("otc_nsaid_short"))
        #expect(Fixtures.shipped.entry("otc_nsaid_short", .suggestion)?.explanation[.en].contains("few days") == true)
    }

    @Test func bendingForwardAndWalkingAidsAreOnlyForTheLowerBack() {
        let neck = Fixtures.evaluate(Fixtures.region("neck", ["diagnosis": .string("spinal_stenosis")]))
        #expect(neck.suggestionIds.contains("physiotherapy"))
        #expect(!neck.suggestionIds.contains("flexed_activity") && !neck.suggestionIds.contains("medical_aids"))
        let low = Fixtures.evaluate(["diagnosis": .string("spinal_stenosis")])
        #expect(low.suggestionIds.contains("flexed_activity") && low.suggestionIds.contains("medical_aids"))
    }

    @Test func surgeryIsNeverSuggestedBesideNoImaging() {
        let a = Fixtures.evaluate(["duration_weeks": .number(20), "conservative_failed": .bool(true), "diagnosis": .string("disc_herniation")])
        #expect(a.suggestionIds.contains("surgery_discussion"))
        #expect(!a.cautionIds.contains("imaging_without_red_flags"))
    }

    @Test func limitsInDailyLifeForWeeksBringBackToWork() {
        #expect(Fixtures.evaluate(["duration_weeks": .number(7), "daily_limits": .bool(true)]).noteIds.contains("back_to_work"))
        #expect(!Fixtures.evaluate(["duration_weeks": .number(5), "daily_limits": .bool(true)]).noteIds.contains("back_to_work"))
        #expect(Fixtures.evaluate(Fixtures.region("neck", ["duration_weeks": .number(3), "daily_limits": .bool(true)])).noteIds.contains("back_to_work"))
    }

    @Test func anAccidentBringsTheWorkAccidentNoteButNotOnAnEmergency() {
        #expect(Fixtures.evaluate(["rf_trauma": .bool(true)]).noteIds.contains("work_accident"))
        #expect(Fixtures.evaluate(Fixtures.whiplash(["duration_weeks": .number(2)])).noteIds.contains("work_accident"))
        #expect(!Fixtures.evaluate(["rf_trauma": .bool(true), "rf_saddle_numbness": .bool(true)]).noteIds.contains("work_accident"))
    }

    // MARK: Crisis help

    @Test func crisisHelpStandsFirstAmongTheNotesAtEveryLevel() {
        for changes: [String: Value] in [[:], ["duration_weeks": .number(8)], ["rf_fever": .bool(true)], ["rf_saddle_numbness": .bool(true)],
                                         ["age": .number(16)]] {
            let a = Fixtures.evaluate(changes.merging(["yf_low_mood": .bool(true)]) { a, _ in a })
            #expect(a.noteIds.first == "crisis_help", "\(changes)")
        }
    }

    @Test func under18CrisisHelpNamesTheYouthHelpline() throws {
        let a = Fixtures.evaluate(["age": .number(16), "yf_low_mood": .bool(true)])
        let variant = try #require(a.notes.first { $0.id == "crisis_help" }?.variant)
        let text = try #require(Fixtures.shipped.entry("crisis_help", .note)?.variants[variant].explanation)
        #expect(text[.en].contains("116\u{00A0}111") && text[.de].contains("116\u{00A0}111"))
        #expect(Fixtures.evaluate(["yf_low_mood": .bool(true)]).notes.first?.variant == nil)
    }

    @Test func theCrisisNumbersCiteTheServiceItself() {
        #expect(Fixtures.shipped.entry("crisis_help", .note)?.source?.file == "Telefonseelsorge")
    }

    @Test func hopelessnessIsANoticeShownAtOnce() {
        #expect(Fixtures.shipped.item("yf_low_mood")?.notice == "crisis_help")
    }

    // MARK: Watch lists by action

    @Test func aSoonResultWatchesForFeverAndKidneyPainToday() {
        let a = Fixtures.evaluate(["rf_cancer": .bool(true)])
        #expect(a.watchList.map(\.action.id) == ["call_112", "emergency_department", "doctor_today"])
        #expect(a.watchList.first { $0.action.id == "doctor_today" }?.items == ["rf_fever", "rf_kidney"])
    }

    @Test func weaknessAfterWhiplashIsWatchedUnder112() {
        let a = Fixtures.evaluate(Fixtures.whiplash(["duration_weeks": .number(2)]))
        #expect(a.watchList.first { $0.action.id == "call_112" }?.items.contains("rf_weakness") == true)
        let lowBack = Fixtures.evaluate([:])
        #expect(lowBack.watchList.first { $0.action.id == "emergency_department" }?.items.contains("rf_weakness") == true)
    }

    @Test func aSelfCareResultWatchesEveryGroupMostDemandingFirst() {
        let a = Fixtures.evaluate(Fixtures.region("neck"))
        #expect(a.watchList.map(\.action.id) == ["call_112", "emergency_department", "neck_imaging_today", "doctor_today", "doctor_within_days"])
    }

    @Test func anUrgentResultWatchesOnlyThe112AndEmergencyDepartmentGroups() {
        let a = Fixtures.evaluate(["rf_fever": .bool(true)])
        #expect(a.watchList.map(\.action.id) == ["call_112", "emergency_department"])
    }
}
