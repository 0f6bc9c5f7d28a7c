import Foundation

/// The formats a summary sheet can be written in.
public enum SheetFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, fhir

    /// The file name extension golden files and saved sheets use.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .fhir: return "fhir.json"
        }
    }

    /// The sheet for `answers` in this format. Dates come from the assessment, so the output
    /// depends only on its inputs.
    public func render(_ q: Questionnaire, assessment: Assessment, answers: AnswerSet, language: String) -> String {
        switch self {
        case .text: return SheetPlainText().render(SummarySheet(questionnaire: q, assessment: assessment, answers: answers, language: language))
        case .markdown: return SheetMarkdown().render(SummarySheet(questionnaire: q, assessment: assessment, answers: answers, language: language))
        case .html: return SheetHTML().render(SummarySheet(questionnaire: q, assessment: assessment, answers: answers, language: language))
        case .json: return SheetJSON.json(assessment, answers: answers, questionnaire: q).serialized(pretty: true) + "\n"
        case .fhir:
            return FHIRQuestionnaireResponse.json(q, answers: answers, date: assessment.answeredOn, language: language)
                .serialized(pretty: true) + "\n"
        }
    }
}
