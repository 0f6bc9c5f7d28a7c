#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The answers that matter to a questionnaire's rules, as finite classes: booleans, the options
/// of a choice, and numbers split at the constants the expressions compare them with. Search
/// fixes one answer at a time, only where an expression still depends on it, so a whole class
/// of answer sets is settled at once.
public struct AnswerSpace: Sendable {
    public let questionnaire: Questionnaire
    let index: QuestionnaireIndex
    /// The representative values of each item; `.unknown` where the item may stay unanswered.
    public let domains: [String: [Outcome]]
    private let engine: Engine

    /// The numbers each item is compared with, by item id: where its classes split.
    let constants: [String: Set<Double>]

    public init(_ questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.engine = Engine(questionnaire)
        self.index = engine.index
        var constants: [String: Set<Double>] = [:]
        var expressions = questionnaire.rules.map(\.condition) + questionnaire.derived.map(\.expression)
            + questionnaire.items.compactMap(\.condition) + questionnaire.invariants.compactMap(\.condition)
        expressions += questionnaire.safetyNet?.thresholds.map(\.condition) ?? []
        for e in expressions { Self.collectConstants(e.root, into: &constants, derived: index.derived) }
        if let net = questionnaire.safetyNet {
            for t in net.thresholds { constants[net.measure, default: []].formUnion(t.weeks) }
        }
        self.constants = constants
        var domains: [String: [Outcome]] = [:]
        for item in questionnaire.items {
            domains[item.id.rawValue] = Self.domain(of: item, splitAt: constants[item.id.rawValue] ?? [])
        }
        self.domains = domains
    }

    /// The classes of one item's answers, split at `constants`; `.unknown` last where the item
    /// may stay unanswered.
    static func domain(of item: Item, splitAt constants: Set<Double>) -> [Outcome] {
        var values = representatives(item, constants)
        if !item.required { values.append(.unknown) }
        return values
    }

    /// How many answer-set classes the whole space holds.
    public var size: Double { questionnaire.items.reduce(1.0) { $0 * Double(domains[$1.id.rawValue]?.count ?? 1) } }

    /// An answer set that makes `condition` true, or nil when none exists.
    public func witness(where condition: Expr) -> [ItemID: Value]? { find(condition).witness }

    /// Searches for an answer set making `goal` true; also returns how many partial answer sets
    /// were evaluated.
    func find(_ goal: Expr) -> (witness: [ItemID: Value]?, evaluations: Int) {
        var found: [String: Outcome]?
        let count = forEach(where: goal, deciding: []) { assignment, _ in
            found = assignment
            return false
        }
        return (found.map(complete), count)
    }

    /// Calls `body` once for every class of answer sets where `goal` is true and every
    /// expression in `deciding` is decided; `body` returns false to stop. Returns the number of
    /// partial answer sets evaluated.
    @discardableResult
    func forEach(where goal: Expr, deciding: [Expr], _ body: ([String: Outcome], Scope) -> Bool) -> Int {
        var stack: [[String: Outcome]] = [[:]]
        var evaluations = 0
        while let assignment = stack.popLast() {
            evaluations += 1
            let scope = Scope(index: index, answers: .partial(assignment), missing: .any)
            var split: String?
            switch scope.evaluate(goal) {
            case .yes:
                guard let open = deciding.first(where: { scope.evaluate($0) == .any }) else {
                    if body(assignment, scope) { continue } else { return evaluations }
                }
                split = splitVariable(for: open, assignment, scope)
            case .any:
                split = splitVariable(for: goal, assignment, scope)
            default:
                continue
            }
            guard let split, let domain = domains[split] else { continue }
            for value in domain.reversed() {
                var next = assignment
                next[split] = value
                stack.append(next)
            }
        }
        return evaluations
    }

    /// The first open answer an undecided expression depends on, looking through derived values
    /// and the conditions that decide whether an item is asked.
    func splitVariable(for expr: Expr, _ assignment: [String: Outcome], _ scope: Scope) -> String? {
        var seen = Set<String>()
        func find(_ e: Expr) -> String? {
            for id in e.references where seen.insert(id).inserted {
                if let item = index.items[ItemID(id)] {
                    if scope.isAsked(item) == .any, let c = item.condition, let v = find(c.root) { return v }
                    if assignment[id] == nil && scope.isAsked(item) != .no { return id }
                } else if let d = index.derived[id], scope.value(of: id) == .any, let v = find(d.expression.root) {
                    return v
                }
            }
            return nil
        }
        return find(expr)
    }

    /// Fills every open answer with its first representative, giving a concrete answer set.
    func complete(_ assignment: [String: Outcome]) -> [ItemID: Value] {
        var out: [ItemID: Value] = [:]
        for item in questionnaire.items {
            let chosen = assignment[item.id.rawValue] ?? domains[item.id.rawValue]?.first ?? Outcome.unknown
            if case .value(let v) = chosen { out[item.id] = v }
        }
        // Drop answers to items their conditions skip, so the set reads as a person would give it.
        let asked = Set(engine.askedItems(given: AnswerSet(out)).map(\.id))
        return out.filter { asked.contains($0.key) }
    }

    private static func representatives(_ item: Item, _ constants: Set<Double>) -> [Outcome] {
        switch item.kind {
        case .boolean: return [.no, .yes]
        case .choice: return item.options.map { .value(.string($0.value)) }
        case .multiChoice:
            // Every subset while small; else each option alone and none.
            let options = item.options.map(\.value)
            if options.count <= 6 {
                return (0..<(1 << options.count)).map { mask in
                    .value(.list(options.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)))
                }
            }
            return [.value(.list([]))] + options.map { .value(.list([$0])) }
        case .text: return [.value(.string("text"))]
        case .date: return [.value(.string("2026-01-01"))]
        case .integer, .decimal, .scale:
            let lo = item.minimum, hi = item.maximum
            var points = constants.filter { x in (lo.map { x >= $0 } ?? true) && (hi.map { x <= $0 } ?? true) }
            points.insert(lo ?? ((constants.min() ?? 0) - 1))
            points.insert(hi ?? ((constants.max() ?? 0) + 1))
            let sorted = points.sorted()
            var values = Set(sorted)
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                let mid: Double = item.kind == .decimal ? (a + b) / 2 : (a + 1 < b ? (a + 1) : a)
                values.insert(mid)
                if item.kind != .decimal && b - 1 > a { values.insert(b - 1) }
            }
            return values.sorted().map { Outcome.value(.number($0)) }
        }
    }

    /// Numeric literals compared with (expressions of) an item: the places its class changes.
    private static func collectConstants(_ e: Expr, into constants: inout [String: Set<Double>],
                                         derived: [String: DerivedValue]) {
        e.visit { node in
            let sides: [Expr]
            switch node {
            case .compare(_, let l, let r, _), .member(let l, let r, _, _): sides = [l, r]
            default: return
            }
            var numbers: [Double] = []
            var ids: [String] = []
            for side in sides {
                side.visit { if case .literal(.number(let n), _) = $0 { numbers.append(n) } }
                ids += side.references
            }
            for id in ids { constants[id, default: []].formUnion(numbers) }
        }
    }
}
