import Foundation
import Testing
import TriageKit
import TriageReport
import TriageSession
import TriageTestSupport
@testable import TriageTUI

/// "Never cut what keeps someone safe" (screens.md): every screen at 80x24 and 100x30, in both
/// languages, with the longest content the questionnaire has, shows whole the words of the
/// result's action, a warning sign's question, the crisis help and the welcome screen's
/// emergency signs. The protected texts are read from the loaded questionnaire and the result,
/// so the test follows the content as it changes.
@Suite("Never cut what keeps someone safe")
struct NeverCut {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30)]

    /// A rendered screen as one line of words: the frame, markers and bullets gone, wrapped
    /// lines joined, so a text shown whole over several lines is found as it is written.
    static func flat(_ text: String) -> String {
        let drawing = Set("│┃▌•┏┓┗┛━─┌┐└┘├┤▸·")
        return text.map { drawing.contains($0) ? " " : String($0) }.joined()
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func words(_ text: String) -> String { flat(text) }

    /// What a person reads of a screen: the page, or, while a box is open over it (the
    /// emergency's "act now", the help, the keys), the box, whose lines would otherwise be
    /// read interleaved with the page's columns on either side of it.
    static func readable(_ screen: String) -> String {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.dropFirst().dropLast()) }
        let corners: Set<Character> = ["┏", "┌"], sides: Set<Character> = ["┃", "│"]
        guard let top = rows.firstIndex(where: { row in row.contains { corners.contains($0) } && !row.starts(with: ["┏"]) && row.first != "├" }),
              let left = rows[top].firstIndex(where: { corners.contains($0) }) else { return flat(screen) }
        let side = rows[top][left] == "┏" ? Character("┃") : Character("│")
        var inside: [String] = []
        for row in rows[(top + 1)...] {
            guard row.indices.contains(left), sides.contains(row[left]) || row[left] == side,
                  let right = row.lastIndex(of: side), right > left else { break }
            inside.append(String(row[(left + 1)..<right]))
        }
        return flat(inside.joined(separator: "\n"))
    }

    /// Fails unless `protected` is on `screen` whole.
    static func expectWhole(_ protected: String, on screen: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let wanted = words(protected)
        let shown = flat(screen).contains(wanted) ? flat(screen) : readable(screen)
        #expect(shown.contains(wanted), "\(what) is not whole:\n\(wanted)\n\(screen)", sourceLocation: sourceLocation)
    }

    /// Every protected text that begins on `screen` must be there whole: nothing ends in "…"
    /// or runs off a box part way.
    static func expectNothingCut(on screen: String, _ language: Language, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let shown = readable(screen)
        for text in protectedTexts(language) {
            let wanted = words(text)
            let head = String(wanted.prefix(48))
            guard wanted.count > 48, shown.contains(head) else { continue }
            #expect(shown.contains(wanted), "\(what): cut: \(wanted)\n\(screen)", sourceLocation: sourceLocation)
        }
    }

    /// The actions, the warning signs' questions and the crisis help, as the questionnaire has them.
    static func protectedTexts(_ language: Language) -> [String] {
        let q = backPain
        return q.actions.map { $0.text[language] }
            + q.items.filter(\.isRedFlag).map { $0.text[language] }
            + q.catalog.filter(\.banner).map { $0.explanation[language] }
    }

    // MARK: The scenes

    static func results(_ answers: AnswerSet, _ language: Language, _ size: Size) -> AppState {
        var state = freshState(language, size: size)
        walkToResult(&state, answers)
        return state
    }

    /// Walks the questions like `walk`, answering an emergency's box with "show my result" and
    /// closing a notice (crisis help) with Enter, until the result.
    static func walkToResult(_ state: inout AppState, _ answers: AnswerSet) {
        press(&state, .enter)
        var steps = 0
        while steps < 300 {
            steps += 1
            if let overlay = state.overlay {
                if case .emergency = overlay { press(&state, .enter); continue }
                press(&state, .enter)
                continue
            }
            guard case .question(let id) = state.page else { break }
            let item = engine.index.items[id]!
            let value = answers[id] ?? (item.kind == .boolean ? .bool(false) : nil)
            guard let value else { break }
            if state.session.checklist(of: item).isEmpty {
                press(&state, keys(for: value, item: item))
            } else {
                press(&state, .character(value == .bool(true) ? "y" : "n"))
                if id == state.session.checklist(of: item).last?.id, state.overlay == nil { press(&state, .enter) }
            }
        }
    }

    /// One answer set for each action a single warning sign can bring, in every region, with and
    /// without the crisis help: every action the result box can show.
    static func answersForEachAction() -> [(String, AnswerSet)] {
        var found: [String: AnswerSet] = [:]
        let regions: [[String: Value]] = [["region": .string("lower_back")], ["region": .string("mid_back")], ["region": .string("neck")],
                                          ["region": .string("neck"), "whiplash": .bool(true)]]
        for region in regions {
            for item in backPain.items where item.isRedFlag && item.kind == .boolean {
                for crisis in [false, true] {
                    let answers = Fixtures.baseline(region.merging([item.id.rawValue: .bool(true), "yf_low_mood": .bool(crisis)]) { $1 })
                    let report = Report(engine: engine, answers: answers, on: Fixtures.day)
                    let key = report.action.id + (report.banners.isEmpty ? "" : "+crisis")
                    if found[key] == nil { found[key] = answers }
                }
            }
        }
        for crisis in [false, true] {
            for change in [[:], ["duration_weeks": Value.number(8), "intensity": .number(6)]] as [[String: Value]] {
                let answers = Fixtures.baseline(change.merging(["yf_low_mood": .bool(crisis)]) { $1 })
                let report = Report(engine: engine, answers: answers, on: Fixtures.day)
                let key = report.action.id + (report.banners.isEmpty ? "" : "+crisis")
                if found[key] == nil { found[key] = answers }
            }
        }
        return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: The tests

    @Test(arguments: Language.allCases)
    func everyResultShowsItsWholeActionAndCrisisHelp(_ language: Language) {
        let cases = Self.answersForEachAction()
        #expect(Set(cases.map { $0.0.split(separator: "+").first.map(String.init) ?? "" }).count >= 5, "too few actions reached: \(cases.map(\.0))")
        #expect(cases.contains { $0.0.hasSuffix("+crisis") })
        for size in Self.sizes {
            for (name, answers) in cases {
                let state = Self.results(answers, language, size)
                guard case .results = state.page else {
                    Issue.record("\(name): no result reached (\(state.page))")
                    continue
                }
                let screen = screenText(state, size: size)
                let outline = state.outline
                Self.expectWhole(outline.section(.action)?.entries.first?.text ?? "?", on: screen, "\(name) \(size): the action")
                for crisis in outline.section(.crisis)?.entries ?? [] {
                    Self.expectWhole(crisis.text, on: screen, "\(name) \(size): the crisis help")
                }
                Self.expectNothingCut(on: screen, language, "\(name) \(size)")
                // Below 80x24 the small box keeps the action.
                let small = screenText(state, size: Size(width: size.width - 30, height: size.height - 8))
                Self.expectWhole(state.wording.levelAndAction(state.report), on: small, "\(name): the action in a small window")
                for crisis in outline.section(.crisis)?.entries ?? [] where size == Self.sizes[1] {
                    Self.expectWhole(crisis.text, on: small, "\(name): the crisis help in a small window")
                }
            }
        }
    }

    @Test(arguments: Language.allCases)
    func everyWarningSignsQuestionIsWholeUnderItsChecklist(_ language: Language) {
        let regions: [(String, [String: Value])] = [("lower back", ["region": .string("lower_back")]), ("mid back", ["region": .string("mid_back")]),
                                                     ("neck", ["region": .string("neck")]), ("whiplash", ["region": .string("neck"), "whiplash": .bool(true)])]
        var seen = 0
        for (name, region) in regions {
            let answers = Fixtures.baseline(region)
            var checklists: [[Item]] = []
            for size in Self.sizes {
                // Each checklist of the region, each line selected in turn.
                var state = freshState(language, size: size)
                press(&state, .enter)
                var steps = 0
                while case .question(let id) = state.page, state.overlay == nil, steps < 300 {
                    steps += 1
                    let item = engine.index.items[id]!
                    let lines = state.session.checklist(of: item)
                    if lines.isEmpty {
                        press(&state, keys(for: answers[id] ?? .bool(false), item: item))
                        continue
                    }
                    if size == Self.sizes[0], lines.first?.id == id { checklists.append(lines) }
                    let screen = screenText(state, size: size)
                    Self.expectWhole(item.text[language], on: screen, "\(name) \(size): the question of \(id)")
                    Self.expectNothingCut(on: screen, language, "\(name) \(size) \(id)")
                    seen += 1
                    press(&state, .character("n"))
                    if id == lines.last?.id { press(&state, .enter) }
                }
            }
            #expect(!checklists.isEmpty, "\(name): no checklist reached")
        }
        #expect(seen > 40)
    }

    @Test(arguments: Language.allCases)
    func theWelcomeScreensShowEveryEmergencySignWhole(_ language: Language) {
        let labels = backPain.emergencySignItems.map { Wording(backPain, language).label($0) }
        #expect(!labels.isEmpty)
        for size in Self.sizes {
            for scene in Scene.all where scene.name.hasPrefix("welcome") {
                let screen = screenText(scene.make(language, size), size: size)
                for label in labels { Self.expectWhole(label, on: screen, "\(scene.name) \(size): the emergency sign") }
            }
        }
    }

    /// A message about what was and was not saved is read whole at 80x24 on every page it can
    /// appear on, however long the file's path and the system's reason: the page gives it the
    /// rows it needs.
    @Test(arguments: Language.allCases)
    func aFullDiskMessageIsShownWhole(_ language: Language) {
        let reason = "/home/anna-katharina.mustermann/.local/state/backtriage/back-pain.json: cannot write: No space left on device"
        let failures: [EffectResult] = [.answersNotSaved(reason), .sheetsNotSaved(reason), .historyFailed(reason)]
        for name in ["question-choice", "checklist", "review", "results-self-care", "results-see-doctor"] {
            let scene = Scene.all.first { $0.name == name }!
            for failure in failures {
                let state = update(scene.make(language, small), .done(failure)).state
                let notice = state.notice!.text
                Self.expectWhole(notice, on: screenText(state, size: small), "\(name): \(failure)")
            }
        }
    }

    /// Every other screen (each item kind, the interrupt, details, review, history, check-in,
    /// the saved sheet, the keys): whatever protected text it shows, it shows whole.
    @Test(arguments: Language.allCases)
    func noOtherScreenCutsAProtectedText(_ language: Language) {
        for size in Self.sizes {
            for scene in Scene.all {
                let state = scene.make(language, size)
                let screen = screenText(state, size: size)
                Self.expectNothingCut(on: screen, language, "\(scene.name) \(size)")
                if scene.name == "emergency-interrupt" {
                    Self.expectWhole(state.wording.action(state.report.action), on: screen, "\(scene.name) \(size): the action")
                }
            }
            // Each kind of item once.
            var seenKinds = Set<String>()
            var state = freshState(language, size: size)
            press(&state, .enter)
            var steps = 0
            let answers = Fixtures.baseline()
            while case .question(let id) = state.page, state.overlay == nil, steps < 300 {
                steps += 1
                let item = engine.index.items[id]!
                if seenKinds.insert("\(item.kind)").inserted {
                    Self.expectNothingCut(on: screenText(state, size: size), language, "\(item.kind) \(size)")
                }
                if state.session.checklist(of: item).isEmpty {
                    press(&state, keys(for: answers[id] ?? .bool(false), item: item))
                } else {
                    press(&state, .character("n"))
                    if id == state.session.checklist(of: item).last?.id { press(&state, .enter) }
                }
            }
            #expect(seenKinds.count >= 4, "\(seenKinds)")
        }
    }
}
