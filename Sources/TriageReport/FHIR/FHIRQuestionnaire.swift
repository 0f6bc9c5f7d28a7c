import TriageKit

/// The questionnaire as one FHIR R4 `Questionnaire` per content version, in every language it
/// has: the primary language (the first the questionnaire lists, always the same) in the text
/// elements, the others as `translation` extensions. One url|version is one resource, whatever
/// language a person uses: a response in German is checked against the same resource as one in
/// English. A form built from it asks what the engine asks:
/// - sections are groups; each question keeps its id as linkId, its type, options, range, unit
///   (UCUM, `questionnaire-unit`) and codes (LOINC where one exists);
/// - conditions are `enableWhen` entries with R4's exact meaning (see `EnableWhen`);
/// - help texts are display items with the `help` item control; a scale is a slider with its
///   step and its anchor texts (`lower`, `upper`);
/// - a display item tells what to do at once when any emergency sign is answered yes;
/// - the derived values are SDC variables in FHIRPath, and hidden calculated items in a group
///   of their own, so a response can carry them.
public enum FHIRQuestionnaire {
    /// The linkId of the display item shown when an emergency sign is answered yes.
    public static let actNowLinkId = "act-now"
    /// The linkId of the hidden item that holds the triage level; its `-` keeps it apart from
    /// every item id.
    public static let levelLinkId = "triage-level"

    public static func json(_ q: Questionnaire, canonical: FHIRCanonical = .standard) -> JSON {
        Exporter(q: q, primary: primaryLanguage(q), canonical: canonical).questionnaire()
    }

    /// The language of every FHIR resource's own texts: the questionnaire's first language. The
    /// others are translations, so no two exports of one version differ.
    public static func primaryLanguage(_ q: Questionnaire) -> Language { languages(q).first ?? .en }

    /// The languages the resources carry, the primary one first.
    public static func languages(_ q: Questionnaire) -> [Language] { q.languages.isEmpty ? Language.allCases : q.languages }

    /// The FHIR item type of a question kind; a scale is answered with a whole number.
    static func type(_ kind: ItemKind) -> String {
        switch kind {
        case .boolean: return "boolean"
        case .choice, .multiChoice: return "choice"
        case .integer, .scale: return "integer"
        case .decimal: return "decimal"
        case .text: return "text"
        case .date: return "date"
        }
    }

    /// `back-pain` -> `BackPain`: FHIR wants a name a machine can use.
    static func computableName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The FHIR type of a derived value's calculated item: a count is a whole number.
    static func derivedType(_ d: DerivedValue) -> String {
        switch d.type {
        case .boolean: return "boolean"
        case .number:
            if case .call("count", _, _) = d.expression.root { return "integer" }
            return "decimal"
        case .date: return "date"
        case .string, .list: return "string"
        }
    }

    /// The derived values in an order where each comes after those it reads: SDC evaluates
    /// variables in order.
    static func orderedDerived(_ q: Questionnaire) -> [DerivedValue] {
        var done = Set<String>(), out: [DerivedValue] = []
        let byId = Dictionary(q.derived.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func visit(_ d: DerivedValue, _ path: Set<String>) {
            guard !done.contains(d.id), !path.contains(d.id) else { return }
            for id in d.expression.root.references { if let other = byId[id] { visit(other, path.union([d.id])) } }
            done.insert(d.id)
            out.append(d)
        }
        q.derived.forEach { visit($0, []) }
        return out
    }
}

private struct Exporter {
    let q: Questionnaire
    let primary: Language
    let canonical: FHIRCanonical
    let fhirPath: FHIRPathTranslator
    let languages: [Language]

    init(q: Questionnaire, primary: Language, canonical: FHIRCanonical) {
        self.q = q
        self.primary = primary
        self.canonical = canonical
        fhirPath = FHIRPathTranslator(q)
        languages = FHIRQuestionnaire.languages(q)
    }

    func text(_ name: String, _ t: LocalizedText, more: [JSON] = []) -> [(String, JSON)] {
        FHIRJSON.text(name, t, primary, languages, more: more)
    }

    func questionnaire() -> JSON {
        let variables: [JSON] = fhirPath.variables().map { v in
            FHIRJSON.ext(FHIRURL.variable, ("valueExpression", FHIRJSON.expression(v.expression, name: v.name)))
        }
        var fields: [(String, JSON)] = [
            ("resourceType", .string("Questionnaire")),
            ("id", .string(q.id)),
            ("meta", .object([("profile", .array([.string(FHIRURL.sdcRender), .string(FHIRURL.sdcBehave)]))])),
            ("language", .string(primary.rawValue)),
            ("text", narrative()),
        ]
        if !variables.isEmpty { fields.append(("extension", .array(variables))) }
        fields += [
            ("url", .string(canonical.questionnaireURL(q.id))),
            ("version", .string(q.version)),
            ("name", .string(FHIRQuestionnaire.computableName(q.id))),
        ]
        fields += text("title", q.title)
        fields += [("status", .string("active")), ("experimental", .bool(false)), ("subjectType", .array([.string("Patient")]))]
        fields += FHIRPackage.metadata(q)
        if let description = q.description { fields += text("description", description) }
        let act = actNow()
        var items = q.sections.map { group($0, act: act) }
        if let derived = derivedGroup() { items.append(derived) }
        fields.append(("item", .array(items)))
        return .object(fields)
    }

    /// What a person reads of the form: its title and description, then each section and its
    /// questions.
    func narrative() -> JSON {
        var lines = [q.title[primary] + " (" + q.version + ")"]
        if let description = q.description { lines.append(description[primary]) }
        for section in q.sections {
            lines.append(section.title[primary] + ": " + section.items.map { $0.text[primary] }.joined(separator: " / "))
        }
        return FHIRNarrative.text(lines)
    }

    /// A section as a group. When every item of the section has the same condition, the group
    /// carries it: a form then hides the whole section, heading included.
    func group(_ section: Section, act: (after: ItemID, items: [JSON])?) -> JSON {
        let sources = Set(section.items.map { $0.condition?.source ?? "" })
        let shared = sources.count == 1 && sources.first != "" ? section.items.first?.condition : nil
        let sharedWhen = shared.flatMap { EnableWhen(q, $0.root, canonical: canonical) }
        var fields: [(String, JSON)] = [("linkId", .string(section.id))]
        fields += text("text", section.title)
        fields.append(("type", .string("group")))
        if let sharedWhen { fields += sharedWhen.fields }
        var children: [JSON] = []
        for item in section.items {
            children.append(question(item, conditionOnGroup: sharedWhen != nil))
            if let act, act.after == item.id { children += act.items }
        }
        fields.append(("item", .array(children)))
        return .object(fields)
    }

    func question(_ item: Item, conditionOnGroup: Bool) -> JSON {
        var extensions: [JSON] = []
        let valueKey = item.kind == .decimal ? "valueDecimal" : "valueInteger"
        if item.kind.isNumeric, let lo = item.minimum { extensions.append(FHIRJSON.ext(FHIRURL.minValue, (valueKey, .number(lo)))) }
        if item.kind.isNumeric, let hi = item.maximum { extensions.append(FHIRJSON.ext(FHIRURL.maxValue, (valueKey, .number(hi)))) }
        if let ucum = item.ucumUnit {
            var coding: [(String, JSON)] = [("system", .string(FHIRURL.ucum)), ("code", .string(ucum))]
            if let unit = item.unit { coding += text("display", unit) }
            extensions.append(FHIRJSON.ext(FHIRURL.unit, ("valueCoding", .object(coding))))
        }
        if item.kind.isNumeric && !item.codes.isEmpty {
            // A number with a standard code is a measurement (the 0-10 pain score, LOINC
            // 72514-3): SDC extraction makes it an Observation with that code.
            extensions.append(FHIRJSON.ext(FHIRURL.observationExtract, ("valueBoolean", .bool(true))))
        }
        if item.kind == .scale {
            extensions.append(FHIRJSON.itemControl("slider", "Slider"))
            extensions.append(FHIRJSON.ext(FHIRURL.sliderStepValue, ("valueInteger", .number(1))))
        }
        let condition = conditionOnGroup ? nil : item.condition
        let enableWhen = condition.flatMap { EnableWhen(q, $0.root, canonical: canonical) }
        if let condition, enableWhen == nil, let expression = fhirPath.translate(condition.root) {
            // R4's enableWhen cannot say this condition: SDC form fillers evaluate it instead.
            extensions.append(FHIRJSON.ext(FHIRURL.enableWhenExpression,
                                           ("valueExpression", FHIRJSON.expression("iif(\(expression), true, false)"))))
        }

        var fields: [(String, JSON)] = []
        if !extensions.isEmpty { fields.append(("extension", .array(extensions))) }
        fields.append(("linkId", .string(item.id.rawValue)))
        if !item.codes.isEmpty {
            fields.append(("code", .array(item.codes.map { FHIRJSON.coding($0.system, $0.code, $0.display) })))
        }
        fields += text("text", item.text)
        fields.append(("type", .string(FHIRQuestionnaire.type(item.kind))))
        if let enableWhen { fields += enableWhen.fields }
        // An item whose condition only SDC can evaluate is not required: a form that shows it
        // always must not insist on an answer the questionnaire may not ask for.
        fields.append(("required", .bool(item.required && (condition == nil || enableWhen != nil))))
        if item.kind == .multiChoice { fields.append(("repeats", .bool(true))) }
        if !item.options.isEmpty {
            fields.append(("answerOption", .array(item.options.map { option in
                var coding: [(String, JSON)] = [("system", .string(canonical.codeSystem(q, item))), ("code", .string(option.value))]
                coding += text("display", option.text)
                return .object([("valueCoding", .object(coding))])
            })))
        }
        var children: [JSON] = []
        if let help = item.help { children.append(display("\(item.id)-help", help, control: ("help", "Help-Button"))) }
        if let (lo, hi) = item.anchors {
            children.append(display("\(item.id)-lower", lo, control: ("lower", "Lower-bound")))
            children.append(display("\(item.id)-upper", hi, control: ("upper", "Upper-bound")))
        }
        if !children.isEmpty { fields.append(("item", .array(children))) }
        return .object(fields)
    }

    func display(_ linkId: String, _ t: LocalizedText, control: (code: String, display: String)) -> JSON {
        var fields: [(String, JSON)] = [("extension", .array([FHIRJSON.itemControl(control.code, control.display)])),
                                        ("linkId", .string(linkId))]
        fields += text("text", t)
        fields.append(("type", .string("display")))
        return .object(fields)
    }

    /// What to do at once, shown as soon as any warning sign of the most urgent level is
    /// answered yes, placed after the last such sign: one display for each action of that level
    /// (call 112; go to an emergency department), shown by the signs whose first rule of the
    /// level names it. The level's default action keeps the id `act-now`.
    func actNow() -> (after: ItemID, items: [JSON])? {
        // Each sign under the action of its first rule of the level, as the welcome screen says it.
        let groups = q.emergencySignGroups
        guard let level = q.mostUrgentLevel,
              let last = q.items.map(\.id).last(where: { id in groups.contains { $0.items.contains { $0.id == id } } }) else { return nil }
        let displays: [JSON] = groups.map { group in
            let action = group.action, shown = group.items.map(\.id)
            let conditions = shown.map { id in
                EnableWhen.Condition(question: id, op: "=", answer: ("answerBoolean", .bool(true))).json
            }
            var textByLanguage: [Language: String] = [:]
            for language in languages { textByLanguage[language] = "\(level.title[language]): \(action.text[language])" }
            let linkId = action.id == level.defaultAction ? FHIRQuestionnaire.actNowLinkId : FHIRQuestionnaire.actNowLinkId + "-" + action.id
            var fields: [(String, JSON)] = [("linkId", .string(linkId))]
            fields += text("text", LocalizedText(textByLanguage),
                           more: [FHIRJSON.ext(FHIRURL.renderingStyle, ("valueString", .string("color: #b00000; font-weight: bold")))])
            fields += [("type", .string("display")), ("enableWhen", .array(conditions))]
            if conditions.count > 1 { fields.append(("enableBehavior", .string("any"))) }
            return .object(fields)
        }
        return (last, displays)
    }

    /// The triage level as a hidden, read-only coded item, calculated in FHIRPath from the
    /// rules (`FHIRPathTranslator.levelCode`): the answer option whose code the level has.
    func levelItem() -> JSON? {
        guard fhirPath.levelCode() != nil else { return nil }
        let link = FHIRQuestionnaire.levelLinkId
        let expression = "%questionnaire.repeat(item).where(linkId = '\(link)').answerOption.valueCoding"
            + ".where(code = %\(FHIRPathTranslator.levelVariable))"
        var fields: [(String, JSON)] = [
            ("extension", .array([FHIRJSON.ext(FHIRURL.calculatedExpression, ("valueExpression", FHIRJSON.expression(expression)))])),
            ("linkId", .string(link)),
        ]
        fields += text("text", StringCatalog.report.localized("fhir.outcome", languages))
        fields += [("type", .string("choice")), ("readOnly", .bool(true))]
        fields.append(("answerOption", .array(q.triageLevels.map { level in
            var coding: [(String, JSON)] = [("system", .string(canonical.codeSystem(q, concept: FHIRCodeSystem.triageLevel))),
                                            ("code", .string(level.id))]
            coding += text("display", level.title)
            return .object([("valueCoding", .object(coding))])
        })))
        return .object(fields)
    }

    /// The derived values as hidden, read-only items calculated from the variables.
    func derivedGroup() -> JSON? {
        let derivedItems: [JSON] = FHIRQuestionnaire.orderedDerived(q).compactMap { d in
            guard fhirPath.translate(d.expression.root) != nil else { return nil }
            var fields: [(String, JSON)] = [
                ("extension", .array([FHIRJSON.ext(FHIRURL.calculatedExpression, ("valueExpression", FHIRJSON.expression("%" + FHIRPathTranslator.variableName(d.id))))])),
                ("linkId", .string(d.id)),
            ]
            fields += text("text", d.text)
            fields += [("type", .string(FHIRQuestionnaire.derivedType(d))), ("readOnly", .bool(true))]
            return .object(fields)
        }
        var items = derivedItems
        if let level = levelItem() { items.append(level) }
        guard !items.isEmpty else { return nil }
        var fields: [(String, JSON)] = [
            ("extension", .array([FHIRJSON.ext(FHIRURL.hidden, ("valueBoolean", .bool(true)))])),
            ("linkId", .string(FHIRResponseReader.derivedGroupLinkId)),
        ]
        fields += text("text", StringCatalog.report.localized("fhir.derived", languages))
        fields += [("type", .string("group")), ("item", .array(items))]
        return .object(fields)
    }
}

extension StringCatalog {
    /// One entry of the catalog in every language given, for a text FHIR carries in all of them.
    func localized(_ key: String, _ languages: [Language]) -> LocalizedText {
        LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, text(key, $0)) }))
    }
}
