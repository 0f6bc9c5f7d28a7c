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

    @Test func theFHIRBundleHasAResponseACheckInOnItsDay() throws {
        let (_, episodes) = try twoCheckIns()
        let bundle = HistoryExport.fhirBundle(episodes, engine: Fixtures.engine, language: .en, at: Date()).serialized()
        #expect(bundle.hasPrefix("{\"resourceType\":\"Bundle\",\"type\":\"collection\""))
        #expect(bundle.components(separatedBy: "\"resourceType\":\"QuestionnaireResponse\"").count == 3)
        #expect(bundle.contains("\"authored\":\"2026-11-23\"") && bundle.contains("\"authored\":\"2026-12-21\""))
        #expect(bundle.components(separatedBy: "\"fullUrl\":\"urn:uuid:").count == 3)
    }
}
