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

    /// A FHIR R4 Bundle (type collection) of one QuestionnaireResponse a check-in of the
    /// questionnaire `engine` has, each `authored` on its day, as the sheet's FHIR writer makes
    /// them; `fullUrl` is the check-in's id, the same in every export.
    public static func fhirBundle(_ episodes: Episodes, engine: Engine, language: Language, at moment: Date) -> JSON {
        let q = engine.questionnaire
        let entries: [JSON] = episodes.filter { $0.episode.questionnaire == q.id }.flatMap { _, checkIns in
            checkIns.map { c in
                .object([
                    ("fullUrl", .string("urn:uuid:" + c.uuid)),
                    ("resource", FHIRQuestionnaireResponse.json(c.report(engine: engine), language: language)),
                ])
            }
        }
        return .object([
            ("resourceType", .string("Bundle")),
            ("type", .string("collection")),
            ("timestamp", .string(Timestamp.format(moment))),
            ("entry", .array(entries)),
        ])
    }
}
