import Foundation
import Testing
import TriageKit
@testable import TriageReport
import TriageTestSupport

private func day(_ text: String) -> Date { AnswerValidation.parseDate(text)! }
private func level(_ id: String) -> TriageLevel { Fixtures.shipped.level(id)! }

/// Low back pain checked at weeks 2, 6 and 13: pain 6, 4 and 3.
private let lowBack = Trend(Fixtures.shipped, start: day("2026-11-09"), marks: [6, 12], points: [
    .init(day: day("2026-11-23"), weeks: 2, value: 6, level: level("self_care")),
    .init(day: day("2026-12-21"), weeks: 6, value: 4, level: level("see_doctor")),
    .init(day: day("2027-02-08"), weeks: 13, value: 3, level: level("see_doctor")),
])!

private func chart(_ trend: Trend, _ style: HistoryChart.Style, width: Int = 80, language: Language = .en) -> [String] {
    HistoryChart(Wording(Fixtures.shipped, language), style: style, width: width).lines(trend)
}

private func chart(_ style: HistoryChart.Style, width: Int = 80, language: Language = .en) -> [String] {
    chart(lowBack, style, width: width, language: language)
}

@Suite("History chart")
struct HistoryChartTests {
    @Test(arguments: HistoryChart.Style.allCases)
    func everyLineFitsEightyColumns(style: HistoryChart.Style) {
        for language in Language.allCases {
            let lines = chart(style, language: language)
            #expect(lines.count >= 14)
            for line in lines { #expect(DisplayWidth.of(line) <= 80, "\(line)") }
        }
    }

    @Test func theASCIIChartIsASCII() {
        let text = chart(.ascii).joined(separator: "\n")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
    }

    @Test func theUnicodeChartDrawsTheLineInBraille() {
        let text = chart(.unicode).joined(separator: "\n")
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    @Test(arguments: HistoryChart.Style.allCases)
    func eachCheckInIsItsLevelsMarkerAtItsPainAndWeek(style: HistoryChart.Style) {
        let lines = chart(style)
        let c = HistoryChart(Wording(Fixtures.shipped, .en), style: style)
        // Row 1 is the title; rows 2 to 12 are pain 10 down to 0.
        func row(_ pain: Int) -> [Character] { Array(lines[1 + (10 - pain)]) }
        let selfCare = c.marker(for: level("self_care"), in: lowBack), doctor = c.marker(for: level("see_doctor"), in: lowBack)
        #expect(row(6).contains(selfCare), "\(lines.joined(separator: "\n"))")
        #expect(row(4).contains(doctor))
        #expect(row(3).contains(doctor))
        // Left to right: week 2 before week 6 before week 13.
        let x2 = row(6).firstIndex(of: selfCare)!, x6 = row(4).firstIndex(of: doctor)!, x13 = row(3).firstIndex(of: doctor)!
        #expect(x2 < x6 && x6 < x13)
        #expect(selfCare != doctor)
    }

    @Test(arguments: HistoryChart.Style.allCases)
    func theWeeksOfTheGuidanceAreLinesWithTheirNumbersUnderTheAxis(style: HistoryChart.Style) {
        let lines = chart(style)
        let mark: Character = style == .unicode ? "┊" : ":"
        let top = Array(lines[1])
        let columns = top.indices.filter { top[$0] == mark }
        #expect(columns.count == 2, "\(lines.joined(separator: "\n"))")
        let labels = Array(lines[13])
        for (column, number) in zip(columns, ["6", "12"]) {
            let around = String(labels[max(0, column - 1)...min(labels.count - 1, column + 1)])
            #expect(around.contains(number), "\(number) not under column \(column): \(lines[13])")
        }
        #expect(lines.contains { $0.contains("6 and 12 weeks: when the guidance looks at the pain again") })
    }

    @Test func aNeckEpisodeHasItsThreeWeekLine() {
        let neck = Trend(Fixtures.shipped, start: day("2026-11-09"), marks: [3, 12], points: [
            .init(day: day("2026-11-16"), weeks: 1, value: 5, level: level("self_care")),
        ])!
        let lines = chart(neck, .ascii)
        #expect(lines.contains { $0.contains("3 and 12 weeks") })
        #expect(lines[13].contains("3"))
    }

    @Test func theLegendNamesTheLevelsShownAndTheTitleTheStart() {
        let en = chart(.unicode), de = chart(.unicode, language: .de)
        #expect(en[0] == "Pain intensity (0–10) by week since the pain began on 9 Nov 2026")
        #expect(de[0] == "Schmerzstärke (0–10) nach Wochen seit Beginn der Schmerzen am 09.11.2026")
        #expect(en.contains("○ SELF-CARE   ● SEE A DOCTOR"))
        #expect(!en.joined().contains("EMERGENCY"))
        #expect(de.contains { $0.contains("6 und 12 Wochen") })
    }

    @Test func aCheckInWithoutPainSitsOnTheAxis() {
        let stopped = Trend(Fixtures.shipped, start: day("2026-11-09"), marks: [6, 12], points: [
            .init(day: day("2026-11-23"), weeks: 2, value: nil, level: level("emergency")),
        ])!
        let lines = chart(stopped, .ascii)
        let marker = HistoryChart(Wording(Fixtures.shipped, .en), style: .ascii).marker(for: level("emergency"), in: stopped)
        #expect(lines[12].contains(marker), "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("without this answer") })
    }

    @Test func aNarrowChartStillFits() {
        for line in chart(.unicode, width: 40) { #expect(DisplayWidth.of(line) <= 40, "\(line)") }
    }

    @Test func theHTMLSheetCarriesTheChartAsSelfContainedSVG() throws {
        let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(["duration_weeks": .number(13), "intensity": .number(3)]),
                            on: day("2027-02-08"))
        let html = SheetFormat.html.render(report, language: .en, trend: lowBack)
        #expect(html.components(separatedBy: "<svg ").count == 2)
        let svg = String(html[html.range(of: "<svg ")!.lowerBound..<html.range(of: "</svg>")!.upperBound])
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("stroke-dasharray"), "the weeks of the guidance are dashed lines")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3 + 2, "three check-ins and two levels in the legend")
        for outside in ["<script", "href", "<image", "url(", "@import"] { #expect(!svg.contains(outside), "\(outside)") }
        #expect(!svg.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
        #expect(html.contains("Your pain over time"))
        #expect(html.contains("<strong>8 Feb 2027</strong>: 13 weeks · Pain intensity 3/10 · SEE A DOCTOR"))
        // Without a history the sheet is as it was.
        #expect(!SheetFormat.html.render(report, language: .en).contains("<svg"))
    }

    @Test func theTextSheetCarriesTheASCIIChart() {
        let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(["duration_weeks": .number(13)]), on: day("2027-02-08"))
        let text = SheetFormat.text.render(report, language: .de, trend: lowBack)
        #expect(text.contains("IHRE SCHMERZEN IM VERLAUF"))
        #expect(text.contains("Schmerzstärke (0-10) nach Wochen seit Beginn der Schmerzen am 09.11.2026"))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
    }
}
