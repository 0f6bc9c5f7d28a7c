import Foundation
import Testing
import TriageKit
import TriagePlain
import TriageReport
import TriageSession
import TriageTestSupport
@testable import TriageTUI

/// One answer set a person gives, through the full-screen interface and the plain mode alike;
/// `checkIn` answers it as a check-in of an episode begun four weeks earlier.
struct OutlineCase: Sendable, CustomTestStringConvertible {
    var name: String
    var answers: AnswerSet
    var checkIn = false
    var testDescription: String { name }

    /// A result of every level of the questionnaire (the first example of each), crisis help,
    /// a minor, and a check-in with a trend.
    static func all() throws -> [OutlineCase] {
        let examples = try Fixtures.exampleCases()
        var out: [OutlineCase] = []
        for level in Fixtures.shipped.triageLevels {
            guard let example = examples.first(where: { Fixtures.engine.evaluate($0.answers, on: Fixtures.day).level.id == level.id }) else {
                throw FixtureError("no example case has the level \(level.id)")
            }
            out.append(OutlineCase(name: "\(level.id): \(example.name)", answers: example.answers))
        }
        guard let crisis = examples.first(where: { c in
            Report(engine: Fixtures.engine, answers: c.answers, on: Fixtures.day).banners.isEmpty == false
        }) else { throw FixtureError("no example case has crisis help") }
        out.append(OutlineCase(name: "crisis help: \(crisis.name)", answers: crisis.answers))
        guard let minor = examples.first(where: { c in
            if case .number(let age)? = c.answers["age"] { return age < 18 } else { return false }
        }) else { throw FixtureError("no example case is a minor") }
        out.append(OutlineCase(name: "a minor: \(minor.name)", answers: minor.answers))
        out.append(OutlineCase(name: "a check-in at six weeks", answers: Fixtures.baseline(["duration_weeks": .number(6), "intensity": .number(3)]),
                               checkIn: true))
        return out
    }
}

/// A history with one check-in four weeks before the fixed day, in a folder of its own.
private struct History {
    let folder = NSTemporaryDirectory() + "bt-outline-\(UUID().uuidString)"
    var path: String { folder + "/history.sqlite3" }
    let firstDay = Fixtures.day.addingTimeInterval(-28 * 86_400)

    init() {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let first = EpisodeTracker(path: path, engine: engine, today: firstDay)
        let answers = Fixtures.baseline(["duration_weeks": .number(2), "intensity": .number(6)])
        _ = try? first.record(Session(engine: engine, answers: answers, today: firstDay), language: .en, at: firstDay)
    }

    var tracker: EpisodeTracker { EpisodeTracker(path: path, engine: engine, today: Fixtures.day) }
}

/// The results screen after answering `c` with keys: the state, and every word a person can
/// read on it (the screen, each row of its list in full, and the detail page of each row).
@MainActor private func fullScreen(_ c: OutlineCase, _ language: Language) -> (state: AppState, text: String) {
    var state: AppState
    if c.checkIn {
        let history = History()
        state = AppState(session: Session(engine: engine, today: Fixtures.day), language: language, savingEnabled: true,
                         episode: try? history.tracker.status(), historyEnabled: true)
        state.screenSize = large
        press(&state, .enter)
        walkOn(&state, c.answers)
    } else {
        state = freshState(language, size: large)
        walk(&state, answers: c.answers)
    }
    // An emergency interrupts once and crisis help shows at once: the person goes on answering.
    var boxes = 0
    while let overlay = state.overlay, case .question = state.page, boxes < 10 {
        if case .emergency = overlay { press(&state, .character("2")) }
        press(&state, .enter)
        walkOn(&state, c.answers)
        boxes += 1
    }
    var text = screenText(state, size: large)
    let list = ResultList(state.outline, state)
    for (index, row) in list.rows.enumerated() {
        switch row {
        case .heading(let s), .text(let s), .changes(let s), .safetyNet(let s), .section(let s, _): text += "\n" + s
        case .sign(let sign): text += "\n" + state.wording.label(sign.item)
        case .entry(let e): text += "\n" + e.entry.title[language]
        }
        if let subject = list.subject(ofRow: index) {
            text += "\n" + DetailText.title(subject, state) + "\n"
                + DetailText(subject, state, width: 400, glyphs: .unicode).lines.map(\.text).joined(separator: "\n")
        }
    }
    return (state, text)
}

/// The plain mode answering `c` line by line, each answer typed for the question it asks.
private func plainMode(_ c: OutlineCase, _ language: Language) -> String {
    let history = c.checkIn ? History() : nil
    var output = ""
    let questions = engine.questionnaire.items
    let readLine: () -> String? = {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let last = lines.last(where: { $0.contains(". ") || $0.contains("Type 1") || $0.contains("Geben Sie 1") }) else { return nil }
        let line = String(last)
        if line.contains(StringCatalog.plain.text("plain.episode.choice", language).prefix(12)) { return "1" }
        if line.contains(StringCatalog.plain.text("plain.act_now.choice", language).prefix(12)) { return "2" }
        if line.contains(StringCatalog.plain.text("plain.checkin.weeks", language, ["", ""]).split(separator: " ").prefix(3).joined(separator: " ")) { return "" }
        // The question asked last: the item whose question the line ends with.
        let questionWord = String(StringCatalog.plain.text("plain.question", language).split(separator: "{").first ?? "")
        guard let ask = lines.lastIndex(where: { $0.contains(questionWord) }) else { return nil }
        let asked = String(lines[ask])
        guard let item = questions.filter({ asked.contains($0.text[language]) }).max(by: { $0.text[language].count < $1.text[language].count })
        else { return nil }
        switch (item.kind, c.answers[item.id]) {
        case (_, .bool(let b)?): return b ? "yes" : "no"
        case (.choice, .string(let s)?): return String((item.options.firstIndex { $0.value == s } ?? 0) + 1)
        case (_, .list(let l)?): return l.isEmpty ? "none" : l.map { v in String((item.options.firstIndex { $0.value == v } ?? 0) + 1) }.joined(separator: " ")
        case (_, .number(let n)?): return item.inputHint == .duration ? "\(Language.en.number(n, decimals: 4)) weeks" : Language.en.number(n, decimals: 4)
        case (_, .string(let s)?): return s
        case (_, nil): return item.kind == .boolean ? "no" : ""
        }
    }
    var guardCount = 0
    let session = PlainSession(engine: engine, store: nil, saved: nil, language: language, today: Fixtures.day,
                               tracker: history?.tracker,
                               readLine: { guardCount += 1; return guardCount > 300 ? nil : readLine() }, write: { output += $0 })
    _ = session.run()
    return output
}

/// Text with markup and line breaks taken out, lower-cased, so words are found however an
/// output lays them out.
private func readable(_ text: String) -> String {
    var t = text
    for (entity, char) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("\\", "")] {
        t = t.replacingOccurrences(of: entity, with: char)
    }
    t = t.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    // The frames and boxes of the full-screen interface.
    t = String(t.unicodeScalars.map { (0x2500...0x257F).contains($0.value) ? " " : Character($0) })
    return t.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
}

/// The words of an entry every output shows: a sign by its name, a label and its value both,
/// an entry by its title.
private func fragments(_ entry: ResultOutline.Entry, _ w: Wording) -> [String] {
    switch entry.subject {
    case .sign(let sign): return [w.label(sign.item)]
    case .fact, .trendPoint:
        guard let colon = entry.text.firstRange(of: ": ") else { return [entry.text] }
        return [String(entry.text[..<colon.lowerBound]), String(entry.text[colon.upperBound...])]
    case .entry(let e) where entry.text != e.entry.title[w.language]:
        // Crisis help: its title and its text, which a sheet sets apart.
        return [e.entry.title[w.language], e.entry.explanation[w.language]]
    default: return [entry.text]
    }
}

@Suite("One outline: every output shows the same sections") @MainActor
struct OutlineAgreementTests {
    /// The same answers through every output, the full-screen results screen and the plain
    /// mode included: each shows every section of the result's outline, with its heading and
    /// every entry, and the outline is the one `evaluate` gives for the same answers.
    @Test(arguments: try OutlineCase.all())
    func everyOutputShowsTheSameSectionsWithTheSameEntries(_ c: OutlineCase) throws {
        for language in Language.allCases {
            let (state, screenWords) = fullScreen(c, language)
            try #require(state.page == .results(selection: 0) || { if case .results = state.page { return true } else { return false } }(),
                         "\(c.name): the full-screen interface did not reach the result")
            let w = Wording(engine.questionnaire, language)
            // What `evaluate` says for the answers the person gave, with what the check-in adds.
            let report = Report(engine: engine, answers: state.answers, on: Fixtures.day)
            let outline = ResultOutline(report, w, changes: state.outline.changes, trend: state.outline.trend)
            #expect(state.outline.sections.map(\.kind) == outline.sections.map(\.kind), "\(c.name): the screen's sections")
            if c.checkIn { #expect(outline.section(.trend) != nil && outline.section(.changes) != nil, "\(c.name): no trend or changes") }

            let outputs: [(String, String)] = [
                ("result text", ResultText(w).render(outline)),
                ("text sheet", SheetFormat.text.render(report, language: language, changes: outline.changes, trend: outline.trend)),
                ("markdown sheet", SheetFormat.markdown.render(report, language: language, changes: outline.changes, trend: outline.trend)),
                ("html sheet", SheetFormat.html.render(report, language: language, changes: outline.changes, trend: outline.trend)),
                ("saved sheet of the full-screen interface", state.sheets.text),
                ("results screen", screenWords),
                ("plain mode", plainMode(c, language)),
            ]
            for (name, text) in outputs {
                let words = readable(text)
                for section in outline.sections {
                    if let heading = section.heading {
                        #expect(words.contains(readable(heading)), "\(c.name) \(language.rawValue): \(name) lacks the heading of \(section.kind)")
                    }
                    if section.entries.isEmpty, let none = section.none {
                        // The results screen says "(none)" in its list and the lack of warning signs above it.
                        #expect(words.contains(readable(none)), "\(c.name) \(language.rawValue): \(name) lacks \(section.kind)'s '\(none)'")
                    }
                    for entry in section.entries {
                        for fragment in fragments(entry, w) {
                            #expect(words.contains(readable(fragment)),
                                    "\(c.name) \(language.rawValue): \(name) lacks '\(fragment)' of \(section.kind)")
                        }
                    }
                }
            }
        }
    }

    /// A section the level's result shape leaves out is in no output: an emergency gives no
    /// advice anywhere.
    @Test func aLevelWithoutAdviceHasNoAdviceSectionAnywhere() throws {
        let report = Report(engine: engine, answers: Fixtures.baseline(["rf_saddle_numbness": .bool(true)]), on: Fixtures.day)
        let outline = ResultOutline(report, Wording(engine.questionnaire, .en))
        #expect(outline.section(.suggestions) == nil && outline.section(.cautions) == nil)
        let suggestions = readable(Wording(engine.questionnaire, .en).t("result.suggestions"))
        for text in [ResultText(Wording(engine.questionnaire, .en)).render(report), SheetFormat.text.render(report, language: .en),
                     SheetFormat.html.render(report, language: .en)] {
            #expect(!readable(text).contains(suggestions))
        }
    }
}
