/// A checked questionnaire as bytes and back, for the cache of compiled questionnaires.
///
/// Every stored field of the model is written; a test holds the round trip to the whole model,
/// field by field, so a field added to the model without a line here fails it.
extension Questionnaire {
    /// The questionnaire as bytes: the table of strings, then the model.
    func encoded() -> [UInt8] {
        var body = ByteWriter()
        body.write(self)
        var out = ByteWriter()
        out.count(body.strings.count)
        for s in body.strings { out.literal(s) }
        out.raw(body.bytes)
        return out.bytes
    }

    /// The questionnaire `encoded()` wrote, read from `bytes` starting at `position`.
    init(decoding bytes: UnsafeRawBufferPointer, from position: Int = 0) throws(DamagedBytes) {
        var r = ByteReader(bytes, from: position)
        try r.stringTable()
        self = try r.questionnaire()
        guard r.isAtEnd else { throw DamagedBytes() }
    }

    init(decoding bytes: [UInt8]) throws(DamagedBytes) {
        let decoded = bytes.withUnsafeBytes { buffer in Result { () throws(DamagedBytes) in try Questionnaire(decoding: buffer) } }
        self = try decoded.get()
    }
}

// MARK: - Writing

extension ByteWriter {
    mutating func write(_ q: Questionnaire) {
        string(q.id)
        string(q.version)
        array(q.languages) { $0.string($1.rawValue) }
        text(q.title)
        optional(q.description) { $0.text($1) }
        array(q.sections) { $0.write($1) }
        array(q.derived) { $0.write($1) }
        optional(q.safetyNet) { $0.write($1) }
        array(q.triageLevels) { $0.write($1) }
        array(q.actions) { $0.write($1) }
        array(q.causes) { w, c in
            w.string(c.id)
            w.text(c.text)
            w.array(c.codes) { $0.write($1) }
        }
        array(q.catalog) { $0.write($1) }
        array(q.rules) { $0.write($1) }
        array(q.invariants) { $0.write($1) }
        array(q.files) { $0.string($1) }
        array(q.documents) { $0.write($1) }
        array(q.profile) { $0.string($1.rawValue) }
        array(q.allowedConflicts) { w, a in
            w.string(a.suggestion)
            w.string(a.caution)
        }
        optional(q.followUp) { w, f in
            w.optional(f.episode) { $0.string($1.rawValue) }
            w.optional(f.trend) { $0.string($1.rawValue) }
            w.array(f.keep) { $0.string($1.rawValue) }
            w.array(f.confirm) { $0.string($1.rawValue) }
        }
        optional(q.publication) { w, p in
            w.optional(p.publisher) { $0.string($1) }
            w.optional(p.date) { $0.string($1) }
            w.array(p.jurisdiction) { $0.write($1) }
        }
    }

    mutating func write(_ s: Section) {
        string(s.id)
        text(s.title)
        array(s.items) { $0.write($1) }
    }

    mutating func write(_ i: Item) {
        string(i.id.rawValue)
        string(i.kind.rawValue)
        text(i.text)
        optional(i.help) { $0.text($1) }
        optional(i.short) { $0.text($1) }
        optional(i.unit) { $0.text($1) }
        optional(i.unitOne) { $0.text($1) }
        array(i.options) { w, o in
            w.string(o.value)
            w.text(o.text)
        }
        optional(i.minimum) { $0.double($1) }
        optional(i.maximum) { $0.double($1) }
        optional(i.belowMinimum) { $0.text($1) }
        optional(i.anchors) { w, a in
            w.text(a.min)
            w.text(a.max)
        }
        bool(i.required)
        optional(i.condition) { $0.write($1) }
        bool(i.isRedFlag)
        array(i.watch) { w, p in
            w.optional(p.condition) { $0.write($1) }
            w.string(p.action)
        }
        optional(i.notice) { $0.string($1) }
        optional(i.notAskedReason) { $0.text($1) }
        optional(i.inputHint) { $0.string($1.rawValue) }
        array(i.codes) { $0.write($1) }
        optional(i.ucumUnit) { $0.string($1) }
        optional(i.source) { $0.write($1) }
        string(i.section)
        optional(i.location) { $0.write($1) }
    }

    mutating func write(_ d: DerivedValue) {
        string(d.id)
        write(d.type)
        write(d.expression)
        text(d.text)
        labels(d.valueLabels)
        optional(d.location) { $0.write($1) }
    }

    mutating func write(_ n: SafetyNet) {
        string(n.measure)
        array(n.thresholds) { w, t in
            w.write(t.condition)
            w.array(t.weeks) { $0.double($1) }
        }
        text(n.text)
        text(n.noneText)
        labels(n.textByLevel)
    }

    mutating func write(_ l: TriageLevel) {
        string(l.id)
        int(l.rank)
        text(l.title)
        string(l.defaultAction)
        bool(l.result.suggestions)
        bool(l.result.cautions)
        optional(l.result.notes) { w, notes in w.array(notes.sorted()) { $0.string($1) } }
        bool(l.result.nextCheck)
        optional(l.result.watch) { w, watch in w.array(watch) { $0.string($1) } }
        optional(l.finalRemark) { $0.text($1) }
        array(l.codes) { $0.write($1) }
    }

    mutating func write(_ a: Action) {
        string(a.id)
        string(a.level)
        int(a.order)
        text(a.text)
        optional(a.watchHeading) { $0.text($1) }
        array(a.variants) { w, v in
            w.write(v.condition)
            w.text(v.text)
        }
        optional(a.location) { $0.write($1) }
    }

    mutating func write(_ e: CatalogEntry) {
        string(e.id)
        string(e.kind.rawValue)
        optional(e.subject) { $0.string($1) }
        optional(e.group) { $0.string($1.rawValue) }
        text(e.title)
        text(e.explanation)
        optional(e.evidence) { $0.text($1) }
        optional(e.practical) { $0.text($1) }
        optional(e.source) { $0.write($1) }
        optional(e.location) { $0.write($1) }
        optional(e.doctorQuestion) { $0.text($1) }
        bool(e.banner)
        array(e.variants) { w, v in
            w.write(v.condition)
            w.optional(v.explanation) { $0.text($1) }
            w.optional(v.source) { $0.write($1) }
        }
    }

    mutating func write(_ r: Rule) {
        string(r.id)
        write(r.condition)
        optional(r.triage) { $0.string($1) }
        optional(r.action) { $0.string($1) }
        optional(r.redFlag) { w, f in
            w.string(f.item.rawValue)
            w.string(f.cause)
        }
        array(r.suggest) { $0.string($1) }
        array(r.caution) { $0.string($1) }
        array(r.notes) { $0.string($1) }
        array(r.highlight) { $0.string($1) }
        int(r.priority)
        text(r.explanation)
        optional(r.source) { $0.write($1) }
        optional(r.location) { $0.write($1) }
    }

    mutating func write(_ i: Invariant) {
        string(i.id)
        optional(i.condition) { $0.write($1) }
        optional(i.level) { $0.string($1) }
        optional(i.atLeast) { $0.string($1) }
        optional(i.action) { $0.string($1) }
        array(i.includes) { $0.string($1) }
        array(i.watches) { $0.string($1) }
        array(i.excludes) { $0.string($1.rawValue) }
        optional(i.onlyNotes) { w, notes in w.array(notes) { $0.string($1) } }
        array(i.never) { $0.string($1) }
        array(i.neverTogether) { $0.string($1) }
        optional(i.location) { $0.write($1) }
    }

    mutating func write(_ d: SourceDocument) {
        string(d.file)
        text(d.title)
        optional(d.short) { $0.text($1) }
        optional(d.publisher) { $0.string($1) }
        optional(d.url) { $0.text($1) }
        optional(d.location) { $0.write($1) }
        bool(d.isGuideline)
    }

    mutating func write(_ c: Coding) {
        string(c.system)
        string(c.code)
        optional(c.display) { $0.string($1) }
    }

    mutating func write(_ s: SourceRef) {
        string(s.file)
        string(s.section)
    }

    mutating func write(_ l: SourceLocation) {
        string(l.file)
        int(l.line)
        int(l.column)
    }

    mutating func text(_ t: LocalizedText) {
        for language in Language.allCases { optional(t[stored: language]) { $0.string($1) } }
    }

    /// Texts by key, in key order so that the same model gives the same bytes.
    mutating func labels(_ labels: [String: LocalizedText]) {
        array(labels.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            w.text(pair.value)
        }
    }

    mutating func write(_ t: ValueType) {
        switch t {
        case .boolean: byte(0)
        case .number: byte(1)
        case .string(let options):
            byte(2)
            optional(options) { w, o in w.array(o) { $0.string($1) } }
        case .list(let options):
            byte(3)
            optional(options) { w, o in w.array(o) { $0.string($1) } }
        case .date: byte(4)
        }
    }

    mutating func write(_ e: Expression) {
        string(e.source)
        write(e.root)
        optional(e.location) { $0.write($1) }
    }

    mutating func write(_ v: Value) {
        switch v {
        case .bool(let b): byte(0); bool(b)
        case .number(let n): byte(1); double(n)
        case .string(let s): byte(2); string(s)
        case .list(let l): byte(3); array(l) { $0.string($1) }
        }
    }

    mutating func write(_ e: Expr) {
        switch e {
        case .literal(let v, let at): byte(0); write(v); int(at)
        case .reference(let id, let at): byte(1); string(id); int(at)
        case .resolved(let slot, let id, let at): byte(2); int(slot); string(id); int(at)
        case .list(let items, let at): byte(3); array(items) { $0.write($1) }; int(at)
        case .not(let x, let at): byte(4); write(x); int(at)
        case .and(let l, let r): byte(5); write(l); write(r)
        case .or(let l, let r): byte(6); write(l); write(r)
        case .compare(let op, let l, let r, let at): byte(7); string(op.rawValue); write(l); write(r); int(at)
        case .member(let l, let r, let negated, let at): byte(8); write(l); write(r); bool(negated); int(at)
        case .arithmetic(let op, let l, let r, let at): byte(9); string(op.rawValue); write(l); write(r); int(at)
        case .negate(let x, let at): byte(10); write(x); int(at)
        case .conditional(let c, let t, let f, let at): byte(11); write(c); write(t); write(f); int(at)
        case .call(let name, let args, let at): byte(12); string(name); array(args) { $0.write($1) }; int(at)
        }
    }
}

// MARK: - Reading

extension ByteReader {
    mutating func questionnaire() throws(DamagedBytes) -> Questionnaire {
        let id = try string()
        let version = try string()
        let languages: [Language] = try array { r throws(DamagedBytes) in try r.word() }
        let title = try text()
        let description = try optional { r throws(DamagedBytes) in try r.text() }
        let sections = try array { r throws(DamagedBytes) in try r.section() }
        let derived = try array { r throws(DamagedBytes) in try r.derivedValue() }
        let safetyNet = try optional { r throws(DamagedBytes) in try r.safetyNet() }
        let levels = try array { r throws(DamagedBytes) in try r.triageLevel() }
        let actions = try array { r throws(DamagedBytes) in try r.action() }
        let causes = try array { r throws(DamagedBytes) in
            Cause(id: try r.string(), text: try r.text(), codes: try r.array { r throws(DamagedBytes) in try r.coding() })
        }
        let catalog = try array { r throws(DamagedBytes) in try r.catalogEntry() }
        let rules = try array { r throws(DamagedBytes) in try r.rule() }
        let invariants = try array { r throws(DamagedBytes) in try r.invariant() }
        let files = try array { r throws(DamagedBytes) in try r.string() }
        let documents = try array { r throws(DamagedBytes) in try r.document() }
        let profile = try array { r throws(DamagedBytes) in ItemID(try r.string()) }
        let conflicts = try array { r throws(DamagedBytes) in
            AllowedConflict(suggestion: try r.string(), caution: try r.string())
        }
        var q = Questionnaire(id: id, version: version, languages: languages, title: title, description: description,
                              sections: sections, derived: derived, safetyNet: safetyNet, triageLevels: levels,
                              causes: causes, catalog: catalog, rules: rules, invariants: invariants, files: files,
                              documents: documents, profile: profile, allowedConflicts: conflicts)
        q.actions = actions
        q.followUp = try optional { r throws(DamagedBytes) in
            FollowUp(episode: try r.optional { r throws(DamagedBytes) in ItemID(try r.string()) },
                     trend: try r.optional { r throws(DamagedBytes) in ItemID(try r.string()) },
                     keep: try r.array { r throws(DamagedBytes) in ItemID(try r.string()) },
                     confirm: try r.array { r throws(DamagedBytes) in ItemID(try r.string()) })
        }
        q.publication = try optional { r throws(DamagedBytes) in
            Publication(publisher: try r.optional { r throws(DamagedBytes) in try r.string() },
                        date: try r.optional { r throws(DamagedBytes) in try r.string() },
                        jurisdiction: try r.array { r throws(DamagedBytes) in try r.coding() })
        }
        return q
    }

    mutating func section() throws(DamagedBytes) -> Section {
        Section(id: try string(), title: try text(), items: try array { r throws(DamagedBytes) in try r.item() })
    }

    mutating func item() throws(DamagedBytes) -> Item {
        let id = ItemID(try string())
        let kind: ItemKind = try word()
        let text = try text()
        let help = try optionalText()
        let short = try optionalText()
        let unit = try optionalText()
        let unitOne = try optionalText()
        let options = try array { r throws(DamagedBytes) in ChoiceOption(value: try r.string(), text: try r.text()) }
        let minimum = try optional { r throws(DamagedBytes) in try r.double() }
        let maximum = try optional { r throws(DamagedBytes) in try r.double() }
        let belowMinimum = try optionalText()
        let anchors = try optional { r throws(DamagedBytes) in (min: try r.text(), max: try r.text()) }
        let required = try bool()
        let condition = try optional { r throws(DamagedBytes) in try r.expression() }
        let isRedFlag = try bool()
        let watch = try array { r throws(DamagedBytes) in
            WatchPlacement(condition: try r.optional { r throws(DamagedBytes) in try r.expression() }, action: try r.string())
        }
        let notice = try optional { r throws(DamagedBytes) in try r.string() }
        let notAskedReason = try optionalText()
        let inputHint: InputHint? = try optional { r throws(DamagedBytes) in try r.word() }
        let codes = try array { r throws(DamagedBytes) in try r.coding() }
        let ucumUnit = try optional { r throws(DamagedBytes) in try r.string() }
        let source = try optional { r throws(DamagedBytes) in try r.sourceRef() }
        let section = try string()
        let location = try optionalLocation()
        var item = Item(id: id, kind: kind, text: text, help: help, short: short, unit: unit, unitOne: unitOne,
                        options: options, minimum: minimum, maximum: maximum, belowMinimum: belowMinimum,
                        anchors: anchors, required: required, condition: condition, isRedFlag: isRedFlag, watch: watch,
                        notAskedReason: notAskedReason, inputHint: inputHint, codes: codes, ucumUnit: ucumUnit,
                        source: source, section: section, location: location)
        if let notice { item.notice = notice }
        return item
    }

    mutating func derivedValue() throws(DamagedBytes) -> DerivedValue {
        DerivedValue(id: try string(), type: try valueType(), expression: try expression(), text: try text(),
                     valueLabels: try labels(), location: try optionalLocation())
    }

    mutating func safetyNet() throws(DamagedBytes) -> SafetyNet {
        SafetyNet(measure: try string(),
                  thresholds: try array { r throws(DamagedBytes) in
                      SafetyNet.Threshold(condition: try r.expression(),
                                          weeks: try r.array { r throws(DamagedBytes) in try r.double() })
                  },
                  text: try text(), noneText: try text(), textByLevel: try labels())
    }

    mutating func triageLevel() throws(DamagedBytes) -> TriageLevel {
        let id = try string()
        let rank = try int()
        let title = try text()
        let defaultAction = try string()
        var shape = ResultShape()
        shape.suggestions = try bool()
        shape.cautions = try bool()
        shape.notes = try optional { r throws(DamagedBytes) in Set(try r.array { r throws(DamagedBytes) in try r.string() }) }
        shape.nextCheck = try bool()
        shape.watch = try optional { r throws(DamagedBytes) in try r.array { r throws(DamagedBytes) in try r.string() } }
        return TriageLevel(id: id, rank: rank, title: title, defaultAction: defaultAction, result: shape,
                           finalRemark: try optionalText(), codes: try array { r throws(DamagedBytes) in try r.coding() })
    }

    mutating func action() throws(DamagedBytes) -> Action {
        var action = Action(id: try string(), level: try string(), order: try int(), text: try text(),
                            watchHeading: try optionalText())
        action.variants = try array { r throws(DamagedBytes) in (condition: try r.expression(), text: try r.text()) }
        action.location = try optionalLocation()
        return action
    }

    mutating func catalogEntry() throws(DamagedBytes) -> CatalogEntry {
        let id = try string()
        let kind: CatalogEntry.Kind = try word()
        let subject = try optional { r throws(DamagedBytes) in try r.string() }
        let group: SuggestionGroup? = try optional { r throws(DamagedBytes) in try r.word() }
        let title = try text()
        let explanation = try text()
        let evidence = try optionalText()
        let practical = try optionalText()
        let source = try optional { r throws(DamagedBytes) in try r.sourceRef() }
        let location = try optionalLocation()
        let doctorQuestion = try optionalText()
        var entry = CatalogEntry(id: id, kind: kind, subject: subject, group: group, title: title,
                                 explanation: explanation, evidence: evidence, practical: practical, source: source,
                                 location: location, doctorQuestion: doctorQuestion)
        if try bool() { entry.banner = true }
        let variants = try array { r throws(DamagedBytes) in
            CatalogEntry.Variant(condition: try r.expression(), explanation: try r.optionalText(),
                                 source: try r.optional { r throws(DamagedBytes) in try r.sourceRef() })
        }
        if !variants.isEmpty { entry.variants = variants }
        return entry
    }

    mutating func rule() throws(DamagedBytes) -> Rule {
        let id = try string()
        let condition = try expression()
        let triage = try optional { r throws(DamagedBytes) in try r.string() }
        let action = try optional { r throws(DamagedBytes) in try r.string() }
        let redFlag = try optional { r throws(DamagedBytes) in Rule.RedFlag(item: ItemID(try r.string()), cause: try r.string()) }
        var rule = Rule(id: id, condition: condition, triage: triage, redFlag: redFlag,
                        suggest: try strings(), caution: try strings(), notes: try strings(), highlight: try strings(),
                        priority: try int(), explanation: try text(),
                        source: try optional { r throws(DamagedBytes) in try r.sourceRef() },
                        location: try optionalLocation())
        if let action { rule.action = action }
        return rule
    }

    mutating func invariant() throws(DamagedBytes) -> Invariant {
        Invariant(id: try string(),
                  condition: try optional { r throws(DamagedBytes) in try r.expression() },
                  level: try optional { r throws(DamagedBytes) in try r.string() },
                  atLeast: try optional { r throws(DamagedBytes) in try r.string() },
                  action: try optional { r throws(DamagedBytes) in try r.string() },
                  includes: try strings(), watches: try strings(),
                  excludes: try array { r throws(DamagedBytes) in try r.word() },
                  onlyNotes: try optional { r throws(DamagedBytes) in try r.strings() },
                  never: try strings(), neverTogether: try strings(), location: try optionalLocation())
    }

    mutating func document() throws(DamagedBytes) -> SourceDocument {
        SourceDocument(file: try string(), title: try text(), short: try optionalText(),
                       publisher: try optional { r throws(DamagedBytes) in try r.string() },
                       url: try optionalText(), location: try optionalLocation(), isGuideline: try bool())
    }

    mutating func coding() throws(DamagedBytes) -> Coding {
        Coding(system: try string(), code: try string(), display: try optional { r throws(DamagedBytes) in try r.string() })
    }

    mutating func sourceRef() throws(DamagedBytes) -> SourceRef {
        SourceRef(file: try string(), section: try string())
    }

    mutating func optionalLocation() throws(DamagedBytes) -> SourceLocation? {
        try optional { r throws(DamagedBytes) in SourceLocation(file: try r.string(), line: try r.int(), column: try r.int()) }
    }

    mutating func text() throws(DamagedBytes) -> LocalizedText {
        var text = LocalizedText([:])
        for language in Language.allCases { text[stored: language] = try optional { r throws(DamagedBytes) in try r.string() } }
        return text
    }

    mutating func optionalText() throws(DamagedBytes) -> LocalizedText? {
        try optional { r throws(DamagedBytes) in try r.text() }
    }

    mutating func strings() throws(DamagedBytes) -> [String] {
        try array { r throws(DamagedBytes) in try r.string() }
    }

    mutating func labels() throws(DamagedBytes) -> [String: LocalizedText] {
        let pairs = try array { r throws(DamagedBytes) in (try r.string(), try r.text()) }
        var labels: [String: LocalizedText] = [:]
        for (key, text) in pairs {
            guard labels.updateValue(text, forKey: key) == nil else { throw DamagedBytes() }
        }
        return labels
    }

    mutating func valueType() throws(DamagedBytes) -> ValueType {
        switch try byte() {
        case 0: return .boolean
        case 1: return .number
        case 2: return .string(options: try optional { r throws(DamagedBytes) in try r.strings() })
        case 3: return .list(options: try optional { r throws(DamagedBytes) in try r.strings() })
        case 4: return .date
        default: throw DamagedBytes()
        }
    }

    mutating func expression() throws(DamagedBytes) -> Expression {
        Expression(source: try string(), root: try expr(depth: 0), location: try optionalLocation())
    }

    mutating func value() throws(DamagedBytes) -> Value {
        switch try byte() {
        case 0: return .bool(try bool())
        case 1: return .number(try double())
        case 2: return .string(try string())
        case 3: return .list(try strings())
        default: throw DamagedBytes()
        }
    }

    /// Damaged bytes could nest without end; no expression a person writes comes near the limit.
    private static let maximumDepth = 500

    mutating func expr(depth: Int) throws(DamagedBytes) -> Expr {
        guard depth < Self.maximumDepth else { throw DamagedBytes() }
        let d = depth + 1
        switch try byte() {
        case 0: return .literal(try value(), at: try int())
        case 1: return .reference(try string(), at: try int())
        case 2: return .resolved(slot: try int(), id: try string(), at: try int())
        case 3: return .list(try array { r throws(DamagedBytes) in try r.expr(depth: d) }, at: try int())
        case 4: return .not(try expr(depth: d), at: try int())
        case 5: return .and(try expr(depth: d), try expr(depth: d))
        case 6: return .or(try expr(depth: d), try expr(depth: d))
        case 7: return .compare(try word(), try expr(depth: d), try expr(depth: d), at: try int())
        case 8: return .member(try expr(depth: d), try expr(depth: d), negated: try bool(), at: try int())
        case 9: return .arithmetic(try word(), try expr(depth: d), try expr(depth: d), at: try int())
        case 10: return .negate(try expr(depth: d), at: try int())
        case 11: return .conditional(try expr(depth: d), then: try expr(depth: d), else: try expr(depth: d), at: try int())
        case 12: return .call(try string(), try array { r throws(DamagedBytes) in try r.expr(depth: d) }, at: try int())
        default: throw DamagedBytes()
        }
    }
}
