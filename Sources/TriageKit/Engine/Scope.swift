/// Looks up answers and derived values for the evaluator, applying the questionnaire's own
/// conditions: an answer to an item that would not be asked counts as unknown.
///
/// The same scope serves the engine (every answer fixed; missing ones unknown) and `verify`
/// (answers not yet fixed are `.any`), so both read the rules in exactly one way.
final class Scope {
    let questionnaire: Questionnaire
    let index: QuestionnaireIndex
    private let answers: [String: Outcome]
    private let missing: Outcome
    private var cache: [String: Outcome] = [:]
    private var resolving: Set<String> = []

    init(_ questionnaire: Questionnaire, index: QuestionnaireIndex, answers: [String: Outcome], missing: Outcome) {
        self.questionnaire = questionnaire
        self.index = index
        self.answers = answers
        self.missing = missing
    }

    lazy var evaluator = Evaluator { [unowned self] id in self.value(of: id) }

    func evaluate(_ expr: Expr) -> Outcome { evaluator.evaluate(expr) }

    /// The value of an item (respecting its condition) or a derived value.
    func value(of id: String) -> Outcome {
        if let cached = cache[id] { return cached }
        // A cycle cannot pass `check`; this guard keeps a broken file from recursing forever.
        guard resolving.insert(id).inserted else { return .unknown }
        defer { resolving.remove(id) }
        let result: Outcome
        if let item = index.items[id] {
            result = isAsked(item) == .no ? .unknown : (isAsked(item) == .yes ? (answers[id] ?? missing) : .any)
        } else if let derived = index.derived[id] {
            result = evaluate(derived.expression.root)
        } else {
            result = .unknown
        }
        cache[id] = result
        return result
    }

    /// Whether the item is asked: `.yes`, `.no`, or `.any` while it depends on open answers.
    func isAsked(_ item: Item) -> Outcome {
        guard let condition = item.condition else { return .yes }
        switch evaluate(condition.root) {
        case .yes: return .yes
        case .any: return .any
        default: return .no
        }
    }
}

/// Lookup tables built once per questionnaire.
public struct QuestionnaireIndex: Sendable {
    public let items: [String: Item]
    public let derived: [String: DerivedValue]
    public let levels: [String: TriageLevel]
    public let rules: [String: Rule]

    public init(_ q: Questionnaire) {
        items = Dictionary(q.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        derived = Dictionary(q.derived.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        levels = Dictionary(q.triageLevels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        rules = Dictionary(q.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
