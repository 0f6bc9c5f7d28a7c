import Foundation
import Testing
@testable import TriageKit

private func problems(_ json: String) -> [String] {
    do {
        let doc = try AnswerFileReader.parse(json, path: "answers.json")
        return AnswerFileReader.validate(doc, engine: Fixtures.engine).map(\.description)
    } catch {
        return [error.description]
    }
}

private func complete(_ changes: [String: String]) -> String {
    var fields: [String: String] = [:]
    for (k, v) in Fixtures.baseline().values {
        switch v {
        case .bool(let b): fields[k.rawValue] = b ? "true" : "false"
        case .number(let n): fields[k.rawValue] = Value.format(n)
        case .string(let s): fields[k.rawValue] = "\"\(s)\""
        case .list: break
        }
    }
    for (k, v) in changes { fields[k] = v }
    let body = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ",\n  ")
    return "{\"questionnaire\": \"back-pain\", \"answers\": {\n  \(body)\n}}"
}

@Suite("Answer files")
struct AnswerFileTests {
    @Test func aCompleteAnswerFileIsAccepted() {
        #expect(problems(complete([:])).isEmpty)
    }

    @Test func malformedJSONNamesLineAndColumn() {
        let p = problems("{\"questionnaire\": \"back-pain\",\n \"answers\": {\"age\": 40,,}}")
        #expect(p.count == 1)
        #expect(p[0].hasPrefix("answers.json:2:"), "\(p)")
    }

    @Test func aWrongTypeNamesTheAnswer() {
        let p = problems(complete(["age": "\"forty\""]))
        #expect(p.contains { $0.contains("answer 'age': expected a number") }, "\(p)")
    }

    @Test func aValueOutOfRangeIsRefused() {
        #expect(problems(complete(["intensity": "11"])).contains { $0.contains("answer 'intensity': 11 is above 10") })
        #expect(problems(complete(["duration_weeks": "-1"])).contains { $0.contains("answer 'duration_weeks': -1 is below 0") })
    }

    @Test func anAgeUnderEighteenIsAccepted() {
        #expect(problems(complete(["age": "16"])).isEmpty)
    }

    @Test func anAnswerToAQuestionNotAskedIsAcceptedButNamedOnItsOwnLine() throws {
        let doc = try AnswerFileReader.parse(complete(["region": "\"neck\"", "whiplash": "true", "rf_trauma": "true",
                                                       "radiates_leg": "true", "wl_dangerous_accident": "false",
                                                       "wl_arm_tingling": "false", "wl_cannot_turn": "false",
                                                       "rf_chest_pain": "false", "rf_stroke_signs": "false",
                                                       "rf_meningism": "false", "rf_myelopathy": "false",
                                                       "rf_neck_artery": "false"]), path: "a.json")
        #expect(AnswerFileReader.validate(doc, engine: Fixtures.engine).isEmpty)
        let warnings = AnswerFileReader.ignoredAnswerWarnings(doc, engine: Fixtures.engine).map(\.description)
        #expect(warnings.contains { $0.contains("warning: the warning sign 'rf_trauma' was answered yes but is not used") &&
                                    $0.contains("whiplash") })
        #expect(warnings.contains { $0.contains("warning: the answer 'radiates_leg' is ignored") })
    }

    @Test func aValidationMessageCanBeGerman() throws {
        let doc = try AnswerFileReader.parse(complete(["intensity": "11"]), path: "a.json")
        let p = AnswerFileReader.validate(doc, engine: Fixtures.engine, language: .de).map(\.description)
        #expect(p.contains { $0.contains("11 ist größer als 10") }, "\(p)")
    }

    @Test func aChoiceOutsideTheOptionsIsRefused() {
        let p = problems(complete(["region": "\"knee\""]))
        #expect(p.contains { $0.contains("'knee' is not one of the options (lower_back, mid_back, neck)") }, "\(p)")
    }

    @Test func anUnknownIdIsNamedWithASuggestion() {
        let p = problems(complete(["duraton_weeks": "3"]))
        #expect(p.contains { $0.contains("unknown answer id 'duraton_weeks'") && $0.contains("did you mean 'duration_weeks'?") }, "\(p)")
    }

    @Test func aMissingRedFlagIsRefusedBecauseWarningSignsAreAlwaysRequired() {
        var text = complete([:])
        text = text.replacingOccurrences(of: "\"rf_fever\": false,\n  ", with: "")
        let p = problems(text)
        #expect(p.contains { $0.contains("the warning sign 'rf_fever' is missing") }, "\(p)")
    }

    @Test func answersMissingBesideAnEmergencySignAreOnlyAWarning() throws {
        let text = #"{"questionnaire": "back-pain", "answers": {"age": 40, "region": "lower_back", "duration_weeks": 2, "rf_saddle_numbness": true}}"#
        let doc = try AnswerFileReader.parse(text, path: "answers.json")
        let diagnostics = AnswerFileReader.validate(doc, engine: Fixtures.engine)
        #expect(diagnostics.count == 1 && diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics)")
        #expect(diagnostics.first?.message.contains("rf_bladder_bowel") == true)
        #expect(diagnostics.first?.message.contains("most urgent level") == true)
    }

    @Test func answersMissingBesideALessUrgentSignAreStillRefused() {
        let p = problems(#"{"questionnaire": "back-pain", "answers": {"age": 40, "region": "lower_back", "duration_weeks": 2, "rf_fever": true}}"#)
        #expect(p.contains { $0.contains("error: the warning sign 'rf_saddle_numbness' is missing") }, "\(p)")
    }

    @Test func anInvalidAnswerBesideAnEmergencySignIsStillRefused() {
        let p = problems(#"{"questionnaire": "back-pain", "answers": {"age": 400, "region": "lower_back", "duration_weeks": 2, "rf_saddle_numbness": true}}"#)
        #expect(p.contains { $0.contains("error: answer 'age'") }, "\(p)")
    }

    @Test func infinityAndNaNAreRefused() {
        #expect(problems(complete(["age": ".inf"])).contains { $0.contains("not a finite number") })
        #expect(problems(complete(["age": "1e999"])).contains { $0.contains("not a finite number") })
    }

    @Test func aDuplicateKeyIsRefused() {
        let p = problems("{\"questionnaire\": \"back-pain\", \"answers\": {\"age\": 40, \"age\": 41}}")
        #expect(p.contains { $0.contains("duplicate key") }, "\(p)")
    }

    @Test func aFileWithoutAQuestionnaireIdSaysWhatToAdd() {
        let p = problems("{\"answers\": {}}")
        #expect(p.contains { $0.contains("does not say which questionnaire") })
    }

    @Test func aYesInAYAMLAnswerFileIsRefusedAskingForTrueOrFalse() throws {
        let yaml = "questionnaire: back-pain\nanswers:\n  rf_fever: yes\n"
        let doc = try AnswerFileReader.parse(yaml, path: "a.yaml")
        let d = AnswerFileReader.validate(doc, engine: Fixtures.engine, complete: false)
        #expect(d.map(\.message) == ["answer 'rf_fever': expected true or false, got 'yes'"])
        #expect(d.first?.hint == "write true or false")
        #expect(d.first?.location?.line == 3)
    }

    @Test func aWrongYesNoAnswerInAFileIsWordedInTheFilesLanguageToo() throws {
        let doc = try AnswerFileReader.parse(complete(["rf_fever": "1"]), path: "a.json")
        let d = AnswerFileReader.validate(doc, engine: Fixtures.engine, language: .de)
        #expect(d.first?.message == "answer 'rf_fever': erwartet true oder false, erhalten: 1", "\(d)")
        #expect(d.first?.hint == "schreiben Sie true oder false")
    }

    @Test func theInteractiveModesStillAskForYesOrNo() throws {
        let item = try #require(Fixtures.engine.index.items["rf_fever"])
        guard case .failure(let problem) = AnswerValidation.validate(.string("maybe"), for: item) else {
            Issue.record("'maybe' was taken as a yes/no answer")
            return
        }
        #expect(problem.message == "expected yes or no (true or false), got 'maybe'")
    }

    @Test func aFilesProblemsAreListedInTheOrderOfItsLines() throws {
        // Ids in the reverse of their alphabetical order, so that order by id and order by line differ.
        let json = "{\"questionnaire\": \"back-pain\", \"answers\": {\n\"zz_unknown\": 1,\n\"rf_fever\": \"yes\",\n\"intensity\": 12,\n\"age\": \"forty\"\n}}"
        let doc = try AnswerFileReader.parse(json, path: "a.json")
        let d = AnswerFileReader.validate(doc, engine: Fixtures.engine, complete: false)
        #expect(d.compactMap(\.location?.line) == [2, 3, 4, 5], "\(d.map(\.description))")
    }

    @Test func aHugeStringIsRefusedWithAMessage() {
        let big = String(repeating: "x", count: 10_000_000)
        let p = problems(complete(["region": "\"\(big)\""]))
        #expect(p.count == 1)
        #expect(p[0].contains("is not one of the options"))
    }
}
