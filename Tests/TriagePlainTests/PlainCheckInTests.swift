import Foundation
import Testing
import TriageKit
import TriageReport
import TriageSession
@testable import TriagePlain
import TriageTestSupport

/// A plain session on `today` with a history and saved answers in `folder`.
private func run(_ lines: [String], on today: String, folder: String, language: Language = .en) -> (PlainOutcome, String) {
    var input = lines[...]
    var output = ""
    let store = SessionStore(directory: folder + "/state")
    let day = AnswerValidation.parseDate(today)!
    let tracker = EpisodeTracker(path: folder + "/data/history.sqlite3", engine: Fixtures.engine, today: day)
    let s = PlainSession(engine: Fixtures.engine, store: store, saved: try? store.load(questionnaire: "back-pain"), language: language,
                         today: day, tracker: tracker, readLine: { input.popFirst() }, write: { output += $0 })
    return (s.run(), output)
}

private func newFolder() -> String {
    let path = NSTemporaryDirectory() + "backtriage-plain-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func level(_ id: String) -> PlainOutcome { .result(Fixtures.shipped.level(id)!) }

/// Two weeks of low back pain, pain 6, no warning sign: every question in order.
private let weekTwo = ["40", "1", "2 weeks", "no", "6", "no", "no", "no", "1"] + Fixtures.lowBackSigns()
    + Array(repeating: "no", count: 7) + ["0", "no", "no"]

/// A check-in: keep the weeks (Enter), pain, the three leg questions, keep the diagnosis, the
/// warning signs, from 12 weeks on three on stiffness, seven on daily life, painkillers, and
/// keep the last two answers.
private func checkIn(pain: String, signs: [String] = Fixtures.lowBackSigns(), stiffness: Bool = false) -> [String] {
    ["1", "", pain, "no", "no", "no", ""] + signs + Array(repeating: "no", count: stiffness ? 3 : 0)
        + Array(repeating: "no", count: 7) + ["0", "", ""]
}

@Suite("Plain mode: check-ins")
struct PlainCheckInTests {
    @Test func aResultWithoutANextCheckIsSavedWithoutAnInvitationToCheckIn() {
        var fever = weekTwo
        fever[9 + Fixtures.lowBackWarningSigns.firstIndex(of: "rf_fever")!] = "yes"
        let (outcome, out) = run(fever, on: "2026-11-23", folder: newFolder())
        #expect(outcome == level("urgent"), "\(out.suffix(500))")
        #expect(out.contains("Saved to your history as a new episode."))
        #expect(!out.contains("check in") && !out.contains("remind --ics"), "\(out.suffix(300))")
    }

    @Test func aFirstResultWithANextCheckSaysHowToCheckIn() {
        let (_, out) = run(weekTwo, on: "2026-11-23", folder: newFolder())
        #expect(out.contains("Start backtriage again to check in; backtriage remind --ics makes a calendar reminder."))
    }

    @Test func aCheckInAtWeekSixSaysWhatChangedWithoutAskingTheWeeks() {
        let folder = newFolder()
        let (first, firstOut) = run(weekTwo, on: "2026-11-23", folder: folder)
        #expect(first == level("self_care"), "\(firstOut.suffix(500))")
        #expect(firstOut.contains("Saved to your history as a new episode."))

        let (second, out) = run(checkIn(pain: "4"), on: "2026-12-21", folder: folder)
        #expect(second == level("see_doctor"), "\(out.suffix(1500))")
        #expect(out.contains("An episode is open: Lower back, since 9 Nov 2026 (now 6 weeks). Last check-in on 23 Nov 2026: SELF-CARE."))
        #expect(out.contains("A check-in is due"))
        #expect(out.contains("Kept from last time: Age: 40 years; Where it hurts: Lower back; Keeps coming back: no."))
        #expect(out.contains("It is now 6 weeks since the pain began on 9 Nov 2026."))
        #expect(!out.contains("How old are you?"))
        #expect(out.contains("Since your last check-in on 23 Nov 2026:\n  - Now 6 weeks since the pain began (14 days at the last check-in).\n"))
        #expect(out.contains("  - Pain intensity: from 6/10 to 4/10.\n"))
        #expect(out.contains("  - The result changed from SELF-CARE to SEE A DOCTOR"))
        #expect(out.contains("Saved to your history: check-in 2 of this episode."))
    }

    @Test func everyWarningSignIsAskedAtACheckInWithoutAnAnswerShown() {
        let folder = newFolder()
        _ = run(weekTwo, on: "2026-11-23", folder: folder)
        let (_, out) = run(checkIn(pain: "4"), on: "2026-12-21", folder: folder)
        let warningSigns = out.components(separatedBy: "\n").filter { $0.contains(", Warning signs. ") }
        #expect(warningSigns.count == Fixtures.lowBackWarningSigns.count)
        // No "Current answer" follows a warning sign's question.
        let lines = out.components(separatedBy: "\n")
        for (i, line) in lines.enumerated() where line.contains(", Warning signs. ") {
            #expect(!(lines.indices.contains(i + 1) && lines[i + 1].hasPrefix("Current answer")), "\(line)")
        }
    }

    @Test func aNewWarningSignAtACheckInIsNamedAsNew() {
        let folder = newFolder()
        _ = run(weekTwo, on: "2026-11-23", folder: folder)
        let signs = Fixtures.lowBackSigns(yes: ["rf_fever"])
        let (outcome, out) = run(checkIn(pain: "5", signs: signs), on: "2026-12-21", folder: folder)
        #expect(outcome == level("urgent"), "\(out.suffix(800))")
        #expect(out.contains("  - New warning sign: Fever or chills with the pain: can point to"))
    }

    @Test func thePainGoneEndsTheEpisodeAndTheNextStartIsAFirstQuestionnaire() {
        let folder = newFolder()
        _ = run(weekTwo, on: "2026-11-23", folder: folder)
        let (ended, out) = run(["3"], on: "2026-12-01", folder: folder)
        #expect(ended == .episodeEnded)
        #expect(out.contains("The episode has ended and stays in your history"))
        let (_, next) = run(["40"], on: "2026-12-05", folder: folder)
        #expect(!next.contains("An episode is open"))
        #expect(next.contains("Question 1, "))
    }

    @Test func theHistoryCanBeSeenFromTheStartAndThenACheckInFollows() {
        let folder = newFolder()
        _ = run(weekTwo, on: "2026-11-23", folder: folder)
        _ = run(checkIn(pain: "4"), on: "2026-12-21", folder: folder)
        let (outcome, out) = run(["4"] + checkIn(pain: "3", stiffness: true), on: "2027-02-08", folder: folder)
        #expect(out.contains("Episode 1: Lower back, since 9 Nov 2026 (open)"))
        #expect(out.contains("21 Dec 2026, week 6: Pain intensity 4/10; SEE A DOCTOR"))
        #expect(out.contains("The same as a chart:"))
        #expect(out.contains("6 and 12 weeks: when the guidance looks at the pain again"))
        #expect(outcome == level("see_doctor"), "\(out.suffix(600))")
        #expect(out.contains("The 12-week mark is reached"))
    }

    @Test func aNewEpisodeAsksEverythingAgainAndEndsTheOldOne() throws {
        let folder = newFolder()
        _ = run(weekTwo, on: "2026-11-23", folder: folder)
        let neck = ["2", "40", "3", "1 week", "no", "5", "no", "1"] + Array(repeating: "no", count: Fixtures.warningSigns(Fixtures.region("neck")).count) + Array(repeating: "no", count: 7)
            + ["0", "no", "no"]
        let (outcome, out) = run(neck, on: "2026-12-01", folder: folder)
        #expect(outcome == level("self_care"), "\(out.suffix(800))")
        #expect(out.contains("How old are you?"))
        let history = try HistoryStore(path: folder + "/data/history.sqlite3")
        #expect(try history.episodes().map(\.kind) == ["lower_back", "neck"])
        #expect(try history.episodes().first?.ending == .replaced)
    }

    @Test func theMenuAndTheChangesReadInGerman() {
        let folder = newFolder()
        _ = run(weekTwo, on: "2026-11-23", folder: folder, language: .de)
        let (_, out) = run(checkIn(pain: "4"), on: "2026-12-21", folder: folder, language: .de)
        #expect(out.contains("Eine Episode ist offen: Unterer Rücken (Kreuz), seit 09.11.2026 (jetzt 6 Wochen). Letzte Kontrolle am 23.11.2026: SELBSTHILFE."))
        #expect(out.contains("Geben Sie 1 ein für eine Kontrolle"))
        #expect(out.contains("Die Schmerzen begannen am 09.11.2026, vor 6 Wochen."))
        #expect(out.contains("Seit Ihrer letzten Kontrolle am 23.11.2026:"))
        #expect(out.contains("  - Schmerzstärke: von 6/10 auf 4/10."))
        #expect(out.contains("In Ihrem Verlauf gespeichert: Kontrolle 2 dieser Episode."))
    }

    @Test func aCheckInStoppedHalfWayContinuesAsACheckIn() {
        let folder = newFolder()
        _ = run(weekTwo, on: "2026-11-23", folder: folder)
        let (stopped, _) = run(["1", "", "4", "quit"], on: "2026-12-21", folder: folder)
        #expect(stopped == .quit)
        // Continue (1): the check-in goes on after the pain, and is recorded as check-in 2.
        let rest = ["no", "no", "no", ""] + Fixtures.lowBackSigns() + Array(repeating: "no", count: 7) + ["0", "", ""]
        let (outcome, out) = run(["1"] + rest, on: "2026-12-21", folder: folder)
        #expect(outcome == level("see_doctor"), "\(out.suffix(800))")
        #expect(out.contains("Saved to your history: check-in 2 of this episode."))
        #expect(out.contains("  - Pain intensity: from 6/10 to 4/10."))
        // Recorded answers are not offered again.
        let (_, after) = run([], on: "2026-12-22", folder: folder)
        #expect(!after.contains("Saved answers from"))
    }
}
