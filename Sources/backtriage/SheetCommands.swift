import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport
import TriageSession

extension SheetFormat: ExpressibleByArgument {}

/// `backtriage sheet`: the summary a person takes to the doctor.
struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write the summary sheet for an answer file: text, markdown, html, json, fhir or fhir-bundle.",
        discussion: """
        The sheet says what to do first, then the warning signs, the pain, what the guidance \
        suggests and advises against, questions for the doctor, when to look again, and all \
        answers as an appendix. text is 80 columns in A4 pages of 66 lines; html is one file \
        that prints on A4; fhir is a FHIR R4 QuestionnaireResponse; fhir-bundle is a FHIR R4 \
        Bundle (collection) of that response, a RiskAssessment with the level and the warning \
        signs, a CarePlan with the suggestions, cautions and notes and their sources, and a \
        Provenance naming the content version. Files written with -o are readable by their \
        owner only; without --format, the ending of the file's name chooses the format (sheet.html \
        is HTML), and a --format that contradicts the ending is refused (exit 64). Exit 2 when the \
        answers are invalid, as for evaluate.

        --history makes the sheet of the last check-in of the current episode (the open one, \
        else the latest), with a chart of the pain over the weeks when there was more than one.
        """)
    @OptionGroup var location: LocationOptions
    @Option(name: .long, help: ArgumentHelp("The answer file (.json or .yaml, or a FHIR QuestionnaireResponse).", valueName: "FILE"))
    var answers: String?
    @Flag(name: .long, help: "The sheet of the last check-in in the episode history, with its chart.") var history = false
    @Option(name: .long, help: ArgumentHelp("With --history: the questionnaire.", valueName: "ID")) var questionnaire: String = "back-pain"
    @Option(name: .long, help: "Format: text, markdown, html, json, fhir or fhir-bundle (default: from the ending of -o, else text).")
    var format: SheetFormat?
    @OptionGroup var language: LanguageOption
    @OptionGroup var fhir: CanonicalOption
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "PATH"))
    var output: String?

    func validate() throws {
        if (answers == nil) == !history { throw ValidationError("give either --answers FILE or --history") }
        if let format, let output, !format.fits(fileName: output), let named = SheetFormat.named(by: output) {
            throw ValidationError("\(output) ends in .\(output.split(separator: ".").last ?? ""), which is \(named.rawValue), but --format is \(format.rawValue): "
                                  + "name the file .\(format.fileExtension), or leave out --format")
        }
    }

    /// The format asked for, else the one the output file's name ends in, else text.
    var sheetFormat: SheetFormat { format ?? output.flatMap { SheetFormat.named(by: $0) } ?? .text }

    func run() throws {
        guard let answers else { return try historySheet() }
        let input = try AnswerInput.read(answers)
        if input.isLines {
            var count = 0
            try exitingOnUnreadableInput { try input.forEachChunk { _ in count += 1 } }
            guard count == 1 else {
                printError("backtriage: \(answers) holds \(count) answer sets; a sheet is made from one (split the .jsonl file)")
                throw ExitCode(ExitStatus.badInput)
            }
        }
        let today = Today.date
        let options = bundleOptions
        try input.forEachValid(location, canonical: fhir.canonical) { document, engine in
            let report = Report(engine: engine, answers: document.answers, on: document.date ?? today)
            try emit(sheetFormat.render(report, language: language.language, fhir: options), to: output)
        }
    }
}

extension SheetCommand {
    /// Where the FHIR formats' resources are published, and how a bundle is stamped: with the
    /// moment it is made and fresh identifiers, unless BACKTRIAGE_TODAY asks for reproducible
    /// output. The same for a sheet of answers and of the history.
    var bundleOptions: FHIRBundle.Options {
        Today.isFixed
            ? FHIRBundle.Options(canonical: fhir.canonical, recorded: Today.date, identity: .derived)
            : FHIRBundle.Options(canonical: fhir.canonical, recorded: Date(), identity: .random)
    }

    /// The sheet of the current episode's last check-in, as the questionnaire reads it now.
    private func historySheet() throws {
        let engine = Engine(try location.load(questionnaire))
        let tracker = EpisodeTracker(path: HistoryStore.defaultPath(environment: ProcessEnvironment.variables), engine: engine,
                                     today: Today.date)
        let episodes = try withHistory { try tracker.episodes() }
        let current = episodes.last { $0.episode.isOpen } ?? episodes.last
        guard let current, let last = current.checkIns.last else {
            printError("backtriage: " + StringCatalog.history.text("history.empty", language.language))
            throw ExitCode(ExitStatus.failed)
        }
        // The sheet a check-in gives at its end: what changed since the one before, the trend.
        let report = tracker.report(of: last)
        let previous = current.checkIns.dropLast().last
        let changes = previous.map { CheckInChanges(previous: $0, current: report, engine: engine) }
        try emit(sheetFormat.render(report, language: language.language, changes: changes,
                                    trend: tracker.trend(current.episode, current.checkIns), fhir: bundleOptions),
                 to: output)
    }
}

/// `backtriage export-questionnaire`: the questionnaire for other systems.
struct ExportQuestionnaire: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case fhir
        /// The Questionnaire with every CodeSystem and ValueSet it uses, in one Bundle.
        case fhirBundle = "fhir-bundle"
    }

    static let configuration = CommandConfiguration(
        commandName: "export-questionnaire",
        abstract: "Write a questionnaire as a FHIR R4 Questionnaire (the form sheet --format fhir answers), or with its terminology.",
        discussion: """
        One Questionnaire per content version holds every language of the questionnaire: its \
        texts are in the questionnaire's first language, the others are FHIR translation \
        extensions, so every export of a version is the same resource. It uses the SDC \
        extensions for units, help texts, the pain slider, the derived values and the triage \
        level (FHIRPath). --format fhir-bundle writes a Bundle (collection) of the Questionnaire \
        with every CodeSystem and ValueSet its answers and results use. --canonical-base sets \
        where they are published; sheet and evaluate take the same option to write and read \
        responses to it.
        """)
    @OptionGroup var location: LocationOptions
    @Option(name: .long, help: "Format: fhir (the Questionnaire) or fhir-bundle (with its CodeSystems and ValueSets).") var format: Format = .fhir
    @Option(name: .long, help: "Questionnaire id.") var questionnaire: String = "back-pain"
    @OptionGroup var language: LanguageOption
    @OptionGroup var fhir: CanonicalOption
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "PATH"))
    var output: String?

    func run() throws {
        let q = try location.load(questionnaire)
        let json = format == .fhir ? FHIRQuestionnaire.json(q, canonical: fhir.canonical) : FHIRPackage.json(q, canonical: fhir.canonical)
        try emit(json.serialized(pretty: true) + "\n", to: output)
    }
}

/// Prints `text`, or writes it to `path` readable by its owner only (a sheet holds health data),
/// replacing any earlier file atomically.
func emit(_ text: String, to path: String?) throws {
    guard let path else {
        writeToStandardOutput(text)
        return
    }
    do throws(FileError) {
        try AtomicFile.write(text, to: path)
    } catch {
        printError("backtriage: cannot write \(error.description)")
        throw ExitCode(ExitStatus.badInput)
    }
}
