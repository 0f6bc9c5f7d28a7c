import Foundation

/// The sheet for another system: the assessment as `evaluate --format json` gives it, plus the
/// answers it came from, in the questionnaire's order.
public enum SheetJSON {
    public static func json(_ a: Assessment, answers: AnswerSet, questionnaire q: Questionnaire) -> JSON {
        var fields: [(String, JSON)] = []
        if case .object(let assessment) = AssessmentJSON.json(a) { fields = assessment }
        let known = q.items.map(\.id).filter { answers[$0] != nil }
        fields.append(("answers", .object(known.map { ($0, JSON(answers[$0])) })))
        return .object(fields)
    }
}
