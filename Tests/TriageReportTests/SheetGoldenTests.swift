import Foundation
import Testing
import TriageKit
import TriageReport

/// Every format of the summary sheet for every example case, compared with the files under
/// Golden/. `make golden` (UPDATE_GOLDEN=1) rewrites them after an intended change and fails
/// that run on purpose, naming each file it wrote: review the diff, then run the tests again.
@Suite("Summary sheet golden files")
struct SheetGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var format: SheetFormat
        var language: Language
        var testDescription: String { "\(name) (\(format.rawValue), \(language.rawValue))" }

        var fileName: String {
            let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
                .split(separator: "-").joined(separator: "-")
            return "\(slug).\(language.rawValue).\(format.fileExtension)"
        }
    }

    /// Every format in English; the formats with words in German too.
    static func cases() throws -> [Case] { try exampleCases().flatMap { c in
        SheetFormat.allCases.map { Case(name: c.name, format: $0, language: .en) }
            + [SheetFormat.text, .markdown, .html].map { Case(name: c.name, format: $0, language: .de) }
    } }

    @Test(arguments: try cases())
    func sheetMatchesItsGoldenFile(_ c: Case) throws {
        let answers = try Fixtures.exampleAnswers(c.name)
        let output = c.format.render(Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day), language: c.language)
        if let problem = GoldenFile.mismatch(output, Self.directory.appendingPathComponent(c.fileName)) { Issue.record("\(problem)") }
    }
}
