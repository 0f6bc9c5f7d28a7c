import Foundation

/// A person's answers, keyed by item id.
public struct AnswerSet: Sendable, Hashable {
    public var values: [String: Value]
    public init(_ values: [String: Value] = [:]) { self.values = values }
    public subscript(_ id: String) -> Value? {
        get { values[id] }
        set { values[id] = newValue }
    }
}

/// Turns answers into an `Assessment` by the questionnaire's rules. Knows nothing of screens.
public struct Engine: Sendable {
    public let questionnaire: Questionnaire
    public let index: QuestionnaireIndex

    public init(_ questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        self.index = QuestionnaireIndex(questionnaire)
    }

    /// Evaluates `answers` as given on `date` (the day `nextCheck` counts from).
    public func evaluate(_ answers: AnswerSet, on date: Date = Date()) -> Assessment {
        let scope = Scope(questionnaire, index: index, answers: answers.values.mapValues(Outcome.value), missing: .unknown)
        let fired = questionnaire.rules.filter { scope.evaluate($0.condition.root).isTrue }
        return assess(scope: scope, fired: fired, on: date, traced: true)
    }

    /// Whether the item would be asked given these answers (its condition holds).
    public func isAsked(_ item: Item, given answers: AnswerSet) -> Bool {
        let scope = Scope(questionnaire, index: index, answers: answers.values.mapValues(Outcome.value), missing: .unknown)
        return scope.isAsked(item) == .yes
    }

    /// The items a person is asked, given the answers so far, in order.
    public func askedItems(given answers: AnswerSet) -> [Item] {
        let scope = Scope(questionnaire, index: index, answers: answers.values.mapValues(Outcome.value), missing: .unknown)
        return questionnaire.items.filter { scope.isAsked($0) == .yes }
    }

    /// The items that are or may still be asked: those whose condition is true or still waits
    /// for an answer. Its count is the honest "of N" while earlier answers are missing.
    public func possibleItems(given answers: AnswerSet) -> [Item] {
        let scope = Scope(questionnaire, index: index, answers: answers.values.mapValues(Outcome.value), missing: .unknown)
        return questionnaire.items.filter { item in
            guard let condition = item.condition else { return true }
            return scope.evaluate(condition.root) != .no
        }
    }

    /// Builds the assessment from the rules that fired. Shared by `evaluate` and `verify`.
    func assess(scope: Scope, fired: [Rule], on date: Date, traced: Bool) -> Assessment {
        let q = questionnaire
        var level = q.lowestLevel
        var trace: [Assessment.TraceEntry] = []
        var redFlags: [Assessment.RedFlag] = []
        // Conclusions in the order of the rules that first bring them; each remembers all its rules.
        var brought: [CatalogEntry.Kind: [(id: String, rules: [Rule])]] = [.suggestion: [], .caution: [], .note: []]
        var highlighted = Set<String>()

        for rule in fired {
            let facts = traced ? self.facts(of: rule, in: scope) : []
            func record(_ conclusion: String) {
                if traced { trace.append(.init(conclusion: conclusion, rule: rule.id, answers: facts)) }
            }
            if let id = rule.triage, let l = index.levels[id] {
                if level == nil || l.rank < level!.rank { level = l }
                record("triage:\(id)")
            }
            if let rf = rule.redFlag {
                redFlags.append(.init(item: rf.item, cause: rf.cause, rule: rule.id))
                record("red_flag:\(rf.item)")
            }
            for (ids, kind) in [(rule.suggest, CatalogEntry.Kind.suggestion), (rule.caution, .caution), (rule.notes, .note)] {
                for id in ids {
                    if let i = brought[kind]!.firstIndex(where: { $0.id == id }) {
                        brought[kind]![i].rules.append(rule)
                    } else {
                        brought[kind]!.append((id, [rule]))
                    }
                    record("\(kind.rawValue):\(id)")
                }
            }
            highlighted.formUnion(rule.highlight)
        }

        // A suggestion and a caution on one subject never both appear: the higher rule priority
        // wins; at a tie, the caution (the safer side).
        var conflicts: [Assessment.ResolvedConflict] = []
        var droppedSuggestions = Set<String>(), droppedCautions = Set<String>()
        for s in brought[.suggestion]! {
            guard let subject = q.entry(s.id, .suggestion)?.subject else { continue }
            for c in brought[.caution]! where q.entry(c.id, .caution)?.subject == subject {
                let sp = s.rules.map(\.priority).max() ?? 0, cp = c.rules.map(\.priority).max() ?? 0
                if sp > cp {
                    droppedCautions.insert(c.id)
                    conflicts.append(.init(subject: subject, kept: s.id, keptKind: .suggestion, dropped: c.id,
                                           reason: "suggestion priority \(sp) above caution priority \(cp)"))
                } else {
                    droppedSuggestions.insert(s.id)
                    conflicts.append(.init(subject: subject, kept: c.id, keptKind: .caution, dropped: s.id,
                                           reason: sp == cp ? "equal priority \(sp): the caution wins" : "caution priority \(cp) above suggestion priority \(sp)"))
                }
            }
        }
        func conclusions(_ kind: CatalogEntry.Kind, dropping dropped: Set<String>) -> [Assessment.Conclusion] {
            brought[kind]!.filter { !dropped.contains($0.id) }.map {
                .init(id: $0.id, rules: $0.rules.map(\.id), highlighted: highlighted.contains($0.id))
            }
        }
        var cautions = conclusions(.caution, dropping: droppedCautions)
        // Highlighted cautions first: they matter most to this person.
        cautions = cautions.filter(\.highlighted) + cautions.filter { !$0.highlighted }
        if traced {
            trace.removeAll { entry in
                (entry.conclusion.hasPrefix("suggestion:") && droppedSuggestions.contains(String(entry.conclusion.dropFirst(11))))
                    || (entry.conclusion.hasPrefix("caution:") && droppedCautions.contains(String(entry.conclusion.dropFirst(8))))
            }
        }

        var derived: [String: Value] = [:]
        for d in q.derived { if case .value(let v) = scope.value(of: d.id) { derived[d.id] = v } }

        let absent = q.items.filter { $0.isRedFlag && scope.value(of: $0.id) == .no }.map(\.id)

        return Assessment(questionnaire: q.id, version: q.version, triage: level?.id ?? "",
                          redFlags: redFlags, suggestions: conclusions(.suggestion, dropping: droppedSuggestions),
                          cautions: cautions, notes: conclusions(.note, dropping: []),
                          firedRules: fired.map(\.id), derived: derived, trace: trace, conflicts: conflicts,
                          nextCheck: nextCheck(scope, from: date), warningSignsAbsent: absent, answeredOn: date)
    }

    /// The answers and derived values a rule's condition reads. A derived value is shown as
    /// itself (`phase = acute`), not as the answers behind it: its definition says the rest.
    private func facts(of rule: Rule, in scope: Scope) -> [Assessment.AnswerFact] {
        rule.condition.root.references.map { id in
            if case .value(let v) = scope.value(of: id) { return .init(id: id, value: v) }
            return .init(id: id, value: nil)
        }
    }

    private func nextCheck(_ scope: Scope, from date: Date) -> Assessment.NextCheck? {
        guard let net = questionnaire.safetyNet, case .value(.number(let current)) = scope.value(of: net.measure),
              let thresholds = net.thresholds.first(where: { scope.evaluate($0.condition.root).isTrue }),
              let next = thresholds.weeks.first(where: { $0 > current }) else { return nil }
        let days = ((next - current) * 7).rounded(.up)
        let when = Calendar.utc.date(byAdding: .day, value: Int(days), to: date) ?? date
        return .init(weeks: next, date: when)
    }
}

extension Calendar {
    /// Dates are whole days; computing in UTC keeps them the same on every machine.
    public static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()
}
