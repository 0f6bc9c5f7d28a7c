import ArgumentParser
import Foundation
import TriageKit

/// An answer file as every command reads it: a .json or .yaml file is one answer set, a .jsonl
/// file one a line. Shared so `evaluate` and `sheet` refuse the same input with the same words.
struct AnswerInput {
    /// One answer set's text and the line of the file it starts on.
    struct Chunk {
        var text: String
        var line: Int
    }

    let path: String
    let chunks: [Chunk]

    /// Reads the file at `path`, or prints why it cannot and exits with 2.
    static func read(_ path: String) throws -> AnswerInput {
        let text: String
        do { text = try AnswerFileReader.readText(path: path) } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.badInput)
        }
        let chunks = path.hasSuffix(".jsonl")
            ? text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { !$0.element.allSatisfy(\.isWhitespace) }
                .map { Chunk(text: String($0.element), line: $0.offset + 1) }
            : [Chunk(text: text, line: 1)]
        return AnswerInput(path: path, chunks: chunks)
    }

    /// Parses each answer set, validates it against its questionnaire and calls `body` with the
    /// valid ones. Prints every problem of the others, and exits with 2 after trying them all.
    func forEachValid(_ location: LocationOptions, _ body: (AnswerDocument, Engine) throws -> Void) throws {
        var engines: [String: Engine] = [:]
        func engine(_ id: String) throws -> Engine {
            if let e = engines[id] { return e }
            let e = Engine(try location.load(id))
            engines[id] = e
            return e
        }
        var failed = false
        for chunk in chunks {
            let valid: (AnswerDocument, Engine)
            do {
                let document = try AnswerFileReader.parse(chunk.text, path: path, line: chunk.line)
                let engine = try engine(document.questionnaire)
                let problems = AnswerFileReader.validate(document, engine: engine)
                guard problems.isEmpty else {
                    problems.forEach { printError($0.description) }
                    failed = true
                    continue
                }
                valid = (document, engine)
            } catch let error as Diagnostic {
                printError(error.description)
                failed = true
                continue
            }
            try body(valid.0, valid.1)
        }
        if failed { throw ExitCode(ExitStatus.badInput) }
    }
}
