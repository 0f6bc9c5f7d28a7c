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

/// How the text sheet falls into pages, for every example case in both languages.
@Suite("Text sheet pages")
struct TextSheetPages {
    static func cases() throws -> [(String, Language)] { try exampleCases().flatMap { c in [(c.name, Language.en), (c.name, .de)] } }

    func document(_ name: String, _ language: Language) throws -> SheetDocument {
        let report = Report(engine: Fixtures.engine, answers: try Fixtures.exampleAnswers(name), on: Fixtures.day)
        let wording = Wording(report.questionnaire, language)
        return SheetDocument(report, wording)
    }

    @Test(arguments: try cases())
    func noPageEndsWithAHeading(_ name: String, _ language: Language) throws {
        let sheet = try document(name, language)
        let headings = Set(sheet.blocks.compactMap { block -> String? in
            switch block {
            case .heading(let text), .appendixStart(let text): return text.uppercased()
            default: return nil
            }
        })
        for (number, page) in SheetText().pages(sheet).enumerated() {
            let last = page.last { !$0.isEmpty } ?? ""
            #expect(!headings.contains(last), "page \(number + 1) of \(name) (\(language.rawValue)) ends with the heading \(last)")
        }
    }

    @Test(arguments: try cases())
    func theFileAndThePrinterGetTheSamePages(_ name: String, _ language: Language) throws {
        let sheet = try document(name, language)
        let pages = SheetText().pages(sheet)
        let printed = SheetText().printable(sheet).split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(printed.count == pages.count)
        for (page, text) in zip(pages, printed) {
            #expect(page.count <= SheetText.pageLength)
            #expect(text.hasPrefix(page[0]), "each printed page begins with the sheet's header")
        }
        let file = SheetText().render(sheet).split(separator: "\n", omittingEmptySubsequences: false)
        for (i, page) in pages.enumerated() { #expect(String(file[i * SheetText.pageLength]) == page[0]) }
    }
}

@Suite("The sheet's header")
struct SheetHeader {
    @Test(arguments: Language.allCases)
    func namesTheQuestionnaireAndTheDayNotItsIdOrVersion(_ language: Language) throws {
        let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(), on: Fixtures.day)
        let q = report.questionnaire
        for format in [SheetFormat.html, .markdown] {
            let sheet = format.render(report, language: language)
            let top = sheet.split(separator: "\n").prefix(12).joined(separator: "\n")
            #expect(top.contains(q.title[language]))
            #expect(!top.contains(q.id) && !top.contains(q.version), "\(format): \(top)")
        }
    }
}
