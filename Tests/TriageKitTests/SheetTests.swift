import Foundation
import Testing
@testable import TriageKit

/// The content and layout of the summary sheet.
@Suite("Summary sheet")
struct SheetTests {
    static func sheet(_ changes: [String: Value] = [:], language: String = "en") -> SummarySheet {
        let answers = Fixtures.baseline(changes)
        return SummarySheet(questionnaire: Fixtures.shipped, assessment: Fixtures.engine.evaluate(answers, on: Fixtures.day),
                            answers: answers, language: language)
    }

    static func text(_ changes: [String: Value] = [:], language: String = "en") -> String {
        SheetPlainText().render(sheet(changes, language: language))
    }

    @Test func theLevelAndWhatToDoComeFirst() {
        let lines = Self.text(["rf_saddle_numbness": .bool(true)]).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].hasPrefix("====="))
        #expect(lines[2] == "  EMERGENCY")
        #expect(lines[3].contains("call 112"))
    }

    @Test func aRedFlagIsNamedWithItsSuspectedCause() {
        let sheet = Self.sheet(["rf_fever": .bool(true)])
        #expect(sheet.redFlags.count == 1)
        #expect(sheet.redFlags[0].cause.contains("infection"))
        #expect(Self.text(["rf_fever": .bool(true)]).contains("  ! Fever or chills"))
    }

    @Test func theProfileShowsDurationPhaseAndIntensity() {
        let profile = Self.sheet(["duration_weeks": .number(7), "intensity": .number(6)]).profile
        #expect(profile.contains { $0.value == "7 weeks" })
        #expect(profile.contains { $0.value == "6/10" })
        #expect(profile.contains { $0.value.hasPrefix("subacute") })
    }

    @Test func doctorQuestionsComeFromTheCatalog() {
        let sheet = Self.sheet(["duration_weeks": .number(7)])
        #expect(sheet.doctorQuestions.first == "Is physiotherapy sensible for me, and can you prescribe it?")
        #expect(sheet.doctorQuestions.count <= SummarySheet.maximumDoctorQuestions)
    }

    @Test func germanDoctorQuestionsUseTheGermanCatalogText() {
        let sheet = Self.sheet(["duration_weeks": .number(7)], language: "de")
        #expect(sheet.doctorQuestions.first == "Ist Physiotherapie für mich sinnvoll, und können Sie sie mir verordnen?")
    }

    @Test func citationsNameTheDocumentTitleNotTheFile() {
        let sheet = Self.sheet()
        let citations = (sheet.suggestions + sheet.cautions).compactMap(\.citation)
        #expect(!citations.isEmpty)
        #expect(citations.allSatisfy { !$0.contains(".txt") })
        #expect(citations.contains { $0.hasPrefix("Back pain: treatment, 3.1.") })
    }

    @Test func theNextCheckDateCountsFromTheAnswerDate() {
        // 4 weeks of low back pain on 2026-11-23: the 6-week mark is 14 days later.
        #expect(Self.sheet(["duration_weeks": .number(4)]).nextCheck?.hasPrefix("Next check: 2026-12-07 (6 weeks") == true)
    }

    @Test func warningSignsAnsweredNoAreListedForSafetyNetting() {
        let sheet = Self.sheet(["rf_fever": .bool(true)])
        #expect(sheet.warningSigns.count == Fixtures.shipped.items.filter(\.isRedFlag).count - 1)
    }

    @Test func theAppendixHoldsEveryAnswer() {
        let answered = Fixtures.baseline().values.count
        #expect(Self.sheet().answers.flatMap(\.answers).count == answered)
    }

    @Test func textLinesFitEightyColumnsWithoutEscapeCodes() {
        for language in ["en", "de"] {
            let text = Self.text(["rf_fever": .bool(true), "duration_weeks": .number(20)], language: language)
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        }
    }

    @Test func textPagesAreSixtySixLinesEachWithAHeader() {
        let lines = Self.text().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasSuffix("page 1 of 2"))
        #expect(lines[66].hasSuffix("page 2 of 2"))
        #expect(lines[67].hasPrefix("APPENDIX"))
    }

    @Test func aTypicalTextSheetFitsOnePageWithoutTheAppendix() {
        let text = Self.text(["duration_weeks": .number(7)])
        let firstPage = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(66).joined(separator: "\n")
        #expect(firstPage.contains("QUESTIONS TO ASK YOUR DOCTOR"))
        #expect(firstPage.contains("This sheet is information, not a diagnosis"))
    }

    @Test func htmlIsSelfContained() {
        let html = SheetHTML().render(Self.sheet())
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=") && !html.contains("<link"))
        #expect(html.contains("@page { size: A4"))
    }

    @Test func htmlEscapesText() {
        var sheet = Self.sheet()
        sheet.doctorQuestions = ["<b>&"]
        #expect(SheetHTML().render(sheet).contains("<li>&lt;b&gt;&amp;</li>"))
    }

    @Test func markdownEscapesSyntaxCharacters() {
        var sheet = Self.sheet()
        sheet.doctorQuestions = ["a *b* [c]"]
        #expect(SheetMarkdown().render(sheet).contains("- [ ] a \\*b\\* \\[c\\]"))
    }

    @Test func jsonIsTheAssessmentPlusTheAnswers() throws {
        let answers = Fixtures.baseline()
        let json = SheetJSON.json(Fixtures.engine.evaluate(answers, on: Fixtures.day), answers: answers, questionnaire: Fixtures.shipped)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.serialized().utf8)) as? [String: Any])
        #expect(object["triage"] as? String == "self_care")
        #expect((object["answers"] as? [String: Any])?["age"] as? Int == 40)
    }
}
