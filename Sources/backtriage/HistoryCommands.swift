import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport
import TriageSession


/// What the history commands share: the questionnaire, the language, the history's place and
/// the day.
struct HistoryOptions: ParsableArguments {
    @OptionGroup var location: LocationOptions
    @OptionGroup var languageOption: LanguageOption
    @Option(name: .long, help: ArgumentHelp("The questionnaire whose episodes to use.", valueName: "ID"))
    var questionnaire: String = "back-pain"

    var language: Language { languageOption.language }
    var environment: [String: String] { ProcessEnvironment.variables }
    var path: String { HistoryStore.defaultPath(environment: environment) }

    func tracker() throws -> EpisodeTracker {
        EpisodeTracker(path: path, engine: Engine(try location.load(questionnaire)), today: Today.date)
    }

    func t(_ key: String, _ args: String...) -> String { StringCatalog.history.text(key, language, args) }
}

/// Runs `body`, turning a history that cannot be read into its message and exit 2.
func withHistory<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as HistoryError {
        printError("backtriage: " + error.description)
        throw ExitCode(ExitStatus.badInput)
    }
}

/// `backtriage history`: the episodes, their check-ins and the trend; `--export` for all of it,
/// `--delete` to remove it.
struct HistoryCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, fhir }
    enum Chart: String, ExpressibleByArgument, CaseIterable { case auto, unicode, ascii, none }

    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the episode history: each check-in, whether one is due, and a chart of the pain.",
        discussion: """
        The history is kept under $XDG_DATA_HOME/backtriage (default ~/.local/share/backtriage), \
        readable by you only. text shows each episode with one line a check-in and a chart of \
        the pain over the weeks (--chart unicode or ascii; auto picks unicode in a UTF-8 \
        locale); json and csv are for programs and spreadsheets.

        --export writes everything the history holds, every answer included: as JSON, or with \
        --format fhir as a FHIR R4 Bundle: each episode (EpisodeOfCare), and each check-in's \
        QuestionnaireResponse with its result (a RiskAssessment: the level, and until when it \
        holds, the next check), under --canonical-base. With -o the file is readable by you only.

        --delete removes the history, the saved answers and the summary sheets, after you type \
        "delete" (or with --yes). Exit 1 when nothing was deleted.
        """)
    @OptionGroup var options: HistoryOptions
    @Option(name: .long, help: "Format: text, json or csv; with --export json or fhir.") var format: Format?
    @Option(name: .long, help: "The chart in text: auto, unicode, ascii or none.") var chart: Chart = .auto
    @Flag(name: .long, help: "Write everything the history holds, every answer included (json or fhir).") var export = false
    @OptionGroup var fhir: CanonicalOption
    @Flag(name: .long, help: "Delete the history, the saved answers and summary sheets.") var delete = false
    @Flag(name: .long, help: "With --delete: do not ask first.") var yes = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "PATH"))
    var output: String?

    func validate() throws {
        if delete && (export || format != nil || output != nil) { throw ValidationError("--delete takes no --export, --format or -o") }
        if yes && !delete { throw ValidationError("--yes goes with --delete") }
        if export && (format == .text || format == .csv) { throw ValidationError("--export writes json or fhir") }
        if !export && format == .fhir { throw ValidationError("--format fhir goes with --export") }
        if fhir.base != nil && !(export && format == .fhir) { throw ValidationError("--canonical-base goes with --export --format fhir") }
    }

    func run() throws {
        if delete { return try deleteEverything() }
        let tracker = try options.tracker()
        let episodes = try withHistory { try tracker.episodes() }
        let trendItem = tracker.engine.questionnaire.followUp?.trend
        let text: String
        switch (export, format ?? (export ? .json : .text)) {
        case (true, .fhir):
            text = HistoryExport.fhirBundle(episodes, engine: tracker.engine, language: options.language, at: Date(),
                                            canonical: fhir.canonical).serialized(pretty: true) + "\n"
        case (true, _):
            let all = try withHistory { () throws -> HistoryExport.Episodes in
                guard let store = try tracker.history() else { return [] }
                return try store.episodes().map { ($0, try store.checkIns(of: $0)) }
            }
            text = HistoryExport.json(all, schema: HistoryStore.schemaVersion, trendItem: trendItem, answers: true, exportedAt: Date()).serialized(pretty: true) + "\n"
        case (false, .json):
            text = HistoryExport.json(episodes, schema: HistoryStore.schemaVersion, trendItem: trendItem, answers: false).serialized(pretty: true) + "\n"
        case (false, .csv):
            text = HistoryExport.csv(episodes, trendItem: trendItem)
        default:
            text = HistoryText(engine: tracker.engine, language: options.language, chart: chartStyle, today: tracker.today).render(episodes)
        }
        try emit(text, to: output)
    }

    /// Unicode where the locale says UTF-8, else ASCII.
    var chartStyle: HistoryChart.Style? {
        switch chart {
        case .unicode: return .unicode
        case .ascii: return .ascii
        case .none: return nil
        case .auto:
            let env = options.environment
            let locale = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { env[$0] }.first { !$0.isEmpty } ?? ""
            let utf8 = locale.lowercased().contains("utf-8") || locale.lowercased().contains("utf8")
            return utf8 && env["TERM"] != "dumb" ? .unicode : .ascii
        }
    }

    private func deleteEverything() throws {
        let env = options.environment
        let path = options.path
        var store = try withHistory { try HistoryStore.existing(path: path) }
        let counts: (episodes: Int, checkIns: Int) = try withHistory { try store?.counts() } ?? (0, 0)
        let folder = SessionStore.defaultDirectory(environment: env)
        let files = Self.savedFiles(in: folder)
        guard store != nil || !files.isEmpty else {
            print(options.t("delete.nothing"))
            return
        }
        let catalog = StringCatalog.history, L = options.language
        let episodes = catalog.count("delete.episodes", Double(counts.episodes), L)
        let checkIns = catalog.count("delete.check_ins", Double(counts.checkIns), L)
        let saved = catalog.count("delete.files", Double(files.count), L)
        if !yes {
            // Unbuffered: the question is on the screen before the answer is read.
            writeToStandardOutput(options.t("delete.confirm", episodes, checkIns, path, saved, folder) + " ")
            let words = Language.allCases.map { catalog.text("delete.word", $0) }
            guard let line = readLine(), words.contains(String(line.split(separator: " ").joined()).lowercased()) else {
                print("")
                print(options.t("delete.kept"))
                throw ExitCode(ExitStatus.failed)
            }
        }
        try withHistory { _ = try store?.deleteEverything() }
        store = nil
        var failures: [String] = []
        for file in HistoryStore.files(of: path) + files.map({ folder + "/" + $0 }) where unlink(file) != 0 && errno != ENOENT {
            failures.append("\(file): \(String(cString: strerror(errno)))")
        }
        // Empty folders go too; a folder holding anything else stays.
        for dir in [folder, String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])] { rmdir(dir) }
        if !failures.isEmpty {
            failures.forEach { printError("backtriage: cannot delete " + $0) }
            throw ExitCode(ExitStatus.badInput)
        }
        print(options.t("delete.done", episodes, checkIns, saved))
    }

    /// The files backtriage keeps in its state folder: saved answers (`<questionnaire>.json`),
    /// summary sheets and temporary files a crash left.
    static func savedFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
            return name.hasSuffix(".json") || name.hasPrefix("summary-") || name.contains(".tmp-")
        }.sorted()
    }
}

/// `backtriage remind --ics`: the next check as a calendar event.
struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Write a calendar reminder (iCalendar, .ics) for the next check of the open episode.",
        discussion: """
        The event is on the day the last result said to look again (today, if that day has \
        passed), with an alarm at 09:00 and the warning signs not to wait for in its description. \
        Import the file into a calendar. Exit 1 when there is no day to remind of: no open \
        episode, or a result that gives none (a warning sign, or every mark passed).
        """)
    @OptionGroup var options: HistoryOptions
    @Flag(name: .long, help: "Write iCalendar (RFC 5545); the only format.") var ics = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if !ics { throw ValidationError("say which format: --ics") }
    }

    func run() throws {
        let tracker = try options.tracker()
        guard let status = try withHistory({ try tracker.status() }) else {
            printError(options.t("due.no_episode"))
            throw ExitCode(ExitStatus.failed)
        }
        let report = tracker.report(of: status.last)
        let wording = Wording(tracker.engine.questionnaire, options.language)
        guard let next = report.nextCheck else {
            printError(options.t("ics.no_next", report.pastLastCheck?[options.language] ?? wording.action(report.action)))
            throw ExitCode(ExitStatus.failed)
        }
        let day = max(next.date, tracker.today)
        let uid = status.episode.uuid + "-" + AnswerValidation.formatDate(day) + "@backtriage"
        try emit(CalendarReminder(wording).ics(report, on: day, weeks: next.weeks, uid: uid, stamp: Date()), to: output)
    }
}

/// `backtriage due`: whether a check-in is due, by exit code, for a shell's start-up file or cron.
struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Say whether a check-in is due: exit 0 when it is, 1 when not.",
        discussion: """
        A check-in is due once the day the last result said to look again has come. For a \
        shell's start-up file: backtriage due --quiet && backtriage. Exit 1 also when no \
        episode is open; 2 when the history cannot be read.
        """)
    @OptionGroup var options: HistoryOptions
    @Flag(name: .shortAndLong, help: "Print only when a check-in is due.") var quiet = false

    func run() throws {
        let tracker = try options.tracker()
        guard let status = try withHistory({ try tracker.status() }) else {
            if !quiet { print(options.t("due.no_episode")) }
            throw ExitCode(ExitStatus.failed)
        }
        let text = HistoryText(engine: tracker.engine, language: options.language, today: tracker.today).due(status, status.last)
        if status.isDue || !quiet { print(text) }
        if !status.isDue { throw ExitCode(ExitStatus.failed) }
    }
}
