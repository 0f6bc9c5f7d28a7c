#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Proves a questionnaire's safety properties over every answer class (see `AnswerSpace`):
/// its declared invariants (a condition implies at least a triage level), that no result holds a
/// suggestion and a caution on one subject, that every rule can fire and every item can be asked.
///
/// Each property is a search for a counter-example over the whole space. The search fixes an
/// answer only while the property still depends on it, so a class of answer sets that the
/// property already settles is covered at once.
public struct Verifier: Sendable {
    public struct Failure: Sendable, CustomStringConvertible {
        public var property: String
        public var message: String
        /// An answer set that breaks the property, when there is one.
        public var counterExample: [ItemID: Value]?

        public var description: String {
            var out = "FAILED \(property): \(message)"
            if let counterExample {
                out += "\n  counter-example: " + counterExample.sorted { $0.key < $1.key }
                    .map { "\($0.key.rawValue)=\($0.value.plain)" }.joined(separator: " ")
            }
            return out
        }
    }

    public struct Report: Sendable {
        /// Answer-set classes in the space (the product of every item's classes); each property
        /// is proved over all of them.
        public var classes: Double
        /// Properties checked.
        public var properties: Int
        /// Partial answer sets evaluated to cover the space for every property.
        public var evaluations: Int
        public var seconds: Double
        public var failures: [Failure]
        public var passed: Bool { failures.isEmpty }
    }

    public let questionnaire: Questionnaire

    public init(_ questionnaire: Questionnaire) { self.questionnaire = questionnaire }

    /// Proves every property, on up to `workers` threads: the searches are independent, so each
    /// worker takes the next one with a search space of its own, and the failures are reported
    /// in the order the properties are listed, whichever thread found them.
    public func run(workers: Int = Parallel.processors()) -> Report {
        let started = Date()
        let tasks = Array(questionnaire.invariants.indices.map(Task.invariant)) + [.noConflicts, .everyRule, .everyItem]
        let q = questionnaire
        // One answer space per worker, reused for its tasks; a fresh tally for each task.
        let done = Parallel.map(tasks, workers: workers, state: { Search(q) }) { search, task in
            search.reset()
            search.run(task)
            return search
        }
        return Report(classes: done.first?.space.size ?? 0, properties: done.reduce(0) { $0 + $1.properties },
                      evaluations: done.reduce(0) { $0 + $1.evaluations },
                      seconds: Date().timeIntervalSince(started), failures: done.flatMap(\.failures))
    }

    /// One search of `run`: an invariant (by its place), or one of the properties every
    /// questionnaire has.
    fileprivate enum Task: Sendable {
        case invariant(Int)
        case noConflicts, everyRule, everyItem
    }
}

extension Search {
    mutating func reset() {
        failures = []
        evaluations = 0
        properties = 0
    }

    fileprivate mutating func run(_ task: Verifier.Task) {
        switch task {
        case .invariant(let i): prove(q.invariants[i])
        case .noConflicts: proveNoConflictsBeforeResolution()
        case .everyRule: proveEveryRuleCanFire()
        case .everyItem: proveEveryItemCanBeAsked()
        }
    }
}

/// The properties as searches for counter-examples. What a result shows is stated as an
/// expression over the answers: an entry shows when a rule bringing it fires and the level the
/// fired rules give lets it through (`ResultShape`); conflict resolution, which can only drop an
/// entry, is settled on each candidate by the engine itself.
private struct Search: Sendable {
    let q: Questionnaire
    let space: AnswerSpace
    let engine: Engine
    var failures: [Verifier.Failure] = []
    var evaluations = 0
    var properties = 0
    let said: ResultExpressions

    init(_ questionnaire: Questionnaire) {
        q = questionnaire
        said = ResultExpressions(questionnaire)
        space = AnswerSpace(questionnaire)
        engine = Engine(questionnaire)
    }

    // MARK: Expressions about results

    static func fires(_ e: Expr) -> Expr { ResultExpressions.fires(e) }
    static func any(_ list: [Expr]) -> Expr { ResultExpressions.any(list) }
    static func all(_ list: [Expr]) -> Expr { ResultExpressions.all(list) }
    static func not(_ e: Expr) -> Expr { .not(e, at: 0) }

    func rulesFiring(_ filter: (Rule) -> Bool) -> Expr { said.rulesFiring(filter) }
    func levelAtLeast(_ level: TriageLevel) -> Expr { said.levelAtLeast(level) }
    func levelIs(_ level: TriageLevel) -> Expr { said.levelIs(level) }

    func actionIs(_ action: Action) -> Expr { said.actionIs(action) }

    /// The level lets `entry` of `kind` through.
    func levelAllows(_ kind: CatalogEntry.Kind, _ entry: String) -> Expr {
        let allowing = q.triageLevels.filter { level in
            switch kind {
            case .suggestion: return level.result.suggestions
            case .caution: return level.result.cautions
            case .note: return level.result.allowsNote(entry)
            }
        }
        // Every result has exactly one level: where every level lets the entry through, nothing
        // need be searched to know it (crisis help at every level).
        if allowing.count == q.triageLevels.count { return .literal(.bool(true), at: 0) }
        return Self.any(allowing.map(levelIs))
    }

    /// Rules bring the entry and the level lets it through (conflict resolution aside).
    func shown(_ kind: CatalogEntry.Kind, _ entry: String) -> Expr {
        .and(rulesFiring { Self.brings($0, kind, entry) }, levelAllows(kind, entry))
    }

    static func brings(_ rule: Rule, _ kind: CatalogEntry.Kind, _ entry: String) -> Bool {
        switch kind {
        case .suggestion: return rule.suggest.contains(entry)
        case .caution: return rule.caution.contains(entry)
        case .note: return rule.notes.contains(entry)
        }
    }

    /// The result says when to check again.
    func nextCheckShown() -> Expr {
        guard let net = q.safetyNet else { return .literal(.bool(false), at: 0) }
        var earlier: [Expr] = []
        var cases: [Expr] = []
        for t in net.thresholds {
            let matches = Self.fires(t.condition.root)
            if let last = t.weeks.last {
                let before = Expr.compare(.lt, .reference(net.measure, at: 0), .literal(.number(last), at: 0), at: 0)
                cases.append(Self.all([matches, Self.not(Self.any(earlier)), before]))
            }
            earlier.append(matches)
        }
        return .and(Self.any(cases), Self.any(q.triageLevels.filter(\.result.nextCheck).map(levelIs)))
    }

    // MARK: Properties

    mutating func prove(_ invariant: Invariant) {
        var applies: [Expr] = invariant.condition.map { [Self.fires($0.root)] } ?? []
        var scope = invariant.condition.map { "'\($0.source)'" } ?? "every answer set"
        if let id = invariant.level, let level = q.level(id) {
            applies.append(levelIs(level))
            scope += " with a \(id) result"
        }
        let property = "invariant \(invariant.id)"
        if let id = invariant.atLeast, let required = q.level(id) {
            let engine = self.engine
            check(property, Self.all(applies + [Self.not(levelAtLeast(required))])) { witness in
                "\(scope) holds but the triage level is \(engine.evaluate(AnswerSet(witness)).level.id), below \(id)"
            }
        }
        if let id = invariant.action, let action = q.action(id) {
            let engine = self.engine
            check(property, Self.all(applies + [Self.not(actionIs(action))])) { witness in
                "\(scope) holds but the result's action is \(engine.evaluate(AnswerSet(witness)).action.id), not \(id)"
            }
        }
        for id in invariant.includes {
            for entry in q.catalog where entry.id == id {
                // Notes have no subject, so no conflict can drop them; suggestions and cautions may
                // be dropped by conflict resolution, which this does not model: name notes here.
                check(property, Self.all(applies + [Self.not(shown(entry.kind, id))])) { _ in
                    "\(scope) holds but the result does not hold the \(entry.kind.rawValue) '\(id)'"
                }
            }
        }
        if !invariant.watches.isEmpty, let id = invariant.level, let level = q.level(id) {
            properties += 1
            for action in invariant.watches where !level.result.watches(action) {
                failures.append(.init(property: property, message: "a \(id) result's watch list leaves out the signs of '\(action)'",
                                      counterExample: nil))
            }
        }
        for part in invariant.excludes {
            switch part {
            case .nextCheck:
                check(property, Self.all(applies + [nextCheckShown()])) { _ in "\(scope) holds but the result says when to check again" }
            case .suggestions, .cautions, .notes:
                let kind: CatalogEntry.Kind = part == .suggestions ? .suggestion : part == .cautions ? .caution : .note
                for entry in q.catalog where entry.kind == kind {
                    checkShown(property, applies, [(kind, entry.id)]) { "\(scope) holds but the result holds the \(kind.rawValue) '\(entry.id)'" }
                }
            }
        }
        if let allowed = invariant.onlyNotes {
            for note in q.catalog where note.kind == .note && !allowed.contains(note.id) {
                checkShown(property, applies, [(.note, note.id)]) { "\(scope) holds but the result holds the note '\(note.id)'" }
            }
        }
        for id in invariant.never {
            for entry in q.catalog where entry.id == id {
                checkShown(property, applies, [(entry.kind, id)]) { "\(scope) holds but the result holds the \(entry.kind.rawValue) '\(id)'" }
            }
        }
        if !invariant.neverTogether.isEmpty {
            let entries = invariant.neverTogether.compactMap { id in q.catalog.first { $0.id == id }.map { ($0.kind, id) } }
            checkShown(property, applies, entries) { "the result holds " + invariant.neverTogether.map { "'\($0)'" }.joined(separator: " and ") + " together" }
        }
    }

    /// Searches for an answer set where `goal` holds; every one is a counter-example.
    mutating func check(_ property: String, _ goal: Expr, _ message: ([ItemID: Value]) -> String) {
        properties += 1
        let (witness, count) = space.find(goal)
        evaluations += count
        if let witness { failures.append(.init(property: property, message: message(witness), counterExample: witness)) }
    }

    /// Searches for an answer set whose result shows every one of `entries` (and where `applies`
    /// holds). Candidates come from the expressions; the engine then resolves the conflicts of
    /// the entries' subjects on each, since resolution may drop an entry.
    mutating func checkShown(_ property: String, _ applies: [Expr], _ entries: [(CatalogEntry.Kind, String)],
                             _ message: () -> String) {
        properties += 1
        let (q, engine, space) = (self.q, self.engine, self.space)
        let goal = Self.all(applies + entries.map { shown($0.0, $0.1) })
        let subjects = Set(entries.compactMap { e in engine.index.entries[e.0]?[e.1]?.subject })
        let rival = q.rules.filter { rule in
            (rule.suggest.compactMap { engine.index.entries[.suggestion]?[$0]?.subject }
             + rule.caution.compactMap { engine.index.entries[.caution]?[$0]?.subject }).contains(where: subjects.contains)
        }
        let rivalIndexes = q.rules.indices.filter { i in rival.contains { $0.id == q.rules[i].id } }
        var counterExample: [ItemID: Value]?
        evaluations += space.forEach(where: goal, deciding: rival.map(\.condition.root)) { assignment, scope in
            let fired = rivalIndexes.filter { scope.evaluate(q.rules[$0].condition.root).isTrue }
            // Only the rules of the entries' subjects: the level is proved by the goal already.
            let a = engine.assess(scope: scope, fired: fired, on: Date(timeIntervalSince1970: 0), traced: false)
            let kept = entries.allSatisfy { kind, id in
                guard engine.index.entries[kind]?[id]?.subject != nil else { return true }
                let list = kind == .suggestion ? a.suggestions : kind == .caution ? a.cautions : a.notes
                return list.contains { $0.id == id }
            }
            if kept { counterExample = space.complete(assignment) }
            return !kept
        }
        if let counterExample { failures.append(.init(property: property, message: message(), counterExample: counterExample)) }
    }

    /// No rules bring a suggestion and a caution on one subject together, except the pairs the
    /// questionnaire allows (and settles by priority): a clash the content did not intend would
    /// otherwise be hidden by conflict resolution.
    mutating func proveNoConflictsBeforeResolution() {
        for suggestion in q.catalog where suggestion.kind == .suggestion {
            for caution in q.catalog where caution.kind == .caution && caution.subject != nil && caution.subject == suggestion.subject {
                if q.allowedConflicts.contains(AllowedConflict(suggestion: suggestion.id, caution: caution.id)) { continue }
                let goal = Expr.and(rulesFiring { $0.suggest.contains(suggestion.id) }, rulesFiring { $0.caution.contains(caution.id) })
                check("no conflict on '\(suggestion.subject ?? "")'", goal) { _ in
                    "rules bring both the suggestion '\(suggestion.id)' and the caution '\(caution.id)'"
                }
            }
        }
    }

    mutating func proveEveryRuleCanFire() {
        for rule in q.rules {
            properties += 1
            let (witness, count) = space.find(Self.fires(rule.condition.root))
            evaluations += count
            if witness == nil { failures.append(.init(property: "rule \(rule.id) can fire", message: "no answer set makes it fire")) }
        }
    }

    mutating func proveEveryItemCanBeAsked() {
        for item in q.items {
            guard let condition = item.condition else { continue }
            properties += 1
            let (witness, count) = space.find(Self.fires(condition.root))
            evaluations += count
            if witness == nil {
                failures.append(.init(property: "item \(item.id) can be asked", message: "no answer set makes '\(condition.source)' true"))
            }
        }
    }
}

extension Verifier.Failure {
    init(property: String, message: String) { self.init(property: property, message: message, counterExample: nil) }
}

/// What a result says, as expressions over the answers: a level is reached when a rule of that
/// level or a more urgent one fires. `verify` and `diff` search the answer classes with them.
struct ResultExpressions {
    let q: Questionnaire

    init(_ questionnaire: Questionnaire) { q = questionnaire }

    static func fires(_ e: Expr) -> Expr { .call(Evaluator.fires, [e], at: 0) }
    static func any(_ list: [Expr]) -> Expr {
        list.dropFirst().reduce(list.first ?? .literal(.bool(false), at: 0)) { .or($0, $1) }
    }
    static func all(_ list: [Expr]) -> Expr {
        list.dropFirst().reduce(list.first ?? .literal(.bool(true), at: 0)) { .and($0, $1) }
    }

    func rulesFiring(_ filter: (Rule) -> Bool) -> Expr { Self.any(q.rules.filter(filter).map { Self.fires($0.condition.root) }) }

    /// The result's level is at least `level`: a rule of that level or a more urgent one fires.
    func levelAtLeast(_ level: TriageLevel) -> Expr {
        if level == q.lowestLevel { return .literal(.bool(true), at: 0) }
        return rulesFiring { rule in rule.triage.flatMap(q.level).map { $0.rank <= level.rank } ?? false }
    }

    /// The result's level is exactly `level`.
    func levelIs(_ level: TriageLevel) -> Expr {
        let above = rulesFiring { rule in rule.triage.flatMap(q.level).map { $0.rank < level.rank } ?? false }
        return .and(levelAtLeast(level), .not(above, at: 0))
    }

    /// The result shows `action`: its level is the result's, a fired rule of that level calls
    /// for it (or, for the lowest level's default, no rule of the level fires), and no fired rule
    /// of that level calls for an action before it in the questionnaire's order.
    func actionIs(_ action: Action) -> Expr {
        guard let level = q.level(action.level) else { return .literal(.bool(false), at: 0) }
        func calledFor(_ rule: Rule) -> Action? { rule.triage == level.id ? q.action(rule.action ?? level.defaultAction) : nil }
        var shows = rulesFiring { calledFor($0)?.id == action.id }
        if level == q.lowestLevel && action.id == level.defaultAction {
            shows = .or(shows, .not(rulesFiring { $0.triage == level.id }, at: 0))
        }
        let earlier = rulesFiring { (calledFor($0)?.order ?? .max) < action.order }
        return Self.all([levelIs(level), shows, .not(earlier, at: 0)])
    }
}
