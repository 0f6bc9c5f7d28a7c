import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport

/// A questionnaire named on the command line: a folder, its questionnaire.yaml, or an id on the
/// search path; with the folder its cases are in.
struct NamedQuestionnaire {
    var questionnaire: Questionnaire
    var folder: String

    /// Loads `name`, or prints why not and exits with 2.
    init(_ name: String, _ location: LocationOptions) throws {
        if FilePath.isFolder(name) || name.hasSuffix(".yaml") {
            let entry = FilePath.isFolder(name) ? FilePath.join(name, "questionnaire.yaml") : name
            do { questionnaire = try QuestionnaireLoader.load(path: entry).get() } catch {
                printError(error.description)
                printError("backtriage: \(entry) cannot be used; `backtriage check \(entry)` lists every problem")
                throw ExitCode(ExitStatus.badInput)
            }
            folder = FilePath.folder(of: entry)
        } else {
            questionnaire = try location.load(name)
            folder = FilePath.folder(of: (try? location.locator.entryFile(for: name)) ?? name)
        }
    }
}

struct TestCases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a questionnaire's own cases (cases/*.yaml): answers and the result they must give.",
        discussion: """
        Each failure is listed at file:line:column with what the case expected and what came. \
        Exit 0 when every case passes, 1 when one fails, 2 when the questionnaire or a case file \
        cannot be read (a case file with a wrong field is named with its line), or there are no cases.
        """)
    @OptionGroup var location: LocationOptions
    @Argument(help: "A questionnaire folder, its questionnaire.yaml, or a questionnaire id (default back-pain).")
    var questionnaire: String = "back-pain"

    func run() throws {
        let target = try NamedQuestionnaire(questionnaire, location)
        let engine = Engine(target.questionnaire)
        let files = CaseFileReader.files(inQuestionnaire: target.folder)
        if files.isEmpty {
            printError("backtriage: no case files in \(FilePath.join(target.folder, "cases")); see docs/questionnaire-format.md, Cases")
            throw ExitCode(ExitStatus.badInput)
        }
        let today = Today.date
        var cases = 0, failed = 0, unreadable = 0
        for file in files {
            let list: [QuestionnaireCase]
            do { list = try CaseFileReader.read(path: file, questionnaire: target.questionnaire.id) } catch {
                print(error.description)
                unreadable += 1
                continue
            }
            for c in list {
                cases += 1
                let failures = c.failures(with: engine, today: today)
                if !failures.isEmpty { failed += 1 }
                for f in failures { print(f.description) }
            }
        }
        let q = target.questionnaire
        print("test \(q.id) \(q.version): \(cases) case\(cases == 1 ? "" : "s") in \(files.count - unreadable) file\(files.count - unreadable == 1 ? "" : "s"): "
              + "\(cases - failed) passed, \(failed) failed"
              + (unreadable > 0 ? "; \(unreadable) case file\(unreadable == 1 ? "" : "s") could not be read" : ""))
        if unreadable > 0 { throw ExitCode(ExitStatus.badInput) }
        if failed > 0 { throw ExitCode(ExitStatus.failed) }
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a content change does to results: which answers get another level, action, advice or next check.",
        discussion: """
        OLD and NEW are questionnaire folders (or their questionnaire.yaml, or an id on the \
        search path). Level changes are counted over every answer class; the rest over every \
        class when there are at most --samples of them, else over a seeded random sample. Each \
        kind of change comes with an answer set that shows it, in words and as an answer file \
        for `backtriage evaluate`. Changes that lower the level come first. Exit 0 when no level \
        is lowered (or with --allow-lower), 1 when one is, 2 when a questionnaire cannot be read.
        """)
    @OptionGroup var location: LocationOptions
    @Argument(help: "The questionnaire before the change.") var old: String
    @Argument(help: "The questionnaire after the change.") var new: String
    @Option(name: .long, help: "Output format: text or json.") var format: OutputFormat = .text
    @Flag(name: .long, help: "Exit 0 even when a level is lowered (each such change still needs a reason).") var allowLower = false
    @Option(name: .long, help: "Compare every class up to this many; above it, a random sample of this many.") var samples: Int = 20_000
    @Option(name: .long, help: "The seed of the sample (the same seed gives the same sample).") var seed: UInt64 = 1
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if samples < 1 { throw ValidationError("--samples must be at least 1") }
    }

    func run() throws {
        let before = try NamedQuestionnaire(old, location).questionnaire
        let after = try NamedQuestionnaire(new, location).questionnaire
        let day = Today.date
        let diff = ContentDiff(old: before, new: after, samples: samples, seed: seed, on: day)
        let report = ContentDiffReport(diff, language: language.language, day: day)
        switch format {
        case .text: print(report.text, terminator: "")
        case .json: print(report.json.serialized(pretty: true))
        }
        if diff.lowersLevel && !allowLower { throw ExitCode(ExitStatus.failed) }
    }
}
