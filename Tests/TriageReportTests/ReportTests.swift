import Foundation
import Testing
import TriageKit
import TriageReport

@Suite("One result model: every output says the same")
struct OutputsAgreeTests {
    /// The tests over the examples run over every one: a file that cannot be read, or reads as
    /// nothing, fails here and in each of them.
    @Test func theExampleCasesAreRead() throws {
        #expect(try exampleCases().count >= 14)
    }

    /// The same answers through every output: each names the level, each warning sign, every
    /// suggestion and caution the level shows, and the next check, and none names what the
    /// level leaves out.
    @Test(arguments: try exampleCases().map(\.name))
    func everyOutputAgreesOnTheResult(_ name: String) throws {
        let answers = try Fixtures.exampleAnswers(name)
        let r = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportJSON.text(r).utf8)) as? [String: Any])
        #expect(json["triage"] as? String == r.level.id)
        #expect(json["suggestions"] as? [String] == r.allSuggestions.map(\.id))
        #expect(json["cautions"] as? [String] == r.cautions.map(\.id))
        #expect((json["next_check"] as? [String: Any])?["weeks"] as? Double == r.nextCheck?.weeks)
        for language in Language.allCases {
            let w = Wording(r.questionnaire, language)
            for (output, text) in patientOutputs(r, language) {
                let flat = text.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "\\", with: "")
                #expect(flat.contains(w.title(r.level)), "\(output) \(language) lacks the level")
                for sign in r.signs { #expect(flat.contains(w.label(sign.item)), "\(output) \(language) lacks \(sign.item.id)") }
                for entry in r.allSuggestions + r.cautions {
                    #expect(flat.contains(entry.entry.title[language]), "\(output) \(language) lacks \(entry.id)")
                }
                if let next = r.nextCheck { #expect(flat.contains(w.date(next.date)), "\(output) \(language) lacks the next check") }
                if !r.level.result.suggestions {
                    #expect(!flat.contains(w.t("result.suggestions")), "\(output) \(language) shows a suggestions heading at \(r.level.id)")
                }
            }
        }
    }
}

@Suite("Result shape by level")
struct ResultShapeTests {
    @Test(arguments: Language.allCases)
    func saddleNumbnessShowsOnlyTheActionTheSignAndItsCause(_ language: Language) {
        let r = report(["rf_saddle_numbness": .bool(true), "duration_weeks": .number(3)])
        let w = Wording(r.questionnaire, language)
        let text = flat(ResultText(w).render(r))
        #expect(text.contains(w.title(r.level)))
        #expect(text.contains(w.label(r.signs[0].item)))
        #expect(text.contains(r.signs[0].cause.text[language]))
        #expect(text.contains(r.level.finalRemark![language]))
        for absent in [w.t("result.suggestions"), w.t("result.cautions"), w.t("result.notes"), w.t("result.profile"),
                       StringCatalog.report.text("result.sooner", language)] {
            #expect(!text.contains(absent), "\(absent)")
        }
        for (name, output) in patientOutputs(r, language) {
            #expect(!output.contains(w.t("result.suggestions")), "\(name)")
            #expect(!output.contains(w.t("result.cautions")), "\(name)")
        }
    }

    @Test func anUrgentResultListsOnlyThe112SignsToWatchFor() {
        let r = report(["rf_fever": .bool(true)])
        let text = flat(ResultText(Wording(r.questionnaire, .en)).render(r))
        #expect(text.contains("Call 112 at once if any of these appears before you are seen:"))
        #expect(!text.contains("See a doctor today if any of these appears"))
        let german = flat(ResultText(Wording(r.questionnaire, .de)).render(r))
        #expect(german.contains("wenn eines davon auftritt, bevor Sie ärztlich untersucht werden:"))
        #expect(!text.contains("Check again on"))
        #expect(text.contains("An examination makes sense"))
    }

    @Test func aSelfCareResultsWatchListSaysCall112AtOnceWithoutWaitingToBeSeen() {
        let text = flat(ResultText(Wording(report([:]).questionnaire, .en)).render(report([:])))
        #expect(text.contains("Call 112 at once if any of these appears:"))
        #expect(!text.contains("before you are seen"))
    }

    @Test func aSelfCareResultSaysWhenToCheckAgainAndWhatToWatchFor() {
        let text = flat(ResultText(Wording(Fixtures.shipped, .en)).render(report(["duration_weeks": .number(4)])))
        #expect(text.contains("Check again on 7 Dec 2026 (6 weeks after the pain began)."))
        #expect(text.contains("See a doctor within a few days if any of these appears:"))
    }

    @Test func afterTwelveWeeksThereIsNoNextCheckButTheAdviceToDiscussIt() {
        let r = report(["duration_weeks": .number(14), "age": .number(50)])
        #expect(r.nextCheck == nil)
        #expect(flat(ResultText(Wording(r.questionnaire, .en)).render(r)).contains("Your pain has lasted 12 weeks or more."))
    }
}

@Suite("Presentation to patients")
struct PresentationTests {
    static let fileNames = ["000_cc2a56eb0df8bc6f", "001_eb294637d2019e16", "002_14df531ff8956768", ".txt"]

    /// No patient output in either language holds a seed file name, a rule id or a raw
    /// expression.
    @Test(arguments: try exampleCases().map(\.name))
    func noFileNameRuleIdOrExpressionReachesPatients(_ name: String) throws {
        let answers = try Fixtures.exampleAnswers(name)
        let r = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
        let ruleIds = Fixtures.shipped.rules.map(\.id)
        for language in Language.allCases {
            for (output, text) in patientOutputs(r, language) {
                for file in Self.fileNames { #expect(!text.contains(file), "\(output) \(language) shows \(file)") }
                for id in ruleIds { #expect(!text.contains(" \(id) ") && !text.contains("(\(id)"), "\(output) shows rule \(id)") }
                for symbol in [" == ", " >= ", "any_red_flag", "advice_applies", " and not "] {
                    #expect(!text.contains(symbol), "\(output) \(language) shows '\(symbol)'")
                }
            }
        }
    }

    @Test func authorsSeeRuleIdsAndConditionsWithExplain() {
        let r = report(["duration_weeks": .number(7)])
        let text = flat(ResultText(Wording(r.questionnaire, .en, explain: true)).render(r))
        #expect(text.contains("rule low-back-6-weeks: advice_applies and region == 'lower_back'"))
    }

    @Test func whyIsSaidInThePersonsOwnAnswers() {
        let r = report(["duration_weeks": .number(7)])
        let physio = r.allSuggestions.first { $0.id == "physiotherapy" }!
        #expect(Wording(r.questionnaire, .en).why(physio) == "an adult, no warning sign; Where it hurts: Lower back; How long: 7 weeks")
        #expect(Wording(r.questionnaire, .de).why(physio) == "erwachsen, kein Warnzeichen; Wo es schmerzt: Unterer Rücken (Kreuz); Wie lange: 7 Wochen")
    }

    @Test func whyNamesNoQuestionThatWasNotAsked() {
        // The caution on injections reads the leg questions, which pain in the middle of the back
        // does not ask.
        let r = Report(engine: Fixtures.engine, answers: Fixtures.baseline(Fixtures.region("mid_back", ["duration_weeks": .number(4)])), on: Fixtures.day)
        let caution = r.cautions.first { $0.id == "injections_nonspecific" }
        #expect(caution != nil)
        for language in Language.allCases {
            let why = caution.map(Wording(r.questionnaire, language).why) ?? ""
            #expect(!why.isEmpty && !why.contains(Wording(r.questionnaire, language).t("value.unanswered")), "\(why)")
            #expect(!why.contains(Wording(r.questionnaire, language).label(Fixtures.engine.questionnaire.item("radiates_leg")!)))
        }
    }

    @Test func sourcesNameTheDocumentAndKeepTheSectionInItsLanguage() {
        let w = Wording(Fixtures.shipped, .en)
        let citation = w.citation(SourceRef(file: "001_eb294637d2019e16.txt", section: "3.3. Behandlung mit Medikamenten"))
        #expect(citation == "betanet: Rückenschmerzen > Behandlung (back pain: treatment), 3.3. Behandlung mit Medikamenten")
    }

    @Test func germanDatesNumbersAndSingulars() {
        let de = Wording(Fixtures.shipped, .de), en = Wording(Fixtures.shipped, .en)
        #expect(de.date(AnswerValidation.parseDate("2026-12-30")!) == "30.12.2026")
        #expect(en.date(AnswerValidation.parseDate("2026-12-30")!) == "30 Dec 2026")
        #expect(de.weeks(1.0 / 7) == "1 Tag")
        #expect(en.weeks(3) == "3 weeks")
        let duration = Fixtures.shipped.item("duration_weeks")!
        #expect(de.value(.number(2.5), of: duration) == "18 Tage")
    }

    /// clinical-content.md, "Presentation to patients": under 3 weeks in days, from 3 weeks in
    /// whole weeks, never a decimal week.
    @Test func durationsAreDaysUnderThreeWeeksThenWholeWeeks() {
        let de = Wording(Fixtures.shipped, .de), en = Wording(Fixtures.shipped, .en)
        #expect(en.weeks(10.0 / 7) == "10 days")
        #expect(de.weeks(10.0 / 7) == "10 Tage")
        #expect(en.weeks(0.3) == "2 days")
        #expect(en.weeks(1) == "7 days")
        #expect(en.weeks(2.99) == "21 days")
        #expect(en.weeks(3.14) == "3 weeks")
        #expect(de.weeks(12) == "12 Wochen")
        #expect(en.weeks(11.999_999_9) == "12 weeks")
        let duration = Fixtures.shipped.item("duration_weeks")!
        #expect(en.value(.number(3.14), of: duration) == "3 weeks")
    }

    @Test func germanResultsSayKontrolleAndKannAufHinweisen() {
        let r = report(["duration_weeks": .number(4)])
        let text = flat(ResultText(Wording(r.questionnaire, .de)).render(r))
        #expect(text.contains("Kontrolle am 07.12.2026 (6 Wochen nach Beginn der Schmerzen)"))
        #expect(!text.contains("Prüfung"))
        let fever = flat(ResultText(Wording(r.questionnaire, .de)).render(report(["rf_fever": .bool(true)])))
        #expect(fever.contains("kann auf eine Infektion an der Wirbelsäule hinweisen"))
    }
}

@Suite("Summary sheet")
struct SheetTests {
    static func text(_ changes: [String: Value] = [:], language: Language = .en) -> String {
        SheetFormat.text.render(report(changes), language: language)
    }

    @Test func theLevelAndWhatToDoComeFirst() {
        let saddle = Self.text(["rf_saddle_numbness": .bool(true)]).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(saddle[1].hasPrefix("====="))
        #expect(saddle[2] == "  EMERGENCY")
        #expect(saddle[3].contains("emergency department"))
        let chest = Self.text(Fixtures.region("mid_back", ["rf_chest_pain": .bool(true)])).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(chest[2] == "  EMERGENCY")
        #expect(chest[3].contains("Call 112"))
        #expect(!chest.joined(separator: " ").contains("emergency department"))
    }

    @Test(arguments: Language.allCases)
    func aCrisisPhoneNumberIsNeverBrokenAcrossLines(_ language: Language) {
        for duration in [2.0, 7, 20] {
            let text = Self.text(["yf_low_mood": .bool(true), "duration_weeks": .number(duration)], language: language)
            let lines = text.split(separator: "\n").filter { $0.contains("0800") }
            #expect(!lines.isEmpty && lines.allSatisfy { $0.contains("0800\u{A0}111\u{A0}0\u{A0}111") || $0.contains("0800\u{A0}111\u{A0}0\u{A0}222") },
                    "\(lines)")
        }
    }

    @Test func doctorQuestionsComeFromTheCatalogInTheLanguage() {
        let r = report(["duration_weeks": .number(7)])
        #expect(r.doctorQuestions.count <= Report.maximumDoctorQuestions)
        #expect(r.doctorQuestions.contains { $0[.en] == "Is physiotherapy sensible for me, and can you prescribe it?" })
        #expect(Self.text(["duration_weeks": .number(7)], language: .de).contains("[ ] Ist Physiotherapie für mich sinnvoll"))
    }

    @Test func theAppendixHoldsOnlyAnswersToQuestionsThatWereAsked() {
        let r = report(Fixtures.region("neck", ["radiates_leg": .bool(true)]))
        #expect(r.ignored.map(\.id) == ["radiates_leg"])
        let text = SheetFormat.text.render(r, language: .en)
        #expect(!text.contains("Pain into the leg"))
        #expect(r.answerSections.flatMap(\.answers).count == r.answers.values.count)
    }

    @Test(arguments: Language.allCases)
    func textLinesFitEightyColumnsWithoutEscapeCodes(_ language: Language) {
        let text = Self.text(["rf_fever": .bool(true), "duration_weeks": .number(20)], language: language)
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func textPagesAreSixtySixLinesEachWithAHeader() throws {
        let lines = Self.text().split(separator: "\n", omittingEmptySubsequences: false)
        let headers = lines.indices.filter { lines[$0].contains(" page ") && lines[$0].hasPrefix("Back and neck pain") }
        let pages = headers.count
        #expect(pages >= 2)
        for (n, at) in headers.enumerated() {
            #expect(at == n * 66, "the header of page \(n + 1) is on line \(at)")
            #expect(lines[at].hasSuffix("page \(n + 1) of \(pages)"))
        }
        // The appendix starts a page of its own.
        let appendix = try #require(lines.firstIndex { $0.hasPrefix("APPENDIX") })
        #expect(headers.contains(appendix - 1))
    }

    @Test func htmlIsSelfContained() {
        let html = SheetFormat.html.render(report(), language: .en)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=") && !html.contains("<link"))
        #expect(html.contains("@page { size: A4"))
    }

    @Test func htmlAndMarkdownEscapeText() {
        var q = Fixtures.shipped
        let i = q.catalog.firstIndex { $0.id == "stay_active" }!
        q.catalog[i].doctorQuestion = LocalizedText([.en: "a *b* [c] <b>&", .de: "x"])
        let r = Report(engine: Engine(q), answers: Fixtures.baseline(), on: Fixtures.day)
        #expect(SheetFormat.html.render(r, language: .en).contains("a *b* [c] &lt;b&gt;&amp;"))
        #expect(SheetFormat.markdown.render(r, language: .en).contains("- [ ] a \\*b\\* \\[c\\] \\<b\\>&"))
    }

    @Test func jsonKeepsNumbersExact() throws {
        let r = report(["painkiller_weeks": .number(2.004), "duration_weeks": .number(10.0 / 7)])
        let text = ReportJSON.text(r)
        #expect(text.contains("\"painkiller_weeks\":2.004"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["answers"] as? [String: Any])?["duration_weeks"] as? Double == 10.0 / 7)
    }
}
