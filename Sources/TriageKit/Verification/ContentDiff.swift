#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a content change does to results: two versions of a questionnaire compared over the
/// answer classes of both (see `AnswerSpace`), for the people who must give a reason for every
/// result a change makes less urgent.
///
/// Level and action changes are counted exactly by a search over the classes, as `verify`
/// proves its properties. Every other part of the result is compared class by class: over every class when
/// there are no more of them than `samples`, else over a seeded random sample of that many.
public struct ContentDiff: Sendable {
    /// A kind of change of the result.
    public enum Change: Hashable, Sendable {
        case level(from: String, to: String)
        case action(from: String, to: String)
        case entry(CatalogEntry.Kind, id: String, added: Bool)
        /// The weeks of the next check; nil where the result says none.
        case nextCheck(from: Double?, to: Double?)
    }

    /// One kind of change, how many answer classes it touches and an answer set that shows it.
    public struct Finding: Sendable {
        public var change: Change
        /// Classes with this change: of every class when `exact`, else of the sampled classes.
        public var count: UInt128
        public var exact: Bool
        /// The result is less urgent in NEW.
        public var lowersLevel: Bool
        public var witness: Witness
    }

    /// A concrete answer set showing a change: the answers each version asks, and which of
    /// them the change needs (every other answer is its item's first class: no, the lowest
    /// number, the first option).
    public struct Witness: Sendable {
        public var old: [ItemID: Value]
        public var new: [ItemID: Value]
        /// The answers that differ from the first class, in questionnaire order.
        public var decisive: [ItemID]
    }

    /// How much of the space the class-by-class comparison saw.
    public enum Coverage: Sendable, Equatable {
        case every
        case sample(size: Int, seed: UInt64)
    }

    public let old: Questionnaire
    public let new: Questionnaire
    /// Items in both versions with the same type: compared over the classes both accept.
    public var shared: [ItemID]
    /// Items only NEW has: every class of them is part of the comparison (OLD ignores them).
    public var added: [ItemID]
    /// Items only OLD has: every class of them is part of the comparison (NEW ignores them).
    public var removed: [ItemID]
    /// Items in both whose type changed: compared as two different items, each version
    /// reading only its own.
    public var retyped: [ItemID]
    /// Shared items whose question reads differently in NEW (in any language): the same answer
    /// may now mean another thing, which no comparison of answer classes can see.
    public var reworded: [ItemID]
    /// Answer classes of the comparison: the product of every item's classes.
    public var classes: UInt128
    public var coverage: Coverage
    /// Classes compared one by one (all of them, or the sample).
    public var compared: Int
    /// Classes the level search could not settle (zero unless an expression defeats the search).
    public var unsettled: UInt128
    /// Most pressing first: lowered levels, raised levels, then the other changes, each by count.
    public var findings: [Finding]

    public var lowersLevel: Bool { findings.contains(where: \.lowersLevel) }

    /// Compares `old` with `new` on `day` (from which next checks count). `samples` bounds the
    /// class-by-class comparison; `seed` picks the sample.
    public init(old: Questionnaire, new: Questionnaire, samples: Int = 20_000, seed: UInt64 = 1, on day: Date) {
        self.old = old
        self.new = new
        let space = JointSpace(old: old, new: new)
        shared = space.shared
        added = space.added
        removed = space.removed
        retyped = space.retyped
        reworded = space.shared.filter { id in
            guard let a = old.item(id), let b = new.item(id) else { return false }
            return new.languages.contains { a.text[$0] != b.text[$0] }
        }
        classes = space.total
        var collector = FindingCollector(space: space, day: day)

        // Levels and actions: exactly, one search for each of OLD's, split by NEW's.
        var unsettled: UInt128 = 0
        let oldSaid = ResultExpressions(old), newSaid = ResultExpressions(new)
        func search(_ change: (Int) -> Change?, _ goalOld: Expr, _ cases: [Expr]) {
            let result = space.partition(old: goalOld, new: cases)
            unsettled += result.unsettled
            for (i, count) in result.counts.enumerated() where count > 0 {
                if let change = change(i), let leaf = result.firsts[i] {
                    collector.record(change, count: count, exact: true, candidate: space.completed(leaf))
                }
            }
        }
        for from in old.triageLevels {
            search({ new.triageLevels[$0].id == from.id ? nil : .level(from: from.id, to: new.triageLevels[$0].id) },
                   oldSaid.levelIs(from), new.triageLevels.map(newSaid.levelIs))
        }
        for from in old.actions {
            search({ new.actions[$0].id == from.id ? nil : .action(from: from.id, to: new.actions[$0].id) },
                   oldSaid.actionIs(from), new.actions.map(newSaid.actionIs))
        }
        self.unsettled = unsettled

        // Everything else: every class, or a sample.
        if space.total <= UInt128(max(samples, 0)) {
            coverage = .every
            compared = space.forEveryClass { collector.compare($0, exact: true) }
        } else {
            coverage = .sample(size: samples, seed: seed)
            var random = SplitMix64(seed: seed)
            for _ in 0..<samples { collector.compare(space.randomClass(&random), exact: false) }
            compared = samples
        }
        findings = collector.findings(lowering: { from, to in Self.isLower(to, than: from, old: old, new: new) })
    }

    /// Whether level `to` of NEW is less urgent than level `from` of OLD: by NEW's order when it
    /// has both ids, else by each version's own ranks.
    static func isLower(_ to: String, than from: String, old: Questionnaire, new: Questionnaire) -> Bool {
        if let t = new.level(to), let f = new.level(from) { return t < f }
        guard let t = new.level(to), let f = old.level(from) else { return false }
        return t.rank > f.rank
    }
}

/// The aspects of a result a content change is judged on.
private struct ResultParts: Equatable {
    var level: String
    var action: String
    var entries: [CatalogEntry.Kind: Set<String>]
    var nextCheck: Double?

    init(_ a: Assessment) {
        level = a.level.id
        action = a.action.id
        entries = [.suggestion: Set(a.suggestions.map(\.id)), .caution: Set(a.cautions.map(\.id)), .note: Set(a.notes.map(\.id))]
        nextCheck = a.nextCheck?.weeks
    }

    /// Every change from `self` (OLD) to `other` (NEW) but the level and the action, which are
    /// searched.
    func changes(to other: ResultParts) -> [ContentDiff.Change] {
        var out: [ContentDiff.Change] = []
        for kind in [CatalogEntry.Kind.suggestion, .caution, .note] {
            let before = entries[kind] ?? [], after = other.entries[kind] ?? []
            for id in after.subtracting(before).sorted() { out.append(.entry(kind, id: id, added: true)) }
            for id in before.subtracting(after).sorted() { out.append(.entry(kind, id: id, added: false)) }
        }
        if nextCheck != other.nextCheck { out.append(.nextCheck(from: nextCheck, to: other.nextCheck)) }
        return out
    }
}

/// Counts the changes and keeps the smallest answer set showing each.
private struct FindingCollector {
    let space: JointSpace
    let day: Date
    private var counts: [ContentDiff.Change: (count: UInt128, exact: Bool, witness: [String: Outcome])] = [:]
    private var order: [ContentDiff.Change] = []

    init(space: JointSpace, day: Date) {
        self.space = space
        self.day = day
    }

    mutating func record(_ change: ContentDiff.Change, count: UInt128, exact: Bool, candidate: [String: Outcome]) {
        if var known = counts[change] {
            known.count += count
            if space.distance(candidate) < space.distance(known.witness) { known.witness = candidate }
            counts[change] = known
        } else {
            counts[change] = (count, exact, candidate)
            order.append(change)
        }
    }

    /// Compares one class (every item assigned) and records its changes.
    mutating func compare(_ assignment: [String: Outcome], exact: Bool) {
        let (old, new) = space.results(assignment, on: day)
        for change in old.changes(to: new) { record(change, count: 1, exact: exact, candidate: assignment) }
    }

    /// The findings, most pressing first, each with a witness made as small as it goes.
    func findings(lowering: (String, String) -> Bool) -> [ContentDiff.Finding] {
        let list = order.map { change -> ContentDiff.Finding in
            let c = counts[change]!
            var lowers = false
            if case .level(let from, let to) = change { lowers = lowering(from, to) }
            return ContentDiff.Finding(change: change, count: c.count, exact: c.exact, lowersLevel: lowers,
                                       witness: space.witness(minimizing: c.witness, keeping: change, on: day))
        }
        func rank(_ f: ContentDiff.Finding) -> Int {
            if f.lowersLevel { return 0 }
            switch f.change {
            case .level: return 1
            case .action: return 2
            case .nextCheck: return 3
            case .entry: return 4
            }
        }
        return list.enumerated().sorted { a, b in
            (rank(a.element), b.element.count, a.offset) < (rank(b.element), a.element.count, b.offset)
        }.map(\.element)
    }
}

/// The answer classes of two versions side by side: one assignment of classes is read by both.
struct JointSpace {
    let oldSpace: AnswerSpace
    let newSpace: AnswerSpace
    /// Every item of either version, NEW's first, in questionnaire order.
    let order: [String]
    let domains: [String: [Outcome]]
    let total: UInt128
    var shared: [ItemID] = [], added: [ItemID] = [], removed: [ItemID] = [], retyped: [ItemID] = []
    private let oldEngine: Engine
    private let newEngine: Engine

    init(old: Questionnaire, new: Questionnaire) {
        oldSpace = AnswerSpace(old)
        newSpace = AnswerSpace(new)
        oldEngine = Engine(old)
        newEngine = Engine(new)
        let oldItems = Dictionary(old.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.items.map(\.id))
        var domains: [String: [Outcome]] = [:]
        for item in new.items {
            let id = item.id.rawValue
            guard let before = oldItems[item.id] else {
                added.append(item.id)
                domains[id] = newSpace.domains[id]
                continue
            }
            // Split where either version compares the answer, and keep the answers both accept.
            let splits = (oldSpace.constants[id] ?? []).union(newSpace.constants[id] ?? [])
            let both = AnswerSpace.domain(of: item, splitAt: splits).filter { outcome in
                switch outcome {
                case .value(let v): return (try? AnswerValidation.validate(v, for: before).get()) != nil
                default: return !before.required
                }
            }
            if before.kind != item.kind || both.isEmpty {
                retyped.append(item.id)
                domains[id] = newSpace.domains[id]
            } else {
                shared.append(item.id)
                domains[id] = both
            }
        }
        for item in old.items where !newIDs.contains(item.id) {
            removed.append(item.id)
            domains[item.id.rawValue] = oldSpace.domains[item.id.rawValue]
        }
        order = new.items.map(\.id.rawValue) + removed.map(\.rawValue)
        self.domains = domains
        total = order.reduce(UInt128(1)) { $0 * UInt128(domains[$1]?.count ?? 1) }
    }

    /// Classes in the part of the space an assignment leaves open.
    func weight(_ assignment: [String: Outcome]) -> UInt128 {
        order.reduce(UInt128(1)) { w, id in assignment[id] == nil ? w * UInt128(domains[id]?.count ?? 1) : w }
    }

    /// How many classes make `old` true of OLD and each of `cases` true of NEW (the cases
    /// exclude each other, as the levels of a result do), with the first partial assignment found
    /// for each. The search fixes an answer only while a version still depends on it;
    /// `unsettled` counts classes where no answer is left to fix and the outcome is still open.
    func partition(old goalOld: Expr, new cases: [Expr]) -> (counts: [UInt128], firsts: [[String: Outcome]?], unsettled: UInt128) {
        var stack: [[String: Outcome]] = [[:]]
        var counts = [UInt128](repeating: 0, count: cases.count)
        var firsts = [[String: Outcome]?](repeating: nil, count: cases.count)
        var unsettled: UInt128 = 0
        while let assignment = stack.popLast() {
            let oldScope = Scope(index: oldSpace.index, answers: .partial(assignment), missing: .any)
            var split: String?
            switch oldScope.evaluate(goalOld) {
            case .yes:
                let newScope = Scope(index: newSpace.index, answers: .partial(assignment), missing: .any)
                var open: Expr?
                var settled = false
                for (i, c) in cases.enumerated() {
                    let outcome = newScope.evaluate(c)
                    if outcome == .yes {
                        counts[i] += weight(assignment)
                        if firsts[i] == nil { firsts[i] = assignment }
                        settled = true
                        break
                    }
                    if outcome == .any && open == nil { open = c }
                }
                if settled { continue }
                if let open { split = newSpace.splitVariable(for: open, assignment, newScope) }
            case .any:
                split = oldSpace.splitVariable(for: goalOld, assignment, oldScope)
            default:
                continue
            }
            guard let split, let domain = domains[split] else {
                unsettled += weight(assignment)
                continue
            }
            for value in domain.reversed() {
                var next = assignment
                next[split] = value
                stack.append(next)
            }
        }
        return (counts, firsts, unsettled)
    }

    /// A partial assignment with every open item at its first class.
    func completed(_ assignment: [String: Outcome]) -> [String: Outcome] {
        var out = assignment
        for id in order where out[id] == nil { out[id] = domains[id]?.first ?? .unknown }
        return out
    }

    /// Calls `body` with every class in turn; returns how many there were.
    func forEveryClass(_ body: ([String: Outcome]) -> Void) -> Int {
        var digits = [Int](repeating: 0, count: order.count)
        var visited = 0
        while true {
            var assignment: [String: Outcome] = [:]
            for (i, id) in order.enumerated() { assignment[id] = domains[id]?[digits[i]] ?? .unknown }
            body(assignment)
            visited += 1
            var i = 0
            while i < order.count {
                digits[i] += 1
                if digits[i] < (domains[order[i]]?.count ?? 1) { break }
                digits[i] = 0
                i += 1
            }
            if i == order.count { return visited }
        }
    }

    /// One class, every item's class drawn with equal chance.
    func randomClass(_ random: inout SplitMix64) -> [String: Outcome] {
        var assignment: [String: Outcome] = [:]
        for id in order {
            let domain = domains[id] ?? [.unknown]
            assignment[id] = domain[Int(random.next() % UInt64(domain.count))]
        }
        return assignment
    }

    /// How many answers differ from their item's first class: the smaller, the easier to read.
    func distance(_ assignment: [String: Outcome]) -> Int {
        order.filter { id in assignment[id] != nil && assignment[id] != domains[id]?.first }.count
    }

    /// The answers each version reads from one class: its own items, those its conditions ask.
    func answers(_ assignment: [String: Outcome]) -> (old: AnswerSet, new: AnswerSet) {
        func side(_ engine: Engine) -> AnswerSet {
            var values: [ItemID: Value] = [:]
            for item in engine.questionnaire.items {
                if case .value(let v)? = assignment[item.id.rawValue] { values[item.id] = v }
            }
            return AnswerSet(values).asked(by: engine)
        }
        return (side(oldEngine), side(newEngine))
    }

    fileprivate func results(_ assignment: [String: Outcome], on day: Date) -> (old: ResultParts, new: ResultParts) {
        let (o, n) = answers(assignment)
        return (ResultParts(oldEngine.evaluate(o, on: day)), ResultParts(newEngine.evaluate(n, on: day)))
    }

    /// Whether one class shows `change`.
    private func shows(_ change: ContentDiff.Change, _ assignment: [String: Outcome], on day: Date) -> Bool {
        let (o, n) = results(assignment, on: day)
        switch change {
        case .level(let from, let to): return o.level == from && n.level == to
        case .action(let from, let to): return o.action == from && n.action == to
        default: return o.changes(to: n).contains(change)
        }
    }

    /// `candidate` with every answer put back to its item's first class where the change still
    /// shows without it: an answer set that needs each answer it keeps.
    func witness(minimizing candidate: [String: Outcome], keeping change: ContentDiff.Change, on day: Date) -> ContentDiff.Witness {
        var current = completed(candidate)
        for id in order {
            guard let first = domains[id]?.first, current[id] != first else { continue }
            var trial = current
            trial[id] = first
            if shows(change, trial, on: day) { current = trial }
        }
        let (o, n) = answers(current)
        let decisive = order.filter { current[$0] != domains[$0]?.first }.map { ItemID($0) }
            .filter { n[$0] != nil || o[$0] != nil }
        return ContentDiff.Witness(old: o.values, new: n.values, decisive: decisive)
    }
}
