import Foundation
import Testing
import TriageKit
import TriageSession
import TriageTestSupport
@testable import TriageTUI

/// A state a person can reach, by the keys that reach it.
struct Scene: Sendable, CustomTestStringConvertible {
    var name: String
    var make: @Sendable (Language, Size) -> AppState
    var testDescription: String { name }

    static let savedAt = AnswerValidation.parseDate("2026-11-21")!.addingTimeInterval(14 * 3600 + 2 * 60)

    static let all: [Scene] = [
        Scene(name: "welcome") { l, s in freshState(l, size: s) },
        Scene(name: "welcome-resume") { l, s in
            let saved = SavedSession(questionnaire: "back-pain", version: "2", answers: AnswerSet(["age": .number(40), "region": .string("neck")]),
                                     savedAt: savedAt)
            return freshState(l, size: s, resumable: saved)
        },
        Scene(name: "question-choice") { l, s in onQuestion("region", l, size: s) },
        Scene(name: "question-duration") { l, s in
            var state = onQuestion("duration_weeks", l, size: s)
            press(&state, typing("3") + [.tab])
            return state
        },
        Scene(name: "question-scale") { l, s in
            var state = onQuestion("intensity", l, size: s)
            press(&state, .character("7"))
            return state
        },
        Scene(name: "question-refused") { l, s in
            var state = onQuestion("age", l, size: s)
            press(&state, typing("4-2") + [.enter])
            return state
        },
        Scene(name: "checklist") { l, s in
            var state = onQuestion("rf_saddle_numbness", l, size: s)
            press(&state, .character("n"), .character("n"))
            return state
        },
        Scene(name: "checklist-help") { l, s in
            var state = onQuestion("rf_saddle_numbness", l, size: s)
            press(&state, .character("n"), .character("n"), .character("?"))
            return state
        },
        Scene(name: "emergency-interrupt") { l, s in
            var state = onQuestion("rf_saddle_numbness", l, size: s)
            press(&state, .character(l == .de ? "j" : "y"))
            return state
        },
        Scene(name: "results-emergency") { l, s in
            var state = onQuestion("rf_saddle_numbness", l, size: s)
            press(&state, .character(l == .de ? "j" : "y"), .enter)
            return state
        },
        Scene(name: "results-self-care") { l, s in
            var state = freshState(l, size: s)
            walk(&state, answers: Fixtures.baseline())
            return state
        },
        Scene(name: "results-see-doctor") { l, s in
            var state = freshState(l, size: s)
            walk(&state, answers: Fixtures.baseline(["duration_weeks": .number(8), "intensity": .number(6)]))
            return state
        },
        Scene(name: "results-keys") { l, s in
            var state = freshState(l, size: s)
            walk(&state, answers: Fixtures.baseline())
            press(&state, .character("?"))
            return state
        },
        Scene(name: "detail") { l, s in
            var state = freshState(l, size: s)
            walk(&state, answers: Fixtures.baseline(["duration_weeks": .number(8)]))
            press(&state, .enter)
            return state
        },
        Scene(name: "review") { l, s in
            var state = freshState(l, size: s)
            walk(&state, answers: Fixtures.baseline())
            press(&state, .character("b"))
            return state
        },
        Scene(name: "saved") { l, s in
            var state = freshState(l, size: s)
            walk(&state, answers: Fixtures.baseline())
            let folder = "/home/anna/.local/state/backtriage/"
            state = update(state, .done(.sheetsSaved(text: folder + "summary-back-pain-2026-11-23-140200-\(l.rawValue).txt",
                                                     html: folder + "summary-back-pain-2026-11-23-140200-\(l.rawValue).html"))).state
            return state
        },
        Scene(name: "welcome-episode") { l, s in HistoryFixture().state(l, size: s) },
        Scene(name: "check-in-results") { l, s in
            var state = HistoryFixture().state(l, size: s)
            press(&state, .enter)
            walkOn(&state, Fixtures.baseline(["duration_weeks": .number(6), "intensity": .number(3)]))
            return state
        },
        Scene(name: "history") { l, s in
            let fixture = HistoryFixture()
            var state = fixture.state(l, size: s)
            press(&state, .end)
            state = update(state, .done(.historyLoaded(HistoryEpisodes((try? fixture.tracker.episodes()) ?? [])))).state
            return state
        },
    ]
}

/// Every screen at 80x24 and 200x60 in English and German, as text, compared with the files
/// under Snapshots/ (`make golden` rewrites them after an intended change).
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    struct Case: Sendable, CustomTestStringConvertible {
        var scene: Scene
        var language: Language
        var size: Size
        var testDescription: String { "\(scene.name) \(language.rawValue) \(size.width)x\(size.height)" }
        var fileName: String { "\(scene.name).\(language.rawValue).\(size.width)x\(size.height).txt" }
        var state: AppState { scene.make(language, size) }
    }

    static let cases: [Case] = Scene.all.flatMap { scene in
        Language.allCases.flatMap { l in [small, large].map { Case(scene: scene, language: l, size: $0) } }
    }

    @Test(arguments: cases)
    func screenMatchesItsSnapshot(_ c: Case) {
        let text = screenText(c.state, size: c.size) + "\n"
        if let problem = GoldenFile.mismatch(text, Self.directory.appendingPathComponent(c.fileName)) { Issue.record("\(problem)") }
    }

    /// The screens whose lists use the width they have (screens.md), besides the checklist: the
    /// results list beside its preview, the review.
    static let listScenes: Set<String> = ["review", "results-self-care", "results-see-doctor", "saved", "check-in-results"]

    /// At 200 columns the text keeps to a readable column: no run of text, from its first
    /// character to its last, is much wider than 80 cells. A screen with a list is held to it
    /// down to where its list begins.
    /// (The checklist and the screens with a box over a list are left out.)
    @Test(arguments: cases.filter { $0.size == large && !["checklist", "checklist-help", "emergency-interrupt", "results-keys"].contains($0.scene.name) })
    func wideScreensKeepLinesReadable(_ c: Case) {
        let screen = render(c.state, size: c.size)
        let listTop = Self.listScenes.contains(c.scene.name)
            ? (1..<c.size.height).first { screen.line($0).contains("▸") } ?? c.size.height : c.size.height - 3
        for y in 1..<min(c.size.height - 3, listTop) {
            // The frame's sides are not text.
            let inner = screen.line(y).dropFirst().dropLast()
            let trimmed = inner.drop { $0 == " " }.reversed().drop { $0 == " " }
            #expect(trimmed.count <= 82, "row \(y): \(String(trimmed.reversed()))")
        }
    }

    /// Lists use the width they have: on a wide terminal the results list shows every title
    /// (headings, warning signs, suggestions, cautions, when to look again) and the review every
    /// label and answer whole, never cut beside empty columns. At 80 columns they may be cut.
    @Test(arguments: cases.filter { $0.size == large && ["results-self-care", "results-see-doctor", "check-in-results", "review"].contains($0.scene.name) })
    func wideScreensShowListLabelsWhole(_ c: Case) {
        let state = c.state
        let text = screenText(state, size: c.size)
        let lines: [String]
        if c.scene.name == "review" {
            lines = state.session.askedItems.flatMap { item in
                [state.wording.label(item)] + (state.answers[item.id].map { [state.wording.value($0, of: item)] } ?? [])
            }
        } else {
            lines = ResultList(state.outline, state).rows.compactMap { row in
                switch row {
                case .heading(let t), .changes(let t), .safetyNet(let t): return t
                case .sign(let sign): return state.wording.label(sign.item)
                case .entry(let entry): return entry.entry.title[c.language]
                case .section, .text: return nil
                }
            }
        }
        #expect(!lines.isEmpty)
        for line in lines { #expect(text.contains(line), "cut or missing: \(line)") }
    }

    /// Patients never see a source file name, a rule id or an expression.
    @Test(arguments: cases)
    func noInternalNamesOnScreen(_ c: Case) {
        let text = screenText(c.state, size: c.size)
        #expect(!text.contains(".txt") || c.scene.name == "saved", "a file name")
        #expect(!text.contains("_eb294637"), "a seed file name")
        for rule in backPain.rules where rule.id.contains("-") { #expect(!text.contains(rule.id), "rule id \(rule.id)") }
        #expect(!text.contains("=="), "an expression")
        #expect(!text.contains("any_red_flag") && !text.contains("rf_"), "an internal name")
    }
}
