#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit
import TriageReport

/// A person answering a questionnaire: the answers so far, what is asked next, and which
/// emergency signs they were already told about. The full-screen and the plain interface both
/// present one; navigation, review, the emergency interrupt and resume work the same in both.
/// A value: every change goes through its mutating methods.
public struct Session: Sendable {
    public let engine: Engine
    /// The day of answering, from which the next check counts.
    public let today: Date
    /// Every answer given, including ones a later answer has made irrelevant: they come back
    /// if that answer changes back, and take no part in the result meanwhile.
    public private(set) var answers: AnswerSet
    /// Emergency signs the person was shown what to do about; each new one interrupts once.
    public private(set) var acknowledged: Set<ItemID> = []
    /// Notices (crisis help) the person was shown; each is shown once while its answer stands.
    public private(set) var shownNotices: Set<String> = []
    /// The episode this session checks in to; nil for a first questionnaire or a new episode.
    public let checkIn: CheckInContext?
    /// Answers a check-in carries over from the last one (`follow_up.keep`): while they have an
    /// answer they are not presented again, but the review lists them, so they can be changed.
    public let carriedOver: Set<ItemID>

    public init(engine: Engine, answers: AnswerSet = AnswerSet(), today: Date) {
        self.init(engine: engine, answers: answers, today: today, checkIn: nil, carriedOver: [])
    }

    init(engine: Engine, answers: AnswerSet, today: Date, checkIn: CheckInContext?, carriedOver: Set<ItemID>) {
        self.engine = engine
        self.answers = answers
        self.today = today
        self.checkIn = checkIn
        self.carriedOver = carriedOver
    }

    public var questionnaire: Questionnaire { engine.questionnaire }

    // MARK: What is asked

    /// The items asked given the answers so far, in order.
    public var askedItems: [Item] { engine.askedItems(given: answers) }

    /// Answers to items that are asked.
    public var effectiveAnswers: AnswerSet { answers.asked(by: engine) }

    /// The asked items a person is shown one by one: all of them, but in a check-in the answers
    /// it carried over.
    public var presentedItems: [Item] { askedItems.filter(isPresented) }

    private func isPresented(_ item: Item) -> Bool { !(carriedOver.contains(item.id) && answers[item.id] != nil) }

    /// The first presented item without an answer.
    public var firstUnanswered: Item? { presentedItems.first { answers[$0.id] == nil } }

    /// In a check-in, the question of the weeks since the episode began: computed, not typed
    /// again, but shown first so that it can be corrected. Nil outside a check-in.
    public var weeksItem: Item? {
        guard checkIn != nil, let measure = questionnaire.safetyNet?.measure else { return nil }
        return presentedItems.first { $0.id.rawValue == measure }
    }

    /// Asked required items still without an answer.
    public var missing: [Item] { AnswerValidation.missing(answers, engine: engine) }

    /// Every asked required item has an answer.
    public var isComplete: Bool { missing.isEmpty }

    /// The presented item after `item` in questionnaire order, nil at the end. Order, not
    /// position in the asked list, since an answer can change which items are asked.
    public func item(after item: Item) -> Item? {
        let order = engine.index.position
        guard let at = order[item.id] else { return firstUnanswered }
        return presentedItems.first { (order[$0.id] ?? 0) > at }
    }

    /// The presented item before `item` in questionnaire order, nil at the start.
    public func item(before item: Item) -> Item? {
        let order = engine.index.position
        guard let at = order[item.id] else { return nil }
        return presentedItems.last { (order[$0.id] ?? 0) < at }
    }

    /// Progress as "7 of 31": the presented items answered, of those that are or may still be
    /// presented. The total only shrinks as answers close off questions; it never jumps up.
    public var progress: (answered: Int, total: Int) {
        let answered = presentedItems.filter { answers[$0.id] != nil }.count
        return (answered, max(answered, engine.possibleItems(given: answers).filter(isPresented).count))
    }

    /// How much of the questionnaire is done, in percent: what people are shown instead of a
    /// count of questions, whose total would shrink as answers close off questions ("1 of 36",
    /// then "2 of 31"). It only grows as questions are answered.
    public var percentDone: Int {
        let (answered, total) = progress
        return total == 0 ? 0 : answered * 100 / total
    }

    /// The position of `item` among the items that may be presented, counted from 1.
    public func position(of item: Item) -> Int {
        (engine.possibleItems(given: answers).filter(isPresented).firstIndex { $0.id == item.id } ?? 0) + 1
    }

    /// The warning-sign checklist `item` is a line of: the run of asked yes/no warning signs
    /// around it in its section. Empty when the item is not a warning sign.
    public func checklist(of item: Item) -> [Item] {
        func isLine(_ other: Item) -> Bool { other.isRedFlag && other.kind == .boolean && other.section == item.section }
        guard isLine(item) else { return [] }
        let asked = askedItems
        guard let at = asked.firstIndex(where: { $0.id == item.id }) else { return [] }
        var first = at, last = at
        while first > 0 && isLine(asked[first - 1]) { first -= 1 }
        while last < asked.count - 1 && isLine(asked[last + 1]) { last += 1 }
        return Array(asked[first...last])
    }

    // MARK: Answering

    /// Checks and stores an answer, or clears an optional one (nil). Returns the emergency
    /// signs this answer newly raised: the interface says what to do at once, before any further
    /// question, and then calls `acknowledgeEmergencies`.
    public mutating func answer(_ value: Value?, for item: Item, language: Language) -> Result<[ItemID], AnswerProblem> {
        if let value {
            switch AnswerValidation.validate(value, for: item, language: language) {
            case .failure(let problem): return .failure(problem)
            case .success(let valid): answers[item.id] = valid
            }
        } else {
            answers.values.removeValue(forKey: item.id)
        }
        // A sign answered no again may interrupt again if it comes back; likewise a notice.
        acknowledged.formIntersection(emergencySigns)
        shownNotices.formIntersection(raisedNotices)
        return .success(pendingEmergencies)
    }

    // MARK: Notices

    /// The notes that items answered yes ask to show at once (`notice:`), in question order:
    /// crisis help when someone says they feel hopeless, before any further question.
    public var raisedNotices: [String] {
        var ids: [String] = []
        for item in engine.askedItems(given: answers) where item.notice != nil && answers[item.id] == .bool(true) {
            if let id = item.notice, !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// Notices the person has not been shown yet.
    public var pendingNotices: [String] { raisedNotices.filter { !shownNotices.contains($0) } }

    /// The person has seen the current notices.
    public mutating func acknowledgeNotices() { shownNotices.formUnion(raisedNotices) }

    /// A notice in the words that hold for these answers (crisis help names the youth helpline
    /// under 18): as the result will show it, or the catalog's words while the result leaves it out.
    public func notice(_ id: String) -> CatalogEntry? {
        if let shown = report.notes.first(where: { $0.id == id }) { return shown.entry }
        return engine.index.entries[.note]?[id]
    }

    /// Emergency signs the answers give now: those whose rule sets the most urgent level.
    public var emergencySigns: [ItemID] { engine.emergencySigns(in: engine.evaluate(answers, on: today)) }

    /// Emergency signs the person has not yet been told about.
    public var pendingEmergencies: [ItemID] { emergencySigns.filter { !acknowledged.contains($0) } }

    /// The person has seen what to do about the current emergency signs.
    public mutating func acknowledgeEmergencies() { acknowledged.formUnion(emergencySigns) }

    /// Whether the answers so far already give the most urgent level, which no later answer
    /// can lower: a session that stops then reports that result, never "stopped early".
    public var emergencyStands: Bool { !emergencySigns.isEmpty }

    /// Every answer removed, to start over (a check-in starts again from what it carried over).
    public mutating func startOver() {
        answers = checkIn.map { CheckInContext.prefill(engine: engine, previous: $0.previous.answers, weeks: $0.weeks) } ?? AnswerSet()
        acknowledged = []
    }

    // MARK: Result

    /// The result of the answers so far.
    public var report: Report { Report(engine: engine, answers: answers, on: today) }

    /// What to save between runs; a check-in names its episode, so it continues as one.
    public func saved(at moment: Date) -> SavedSession {
        SavedSession(questionnaire: questionnaire.id, version: questionnaire.version, answers: answers, savedAt: moment,
                     checkInEpisode: checkIn?.episode.uuid)
    }

    /// The answers of an earlier run that this questionnaire still accepts.
    public static func resumable(_ saved: SavedSession, engine: Engine) -> AnswerSet {
        AnswerSet(saved.answers.values.filter { id, value in
            guard let item = engine.index.items[id] else { return false }
            if case .success = AnswerValidation.validate(value, for: item) { return true }
            return false
        })
    }
}
