import Foundation
import Testing
import TriageKit
import TriageSession
import TriageTestSupport
@testable import TriageTUI

/// A terminal that replays events and records what the loop did with it.
@MainActor
final class FakeTerminal: TriageTUI.Terminal {
    var size: Size
    let glyphs = Glyphs.unicode
    private var events: [TerminalEvent]
    private(set) var frames: [Screen] = []
    private(set) var stopped: [Bool] = []
    private(set) var suspensions = 0

    init(_ events: [TerminalEvent], size: Size = small) {
        self.events = events
        self.size = size
    }

    func paint(_ screen: Screen) { frames.append(screen) }

    func nextEvent() -> TerminalEvent {
        // A test that forgets to end the loop ends it here instead of hanging.
        events.isEmpty ? .signal(SIGKILL) : events.removeFirst()
    }

    func stop(restoring: Bool) { stopped.append(restoring) }

    func suspend() { suspensions += 1 }
}

/// Effects recorded, with the results a test chooses.
@MainActor
final class FakeRunner: EffectRunning {
    private(set) var performed: [Effect] = []
    var results: (Effect) -> EffectResult? = { _ in nil }

    func perform(_ effect: Effect) -> EffectResult? {
        performed.append(effect)
        return results(effect)
    }

    var savedAnswers: AnswerSet? {
        for effect in performed.reversed() { if case .saveAnswers(let a, _) = effect { return a } }
        return nil
    }
}

@MainActor @Suite("The event loop") struct TheEventLoop {
    let started: [TerminalEvent] = [.key(.enter)] + typing("52").map { .key($0) } + [.key(.enter)]

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    func aSignalSavesRestoresTheTerminalAndExitsWith128PlusIt(signal: Int32) {
        let terminal = FakeTerminal(started + [.signal(signal)])
        let runner = FakeRunner()
        #expect(EventLoop.run(freshState(), terminal: terminal, effects: runner) == 128 + signal)
        #expect(terminal.stopped == [true])
        #expect(runner.savedAnswers?["age"] == .number(52))
    }

    @Test func aHangUpSavesAndExits129WithoutTouchingTheTerminal() {
        let terminal = FakeTerminal(started + [.hangUp])
        let runner = FakeRunner()
        #expect(EventLoop.run(freshState(), terminal: terminal, effects: runner) == 129)
        #expect(terminal.stopped == [false])
        #expect(runner.savedAnswers?["age"] == .number(52))
    }

    @Test func aSignalUnderNoSaveWritesNothing() {
        let runner = FakeRunner()
        _ = EventLoop.run(freshState(saving: false), terminal: FakeTerminal(started + [.signal(SIGTERM)]), effects: runner)
        #expect(runner.performed.isEmpty)
    }

    @Test func quittingSavesRestoresTheTerminalAndExits0() {
        let terminal = FakeTerminal(started + [.key(.character("q"))])
        let runner = FakeRunner()
        #expect(EventLoop.run(freshState(), terminal: terminal, effects: runner) == 0)
        #expect(terminal.stopped == [true])
        #expect(runner.performed.last == .saveAnswers(AnswerSet(["age": .number(52)])))
    }

    @Test func ctrlCSavesRestoresTheTerminalAndExits130() {
        let terminal = FakeTerminal(started + [.key(.interrupt)])
        let runner = FakeRunner()
        #expect(EventLoop.run(freshState(), terminal: terminal, effects: runner) == 130)
        #expect(terminal.stopped == [true])
        #expect(runner.savedAnswers?["age"] == .number(52))
    }

    @Test func ctrlZSuspendsAndTheScreenIsDrawnAgainAfterwards() {
        let terminal = FakeTerminal(started + [.key(.suspend), .key(.character("q"))])
        _ = EventLoop.run(freshState(), terminal: terminal, effects: FakeRunner())
        #expect(terminal.suspensions == 1)
        // The first frame, one after each key of `started`, and the whole screen after `fg`.
        #expect(terminal.frames.count == started.count + 2)
        #expect(terminal.frames.last?.text.contains("Where is your pain") == true)
    }

    @Test func everyKeyIsFollowedByAFrame() {
        let terminal = FakeTerminal(started + [.key(.interrupt)])
        _ = EventLoop.run(freshState(), terminal: terminal, effects: FakeRunner())
        // The first frame, then one after each key but the last, which quits.
        #expect(terminal.frames.count == started.count + 1)
        #expect(terminal.frames.last?.text.contains("Where is your pain") == true)
    }

    @Test func whatCameOfAnEffectGoesBackThroughUpdate() {
        var state = freshState()
        walk(&state, answers: Fixtures.baseline())
        let runner = FakeRunner()
        runner.results = { effect in
            if case .saveSheets = effect { return .sheetsSaved(text: "/s/sheet.txt", html: "/s/sheet.html") }
            return nil
        }
        let terminal = FakeTerminal([.key(.character("s")), .key(.interrupt)])
        _ = EventLoop.run(state, terminal: terminal, effects: runner)
        #expect(terminal.frames.last?.text.contains("sheet.html") == true)
    }

    @Test func aFailedSaveIsSaidOnScreen() {
        let runner = FakeRunner()
        runner.results = { effect in
            if case .saveAnswers = effect { return .answersNotSaved("/s/back-pain.json: cannot write: No space left on device") }
            return nil
        }
        let terminal = FakeTerminal(started + [.key(.interrupt)])
        _ = EventLoop.run(freshState(), terminal: terminal, effects: runner)
        #expect(terminal.frames.last?.text.contains("Could not save the answers") == true, "\(terminal.frames.last?.text ?? "")")
    }

    @Test func theWindowSizeIsFollowed() {
        let terminal = FakeTerminal([.key(.resize), .key(.interrupt)], size: Size(width: 40, height: 10))
        _ = EventLoop.run(freshState(), terminal: terminal, effects: FakeRunner())
        #expect(terminal.frames.first?.text.contains("40x10") == true)
    }
}

@MainActor @Suite("The real effects", .serialized) struct RealEffects {
    func temporaryFolder() -> String {
        let folder = NSTemporaryDirectory() + "bt-effects-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func sheetsAreSavedPrivatelyNamedByTimeAndLanguage() throws {
        let store = SessionStore(directory: temporaryFolder() + "/state")
        let runner = EffectRunner(store: store, questionnaire: Fixtures.shipped)
        let result = runner.perform(.saveSheets(SheetTexts(text: "sheet", html: "<html>", language: .de)))
        guard case .sheetsSaved(let text, let html)? = result else {
            Issue.record("not saved: \(String(describing: result))")
            return
        }
        #expect(text.hasSuffix("-de.txt") && html.hasSuffix("-de.html"))
        #expect(text.contains("summary-back-pain-"))
        let mode = try FileManager.default.attributesOfItem(atPath: text)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func answersAreSavedAndDeleted() throws {
        let store = SessionStore(directory: temporaryFolder())
        let runner = EffectRunner(store: store, questionnaire: Fixtures.shipped)
        #expect(runner.perform(.saveAnswers(AnswerSet(["age": .number(40)]))) == nil)
        #expect(try store.load(questionnaire: "back-pain")?.answers["age"] == .number(40))
        #expect(runner.perform(.deleteAnswers) == nil)
        #expect(try store.load(questionnaire: "back-pain") == nil)
    }

    @Test func copiesGoIntoTheCurrentFolder() throws {
        let store = SessionStore(directory: temporaryFolder())
        let runner = EffectRunner(store: store, questionnaire: Fixtures.shipped)
        guard case .sheetsSaved(let text, let html)? = runner.perform(.saveSheets(SheetTexts(text: "t", html: "h", language: .en))) else {
            Issue.record("not saved")
            return
        }
        let here = temporaryFolder()
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(here)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        guard case .copied(let copies)? = runner.perform(.copyHere([text, html])) else {
            Issue.record("not copied")
            return
        }
        #expect(copies.allSatisfy { $0.hasPrefix(here) || $0.hasPrefix("/private" + here) })
        #expect(FileManager.default.contents(atPath: copies[1]) == Data("h".utf8))
    }

    @Test func aFolderThatCannotBeWrittenSaysWhy() {
        let blocker = temporaryFolder() + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        let runner = EffectRunner(store: SessionStore(directory: blocker + "/state"), questionnaire: Fixtures.shipped)
        guard case .answersNotSaved(let reason)? = runner.perform(.saveAnswers(AnswerSet(["age": .number(40)]))) else {
            Issue.record("a save into a file succeeded")
            return
        }
        #expect(reason.contains(blocker))
    }
}

@MainActor @Suite("What the terminal keeps after leaving") struct Farewell {
    @Test func aStandingEmergencyIsSaidAgain() {
        var state = onQuestion("rf_weakness")
        press(&state, .character("y"))
        #expect(state.session.emergencyStands)
        #expect(EventLoop.farewell(state)?.hasPrefix("EMERGENCY: Go to a hospital emergency department now") == true, "\(String(describing: EventLoop.farewell(state)))")
    }

    @Test func unfinishedAnswersSayWhereTheyWait() {
        var state = freshState()
        press(&state, .enter)
        press(&state, typing("40") + [.enter])
        #expect(EventLoop.farewell(state) == "Your answers are saved. Start backtriage again to go on where you left off.")
        state.savingEnabled = false
        #expect(EventLoop.farewell(state) == "Your answers were not kept (--no-save).")
    }

    @Test func nothingIsSaidWithoutAnswers() {
        #expect(EventLoop.farewell(freshState()) == nil)
    }

    @Test func aResultLeavesItsLevelActionNextCheckAndTheSavedSheet() {
        var state = freshState()
        walk(&state, answers: Fixtures.baseline())
        let report = state.report
        let wording = state.wording
        state = update(state, .done(.sheetsSaved(text: "/s/summary.txt", html: "/s/summary.html"))).state
        let said = EventLoop.farewell(state) ?? ""
        #expect(said.hasPrefix(wording.levelAndAction(report)), "\(said)")
        let next = try? #require(report.nextCheck)
        #expect(next.map { said.contains(wording.nextCheck($0)) } == true, "\(said)")
        #expect(said.contains("/s/summary.txt") && said.contains("/s/summary.html"), "\(said)")
    }
}
