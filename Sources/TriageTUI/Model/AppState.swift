#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport
import TriageSession

/// Which screen is showing.
public enum Page: Sendable, Equatable {
    /// `choice` indexes the welcome screen's buttons.
    case welcome(choice: Int)
    /// One question; for a warning sign, the whole checklist with this line selected.
    case question(itemID: ItemID)
    /// Every answer, each editable; `selection` indexes the asked items, and one past them the
    /// "show my result" line.
    case review(selection: Int)
    /// `selection` indexes the selectable rows of the result list.
    case results(selection: Int)
    /// One row of the results in full, and why. `scroll` is the first line shown; `selection`
    /// is the results selection to return to.
    case detail(DetailSubject, scroll: Int, selection: Int)
    /// The episodes and check-ins of the history, with the chart; `scroll` is the first line.
    case history(scroll: Int)
}

/// What a detail page shows: a catalog entry, a warning sign answered yes, or the safety net.
public enum DetailSubject: Sendable, Equatable {
    case entry(id: String, kind: CatalogEntry.Kind)
    case sign(item: ItemID, rule: String)
    case safetyNet
    /// What changed since the last check-in.
    case changes
    /// A whole section of the result's outline (the doctor's questions, the pain over the weeks).
    case section(ResultOutline.Kind)
}

/// A box over the page that takes the keys until it closes.
public enum Overlay: Sendable, Equatable {
    /// Why the question is asked, and the keys of the screen.
    case help(itemID: ItemID)
    /// The keys of the screen under it.
    case keys
    /// New emergency signs: what to do now. `choice` 0 shows the result, 1 goes on.
    case emergency(signs: [ItemID], choice: Int)
    /// A note an answer asks to show at once (crisis help): read, then the questions go on.
    case notice(id: String)
    /// Quitting would lose answers (saving is off).
    case confirmQuit
    /// Starting over clears every answer.
    case confirmStartOver
    /// Where the summary sheet was saved: it stays until dismissed, so the paths can be copied.
    case saved(SavedSheets)
}

/// The files a summary sheet was saved to, shown until dismissed so the paths can be copied.
public struct SavedSheets: Sendable, Equatable {
    public var text: String
    public var html: String
    /// Copies in the current folder, once made.
    public var copies: [String] = []
    /// What came of the last action in the box (a failed copy or opening, no printer).
    public var notice: Notice?

    public init(text: String, html: String, notice: Notice? = nil) {
        self.text = text
        self.html = html
        self.notice = notice
    }
}

/// A line under the question or over the footer: a refused answer, a result of an action.
public struct Notice: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool) {
        self.text = text
        self.isError = isError
    }
}

/// The draft answer of the question on screen, kept apart from the answers until accepted, so
/// refused input stays visible for correcting.
public struct Editor: Sendable, Equatable {
    public var itemID: ItemID
    /// The highlighted option of a yes/no, choice or multiple-choice item; nil until picked.
    public var cursor: Int?
    /// The chosen options of a multiple-choice item.
    public var picked: Set<String> = []
    /// Typed text of a number, text or date item.
    public var text = ""
    /// Insertion point in `text`, in characters.
    public var caret = 0
    public var unit: DurationUnit = .weeks
    /// The value of a scale item; nil until chosen.
    public var scale: Int?
    /// Digits typed on a scale in a row, so that 1 then 0 makes 10.
    public var scaleDigits = ""

    public init(itemID: ItemID) { self.itemID = itemID }

    /// The editor showing a stored answer, or an empty one.
    public init(item: Item, answer: Value?, language: Language) {
        self.init(itemID: item.id)
        switch (item.kind, answer) {
        case (.boolean, .bool(let b)?): cursor = b ? 0 : 1
        case (.choice, .string(let s)?): cursor = item.options.firstIndex { $0.value == s }
        case (.multiChoice, .list(let l)?): picked = Set(l); cursor = 0
        case (.multiChoice, _): cursor = 0
        case (.scale, .number(let n)?): scale = Int(n)
        case (.decimal, .number(let n)?) where item.inputHint == .duration:
            // As people count it: whole weeks from 3 weeks on when they are whole, else days
            // (3.14 weeks, a check-in's weeks since the start, is 22 days), never "3.14".
            if n >= 3 && n == n.rounded() {
                text = language.number(n, decimals: 0)
            } else {
                text = language.number((n * 7).rounded(), decimals: 0)
                unit = .days
            }
        case (.integer, .number(let n)?), (.decimal, .number(let n)?): text = language.number(n, decimals: 2)
        case (.text, .string(let s)?), (.date, .string(let s)?): text = s
        default: break
        }
        caret = text.count
    }
}

/// Everything the interface shows, as a value: the session (answers and what is asked) and
/// what is on screen. `update` makes the next state from a message; `render` draws it.
/// Nothing here is tied to a terminal or to back pain.
public struct AppState: Sendable {
    public var session: Session
    public var language: Language
    public var page: Page = .welcome(choice: 0)
    public var overlay: Overlay?
    public var notice: Notice?
    public var editor = Editor(itemID: "")
    /// Answers saved by an earlier run that the welcome screen offers to continue.
    public var resumable: SavedSession?
    /// Whether answers are written to disk after each one (off with `--no-save`).
    public var savingEnabled: Bool
    /// Set while an answer is changed from the review screen: accepting it returns there.
    public var editingFromReview = false
    /// The page the review screen was opened from, to return to.
    public var reviewOrigin: Page?
    /// The open episode of the history, offered a check-in on the welcome screen; nil without
    /// one, and with saving off (which reads no history).
    public var episode: EpisodeStatus?
    /// Whether results go into the history (saving on, the history readable).
    public var historyEnabled: Bool
    /// The history as last read, for its page.
    public var history: HistoryEpisodes?
    /// Whether a saved sheet can be shown with the desktop's viewer: `xdg-open` exists and a
    /// graphical session is there (without one, xdg-open would start a text browser in this
    /// very terminal).
    public var canOpenFiles = false
    /// Whether saving the answers failed in this run: then no message may say they are saved.
    public var answersUnsaved = false
    /// Where the summary sheet was last saved in this session, said again on the way out.
    public var savedSheets: SavedSheets?
    /// The window size, kept current by the loop: how far pages scroll, and whether the window
    /// is too small. `render` takes its size as an argument.
    public var screenSize: Size = minimumSize
    /// The terminal's glyphs, kept current by the loop: how long a page is in lines.
    public var glyphs: Glyphs = .unicode

    /// `resumed` is the session `resumable` continues (a check-in continues as one); without
    /// it, the saved answers continue as a questionnaire of their own.
    public init(session: Session, language: Language, resumable: SavedSession? = nil, resumed: Session? = nil,
                savingEnabled: Bool = true, episode: EpisodeStatus? = nil, historyEnabled: Bool = false,
                canOpenFiles: Bool = false) {
        self.session = session
        self.language = session.questionnaire.languages.contains(language) ? language : (session.questionnaire.languages.first ?? .en)
        self.resumable = resumable
        self.resumed = resumed
        self.savingEnabled = savingEnabled
        self.episode = episode
        self.historyEnabled = historyEnabled && savingEnabled
        self.canOpenFiles = canOpenFiles
    }

    /// The session "continue where I stopped" goes on with.
    var resumed: Session?

    public var questionnaire: Questionnaire { session.questionnaire }
    public var engine: Engine { session.engine }
    public var answers: AnswerSet { session.answers }

    /// The result of the answers so far.
    public var report: Report { session.report }

    /// The item on screen, if a question is showing.
    public var currentItem: Item? {
        if case .question(let id) = page { return engine.index.items[id] }
        return nil
    }

    /// Whether the window is smaller than the screens are laid out for: only the message shows,
    /// and only quitting works.
    public var isTooSmall: Bool { screenSize.width < minimumSize.width || screenSize.height < minimumSize.height }

    /// The result's level and action while a result stands (its page, its details, an emergency
    /// answered), for the places that must keep saying it when nothing else fits or is left:
    /// the too-small window and the way out.
    var standingAction: String? {
        switch page {
        case .results, .detail: break
        default: guard session.emergencyStands else { return nil }
        }
        return wording.levelAndAction(report)
    }

    /// A phrase of the interface in the current language.
    func t(_ key: String, _ args: String...) -> String { StringCatalog.tui.text(key, language, args) }

    /// The report's words in the current language.
    var wording: Wording { Wording(questionnaire, language) }

    /// The pain over the weeks, for a check-in's result: the open episode's check-ins and this
    /// one, as the history will hold them.
    var trend: Trend? {
        guard session.checkIn != nil, let episode else { return nil }
        return episode.trend(engine: engine, adding: report)
    }

    /// The sections of the result, as every output shows them.
    var outline: ResultOutline { ResultOutline(report, wording, changes: changes(report), trend: trend) }

    /// The summary sheet to save or print, in the current language: the same sections as the
    /// results screen, the trend of a check-in included.
    var sheets: SheetTexts {
        let report = self.report, changes = changes(report), trend = trend
        return SheetTexts(text: SheetFormat.text.render(report, language: language, changes: changes, trend: trend),
                          html: SheetFormat.html.render(report, language: language, changes: changes, trend: trend), language: language,
                          printable: SheetText().printable(SheetDocument(outline, wording)))
    }
}

/// The smallest window the screens are laid out for.
public let minimumSize = Size(width: 80, height: 24)
