/// Looks up answers and derived values for the evaluator, applying the questionnaire's own
/// conditions: an answer to an item that would not be asked counts as unknown.
///
/// The same scope serves the engine (every answer fixed; missing ones unknown) and `verify`
/// (answers not yet fixed are `.any`), so both read the rules in exactly one way.
final class Scope: ExpressionContext {
    let index: QuestionnaireIndex
    /// A person's answers (the engine) or a partial assignment of answer classes (`verify`).
    enum Answers {
        /// Each item's answer by its slot: looked up by id once, when the scope is made.
        case fixed([Value?])
        case partial([String: Outcome])
    }

    let answers: Answers
    private let missing: Outcome
    /// Values computed so far, by slot (see `QuestionnaireIndex.slots`).
    private let cache: UnsafeMutableBufferPointer<Outcome?>
    /// Whether each item is asked, once computed, by slot.
    private let askedCache: UnsafeMutableBufferPointer<Outcome?>
    // The caches are buffers the scope owns rather than arrays in `var`s: evaluation reads and
    // writes them while it recurses into the same scope, and every access of a class's `var`
    // paid a dynamic exclusivity check, about a tenth of the time spent evaluating.

    /// A scope of a person's answers: each is unknown where missing.
    convenience init(index: QuestionnaireIndex, answers: AnswerSet) {
        var bySlot = [Value?](repeating: nil, count: index.slots.count)
        for (id, value) in answers.values { if let slot = index.slotOf[id.rawValue] { bySlot[slot] = value } }
        self.init(index: index, answers: .fixed(bySlot), missing: .unknown)
    }

    init(index: QuestionnaireIndex, answers: Answers, missing: Outcome) {
        self.index = index
        self.answers = answers
        self.missing = missing
        cache = .allocate(capacity: index.slots.count)
        cache.initialize(repeating: nil)
        askedCache = .allocate(capacity: index.slots.count)
        askedCache.initialize(repeating: nil)
    }

    deinit {
        cache.deinitialize()
        cache.deallocate()
        askedCache.deinitialize()
        askedCache.deallocate()
    }

    private func answer(_ id: String, slot: Int) -> Outcome {
        switch answers {
        case .fixed(let values): return values[slot].map(Outcome.value) ?? missing
        case .partial(let outcomes): return outcomes[id] ?? missing
        }
    }

    /// The answer given to the item in `slot`, asked or not (nil for a partial assignment).
    func given(slot: Int) -> Value? {
        guard case .fixed(let values) = answers else { return nil }
        return values[slot]
    }

    func evaluate(_ expr: Expr) -> Outcome { Evaluator.evaluate(expr, in: self) }

    func value(at slot: Int, id: String) -> Outcome { value(at: slot) }
    func isAsked(_ id: String) -> Outcome? { index.slotOf[id].map { isAsked(slot: $0) } ?? .yes }
    func isAsked(slot: Int, id: String) -> Outcome? { isAsked(slot: slot) }

    /// The value of an item (respecting its condition) or a derived value.
    func value(of id: String) -> Outcome {
        guard let slot = index.slotOf[id] else { return .unknown }
        return value(at: slot)
    }

    func value(at slot: Int) -> Outcome {
        if let cached = cache[slot] { return cached }
        // A cycle cannot pass `check`; reading a value while computing it gives unknown, so an
        // unchecked file cannot recurse forever.
        cache[slot] = .unknown
        let result: Outcome
        switch index.slots[slot] {
        case .item(let id, _):
            switch isAsked(slot: slot) {
            case .yes: result = answer(id, slot: slot)
            case .any: result = .any
            default: result = .unknown
            }
        case .derived(let expression):
            result = evaluate(expression)
        }
        cache[slot] = result
        return result
    }

    /// Whether the item is asked: `.yes`, `.no`, or `.any` while it depends on open answers.
    func isAsked(_ item: Item) -> Outcome {
        guard let slot = index.slotOf[item.id.rawValue] else { return isAsked(item.condition?.root) }
        return isAsked(slot: slot)
    }

    /// Whether the item in `slot` is asked, by its condition resolved to slots (a derived value
    /// counts as asked).
    func isAsked(slot: Int) -> Outcome {
        if let cached = askedCache[slot] { return cached }
        guard case .item(_, let condition) = index.slots[slot] else { return .yes }
        askedCache[slot] = .unknown
        let result = isAsked(condition)
        askedCache[slot] = result
        return result
    }

    /// Whether the item at `position` in the order asked is asked.
    func isAsked(position: Int) -> Outcome { isAsked(slot: index.itemSlots[position]) }

    func isAsked(_ condition: Expr?) -> Outcome {
        guard let condition else { return .yes }
        switch evaluate(condition) {
        case .yes: return .yes
        case .any: return .any
        default: return .no
        }
    }
}

/// Lookup tables built once per questionnaire.
public final class QuestionnaireIndex: Sendable {
    public let items: [ItemID: Item]
    public let derived: [String: DerivedValue]
    public let levels: [String: TriageLevel]
    public let rules: [String: Rule]
    /// Catalog entries by kind and id.
    public let entries: [CatalogEntry.Kind: [String: CatalogEntry]]
    /// The ids (with their slots) each rule's condition reads, by rule position, for the trace.
    let references: [[(id: String, slot: Int)]]
    /// Every item and derived value, numbered: expressions the engine evaluates refer to these
    /// slots, resolved once here, instead of hashing names on every evaluation.
    let slots: [Slot]
    let slotOf: [String: Int]
    /// The rule conditions with their references resolved to slots.
    let resolvedConditions: [Expr]
    /// Every item in the order asked (the questionnaire computes this from its sections).
    public let orderedItems: [Item]
    /// Each item's place in the order asked.
    public let position: [ItemID: Int]
    /// Each item's slot, by its place in the order asked.
    let itemSlots: [Int]
    /// The ids of the red-flag items, in order.
    public let redFlags: [ItemID]
    /// The level each rule sets, by rule position.
    public let ruleLevels: [TriageLevel?]
    /// The action each rule calls for (its own, or its level's default), by rule position.
    public let ruleActions: [Action?]
    public let actions: [String: Action]
    /// The conditions of each action's variants, resolved to slots, by action id.
    let actionVariants: [String: [Expr]]
    /// The conditions of each catalog entry's variants, resolved to slots, by kind and id.
    let entryVariants: [CatalogEntry.Kind: [String: [Expr]]]
    /// The warning signs a watch list can name, in order, with their slots and their placements
    /// (the action whose group names them, the first whose condition holds).
    let watchedSigns: [(id: ItemID, slot: Int, placements: [(condition: Expr?, action: String)])]
    /// Each derived value's slot, in the questionnaire's order (the first of a repeated id).
    let derivedSlots: [(id: String, slot: Int)]
    /// Each derived value's slot, once per id, in id order.
    let derivedSlotsByID: [(id: String, slot: Int)]
    /// The places in the order asked of each section's items, section by section.
    public let sectionPositions: [[Int]]
    /// The places in the order asked of the items of the questionnaire's profile (`profile:`).
    public let profilePositions: [Int]
    /// The item and the derived value an id names (a checked questionnaire has only one of the
    /// two), found with one lookup: what a report shows for each answer a rule read.
    public let subjects: [String: (item: Item?, derived: DerivedValue?)]

    enum Slot {
        case item(id: String, condition: Expr?)
        case derived(Expr)
    }

    public init(_ q: Questionnaire) {
        orderedItems = q.items
        position = Dictionary(orderedItems.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        redFlags = orderedItems.filter(\.isRedFlag).map(\.id)
        var slotOf: [String: Int] = [:]
        for id in orderedItems.map(\.id.rawValue) + q.derived.map(\.id) where slotOf[id] == nil { slotOf[id] = slotOf.count }
        var slots = [Slot?](repeating: nil, count: slotOf.count)
        for d in q.derived.reversed() { slots[slotOf[d.id]!] = .derived(d.expression.root.resolving(slotOf)) }
        for item in orderedItems.reversed() { slots[slotOf[item.id.rawValue]!] = .item(id: item.id.rawValue, condition: item.condition?.root.resolving(slotOf)) }
        self.slotOf = slotOf
        self.slots = slots.map { $0! }
        itemSlots = orderedItems.map { slotOf[$0.id.rawValue]! }
        resolvedConditions = q.rules.map { $0.condition.root.resolving(slotOf) }
        references = q.rules.map { rule in rule.condition.root.references.compactMap { id in slotOf[id].map { (id, $0) } } }
        var entries: [CatalogEntry.Kind: [String: CatalogEntry]] = [:]
        for e in q.catalog where entries[e.kind]?[e.id] == nil { entries[e.kind, default: [:]][e.id] = e }
        self.entries = entries
        items = Dictionary(orderedItems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        derived = Dictionary(q.derived.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        levels = Dictionary(q.triageLevels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        rules = Dictionary(q.rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let levels = self.levels
        ruleLevels = q.rules.map { $0.triage.flatMap { levels[$0] } }
        let actions = Dictionary(q.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.actions = actions
        actionVariants = Dictionary(q.actions.filter { !$0.variants.isEmpty }.map { a in
            (a.id, a.variants.map { $0.condition.root.resolving(slotOf) })
        }, uniquingKeysWith: { a, _ in a })
        var entryVariants: [CatalogEntry.Kind: [String: [Expr]]] = [:]
        for e in q.catalog where !e.variants.isEmpty && entryVariants[e.kind]?[e.id] == nil {
            entryVariants[e.kind, default: [:]][e.id] = e.variants.map { $0.condition.root.resolving(slotOf) }
        }
        self.entryVariants = entryVariants
        ruleActions = zip(q.rules, ruleLevels).map { rule, level in (rule.action ?? level?.defaultAction).flatMap { actions[$0] } }
        watchedSigns = orderedItems.compactMap { item in
            guard item.isRedFlag, !item.watch.isEmpty else { return nil }
            return (item.id, slotOf[item.id.rawValue]!, item.watch.map { ($0.condition?.root.resolving(slotOf), $0.action) })
        }
        derivedSlots = q.derived.map { ($0.id, slotOf[$0.id]!) }
        derivedSlotsByID = Dictionary(derivedSlots, uniquingKeysWith: { first, _ in first }).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let position = self.position
        sectionPositions = q.sections.map { $0.items.compactMap { position[$0.id] } }
        profilePositions = q.profile.compactMap { position[$0] }
        let items = self.items, derived = self.derived
        subjects = Dictionary(uniqueKeysWithValues: Set(items.keys.map(\.rawValue)).union(derived.keys).map { id in
            (id, (items[ItemID(id)], derived[id]))
        })
    }
}
