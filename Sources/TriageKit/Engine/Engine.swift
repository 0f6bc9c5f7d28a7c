#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A person's answers, keyed by item id.
public struct AnswerSet: Sendable, Hashable {
    public var values: [ItemID: Value]
    public init(_ values: [ItemID: Value] = [:]) { self.values = values }
    public subscript(_ id: ItemID) -> Value? {
        get { values[id] }
        set { values[id] = newValue }
    }
    /// The answers the questionnaire asks for, given these answers: an answer to an item whose
    /// condition is false takes no part (FHIR ignores answers to disabled items likewise).
    public func asked(by engine: Engine) -> AnswerSet { only(engine.askedIDs(given: self)) }

    /// The answers to these items only.
    public func only(_ ids: [ItemID]) -> AnswerSet {
        // Each id is hashed once: a set of the ids and a filter of the answers hashed it thrice.
        var kept: [ItemID: Value] = [:]
        kept.reserveCapacity(Swift.min(ids.count, values.count))
        for id in ids { if let value = values[id] { kept[id] = value } }
        return AnswerSet(kept)
    }
}

/// One answer set as an engine reads it: whether each item is asked and the values the rules
/// read, each worked out when first needed and then kept. Checking an answer set for missing
/// answers, naming the answers it ignores and evaluating it all read the same answers; sharing
/// one reading works each out once (a reading apiece was a sixth of a batch evaluation).
public final class AnswerReading {
    public let answers: AnswerSet
    let scope: Scope
    /// The asked required items without an answer, once worked out (checking and reporting
    /// both need them).
    fileprivate var missing: [Item]?

    fileprivate init(_ answers: AnswerSet, index: QuestionnaireIndex) {
        self.answers = answers
        scope = Scope(index: index, answers: answers)
    }

    /// The answer to the item at `position` in the order asked, found without hashing its id.
    public func answer(atPosition position: Int) -> Value? { scope.given(slot: scope.index.itemSlots[position]) }

    /// Whether the item at `position` in the order asked is asked with these answers.
    public func isAsked(atPosition position: Int) -> Bool { scope.isAsked(position: position) == .yes }
}

/// Turns answers into an `Assessment` by the questionnaire's rules. Knows nothing of screens.
public struct Engine: Sendable {
    public let questionnaire: Questionnaire
    public let index: QuestionnaireIndex

    public init(_ questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.index = QuestionnaireIndex(questionnaire)
    }

    /// A reading of `answers`, to share between the questions asked of the same answers.
    public func read(_ answers: AnswerSet) -> AnswerReading { AnswerReading(answers, index: index) }

    /// Evaluates `answers` as given on `date` (the day `nextCheck` counts from).
    public func evaluate(_ answers: AnswerSet, on date: Date = Date()) -> Assessment { evaluate(read(answers), on: date) }

    /// Evaluates the answers of `reading` (made by this engine) as given on `date`.
    public func evaluate(_ reading: AnswerReading, on date: Date = Date()) -> Assessment {
        let scope = scope(of: reading)
        let fired = index.resolvedConditions.indices.filter { scope.evaluate(index.resolvedConditions[$0]).isTrue }
        return assess(scope: scope, fired: fired, on: date, traced: true)
    }

    private func scope(of reading: AnswerReading) -> Scope {
        precondition(reading.scope.index === index, "an answer reading is used with the engine that made it")
        return reading.scope
    }

    /// Whether the item would be asked given these answers (its condition holds).
    public func isAsked(_ item: Item, given answers: AnswerSet) -> Bool {
        let scope = Scope(index: index, answers: answers)
        return scope.isAsked(item) == .yes
    }

    /// The items a person is asked, given the answers so far, in order.
    public func askedItems(given answers: AnswerSet) -> [Item] {
        let scope = Scope(index: index, answers: answers)
        return index.orderedItems.indices.filter { scope.isAsked(position: $0) == .yes }.map { index.orderedItems[$0] }
    }

    /// The ids of the items asked given these answers, in order. Cheaper than `askedItems` where
    /// only the ids are needed: no item is copied.
    public func askedIDs(given answers: AnswerSet) -> [ItemID] {
        let scope = Scope(index: index, answers: answers)
        return askedIDs(scope)
    }

    private func askedIDs(_ scope: Scope) -> [ItemID] {
        var ids: [ItemID] = []
        for i in index.orderedItems.indices where scope.isAsked(position: i) == .yes { ids.append(index.orderedItems[i].id) }
        return ids
    }

    /// Asked required items without an answer, in order.
    public func missingItems(in answers: AnswerSet) -> [Item] { missingItems(in: read(answers)) }

    /// Asked required items without an answer in `reading`, in order.
    public func missingItems(in reading: AnswerReading) -> [Item] {
        if let known = reading.missing { return known }
        let scope = scope(of: reading)
        var missing: [Item] = []
        for position in index.orderedItems.indices
        where index.orderedItems[position].required && scope.isAsked(position: position) == .yes && reading.answer(atPosition: position) == nil {
            missing.append(index.orderedItems[position])
        }
        reading.missing = missing
        return missing
    }

    /// Answered items the questionnaire does not ask with these answers, in order.
    public func ignoredAnswers(in answers: AnswerSet) -> [ItemID] { ignoredAnswers(in: read(answers)) }

    /// Answered items the questionnaire does not ask with the answers of `reading`, in order.
    public func ignoredAnswers(in reading: AnswerReading) -> [ItemID] { ignoredAnswers(scope(of: reading)) }

    /// The items that are or may still be asked: those whose condition is true or still waits
    /// for an answer. Its count is the honest "of N" while earlier answers are missing.
    public func possibleItems(given answers: AnswerSet) -> [Item] {
        let scope = Scope(index: index, answers: answers)
        return index.orderedItems.filter { item in
            guard let condition = item.condition else { return true }
            return scope.evaluate(condition.root) != .no
        }
    }

    /// The weeks of the safety net that apply to these answers (lower back: 6 and 12), whether
    /// passed or not; empty when no threshold's condition holds. A history draws them as lines.
    public func safetyNetWeeks(given answers: AnswerSet) -> [Double] {
        safetyNetWeeks(Scope(index: index, answers: answers))
    }

    /// The weeks of the safety net for the answers of `reading` (made by this engine).
    public func safetyNetWeeks(in reading: AnswerReading) -> [Double] { safetyNetWeeks(scope(of: reading)) }

    private func safetyNetWeeks(_ scope: Scope) -> [Double] {
        guard let net = questionnaire.safetyNet else { return [] }
        return net.thresholds.first { scope.evaluate($0.condition.root).isTrue }?.weeks ?? []
    }

    /// Builds the assessment from the rules that fired. Shared by `evaluate` and `verify`.
    func assess(scope: Scope, fired: [Int], on date: Date, traced: Bool) -> Assessment {
        let q = questionnaire
        var level: TriageLevel? = nil
        var trace: [Assessment.TraceEntry] = []
        var redFlags: [Assessment.RedFlag] = []
        // Conclusions in the order of the rules that first bring them; each remembers its rules.
        var suggestions = Brought(), cautions = Brought(), notes = Brought()
        var highlighted = Set<String>()

        for r in fired {
            let facts = traced ? self.facts(of: r, in: scope) : []
            let ruleId = q.rules[r].id
            func record(_ kind: Assessment.TraceKind, _ id: String) {
                if traced { trace.append(.init(kind: kind, id: id, rule: ruleId, answers: facts)) }
            }
            if let l = index.ruleLevels[r] {
                if level == nil || l > level! { level = l }
                record(.triage, l.id)
            }
            if let rf = q.rules[r].redFlag {
                redFlags.append(.init(item: rf.item, cause: rf.cause, rule: ruleId))
                record(.redFlag, rf.item.rawValue)
            }
            for id in q.rules[r].suggest { suggestions.add(id, rule: r); record(.suggestion, id) }
            for id in q.rules[r].caution { cautions.add(id, rule: r); record(.caution, id) }
            for id in q.rules[r].notes { notes.add(id, rule: r); record(.note, id) }
            if !q.rules[r].highlight.isEmpty { highlighted.formUnion(q.rules[r].highlight) }
        }

        // A suggestion and a caution on one subject never both appear: the higher rule priority
        // wins; at a tie, the caution (the safer side).
        var conflicts: [Assessment.ResolvedConflict] = []
        // Looked up once, not once for every suggestion (dropping one leaves the list as it is).
        let cautionSubjects = cautions.list.map { index.entries[.caution]?[$0.id]?.subject }
        for s in suggestions.list {
            guard let subject = index.entries[.suggestion]?[s.id]?.subject else { continue }
            for (c, cautionSubject) in zip(cautions.list, cautionSubjects) where cautionSubject == subject {
                let sp = s.rules.map { q.rules[$0].priority }.max() ?? 0, cp = c.rules.map { q.rules[$0].priority }.max() ?? 0
                if sp > cp {
                    cautions.drop(c.id)
                    conflicts.append(.init(subject: subject, kept: s.id, keptKind: .suggestion, dropped: c.id,
                                           reason: "suggestion priority \(sp) above caution priority \(cp)"))
                } else {
                    suggestions.drop(s.id)
                    conflicts.append(.init(subject: subject, kept: c.id, keptKind: .caution, dropped: s.id,
                                           reason: sp == cp ? "equal priority \(sp): the caution wins" : "caution priority \(cp) above suggestion priority \(sp)"))
                }
            }
        }
        if traced && !conflicts.isEmpty {
            trace.removeAll { ($0.kind == .suggestion && suggestions.dropped.contains($0.id)) || ($0.kind == .caution && cautions.dropped.contains($0.id)) }
        }
        func conclusions(_ brought: Brought) -> [Assessment.Conclusion] {
            brought.list.filter { !brought.dropped.contains($0.id) }.map {
                .init(id: $0.id, rules: $0.rules.map { q.rules[$0].id }, highlighted: highlighted.contains($0.id))
            }
        }
        var cautionList = conclusions(cautions)
        // Highlighted cautions first: they matter most to this person.
        if !highlighted.isEmpty { cautionList = cautionList.filter(\.highlighted) + cautionList.filter { !$0.highlighted } }
        var suggestionList = conclusions(suggestions), noteList = conclusions(notes)
        // A banner note (crisis help) stands first among the notes, on every output.
        if noteList.contains(where: { index.entries[.note]?[$0.id]?.banner == true }) {
            noteList = noteList.filter { index.entries[.note]?[$0.id]?.banner == true } + noteList.filter { index.entries[.note]?[$0.id]?.banner != true }
        }

        // The level decides what the result may say: a red flag calls for action, not advice.
        var withheld: [Assessment.Withheld] = []
        let shape = level?.result ?? ResultShape()
        func keep(_ list: inout [Assessment.Conclusion], _ kind: CatalogEntry.Kind, _ allowed: (String) -> Bool) {
            for c in list where !allowed(c.id) { withheld.append(.init(kind: kind, id: c.id)) }
            list.removeAll { !allowed($0.id) }
        }
        keep(&suggestionList, .suggestion) { _ in shape.suggestions }
        keep(&cautionList, .caution) { _ in shape.cautions }
        keep(&noteList, .note, shape.allowsNote)
        if traced && !withheld.isEmpty {
            trace.removeAll { t in withheld.contains { Assessment.TraceKind($0.kind) == t.kind && $0.id == t.id } }
        }

        var derived: [(id: String, value: Value)] = []
        for (id, slot) in index.derivedSlotsByID { if case .value(let v) = scope.value(at: slot) { derived.append((id, v)) } }

        // Every questionnaire that passes `check` has levels; the lowest is the default result.
        let result = level ?? q.lowestLevel ?? TriageLevel(id: "", rank: 0, title: LocalizedText([:]), defaultAction: "")
        markVariants(&suggestionList, .suggestion, scope)
        markVariants(&cautionList, .caution, scope)
        markVariants(&noteList, .note, scope)
        return Assessment(questionnaire: q.id, version: q.version, level: result, action: action(of: fired, at: result, scope),
                          redFlags: redFlags, suggestions: suggestionList,
                          cautions: cautionList, notes: noteList,
                          firedRules: fired.map { q.rules[$0].id }, derivedValues: derived, trace: trace, conflicts: conflicts,
                          nextCheck: shape.nextCheck ? nextCheck(scope, from: date) : nil,
                          watchList: watchList(scope, shape), withheld: withheld,
                          ignoredAnswers: ignoredAnswers(scope), answeredOn: date,
                          askedItems: traced ? askedIDs(scope) : [])
    }

    /// The first action, in the questionnaire's order, among those of the fired rules of
    /// `level`; the level's default when no fired rule of it has one (no rule fired at all).
    private func action(of fired: [Int], at level: TriageLevel, _ scope: Scope) -> Action {
        var chosen: Action? = nil
        for r in fired where index.ruleLevels[r]?.id == level.id {
            if let a = index.ruleActions[r], chosen == nil || a.order < chosen!.order { chosen = a }
        }
        var action = chosen ?? index.actions[level.defaultAction]
            ?? Action(id: level.defaultAction, level: level.id, order: 0, text: LocalizedText([:]))
        if let conditions = index.actionVariants[action.id],
           let holding = conditions.firstIndex(where: { scope.evaluate($0).isTrue }) {
            action.text = action.variants[holding].text
        }
        return action
    }

    /// Marks each conclusion with the first of its entry's variants that holds.
    private func markVariants(_ list: inout [Assessment.Conclusion], _ kind: CatalogEntry.Kind, _ scope: Scope) {
        guard let variants = index.entryVariants[kind], !variants.isEmpty else { return }
        for i in list.indices {
            guard let conditions = variants[list[i].id] else { continue }
            list[i].variant = conditions.firstIndex { scope.evaluate($0).isTrue }
        }
    }

    /// Warning signs answered no, grouped by the action each would call for, in the actions' order.
    private func watchList(_ scope: Scope, _ shape: ResultShape) -> [Assessment.WatchGroup] {
        var byAction: [String: [ItemID]] = [:]
        for sign in index.watchedSigns where scope.value(at: sign.slot) == .no {
            guard let placement = sign.placements.first(where: { $0.condition.map { scope.evaluate($0).isTrue } ?? true }),
                  shape.watches(placement.action) else { continue }
            byAction[placement.action, default: []].append(sign.id)
        }
        if byAction.isEmpty { return [] }
        return questionnaire.actions.compactMap { action in byAction[action.id].map { .init(action: action, items: $0) } }
    }

    /// Answered items that are not asked, in questionnaire order.
    private func ignoredAnswers(_ scope: Scope) -> [ItemID] {
        guard case .fixed = scope.answers else { return [] }
        var ids: [ItemID] = []
        for i in index.orderedItems.indices where scope.isAsked(position: i) == .no && scope.given(slot: index.itemSlots[i]) != nil {
            ids.append(index.orderedItems[i].id)
        }
        return ids
    }

    /// The answers and derived values that decide a rule's condition (not the alternatives of
    /// an `or` that did not hold). A derived value is shown as itself (`phase = acute`), not as
    /// the answers behind it: its definition says the rest.
    private func facts(of rule: Int, in scope: Scope) -> [Assessment.AnswerFact] {
        // A handful of ids: comparing them is cheaper than hashing them into a set.
        let deciding = Evaluator.decidingReferences(index.resolvedConditions[rule], in: scope)
        return index.references[rule].filter { deciding.contains($0.id) }.map { reference in
            if case .value(let v) = scope.value(at: reference.slot) { return .init(id: reference.id, value: v) }
            return .init(id: reference.id, value: nil)
        }
    }

    /// The warning signs of an assessment whose rules set the most urgent level. No further
    /// answer can lower that level, so answers that stop there (a session ended early, a file
    /// with questions left open) already have their result.
    public func emergencySigns(in assessment: Assessment) -> [ItemID] {
        guard let top = questionnaire.mostUrgentLevel else { return [] }
        return assessment.redFlags.filter { index.rules[$0.rule]?.triage.flatMap(questionnaire.level) == top }.map(\.item)
    }

    private func nextCheck(_ scope: Scope, from date: Date) -> Assessment.NextCheck? {
        guard let net = questionnaire.safetyNet, case .value(.number(let current)) = scope.value(of: net.measure),
              let thresholds = net.thresholds.first(where: { scope.evaluate($0.condition.root).isTrue }),
              let next = thresholds.weeks.first(where: { $0 > current }) else { return nil }
        // In whole days from the day the pain began, which is the duration rounded to the nearest
        // day (as the history counts it), so the date is that start plus the threshold's weeks;
        // and never the day of answering itself, as the threshold is not reached yet.
        let days = max(1, (next * 7).rounded() - (current * 7).rounded())
        // Days are counted in UTC, which has no daylight-saving shifts: a day is 86,400 seconds.
        let when = date.addingTimeInterval(days * 86_400)
        return .init(weeks: next, date: when)
    }
}

/// The catalog entries fired rules bring, in order, each with the rules that brought it.
private struct Brought {
    var list: [(id: String, rules: [Int])] = []
    var dropped = Set<String>()

    mutating func add(_ id: String, rule: Int) {
        if let i = list.firstIndex(where: { $0.id == id }) { list[i].rules.append(rule) } else { list.append((id, [rule])) }
    }

    mutating func drop(_ id: String) { dropped.insert(id) }
}

extension Calendar {
    /// Dates are whole days; computing in UTC keeps them the same on every machine.
    public static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = .gmt
        return c
    }()
}
