import ArgumentParser
import Foundation
import TriageKit

/// An answer file as every command reads it: a .json or .yaml file is one answer set, a .jsonl
/// file one a line. Shared so `evaluate` and `sheet` refuse the same input with the same words.
/// A .jsonl file is read line by line, so its size does not bound what can be evaluated and
/// memory stays small.
struct AnswerInput {
    /// One answer set's text and the line of the file it starts on.
    struct Chunk {
        var text: String
        var line: Int
    }

    /// No single answer set comes near this; a longer line is refused, not buffered.
    static let maximumLine = 16 * 1024 * 1024

    let path: String
    /// One answer set a line (.jsonl).
    let isLines: Bool

    /// Checks that the file at `path` can be read, or prints why not and exits with 2.
    static func read(_ path: String) throws -> AnswerInput {
        guard FileManager.default.isReadableFile(atPath: path) else {
            printError(Diagnostic(at: nil, "cannot read the answer file \(path)", hint: "check that it exists and is readable").description)
            throw ExitCode(ExitStatus.badInput)
        }
        return AnswerInput(path: path, isLines: path.hasSuffix(".jsonl"))
    }

    /// Calls `body` with each answer set's text; problems reading the file itself are thrown.
    func forEachChunk(_ body: (Chunk) throws -> Void) throws {
        guard isLines else {
            do { try body(Chunk(text: try AnswerFileReader.readText(path: path), line: 1)) } catch let error as Diagnostic {
                printError(error.description)
                throw ExitCode(ExitStatus.badInput)
            }
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            printError(Diagnostic(at: nil, "cannot read the answer file \(path)").description)
            throw ExitCode(ExitStatus.badInput)
        }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var line = 0
        func emit(_ bytes: ArraySlice<UInt8>) throws {
            line += 1
            guard let text = String(validating: bytes, as: UTF8.self) else {
                printError(Diagnostic(at: SourceLocation(file: path, line: line, column: 1), "the line is not valid UTF-8").description)
                throw ExitCode(ExitStatus.badInput)
            }
            if !text.allSatisfy(\.isWhitespace) { try body(Chunk(text: text, line: line)) }
        }
        while true {
            let data = handle.readData(ofLength: 1 << 20)
            if data.isEmpty { break }
            pending.append(contentsOf: data)
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                try emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeFirst(start)
            if pending.count > Self.maximumLine {
                printError(Diagnostic(at: SourceLocation(file: path, line: line + 1, column: 1),
                                      "the line is longer than \(Self.maximumLine / 1024 / 1024) MiB").description)
                throw ExitCode(ExitStatus.badInput)
            }
        }
        if !pending.isEmpty { try emit(pending[...]) }
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
        try forEachChunk { chunk in
            let valid: (AnswerDocument, Engine)
            do {
                let document = try AnswerFileReader.parse(chunk.text, path: path, line: chunk.line)
                let engine = try engine(document.questionnaire)
                let problems = AnswerFileReader.validate(document, engine: engine)
                guard problems.isEmpty else {
                    problems.forEach { printError($0.description) }
                    failed = true
                    return
                }
                valid = (document, engine)
                AnswerFileReader.ignoredAnswerWarnings(document, engine: engine).forEach { printError($0.description) }
            } catch let error as Diagnostic {
                printError(error.description)
                failed = true
                return
            }
            try body(valid.0, valid.1)
        }
        if failed { throw ExitCode(ExitStatus.badInput) }
    }
}
