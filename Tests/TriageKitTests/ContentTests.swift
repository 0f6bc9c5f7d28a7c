import Foundation
import Testing
@testable import TriageKit

@Suite("Shipped content")
struct ContentTests {
    static let seeds = ["000_cc2a56eb0df8bc6f.txt", "001_eb294637d2019e16.txt", "002_14df531ff8956768.txt"]

    @Test func checkFindsNoErrorsOrWarnings() {
        let r = QuestionnaireLoader.load(path: Fixtures.shippedEntry)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.description))")
    }

    @Test func theAnswerIdsOfTheSpecificationExist() {
        let ids = ["age", "region", "duration_weeks", "recurrent", "intensity", "radiates_leg", "leg_numbness", "claudication",
                   "diagnosis", "whiplash", "rf_trauma", "rf_osteoporosis", "rf_cancer", "rf_weight_loss", "rf_night_pain",
                   "rf_fever", "rf_infection_risk", "rf_saddle_numbness", "rf_bladder_bowel", "rf_weakness", "yf_fear",
                   "yf_catastrophizing", "yf_low_mood", "yf_stress", "yf_rest", "sleep_problems", "daily_limits",
                   "painkiller_weeks", "conservative_failed", "rf_tearing_pain", "rf_chest_pain", "rf_stroke_signs",
                   "rf_meningism", "rf_both_legs", "rf_myelopathy", "wl_dangerous_accident", "wl_arm_tingling",
                   "wl_cannot_turn", "nsaid_risk", "ibp_morning_stiffness", "ibp_better_moving", "ibp_night_waking"]
        let shipped = Set(Fixtures.shipped.items.map(\.id.rawValue))
        for id in ids { #expect(shipped.contains(id), "missing \(id)") }
    }

    @Test func everyWarningSignIsRequiredWheneverItIsAsked() {
        let flags = Fixtures.shipped.items.filter { $0.id.rawValue.hasPrefix("rf_") || $0.id.rawValue.hasPrefix("wl_") }
        #expect(flags.count == 23)
        for f in flags { #expect(f.isRedFlag && f.required, "\(f.id)") }
    }

    @Test func theWatchListHoldsOnlySignsThatCanNewlyAppear() {
        let watched = Set(Fixtures.shipped.items.filter { !$0.watch.isEmpty }.map(\.id.rawValue))
        for history in ["rf_cancer", "rf_osteoporosis", "rf_trauma", "rf_infection_risk", "wl_dangerous_accident",
                        "wl_arm_tingling", "wl_cannot_turn"] {
            #expect(!watched.contains(history), "\(history)")
        }
        #expect(Fixtures.shipped.item("rf_fever")?.watch.first?.action == "doctor_today")
        #expect(Fixtures.shipped.item("rf_night_pain")?.watch.first?.action == "doctor_within_days")
    }

    @Test func everyTextMentioningNSAIDsCarriesTheWarning() {
        let q = Fixtures.shipped
        let texts = q.catalog.flatMap { [$0.explanation, $0.evidence, $0.practical].compactMap { $0 } }
        for text in texts {
            let en = text[.en].lowercased()
            if ["ibuprofen", "diclofenac", "naproxen", "nsaid"].contains(where: en.contains) {
                #expect(en.contains("from 65") || en.contains("ask a doctor or pharmacist"), "\(en)")
            }
        }
    }

    @Test func everyTextExistsInEnglishAndGerman() {
        let q = Fixtures.shipped
        var texts: [(String, LocalizedText)] = q.items.flatMap { i in
            [(i.id.rawValue, i.text)] + (i.help.map { [(i.id.rawValue + ".help", $0)] } ?? [])
        }
        texts += q.rules.map { ($0.id, $0.explanation) }
        texts += q.catalog.flatMap { [($0.id, $0.title), ($0.id, $0.explanation)] }
        for (id, t) in texts {
            for language in Language.allCases {
                #expect(!(t.translations[language] ?? "").isEmpty, "\(id) lacks \(language.rawValue)")
            }
        }
    }

    @Test func everyItemHasHelpSayingWhyItIsAsked() {
        for item in Fixtures.shipped.items { #expect(item.help != nil, "\(item.id)") }
    }

    /// Every rule, entry and item cites a seed (and a section heading that is in it, where the
    /// seeds are beside the checkout) or one of the guidelines the specification names.
    @Test func everyRuleEntryAndItemCitesASeedSectionOrANamedGuideline() throws {
        let q = Fixtures.shipped
        let sources = q.rules.map { ($0.id, $0.source) } + q.catalog.map { ($0.id, $0.source) } + q.items.map { ($0.id.rawValue, $0.source) }
        let seedDir = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let guidelines = Set(q.documents.filter(\.isGuideline).map(\.file))
        // The guidelines and services the specification names, each cited for what it says.
        #expect(guidelines == ["NVL-Kreuzschmerz", "DEGAM-Nackenschmerzen", "CCR", "NICE-Cauda-equina", "NICE-NG234", "NICE-AAA",
                               "NICE-CKS-Back-pain", "NHS-Sepsis", "DGN-Dissektion", "DGUV", "Telefonseelsorge", "Nummer-gegen-Kummer"])
        for (id, source) in sources {
            let s = try #require(source, "\(id) has no source")
            if guidelines.contains(s.file) { continue }
            #expect(Self.seeds.contains(s.file), "\(id) cites \(s.file)")
            let path = seedDir.appendingPathComponent(s.file).path
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let heading = s.section.components(separatedBy: ";")[0].trimmingCharacters(in: .whitespaces)
                #expect(text.contains(heading), "\(id): section '\(heading)' not found in \(s.file)")
            }
        }
    }

    @Test func aCautionForAllBackPainCitesGeneralGuidanceNotTheSpondylolisthesisLeaflet() {
        let q = Fixtures.shipped
        for id in ["bed_rest", "paracetamol", "muscle_relaxants", "long_opioids", "imaging_without_red_flags", "injections_nonspecific"] {
            #expect(q.entry(id, .caution)?.source?.file != "000_cc2a56eb0df8bc6f.txt", "\(id)")
        }
    }

    @Test func theSpecifiedSuggestionsAndCautionsAreInTheCatalog() {
        let q = Fixtures.shipped
        for id in ["stay_active", "heat", "relaxation", "otc_nsaid_short", "physiotherapy", "cbt", "rehab_sport", "mobilization",
                   "acupuncture", "whiplash_care", "exercise_program", "multimodal_pain", "diga",
                   "flexed_activity", "medical_aids", "surgery_discussion", "antidepressant_discussion", "rheumatology_check"] {
            #expect(q.entry(id, .suggestion) != nil, "suggestion \(id)")
        }
        for id in ["bed_rest", "paracetamol", "muscle_relaxants", "long_opioids", "imaging_without_red_flags",
                   "injections_nonspecific", "brace_long_term"] {
            #expect(q.entry(id, .caution) != nil, "caution \(id)")
        }
    }

    @Test func theSpecifiedNotesAreInTheCatalog() {
        for id in ["examination_sensible", "minor_see_doctor", "crisis_help", "opioids_only_strong_pain", "radicular_facts",
                   "antiepileptics", "painkillers_limit", "strong_pain", "nsaid_ask_first"] {
            #expect(Fixtures.shipped.entry(id, .note) != nil, "note \(id)")
        }
    }
}
