import ArgumentParser
import Testing
import TriageKit
@testable import backtriage

/// Starting the questionnaire reads its options without ArgumentParser; whatever it reads must
/// be what ArgumentParser reads from the same words, and anything else is left to it.
@Suite("Questionnaire start arguments")
struct QuestionnaireStartArgumentsTests {
    /// What the whole command tree makes of `arguments`: the questionnaire's options, or nil
    /// for another command, help, or an error.
    static func throughTheTree(_ arguments: [String]) -> QuestionnaireStart? {
        (try? BacktriageCommand.parseAsRoot(arguments) as? Interactive)?.start
    }

    @Test func theUsualStartsAreReadWithoutTheTree() {
        let usual: [[String]] = [
            [], ["--no-save"], ["--lang", "de"], ["--lang=en", "--no-save"], ["--plain"],
            ["--answers", "answers.json", "--questionnaire", "back-pain"], ["--questionnaires", "/srv/q", "--plain", "--lang", "en"],
        ]
        for arguments in usual {
            let fast = QuestionnaireStart.parse(arguments)
            #expect(fast != nil, "\(arguments)")
            #expect(fast == Self.throughTheTree(arguments), "\(arguments)")
        }
        #expect(QuestionnaireStart.parse(["--lang", "de", "--no-save"])
                == QuestionnaireStart(lang: .de, noSave: true))
    }

    @Test func everythingElseIsLeftToTheTree() {
        for arguments in [["list"], ["--help"], ["-h"], ["--version"], ["--lang", "fr"], ["--lang"], ["--answers", "-"],
                          ["--plain", "--plain"], ["--no-save=yes"], ["--generate-completion-script", "bash"], ["--", "x"],
                          ["--langs", "de"], ["interactive", "--plain"]] {
            #expect(QuestionnaireStart.parse(arguments) == nil, "\(arguments)")
        }
    }

    @Test func whatItReadsIsWhatTheTreeReads() {
        let words = ["--plain", "--no-save", "--lang", "en", "de", "fr", "--lang=de", "--lang=", "--questionnaire", "back-pain",
                     "neck", "--questionnaires", "/q", "--answers", "a.json", "-", "--answers=b.yaml", "--help", "--version",
                     "list", "--", "--plain=1", "--unknown", "-x", "=", "--questionnaire=x=y"]
        var rng = SplitMix64(seed: 22)
        var readFast = 0
        for _ in 0..<3000 {
            let arguments = (0..<Int(rng.next() % 6)).map { _ in words[Int(rng.next() % UInt64(words.count))] }
            guard let fast = QuestionnaireStart.parse(arguments) else { continue }
            readFast += 1
            #expect(fast == Self.throughTheTree(arguments), "\(arguments)")
        }
        #expect(readFast > 100, "the sample reaches the fast reading")
    }
}
