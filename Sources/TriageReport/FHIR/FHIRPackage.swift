import TriageKit

/// The questionnaire's terminology for other systems: a Bundle of type `collection` with the
/// Questionnaire, every CodeSystem its answers and results use, and a ValueSet of all codes of
/// each. A validator or a terminology server loads it and then knows every code of
/// `sheet --format fhir-bundle`: the options of each choice, the triage levels, the causes
/// behind warning signs, the suggestions, cautions and notes, and the safety net.
///
/// Every resource is one canonical url|version whatever the language: its texts are in the
/// questionnaire's first language, a concept's other languages are `designation`s. Codes and
/// texts come from the questionnaire's data; the metadata (publisher, date, jurisdiction) from
/// its `publication:`, when it has one.
public enum FHIRPackage {
    public static func json(_ q: Questionnaire, canonical: FHIRCanonical = .standard) -> JSON {
        var entries: [JSON] = []
        func entry(_ type: String, _ id: String, _ resource: JSON) {
            entries.append(.object([("fullUrl", .string("\(canonical.base)/\(type)/\(id)")), ("resource", resource)]))
        }
        entry("Questionnaire", q.id, FHIRQuestionnaire.json(q, canonical: canonical))
        for system in FHIRCodeSystem.all(q) {
            entry("CodeSystem", system.id(q), system.codeSystem(q, canonical))
            entry("ValueSet", system.id(q), system.valueSet(q, canonical))
        }
        return .object([
            ("resourceType", .string("Bundle")),
            ("id", .string(q.id + "-" + q.version.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" })),
            ("type", .string("collection")),
            ("entry", .array(entries)),
        ])
    }
}

/// One code system of the questionnaire's own: its name in the canonical URL, its title, and its
/// concepts with their displays in every language.
struct FHIRCodeSystem {
    /// The names of the code systems of the questionnaire's own concepts, besides one per
    /// choice item (named by its id, which holds no `-`).
    static let triageLevel = "triage-level"
    static let cause = "cause"
    static let safetyNet = "safety-net"
    static let nextCheck = "next-check"

    /// The code of the safety net for the watch list of one action.
    static func watch(_ action: Action) -> String { "watch-" + action.id }

    struct Concept {
        var code: String
        var display: LocalizedText
    }

    var name: String
    /// The URL of the system, from the canonical base.
    var url: (FHIRCanonical) -> String
    var title: LocalizedText
    var concepts: [Concept]

    /// Every code system the Questionnaire and the result Bundle use, in the order of the data.
    static func all(_ q: Questionnaire) -> [FHIRCodeSystem] {
        let languages = FHIRQuestionnaire.languages(q)
        func titled(_ heading: (Language) -> String) -> LocalizedText {
            LocalizedText(Dictionary(uniqueKeysWithValues: languages.map { ($0, q.title[$0] + ": " + heading($0)) }))
        }
        func report(_ key: String) -> (Language) -> String { { StringCatalog.report.text(key, $0) } }
        var systems: [FHIRCodeSystem] = q.items.filter { !$0.options.isEmpty }.map { item in
            FHIRCodeSystem(name: item.id.rawValue, url: { $0.codeSystem(q, item) }, title: titled { (item.short ?? item.text)[$0] },
                           concepts: item.options.map { Concept(code: $0.value, display: $0.text) })
        }
        func own(_ name: String, _ heading: @escaping (Language) -> String, _ concepts: [Concept]) {
            guard !concepts.isEmpty else { return }
            systems.append(FHIRCodeSystem(name: name, url: { $0.codeSystem(q, concept: name) }, title: titled(heading), concepts: concepts))
        }
        own(triageLevel, report("fhir.outcome"), q.triageLevels.map { Concept(code: $0.id, display: $0.title) })
        own(cause, report("fhir.causes"), q.causes.map { Concept(code: $0.id, display: $0.text) })
        for (kind, key) in [(CatalogEntry.Kind.suggestion, "result.suggestions"), (.caution, "result.cautions"), (.note, "result.notes")] {
            own(kind.rawValue, report(key), q.catalog.filter { $0.kind == kind }.map { Concept(code: $0.id, display: $0.title) })
        }
        let safety = StringCatalog.report.localized("result.safety_net", languages)
        own(safetyNet, report("result.safety_net"), [Concept(code: nextCheck, display: safety)]
            + q.actions.map { Concept(code: watch($0), display: $0.watchHeading ?? $0.text) })
        return systems
    }

    /// A FHIR id for `<questionnaire>-<name>`: an item id's `_` is not allowed in one.
    func id(_ q: Questionnaire) -> String { (q.id + "-" + name).map { $0 == "_" ? "." : $0 }.reduce("") { $0 + String($1) } }

    func codeSystem(_ q: Questionnaire, _ canonical: FHIRCanonical) -> JSON {
        let primary = FHIRQuestionnaire.primaryLanguage(q), languages = FHIRQuestionnaire.languages(q)
        var fields: [(String, JSON)] = [
            ("resourceType", .string("CodeSystem")),
            ("id", .string(id(q))),
            ("language", .string(primary.rawValue)),
            ("text", FHIRNarrative.table(title[primary], concepts.map { ($0.code, $0.display[primary]) })),
            ("url", .string(url(canonical))),
            ("version", .string(q.version)),
            ("name", .string(FHIRQuestionnaire.computableName(id(q)))),
        ]
        fields += FHIRJSON.text("title", title, primary, languages)
        fields += [("status", .string("active")), ("experimental", .bool(false))]
        fields += FHIRPackage.metadata(q)
        fields += [
            ("caseSensitive", .bool(true)),
            ("valueSet", .string(valueSetURL(canonical))),
            ("content", .string("complete")),
            ("count", .number(Double(concepts.count))),
            ("concept", .array(concepts.map { concept in
                var c: [(String, JSON)] = [("code", .string(concept.code)), ("display", .string(concept.display[primary]))]
                let designations: [JSON] = languages.filter { $0 != primary && concept.display.translations[$0] != nil }.map {
                    .object([("language", .string($0.rawValue)), ("value", .string(concept.display[$0]))])
                }
                if !designations.isEmpty { c.append(("designation", .array(designations))) }
                return .object(c)
            })),
        ]
        return .object(fields)
    }

    func valueSetURL(_ canonical: FHIRCanonical) -> String {
        url(canonical).replacing("/CodeSystem/", with: "/ValueSet/")
    }

    /// All codes of the system: what an element bound to it may hold.
    func valueSet(_ q: Questionnaire, _ canonical: FHIRCanonical) -> JSON {
        let primary = FHIRQuestionnaire.primaryLanguage(q), languages = FHIRQuestionnaire.languages(q)
        var fields: [(String, JSON)] = [
            ("resourceType", .string("ValueSet")),
            ("id", .string(id(q))),
            ("language", .string(primary.rawValue)),
            ("text", FHIRNarrative.table(title[primary], concepts.map { ($0.code, $0.display[primary]) })),
            ("url", .string(valueSetURL(canonical))),
            ("version", .string(q.version)),
            ("name", .string(FHIRQuestionnaire.computableName(id(q)))),
        ]
        fields += FHIRJSON.text("title", title, primary, languages)
        fields += [("status", .string("active")), ("experimental", .bool(false))]
        fields += FHIRPackage.metadata(q)
        fields.append(("compose", .object([("include", .array([.object([("system", .string(url(canonical))),
                                                                        ("version", .string(q.version))])]))])))
        return .object(fields)
    }
}

extension FHIRPackage {
    /// `date`, `publisher` and `jurisdiction` of a canonical resource, from `publication:`.
    static func metadata(_ q: Questionnaire) -> [(String, JSON)] {
        guard let p = q.publication else { return [] }
        var fields: [(String, JSON)] = []
        if let date = p.date { fields.append(("date", .string(date))) }
        if let publisher = p.publisher { fields.append(("publisher", .string(publisher))) }
        if !p.jurisdiction.isEmpty {
            fields.append(("jurisdiction", .array(p.jurisdiction.map { FHIRJSON.concept([FHIRJSON.coding($0.system, $0.code, $0.display)]) })))
        }
        return fields
    }
}
