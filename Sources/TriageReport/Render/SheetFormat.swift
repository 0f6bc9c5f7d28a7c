#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// The formats a summary sheet can be written in.
public enum SheetFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, fhir
    /// The result as FHIR resources: a Bundle of the response, a RiskAssessment, a CarePlan and
    /// a Provenance.
    case fhirBundle = "fhir-bundle"

    /// The file name extension saved sheets and golden files use.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .fhir: return "fhir.json"
        case .fhirBundle: return "bundle.json"
        }
    }

    /// The sheet of `report` in this format and language, with the episode's `trend` where
    /// there is one (text, Markdown and HTML). Dates come from the report and the trend, so the
    /// output depends only on its inputs; `fhir` says where the FHIR formats' resources are
    /// published and how the bundle is stamped.
    public func render(_ report: Report, language: Language, trend: Trend? = nil,
                       fhir: FHIRBundle.Options = FHIRBundle.Options()) -> String {
        let wording = Wording(report.questionnaire, language)
        switch self {
        case .text: return SheetText().render(SheetDocument(report, wording, trend: trend))
        case .markdown: return SheetMarkdown().render(SheetDocument(report, wording, trend: trend))
        case .html: return SheetHTML().render(SheetDocument(report, wording, trend: trend))
        case .json: return ReportJSON.json(report).serialized(pretty: true) + "\n"
        case .fhir:
            return FHIRQuestionnaireResponse.json(report, canonical: fhir.canonical).serialized(pretty: true) + "\n"
        case .fhirBundle:
            return FHIRBundle.json(report, language: language, options: fhir).serialized(pretty: true) + "\n"
        }
    }
}
