#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif
import TriageKit

/// The history for programs and for taking elsewhere: JSON (a summary, or with `answers` every
/// answer of every check-in), CSV (one row a check-in, for a spreadsheet), and a FHIR R4 Bundle
/// of one QuestionnaireResponse a check-in, each with the day it was answered.
public enum HistoryExport {
    public typealias Episodes = [(episode: Episode, checkIns: [CheckInRecord])]

    /// `{"format": "backtriage-history", "episodes": [...]}`. With `answers`, each check-in also
    /// holds its answers, language, questionnaire version and when it was stored, and the
    /// document says when it was exported: everything the history holds.
    /// `schema` is the version of the history's tables the episodes were read from.
    public static func json(_ episodes: Episodes, schema: Int, trendItem: ItemID?, answers: Bool, exportedAt: Date? = nil) -> JSON {
        var top: [(String, JSON)] = [("format", .string("backtriage-history")), ("schema", .number(Double(schema)))]
        if let exportedAt { top.append(("exported_at", .string(Timestamp.format(exportedAt)))) }
        top.append(("episodes", .array(episodes.map { episode, checkIns in
            .object([
                ("id", .string(episode.uuid)),
                ("questionnaire", .string(episode.questionnaire)),
                ("version", .string(episode.version)),
                ("kind", episode.kind.map(JSON.string) ?? .null),
                ("start", .string(AnswerValidation.formatDate(episode.start))),
                ("closed_on", episode.closedOn.map { .string(AnswerValidation.formatDate($0)) } ?? .null),
                ("ending", episode.ending.map { .string($0.rawValue) } ?? .null),
                ("check_ins", .array(checkIns.map { checkIn(episode, $0, trendItem: trendItem, answers: answers) })),
            ])
        })))
        return .object(top)
    }

    private static func checkIn(_ episode: Episode, _ c: CheckInRecord, trendItem: ItemID?, answers: Bool) -> JSON {
        var fields: [(String, JSON)] = [
            ("id", .string(c.uuid)),
            ("date", .string(AnswerValidation.formatDate(c.answeredOn))),
            ("weeks", c.weeks.map(JSON.number) ?? .null),
        ]
        if let trendItem { fields.append((trendItem.rawValue, JSON(c.answers[trendItem]))) }
        fields += [
            ("level", .string(c.level)),
            ("next_check", c.nextCheck.map { .object([("date", .string(AnswerValidation.formatDate($0.date))), ("weeks", .number($0.weeks))]) } ?? .null),
        ]
        if answers {
            fields += [
                ("recorded_at", .string(Timestamp.format(c.recordedAt))),
                ("version", .string(c.version)),
                ("language", .string(c.language.rawValue)),
                ("answers", .object(c.answers.values.sorted { $0.key < $1.key }.map { ($0.key.rawValue, JSON($0.value)) })),
            ]
        }
        return .object(fields)
    }

    /// One row a check-in, with a header; days as YYYY-MM-DD and numbers with a decimal point,
    /// as spreadsheets read them in any locale (RFC 4180 quoting, CRLF line ends).
    public static func csv(_ episodes: Episodes, trendItem: ItemID?) -> String {
        var rows = [["episode", "kind", "start", "date", "weeks", trendItem?.rawValue ?? "measure", "level", "next_check"]]
        for (number, (episode, checkIns)) in episodes.enumerated() {
            for c in checkIns {
                var measure = ""
                if let trendItem, case .number(let n)? = c.answers[trendItem] { measure = Language.en.number(n, decimals: 3) }
                rows.append([String(number + 1), episode.kind ?? "", AnswerValidation.formatDate(episode.start),
                             AnswerValidation.formatDate(c.answeredOn), c.weeks.map { Language.en.number($0, decimals: 3) } ?? "",
                             measure, c.level, c.nextCheck.map { AnswerValidation.formatDate($0.date) } ?? ""])
            }
        }
        return rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// A FHIR R4 Bundle (type collection) of the history of the questionnaire `engine` has:
    /// each episode as an `EpisodeOfCare` (active while open, finished once ended, its period
    /// from the day the pain began), then each of its check-ins as its `QuestionnaireResponse`
    /// (`authored` on its day, `fullUrl` the check-in's id) and a `RiskAssessment` of the result
    /// it gave then: the level as stored, the next check as the end of the prediction's `whenPeriod` (the level holds until then),
    /// and the response and the episode as `basis`, which is how a receiving system finds the
    /// check-ins of an episode. Identifiers come from the history's own ids, so every export
    /// names the same resources alike.
    public static func fhirBundle(_ episodes: Episodes, engine: Engine, language: Language, at moment: Date,
                                  canonical: FHIRCanonical = .standard) -> JSON {
        let q = engine.questionnaire
        let subject = JSON.object([("display", .string(StringCatalog.report.text("fhir.subject", language)))])
        var entries: [JSON] = []
        func entry(_ url: String, _ resource: JSON) { entries.append(.object([("fullUrl", .string(url)), ("resource", resource)])) }
        for (episode, checkIns) in episodes where episode.questionnaire == q.id {
            let episodeURL = "urn:uuid:" + episode.uuid
            var period: [(String, JSON)] = [("start", .string(AnswerValidation.formatDate(episode.start)))]
            if let end = episode.closedOn { period.append(("end", .string(AnswerValidation.formatDate(end)))) }
            let kind = episode.kind.flatMap { kind in q.followUp?.episode.flatMap { q.item($0)?.option(kind)?.text[language] } ?? kind }
            entry(episodeURL, .object([
                ("resourceType", .string("EpisodeOfCare")),
                ("language", .string(language.rawValue)),
                ("text", FHIRNarrative.text([q.title[language], kind, AnswerValidation.formatDate(episode.start)].compactMap { $0 })),
                ("status", .string(episode.isOpen ? "active" : "finished")),
                ("type", .array([.object([("text", .string([q.title[language], kind].compactMap { $0 }.joined(separator: ": ")))])])),
                ("patient", subject),
                ("period", .object(period)),
            ]))
            for c in checkIns {
                let responseURL = "urn:uuid:" + c.uuid
                let report = c.report(engine: engine)
                entry(responseURL, FHIRQuestionnaireResponse.json(report, canonical: canonical))
                let level = q.level(c.level)
                let title = level?.title[language] ?? c.level
                var prediction: [(String, JSON)] = [
                    ("outcome", .object([("text", .string(StringCatalog.report.text("fhir.outcome", language)))])),
                    ("qualitativeRisk", FHIRBundle.levelConcept(q, levelID: c.level, language: language, canonical: canonical)),
                ]
                if let next = c.nextCheck {
                    // The level holds until the next check, when the guidance looks again.
                    prediction.append(("whenPeriod", .object([("start", .string(AnswerValidation.formatDate(c.answeredOn))),
                                                              ("end", .string(AnswerValidation.formatDate(next.date)))])))
                }
                var assessment: [(String, JSON)] = [
                    ("resourceType", .string("RiskAssessment")),
                    ("language", .string(language.rawValue)),
                    ("text", FHIRNarrative.text([title, c.nextCheck.map { AnswerValidation.formatDate($0.date) }].compactMap { $0 })),
                    ("status", .string("final")),
                    ("subject", subject),
                    ("occurrenceDateTime", .string(AnswerValidation.formatDate(c.answeredOn))),
                    ("basis", .array([.object([("reference", .string(responseURL))]), .object([("reference", .string(episodeURL))])])),
                    ("prediction", .array([.object(prediction)])),
                ]
                // What to do: the result's action as the questionnaire reads the answers now, when
                // it gives the level stored; else the stored level's default action.
                let action = report.level.id == c.level ? report.action : level.flatMap(q.defaultAction(of:))
                if let action { assessment.append(("mitigation", .string(Wording(q, language).action(action)))) }
                entry(FHIRTime.derivedUUID("result\n" + c.uuid), .object(assessment))
            }
        }
        var top: [(String, JSON)] = [
            ("resourceType", .string("Bundle")),
            ("type", .string("collection")),
            ("timestamp", .string(Timestamp.format(moment))),
        ]
        if !entries.isEmpty { top.append(("entry", .array(entries))) }
        return .object(top)
    }
}
