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

/// The next check as an iCalendar file (RFC 5545) to import into a calendar: one all-day event
/// on the day, an alarm at 09:00 that day, and in its description what the day is for and the
/// warning signs not to wait for (the report's watch list, grouped by what to do).
public struct CalendarReminder: Sendable {
    public var wording: Wording

    public init(_ wording: Wording) { self.wording = wording }

    private func t(_ key: String, _ args: String...) -> String { StringCatalog.history.text(key, wording.language, args) }

    /// The calendar for a check on `day` after the result `report`. `uid` names the event, so a
    /// later export for the same day replaces it in the calendar instead of adding a second;
    /// `stamp` is when the file is made.
    public func ics(_ report: Report, on day: Date, weeks: Double, uid: String, stamp: Date) -> String {
        let L = wording.language, q = report.questionnaire
        let summary = t("ics.summary", q.title[L])
        var description = t("ics.description", wording.weeks(weeks), report.nextCheck?.advice[L] ?? "")
        if !report.watchList.isEmpty {
            description += "\n\n" + t("ics.sooner")
            for group in report.watchList {
                description += "\n" + wording.watchHeading(group, in: report) + ": " + group.items.map(wording.label).joined(separator: "; ") + "."
            }
        }
        description += "\n\n" + wording.t("result.disclaimer")
        let next = day.addingTimeInterval(86_400)
        let lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//backtriage//backtriage//" + L.rawValue.uppercased(),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:" + Self.escape(uid),
            "DTSTAMP:" + Self.moment(stamp),
            "DTSTART;VALUE=DATE:" + Self.date(day),
            "DTEND;VALUE=DATE:" + Self.date(next),
            "SUMMARY;LANGUAGE=\(L.rawValue):" + Self.escape(summary),
            "DESCRIPTION;LANGUAGE=\(L.rawValue):" + Self.escape(description),
            "TRANSP:TRANSPARENT",
            "CLASS:PRIVATE",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:" + Self.escape(t("ics.alarm", q.title[L])),
            // From the start of the (all-day) event: 09:00 on the day, in the calendar's time zone.
            "TRIGGER;RELATED=START:PT9H",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT as RFC 5545 §3.3.11 writes it: backslash, semicolon, comma and line breaks escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(c)
            }
        }
        return out
    }

    /// A content line folded at 75 octets (§3.1): each continuation starts with a space, and no
    /// UTF-8 sequence is split.
    static func fold(_ line: String) -> String {
        var out = "", octets = 0, limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > limit {
                out += "\r\n "
                octets = 1
                limit = 75
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }

    /// 20261221
    static func date(_ day: Date) -> String { AnswerValidation.formatDate(day).replacing("-", with: "") }

    /// 20261125T103251Z
    static func moment(_ moment: Date) -> String {
        let c = Calendar.utc.dateComponents([.hour, .minute, .second], from: moment)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : String(v) }
        return date(moment) + "T" + two(c.hour) + two(c.minute) + two(c.second) + "Z"
    }
}
