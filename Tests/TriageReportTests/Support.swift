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

/// The example cases as answer sets, read as the command line reads them.
func exampleCases() -> [(name: String, answers: AnswerSet)] {
    guard let data = FileManager.default.contents(atPath: Fixtures.vignettesPath),
          let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
    return list.compactMap { c in
        guard let name = c["name"] as? String, let raw = c["answers"],
              let json = try? JSONSerialization.data(withJSONObject: raw), let text = String(data: json, encoding: .utf8),
              let document = try? AnswerFileReader.parse("{\"questionnaire\": \"back-pain\", \"answers\": \(text)}", path: name)
        else { return nil }
        return (name, document.answers)
    }
}

/// Text with every run of white space made one space, so a phrase wrapped across lines is found.
func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
