import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport

/// Exit codes: 0 success, 1 a check, verification or case failed (or a diff lowered a level), 2 bad input (answers, files, ids);
/// the plain mode's 3 and 10-14 are in `Interactive`. 64 (a usage error) is ArgumentParser's.
enum ExitStatus {
    static let failed: Int32 = 1
    static let badInput: Int32 = 2
}

/// Prints to standard error.
func printError(_ text: String) {
    writeToStandardError(text.hasSuffix("\n") ? text : text + "\n")
}

struct BacktriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtriage",
        abstract: "A questionnaire for back and neck pain that shows how soon a doctor should look at it and what the guidelines suggest. Information, not a diagnosis.",
        discussion: """
        Without a command, backtriage asks the questionnaire (backtriage
        interactive): full-screen on a terminal of at least 80x24, plain lines
        otherwise. Its options:
          --plain                plain lines (screen readers, pipes); used by
                                 itself when input or output is no terminal
          --lang <en|de>         the language (default: LC_ALL, LC_MESSAGES,
                                 LANG)
          --no-save              keep no answers between runs
          --answers <FILE>       fill in answers from a file first
          --questionnaire <ID>   the questionnaire (default: back-pain)
          --questionnaires <DIR> the folder holding questionnaire folders

        Exit codes:
          0      done; a command that succeeded
          1      check or verify found errors, a case of test failed, or diff
                 found a lowered level
          2      bad input: an answer file, a questionnaire, an unknown id,
                 a file that cannot be read (said with the reason)
          3      plain mode: stopped, or input ended, before a result
          10-14  plain mode: the result, 10 self-care, 11 see a doctor,
                 12 see a doctor soon, 13 urgent, 14 emergency
          64     a mistyped command or option
          128+N  ended by signal N (130 Ctrl-C, 143 SIGTERM); 129 also when
                 the terminal went away
        """,
        version: "backtriage " + BacktriageVersion.number,
        subcommands: [Interactive.self, List.self, Check.self, Evaluate.self, Verify.self, TestCases.self, Diff.self, SheetCommand.self, ExportQuestionnaire.self,
                      HistoryCommand.self, Remind.self, Due.self],
        defaultSubcommand: Interactive.self
    )
}

/// Options shared by the subcommands that load questionnaires.
struct LocationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder holding questionnaire folders.", valueName: "DIR"))
    var questionnaires: String?

    var locator: QuestionnaireLocator { Self.locator(questionnaires, writesCache: true) }

    /// The locator of `folder` (--questionnaires), loading through the cache of compiled
    /// questionnaires; `writesCache` false reads that cache but adds nothing to it (--no-save
    /// leaves nothing behind).
    static func locator(_ folder: String?, writesCache: Bool) -> QuestionnaireLocator {
        var locator = QuestionnaireLocator(explicit: folder, environment: ProcessEnvironment.variables)
        locator.cache = QuestionnaireCache(folder: QuestionnaireCache.standardFolder(environment: ProcessEnvironment.variables),
                                           stamp: QuestionnaireCache.programStamp(version: BacktriageVersion.number),
                                           writes: writesCache)
        return locator
    }

    /// Loads the questionnaire `id`, or prints why not and exits with 2.
    func load(_ id: String) throws -> Questionnaire { try Self.load(id, from: questionnaires, writesCache: true) }

    /// Loads the questionnaire `id` from `folder`, or prints why not and exits with 2.
    static func load(_ id: String, from folder: String?, writesCache: Bool) throws -> Questionnaire {
        do {
            return try locator(folder, writesCache: writesCache).load(id)
        } catch let error as Diagnostic {
            printError(error.description)
            throw ExitCode(ExitStatus.badInput)
        } catch let error as Diagnostics {
            printError(error.description)
            printError("backtriage: the questionnaire '\(id)' has errors; run `backtriage check` for all of them")
            throw ExitCode(ExitStatus.badInput)
        }
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the questionnaires found, with version and languages.")
    @OptionGroup var location: LocationOptions

    func run() throws {
        let files = location.locator.entryFiles()
        if files.isEmpty {
            printError("backtriage: no questionnaires found; looked in: " + location.locator.searchPaths.joined(separator: ", "))
            throw ExitCode(ExitStatus.badInput)
        }
        for file in files {
            let result = QuestionnaireLoader.load(path: file)
            if let q = result.questionnaire {
                let status = result.errors.isEmpty ? "" : "  (\(result.errors.count) errors: run backtriage check)"
                print("\(q.id)\t\(q.version)\t\(q.languages.map(\.rawValue).joined(separator: ","))\t\(q.title[.en])\(status)")
            } else {
                print("\(file)\t(cannot be loaded: run backtriage check \(file))")
            }
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check questionnaire files: ids, types, options, translations, conditions, rules, catalog.",
        discussion: "Lists every problem with file:line:column. Exit 0 when clean, 1 when there are errors.")
    @OptionGroup var location: LocationOptions
    @Argument(help: "Entry files (questionnaire.yaml) or questionnaire folders; default: every questionnaire found.")
    var files: [String] = []

    func run() throws {
        var targets = files.map { path -> String in
            FilePath.isFolder(path) ? path + "/questionnaire.yaml" : path
        }
        if targets.isEmpty { targets = location.locator.entryFiles() }
        if targets.isEmpty {
            printError("backtriage: no questionnaires to check; looked in: " + location.locator.searchPaths.joined(separator: ", "))
            throw ExitCode(ExitStatus.badInput)
        }
        var errors = 0, warnings = 0
        for target in targets {
            let result = QuestionnaireLoader.load(path: target)
            for d in result.diagnostics { print(d.description) }
            errors += result.errors.count
            warnings += result.diagnostics.count - result.errors.count
            if result.errors.isEmpty, let q = result.questionnaire {
                print("\(target): ok: \(q.items.count) items, \(q.rules.count) rules, \(q.catalog.count) catalog entries, languages \(q.languages.map(\.rawValue).joined(separator: ", "))")
            }
        }
        print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw ExitCode(ExitStatus.failed) }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Evaluate an answer file and show the result.",
        discussion: """
        FILE holds {"questionnaire": "back-pain", "answers": {"age": 40, ...}} and optionally \
        "date": "YYYY-MM-DD" (the day of answering; default today). A .jsonl file holds one such \
        object a line and gives one result a line; `--answers -` reads such lines from standard \
        input and answers each as it comes, as a filter. With --format json, an answer set that \
        cannot be evaluated gives {"line": N, "error": "..."} in its place (the whole message \
        goes to standard error), so output lines stay aligned with input lines. Answers to \
        questions that are not asked with these answers are ignored, each named on standard \
        error. Exit 2 when an answer set was invalid or incomplete, after all the others; but \
        answers that leave questions open and already set the most urgent level (an emergency, \
        which no further answer can lower) give that result, the missing answers named on \
        standard error and in the result.
        """)
    @OptionGroup var location: LocationOptions
    @Option(name: .long, help: ArgumentHelp("The answer file (.json, .yaml or .jsonl), or - for JSONL on standard input.", valueName: "FILE"))
    var answers: String
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
    @Flag(name: .long, help: "Also show rule ids and conditions in the text (for questionnaire authors).") var explain = false
    @Option(name: .long, help: ArgumentHelp("Evaluate the answer sets of a .jsonl file or of standard input on this many threads at once (default: one per core); the output is in input order either way.",
                                            valueName: "N"))
    var jobs: Int?
    @OptionGroup var language: LanguageOption
    @OptionGroup var fhir: CanonicalOption

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more, not \(jobs)") }
    }

    /// What one answer set gives: its line of output (none for an invalid set in text), the
    /// messages for standard error, and whether it failed. Made on any thread; written in order.
    struct Evaluated: Sendable {
        var output: [UInt8]?
        var messages: [String]
        var failed = false
    }

    func run() throws {
        // Read once: the environment and the clock do not change between answer sets.
        let today = Today.date
        let language = self.language.language
        let input = try AnswerInput.read(answers, allowStandardInput: true)
        let out = StandardOutput()
        let format = self.format, explain = self.explain, pretty = !input.isLines
        var failed = false
        do {
            // Hand on what is done before waiting for more input: a filter answers as it goes.
            try input.forEachResult(location.locator, canonical: fhir.canonical, workers: jobs ?? Parallel.processors(),
                                    beforeRead: { try out.flush() }, transform: { outcome in
                switch outcome {
                case .valid(let document, let engine, let reading, let warnings):
                    let report = Report(engine: engine, reading: reading, on: document.date ?? today)
                    let output = switch format {
                    case .json: ReportJSON.bytes(report, pretty: pretty)
                    case .text: ResultText(Wording(engine.questionnaire, language, explain: explain)).utf8(report)
                    }
                    return Evaluated(output: output, messages: warnings.map(\.description))
                case .invalid(let line, let problems):
                    var output: [UInt8]? = nil
                    if format == .json && !pretty {
                        let message = problems.map(\.message).joined(separator: "; ")
                        output = JSON.object([("line", .number(Double(line))), ("error", .string(message))]).bytes()
                    }
                    return Evaluated(output: output, messages: problems.map(\.description), failed: true)
                case .blank:
                    // An empty line answers an empty line, so that line N of the output still
                    // belongs to line N of the input.
                    return Evaluated(output: format == .json ? [] : nil, messages: [])
                }
            }) { evaluated in
                evaluated.messages.forEach(printError)
                if evaluated.failed { failed = true }
                if let output = evaluated.output { try out.writeLine(output) }
            }
            try out.flush()
        } catch let problem as AnswerInputError {
            try? out.flush()
            printError(problem.description)
            throw ExitCode(ExitStatus.badInput)
        } catch let failure as OutputFailure {
            printError(failure.description)
            throw ExitCode(ExitStatus.badInput)
        } catch {
            try? out.flush()
            throw error
        }
        if failed { throw ExitCode(ExitStatus.badInput) }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove the safety invariants over every combination of answers that matters.",
        discussion: "Exit 0 when every property holds; 1 with a counter-example otherwise.")
    @OptionGroup var location: LocationOptions
    @Argument(help: "Questionnaire id (default back-pain), its folder or its questionnaire.yaml.")
    var questionnaire: String = "back-pain"

    func run() throws {
        let q = try NamedQuestionnaire(questionnaire, location).questionnaire
        let report = Verifier(q).run()
        print("verify \(q.id) \(q.version): \(q.invariants.count) invariants, \(q.rules.count) rules, \(q.items.count) items")
        print("proved \(report.properties) properties over \(formatCount(report.classes)) answer classes each, with \(report.evaluations) evaluations in \(FixedNumber.string(report.seconds, decimals: 3)) s")
        for failure in report.failures { print(failure.description) }
        if report.passed {
            print("all properties hold: every invariant, no suggestion/caution conflict, every rule can fire, every item can be asked")
        } else {
            print("\(report.failures.count) propert\(report.failures.count == 1 ? "y" : "ies") failed")
            throw ExitCode(ExitStatus.failed)
        }
    }

    /// A count in full, or as 7.64e+15 when it is too large to read.
    private func formatCount(_ n: Double) -> String {
        guard n >= 1e15, n.isFinite else { return String(Int64(n)) }
        var mantissa = n, exponent = 0
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        var digits = FixedNumber.string(mantissa, decimals: 2)
        while digits.hasSuffix("0") { digits.removeLast() }
        if digits.hasSuffix(".") { digits.removeLast() }
        return digits + "e+" + String(exponent)
    }
}

/// Today as a UTC day; `BACKTRIAGE_TODAY=YYYY-MM-DD` fixes it for reproducible output.
enum Today {
    /// Whether BACKTRIAGE_TODAY fixes the day (and, with it, every stamp of the output).
    static var isFixed: Bool {
        ProcessEnvironment.variables["BACKTRIAGE_TODAY"].flatMap(AnswerValidation.parseDate) != nil
    }

    static var date: Date {
        if let fixed = ProcessEnvironment.variables["BACKTRIAGE_TODAY"], let d = AnswerValidation.parseDate(fixed) { return d }
        return Day.start(of: Date())
    }
}

extension Language: ExpressibleByArgument {}

/// `--canonical-base` for every command that writes or reads FHIR: where this deployment
/// publishes its Questionnaire and code systems. Responses to a questionnaire published under
/// another base are refused, so that answers are never read against the wrong form.
struct CanonicalOption: ParsableArguments {
    @Option(name: .customLong("canonical-base"),
            help: ArgumentHelp("Base URL of the FHIR Questionnaire and code systems (default: \(FHIRCanonical.defaultBase)).",
                               valueName: "URL"))
    var base: String?

    var canonical: FHIRCanonical { base.flatMap { try? FHIRCanonical(base: $0) } ?? .standard }

    func validate() throws {
        guard let base else { return }
        do { _ = try FHIRCanonical(base: base) } catch { throw ValidationError("--canonical-base: \(error.message); \(error.hint ?? "")") }
    }
}

/// `--lang` for every command that writes words for people: the option, else `LC_ALL`,
/// `LC_MESSAGES` or `LANG`, else English.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language: en or de (default: from LC_ALL, LC_MESSAGES or LANG, else en).")
    var lang: Language?

    var language: Language { lang ?? Language.fromLocale(ProcessEnvironment.variables) }
}

/// The environment, read once from the C library's `environ`: Foundation's `ProcessInfo`
/// builds a new dictionary on every read and costs as much again to set up, and starting read it
/// half a dozen times. Nothing in this program changes its environment. Where a name appears
/// twice, the first counts, as for getenv(3).
enum ProcessEnvironment {
    static let variables: [String: String] = {
        var all: [String: String] = [:]
        all.reserveCapacity(64)
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let name = String(text[..<equals])
                if all[name] == nil { all[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return all
    }()
}
