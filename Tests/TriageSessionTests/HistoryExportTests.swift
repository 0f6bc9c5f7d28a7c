import Foundation
import Testing
import TriageKit
import TriageReport
@testable import TriageSession
import TriageTestSupport

/// An episode answered at weeks 2 and 6.
private func twoCheckIns() throws -> (HistoryStore, HistoryExport.Episodes) {
    let store = try HistoryStore(path: temporaryFolder() + "/h.sqlite3")
    let next = CheckInRecord.NextCheck(date: day("2026-12-21"), weeks: 6)
    let (episode, _) = try store.record(
        NewCheckIn(questionnaire: "back-pain", version: "2.0.0", language: .en, answeredOn: day("2026-11-23"),
                   answers: Fixtures.baseline(["duration_weeks": .number(2), "intensity": .number(6)]), level: "self_care", weeks: 2,
                   nextCheck: next),
        to: .newEpisode(start: day("2026-11-09"), kind: "lower_back"), at: Date())
    try store.record(NewCheckIn(questionnaire: "back-pain", version: "2.0.0", language: .de, answeredOn: day("2026-12-21"),
                                answers: Fixtures.baseline(["duration_weeks": .number(6), "intensity": .number(4)]), level: "see_doctor",
                                weeks: 6, nextCheck: nil),
                     to: .episode(id: episode.id, correctedStart: nil), at: Date())
    return (store, try store.episodes().map { ($0, try store.checkIns(of: $0)) })
}

@Suite("History export")
struct HistoryExportTests {
    @Test func theSummaryJSONHasTheTrendAndTheExportEveryAnswer() throws {
        let (_, episodes) = try twoCheckIns()
        let summary = HistoryExport.json(episodes, schema: HistoryStore.schemaVersion, trendItem: "intensity", answers: false).serialized()
        #expect(summary.contains("\"start\":\"2026-11-09\""))
        #expect(summary.contains("\"intensity\":6") && summary.contains("\"intensity\":4"))
        #expect(summary.contains("\"next_check\":{\"date\":\"2026-12-21\",\"weeks\":6}"))
        #expect(!summary.contains("\"answers\""))
        let export = HistoryExport.json(episodes, schema: HistoryStore.schemaVersion, trendItem: "intensity", answers: true, exportedAt: Date()).serialized()
        #expect(export.contains("\"answers\":{\"age\":40,"))
        #expect(export.contains("\"rf_fever\":false"))
        #expect(export.contains("\"language\":\"de\""))
        #expect(export.contains("\"exported_at\""))
    }

    @Test func theCSVHasAHeaderAndARowACheckIn() throws {
        let (_, episodes) = try twoCheckIns()
        let rows = HistoryExport.csv(episodes, trendItem: "intensity").components(separatedBy: "\r\n")
        #expect(rows[0] == "episode,kind,start,date,weeks,intensity,level,next_check")
        #expect(rows[1] == "1,lower_back,2026-11-09,2026-11-23,2,6,self_care,2026-12-21")
        #expect(rows[2] == "1,lower_back,2026-11-09,2026-12-21,6,4,see_doctor,")
        #expect(rows.count == 4 && rows[3].isEmpty)
    }

    /// The episode, then per check-in its response (on its day) and its result as it was then:
    /// the level, until when it holds (the next check), and the response and episode it rests on.
    @Test func theFHIRBundleHasTheEpisodeAndEachCheckInsResponseAndResult() throws {
        let (_, episodes) = try twoCheckIns()
        let canonical = try FHIRCanonical(base: "https://fhir.example.org/r4")
        let text = HistoryExport.fhirBundle(episodes, engine: Fixtures.engine, language: .en, at: Date(), canonical: canonical).serialized()
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(bundle["type"] as? String == "collection")
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        let resources = entries.compactMap { $0["resource"] as? [String: Any] }
        #expect(resources.map { $0["resourceType"] as? String } == ["EpisodeOfCare", "QuestionnaireResponse", "RiskAssessment",
                                                                    "QuestionnaireResponse", "RiskAssessment"])
        let episodeURL = try #require(entries[0]["fullUrl"] as? String)
        #expect(resources[0]["status"] as? String == "active")
        #expect((resources[0]["period"] as? [String: Any])?["start"] as? String == "2026-11-09")
        #expect(resources[1]["authored"] as? String == "2026-11-23" && resources[3]["authored"] as? String == "2026-12-21")
        #expect((resources[1]["questionnaire"] as? String)?.hasPrefix("https://fhir.example.org/r4/Questionnaire/back-pain|") == true)
        #expect(!text.contains("backtriage.invalid"))
        for (response, result, level, next) in [(1, 2, "self_care", "2026-12-21" as String?), (3, 4, "see_doctor", nil)] {
            let assessment = resources[result]
            let basis = (assessment["basis"] as? [[String: Any]])?.compactMap { $0["reference"] as? String }
            #expect(basis == [entries[response]["fullUrl"] as? String, episodeURL].compactMap { $0 })
            let prediction = try #require((assessment["prediction"] as? [[String: Any]])?.first)
            let coding = try #require(((prediction["qualitativeRisk"] as? [String: Any])?["coding"] as? [[String: Any]])?.first)
            #expect(coding["code"] as? String == level)
            #expect(coding["system"] as? String == "https://fhir.example.org/r4/CodeSystem/back-pain-triage-level")
            #expect((prediction["whenPeriod"] as? [String: Any])?["end"] as? String == next)
        }
        #expect(Set(entries.compactMap { $0["fullUrl"] as? String }).count == entries.count)
        // The same history gives the same identifiers in every export.
        let again = HistoryExport.fhirBundle(episodes, engine: Fixtures.engine, language: .en, at: Date(), canonical: canonical).serialized()
        let urls = { (t: String) in t.components(separatedBy: "\"fullUrl\":").dropFirst().map { $0.prefix(50) } }
        #expect(urls(again) == urls(text))
    }
}
