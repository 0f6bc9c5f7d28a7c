import Foundation
import PropertyBased
import Testing
@testable import TriageKit
@testable import TriageReport

/// The FHIR R4 Questionnaire: one per content version with both languages, groups, units,
/// codes, help, the slider, the act-now display, enableWhen as exact as R4 allows, and the
/// derived values in FHIRPath.
@Suite("FHIR Questionnaire")
struct FHIRQuestionnaireTests {
    static let english = FHIRQuestionnaire.json(Fixtures.shipped)
    static let version = Fixtures.shipped.version

    static func item(_ q: JSON, _ linkId: String) -> JSON? { q.allItems.first { $0["linkId"]?.string == linkId } }

    @Test func oneQuestionnaireCarriesBothLanguages() throws {
        let q = Self.english
        #expect(q["language"]?.string == "en")
        #expect(q["title"]?.string == Fixtures.shipped.title[.en])
        #expect(q.translation("title", .de) == Fixtures.shipped.title[.de])
        for item in Fixtures.shipped.items {
            let exported = try #require(Self.item(q, item.id.rawValue))
            #expect(exported["text"]?.string == item.text[.en])
            #expect(exported.translation("text", .de) == item.text[.de], "\(item.id)")
            for (option, coding) in zip(item.options, exported["answerOption"]?.array.compactMap { $0["valueCoding"] } ?? []) {
                #expect(coding["display"]?.string == option.text[.en])
                #expect(coding.translation("display", .de) == option.text[.de])
            }
        }
        for section in Fixtures.shipped.sections {
            #expect(Self.item(q, section.id)?.translation("text", .de) == section.title[.de])
        }
    }

    /// One url|version, one resource: the primary language is the questionnaire's first, never
    /// the language of the person, so every export of a version is the same.
    @Test func thePrimaryLanguageIsFixedSoOneVersionIsOneResource() throws {
        #expect(FHIRQuestionnaire.primaryLanguage(Fixtures.shipped) == Fixtures.shipped.languages.first)
        #expect(FHIRQuestionnaire.json(Fixtures.shipped) == Self.english)
        let age = try #require(Self.item(Self.english, "age"))
        #expect(age["text"]?.string == "How old are you?")
        #expect(age.translation("text", .de) == "Wie alt sind Sie?")
    }

    /// A response's texts are the Questionnaire's, with the same translations, so a validator
    /// finds no text that differs from the resource it answers, in whatever language it was given.
    @Test func aResponseCarriesTheQuestionnairesTextsAndTranslations() throws {
        let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(), on: Fixtures.day)
        let response = FHIRQuestionnaireResponse.json(report)
        #expect(response["language"]?.string == Self.english["language"]?.string)
        for item in response.allItems {
            let id = try #require(item["linkId"]?.string)
            let defined = try #require(Self.item(Self.english, id), "\(id)")
            #expect(item["text"] == defined["text"], "\(id)")
            #expect(item.translation("text", .de) == defined.translation("text", .de), "\(id)")
        }
    }

    @Test func aDeploymentSetsTheCanonicalBase() throws {
        let canonical = try FHIRCanonical(base: "https://fhir.example.org/r4/")
        let text = FHIRQuestionnaire.json(Fixtures.shipped, canonical: canonical).serialized()
        #expect(text.contains(#""url":"https://fhir.example.org/r4/Questionnaire/back-pain""#))
        #expect(text.contains(#""system":"https://fhir.example.org/r4/CodeSystem/back-pain-region""#))
        #expect(!text.contains("backtriage.invalid"))
    }

    @Test(arguments: ["ftp://example.org", "https://", "https://example.org/fhir?x=1", "https://exa mple.org", "example.org/fhir",
                      "https://example.org/fhir|2"])
    func aCanonicalBaseThatIsNoHTTPURLIsRefused(_ base: String) {
        #expect(throws: Diagnostic.self) { try FHIRCanonical(base: base) }
    }

    @Test func linkIdsAreUniqueAndSectionsAreGroups() {
        let ids = Self.english.allItems.compactMap { $0["linkId"]?.string }
        #expect(Set(ids).count == ids.count)
        let top = Self.english["item"]?.array ?? []
        #expect(top.map { $0["linkId"]?.string } == Fixtures.shipped.sections.map(\.id) + [FHIRResponseReader.derivedGroupLinkId])
        #expect(top.allSatisfy { $0["type"]?.string == "group" })
    }

    @Test func numbersCarryTheirUCUMUnit() throws {
        func unit(_ id: String) -> JSON? { Self.item(Self.english, id)?.extensions(FHIRURL.unit).first?["valueCoding"] }
        #expect(unit("duration_weeks")?["system"]?.string == "http://unitsofmeasure.org")
        #expect(unit("duration_weeks")?["code"]?.string == "wk")
        #expect(unit("duration_weeks")?["display"]?.string == "weeks")
        #expect(unit("duration_weeks")?.translation("display", .de) == "Wochen")
        #expect(unit("painkiller_weeks")?["code"]?.string == "wk")
        #expect(unit("age")?["code"]?.string == "a")
    }

    @Test func itemsCarryTheirLOINCCodes() {
        func codes(_ id: String) -> [String] { Self.item(Self.english, id)?["code"]?.array.compactMap { $0["code"]?.string } ?? [] }
        #expect(codes("intensity") == ["72514-3"])
        #expect(codes("age") == ["30525-0"])
        #expect(Self.item(Self.english, "age")?["code"]?.array.first?["system"]?.string == "http://loinc.org")
    }

    @Test func everyHelpTextIsAHelpDisplayItem() throws {
        for item in Fixtures.shipped.items where item.help != nil {
            let help = try #require(Self.item(Self.english, item.id.rawValue)?["item"]?.array.first { $0["linkId"]?.string == "\(item.id)-help" })
            #expect(help["type"]?.string == "display")
            #expect(help["text"]?.string == item.help?[.en])
            #expect(help.translation("text", .de) == item.help?[.de])
            #expect(help.extensions(FHIRURL.itemControl).first?["valueCodeableConcept"]?["coding"]?.array.first?["code"]?.string == "help")
        }
    }

    @Test func thePainScaleIsASliderWithItsAnchors() throws {
        let intensity = try #require(Self.item(Self.english, "intensity"))
        #expect(intensity["type"]?.string == "integer")
        let control = intensity.extensions(FHIRURL.itemControl).first?["valueCodeableConcept"]?["coding"]?.array.first
        #expect(control?["code"]?.string == "slider")
        #expect(intensity.extensions(FHIRURL.sliderStepValue).first?["valueInteger"]?.number == 1)
        #expect(intensity.extensions(FHIRURL.minValue).first?["valueInteger"]?.number == 0)
        #expect(intensity.extensions(FHIRURL.maxValue).first?["valueInteger"]?.number == 10)
        let children = intensity["item"]?.array ?? []
        func anchor(_ code: String) -> JSON? {
            children.first { $0.extensions(FHIRURL.itemControl).first?["valueCodeableConcept"]?["coding"]?.array.first?["code"]?.string == code }
        }
        #expect(anchor("lower")?["text"]?.string == "no pain")
        #expect(anchor("upper")?["text"]?.string == "worst pain imaginable")
        #expect(anchor("upper")?.translation("text", .de) == "stärkste vorstellbare Schmerzen")
    }

    @Test func anyEmergencyAnswerShowsItsActionAtOnce() throws {
        let q = Fixtures.shipped, emergency = q.mostUrgentLevel!
        let actions = q.actions.filter { $0.level == emergency.id }
        var shownBy: [String] = []
        for action in actions {
            let linkId = action.id == emergency.defaultAction ? FHIRQuestionnaire.actNowLinkId : FHIRQuestionnaire.actNowLinkId + "-" + action.id
            let act = try #require(Self.item(Self.english, linkId), "no display for the action \(action.id)")
            #expect(act["type"]?.string == "display")
            let conditions = act["enableWhen"]?.array ?? []
            #expect(conditions.allSatisfy { $0["operator"]?.string == "=" && $0["answerBoolean"]?.bool == true })
            shownBy += conditions.compactMap { $0["question"]?.string }
            #expect(act["text"]?.string?.contains(action.text[.en]) == true)
            #expect(act.translation("text", .de)?.contains(action.text[.de]) == true)
        }
        // Every emergency sign shows exactly one action.
        let signs = Set(q.rules.filter { $0.triage == emergency.id }.compactMap { $0.redFlag?.item.rawValue })
        #expect(Set(shownBy) == signs)
        #expect(shownBy.count == signs.count)
    }

    /// Every condition of the shipped questionnaire is said in R4's own enableWhen, so a form
    /// without SDC support asks exactly what the engine asks.
    @Test func everyConditionOfTheShippedQuestionnaireIsPlainEnableWhen() {
        for item in Self.english.allItems {
            #expect(item.extensions(FHIRURL.enableWhenExpression).isEmpty, "\(item["linkId"]?.string ?? "?")")
        }
        let enabling = Set(Self.english.allItems.filter { $0["enableWhen"] != nil }.compactMap { $0["linkId"]?.string })
        for item in Fixtures.shipped.items where item.condition != nil {
            #expect(enabling.contains(item.id.rawValue) || enabling.contains(item.section), "\(item.id)")
        }
    }

    @Test func notYesIsAnsweredNoOrNotAsked() throws {
        // rf_trauma is asked unless whiplash is answered yes; whiplash is asked for the neck only.
        let trauma = try #require(Self.item(Self.english, "rf_trauma"))
        #expect(trauma["enableBehavior"]?.string == "any")
        let conditions = trauma["enableWhen"]?.array ?? []
        #expect(conditions.contains { $0["question"]?.string == "region" && $0["operator"]?.string == "!=" && $0["answerCoding"]?["code"]?.string == "neck" })
        #expect(conditions.contains { $0["question"]?.string == "whiplash" && $0["operator"]?.string == "=" && $0["answerBoolean"]?.bool == false })
    }

    @Test func aConditionR4CannotSayBecomesAnSDCExpressionAndIsNotRequired() throws {
        let q = try Fixtures.load("""
        sections:
          - id: s
            title: {en: S, de: S}
            items:
              - {id: a, type: boolean, text: {en: A, de: A}}
              - {id: b, type: boolean, text: {en: B, de: B}}
              - {id: c, type: boolean, text: {en: C, de: C}, when: "count(a, b) > 1"}
        rules:
          - {id: r, when: "c", triage: emergency, explanation: {en: x, de: x}, source: {file: f, section: s}}
        """).get()
        let exported = FHIRQuestionnaire.json(q)
        let c = try #require(Self.item(exported, "c"))
        #expect(c["enableWhen"] == nil)
        #expect(c["required"]?.bool == false)
        let expression = c.extensions(FHIRURL.enableWhenExpression).first?["valueExpression"]?["expression"]?.string
        #expect(expression == "iif(((iif(%a, 1, 0) + iif(%b, 1, 0)) > 1), true, false)")
        let variables = exported.extensions(FHIRURL.variable).compactMap { $0["valueExpression"]?["name"]?.string }
        // The answers the condition reads, then what the rule reads and the level it computes.
        #expect(variables == ["a", "b", "c", FHIRPathTranslator.levelVariable])
    }

    @Test func derivedValuesAreFHIRPathVariablesAndHiddenCalculatedItems() throws {
        let q = Self.english
        let names = q.extensions(FHIRURL.variable).compactMap { $0["valueExpression"]?["name"]?.string }
        #expect(Set(names).count == names.count)
        // Every derived value, after the answers it reads, each a variable read from the response once.
        let derived = Fixtures.shipped.derived.map { FHIRPathTranslator.variableName($0.id) }
        #expect(Set(derived).isSubset(of: Set(names)))
        for d in Fixtures.shipped.derived {
            let position = names.firstIndex(of: FHIRPathTranslator.variableName(d.id)) ?? 0
            for id in d.expression.root.references {
                #expect((names.firstIndex(of: FHIRPathTranslator.variableName(id)) ?? .max) < position, "\(d.id) reads \(id)")
            }
        }
        let expressions = q.extensions(FHIRURL.variable).compactMap { $0["valueExpression"]?["expression"]?.string }
        #expect(expressions.filter { $0.contains("linkId = 'region'") }.count == 1)
        #expect(q.extensions(FHIRURL.variable).first { $0["valueExpression"]?["name"]?.string == "whiplash" }?["valueExpression"]?["expression"]?.string
                == "iif((%region = 'neck'), %resource.repeat(item).where(linkId = 'whiplash').answer.value, {})")
        #expect(names.contains("phase") && names.contains("psychosocialScore") && names.contains("anyRedFlag"))
        let group = try #require(Self.item(q, FHIRResponseReader.derivedGroupLinkId))
        #expect(group.extensions(FHIRURL.hidden).first?["valueBoolean"]?.bool == true)
        let phase = try #require(Self.item(q, "phase"))
        #expect(phase["readOnly"]?.bool == true)
        #expect(phase.extensions(FHIRURL.calculatedExpression).first?["valueExpression"]?["expression"]?.string == "%phase")
    }

    @Test func fhirPathNumbersHaveNoExponent() {
        #expect(FHIRPathTranslator.decimal(12) == "12")
        #expect(FHIRPathTranslator.decimal(2.004) == "2.004")
        #expect(FHIRPathTranslator.decimal(1e-9) == "0.000000001")
        #expect(FHIRPathTranslator.decimal(-2.5e-7) == "-0.00000025")
        #expect(FHIRPathTranslator.decimal(1.5e20) == "150000000000000000000")
    }

    /// R4's rules applied to the exported Questionnaire enable exactly the items the engine asks,
    /// for generated answer sets that answer every item, asked or not...
    @Test func r4EnableWhenEnablesExactlyWhatTheEngineAsks() async {
        await propertyCheck(count: 1_000, input: everyAnswerSets) { Self.expectSameItemsEnabled($0) }
    }

    /// ...and for forms still being filled in, where an open answer must not enable what the
    /// engine does not ask (`not yes(whiplash)` with whiplash asked and open, say).
    @Test func r4EnableWhenEnablesExactlyWhatTheEngineAsksWhileAnswersAreOpen() async {
        await propertyCheck(count: 1_000, input: partialAnswerSets) { Self.expectSameItemsEnabled($0) }
    }

    static let r4 = R4Enablement(questionnaire: english)

    static func expectSameItemsEnabled(_ answers: AnswerSet) {
        let questions = Set(Fixtures.shipped.items.map(\.id.rawValue))
        let asked = Set(Fixtures.engine.askedItems(given: answers).map(\.id.rawValue))
        let enabled = r4.enabled(answers).intersection(questions)
        #expect(enabled == asked, "R4 only: \(enabled.subtracting(asked).sorted()); engine only: \(asked.subtracting(enabled).sorted())")
    }
}

/// Answers -> QuestionnaireResponse -> answers: only what is asked, numbers exact, the same
/// evaluation after the round trip.
@Suite("FHIR QuestionnaireResponse")
struct FHIRResponseTests {
    static func response(_ answers: AnswerSet, canonical: FHIRCanonical = .standard) -> String {
        let report = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
        return FHIRQuestionnaireResponse.json(report, canonical: canonical).serialized(pretty: true)
    }

    /// Every output of the evaluation but the answers it ignored, which a response never holds.
    static func evaluation(_ answers: AnswerSet) -> String {
        let report = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
        guard var object = (try? JSONSerialization.jsonObject(with: Data(ReportJSON.bytes(report)))) as? [String: Any] else { return "" }
        object["ignored_answers"] = nil
        return (try? JSONSerialization.data(withJSONObject: object, options: .sortedKeys)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test(arguments: try exampleCases().map(\.name))
    func answersSurviveTheRoundTripThroughAQuestionnaireResponse(_ name: String) throws {
        let answers = try Fixtures.exampleAnswers(name)
        let document = try FHIRResponseReader.read(Self.response(answers), path: "response.json")
        #expect(document.answers == answers.asked(by: Fixtures.engine))
        #expect(document.questionnaire == "back-pain")
        #expect(document.date == Fixtures.day)
        #expect(Self.evaluation(document.answers) == Self.evaluation(answers))
    }

    @Test func anAnswerFileReaderAcceptsAQuestionnaireResponse() throws {
        let answers = Fixtures.baseline(["duration_weeks": .number(2.5)])
        let document = try AnswerFileReader.parse(Self.response(answers), path: "response.json")
        #expect(document.answers == answers)
        #expect(AnswerFileReader.validate(document, engine: Fixtures.engine).isEmpty)
    }

    @Test func answerValuesFollowTheItemType() {
        let json = Self.response(Fixtures.baseline(["duration_weeks": .number(2.5)]))
        #expect(json.contains("\"valueInteger\": 40"))
        #expect(json.contains("\"valueDecimal\": 2.5"))
        #expect(json.contains("\"valueBoolean\": false"))
        #expect(json.contains("\"code\": \"lower_back\""))
    }

    @Test func numbersNextToTheRuleConstantsComeBackExactly() throws {
        for weeks in [2.004, 5.999, 6 - 1e-9, 10.0 / 7, 11.999999999] {
            let answers = Fixtures.baseline(["duration_weeks": .number(weeks), "painkiller_weeks": .number(weeks)])
            let document = try FHIRResponseReader.read(Self.response(answers), path: "r.json")
            #expect(document.answers["duration_weeks"] == .number(weeks))
            #expect(document.answers["painkiller_weeks"] == .number(weeks))
            #expect(Self.evaluation(document.answers) == Self.evaluation(answers))
        }
    }

    @Test func theResponsePointsToTheVersionedQuestionnaire() throws {
        #expect(Self.response(Fixtures.baseline()).contains("\"questionnaire\": \"https://backtriage.invalid/fhir/Questionnaire/back-pain|\(FHIRQuestionnaireTests.version)\""))
        let canonical = try FHIRCanonical(base: "https://fhir.example.org")
        let text = Self.response(Fixtures.baseline(), canonical: canonical)
        #expect(text.contains("\"questionnaire\": \"https://fhir.example.org/Questionnaire/back-pain|\(FHIRQuestionnaireTests.version)\""))
        #expect(try FHIRResponseReader.read(text, path: "r.json", canonical: canonical).answers == Fixtures.baseline())
    }

    @Test func answersStandInTheirSectionGroupsAndTheDerivedValuesInTheirs() throws {
        let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(), on: Fixtures.day)
        let r = FHIRQuestionnaireResponse.json(report)
        let groups = r["item"]?.array ?? []
        #expect(groups.first?["linkId"]?.string == "about")
        #expect(groups.first?["item"]?.array.first?["linkId"]?.string == "age")
        let derived = try #require(groups.last)
        #expect(derived["linkId"]?.string == FHIRResponseReader.derivedGroupLinkId)
        for item in derived["item"]?.array ?? [] {
            let id = try #require(item["linkId"]?.string)
            let answer = try #require(item["answer"]?.array.first)
            if id == FHIRQuestionnaire.levelLinkId {
                #expect(answer["valueCoding"]?["code"]?.string == report.level.id)
                continue
            }
            let value = answer["valueBoolean"].map { JSON.bool($0.bool!) } ?? answer["valueInteger"] ?? answer["valueDecimal"] ?? answer["valueString"]
            #expect(value == JSON(report.assessment.derived[id]), "\(id)")
        }
    }

    @Test func aResponseHoldsNoAnswerToAQuestionThatIsNotAsked() {
        let answers = Fixtures.baseline(Fixtures.region("neck", ["radiates_leg": .bool(true), "whiplash": .bool(false)]))
        #expect(answers["radiates_leg"] != nil)
        let text = Self.response(answers)
        #expect(!text.contains("radiates_leg"))
        #expect(text.contains("\"linkId\": \"whiplash\""))
    }
}

/// The reader refuses what it must not evaluate, saying where and why.
@Suite("FHIR response reader")
struct FHIRReaderTests {
    static let valid = FHIRResponseTests.response(Fixtures.baseline())

    static func refusal(_ text: String, canonical: FHIRCanonical = .standard) -> Diagnostic? {
        do {
            let document = try AnswerFileReader.parse(text, path: "r.json", canonical: canonical)
            return AnswerFileReader.validate(document, engine: Fixtures.engine).first
        } catch {
            return error
        }
    }

    /// The line of the valid response on which `text` first stands.
    static func line(of text: String) -> Int? {
        valid.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    static func replacing(_ old: String, _ new: String) -> String {
        precondition(valid.contains(old), old)
        return valid.replacing(old, with: new)
    }

    @Test func theValidResponseIsRead() {
        #expect(Self.refusal(Self.valid) == nil)
    }

    @Test(arguments: ["entered-in-error", "in-progress", "preliminary"])
    func aResponseThatIsNotFinalIsRefused(_ status: String) throws {
        let problem = try #require(Self.refusal(Self.replacing(#""status": "completed""#, "\"status\": \"\(status)\"")))
        #expect(problem.message.contains("only a completed or amended response is evaluated"))
        #expect(problem.location?.line == Self.line(of: #""status": "completed""#) && problem.location?.column == 13)
        if status == "entered-in-error" { #expect(problem.message.contains("recorded in error")) }
    }

    @Test func anAmendedResponseIsRead() {
        #expect(Self.refusal(Self.replacing(#""status": "completed""#, #""status": "amended""#)) == nil)
    }

    @Test func aResponseToAnotherHostIsRefusedNamingBoth() throws {
        let problem = try #require(Self.refusal(Self.replacing("https://backtriage.invalid/fhir/Questionnaire", "https://forms.example.com/fhir/Questionnaire")))
        #expect(problem.message.contains("https://forms.example.com/fhir/Questionnaire/back-pain|\(FHIRQuestionnaireTests.version)"))
        #expect(problem.message.contains("https://backtriage.invalid/fhir"))
        #expect(problem.hint?.contains("--canonical-base https://forms.example.com/fhir") == true)
        #expect(problem.location?.line == Self.line(of: #""questionnaire""#))
    }

    @Test func aResponseToAnotherVersionIsRefusedNamingBoth() throws {
        let version = FHIRQuestionnaireTests.version
        let problem = try #require(Self.refusal(Self.replacing("back-pain|\(version)", "back-pain|1.0.0")))
        #expect(problem.message.contains("version 1.0.0") && problem.message.contains("version \(version)"))
        #expect(problem.location?.line == Self.line(of: #""questionnaire""#))
        let unversioned = try #require(Self.refusal(Self.replacing("back-pain|\(version)", "back-pain")))
        #expect(unversioned.message.contains("without saying which version"))
    }

    @Test func aCodeFromAnotherSystemIsRefused() throws {
        let problem = try #require(Self.refusal(Self.replacing("https://backtriage.invalid/fhir/CodeSystem/back-pain-region", "http://snomed.info/sct")))
        #expect(problem.message.contains("the code 'lower_back' of 'region' is from the code system http://snomed.info/sct"))
        #expect(problem.message.contains("https://backtriage.invalid/fhir/CodeSystem/back-pain-region"))
        #expect(problem.location != nil)
        let noSystem = Self.valid.replacing(#""system": "https://backtriage.invalid/fhir/CodeSystem/back-pain-region","#, with: "")
        #expect(Self.refusal(noSystem)?.message.contains("names no code system") == true)
    }

    @Test(arguments: [
        (#""valueBoolean": false"#, #""valueBoolean": "false""#, "valueBoolean of"),
        (#""valueInteger": 40"#, #""valueInteger": "40""#, "valueInteger of 'age' must be a whole JSON number, not the text \"40\""),
        (#""valueInteger": 40"#, #""valueInteger": 40.5"#, "valueInteger of 'age' must be a whole JSON number, not 40.5"),
        (#""valueDecimal": 1"#, #""valueDecimal": "1""#, "valueDecimal of 'duration_weeks' must be a JSON number"),
        (#""code": "lower_back""#, #""code": true"#, "the code of 'region' must be a text"),
    ])
    func aValueOfTheWrongJSONTypeIsRefused(_ old: String, _ new: String, _ message: String) throws {
        let text = Self.valid.replacing(old, with: new)
        #expect(text != Self.valid)
        let problem = try #require(Self.refusal(text))
        #expect(problem.message.contains(message), "\(problem.message)")
        // The position is that of the value: line and column of the file.
        let line = try #require(problem.location?.line)
        let column = try #require(problem.location?.column)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line - 1].dropFirst(column - 1).hasPrefix(new.split(separator: " ").last!))
    }

    @Test func theTextTrueIsNotABoolean() throws {
        let problem = try #require(Self.refusal(Self.valid.replacing(#""valueBoolean": false"#, with: #""valueBoolean": "true""#)))
        #expect(problem.message.contains("must be the JSON literal true or false, not the text \"true\""))
    }

    @Test func theDerivedValuesOfAResponseAreNotReadAsAnswers() throws {
        let document = try FHIRResponseReader.read(Self.valid, path: "r.json")
        #expect(document.answers["phase"] == nil && document.answers["any_red_flag"] == nil)
    }
}
