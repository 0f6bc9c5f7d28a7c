#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An answer file as every command reads it: a .json or .yaml file is one answer set, a .jsonl
/// file one a line, and `-` (where a command allows it) is JSONL on standard input. Shared so
/// `evaluate` and `sheet` refuse the same input with the same words. Lines are read through one
/// fixed buffer, so the size of the input does not bound what can be evaluated and memory stays
/// small. Nothing here prints: a problem with the input itself is thrown as an
/// `AnswerInputError`, and the command line says it and exits.
public struct AnswerInput: Sendable {
    /// One answer set's text and the line of the file it starts on.
    public struct Chunk: Sendable, Equatable {
        public var text: String
        public var line: Int
    }

    /// One line of JSONL as read.
    public enum Line: Sendable {
        case text(Chunk)
        /// Nothing but spaces, tabs or a carriage return: no answer set and no error.
        case blank(line: Int)
        /// A line that cannot be an answer set at all (not UTF-8, too long).
        case unreadable(line: Int, Diagnostic)
    }

    /// What became of one answer set.
    public enum Outcome {
        /// An answer set to evaluate, with the engine's reading of it (already used for its
        /// checks) and a warning for each answer it holds to a question that is not asked.
        case valid(AnswerDocument, Engine, AnswerReading, warnings: [Diagnostic])
        /// Every problem found with the answer set starting on `line`.
        case invalid(line: Int, problems: [Diagnostic])
        case blank(line: Int)

        /// An outcome without an evaluation to make, which can be handed between threads.
        enum Settled: Sendable {
            case invalid(line: Int, problems: [Diagnostic])
            case blank(line: Int)
            var outcome: Outcome {
                switch self {
                case .invalid(let line, let problems): .invalid(line: line, problems: problems)
                case .blank(let line): .blank(line: line)
                }
            }
        }
    }

    /// No single answer set comes near this; a longer line is refused, not buffered.
    public static let maximumLine = 16 * 1024 * 1024
    /// How much is asked of read(2) at a time.
    static let chunkSize = 1 << 20
    /// How messages name standard input.
    public static let standardInputName = "<stdin>"

    /// The name messages give the input: the path, or `<stdin>`.
    public let path: String
    /// One answer set a line (.jsonl, or standard input).
    public let isLines: Bool
    public let isStandardInput: Bool
    /// The longest line read and the size of a read; the defaults above, smaller in tests.
    var limits = (maximumLine: AnswerInput.maximumLine, chunkSize: AnswerInput.chunkSize)

    init(path: String, isLines: Bool, isStandardInput: Bool) {
        self.path = path
        self.isLines = isLines
        self.isStandardInput = isStandardInput
    }

    /// The input at `path` once it is known to be readable; `-` is standard input when
    /// `allowStandardInput` (a command that reads its input once).
    public init(readable path: String, allowStandardInput: Bool = false) throws(AnswerInputError) {
        if allowStandardInput && path == "-" {
            self.init(path: Self.standardInputName, isLines: true, isStandardInput: true)
            return
        }
        var info = stat()
        var reason: String?
        if access(path, R_OK) != 0 || stat(path, &info) != 0 {
            reason = String(cString: strerror(errno))
        } else if (info.st_mode & S_IFMT) == S_IFDIR {
            reason = String(cString: strerror(EISDIR))
        }
        if let reason { throw .unreadable(Diagnostic(at: nil, "cannot read the answer file \(path): \(reason)")) }
        self.init(path: path, isLines: path.hasSuffix(".jsonl"), isStandardInput: false)
    }

    /// Calls `body` with each answer set's text; a problem reading the input itself, or the
    /// first line that is not UTF-8, ends it with an `AnswerInputError`.
    public func forEachChunk(_ body: (Chunk) throws -> Void) throws {
        guard isLines else {
            let text: String
            do { text = try AnswerFileReader.readText(path: path) } catch { throw AnswerInputError.unreadable(error) }
            return try body(Chunk(text: text, line: 1))
        }
        try forEachLine { line in
            switch line {
            case .text(let chunk): try body(chunk)
            case .blank: break
            case .unreadable(_, let problem): throw AnswerInputError.unreadable(problem)
            }
        }
    }

    /// Calls `body` with each line of a JSONL input as it arrives. `beforeRead` runs before
    /// every read that may wait for more input, so a filter can hand on what it has (the answer
    /// to a line must not wait for lines that have not been written yet).
    public func forEachLine(beforeRead: () throws -> Void = {}, _ body: (Line) throws -> Void) throws {
        let fd: Int32 = isStandardInput ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw AnswerInputError.unreadable(Diagnostic(at: nil, "cannot read the answer file \(path): \(String(cString: strerror(errno)))"))
        }
        defer { if !isStandardInput { close(fd) } }
        var reader = LineReader(fd: fd, path: path, chunkSize: limits.chunkSize, maximumLine: limits.maximumLine)
        defer { reader.deallocate() }
        try reader.forEach(beforeRead: beforeRead, body)
    }

    /// Calls `body` with what became of each answer set, a bad one included, in input order:
    /// for a filter whose output stays aligned with its input. Nothing is printed here. A
    /// questionnaire that cannot be loaded makes each line naming it invalid, with every
    /// problem of the questionnaire given with the first such line only. A FHIR
    /// QuestionnaireResponse is read when it answers a questionnaire published under `canonical`.
    public func forEachOutcome(_ locator: QuestionnaireLocator, canonical: FHIRCanonical = .standard, beforeRead: () throws -> Void = {},
                               _ body: (Outcome) throws -> Void) throws {
        var engines = Engines(locator: locator)
        guard isLines else {
            let text: String
            do { text = try AnswerFileReader.readText(path: path) } catch {
                return try body(.invalid(line: 1, problems: [error]))
            }
            return try body(Self.outcome(of: resolve(parse(Chunk(text: text, line: 1), canonical), &engines)))
        }
        try forEachLine(beforeRead: beforeRead) { line in
            switch line {
            case .text(let chunk): try body(Self.outcome(of: resolve(parse(chunk, canonical), &engines)))
            case .blank(let number): try body(.blank(line: number))
            case .unreadable(let number, let problem): try body(.invalid(line: number, problems: [problem]))
            }
        }
    }

    /// Like `forEachOutcome`, for a batch: `transform` makes what a command wants of each outcome
    /// (its output, its messages) on up to `workers` threads at once, over the lines already
    /// read, and `body` gets the results one by one in input order. Nothing waits for input
    /// that has not arrived: before every read that may wait, the lines read so far are done.
    /// Reading, checking and evaluating an answer set needs nothing from another, so a batch
    /// on two cores takes little more than half the time.
    public func forEachResult<Result: Sendable>(_ locator: QuestionnaireLocator, canonical: FHIRCanonical = .standard, workers: Int,
                                                beforeRead: () throws -> Void = {},
                                                transform: @escaping @Sendable (Outcome) -> Result,
                                                _ body: (Result) throws -> Void) throws {
        guard isLines, workers > 1 else {
            return try forEachOutcome(locator, canonical: canonical, beforeRead: beforeRead) { try body(transform($0)) }
        }
        var engines = Engines(locator: locator)
        var pending: [Line] = []
        // Enough lines for every worker to have a run of them, few enough that the results
        // waiting to be written stay small.
        let batch = 32 * workers
        func finishPending() throws {
            guard !pending.isEmpty else { return }
            let lines = pending
            pending.removeAll(keepingCapacity: true)
            // In one pass on every worker: an answer set whose questionnaire is already loaded (or
            // known not to load) is read, checked, evaluated and transformed. Loading a
            // questionnaire, which a later line of the batch may need too, waits for the pass and
            // is done in input order.
            let known = engines.loaded
            let passed = Parallel.map(lines, workers: workers) { line -> Pass<Result> in
                switch line {
                case .text(let chunk):
                    let parsed = self.parse(chunk, canonical)
                    guard let step = self.settle(parsed, known) else { return .needsQuestionnaire(parsed) }
                    return .done(transform(Self.outcome(of: step)))
                case .blank(let number): return .done(transform(.blank(line: number)))
                case .unreadable(let number, let problem): return .done(transform(.invalid(line: number, problems: [problem])))
                }
            }
            for pass in passed {
                switch pass {
                case .done(let result): try body(result)
                case .needsQuestionnaire(let parsed): try body(transform(Self.outcome(of: resolve(parsed, &engines))))
                }
            }
        }
        try forEachLine(beforeRead: {
            try finishPending()
            try beforeRead()
        }) { line in
            pending.append(line)
            if pending.count >= batch { try finishPending() }
        }
        try finishPending()
    }

    /// What a worker made of a line: the result, or the answer set read and waiting for its
    /// questionnaire to be loaded.
    private enum Pass<Result: Sendable>: Sendable {
        case done(Result)
        case needsQuestionnaire(Parsed)
    }

    /// An answer set read from its text, or why it cannot be.
    enum Parsed: Sendable {
        case document(AnswerDocument, line: Int)
        case invalid(line: Int, Diagnostic)
    }

    /// Where an answer set stands once its questionnaire is known: an outcome already, or the
    /// document and the engine to check and evaluate it with.
    enum Step: Sendable {
        case done(Outcome.Settled)
        case evaluate(AnswerDocument, Engine, line: Int)
    }

    /// The engines of the questionnaires answered so far, each loaded once (or why it cannot be).
    struct Engines {
        let locator: QuestionnaireLocator
        var loaded: [String: Swift.Result<Engine, Diagnostics>] = [:]
    }

    private func parse(_ chunk: Chunk, _ canonical: FHIRCanonical) -> Parsed {
        do {
            return .document(try AnswerFileReader.parse(chunk.text, path: path, line: chunk.line, canonical: canonical), line: chunk.line)
        } catch {
            return .invalid(line: chunk.line, error)
        }
    }

    /// Where an answer set stands when its questionnaire is among those `known` (loaded or not
    /// loadable); nil when the questionnaire must be looked for first (a new one, or a FHIR
    /// response, whose questionnaire is looked up by its canonical address).
    private func settle(_ parsed: Parsed, _ known: [String: Swift.Result<Engine, Diagnostics>]) -> Step? {
        switch parsed {
        case .invalid(let line, let problem): return .done(.invalid(line: line, problems: [problem]))
        case .document(let document, let line):
            guard document.answering == nil, let loaded = known[document.questionnaire] else { return nil }
            return step(document, line, loaded)
        }
    }

    /// An answer set whose questionnaire was loaded, or whose questionnaire's problems were
    /// already given in full with an earlier line (this line gets the last, which says what to do).
    private func step(_ document: AnswerDocument, _ line: Int, _ loaded: Swift.Result<Engine, Diagnostics>) -> Step {
        switch loaded {
        case .success(let engine): return .evaluate(document, engine, line: line)
        case .failure(let problems): return .done(.invalid(line: line, problems: [lineLevel(problems.items.last!, line)]))
        }
    }

    private func resolve(_ parsed: Parsed, _ engines: inout Engines) -> Step {
        if let settled = settle(parsed, engines.loaded) { return settled }
        guard case .document(let document, let line) = parsed else { preconditionFailure("settle takes every unreadable answer set") }
        let locator = engines.locator
        if let answering = document.answering, (try? locator.entryFile(for: document.questionnaire)) == nil {
            // A response to a questionnaire this installation does not have: say which it
            // answers and which there are, at the reference.
            let known = locator.entryFiles().compactMap { path in
                (try? QuestionnaireLoader.load(path: path, reachability: false).get()).map { answering.canonical.reference($0) }
            }
            return .done(.invalid(line: line, problems: [Diagnostic(at: answering.location,
                "the response answers \(answering.reference), a questionnaire that is not installed here",
                hint: "questionnaires here: " + (known.isEmpty ? "none" : known.joined(separator: ", ")))]))
        }
        if let loaded = engines.loaded[document.questionnaire] { return step(document, line, loaded) }
        let loaded = Self.loadEngine(document.questionnaire, locator)
        engines.loaded[document.questionnaire] = loaded
        switch loaded {
        case .success(let engine):
            return .evaluate(document, engine, line: line)
        case .failure(let problems):
            // The first line naming it gets every problem; later ones only the last.
            var all = problems.items
            all[all.count - 1] = lineLevel(all[all.count - 1], line)
            return .done(.invalid(line: line, problems: all))
        }
    }

    /// The answer set checked against its questionnaire, ready to evaluate, or its problems.
    private static func outcome(of step: Step) -> Outcome {
        switch step {
        case .done(let settled): return settled.outcome
        case .evaluate(let document, let engine, let line):
            let reading = engine.read(document.answers)
            let diagnostics = AnswerFileReader.validate(document, engine: engine, reading: reading)
            let problems = diagnostics.filter { $0.severity == .error }
            guard problems.isEmpty else { return .invalid(line: line, problems: problems) }
            let warnings = diagnostics + AnswerFileReader.ignoredAnswerWarnings(document, engine: engine, reading: reading)
            return .valid(document, engine, reading, warnings: warnings)
        }
    }

    /// A problem about a whole line (its questionnaire) placed on that line when it has no place.
    private func lineLevel(_ problem: Diagnostic, _ line: Int) -> Diagnostic {
        guard problem.location == nil else { return problem }
        var located = problem
        located.location = SourceLocation(file: path, line: line, column: 1)
        return located
    }

    /// The engine of questionnaire `id`, or what is wrong with it, in the words the command
    /// line uses when it loads a questionnaire.
    private static func loadEngine(_ id: String, _ locator: QuestionnaireLocator) -> Result<Engine, Diagnostics> {
        do {
            return .success(Engine(try locator.load(id)))
        } catch let error as Diagnostic {
            return .failure(Diagnostics([error]))
        } catch let error as Diagnostics {
            return .failure(Diagnostics(error.items + [Diagnostic(at: nil,
                "the questionnaire '\(id)' has errors; run `backtriage check` for all of them")]))
        } catch {
            return .failure(Diagnostics([Diagnostic(at: nil, "cannot load the questionnaire '\(id)': \(error)")]))
        }
    }
}

/// Cuts what read(2) returns into lines, in one buffer that grows only for a line longer than
/// a chunk, up to `maximumLine`; a longer line is skipped, not kept.
private struct LineReader {
    let fd: Int32
    let path: String
    let maximumLine: Int
    private var buffer: UnsafeMutableRawBufferPointer
    /// The unread bytes are `start..<end`.
    private var start = 0
    private var end = 0
    private var line = 0

    init(fd: Int32, path: String, chunkSize: Int, maximumLine: Int) {
        self.fd = fd
        self.path = path
        self.maximumLine = maximumLine
        buffer = .allocate(byteCount: chunkSize, alignment: 1)
    }

    func deallocate() { buffer.deallocate() }

    mutating func forEach(beforeRead: () throws -> Void, _ body: (AnswerInput.Line) throws -> Void) throws {
        var skipping = false
        while true {
            // Every complete line in the buffer.
            while let newline = nextNewline() {
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[start..<newline])
                start = newline + 1
                line += 1
                if skipping {
                    skipping = false
                    continue
                }
                try body(Self.line(bytes, number: line, path: path))
            }
            // Room for more: keep the partial line at the front; a full buffer holds one line
            // without its end, so grow it, or past the limit, refuse the line and drop its bytes.
            if start > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start)
                end -= start
                start = 0
            }
            if end == buffer.count {
                if skipping {
                    end = 0
                } else if buffer.count <= maximumLine {
                    let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, maximumLine + 1),
                                                                         alignment: 1)
                    grown.copyMemory(from: UnsafeRawBufferPointer(buffer))
                    buffer.deallocate()
                    buffer = grown
                } else {
                    try body(.unreadable(line: line + 1, Diagnostic(at: SourceLocation(file: path, line: line + 1, column: 1),
                        "the line is longer than \(Self.size(maximumLine))")))
                    skipping = true
                    end = 0
                }
            }
            try beforeRead()
            let count = SystemCall.read(fd, buffer.baseAddress! + end, buffer.count - end)
            if count < 0 {
                if errno == EINTR { continue }
                throw AnswerInputError.readFailed(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            end += count
        }
        if end > start, !skipping {
            line += 1
            try body(Self.line(UnsafeRawBufferPointer(rebasing: buffer[start..<end]), number: line, path: path))
        }
    }

    /// A size in words: "16 MiB", or bytes below a MiB.
    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    private func nextNewline() -> Int? {
        guard end > start, let found = memchr(buffer.baseAddress! + start, 0x0A, end - start) else { return nil }
        return buffer.baseAddress!.distance(to: found)
    }

    private static func line(_ bytes: UnsafeRawBufferPointer, number: Int, path: String) -> AnswerInput.Line {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return .blank(line: number) }
        let units = bytes.assumingMemoryBound(to: UInt8.self)
        guard let text = String(validating: units, as: UTF8.self) else {
            return .unreadable(line: number, Diagnostic(at: SourceLocation(file: path, line: number, column: firstInvalidColumn(units)),
                                                        "the line is not valid UTF-8", hint: "save the file as UTF-8"))
        }
        return .text(AnswerInput.Chunk(text: text, line: number))
    }

    /// The column (in characters, from 1) of the first byte that is not UTF-8.
    private static func firstInvalidColumn(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var column = 1
        while case .valid = parser.parseScalar(from: &iterator) { column += 1 }
        return column
    }
}

/// Why an answer input cannot be read at all, as opposed to an answer set in it that is wrong
/// (those are `AnswerInput.Outcome.invalid`): the command that reads it stops with the message.
public enum AnswerInputError: Error, CustomStringConvertible {
    /// The file cannot be opened, is a folder, or a line is not UTF-8: where and why.
    case unreadable(Diagnostic)
    /// Reading failed part-way (an I/O error, not bad content).
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let problem): problem.description
        case .readFailed(let path, let reason): "backtriage: cannot read \(path): \(reason)"
        }
    }
}
