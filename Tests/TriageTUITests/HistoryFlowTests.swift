import Foundation
import Testing
import TriageKit
import TriageReport
import TriageSession
import TriageTestSupport
@testable import TriageTUI

/// A history in a fresh folder with one check-in, two weeks into an episode of low back pain,
/// answered four weeks before `Fixtures.day`.
struct HistoryFixture {
    let folder: String
    let path: String
    let firstDay = Fixtures.day.addingTimeInterval(-28 * 86_400)

    init() {
        folder = NSTemporaryDirectory() + "bt-history-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/history.sqlite3"
        let first = EpisodeTracker(path: path, engine: engine, today: firstDay)
        let answers = Fixtures.baseline(["duration_weeks": .number(2), "intensity": .number(6)])
        _ = try? first.record(Session(engine: engine, answers: answers, today: firstDay), language: .en, at: firstDay)
    }

    var tracker: EpisodeTracker { EpisodeTracker(path: path, engine: engine, today: Fixtures.day) }

    func state(_ language: Language = .en, size: Size = small) -> AppState {
        var state = AppState(session: Session(engine: engine, today: Fixtures.day), language: language,
                             savingEnabled: true, episode: try? tracker.status(), historyEnabled: true)
        state.screenSize = size
        return state
    }
}

@Suite("Check-ins and the history in the full-screen interface", .serialized) struct HistoryFlow {
    @Test func anOpenEpisodeIsOfferedACheckIn() {
        let text = screenText(HistoryFixture().state())
        #expect(text.contains("open episode"))
        #expect(text.contains("Check in: how is it now?"))
        #expect(text.contains("The pain is gone"))
        #expect(text.contains("Show my history"))
        let shown = text.replacingOccurrences(of: "│", with: " ").replacingOccurrences(of: "▌", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for sign in backPain.emergencySignItems {
            let label = Wording(backPain, .en).label(sign).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(shown.contains(label), "the emergency signs are never cut for the history: \(label)")
        }
    }

    @Test func aCheckInBeginsWithTheWeeksCountedFromTheStart() {
        var state = HistoryFixture().state()
        press(&state, .enter)
        #expect(state.page == .question(itemID: "duration_weeks"))
        // Two weeks then, four weeks since: six.
        #expect(state.editor.text == "6")
        #expect(state.notice?.text.contains("Kept from last time") == true)
        #expect(state.session.checkIn != nil)
    }

    @Test func aFinishedCheckInSaysWhatChangedAndIsRecordedOnLeaving() {
        var state = HistoryFixture().state()
        press(&state, .enter)
        walkOn(&state, Fixtures.baseline(["duration_weeks": .number(6), "intensity": .number(3)]))
        #expect(state.page == .results(selection: 0))
        let text = screenText(state, size: large)
        #expect(text.contains("Since your last check-in"))
        press(&state, .enter)
        #expect(screenText(state).contains("from 6/10 to 3/10"))
        press(&state, .escape)
        let effects = press(&state, .character("q"))
        guard case .recordResult(let result)? = effects.first else {
            Issue.record("not recorded: \(effects)")
            return
        }
        #expect(result.session.checkIn != nil)
        #expect(effects.last == .quit)
    }

    @Test func leavingBeforeTheResultKeepsTheAnswersSavedWithTheirEpisode() {
        var state = HistoryFixture().state()
        press(&state, .enter, .enter)
        let effects = press(&state, .character("q"))
        guard case .saveAnswers(_, let episode)? = effects.first else {
            Issue.record("not saved: \(effects)")
            return
        }
        #expect(episode == state.session.checkIn?.episode.uuid)
    }

    @MainActor @Test func theRunnerRecordsTheCheckInAndRemovesTheSavedAnswers() throws {
        let fixture = HistoryFixture()
        let store = SessionStore(directory: fixture.folder + "/state")
        let runner = EffectRunner(store: store, questionnaire: backPain, tracker: fixture.tracker)
        var state = fixture.state()
        press(&state, .enter)
        walkOn(&state, Fixtures.baseline(["duration_weeks": .number(6)]))
        try store.save(state.session.saved(at: Date()))
        for effect in state.leavingEffects { #expect(runner.perform(effect) == nil) }
        let status = try #require(try fixture.tracker.status())
        #expect(status.checkIns.count == 2)
        #expect(try store.load(questionnaire: "back-pain") == nil)
    }

    @MainActor @Test func thePainIsGoneEndsTheEpisode() throws {
        let fixture = HistoryFixture()
        var state = fixture.state()
        let effects = press(&state, .down, .down, .enter)
        #expect(effects == [.endEpisode])
        let runner = EffectRunner(store: SessionStore(directory: fixture.folder + "/state"), questionnaire: backPain,
                                  tracker: fixture.tracker)
        let result = try #require(runner.perform(.endEpisode))
        state = update(state, .done(result)).state
        #expect(try fixture.tracker.status() == nil)
        #expect(screenText(state).contains("The episode has ended"))
        #expect(screenText(state).contains("Start the questions"))
    }

    @MainActor @Test(arguments: [small, large])
    func theHistoryPageListsTheCheckInsWithAChart(size: Size) throws {
        let fixture = HistoryFixture()
        var state = fixture.state(size: size)
        #expect(press(&state, .end, .enter) == [.loadHistory])
        let runner = EffectRunner(store: SessionStore(directory: fixture.folder + "/state"), questionnaire: backPain,
                                  tracker: fixture.tracker)
        state = update(state, .done(try #require(runner.perform(.loadHistory)))).state
        let text = screenText(state)
        #expect(text.contains("Your history"))
        #expect(text.contains("26 Oct 2026"))
        #expect(text.contains("check-in is due"), "the page says the check-in is due")
        #expect(!text.contains("Start backtriage"), "inside backtriage the welcome screen offers the check-in")
        press(&state, .escape)
        #expect(state.page == .welcome(choice: 0))
    }
}

/// Answers every question from where the state is, as `walk` does after the welcome screen.
func walkOn(_ state: inout AppState, _ answers: AnswerSet) {
    var steps = 0
    while case .question(let id) = state.page, state.overlay == nil, steps < 200 {
        let item = engine.index.items[id]!
        if state.session.checklist(of: item).isEmpty {
            if id == "duration_weeks" { press(&state, Array(repeating: .backspace, count: 6)) }
            press(&state, keys(for: answers[id] ?? .bool(false), item: item))
        } else {
            press(&state, .character(answers[id] == .bool(true) ? "y" : "n"))
            if id == state.session.checklist(of: item).last?.id, state.overlay == nil { press(&state, .enter) }
        }
        steps += 1
    }
}
