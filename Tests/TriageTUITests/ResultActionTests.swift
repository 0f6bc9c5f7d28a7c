import Foundation
import Testing
import TriageKit
@testable import TriageTUI

/// The results keep their promises: every entry opens a page that says why, and the summary
/// sheet can be saved and printed.
@Suite struct DetailPages {
    /// The results of seven weeks of low back pain, the first entry selected.
    func results(language: String = "en", size: Size = small) -> AppState {
        var state = freshState(language: language, answers: AnswerSet(lowBackSevenWeeks))
        state.screenSize = size
        state.showResults()
        return state
    }

    /// The selection that rests on `id` in the results list.
    func selection(of id: String, in state: AppState) -> Int? {
        let list = ResultList(state.assessment, questionnaire: backPain, language: state.language)
        return list.selectable.firstIndex { list.subject(ofRow: $0) == .entry(id: id, kind: .suggestion) }
    }

    @Test(arguments: [small, large])
    func enterOpensTheEntryWithExplanationSourceAndWhy(size: Size) throws {
        var state = results(size: size)
        let index = try #require(selection(of: "physiotherapy", in: state))
        press(&state, Array(repeating: Key.down, count: index))
        press(&state, .enter)
        #expect(state.page == .detail(.entry(id: "physiotherapy", kind: .suggestion), scroll: 0, selection: index))
        let entry = try #require(backPain.entry("physiotherapy", .suggestion))
        let source = try #require(entry.source)
        // The whole page, scrolled through, says everything; the first screen starts with the title.
        let text = pageText(&state, size: size)
        let first = render(state, size: size).text
        #expect(first.contains(entry.title["en"]))
        #expect(first.contains("Esc back"))
        let flat = squeeze(text)
        #expect(flat.contains(squeeze(String(entry.explanation["en"].prefix(60)))))
        #expect(flat.contains("Source"))
        #expect(flat.contains(squeeze(SummarySheet.Citation(source, in: backPain, language: "en").text)))
        #expect(flat.contains("Why"))
        #expect(flat.contains("Rule low-back-6-weeks"))
        #expect(flat.contains(squeeze(String(backPain.rule("low-back-6-weeks")!.explanation["en"].prefix(40)))))
        // Answers as a person reads them, not ids.
        #expect(flat.contains("7 weeks"))
        #expect(!flat.contains("duration_weeks"))
    }

    @Test func longPagesScrollAndSayMoreBelow() throws {
        var state = results()
        let index = try #require(selection(of: "physiotherapy", in: state))
        press(&state, Array(repeating: Key.down, count: index) + [.enter])
        let before = render(state, size: small).text
        #expect(before.contains("more below"))
        press(&state, .down)
        guard case .detail(_, let scroll, _) = state.page else { Issue.record("not on the detail page"); return }
        #expect(scroll == 1)
        #expect(render(state, size: small).text != before)
        press(&state, .character("j"), .pageDown)
        guard case .detail(_, let paged, _) = state.page else { Issue.record("not on the detail page"); return }
        #expect(paged > 2)
        // Scrolling stops at the end, where nothing more is below.
        press(&state, Array(repeating: Key.pageDown, count: 20))
        guard case .detail(_, let end, _) = state.page else { Issue.record("not on the detail page"); return }
        #expect(!render(state, size: small).text.contains("more below"))
        press(&state, .up)
        guard case .detail(_, let back, _) = state.page else { Issue.record("not on the detail page"); return }
        #expect(back == end - 1)
        press(&state, .character("k"), .home)
        guard case .detail(_, let top, _) = state.page else { Issue.record("not on the detail page"); return }
        #expect(top == 0)
    }

    @Test(arguments: [Key.escape, .left, .backspace, .character("q")])
    func leavingReturnsWithTheSameSelection(key: Key) {
        var state = results()
        press(&state, .down, .down, .enter)
        guard case .detail = state.page else { Issue.record("Enter did not open the detail page"); return }
        let effects = press(&state, .down, key)
        #expect(effects.isEmpty)
        #expect(state.page == .results(selection: 2))
    }

    @Test func rightOpensAndTheSafetyNetHasAPageToo() {
        var state = results()
        press(&state, .end, .right)
        #expect(state.page == .detail(.safetyNet, scroll: 0, selection: ResultList(state.assessment, questionnaire: backPain, language: "en").selectable.count - 1))
        let text = render(state, size: large).text
        #expect(text.contains("Check again on 2026-12-28"))
        #expect(text.contains("Numbness around the anus"))
    }

    @Test(arguments: [small, large])
    func germanDetailPage(size: Size) throws {
        var state = results(language: "de", size: size)
        let index = try #require(selection(of: "physiotherapy", in: state))
        press(&state, Array(repeating: Key.down, count: index) + [.enter])
        let flat = squeeze(pageText(&state, size: size))
        #expect(flat.contains(squeeze(backPain.entry("physiotherapy", .suggestion)!.title["de"])))
        #expect(flat.contains("Quelle"))
        #expect(flat.contains("Warum"))
        #expect(flat.contains("Regel low-back-6-weeks"))
        #expect(flat.contains("Weil Sie geantwortet haben"))
        #expect(flat.contains("7 Wochen"))
        #expect(render(state, size: size).text.contains("Esc zurück"))
    }

    @Test(arguments: [small, large])
    func redFlagsOpenAPageWithCauseAndRule(size: Size) throws {
        var answers = lowBackSevenWeeks
        answers["rf_fever"] = .bool(true)
        var state = freshState(answers: AnswerSet(answers))
        state.screenSize = size
        state.showResults()
        let flag = try #require(state.assessment.redFlags.first { $0.item == "rf_fever" })
        // Warning signs come first in the list.
        #expect(render(state, size: size).text.contains("Warning signs you answered yes"))
        press(&state, .enter)
        #expect(state.page == .detail(.redFlag(item: "rf_fever", rule: flag.rule), scroll: 0, selection: 0))
        let flat = squeeze(pageText(&state, size: size))
        #expect(flat.contains(squeeze(backPain.item("rf_fever")!.text["en"])))
        #expect(flat.contains(squeeze(backPain.cause(flag.cause)!.text["en"])))
        #expect(flat.contains("Rule \(flag.rule)"))
        #expect(flat.contains(squeeze(String(backPain.rule(flag.rule)!.explanation["en"].prefix(40)))))
        press(&state, .escape)
        #expect(state.page == .results(selection: 0))
    }

    @Test func asciiDetailPageHasOnlyASCII() {
        var state = results(language: "de")
        press(&state, .down, .enter, .down)
        let text = render(state, size: small, glyphs: .ascii).text
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(text.contains("Esc"))
    }

    @Test func footerNamesPrintAndDetails() {
        let text = render(results(size: large), size: large).text
        #expect(text.contains("Enter details"))
        #expect(text.contains("p print"))
        #expect(text.contains("s save"))
        #expect(render(results(size: small), size: small).text.contains("p print"))
    }

    /// Every line of the page, scrolling through it from the top.
    func pageText(_ state: inout AppState, size: Size) -> String {
        press(&state, .home)
        var seen: [String] = []
        for _ in 0..<40 {
            let screen = render(state, size: size)
            seen.append(screen.text)
            let before = state.page
            press(&state, .pageDown)
            if state.page == before { break }
        }
        press(&state, .home)
        return seen.joined(separator: "\n")
    }

    /// Text with the frame and line breaks taken out, so wrapped sentences can be found.
    func squeeze(_ text: String) -> String {
        text.replacingOccurrences(of: "│", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

@Suite struct SheetActions {
    @Test func printingIsAnEffectWithBothSheets() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks), saving: false)
        state.showResults()
        let effects = press(&state, .character("p"))
        guard case .printSheet(let sheets)? = effects.first else { Issue.record("no print effect"); return }
        #expect(sheets.text == SheetFormat.text.render(backPain, assessment: state.assessment, answers: state.effectiveAnswers, language: "en"))
        #expect(sheets.html.contains("<html"))
    }

    @Test func savingWorksWithSavingOffAndInGerman() {
        var state = freshState(language: "de", answers: AnswerSet(lowBackSevenWeeks), saving: false)
        state.showResults()
        guard case .saveSheets(let sheets)? = press(&state, .character("s")).first else { Issue.record("no save effect"); return }
        #expect(sheets.html.contains("lang=\"de\""))
    }

    @Test func printOutcomesAreSaidOnScreen() {
        var state = freshState(answers: AnswerSet(lowBackSevenWeeks))
        state.showResults()
        state.printed(jobLine: "request id is fake-1 (1 file(s))")
        #expect(render(state, size: small).text.contains("Sent to the printer: request id is fake-1"))
        state.printFailed(.said("lp: The printer or class does not exist."))
        #expect(render(state, size: small).text.contains("The printer did not take the summary sheet: lp: The printer"))
        state.printerMissing(savedText: "/s/a.txt", html: "/s/a.html")
        let text = render(state, size: small).text
        #expect(text.contains("CUPS (the lp command)"))
        #expect(text.contains("/s/a.txt"))
        #expect(text.contains("/s/a.html"))
        state.sheetSaveFailed("/s: cannot create")
        #expect(render(state, size: small).text.contains("Could not save the summary sheet"))
    }

    @Test func sheetsAreSavedPrivately() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bt-sheets-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = SessionStore(directory: root + "/state/backtriage")
        let text = try store.saveSummary("text", questionnaire: "back-pain", date: fixedDay, fileExtension: "txt")
        let html = try store.saveSummary("<html>", questionnaire: "back-pain", date: fixedDay, fileExtension: "html")
        #expect(text.hasSuffix("summary-back-pain-2026-11-23.txt"))
        #expect(html.hasSuffix("summary-back-pain-2026-11-23.html"))
        for (path, mode) in [(text, 0o600), (html, 0o600), (root + "/state/backtriage", 0o700)] {
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(Int(info.st_mode & 0o777) == mode)
        }
    }
}

