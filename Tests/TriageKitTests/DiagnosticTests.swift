import Testing
@testable import TriageKit

/// The source line under a message, and the caret's place in it, as a person reads them.
private func shown(_ line: String, column: Int) -> (excerpt: String, caret: Int) {
    let d = Diagnostic(at: SourceLocation(file: "f.json", line: 1, column: column), "bad", sourceLine: line)
    let lines = d.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let excerpt = String(lines[1].dropFirst(4))
    let caret = lines[2].dropFirst(4).firstIndex(of: "^").map { lines[2].dropFirst(4).distance(from: lines[2].dropFirst(4).startIndex, to: $0) }
    return (excerpt, caret ?? -1)
}

@Suite("Diagnostic")
struct DiagnosticTests {
    @Test func aShortLineIsShownWholeWithTheCaretUnderTheColumn() {
        let (excerpt, caret) = shown("age: forty", column: 6)
        #expect(excerpt == "age: forty")
        #expect(caret == 5)
    }

    @Test func aLongLineIsCutAroundTheColumnWithTheCaretStillUnderIt() {
        let line = String(repeating: "a", count: 1_000) + "X" + String(repeating: "b", count: 1_000)
        let (excerpt, caret) = shown(line, column: 1_001)
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"), "\(excerpt)")
        #expect(excerpt.count <= 102, "about 100 characters and two ellipses")
        #expect(Array(excerpt)[caret] == "X", "caret at \(caret) in \(excerpt)")
    }

    @Test func aLongLineCutOnlyAtTheEndWhenTheColumnIsNearItsStart() {
        let line = "ab" + "X" + String(repeating: "c", count: 500)
        let (excerpt, caret) = shown(line, column: 3)
        #expect(!excerpt.hasPrefix("…") && excerpt.hasSuffix("…"), "\(excerpt)")
        #expect(Array(excerpt)[caret] == "X")
    }

    @Test func aLongLineCutOnlyAtTheStartWhenTheColumnIsNearItsEnd() {
        let line = String(repeating: "a", count: 500) + "X" + "b"
        let (excerpt, caret) = shown(line, column: 501)
        #expect(excerpt.hasPrefix("…") && !excerpt.hasSuffix("…"), "\(excerpt)")
        #expect(Array(excerpt)[caret] == "X")
    }

    @Test func theCaretCountsCharactersOfALongLineInOtherScripts() {
        let line = String(repeating: "ü", count: 300) + "X" + String(repeating: "ß", count: 300)
        let (excerpt, caret) = shown(line, column: 301)
        #expect(Array(excerpt)[caret] == "X", "caret at \(caret) in \(excerpt)")
    }

    @Test func anAnswerFileOfOneDeeplyNestedLineGivesAShortMessage() {
        let deep = "{\"questionnaire\": \"back-pain\", \"answers\": {\"age\": "
            + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}}"
        do {
            _ = try AnswerFileReader.parse(deep, path: "deep.json")
            Issue.record("a file nested 100,000 levels deep was read")
        } catch {
            #expect(error.message.contains("nested more than"))
            #expect(error.description.count < 400, "\(error.description.prefix(400))")
        }
    }
}
