import Foundation
import Testing
@testable import TriageKit

/// Every format of the summary sheet for every example vignette, compared with the files under
/// Fixtures/golden. `UPDATE_GOLDEN=1 swift test --filter SheetGolden` (or `make golden`)
/// rewrites them after an intended change; review the diff before committing.
@Suite("Summary sheet golden files")
struct SheetGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")
    static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    struct Case: Sendable, CustomTestStringConvertible {
        var vignette: Vignette
        var format: SheetFormat
        var language: String
        var testDescription: String { "\(vignette.name) (\(format.rawValue), \(language))" }

        var fileName: String {
            let slug = vignette.name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
                .split(separator: "-").joined(separator: "-")
            return "\(slug).\(language).\(format.fileExtension)"
        }
    }

    /// Every format in English; the formats with fixed phrases in German too.
    static let cases: [Case] = Vignette.all().flatMap { v in
        SheetFormat.allCases.map { Case(vignette: v, format: $0, language: "en") }
            + [SheetFormat.text, .markdown, .html].map { Case(vignette: v, format: $0, language: "de") }
    }

    @Test(arguments: cases)
    func sheetMatchesItsGoldenFile(_ c: Case) throws {
        let assessment = Fixtures.engine.evaluate(c.vignette.answers, on: Fixtures.day)
        let output = c.format.render(Fixtures.shipped, assessment: assessment, answers: c.vignette.answers, language: c.language)
        let url = Self.directory.appendingPathComponent(c.fileName)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try output.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        #expect(expected != nil, "no golden file \(c.fileName): run UPDATE_GOLDEN=1 swift test --filter SheetGolden")
        if let expected { #expect(output == expected, "\(c.fileName) differs; if intended, regenerate with UPDATE_GOLDEN=1") }
    }
}
