import Foundation
import TriageKit

/// The formats a summary sheet can be written in.
public enum SheetFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, fhir

    /// The file name extension saved sheets and golden files use.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .fhir: return "fhir.json"
        }
    }

    /// The sheet of `report` in this format and language. Dates come from the report, so the
    /// output depends only on its inputs; `canonical` says where the FHIR Questionnaire is published.
    public func render(_ report: Report, language: Language, canonical: FHIRCanonical = .standard) -> String {
        let wording = Wording(report.questionnaire, language)
        switch self {
        case .text: return SheetText().render(SheetDocument(report, wording))
        case .markdown: return SheetMarkdown().render(SheetDocument(report, wording))
        case .html: return SheetHTML().render(SheetDocument(report, wording))
        case .json: return ReportJSON.json(report).serialized(pretty: true) + "\n"
        case .fhir:
            return FHIRQuestionnaireResponse.json(report, language: language, canonical: canonical).serialized(pretty: true) + "\n"
        }
    }
}
