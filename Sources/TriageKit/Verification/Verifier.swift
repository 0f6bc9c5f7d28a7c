import Foundation

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
        public var counterExample: [String: Value]?

        public var description: String {
            var out = "FAILED \(property): \(message)"
            if let counterExample {
                out += "\n  counter-example: " + counterExample.sorted { $0.key < $1.key }
                    .map { "\($0.key)=\($0.value.plain)" }.joined(separator: " ")
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

    private static func fires(_ e: Expr) -> Expr { .call(Evaluator.fires, [e], at: 0) }
    private static func any(_ list: [Expr]) -> Expr {
        list.dropFirst().reduce(list.first ?? .literal(.bool(false), at: 0)) { .or($0, $1) }
    }

    public func run() -> Report {
        let started = Date()
        let q = questionnaire
        let space = AnswerSpace(q)
        let engine = Engine(q)
        let levels = QuestionnaireIndex(q).levels
        var failures: [Failure] = []
        var evaluations = 0
        var properties = 0

        // Invariants: a counter-example is an answer set where the condition holds and no rule of
        // the required level or above fires.
        for invariant in q.invariants {
            properties += 1
            guard let required = levels[invariant.atLeast] else { continue }
            let strongEnough = q.rules.filter { ($0.triage.flatMap { levels[$0] }?.rank ?? Int.max) <= required.rank }
            let goal = Expr.and(Self.fires(invariant.condition.root), .not(Self.any(strongEnough.map { Self.fires($0.condition.root) }), at: 0))
            let (witness, count) = space.find(goal)
            evaluations += count
            if let witness {
                let level = engine.evaluate(AnswerSet(witness)).triage
                failures.append(Failure(property: "invariant \(invariant.id)",
                                        message: "'\(invariant.condition.source)' holds but the triage level is \(level), below \(invariant.atLeast)",
                                        counterExample: witness))
            }
        }

        // Conflicts: wherever rules bring both a suggestion and a caution on one subject, the
        // engine's result must keep only one. Every rule bringing either is decided first.
        for suggestion in q.catalog where suggestion.kind == .suggestion {
            for caution in q.catalog where caution.kind == .caution && caution.subject != nil && caution.subject == suggestion.subject {
                properties += 1
                let bringS = q.rules.filter { $0.suggest.contains(suggestion.id) }
                let bringC = q.rules.filter { $0.caution.contains(caution.id) }
                let goal = Expr.and(Self.any(bringS.map { Self.fires($0.condition.root) }), Self.any(bringC.map { Self.fires($0.condition.root) }))
                let relevant = (bringS + bringC).map(\.condition.root)
                var counterExample: [String: Value]?
                evaluations += space.forEach(where: goal, deciding: relevant) { assignment, scope in
                    let fired = q.rules.indices.filter { i in
                        (bringS + bringC).contains { $0.id == q.rules[i].id } && scope.evaluate(q.rules[i].condition.root).isTrue
                    }
                    let a = engine.assess(scope: scope, fired: fired, on: Date(timeIntervalSince1970: 0), traced: false)
                    if a.suggestions.contains(where: { $0.id == suggestion.id }) && a.cautions.contains(where: { $0.id == caution.id }) {
                        counterExample = space.complete(assignment)
                        return false
                    }
                    return true
                }
                if let counterExample {
                    failures.append(Failure(property: "no conflict on '\(suggestion.subject ?? "")'",
                                            message: "a result holds both the suggestion '\(suggestion.id)' and the caution '\(caution.id)'",
                                            counterExample: counterExample))
                }
            }
        }

        for rule in q.rules {
            properties += 1
            let (witness, count) = space.find(Self.fires(rule.condition.root))
            evaluations += count
            if witness == nil { failures.append(Failure(property: "rule \(rule.id) can fire", message: "no answer set makes it fire")) }
        }
        for item in q.items {
            guard let condition = item.condition else { continue }
            properties += 1
            let (witness, count) = space.find(Self.fires(condition.root))
            evaluations += count
            if witness == nil {
                failures.append(Failure(property: "item \(item.id) can be asked", message: "no answer set makes '\(condition.source)' true"))
            }
        }
        return Report(classes: space.size, properties: properties, evaluations: evaluations,
                      seconds: Date().timeIntervalSince(started), failures: failures)
    }
}

extension Verifier.Failure {
    init(property: String, message: String) { self.init(property: property, message: message, counterExample: nil) }
}
