import Testing
import TriageKit

@Suite("Input words")
struct InputWordsTests {
    /// Words are taken in every language, so no word may mean two things in any two of them.
    @Test(arguments: [["answer.yes", "answer.no"],
                      ["command.back", "command.help", "command.review", "command.quit"],
                      ["duration.days", "duration.weeks", "duration.months"]])
    func noWordMeansTwoThings(_ keys: [String]) {
        for (i, a) in keys.enumerated() {
            for b in keys[(i + 1)...] {
                let both = StringCatalog.input.words(a).intersection(StringCatalog.input.words(b))
                #expect(both.isEmpty, "\(a) and \(b) share \(both.sorted())")
            }
        }
    }

    @Test func everyLanguageHasWordsForEveryAnswerCommandAndUnit() {
        for language in Language.allCases {
            for key in StringCatalog.input.tables[.en]!.keys.sorted() where !key.hasPrefix("number.") {
                #expect(!StringCatalog.input.words(key, language).isEmpty, "\(key) in \(language.rawValue)")
            }
        }
    }

    @Test func aWordIsAcceptedInAnyCaseAndLanguage() {
        #expect(StringCatalog.input.accepts(" Ja ", as: "answer.yes"))
        #expect(StringCatalog.input.accepts("YES", as: "answer.yes"))
        #expect(!StringCatalog.input.accepts("yes", as: "answer.no"))
    }

    @Test func theDecimalSeparatorIsTheLanguages() {
        #expect(Language.de.number(1.5) == "1,5")
        #expect(Language.en.number(1.5) == "1.5")
    }
}
