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
                   "painkiller_weeks", "conservative_failed"]
        let shipped = Set(Fixtures.shipped.items.map(\.id))
        for id in ids { #expect(shipped.contains(id), "missing \(id)") }
    }

    @Test func everyRedFlagIsRequiredAndNeverSkipped() {
        let flags = Fixtures.shipped.items.filter { $0.id.hasPrefix("rf_") }
        #expect(flags.count == 10)
        for f in flags { #expect(f.isRedFlag && f.required && f.condition == nil, "\(f.id)") }
    }

    @Test func everyTextExistsInEnglishAndGerman() {
        let q = Fixtures.shipped
        var texts: [(String, LocalizedText)] = q.items.flatMap { i in [(i.id, i.text)] + (i.help.map { [(i.id + ".help", $0)] } ?? []) }
        texts += q.rules.map { ($0.id, $0.explanation) }
        texts += q.catalog.flatMap { [($0.id, $0.title), ($0.id, $0.explanation)] }
        for (id, t) in texts {
            #expect(!(t.translations["en"] ?? "").isEmpty, "\(id) lacks English")
            #expect(!(t.translations["de"] ?? "").isEmpty, "\(id) lacks German")
        }
    }

    @Test func everyItemHasHelpSayingWhyItIsAsked() {
        for item in Fixtures.shipped.items { #expect(item.help != nil, "\(item.id)") }
    }

    @Test func everyRuleAndCatalogEntryCitesASeedSection() throws {
        let q = Fixtures.shipped
        let sources = q.rules.map { ($0.id, $0.source) } + q.catalog.map { ($0.id, $0.source) }
        let seedDir = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        for (id, source) in sources {
            let s = try #require(source, "\(id) has no source")
            #expect(Self.seeds.contains(s.file), "\(id) cites \(s.file)")
            // Where the seeds are beside the checkout, the section heading must be in the file.
            let path = seedDir.appendingPathComponent(s.file).path
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let heading = s.section.components(separatedBy: ";")[0].trimmingCharacters(in: .whitespaces)
                #expect(text.contains(heading), "\(id): section '\(heading)' not found in \(s.file)")
            }
        }
    }

    @Test func theSpecifiedSuggestionsAndCautionsAreInTheCatalog() {
        let q = Fixtures.shipped
        for id in ["stay_active", "heat", "relaxation", "otc_nsaid_short", "physiotherapy", "cbt", "rehab_sport", "mobilization",
                   "acupuncture", "whiplash_care", "muscle_relaxants", "exercise_program", "multimodal_pain", "diga",
                   "flexed_activity", "medical_aids", "surgery_discussion", "antidepressant_discussion", "back_school"] {
            #expect(q.entry(id, .suggestion) != nil, "suggestion \(id)")
        }
        for id in ["bed_rest", "paracetamol", "muscle_relaxants", "long_opioids", "imaging_without_red_flags",
                   "injections_nonspecific", "brace_long_term"] {
            #expect(q.entry(id, .caution) != nil, "caution \(id)")
        }
    }

    @Test func everyInterfaceStringHasBothLanguages() {
        for (key, pair) in Strings.table {
            #expect(!pair.en.isEmpty, "\(key) lacks English")
            #expect(!pair.de.isEmpty, "\(key) lacks German")
        }
    }
}
