import Foundation
import Testing
import TriageKit
@testable import TriageReport
import TriageTestSupport

private func day(_ text: String) -> Date { AnswerValidation.parseDate(text)! }

private func reminder(_ language: Language) -> String {
    let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(["duration_weeks": .number(2)]), on: day("2026-11-23"))
    return CalendarReminder(Wording(Fixtures.shipped, language)).ics(report, on: day("2026-12-21"), weeks: 6, uid: "e1-2026-12-21@backtriage",
                                                                     stamp: Date(timeIntervalSince1970: 1_795_421_700))
}

/// The content lines with folding undone (RFC 5545 §3.1).
private func unfolded(_ ics: String) -> [String] {
    ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
}

@Suite("Calendar reminder")
struct CalendarReminderTests {
    @Test(arguments: Language.allCases)
    func linesAreFoldedAt75OctetsWithoutSplittingACharacter(language: Language) {
        let ics = reminder(language)
        #expect(ics.hasSuffix("\r\n"))
        for line in ics.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "\(line)")
            #expect(!line.contains("\n") && !line.contains("\r"))
        }
        #expect(ics.contains("\r\n "), "the description is long enough to be folded")
    }

    @Test func theEventIsAllDayOnTheNextCheckWithAnAlarm() {
        let lines = unfolded(reminder(.en))
        #expect(lines.contains("DTSTART;VALUE=DATE:20261221"))
        #expect(lines.contains("DTEND;VALUE=DATE:20261222"))
        #expect(lines.contains("DTSTAMP:20261123T081500Z"))
        #expect(lines.contains("UID:e1-2026-12-21@backtriage"))
        #expect(lines.contains("BEGIN:VALARM") && lines.contains("TRIGGER;RELATED=START:PT9H"))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
    }

    @Test func theDescriptionNamesTheWarningSignsToWatchForEscaped() throws {
        let description = try #require(unfolded(reminder(.en)).first { $0.hasPrefix("DESCRIPTION;LANGUAGE=en:") })
        #expect(description.contains("6 weeks after the pain began\\, the guidance looks at it again"))
        #expect(description.contains("\\nCall 112 at once if any of these appears: Sudden severe pain with belly or chest pain\\, or fainting\\;"))
        #expect(description.contains("\\nGo to an emergency department at once (or call 112) if any of these appears: Numbness around the anus\\, genitals or inner thighs\\;"))
        #expect(description.contains("Fever or chills with the pain"))
        #expect(!description.contains("Cancer"), "history items are not watched for")
        let german = try #require(unfolded(reminder(.de)).first { $0.hasPrefix("DESCRIPTION;LANGUAGE=de:") })
        #expect(german.contains("Warten Sie nicht bis zu diesem Tag"))
    }

    @Test func textIsEscapedAsRFC5545Asks() {
        #expect(CalendarReminder.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let folded = CalendarReminder.fold(String(repeating: "ü", count: 60))
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == String(repeating: "ü", count: 60))
    }
}
