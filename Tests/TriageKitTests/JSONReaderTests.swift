import Foundation
import Testing
@testable import TriageKit

private func parse(_ bytes: [UInt8]) -> Result<YAMLNode, JSONProblem> {
    bytes.withUnsafeBufferPointer { buffer in Result { () throws(JSONProblem) -> YAMLNode in try JSONReader.parse(buffer) } }
}

private func parse(_ text: String) -> Result<YAMLNode, JSONProblem> { parse(Array(text.utf8)) }

private func problem(_ text: String) -> JSONProblem? { problem(Array(text.utf8)) }

private func problem(_ bytes: [UInt8]) -> JSONProblem? {
    guard case .failure(let problem) = parse(bytes) else { return nil }
    return problem
}

/// The string a one-element array `[...]` holds.
private func string(_ literal: String) -> String? {
    guard case .success(.sequence(let list)) = parse("[\(literal)]"), list.count == 1 else { return nil }
    return list[0].scalar?.string
}

private func message(_ problem: JSONProblem?) -> String {
    if case .syntax(let message, _)? = problem { return message }
    return "\(String(describing: problem))"
}

@Suite("JSON reader")
struct JSONReaderTests {
    @Test func objectsKeepTheirOrderKeysAndOffsets() throws {
        let text = #"{"b": 1, "a": [true, null, "x"]}"#
        guard case .success(.mapping(let m)) = parse(text) else { Issue.record("\(parse(text))"); return }
        #expect(m.pairs.map { $0.key.scalar?.string } == ["b", "a"])
        #expect(m.pairs[0].key.scalar?.style == .doubleQuoted)
        #expect(m.pairs[0].value.scalar?.style == .plain)
        #expect(m.pairs[0].value.mark.offset == 6)
        guard case .sequence(let list)? = m["a"] else { Issue.record("no list"); return }
        #expect(list.map { $0.scalar?.string } == ["true", "null", "x"])
        #expect(list.map { $0.scalar?.style } == [.plain, .plain, .doubleQuoted])
        #expect(list.mark.offset == 14)
    }

    @Test func everyEscapeIsResolved() {
        #expect(string(#""a\"b\\c\/d""#) == "a\"b\\c/d")
        #expect(string(#""\b\f\n\r\t""#) == "\u{8}\u{C}\n\r\t")
        #expect(string(#""\u00e4\u00C4\u0000\u20AC""#) == "äÄ\u{0}€")
        #expect(string(#""Ol\u00e1 \ud83d\ude00!""#) == "Olá 😀!")
        #expect(string(#""\uD834\uDD1E""#) == "𝄞")
        #expect(string("\"raw ä and 😀\"") == "raw ä and 😀")
    }

    @Test func brokenEscapesAreRefusedAtTheBackslash() {
        #expect(problem(#"["ab\q"]"#) == .syntax(#"unknown escape \q in a string; JSON knows \" \\ \/ \b \f \n \r \t and \uXXXX"#, offset: 4))
        #expect(problem(#"["\u12G4"]"#) == .syntax(#"\u needs four hex digits"#, offset: 2))
        #expect(problem(#"["\u12"]"#) == .syntax(#"\u needs four hex digits"#, offset: 2))
        #expect(problem(#"["x\ud800"]"#) == .syntax(#"\uD800 is half of a surrogate pair; a \uDC00-\uDFFF escape must follow it"#, offset: 3))
        #expect(problem(#"["\ud800\u0041"]"#) == .syntax(#"\uD800 is half of a surrogate pair; a \uDC00-\uDFFF escape must follow it"#, offset: 2))
        #expect(problem(#"["\udc00"]"#) == .syntax(#"\uDC00 is the second half of a surrogate pair without the first"#, offset: 2))
    }

    @Test func controlCharactersInStringsMustBeEscaped() {
        #expect(problem("[\"a\tb\"]") == .syntax("control character U+0009 inside a string; write it as \\u0009", offset: 3))
        #expect(problem("[\"a\nb\"]") == .syntax("a line break inside a string; write it as \\n", offset: 3))
        #expect(problem("[\"abc") == .syntax("the string that starts here has no closing '\"'", offset: 1))
    }

    @Test func numbersKeepTheirTextSoThatDoubleReadsThemAsAlways() {
        let numbers = ["0", "-0", "7", "-12", "3.25", "0.1", "1e3", "1E+3", "2.5e-3", "123456789012345678901234567890",
                       "1.7976931348623157e308", "5e-324", "1e999", "-1e999", "0.30000000000000004", "9007199254740993"]
        for number in numbers {
            guard case .success(.sequence(let list)) = parse("[\(number)]"), let scalar = list.first?.scalar else {
                Issue.record("\(number) was refused")
                continue
            }
            #expect(scalar.string == number)
            #expect(scalar.style == .plain)
            #expect(Double(scalar.string)?.bitPattern == Double(number)?.bitPattern, "\(number)")
        }
    }

    @Test func numbersOutsideTheGrammarAreRefused() {
        #expect(problem("[01]") == .syntax("a number may not start with 0 (write 7, not 07)", offset: 1))
        #expect(problem("[-]") == .syntax("expected a digit, found ']'", offset: 2))
        #expect(problem("[1.]") == .syntax("expected a digit after the decimal point, found ']'", offset: 3))
        #expect(problem("[1e]") == .syntax("expected a digit in the exponent, found ']'", offset: 3))
        #expect(problem("[.5]") == .syntax("expected a value, found '.'", offset: 1))
        #expect(problem("[+1]") == .syntax("expected a value, found '+'", offset: 1))
        #expect(problem("[NaN]") == .syntax("expected a value, found 'N'", offset: 1))
        #expect(problem("[tru]") == .syntax("expected a value, found 't'", offset: 1))
    }

    @Test func syntaxErrorsSayWhatWasExpectedAndWhere() {
        #expect(problem(#"{"a": 1,,}"#) == .syntax("expected a key in double quotes, found ','", offset: 8))
        #expect(problem(#"{"a": 1,}"#) == .syntax("expected a key in double quotes, found '}'", offset: 8))
        #expect(problem(#"{"a" 1}"#) == .syntax("expected ':' after the key, found '1'", offset: 5))
        #expect(problem(#"{"a": 1 "b": 2}"#) == .syntax("expected ',' or '}', found '\"'", offset: 8))
        #expect(problem("[1, 2") == .syntax("expected ',' or ']', found the end of the text", offset: 5))
        #expect(problem("[1] [2]") == .syntax("expected the end of the text after the JSON value, found '['", offset: 4))
        #expect(problem("") == .syntax("expected a value, found the end of the text", offset: 0))
        #expect(problem("{a: 1}") == .syntax("expected a key in double quotes, found 'a'", offset: 1))
    }

    @Test func errorsInAnAnswerFileNameFileLineAndColumn() {
        // Neither JSON nor YAML (a comma is missing), so the JSON reader's message is given.
        let text = "{\"questionnaire\": \"back-pain\",\n  \"answers\": {\"age\": 40 \"intensity\": 3}}"
        do {
            _ = try AnswerFileReader.parse(text, path: "a.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("a.json:2:25: error: invalid answer file syntax: expected ',' or '}', found '\"'"),
                    "\(error)")
            #expect(error.sourceLine == "  \"answers\": {\"age\": 40 \"intensity\": 3}}")
        }
        // A .jsonl line counts from its own line of the file, columns in characters, not bytes.
        do {
            _ = try AnswerFileReader.parse("{\"questionnaire\": \"Rückenschmerz\", \"answers\": {\"ä\": 1 \"b\": 2}}", path: "a.jsonl", line: 7)
            Issue.record("accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "a.jsonl", line: 7, column: 55), "\(error)")
        }
    }

    @Test func textThatIsYAMLButNotJSONIsReadAsYAML() throws {
        // A trailing comma and a bare word are not JSON, but libyaml reads them as they always were.
        let document = try AnswerFileReader.parse(#"{"questionnaire": "back-pain", "answers": {"age": 4O, "region": neck,}}"#, path: "y.json")
        #expect(document.answers["age"] == .string("4O"))
        #expect(document.answers["region"] == .string("neck"))
    }

    @Test func nestingIsLimitedWhereItHappens() {
        let ok = String(repeating: "[", count: JSONReader.maximumNesting) + String(repeating: "]", count: JSONReader.maximumNesting)
        #expect(problem(ok) == nil)
        let deep = "{\"a\": " + String(repeating: "[", count: 100_000)
        #expect(problem(deep) == .tooDeep(offset: 6 + JSONReader.maximumNesting - 1))
        do {
            _ = try AnswerFileReader.parse(deep, path: "deep.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("deep.json:1:70: error: the answer file is nested more than 64 levels deep"), "\(error)")
        }
    }

    @Test func duplicateKeysAreRefusedSortedAtTheFirstOfThem() {
        #expect(problem(#"{"z": 1, "b": 2, "z": 3, "b": 4}"#) == .duplicateKeys(["b", "z"], offset: 9))
        // Past the size where pairs are compared one by one, a set finds them the same way.
        let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(problem("{\(many), \"k7\": 0}") == .duplicateKeys(["k7"], offset: 64))
        #expect(problem("{\(many)}") == nil)
        // A key is a key however it is escaped.
        #expect(problem(#"{"a": 1, "\u0061": 2}"#) == .duplicateKeys(["a"], offset: 1))
        #expect(problem(#"[{"a": 1}, {"a": 2}]"#) == nil)
        do {
            _ = try AnswerFileReader.parse(#"{"questionnaire": "back-pain", "answers": {"age": 40, "age": 41}}"#, path: "d.json")
            Issue.record("accepted")
        } catch {
            #expect(error.location == SourceLocation(file: "d.json", line: 1, column: 44))
            #expect(error.message == "duplicate key 'age' in one mapping")
            #expect(error.hint == "each key may appear once")
        }
    }

    @Test func invalidUTF8IsRefusedAtItsFirstByte() {
        let prefix = Array("[\"ab".utf8)
        #expect(problem(prefix + [0xC3, 0x28] + Array("\"]".utf8)) == .invalidUTF8(offset: 4))
        #expect(problem(prefix + [0xC0, 0x80] + Array("\"]".utf8)) == .invalidUTF8(offset: 4))  // overlong
        #expect(problem(prefix + [0xED, 0xA0, 0x80] + Array("\"]".utf8)) == .invalidUTF8(offset: 4))  // a surrogate
        #expect(problem(prefix + [0xF4, 0x90, 0x80, 0x80] + Array("\"]".utf8)) == .invalidUTF8(offset: 4))  // past U+10FFFF
        #expect(problem(prefix + [0xE2, 0x82] + Array("\"]".utf8)) == .invalidUTF8(offset: 4))  // cut short
        #expect(problem([UInt8(ascii: "["), 0xFF, UInt8(ascii: "]")]) == .invalidUTF8(offset: 1))
        #expect(problem(prefix + [0xE2, 0x82, 0xAC] + Array("\"]".utf8)) == nil)
    }

    @Test func aJSONAnswerFileReadsAsTheYAMLPathReadsTheSameText() throws {
        let data = try #require(FileManager.default.contents(atPath: Fixtures.vignettesPath))
        let cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var answerObjects = try cases.map { c in
            String(decoding: try JSONSerialization.data(withJSONObject: c["answers"] ?? [:], options: [.sortedKeys]), as: UTF8.self)
        }
        answerObjects.append(#"{"note": "caf\u00e9 \"quoted\" back\\slash \/ tab\t", "list": ["a", "b"], "n": -2.5e-1, "none": null}"#)
        #expect(answerObjects.count >= 12)
        for answers in answerObjects {
            let text = #"{"questionnaire": "back-pain", "date": "2026-11-23", "answers": "# + answers + "}"
            #expect(JSONReader.looksLikeJSON(text))
            let json = try AnswerFileReader.parse(text, path: "v.json")
            // "--- " makes the same text a YAML document that does not start like JSON.
            let yaml = try AnswerFileReader.parse("--- " + text, path: "v.json")
            #expect(json.answers == yaml.answers, "\(answers)")
            #expect(json.date == yaml.date)
            #expect(json.questionnaire == yaml.questionnaire)
            for id in json.answers.values.keys {
                #expect(json.locations[id] == yaml.locations[id].map { $0.advanced(by: -4) }, "\(id)")
            }
            #expect(json.answersLocation == yaml.answersLocation?.advanced(by: -4))
        }
    }

    @Test func flowStyleYAMLThatIsNotJSONIsStillRead() throws {
        let document = try AnswerFileReader.parse("{questionnaire: back-pain, answers: {age: 40, region: 'neck'}}", path: "f.yaml")
        #expect(document.answers["age"] == .number(40))
        #expect(document.answers["region"] == .string("neck"))
    }
}
