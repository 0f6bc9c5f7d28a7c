import Foundation
import TriageKit

/// Which screen is showing.
public enum Page: Sendable, Equatable {
    /// `choice` indexes the welcome screen's buttons (continue, start over / start).
    case welcome(choice: Int)
    /// One question; for a warning sign on a checklist (`AppState.checklist(of:)`), the whole
    /// checklist with this item's line selected.
    case question(itemID: String)
    /// Every answer, each editable; `selection` indexes the asked items.
    case review(selection: Int)
    /// `selection` indexes the selectable rows of the result list.
    case results(selection: Int)
    /// One row of the results in full, and why. `scroll` is the first line shown; `selection`
    /// is the results selection to return to.
    case detail(DetailSubject, scroll: Int, selection: Int)
}

/// What a detail page shows: a catalog entry, a warning sign answered yes, or the safety net.
public enum DetailSubject: Sendable, Equatable {
    case entry(id: String, kind: CatalogEntry.Kind)
    case redFlag(item: String, rule: String)
    case safetyNet
}

/// The summary sheet in the formats the results screen saves: the same renderers as
/// `backtriage sheet`, in the current language.
public struct SheetTexts: Sendable, Equatable {
    public var text: String
    public var html: String
    public init(text: String, html: String) { self.text = text; self.html = html }
}

/// A box over the page that takes the keys until it closes.
public enum Overlay: Sendable, Equatable {
    /// Why the item is asked.
    case help(itemID: String)
    /// An answer made the result an emergency: what to do now. `choice` 0 shows the result,
    /// 1 goes on with the questions.
    case emergency(redFlags: [String], choice: Int)
    /// Quitting would lose answers (saving is off).
    case confirmQuit
    /// Starting over clears every answer.
    case confirmStartOver
}

/// A line under the widget or over the footer: a refused answer, a saved file.
public struct Notice: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool) { self.text = text; self.isError = isError }
}

/// Work the loop does after `update`: files and leaving. `update` itself never touches the world.
public enum Effect: Sendable, Equatable {
    case saveSession(AnswerSet)
    case deleteSession
    /// Write the summary sheet as text and as HTML into the state folder and report both paths.
    case saveSheets(SheetTexts)
    /// Send the text sheet to the printer (`lp`); without one, save as `saveSheets` does.
    case printSheet(SheetTexts)
    case quit
}

/// Units a duration can be typed in; answers are stored in weeks.
public enum DurationUnit: Int, Sendable, CaseIterable {
    case days, weeks, months

    /// Average month length (365.25 / 12 days), so 3 months is about 13 weeks.
    static let weeksPerMonth = 365.25 / 12 / 7

    func weeks(_ amount: Double) -> Double {
        switch self {
        case .days: return amount / 7
        case .weeks: return amount
        case .months: return amount * Self.weeksPerMonth
        }
    }

    var stringKey: String {
        switch self {
        case .days: return "tui.unit.days"
        case .weeks: return "tui.unit.weeks"
        case .months: return "tui.unit.months"
        }
    }

    var next: DurationUnit { DurationUnit(rawValue: (rawValue + 1) % 3)! }
}

/// The draft answer of the question on screen: kept apart from the answers until it is accepted,
/// so refused input stays visible for correcting.
public struct Editor: Sendable, Equatable {
    public var itemID: String
    /// The highlighted option of a yes/no or choice item; nil until the person picks one.
    public var cursor: Int?
    /// The chosen options of a multiple-choice item.
    public var picked: Set<String> = []
    /// Typed text of a number, text or date item.
    public var text = ""
    /// Insertion point in `text`, in characters.
    public var caret = 0
    public var unit: DurationUnit = .weeks
    /// The slider position of a scale item; nil until moved.
    public var scale: Int?

    public init(itemID: String) { self.itemID = itemID }

    /// The editor showing a stored answer (or an empty one).
    public init(item: Item, answer: Value?) {
        self.init(itemID: item.id)
        switch (item.kind, answer) {
        case (.boolean, .bool(let b)?): cursor = b ? 0 : 1
        case (.choice, .string(let s)?): cursor = item.options.firstIndex { $0.value == s }
        case (.multiChoice, .list(let l)?): picked = Set(l); cursor = 0
        case (.multiChoice, _): cursor = 0
        case (.scale, .number(let n)?): scale = Int(n)
        case (.integer, .number(let n)?), (.decimal, .number(let n)?): text = Value.format(n)
        case (.text, .string(let s)?), (.date, .string(let s)?): text = s
        default: break
        }
        caret = text.count
    }
}

/// Everything the interface shows, as a value. `update` makes the next one from a key; `render`
/// draws it. Nothing here is tied to a terminal or to back pain.
public struct AppState: Sendable {
    public let engine: Engine
    public var questionnaire: Questionnaire { engine.questionnaire }
    public var language: String
    public var answers: AnswerSet
    public var page: Page
    public var overlay: Overlay?
    public var notice: Notice?
    public var editor: Editor
    /// Answers saved by an earlier run that the welcome screen offers to continue.
    public var resumable: SavedSession?
    /// Whether answers are written to disk after each one (off with `--no-save`).
    public var savingEnabled: Bool
    /// The day of answering, from which the next check counts.
    public var today: Date
    /// Emergency warning signs the person was already told about, so each interrupts once.
    public var acknowledgedEmergencies: Set<String> = []
    /// Set while an answer is changed from the review screen: accepting it returns there.
    public var editingFromReview = false
    /// The page the review screen was opened from, to return to.
    public var reviewOrigin: Page?
    /// The size of the screen, which the loop keeps current: how far a detail page pages and
    /// scrolls. `render` takes its size as an argument and does not read this.
    public var screenSize: Size = minimumSize

    public init(engine: Engine, language: String, answers: AnswerSet = AnswerSet(), resumable: SavedSession? = nil,
                savingEnabled: Bool = true, today: Date = Date()) {
        self.engine = engine
        self.language = engine.questionnaire.languages.contains(language) ? language : (engine.questionnaire.languages.first ?? "en")
        self.answers = answers
        self.resumable = resumable
        self.savingEnabled = savingEnabled
        self.today = today
        self.page = .welcome(choice: 0)
        self.editor = Editor(itemID: "")
    }

    // MARK: What the answers imply

    /// The answers of items that are still asked. Answers to items a changed answer hides are
    /// kept (they come back with the item) but take no part in the result. Hiding one item can
    /// hide others, so this repeats until nothing changes.
    public var effectiveAnswers: AnswerSet {
        var current = answers
        for _ in 0..<8 {
            let asked = Set(engine.askedItems(given: current).map(\.id))
            let kept = AnswerSet(answers.values.filter { asked.contains($0.key) })
            if kept == current { break }
            current = kept
        }
        return current
    }

    /// The items asked given the answers so far, in order.
    public var askedItems: [Item] { engine.askedItems(given: effectiveAnswers) }

    /// The result of the answers so far.
    public var assessment: Assessment { engine.evaluate(effectiveAnswers, on: today) }

    /// Whether the window is smaller than the screens are laid out for: only the "too small"
    /// message shows, and only quitting works.
    public var isTooSmall: Bool { screenSize.width < minimumSize.width || screenSize.height < minimumSize.height }

    /// The first asked item without an answer.
    public var firstUnanswered: Item? { askedItems.first { answers[$0.id] == nil } }

    /// Asked required items still without an answer.
    public var missingCount: Int { askedItems.filter { $0.required && answers[$0.id] == nil }.count }

    /// The most urgent triage level (rank 0), which interrupts the questions.
    public var emergencyLevel: TriageLevel? { questionnaire.triageLevels.min { $0.rank < $1.rank } }

    /// Red-flag items answered so that a rule of the most urgent level fires.
    public func emergencyRedFlags(in assessment: Assessment) -> [String] {
        guard let level = emergencyLevel, assessment.triage == level.id else { return [] }
        return assessment.redFlags.filter { questionnaire.rule($0.rule)?.triage == level.id }.map(\.item)
    }

    /// The item on screen, if a question is showing.
    public var currentItem: Item? {
        if case .question(let id) = page { return engine.index.items[id] }
        return nil
    }

    /// Whether an item is shown as a line of a warning-sign checklist: a required yes/no warning
    /// sign that is always asked.
    static func isChecklistLine(_ item: Item) -> Bool {
        item.isRedFlag && item.kind == .boolean && item.condition == nil
    }

    /// The warning-sign checklist `item` belongs to: the run of consecutive asked checklist lines
    /// of its section around it, in order. Empty when the item is not a checklist line.
    public func checklist(of item: Item) -> [Item] {
        guard Self.isChecklistLine(item) else { return [] }
        let asked = askedItems
        guard let at = asked.firstIndex(where: { $0.id == item.id }) else { return [] }
        func belongs(_ other: Item) -> Bool { Self.isChecklistLine(other) && other.section == item.section }
        var first = at, last = at
        while first > 0 && belongs(asked[first - 1]) { first -= 1 }
        while last < asked.count - 1 && belongs(asked[last + 1]) { last += 1 }
        return Array(asked[first...last])
    }

    /// When to check again; `brief` leaves out the safety net's advice text.
    func safetyText(_ a: Assessment, brief: Bool = false) -> String {
        guard let net = questionnaire.safetyNet else { return t("tui.results.sooner") }
        if let next = a.nextCheck {
            let when = t("tui.results.next_check", AnswerValidation.formatDate(next.date), Value.format(next.weeks))
            return when + " " + (brief ? "" : net.text[language] + " ") + t("tui.results.sooner")
        }
        return net.noneText[language] + " " + t("tui.results.sooner")
    }

    /// An interface string in the current language.
    func t(_ key: String, _ args: String...) -> String {
        return Strings.text(key, language, arguments: args)
    }

    // MARK: Results reported back by the loop

    /// The loop could not save: say so, keep going (the answers are still in memory).
    public mutating func saveFailed(_ error: String) {
        notice = Notice(t("tui.notice.save_failed", error), isError: true)
    }

    /// The summary sheet was written to these two files.
    public mutating func sheetsSaved(text: String, html: String) {
        notice = Notice(t("tui.sheet.saved", text, html), isError: false)
    }

    /// The summary sheet could not be written.
    public mutating func sheetSaveFailed(_ error: String) {
        notice = Notice(t("tui.sheet.save_failed", error), isError: true)
    }

    /// The printer took the sheet; `jobLine` is what `lp` said (its job id), possibly empty.
    public mutating func printed(jobLine: String) {
        notice = Notice(jobLine.isEmpty ? t("tui.print.sent_plain") : t("tui.print.sent", jobLine), isError: false)
    }

    /// `lp` refused the sheet or could not run.
    public mutating func printFailed(_ problem: PrintProblem) {
        let message: String
        switch problem {
        case .said(let text): message = text
        case .status(let code): message = t("tui.print.status", String(code))
        case .timedOut(let seconds): message = t("tui.print.timeout", String(seconds))
        }
        notice = Notice(t("tui.print.failed", message), isError: true)
    }

    /// There is no `lp`: the sheet was saved to these files instead, to print another way.
    public mutating func printerMissing(savedText text: String, html: String) {
        notice = Notice(t("tui.print.no_lp", text, html), isError: true)
    }

    /// A sheet rendered from the current answers in the current language.
    var sheetTexts: SheetTexts {
        let a = assessment, answers = effectiveAnswers
        return SheetTexts(text: SheetFormat.text.render(questionnaire, assessment: a, answers: answers, language: language),
                          html: SheetFormat.html.render(questionnaire, assessment: a, answers: answers, language: language))
    }
}

/// Why printing failed, as the loop reports it; the words come from the strings.
public enum PrintProblem: Error, Sendable, Equatable {
    /// What `lp` wrote on its error output (or standard output).
    case said(String)
    /// `lp` ended with this status and said nothing.
    case status(Int32)
    case timedOut(seconds: Int)
}
