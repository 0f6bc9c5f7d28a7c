import Foundation
import Testing
import TriageKit
@testable import TriageTUI

/// A terminal that replays events and records what the loop did with it.
@MainActor
final class FakeTerminal: TriageTUI.Terminal {
    var size: Size
    let glyphs = Glyphs.unicode
    private var events: [TerminalEvent]
    private(set) var frames: [Screen] = []
    private(set) var stopped: [Bool] = []

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
}

/// A session store in a fresh private folder.
func temporaryStore() -> SessionStore {
    let folder = NSTemporaryDirectory() + "bt-loop-\(UUID().uuidString)"
    return SessionStore(directory: folder)
}

@MainActor @Suite struct TheEventLoop {
    let started: [TerminalEvent] = [.key(.enter)] + typing("52").map { .key($0) } + [.key(.enter)]

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
    func aSignalSavesRestoresTheTerminalAndExitsWith128PlusIt(signal: Int32) throws {
        let terminal = FakeTerminal(started + [.signal(signal)])
        let store = temporaryStore()
        let status = EventLoop.run(freshState(), terminal: terminal, store: store)
        #expect(status == 128 + signal)
        #expect(terminal.stopped == [true])
        #expect(try store.load(questionnaire: "back-pain")?.answers["age"] == .number(52))
    }

    @Test func aHangUpSavesAndExits129WithoutTouchingTheTerminal() throws {
        let terminal = FakeTerminal(started + [.hangUp])
        let store = temporaryStore()
        let status = EventLoop.run(freshState(), terminal: terminal, store: store)
        #expect(status == 129)
        #expect(terminal.stopped == [false])
        #expect(try store.load(questionnaire: "back-pain")?.answers["age"] == .number(52))
    }

    @Test func aSignalUnderNoSaveWritesNothing() throws {
        let terminal = FakeTerminal(started + [.signal(SIGTERM)])
        let store = temporaryStore()
        _ = EventLoop.run(freshState(saving: false), terminal: terminal, store: store)
        #expect(try store.load(questionnaire: "back-pain") == nil)
    }

    @Test func quittingRestoresTheTerminalAndExits0() {
        let terminal = FakeTerminal([.key(.character("q"))])
        #expect(EventLoop.run(freshState(), terminal: terminal, store: temporaryStore()) == 0)
        #expect(terminal.stopped == [true])
    }

    @Test func everyKeyIsFollowedByAFrame() {
        let terminal = FakeTerminal(started + [.key(.interrupt)])
        _ = EventLoop.run(freshState(), terminal: terminal, store: temporaryStore())
        // The first frame, then one after each key but the last, which quits.
        #expect(terminal.frames.count == started.count + 1)
        #expect(terminal.frames.last?.text.contains("Where is your pain") == true)
    }
}

@Suite struct TooSmallWindow {
    func tooSmall(_ state: AppState) -> AppState {
        var s = state
        s.screenSize = Size(width: 38, height: 9)
        return s
    }

    @Test func keysOtherThanQuitChangeNothing() {
        var state = freshState()
        press(&state, .enter, .character("1"))
        let before = state.editor
        state = tooSmall(state)
        let effects = press(&state, .character("3"), .down, .enter, .character("y"), .left, .backspace)
        #expect(effects.isEmpty)
        #expect(state.editor == before)
        #expect(state.page == .question(itemID: "age"))
    }

    @Test func qQuitsAtOnce() {
        var state = tooSmall(freshState())
        #expect(press(&state, .character("q")).contains(.quit))
    }

    @Test func theMessageNamesThePlainMode() {
        let text = render(freshState(), size: Size(width: 38, height: 9)).text
        #expect(text.contains("--plain"))
        #expect(text.contains("80x24"))
    }
}
