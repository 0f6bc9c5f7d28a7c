#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageSession

/// The real effects: the saved answers and sheets in the session store, the printer through
/// `lp`, the desktop's viewer through `xdg-open`, copies in the current folder.
@MainActor
public struct EffectRunner: EffectRunning {
    public let store: SessionStore
    public let questionnaire: Questionnaire
    /// The episode history; nil with saving off.
    public let tracker: EpisodeTracker?

    public init(store: SessionStore, questionnaire: Questionnaire, tracker: EpisodeTracker? = nil) {
        self.store = store
        self.questionnaire = questionnaire
        self.tracker = tracker
    }

    /// Whether `xdg-open` can show a file here: it exists and a graphical session is running.
    /// Without one it would start a text browser, which has no place inside this interface.
    nonisolated public static func canOpenFiles(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let graphical = [environment["DISPLAY"], environment["WAYLAND_DISPLAY"]].contains { !($0 ?? "").isEmpty }
        return graphical && ExternalProgram.locate("xdg-open") != nil
    }

    /// How CUPS sets the text sheet: 12 characters an inch and 7 lines an inch put its 80 columns
    /// and 66 lines on one side of A4 (or Letter) within the usual margins, so CUPS does not fit
    /// more lines on a page than the sheet has; the form feed after each page starts the next
    /// sheet of paper.
    static let printOptions = ["-o", "cpi=12", "-o", "lpi=7", "-o", "media=A4"]

    public func perform(_ effect: Effect) -> EffectResult? {
        switch effect {
        case .saveAnswers(let answers, let episode):
            do throws(FileError) {
                try store.save(SavedSession(questionnaire: questionnaire.id, version: questionnaire.version, answers: answers,
                                            savedAt: Date(), checkInEpisode: episode))
            } catch {
                return .answersNotSaved(error.description)
            }
            return nil
        case .deleteAnswers:
            do throws(FileError) { try store.delete(questionnaire: questionnaire.id) } catch { return .answersNotSaved(error.description) }
            return nil
        case .saveSheets(let sheets):
            switch saveSheets(sheets) {
            case .success(let paths): return .sheetsSaved(text: paths.text, html: paths.html)
            case .failure(let error): return .sheetsNotSaved(error.description)
            }
        case .printSheet(let sheets):
            guard let lp = ExternalProgram.locate("lp") else {
                switch saveSheets(sheets) {
                case .success(let paths): return .printerMissing(text: paths.text, html: paths.html)
                case .failure(let error): return .sheetsNotSaved(error.description)
                }
            }
            switch ExternalProgram.send(sheets.printable, lp: lp, arguments: Self.printOptions) {
            case .success(let jobLine): return .printed(jobLine: jobLine)
            case .failure(let problem): return .printFailed(problem)
            }
        case .copyHere(let paths):
            return copyHere(paths)
        case .open(let path):
            guard let viewer = ExternalProgram.locate("xdg-open") else { return .openFailed("xdg-open") }
            switch ExternalProgram.launch(viewer, arguments: [path]) {
            case .success: return nil
            case .failure(.said(let words)): return .openFailed(words)
            case .failure(.status(let code)): return .openFailed("xdg-open: \(code)")
            case .failure(.timedOut): return nil
            }
        case .recordResult(let result):
            return record(result)
        case .endEpisode:
            guard let tracker else { return nil }
            do throws(HistoryError) {
                if let status = try tracker.status() { try tracker.endEpisode(status) }
                return .episodeEnded
            } catch {
                return .historyFailed(error.description)
            }
        case .loadHistory:
            guard let tracker else { return .historyLoaded(HistoryEpisodes([])) }
            do throws(HistoryError) {
                return .historyLoaded(HistoryEpisodes(try tracker.episodes()))
            } catch {
                return .historyFailed(error.description)
            }
        case .quit:
            return nil
        }
    }

    /// Adds a result to the history and removes its saved answers; when the history cannot take
    /// it (it cannot be placed in time, or the file fails), the answers stay saved instead, so
    /// nothing is lost.
    private func record(_ result: ResultToRecord) -> EffectResult? {
        let keep = Effect.saveAnswers(result.session.answers, checkIn: result.session.checkIn?.episode.uuid)
        switch SessionFinish.finish(result.session, language: result.language, tracker: tracker, store: store) {
        case .recorded(_, let removal?): return .answersNotSaved(removal.description)
        case .recorded: return nil
        case .notRecorded: return perform(keep)
        case .failed(let error):
            _ = perform(keep)
            return .historyFailed(error.description)
        }
    }

    /// Both sheets beside the saved answers, named by the moment and the language.
    private func saveSheets(_ sheets: SheetTexts) -> Result<(text: String, html: String), FileError> {
        let now = Date()
        do throws(FileError) {
            let text = try store.saveSummary(sheets.text, questionnaire: questionnaire.id, at: now, language: sheets.language, fileExtension: "txt")
            let html = try store.saveSummary(sheets.html, questionnaire: questionnaire.id, at: now, language: sheets.language, fileExtension: "html")
            return .success((text, html))
        } catch {
            return .failure(error)
        }
    }

    /// Copies of saved files in the current folder, under the same names.
    private func copyHere(_ paths: [String]) -> EffectResult {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return .copyFailed(String(cString: strerror(errno))) }
        let folder = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var copies: [String] = []
        for path in paths {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let target = (folder == "/" ? "" : folder) + "/" + name
            do throws(FileError) {
                let bytes = try AtomicFile.read(path)
                try AtomicFile.write(bytes, to: target)
            } catch {
                return .copyFailed(error.description)
            }
            copies.append(target)
        }
        return .copied(copies)
    }
}
