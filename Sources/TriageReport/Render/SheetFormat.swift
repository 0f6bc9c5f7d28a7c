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

    /// The format a file name asks for by its ending (`sheet.html`, `sheet.fhir.json`), or nil
    /// when the ending names none of them. The longest ending wins, so `x.fhir.json` is FHIR.
    public static func named(by fileName: String) -> SheetFormat? {
        let name = fileName.lowercased()
        let endings = allCases.map { ($0, $0.fileExtension) } + [(.markdown, "markdown"), (.html, "htm"), (.text, "text")]
        return endings.filter { name.hasSuffix("." + $0.1) }.max { $0.1.count < $1.1.count }?.0
    }

    /// Whether a file named `fileName` may hold this format: its ending names this format, or
    /// one this format is written in as well (FHIR is JSON), or no format at all.
    public func fits(fileName: String) -> Bool {
        guard let named = Self.named(by: fileName), named != self else { return true }
        return named == .json && fileExtension.hasSuffix("json")
    }

    /// The sheet of `report` in this format and language, with a check-in's `changes` and the
    /// episode's `trend` where there are (text, Markdown and HTML, which lay out the result's
    /// outline). Dates come from the report and the trend, so the output depends only on its
    /// inputs; `fhir` says where the FHIR formats' resources are published and how the bundle
    /// is stamped.
    public func render(_ report: Report, language: Language, changes: CheckInChanges? = nil, trend: Trend? = nil,
                       fhir: FHIRBundle.Options = FHIRBundle.Options()) -> String {
        let wording = Wording(report.questionnaire, language)
        let outline = { ResultOutline(report, wording, changes: changes, trend: trend) }
        switch self {
        case .text: return SheetText().render(SheetDocument(outline(), wording))
        case .markdown: return SheetMarkdown().render(SheetDocument(outline(), wording))
        case .html: return SheetHTML().render(SheetDocument(outline(), wording))
        case .json: return ReportJSON.text(report, pretty: true) + "\n"
        case .fhir:
            return FHIRQuestionnaireResponse.json(report, canonical: fhir.canonical).serialized(pretty: true) + "\n"
        case .fhirBundle:
            return FHIRBundle.json(report, language: language, options: fhir).serialized(pretty: true) + "\n"
        }
    }
}
