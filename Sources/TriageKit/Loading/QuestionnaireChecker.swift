/// The checks `backtriage check` runs beyond the file structure: references, types, choice
/// values, translations, duplicates, the order of conditions, reachability, the catalog.
struct QuestionnaireChecker {
    let q: Questionnaire
    private var diagnostics: [Diagnostic] = []
    private var types: [String: ValueType] = [:]
    private var items: [String: Item] = [:]

    private let reachability: Bool
    /// A file of the questionnaire could not be read: levels, causes, catalog entries, documents
    /// and rules it defines are missing, so a name that is not found may well be defined there,
    /// and an entry no rule uses may be used there. Those findings are left out, so the person
    /// sees the one real problem instead of hundreds that follow from it.
    private let incomplete: Bool

    init(_ questionnaire: Questionnaire, reachability: Bool = true, incomplete: Bool = false) {
        self.q = questionnaire
        self.reachability = reachability
        self.incomplete = incomplete
    }

    func check() -> [Diagnostic] {
        var c = self
        c.run()
        return c.diagnostics
    }

    private mutating func error(_ location: SourceLocation?, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location, message, hint: hint))
    }

    private mutating func warning(_ location: SourceLocation?, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: location, message, hint: hint))
    }

    /// An error about a name that is defined nowhere, unless a file that could not be read may
    /// define it (see `incomplete`). Items and derived values are defined in the entry file,
    /// which is always read, so names of those are reported as errors.
    private mutating func undefined(_ location: SourceLocation?, _ message: String, hint: String? = nil) {
        if !incomplete { error(location, message, hint: hint) }
    }

    private mutating func run() {
        checkIds()
        for item in q.items {
            items[item.id.rawValue] = item
            types[item.id.rawValue] = Self.type(of: item)
        }
        for d in q.derived where types[d.id] == nil { types[d.id] = d.type }
        checkDerived()
        checkConditions()
        checkCatalog()
        checkRules()
        checkSafetyNet()
        checkDocuments()
        for id in q.profile where items[id.rawValue] == nil {
            error(nil, "profile names '\(id)', which is not an item", hint: suggestion(id.rawValue, Array(items.keys)))
        }
        checkFollowUp()
        checkInvariants()
        checkLevels()
        if diagnostics.contains(where: { $0.severity == .error }) { return }
        if reachability { checkReachability() }
    }

    private mutating func checkInvariants() {
        let entryIds = Set(q.catalog.map(\.id)), noteIds = q.catalog.filter { $0.kind == .note }.map(\.id)
        for invariant in q.invariants {
            let what = "invariant '\(invariant.id)'"
            if let condition = invariant.condition, let t = typeCheck(condition, what), t != .boolean {
                error(condition.location, "the condition of \(what) is \(t), not a yes/no value")
            }
            for level in [invariant.level, invariant.atLeast].compactMap({ $0 }) where q.level(level) == nil {
                undefined(invariant.location, "\(what) names the level '\(level)', which is not defined",
                      hint: suggestion(level, q.triageLevels.map(\.id)))
            }
            for action in invariant.watches where q.action(action) == nil {
                undefined(invariant.location, "\(what) names the action '\(action)', which is not defined",
                          hint: suggestion(action, q.actions.map(\.id)))
            }
            for id in invariant.includes where !entryIds.contains(id) {
                undefined(invariant.location, "\(what) names '\(id)', which is not in the catalog", hint: suggestion(id, Array(entryIds)))
            }
            if let action = invariant.action, q.action(action) == nil {
                undefined(invariant.location, "\(what) names the action '\(action)', which is not defined",
                          hint: suggestion(action, q.actions.map(\.id)))
            }
            for id in invariant.never + invariant.neverTogether where !entryIds.contains(id) {
                undefined(invariant.location, "\(what) names '\(id)', which is not in the catalog", hint: suggestion(id, Array(entryIds)))
            }
            for id in invariant.onlyNotes ?? [] where !noteIds.contains(id) {
                undefined(invariant.location, "\(what) names the note '\(id)', which is not in the catalog", hint: suggestion(id, noteIds))
            }
        }
        for pair in q.allowedConflicts {
            let s = q.entry(pair.suggestion, .suggestion), c = q.entry(pair.caution, .caution)
            if s == nil { undefined(nil, "allowed_conflicts names the suggestion '\(pair.suggestion)', which is not in the catalog") }
            if c == nil { undefined(nil, "allowed_conflicts names the caution '\(pair.caution)', which is not in the catalog") }
            if let s, let c, s.subject != c.subject {
                error(c.location, "allowed_conflicts pairs '\(pair.suggestion)' and '\(pair.caution)', which are on different subjects",
                      hint: "only a suggestion and a caution on one subject conflict")
            }
        }
    }

    /// Result shapes and watch lists name actions and notes that exist; every action belongs to
    /// a level, and each can be the action of some result.
    private mutating func checkLevels() {
        let actionIds = q.actions.map(\.id), noteIds = q.catalog.filter { $0.kind == .note }.map(\.id)
        var seen = Set<String>()
        for action in q.actions where !seen.insert(action.id).inserted {
            error(action.location, "the action '\(action.id)' is defined twice")
        }
        for action in q.actions where q.level(action.level) == nil {
            undefined(action.location, "action '\(action.id)' belongs to the level '\(action.level)', which is not defined",
                      hint: suggestion(action.level, q.triageLevels.map(\.id)))
        }
        for level in q.triageLevels {
            if let action = q.action(level.defaultAction) {
                if action.level != level.id {
                    error(action.location, "triage level '\(level.id)' has the action '\(action.id)' of the level '\(action.level)'",
                          hint: "a level's action is one of its own actions")
                }
            } else {
                undefined(nil, "triage level '\(level.id)' has the action '\(level.defaultAction)', which is not defined",
                          hint: suggestion(level.defaultAction, actionIds))
            }
            for id in level.result.watch ?? [] where q.action(id) == nil {
                undefined(nil, "triage level '\(level.id)' watches the action '\(id)', which is not defined", hint: suggestion(id, actionIds))
            }
            for id in (level.result.notes ?? []).sorted() where !noteIds.contains(id) {
                undefined(nil, "triage level '\(level.id)' allows the note '\(id)', which is not in the catalog", hint: suggestion(id, noteIds))
            }
        }
        // An action is reached as the default of a level whose rules do not all name another, as
        // the default of the lowest level (the result when no rule fires), or named by a rule.
        if !incomplete {
            var reached = Set(q.rules.compactMap(\.action))
            for level in q.triageLevels {
                let rules = q.rules.filter { $0.triage == level.id }
                if level == q.lowestLevel || rules.contains(where: { $0.action == nil }) { reached.insert(level.defaultAction) }
            }
            // A level no rule sets has no results at all; that is not the action's doing.
            let levelsSet = Set(q.rules.compactMap(\.triage)).union([q.lowestLevel?.id].compactMap { $0 })
            for action in q.actions where !reached.contains(action.id) && levelsSet.contains(action.level) {
                error(action.location, "no result can have the action '\(action.id)'",
                      hint: "name it in a rule of the level '\(action.level)' (action: \(action.id)), or make it the level's action")
            }
        }
        for level in (q.safetyNet?.textByLevel.keys).map(Array.init) ?? [] where q.level(level) == nil {
            undefined(nil, "safety_net has a text for the level '\(level)', which is not defined",
                      hint: suggestion(level, q.triageLevels.map(\.id)))
        }
        for item in q.items {
            for placement in item.watch {
                guard let action = q.action(placement.action) else {
                    undefined(item.location, "item '\(item.id)' is watched under the action '\(placement.action)', which is not defined",
                              hint: suggestion(placement.action, actionIds))
                    continue
                }
                if action.watchHeading == nil {
                    error(item.location, "item '\(item.id)' is watched under the action '\(action.id)', which has no watch_heading",
                          hint: "give the action a watch_heading, the words above its signs")
                }
                if let condition = placement.condition, let t = typeCheck(condition, "the watch placement of item '\(item.id)'"), t != .boolean {
                    error(condition.location, "the condition of a watch placement of item '\(item.id)' is \(t), not a yes/no value")
                }
            }
            if let notice = item.notice, !noteIds.contains(notice) {
                undefined(item.location, "item '\(item.id)' shows the note '\(notice)' as a notice, which is not in the catalog",
                          hint: suggestion(notice, noteIds))
            }
        }
        var conditions: [(Expression, String)] = []
        for entry in q.catalog { conditions += entry.variants.map { ($0.condition, "a variant of \(entry.kind.rawValue) '\(entry.id)'") } }
        for action in q.actions { conditions += action.variants.map { ($0.condition, "a variant of action '\(action.id)'") } }
        for (condition, what) in conditions {
            if let t = typeCheck(condition, what), t != .boolean {
                error(condition.location, "the condition of \(what) is \(t), not a yes/no value")
            }
        }
    }

    static func type(of item: Item) -> ValueType {
        switch item.kind {
        case .boolean: return .boolean
        case .choice: return .string(options: item.options.map(\.value))
        case .multiChoice: return .list(options: item.options.map(\.value))
        case .integer, .decimal, .scale: return .number
        case .text: return .string(options: nil)
        case .date: return .date
        }
    }

    // MARK: ids

    private mutating func checkIds() {
        var seen: [String: SourceLocation?] = [:]
        for (id, location) in q.items.map({ ($0.id.rawValue, $0.location) }) + q.derived.map({ ($0.id, $0.location) }) {
            if let first = seen[id] {
                error(location, "the id '\(id)' is used twice", hint: first.map { "first used at \($0)" })
            } else { seen[id] = location }
        }
        var sections = Set<String>()
        for s in q.sections where !sections.insert(s.id).inserted { error(nil, "the section id '\(s.id)' is used twice") }
        // A section is a FHIR group whose linkId is its id, and linkIds are unique in a Questionnaire.
        for s in q.sections where seen[s.id] != nil {
            error(seen[s.id] ?? nil, "the section id '\(s.id)' is also the id of an item or derived value",
                  hint: "FHIR linkIds must be unique: rename the section")
        }
        var rules: [String: SourceLocation?] = [:]
        for r in q.rules {
            if let first = rules[r.id] { error(r.location, "the rule id '\(r.id)' is used twice", hint: first.map { "first used at \($0)" }) }
            else { rules[r.id] = r.location }
        }
        var entries = Set<String>()
        for e in q.catalog where !entries.insert("\(e.kind):\(e.id)").inserted {
            error(e.location, "the \(e.kind.rawValue) id '\(e.id)' is used twice")
        }
        var levels = Set<String>()
        for l in q.triageLevels where !levels.insert(l.id).inserted { error(nil, "the triage level '\(l.id)' is defined twice") }
        var causes = Set<String>()
        for c in q.causes where !causes.insert(c.id).inserted { error(nil, "the cause '\(c.id)' is defined twice") }
        if q.triageLevels.isEmpty { undefined(nil, "no triage_levels are defined", hint: "add them to the catalog") }
    }

    // MARK: derived values and conditions

    private mutating func checkDerived() {
        // A derived value may use answers and earlier-resolvable derived values, never itself.
        let derivedIds = Set(q.derived.map(\.id))
        var graph: [String: [String]] = [:]
        for d in q.derived { graph[d.id] = d.expression.root.references.filter(derivedIds.contains) }
        if let cycle = Self.findCycle(graph) {
            let d = q.derived.first { $0.id == cycle[0] }
            error(d?.location, "derived values depend on each other in a cycle: " + cycle.joined(separator: " -> "))
            return
        }
        for d in q.derived {
            guard let t = typeCheck(d.expression, "the value of derived value '\(d.id)'") else { continue }
            if !Self.compatible(t, d.type) {
                error(d.expression.location, "derived value '\(d.id)' is declared as \(d.type) but its value is \(t)")
            }
            if case .string(let declared?) = d.type, case .string(let produced?) = t {
                for value in produced where !declared.contains(value) {
                    error(d.expression.location, "derived value '\(d.id)' can be '\(value)', which is not among its options",
                          hint: "options: " + declared.joined(separator: ", "))
                }
            }
        }
    }

    private mutating func checkConditions() {
        let order = Dictionary(q.items.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, item) in q.items.enumerated() {
            guard let condition = item.condition else { continue }
            guard let t = typeCheck(condition, "the condition of item '\(item.id)'") else { continue }
            if t != .boolean { error(condition.location, "the condition of item '\(item.id)' is \(t), not a yes/no value") }
            // Interfaces ask in order, so a condition can only read answers given before.
            for dependency in itemDependencies(condition) {
                if dependency == item.id.rawValue {
                    error(condition.location, "the condition of item '\(item.id)' depends on its own answer")
                } else if let at = order[dependency], at > index {
                    error(condition.location, "the condition of item '\(item.id)' reads '\(dependency)', which is asked later",
                          hint: "move '\(dependency)' before '\(item.id)'")
                }
            }
        }
    }

    /// The items an expression reads, directly or through derived values.
    private func itemDependencies(_ expression: Expression) -> Set<String> {
        var out = Set<String>(), visited = Set<String>()
        var stack = expression.root.references
        while let id = stack.popLast() {
            guard visited.insert(id).inserted else { continue }
            if items[id] != nil { out.insert(id) }
            else if let d = q.derivedValue(id) { stack += d.expression.root.references }
        }
        return out
    }

    // MARK: catalog and rules

    private mutating func checkCatalog() {
        var subjects: [String: [CatalogEntry]] = [:]
        for e in q.catalog { if let s = e.subject { subjects[s, default: []].append(e) } }
        for (subject, entries) in subjects {
            let suggestions = entries.filter { $0.kind == .suggestion }, cautions = entries.filter { $0.kind == .caution }
            if suggestions.count > 1 || cautions.count > 1 {
                warning(entries.last?.location, "subject '\(subject)' is shared by " + entries.map { "\($0.kind.rawValue) '\($0.id)'" }.joined(separator: ", "))
            }
        }
        for e in q.catalog where e.source == nil { error(e.location, "\(e.kind.rawValue) '\(e.id)' has no source") }
    }

    private mutating func checkRules() {
        var used = Set<String>()
        for rule in q.rules {
            let what = "rule '\(rule.id)'"
            if let t = typeCheck(rule.condition, "the condition of \(what)"), t != .boolean {
                error(rule.condition.location, "the condition of \(what) is \(t), not a yes/no value")
            }
            if let level = rule.triage, q.level(level) == nil {
                undefined(rule.location, "\(what) sets the triage level '\(level)', which is not defined",
                      hint: suggestion(level, q.triageLevels.map(\.id)))
            }
            if let id = rule.action, let level = rule.triage {
                if let action = q.action(id) {
                    if action.level != level {
                        error(rule.location, "\(what) sets the level '\(level)' but names the action '\(id)' of the level '\(action.level)'",
                              hint: "actions of '\(level)': " + q.actions.filter { $0.level == level }.map(\.id).joined(separator: ", "))
                    }
                } else {
                    undefined(rule.location, "\(what) names the action '\(id)', which is not defined", hint: suggestion(id, q.actions.map(\.id)))
                }
            }
            if let rf = rule.redFlag {
                if items[rf.item.rawValue] == nil { error(rule.location, "\(what) names the red flag '\(rf.item)', which is not an item",
                                                          hint: suggestion(rf.item.rawValue, Array(items.keys))) }
                if q.cause(rf.cause) == nil { undefined(rule.location, "\(what) names the cause '\(rf.cause)', which is not in causes",
                                                    hint: suggestion(rf.cause, q.causes.map(\.id))) }
            }
            for (ids, kind) in [(rule.suggest, CatalogEntry.Kind.suggestion), (rule.caution, .caution), (rule.notes, .note)] {
                for id in ids {
                    used.insert("\(kind):\(id)")
                    if q.entry(id, kind) == nil {
                        undefined(rule.location, "\(what) refers to the \(kind.rawValue) '\(id)', which is not in the catalog",
                              hint: suggestion(id, q.catalog.filter { $0.kind == kind }.map(\.id)))
                    }
                }
            }
            for id in rule.highlight where !(rule.suggest + rule.caution + rule.notes).contains(id) {
                error(rule.location, "\(what) highlights '\(id)', which it does not bring", hint: "list it under suggest, caution or notes too")
            }
            if rule.source == nil { error(rule.location, "\(what) has no source") }
        }
        // Rules in a file that could not be read may use them, and may name the signs.
        if incomplete { return }
        for e in q.catalog where !used.contains("\(e.kind):\(e.id)") {
            warning(e.location, "\(e.kind.rawValue) '\(e.id)' is in the catalog but no rule uses it")
        }
        // A warning sign raises the level only through a rule that names it; without one, a
        // person who answers yes is told to help themselves. `verify` finds that only where an
        // invariant names the sign, and the interfaces never run `verify`.
        let named = Set(q.rules.compactMap(\.redFlag?.item))
        for item in q.items where item.isRedFlag && !named.contains(item.id) {
            error(item.location, "the warning sign '\(item.id)' is named by no rule, so answering yes to it cannot raise the level",
                  hint: "add a rule with red_flag: {item: \(item.id), cause: ...} and the triage level it calls for")
        }
    }

    /// Once a questionnaire lists its documents, every citation must name one of them, so a
    /// summary sheet can always show the document's title instead of a bare file name.
    private mutating func checkDocuments() {
        guard !q.documents.isEmpty else { return }
        let files = q.documents.map(\.file)
        let cited: [(SourceRef?, SourceLocation?, String)] =
            q.items.map { ($0.source, $0.location, "item '\($0.id)'") }
            + q.catalog.map { ($0.source, $0.location, "\($0.kind.rawValue) '\($0.id)'") }
            + q.rules.map { ($0.source, $0.location, "rule '\($0.id)'") }
        for case let (source?, location, what) in cited where !files.contains(source.file) {
            undefined(location, "\(what) cites '\(source.file)', which is not in documents",
                  hint: suggestion(source.file, files) ?? "add it to documents: with file, title, publisher and url")
        }
    }

    private mutating func checkSafetyNet() {
        guard let net = q.safetyNet else { return }
        if let item = items[net.measure] {
            if !item.kind.isNumeric { error(item.location, "safety_net measures '\(net.measure)', which is not a number") }
        } else {
            error(nil, "safety_net measures '\(net.measure)', which is not an item", hint: suggestion(net.measure, Array(items.keys)))
        }
        for t in net.thresholds {
            if let type = typeCheck(t.condition, "a safety_net condition"), type != .boolean {
                error(t.condition.location, "a safety_net condition is \(type), not a yes/no value")
            }
        }
    }

    /// A check-in must ask every warning sign afresh and compute the weeks; what it carries
    /// over or offers must be items, each named once.
    private mutating func checkFollowUp() {
        guard let f = q.followUp else { return }
        let names = Array(items.keys)
        func known(_ id: ItemID, _ field: String) -> Item? {
            if let item = items[id.rawValue] { return item }
            error(nil, "follow_up \(field) names '\(id)', which is not an item", hint: suggestion(id.rawValue, names))
            return nil
        }
        for (field, ids) in [("keep", f.keep), ("confirm", f.confirm)] {
            for id in ids {
                guard let item = known(id, field) else { continue }
                if item.isRedFlag {
                    error(item.location, "follow_up \(field) names the warning sign '\(id)'",
                          hint: "a check-in asks every warning sign afresh; remove it from \(field)")
                }
                if id.rawValue == q.safetyNet?.measure {
                    error(item.location, "follow_up \(field) names '\(id)', the safety net's measure",
                          hint: "a check-in computes it from the episode's start; remove it from \(field)")
                }
            }
            for id in Set(ids) where ids.filter({ $0 == id }).count > 1 { error(nil, "follow_up \(field) names '\(id)' twice") }
        }
        for id in Set(f.keep).intersection(f.confirm).sorted() {
            error(nil, "follow_up names '\(id)' in both keep and confirm", hint: "an answer is either carried over or offered again")
        }
        if let id = f.episode, let item = known(id, "episode") {
            if item.kind != .choice { error(item.location, "follow_up episode names '\(id)', which is not a choice item") }
            if !f.keep.contains(id) {
                error(nil, "follow_up episode '\(id)' is not in keep", hint: "the answer that tells episodes apart stays the same within one")
            }
        }
        if let id = f.trend, let item = known(id, "trend") {
            if !item.kind.isNumeric { error(item.location, "follow_up trend names '\(id)', which is not a number") }
            if f.keep.contains(id) { error(item.location, "follow_up trend '\(id)' is kept", hint: "a trend is asked at every check-in") }
        }
    }

    // MARK: reachability

    private mutating func checkReachability() {
        let search = AnswerSpace(q)
        for item in q.items {
            guard let condition = item.condition else { continue }
            if search.witness(where: condition.root) == nil {
                error(condition.location, "item '\(item.id)' can never be asked: no answers make its condition true")
            }
        }
        for rule in q.rules where search.witness(where: rule.condition.root) == nil {
            error(rule.condition.location, "rule '\(rule.id)' can never fire: no answers make its condition true")
        }
    }

    // MARK: types

    private func suggestion(_ word: String, _ candidates: [String]) -> String? {
        Spelling.suggestion(for: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    private static func compatible(_ a: ValueType, _ b: ValueType) -> Bool {
        switch (a, b) {
        case (.string, .string), (.list, .list): return true
        default: return a == b
        }
    }

    /// The type of `expression`, reporting every type error in it; nil when it has errors.
    private mutating func typeCheck(_ expression: Expression, _ what: String) -> ValueType? {
        var failed = false
        let t = typeOf(expression.root, in: expression, what, &failed)
        return failed ? nil : t
    }

    private mutating func typeOf(_ e: Expr, in x: Expression, _ what: String, _ failed: inout Bool) -> ValueType? {
        func fail(_ message: String, _ at: Expr, hint: String? = nil) -> ValueType? {
            failed = true
            error(x.location(of: at), "in \(what): \(message)", hint: hint)
            return nil
        }
        switch e {
        case .literal(let v, _):
            switch v {
            case .bool: return .boolean
            case .number: return .number
            case .string(let s): return .string(options: [s])
            case .list: return .list(options: nil)
            }
        case .reference(let id, _), .resolved(_, let id, _):
            if let t = types[id] { return t }
            let all = q.items.map(\.id.rawValue) + q.derived.map(\.id)
            return fail("unknown item '\(id)'", e, hint: suggestion(id, all).map { $0 } ?? "known ids: " + all.prefix(8).joined(separator: ", ") + (all.count > 8 ? ", ..." : ""))
        case .list(let elements, _):
            var options: [String] = []
            for element in elements {
                guard let t = typeOf(element, in: x, what, &failed) else { continue }
                if case .string(let o?) = t { options += o } else if t != .number {
                    return fail("a list may hold only strings or numbers", element)
                }
            }
            return .list(options: options)
        case .not(let inner, _):
            guard let t = typeOf(inner, in: x, what, &failed) else { return nil }
            return t == .boolean ? .boolean : fail("'not' needs a yes/no value, but this is \(t)", inner)
        case .and(let l, let r), .or(let l, let r):
            let word: String
            if case .and = e { word = "and" } else { word = "or" }
            let a = typeOf(l, in: x, what, &failed), b = typeOf(r, in: x, what, &failed)
            if let a, a != .boolean { return fail("'\(word)' joins yes/no values, but this is \(a)", l) }
            if let b, b != .boolean { return fail("'\(word)' joins yes/no values, but this is \(b)", r) }
            return .boolean
        case .compare(let op, let l, let r, _):
            guard let a = typeOf(l, in: x, what, &failed), let b = typeOf(r, in: x, what, &failed) else { return nil }
            return compareTypes(op, l, a, r, b, fail) 
        case .member(let needle, let haystack, _, _):
            guard let a = typeOf(needle, in: x, what, &failed), let b = typeOf(haystack, in: x, what, &failed) else { return nil }
            guard case .list(let listed) = b else { return fail("'in' needs a list [..] or a multiple-choice item on its right", haystack) }
            if case .list(let allowed?) = a {
                _ = allowed
                return fail("'in' needs a single value on its left", needle)
            }
            let (choiceOptions, choiceExpr, literalOptions, literalExpr): ([String]?, Expr, [String]?, Expr)
            if case .reference = haystack {
                (choiceOptions, choiceExpr, literalOptions, literalExpr) = (listed, haystack, Self.literalStrings(a), needle)
            } else {
                (choiceOptions, choiceExpr, literalOptions, literalExpr) = (Self.choiceOptions(a, needle), needle, listed, haystack)
                if case .reference = needle, a == .number, Self.hasStrings(haystack) {
                    return fail("a number is compared with strings", haystack)
                }
                if case .string = a, Self.hasNumbers(haystack) {
                    return fail("\(Self.describe(needle)) is \(a) and cannot be compared with a number", haystack)
                }
            }
            if let choiceOptions, let literalOptions {
                for value in literalOptions where !choiceOptions.contains(value) {
                    return fail("'\(value)' is not an option of \(Self.describe(choiceExpr))", literalExpr,
                                hint: "options: " + choiceOptions.joined(separator: ", "))
                }
            }
            return .boolean
        case .arithmetic(let op, let l, let r, _):
            let a = typeOf(l, in: x, what, &failed), b = typeOf(r, in: x, what, &failed)
            if let a, a != .number { return fail("'\(op.rawValue)' needs numbers, but this is \(a)", l) }
            if let b, b != .number { return fail("'\(op.rawValue)' needs numbers, but this is \(b)", r) }
            return .number
        case .negate(let inner, _):
            guard let t = typeOf(inner, in: x, what, &failed) else { return nil }
            return t == .number ? .number : fail("'-' needs a number, but this is \(t)", inner)
        case .conditional(let c, let t, let f, _):
            let ct = typeOf(c, in: x, what, &failed)
            if let ct, ct != .boolean { return fail("'if' needs a yes/no condition, but this is \(ct)", c) }
            guard let a = typeOf(t, in: x, what, &failed), let b = typeOf(f, in: x, what, &failed) else { return nil }
            switch (a, b) {
            case (.string(let o1), .string(let o2)):
                if let o1, let o2 { return .string(options: o1 + o2.filter { !o1.contains($0) }) }
                return .string(options: nil)
            default:
                return a == b ? a : fail("'then' gives \(a) but 'else' gives \(b)", f)
            }
        case .call(let name, let args, _):
            switch name {
            case "answered":
                guard args.count == 1, case .reference = args[0] else {
                    return fail("answered(x) takes one item id", e)
                }
                _ = typeOf(args[0], in: x, what, &failed)
                return .boolean
            case "yes":
                guard args.count == 1, case .reference(let id, _) = args[0], items[id] != nil else {
                    return fail("yes(x) takes one item id", e)
                }
                if let t = typeOf(args[0], in: x, what, &failed), t != .boolean {
                    return fail("yes(x) needs a yes/no item, but '\(id)' is \(t)", args[0])
                }
                return .boolean
            case "count":
                for arg in args {
                    if let t = typeOf(arg, in: x, what, &failed), t != .boolean {
                        return fail("count(...) counts yes/no values, but this is \(t)", arg)
                    }
                }
                return .number
            default:
                return fail("unknown function '\(name)'", e,
                            hint: suggestion(name, ["answered", "count", "yes"]).map { $0 } ?? "functions: answered(x), yes(x), count(a, b, ...)")
            }
        }
    }

    private func compareTypes(_ op: CompareOp, _ l: Expr, _ a: ValueType, _ r: Expr, _ b: ValueType,
                              _ fail: (String, Expr, String?) -> ValueType?) -> ValueType? {
        switch (a, b) {
        case (.number, .number): return .boolean
        case (.boolean, .boolean):
            return op == .eq || op == .ne ? .boolean : fail("yes/no values have no order; use == or !=", r, nil)
        case (.string(let o1), .string(let o2)):
            if op != .eq && op != .ne { return fail("choices and texts have no order; use == or !=", r, nil) }
            // A choice compared with a literal: the literal must be one of its options.
            if case .reference = l, let options = o1, case .literal = r, let value = o2?.first, !options.contains(value) {
                return fail("'\(value)' is not an option of \(Self.describe(l))", r, "options: " + options.joined(separator: ", "))
            }
            if case .reference = r, let options = o2, case .literal = l, let value = o1?.first, !options.contains(value) {
                return fail("'\(value)' is not an option of \(Self.describe(r))", l, "options: " + options.joined(separator: ", "))
            }
            return .boolean
        default:
            let culprit: Expr
            if case .reference = l { culprit = r } else { culprit = l }
            let subject = (culprit == r) ? l : r
            let subjectType = (culprit == r) ? a : b
            let culpritType = (culprit == r) ? b : a
            return fail("\(Self.describe(subject)) is \(subjectType) and cannot be compared with \(culpritType)", culprit, nil)
        }
    }

    private static func describe(_ e: Expr) -> String {
        if case .reference(let id, _) = e { return "'\(id)'" }
        return "this"
    }

    private static func choiceOptions(_ t: ValueType, _ e: Expr) -> [String]? {
        guard case .reference = e, case .string(let o) = t else { return nil }
        return o
    }

    private static func literalStrings(_ t: ValueType) -> [String]? {
        if case .string(let o) = t { return o }
        return nil
    }

    private static func hasStrings(_ e: Expr) -> Bool {
        guard case .list(let items, _) = e else { return false }
        return items.contains { if case .literal(.string, _) = $0 { return true } else { return false } }
    }

    private static func hasNumbers(_ e: Expr) -> Bool {
        guard case .list(let items, _) = e else { return false }
        return items.contains { if case .literal(.number, _) = $0 { return true } else { return false } }
    }

    /// A cycle in a dependency graph, as the ids along it, or nil.
    static func findCycle(_ graph: [String: [String]]) -> [String]? {
        var state: [String: Int] = [:] // 1 visiting, 2 done
        var path: [String] = []
        func visit(_ node: String) -> [String]? {
            if state[node] == 2 { return nil }
            if state[node] == 1 {
                let start = path.firstIndex(of: node) ?? 0
                return Array(path[start...]) + [node]
            }
            state[node] = 1
            path.append(node)
            for next in graph[node] ?? [] { if let c = visit(next) { return c } }
            path.removeLast()
            state[node] = 2
            return nil
        }
        for node in graph.keys.sorted() { if let c = visit(node) { return c } }
        return nil
    }
}
