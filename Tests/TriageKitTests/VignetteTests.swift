import Foundation
import Testing
@testable import TriageKit

/// A clinical case with its expected result, from ../shared/vignettes/examples.json.
struct Vignette: Sendable, CustomTestStringConvertible {
    var name: String
    var answers: AnswerSet
    var triage: String?
    /// Where to go and how (`action` in the result).
    var action: String?
    var include: [String]
    var exclude: [String]
    var cautions: [String]
    var notes: [String]
    var noNotes: [String]
    /// No suggestions and no cautions.
    var empty: Bool
    /// The weeks of the next check; `.some(nil)` when there must be none.
    var nextCheck: Double??
    var testDescription: String { name }

    /// Every example with what it expects; an error names the file and case that cannot be read.
    static func all() throws -> [Vignette] {
        try Fixtures.exampleCases().map { c in
            let expect = c.expect
            var next: Double?? = nil
            if expect.keys.contains("next_check") { next = .some((expect["next_check"] as? NSNumber)?.doubleValue) }
            return Vignette(name: c.name, answers: c.answers, triage: expect["triage"] as? String,
                            action: expect["action"] as? String,
                            include: expect["include"] as? [String] ?? [], exclude: expect["exclude"] as? [String] ?? [],
                            cautions: expect["cautions"] as? [String] ?? [], notes: expect["notes"] as? [String] ?? [],
                            noNotes: expect["no_notes"] as? [String] ?? [], empty: expect["empty"] as? Bool ?? false,
                            nextCheck: next)
        }
    }
}

@Suite("Example vignettes")
struct VignetteTests {
    @Test func theVignetteFileHasCases() throws {
        #expect(try Vignette.all().count >= 18)
        #expect(try Vignette.all().allSatisfy { $0.action != nil }, "every example names the action")
    }

    @Test(arguments: try Vignette.all())
    func vignetteGivesTheExpectedResult(_ v: Vignette) {
        let engine = Fixtures.engine
        #expect(AnswerFileReader.validate(AnswerDocument(questionnaire: "back-pain", answers: v.answers, locations: [:]), engine: engine).isEmpty)
        let a = engine.evaluate(v.answers, on: Fixtures.day)
        if let triage = v.triage { #expect(a.level.id == triage) }
        if let action = v.action { #expect(a.action.id == action) }
        for id in v.include { #expect(a.suggestionIds.contains(id), "expected suggestion \(id)") }
        for id in v.exclude { #expect(!a.suggestionIds.contains(id), "unexpected suggestion \(id)") }
        for id in v.cautions { #expect(a.cautionIds.contains(id), "expected caution \(id)") }
        for id in v.notes { #expect(a.noteIds.contains(id), "expected note \(id)") }
        for id in v.noNotes { #expect(!a.noteIds.contains(id), "unexpected note \(id)") }
        if v.empty { #expect(a.suggestions.isEmpty && a.cautions.isEmpty, "expected no suggestions and no cautions") }
        if let next = v.nextCheck { #expect(a.nextCheck?.weeks == next) }
    }
}
