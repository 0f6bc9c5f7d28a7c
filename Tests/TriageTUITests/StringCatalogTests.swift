import Foundation
import Testing
import TriageKit
import TriagePlain
import TriageReport
import TriageTestSupport
@testable import TriageTUI

/// Every catalog of words the program has: adding a language means adding a table to each.
let everyCatalog: [StringCatalog] = [.answers, .input, .report, .history, .plain, .tui]

@Suite("String catalogs") struct StringCatalogs {
    @Test(arguments: everyCatalog.map(\.name))
    func everyLanguageHasEveryKey(_ name: String) {
        let catalog = everyCatalog.first { $0.name == name }!
        #expect(Set(catalog.tables.keys) == Set(Language.allCases), "\(name): a language without a table")
        for gap in catalog.gaps { Issue.record("\(name): '\(gap.key)' is missing in \(gap.language.rawValue)") }
    }

    /// Every placeholder of a phrase is in each translation, so no argument is lost in one.
    @Test(arguments: everyCatalog.map(\.name))
    func translationsKeepThePlaceholders(_ name: String) {
        let catalog = everyCatalog.first { $0.name == name }!
        func placeholders(_ s: String) -> Set<String> {
            Set(s.matches(of: /\{[0-9]\}/).map { String($0.output) })
        }
        for (key, english) in catalog.tables[.en] ?? [:] {
            for language in Language.allCases where language != .en {
                guard let other = catalog.tables[language]?[key] else { continue }
                #expect(placeholders(other) == placeholders(english), "\(name) \(key) in \(language.rawValue)")
            }
        }
    }

    /// Every phrase key the full-screen interface names in its code is in its catalog (or the
    /// report's, for result phrases), so no key ever reaches the screen as itself.
    @Test func everyKeyTheInterfaceUsesExists() throws {
        let folder = Fixtures.root.appendingPathComponent("Sources/TriageTUI")
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        let prefixes = Set(StringCatalog.tui.tables[.en]!.keys.map { String($0.split(separator: ".")[0]) })
        let known = Set(StringCatalog.tui.tables[.en]!.keys).union(StringCatalog.report.tables[.en]!.keys)
        var checked = 0
        for file in files where file != "Strings.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /"([a-z_]+)\.([a-z_.]+)"/) {
                let key = String(match.output.1) + "." + String(match.output.2)
                guard prefixes.contains(String(match.output.1)) || key.hasPrefix("result.") else { continue }
                checked += 1
                #expect(known.contains(key) || known.contains(key + ".one"), "\(file): '\(key)' is in no catalog")
            }
        }
        #expect(checked > 50)
    }
}
