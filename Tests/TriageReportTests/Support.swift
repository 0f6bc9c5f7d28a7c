import Foundation
import TriageKit
import TriageReport
@_exported import TriageTestSupport

/// The report of the baseline answers with `changes`, answered on the fixed day.
func report(_ changes: [String: Value] = [:]) -> Report {
    Report(engine: Fixtures.engine, answers: Fixtures.baseline(changes), on: Fixtures.day)
}

/// Every output a person reads, for one report, by name.
func patientOutputs(_ r: Report, _ language: Language) -> [(String, String)] {
    [("result text", ResultText(Wording(r.questionnaire, language)).render(r)),
     ("text sheet", SheetFormat.text.render(r, language: language)),
     ("markdown sheet", SheetFormat.markdown.render(r, language: language)),
     ("html sheet", SheetFormat.html.render(r, language: language))]
}

/// The example cases as answer sets, read as the command line reads them; a file or case that
/// cannot be read is an error, so the tests over them fail instead of running over nothing.
func exampleCases() throws -> [(name: String, answers: AnswerSet)] {
    try Fixtures.exampleCases().map { ($0.name, $0.answers) }
}

/// Text with every run of white space made one space, so a phrase wrapped across lines is found.
func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
