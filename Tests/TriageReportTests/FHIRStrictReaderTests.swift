import Foundation
import Testing
@testable import TriageKit
@testable import TriageReport

/// A malformed QuestionnaireResponse, how it differs from a valid one, where the refusal points
/// (`^` in `at` marks the spot within the first place `at` stands) and what it must say.
struct MalformedResponse: CustomTestStringConvertible, Sendable {
    let name: String
    let text: @Sendable (String) -> String
    let at: String
    let says: String
    /// Where `at` is looked for: its last place before this text (the end of the text when
    /// empty); nil: its first place.
    var before: String? = nil

    var testDescription: String { name }

    /// `old` (its first occurrence) replaced by `new`.
    static func replacing(_ name: String, _ old: String, _ new: String, at: String, says: String) -> Self {
        MalformedResponse(name: name, text: { text in
            guard let range = text.range(of: old) else { return "the valid response lacks \(old)" }
            return text.replacingCharacters(in: range, with: new)
        }, at: at, says: says)
    }

    /// The response's JSON changed, then written out as the program writes it.
    static func reshaped(_ name: String, _ change: @escaping @Sendable (JSON) -> JSON, at: String, before: String? = nil,
                         says: String) -> Self {
        MalformedResponse(name: name, text: { _ in change(FHIRStrictReaderTests.validJSON).serialized(pretty: true) },
                          at: at, says: says, before: before)
    }
}

extension JSON {
    /// The object with `key` set to `value` (added at the end when absent), or without it (nil).
    func setting(_ key: String, _ value: JSON?) -> JSON {
        guard case .object(var fields) = self else { return self }
        if let i = fields.firstIndex(where: { $0.0 == key }) {
            if let value { fields[i].1 = value } else { fields.remove(at: i) }
        } else if let value {
            fields.append((key, value))
        }
        return .object(fields)
    }

    var groups: [JSON] { self["item"]?.array ?? [] }
}

/// The response's groups with `change` applied to their list.
private func groups(_ change: @escaping @Sendable ([JSON]) -> [JSON]) -> @Sendable (JSON) -> JSON {
    { $0.setting("item", .array(change($0.groups))) }
}

private func group(_ groups: [JSON], _ id: String) -> JSON { groups.first { $0["linkId"]?.string == id }! }

private func item(_ groups: [JSON], _ id: String) -> JSON {
    groups.flatMap(\.groups).first { $0["linkId"]?.string == id }!
}

/// The group `id` with its items changed.
private func changing(_ groups: [JSON], _ id: String, _ change: ([JSON]) -> [JSON]) -> [JSON] {
    groups.map { $0["linkId"]?.string == id ? $0.setting("item", .array(change($0.groups))) : $0 }
}

private let modifier = #""modifierExtension": [{"url": "https://example.org/fhir/StructureDefinition/negated", "valueBoolean": true}], "#

/// Every way of the issue (45 responses an integrator's tools refused or the program accepted)
/// and more, one expectation each.
let malformedResponses: [MalformedResponse] = [
    // Text that is not JSON: FHIR has only JSON here.
    .replacing("a // comment", #""resourceType""#, "// made by hand\n  \"resourceType\"", at: "^// made", says: "invalid FHIR JSON"),
    .replacing("a /* */ comment", #""status""#, #"/* final */ "status""#, at: "^/* final", says: "invalid FHIR JSON"),
    .replacing("a # comment", #""status""#, "# final\n  \"status\"", at: "^# final", says: "invalid FHIR JSON"),
    .replacing("single-quoted keys", #""status": "completed""#, "'status': 'completed'", at: "^'status'", says: "invalid FHIR JSON"),
    .replacing("a single-quoted value", #""status": "completed""#, #""status": 'completed'"#, at: "^'completed'", says: "invalid FHIR JSON"),
    .replacing("a number with a leading zero", #""valueInteger": 40"#, #""valueInteger": 040"#, at: "^040", says: "may not start with 0"),
    .replacing("a number with a plus sign", #""valueInteger": 40"#, #""valueInteger": +40"#, at: "^+40", says: "invalid FHIR JSON"),
    .replacing("a bare word", #""status": "completed""#, #""status": completed"#, at: "^completed", says: "invalid FHIR JSON"),
    .replacing("NaN", #""valueInteger": 40"#, #""valueInteger": NaN"#, at: "^NaN", says: "invalid FHIR JSON"),
    .replacing("a trailing comma", #""authored": "2026-11-23","#, #""authored": "2026-11-23",,"#, at: ",^,", says: "invalid FHIR JSON"),
    // What FHIR's JSON format forbids inside JSON.
    .replacing("a null value", #""valueInteger": 40"#, #""valueInteger": null"#, at: "^null", says: "is null"),
    .replacing("a null element", #""language": "en""#, #""language": null"#, at: "^null", says: "\"language\" is null"),
    .replacing("an empty text", #""language": "en""#, #""language": """#, at: #""language": ^"""#, says: "empty text"),
    .replacing("an empty object", #""status": "completed""#, #""subject": {}, "status": "completed""#, at: "^{}", says: "empty object"),
    .replacing("an empty list", #""status": "completed""#, #""basedOn": [], "status": "completed""#, at: "^[]", says: "empty list"),
    // Modifiers backtriage does not understand.
    .replacing("a modifierExtension on the resource", #""status": "completed""#, modifier + #""status": "completed""#,
               at: #"^"modifierExtension""#, says: "modifierExtension (https://example.org/fhir/StructureDefinition/negated)"),
    .replacing("a modifierExtension on an item", #""linkId": "age""#, modifier + #""linkId": "age""#,
               at: #"^"modifierExtension""#, says: "modifierExtension"),
    .replacing("a modifierExtension on an answer", #""valueInteger": 40"#, modifier + #""valueInteger": 40"#,
               at: #"^"modifierExtension""#, says: "modifierExtension"),
    .replacing("implicitRules", #""status": "completed""#, #""implicitRules": "https://example.org/rules", "status": "completed""#,
               at: #"^"implicitRules""#, says: "implicitRules"),
    // Extensions and ids.
    .replacing("an extension without url", #""status": "completed""#, #""extension": [{"valueString": "x"}], "status": "completed""#,
               at: #"^{"valueString""#, says: "an extension has no \"url\""),
    .replacing("an extension url that is a number", #""status": "completed""#, #""extension": [{"url": 5, "valueString": "x"}], "status": "completed""#,
               at: #""url": ^5"#, says: "the url of an extension must be an absolute URL"),
    .replacing("an extension that is not a list", #""status": "completed""#, #""extension": {"url": "https://example.org/x", "valueString": "x"}, "status": "completed""#,
               at: #""extension": ^{"#, says: "must be a list of extensions"),
    .replacing("an extension without url on an answer", #""valueInteger": 40"#, #""extension": [{"valueString": "x"}], "valueInteger": 40"#,
               at: #"^{"valueString""#, says: "an extension has no \"url\""),
    .replacing("an id with a space", #""status": "completed""#, #""id": "my response", "status": "completed""#, at: #""id": ^"my"#, says: "FHIR id"),
    .replacing("an id of 65 characters", #""status": "completed""#, "\"id\": \"\(String(repeating: "a", count: 65))\", \"status\": \"completed\"",
               at: #""id": ^"aaa"#, says: "FHIR id"),
    .replacing("an id that is a number", #""status": "completed""#, #""id": 5, "status": "completed""#, at: #""id": ^5"#, says: "FHIR id"),
    .replacing("an item id with a slash", #""linkId": "age""#, #""id": "a/b", "linkId": "age""#, at: #""id": ^"a/b""#, says: "FHIR id"),
    // Elements QuestionnaireResponse does not have.
    .replacing("an unknown element", #""status": "completed""#, #""answeredBy": "me", "status": "completed""#,
               at: #"^"answeredBy""#, says: "a QuestionnaireResponse has no element \"answeredBy\""),
    .replacing("a value on an item instead of its answer", #""linkId": "age""#, #""valueInteger": 40, "linkId": "age""#,
               at: #"^"valueInteger": 40, "linkId""#, says: "an item has no element \"valueInteger\""),
    .replacing("an unknown element in an answer", #""valueInteger": 40"#, #""value": 40"#, at: #"^"value": 40"#, says: "an answer has no element \"value\""),
    .replacing("an unknown element in a coding", #""code": "lower_back""#, #""codes": "lower_back""#, at: #"^"codes""#, says: "a Coding has no element \"codes\""),
    // Statuses.
    .replacing("entered in error", #""status": "completed""#, #""status": "entered-in-error""#, at: #""status": ^"entered"#, says: "recorded in error"),
    .replacing("in progress", #""status": "completed""#, #""status": "in-progress""#, at: #""status": ^"in-progress"#, says: "still in progress"),
    .replacing("a status FHIR does not have", #""status": "completed""#, #""status": "done""#, at: #""status": ^"done"#, says: "not a QuestionnaireResponse status"),
    .replacing("a status that is a number", #""status": "completed""#, #""status": 1"#, at: #""status": ^1"#, says: "\"status\" must be a text"),
    .replacing("stopped without an emergency sign", #""status": "completed""#, #""status": "stopped""#, at: #""status": ^"stopped"#,
               says: "stopped before it was finished, and its answers do not give the most urgent level"),
    // The questionnaire it answers.
    .replacing("another version", "back-pain|", "back-pain|0.9.9-", at: #""questionnaire": ^"#, says: "the response answers version 0.9.9-"),
    .replacing("another host", "https://backtriage.invalid/fhir/Questionnaire", "https://forms.example.com/fhir/Questionnaire",
               at: #""questionnaire": ^"#, says: "published under https://forms.example.com/fhir"),
    .reshaped("no version", { $0.setting("questionnaire", .string(FHIRCanonical.standard.questionnaireURL("back-pain"))) },
              at: #""questionnaire": ^"#, says: "without saying which version"),
    .reshaped("not a canonical URL", { $0.setting("questionnaire", .string("back-pain")) }, at: #""questionnaire": ^"back-pain""#,
              says: "must be a canonical URL of a Questionnaire"),
    .replacing("a Questionnaire instead of a response", #""resourceType": "QuestionnaireResponse""#, #""resourceType": "Questionnaire""#,
               at: #""resourceType": ^"#, says: "not a QuestionnaireResponse"),
    // Dates and times.
    .replacing("the hour 25 and minute 61", #""authored": "2026-11-23""#, #""authored": "2026-11-23T25:61:00Z""#,
               at: #""authored": ^"#, says: "there is no hour 25"),
    .replacing("the minute 61", #""authored": "2026-11-23""#, #""authored": "2026-11-23T10:61:00Z""#, at: #""authored": ^"#, says: "there is no minute 61"),
    .replacing("a time without a zone", #""authored": "2026-11-23""#, #""authored": "2026-11-23T10:00:00""#, at: #""authored": ^"#, says: "needs its zone"),
    .replacing("a time without seconds", #""authored": "2026-11-23""#, #""authored": "2026-11-23T10:00Z""#, at: #""authored": ^"#, says: "hh:mm:ss"),
    .replacing("the 30th of February", #""authored": "2026-11-23""#, #""authored": "2026-02-30""#, at: #""authored": ^"#, says: "has no day 30"),
    .replacing("the month 13", #""authored": "2026-11-23""#, #""authored": "2026-13-01""#, at: #""authored": ^"#, says: "there is no month 13"),
    .replacing("a day written the German way", #""authored": "2026-11-23""#, #""authored": "23.11.2026""#, at: #""authored": ^"#, says: "year of four digits"),
    .replacing("a zone of 25 hours", #""authored": "2026-11-23""#, #""authored": "2026-11-23T10:00:00+25:00""#, at: #""authored": ^"#, says: "no zone"),
    .replacing("an instant without a time", #""meta": {"#, #""meta": {"lastUpdated": "2026-11-23", "#,
               at: #""lastUpdated": ^"#, says: "an instant names the time too"),
    // Values of the wrong FHIR type for the item.
    .reshaped("a choice answered with valueString", groups { g in changing(g, "pain") { items in
        items.map { $0["linkId"]?.string == "region" ? $0.setting("answer", .array([.object([("valueString", .string("lower_back"))])])) : $0 }
    } }, at: #"^"valueString": "lower_back""#, says: "'region' is a question of FHIR type coding, answered with valueString"),
    .replacing("a decimal answered with valueInteger", #""valueDecimal": 1"#, #""valueInteger": 1"#, at: #"^"valueInteger": 1"#,
               says: "'duration_weeks' is a question of FHIR type decimal, answered with valueInteger"),
    .replacing("an integer answered with valueDecimal", #""valueInteger": 40"#, #""valueDecimal": 40"#, at: #"^"valueDecimal": 40"#,
               says: "'age' is a question of FHIR type integer, answered with valueDecimal"),
    .replacing("an integer answered with valueString", #""valueInteger": 40"#, #""valueString": "40""#, at: #"^"valueString": "40""#,
               says: "answered with valueString"),
    .replacing("a boolean answered with a coding", #""valueBoolean": false"#, #""valueCoding": {"system": "https://example.org", "code": "no"}"#,
               at: #"^"valueCoding": {"system": "https://example.org""#, says: "of FHIR type boolean, answered with valueCoding"),
    .replacing("a decimal answered with a quantity", #""valueDecimal": 1"#, #""valueQuantity": {"value": 1, "unit": "wk"}"#,
               at: #"^"valueQuantity""#, says: "answered with valueQuantity"),
    .replacing("a boolean written as text", #""valueBoolean": false"#, #""valueBoolean": "false""#, at: #""valueBoolean": ^"false""#,
               says: "must be the JSON literal true or false"),
    .replacing("an integer written as text", #""valueInteger": 40"#, #""valueInteger": "40""#, at: #""valueInteger": ^"40""#, says: "must be a whole JSON number"),
    .replacing("a code that is not a text", #""code": "lower_back""#, #""code": 7"#, at: #""code": ^7"#, says: "the code of 'region' must be a text"),
    .replacing("a code from another system", "https://backtriage.invalid/fhir/CodeSystem/back-pain-region", "http://snomed.info/sct",
               at: #""system": ^"http://snomed"#, says: "is from the code system http://snomed.info/sct"),
    // Structure that differs from the Questionnaire's groups.
    .reshaped("answers flattened out of their groups", groups { g in g.flatMap { $0["linkId"]?.string == "derived-values" ? [$0] : $0.groups } },
              at: #""linkId": ^"age""#, says: "'age' stands at the top of the response; in the questionnaire it is in the group 'about'"),
    .reshaped("an item in the wrong group", groups { g in
        changing(changing(g, "about") { _ in [item(g, "region")] }, "pain") { $0.filter { $0["linkId"]?.string != "region" } }
    }, at: #""linkId": ^"region""#, says: "'region' stands in the group 'about', but in the questionnaire it is in the group 'pain'"),
    .reshaped("a group inside a group", groups { g in
        changing(g.filter { $0["linkId"]?.string != "pain" }, "about") { $0 + [group(g, "pain")] }
    }, at: #""linkId": ^"pain""#, says: "the group 'pain' stands inside the group 'about'"),
    .reshaped("a question below a question", groups { g in
        changing(changing(g, "pain") { $0.filter { $0["linkId"]?.string != "intensity" } }, "about") { items in
            items.map { $0["linkId"]?.string == "age" ? $0.setting("answer", .array([$0["answer"]!.array[0].setting("item", .array([item(g, "intensity")]))])) : $0 }
        }
    }, at: #""linkId": ^"intensity""#, says: "'intensity' stands below 'age'"),
    .reshaped("a group with an answer", groups { g in
        g.map { $0["linkId"]?.string == "about" ? $0.setting("item", nil).setting("answer", .array([.object([("valueBoolean", .bool(true))])])) : $0 }
    }, at: #"^"valueBoolean": true"#, says: "the group 'about' has an answer"),
    .reshaped("a group twice", groups { g in
        changing(g, "pain") { Array($0.dropLast()) } + [group(g, "pain").setting("item", .array([group(g, "pain").groups.last!]))]
    }, at: #""linkId": ^"pain""#, before: "", says: "the group 'pain' appears twice"),
    .reshaped("groups out of order", groups { g in [g[1], g[0]] + g.dropFirst(2) }, at: #""linkId": ^"about""#,
              says: "the group 'about' comes after 'pain' here, but before it in the questionnaire"),
    .reshaped("a group the questionnaire does not have", groups { g in [g[0].setting("linkId", .string("extra"))] + g.dropFirst() },
              at: #""linkId": ^"extra""#, says: "'extra' is not a group of 'back-pain'"),
    .reshaped("items out of order", groups { g in changing(g, "pain") { [$0[1], $0[0]] + $0.dropFirst(2) } },
              at: #""linkId": ^"region""#, says: "'region' comes out of the questionnaire's order in the group 'pain'"),
    .reshaped("an item with answers and items", groups { g in changing(g, "about") { items in
        items.map { $0.setting("item", .array([item(g, "intensity")])) }
    } }, at: #""item": ^["#, before: #""linkId": "intensity""#, says: "has both answers and items of its own"),
    .reshaped("an item the group does not have", groups { g in changing(g, "about") { $0 + [.object([("linkId", .string("note"))])] } },
              at: #""linkId": ^"note""#, says: "'note' is not an item of the group 'about'"),
]

@Suite("FHIR reader, as strict as the specification")
struct FHIRStrictReaderTests {
    static let validJSON = FHIRQuestionnaireResponse.json(Report(engine: Fixtures.engine, answers: Fixtures.baseline(), on: Fixtures.day))
    static let valid = validJSON.serialized(pretty: true)

    static func refusal(_ text: String) -> Diagnostic? {
        do {
            let document = try AnswerFileReader.parse(text, path: "r.json")
            return AnswerFileReader.validate(document, engine: Fixtures.engine).first { $0.severity == .error }
        } catch {
            return error
        }
    }

    /// Line and column of `^` in the first place `marker` (without `^`) stands in `text`.
    static func position(of marker: String, in text: String, before: String? = nil) -> (line: Int, column: Int)? {
        let caret = marker.firstIndex(of: "^")!
        let plain = marker.replacingOccurrences(of: "^", with: "")
        let end = before.flatMap { $0.isEmpty ? text.endIndex : text.range(of: $0)?.lowerBound }
        guard let range = end.map({ text.range(of: plain, options: .backwards, range: text.startIndex..<$0) }) ?? text.range(of: plain) else {
            return nil
        }
        let point = text.index(range.lowerBound, offsetBy: marker.distance(from: marker.startIndex, to: caret))
        let before = text[..<point]
        let line = before.count { $0 == "\n" } + 1
        let column = before.unicodeScalars.count - (before.lastIndex(of: "\n").map { before[...$0].unicodeScalars.count } ?? 0) + 1
        return (line, column)
    }

    @Test func theValidResponseIsRead() {
        #expect(Self.refusal(Self.valid) == nil)
    }

    @Test func theIssueListsAtLeast45Cases() {
        #expect(malformedResponses.count >= 45)
        #expect(Set(malformedResponses.map(\.name)).count == malformedResponses.count)
    }

    @Test(arguments: malformedResponses)
    func eachMalformedResponseIsRefusedWithItsReasonWhereItStands(_ malformed: MalformedResponse) throws {
        let text = malformed.text(Self.valid)
        #expect(text != Self.valid && !text.isEmpty, "the case changes nothing")
        let problem = try #require(Self.refusal(text), "accepted")
        #expect(problem.message.contains(malformed.says), "\(problem.message)")
        let expected = try #require(Self.position(of: malformed.at, in: text, before: malformed.before), "no \(malformed.at) in the response")
        #expect(problem.location?.line == expected.line && problem.location?.column == expected.column,
                "at \(problem.location.map(\.description) ?? "nowhere"), expected \(expected.line):\(expected.column): \(problem.message)")
    }

    @Test func aResponseInYAMLIsRefused() throws {
        let yaml = "resourceType: QuestionnaireResponse\nstatus: completed\n"
        let problem = try #require(Self.refusal(yaml))
        #expect(problem.message.contains("must be written in JSON"))
        #expect(problem.location?.line == 1)
    }

    /// The program's own response to answers that stop at an emergency sign is stopped, and it
    /// is read back to the same result.
    @Test func answersThatStopAtAnEmergencySignGiveAStoppedResponseThatIsReadBack() throws {
        let answers = AnswerSet(["rf_saddle_numbness": .bool(true)])
        let report = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
        let json = FHIRQuestionnaireResponse.json(report)
        #expect(json["status"]?.string == "stopped")
        let document = try AnswerFileReader.parse(json.serialized(pretty: true), path: "r.json")
        let problems = AnswerFileReader.validate(document, engine: Fixtures.engine)
        #expect(problems.allSatisfy { $0.severity == .warning })
        let back = Report(engine: Fixtures.engine, answers: document.answers, on: document.date ?? Fixtures.day)
        #expect(back.level.id == report.level.id && back.level == Fixtures.shipped.mostUrgentLevel)
    }

    @Test func aCompletedResponseThatStopsAtAnEmergencySignIsRefused() throws {
        let report = Report(engine: Fixtures.engine, answers: AnswerSet(["rf_saddle_numbness": .bool(true)]), on: Fixtures.day)
        let text = FHIRQuestionnaireResponse.json(report).serialized(pretty: true)
            .replacingOccurrences(of: #""status": "stopped""#, with: #""status": "completed""#)
        let problem = try #require(Self.refusal(text))
        #expect(problem.message.contains("says completed, but required answers are missing"))
        #expect(problem.hint?.contains("\"stopped\"") == true)
    }

    @Test func aCompleteResponseIsCompleted() {
        let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(), on: Fixtures.day)
        #expect(FHIRQuestionnaireResponse.json(report)["status"]?.string == "completed")
    }

    @Test(arguments: ["2026", "2026-11", "2026-11-23", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123+01:00", "2024-02-29",
                      "2026-06-30T23:59:60-05:00"])
    func validFHIRDatesAndTimesAreAccepted(_ s: String) {
        #expect(FHIRDateTime.problem(s, instant: false) == nil)
    }
}
