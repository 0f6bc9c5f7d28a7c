import Foundation
import Testing
@testable import TriageKit

/// A file holding `bytes` in a folder of its own, named `name`.
private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bt-input-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

private func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

/// Every line of `input` as the reader gives it: text with its line, or what else it was.
private func lines(_ input: AnswerInput) throws -> [String] {
    var out: [String] = []
    try input.forEachLine { line in
        switch line {
        case .text(let chunk): out.append("\(chunk.line): \(chunk.text)")
        case .blank(let n): out.append("\(n): blank")
        case .unreadable(let n, let problem): out.append("\(n): unreadable \(problem.message)")
        }
    }
    return out
}

@Suite("Answer input")
struct AnswerInputTests {
    @Test func aMissingFileIsRefusedWithTheSystemsReason() throws {
        let error = #expect(throws: AnswerInputError.self) { try AnswerInput(readable: "/nonexistent/answers.json") }
        #expect(error?.description.contains("cannot read the answer file /nonexistent/answers.json: No such file or directory") == true)
    }

    @Test func aFolderIsRefusedAsAFolder() throws {
        let folder = FilePath.folder(of: try file("a.json", "{}"))
        let error = #expect(throws: AnswerInputError.self) { try AnswerInput(readable: folder) }
        #expect(error?.description.contains("Is a directory") == true)
    }

    @Test func aDashIsStandardInputOnlyWhereACommandAllowsIt() throws {
        #expect(try AnswerInput(readable: "-", allowStandardInput: true).path == AnswerInput.standardInputName)
        #expect(throws: AnswerInputError.self) { try AnswerInput(readable: "-") }
    }

    @Test func aJSONLFileIsOneAnswerSetALineAndOtherFilesAreOne() throws {
        #expect(try AnswerInput(readable: try file("a.jsonl", "")).isLines)
        #expect(try !AnswerInput(readable: try file("a.json", "{}")).isLines)
        #expect(try !AnswerInput(readable: try file("a.yaml", "a: 1")).isLines)
    }

    @Test func linesKeepTheirNumbersAndBlankLinesAreNamedNotDropped() throws {
        let input = try AnswerInput(readable: try file("a.jsonl", "{\"a\": 1}\n \t\r\n{\"b\": 2}\r\n\n{\"c\": 3}"))
        #expect(try lines(input) == ["1: {\"a\": 1}", "2: blank", "3: {\"b\": 2}\r", "4: blank", "5: {\"c\": 3}"])
    }

    /// A line is whole however the reads cut it: here every read is 4 bytes.
    @Test func aLineLongerThanOneReadIsWhole() throws {
        var input = try AnswerInput(readable: try file("a.jsonl", "{\"answer\": \"long enough\"}\n{\"b\": 2}\n"))
        input.limits = (maximumLine: 1024, chunkSize: 4)
        #expect(try lines(input) == ["1: {\"answer\": \"long enough\"}", "2: {\"b\": 2}"])
    }

    /// A line over the limit is refused by its number and the reading goes on after it.
    @Test func aLineOverTheLimitIsRefusedAndTheNextIsRead() throws {
        var input = try AnswerInput(readable: try file("a.jsonl", "{\"a\": 1}\n" + String(repeating: "x", count: 100) + "\n{\"c\": 3}\n"))
        input.limits = (maximumLine: 32, chunkSize: 8)
        #expect(try lines(input) == ["1: {\"a\": 1}", "2: unreadable the line is longer than 32 bytes", "3: {\"c\": 3}"])
    }

    @Test func aLineThatIsNotUTF8IsNamedWithItsColumn() throws {
        let input = try AnswerInput(readable: try file("a.jsonl", Array("{\"a\": 1}\n{\"é".utf8) + [0xFF, 0x7D, 0x0A]))
        var problems: [Diagnostic] = []
        try input.forEachLine { if case .unreadable(_, let p) = $0 { problems.append(p) } }
        #expect(problems.count == 1)
        #expect(problems.first?.location?.line == 2 && problems.first?.location?.column == 4)
        #expect(problems.first?.message == "the line is not valid UTF-8")
    }

    @Test func chunksStopAtTheFirstUnreadableLine() throws {
        let input = try AnswerInput(readable: try file("a.jsonl", Array("{}\n".utf8) + [0xC3, 0x0A] + Array("{}\n".utf8)))
        var seen = 0
        #expect(throws: AnswerInputError.self) { try input.forEachChunk { _ in seen += 1 } }
        #expect(seen == 1)
    }

    @Test func aWholeFileIsOneChunkOnLineOne() throws {
        let input = try AnswerInput(readable: try file("a.json", "{\n  \"questionnaire\": \"back-pain\"\n}\n"))
        var chunks: [AnswerInput.Chunk] = []
        try input.forEachChunk { chunks.append($0) }
        #expect(chunks.map(\.line) == [1])
        #expect(chunks.first?.text.contains("back-pain") == true)
    }

    /// Each line becomes a valid answer set, the problems of a bad one, or a blank, in order.
    @Test func outcomesFollowTheInputLineByLine() throws {
        func json(_ v: Value) -> String {
            switch v {
            case .bool(let b): String(b)
            case .number(let n): String(n)
            case .string(let s): "\"\(s)\""
            case .list(let l): "[" + l.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            }
        }
        let baseline = Fixtures.baseline()
        let answers = baseline.values.map { "\"\($0.key.rawValue)\": \(json($0.value))" }.joined(separator: ", ")
        let good = "{\"questionnaire\": \"back-pain\", \"answers\": {\(answers)}}"
        let input = try AnswerInput(readable: try file("a.jsonl", good + "\n\n{\"questionnaire\": \"nope\", \"answers\": {}}\nnot json\n"))
        let locator = QuestionnaireLocator(explicit: Fixtures.root.appendingPathComponent("Questionnaires").path)
        var outcomes: [String] = []
        try input.forEachOutcome(locator) { outcome in
            switch outcome {
            case .valid(let document, let engine, _, _): outcomes.append("valid \(document.answers == baseline) \(engine.questionnaire.id)")
            case .invalid(let line, let problems): outcomes.append("invalid \(line) \(problems.isEmpty ? "without a reason" : "")")
            case .blank(let line): outcomes.append("blank \(line)")
            }
        }
        #expect(outcomes == ["valid true back-pain", "blank 2", "invalid 3 ", "invalid 4 "])
    }
}
