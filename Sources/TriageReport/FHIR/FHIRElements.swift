import TriageKit

/// The URLs of the FHIR and SDC extensions, profiles and code systems the export uses. Each was
/// checked against the FHIR R4 specification, the SDC implementation guide or the FHIR
/// extensions pack; none is made up here.
enum FHIRURL {
    static let translation = "http://hl7.org/fhir/StructureDefinition/translation"
    static let itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
    static let itemControlSystem = "http://hl7.org/fhir/questionnaire-item-control"
    static let sliderStepValue = "http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue"
    static let unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
    static let hidden = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden"
    static let minValue = "http://hl7.org/fhir/StructureDefinition/minValue"
    static let maxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"
    static let renderingStyle = "http://hl7.org/fhir/StructureDefinition/rendering-style"
    static let variable = "http://hl7.org/fhir/StructureDefinition/variable"
    static let calculatedExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
    static let enableWhenExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"
    static let citation = "http://hl7.org/fhir/StructureDefinition/cqf-citation"
    static let ucum = "http://unitsofmeasure.org"
    static let sdcRender = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-render"
    static let sdcBehave = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-behave"
    static let sdcResponse = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse"
    static let observationExtract = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract"
}

/// Small builders for the JSON shapes FHIR repeats.
public enum FHIRJSON {
    /// `name` in the primary language and, in `_name`, a `translation` extension for each other
    /// language the text has: one resource carries every language (FHIR's way of translating a
    /// string element). `more` adds further extensions to `_name` (a rendering style).
    public static func text(_ name: String, _ text: LocalizedText, _ primary: Language, _ languages: [Language],
                     more: [JSON] = []) -> [(String, JSON)] {
        var fields: [(String, JSON)] = [(name, .string(text[primary]))]
        let translations: [JSON] = languages.filter { $0 != primary && text.translations[$0] != nil }.map { language in
            .object([("url", .string(FHIRURL.translation)),
                     ("extension", .array([.object([("url", .string("lang")), ("valueCode", .string(language.rawValue))]),
                                           .object([("url", .string("content")), ("valueString", .string(text[language]))])]))])
        }
        if !translations.isEmpty || !more.isEmpty { fields.append(("_" + name, .object([("extension", .array(translations + more))]))) }
        return fields
    }

    public static func ext(_ url: String, _ value: (String, JSON)) -> JSON {
        .object([("url", .string(url)), value])
    }

    /// An itemControl extension with one code of the SDC item-control code system.
    public static func itemControl(_ code: String, _ display: String) -> JSON {
        ext(FHIRURL.itemControl, ("valueCodeableConcept", .object([("coding", .array([
            .object([("system", .string(FHIRURL.itemControlSystem)), ("code", .string(code)), ("display", .string(display))]),
        ]))])))
    }

    /// A FHIRPath expression as an `Expression` value, optionally named (a variable).
    public static func expression(_ fhirPath: String, name: String? = nil) -> JSON {
        var fields: [(String, JSON)] = []
        if let name { fields.append(("name", .string(name))) }
        fields += [("language", .string("text/fhirpath")), ("expression", .string(fhirPath))]
        return .object(fields)
    }

    public static func coding(_ system: String, _ code: String, _ display: String? = nil) -> JSON {
        var fields: [(String, JSON)] = [("system", .string(system)), ("code", .string(code))]
        if let display { fields.append(("display", .string(display))) }
        return .object(fields)
    }

    public static func concept(_ codings: [JSON], text: String? = nil) -> JSON {
        var fields: [(String, JSON)] = [("coding", .array(codings))]
        if let text { fields.append(("text", .string(text))) }
        return .object(fields)
    }
}

/// The human-readable summary every resource carries (`text`, FHIR's dom-6): generated from the
/// resource's own content, one paragraph a line, as XHTML.
public enum FHIRNarrative {
    public static func text(_ lines: [String]) -> JSON {
        let body = lines.map { "<p>" + escaped($0) + "</p>" }.joined()
        return .object([("status", .string("generated")),
                        ("div", .string("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + body + "</div>"))])
    }

    /// A table of codes and their displays, for a CodeSystem or a ValueSet.
    public static func table(_ heading: String, _ rows: [(String, String)]) -> JSON {
        let cells = rows.map { "<tr><td>" + escaped($0.0) + "</td><td>" + escaped($0.1) + "</td></tr>" }.joined()
        return .object([("status", .string("generated")),
                        ("div", .string("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escaped(heading) + "</p><table>" + cells + "</table></div>"))])
    }

    static func escaped(_ s: String) -> String {
        s.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }
}
