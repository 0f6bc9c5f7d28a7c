import Foundation
@testable import TriageKit

/// Paths and loaded fixtures shared by the tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shippedEntry = root.appendingPathComponent("Questionnaires/back-pain/questionnaire.yaml").path
    static let vignettesPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/vignettes.json").path

    /// The shipped back-pain questionnaire, loaded once.
    static let shipped: Questionnaire = {
        do { return try QuestionnaireLoader.load(path: shippedEntry).get() } catch { fatalError("shipped questionnaire does not load: \(error)") }
    }()
    static let engine = Engine(shipped)
    static let day = AnswerValidation.parseDate("2026-11-23")!

    /// A complete low-back answer set with no warning signs; tests change what they need.
    static func baseline(_ changes: [String: Value] = [:]) -> AnswerSet {
        var a: [String: Value] = [
            "age": .number(40), "region": .string("lower_back"), "duration_weeks": .number(1), "recurrent": .bool(false),
            "intensity": .number(5), "radiates_leg": .bool(false), "leg_numbness": .bool(false), "claudication": .bool(false),
            "diagnosis": .string("none"), "sleep_problems": .bool(false), "daily_limits": .bool(false),
            "painkiller_weeks": .number(0), "conservative_failed": .bool(false),
        ]
        for id in shipped.items where id.isRedFlag || id.id.hasPrefix("yf_") { a[id.id] = .bool(false) }
        if changes["region"] != nil && changes["region"] != .string("lower_back") {
            for id in ["radiates_leg", "leg_numbness", "claudication"] { a[id] = nil }
        }
        for (k, v) in changes { a[k] = v }
        return AnswerSet(a)
    }

    static func evaluate(_ changes: [String: Value]) -> Assessment {
        engine.evaluate(baseline(changes), on: day)
    }

    /// Loads a small questionnaire from text; `body` is appended after a valid header.
    static func load(_ body: String, includes: [String: String] = [:]) -> LoadResult {
        QuestionnaireLoader.load(text: header + body, path: "test.yaml", includes: includes)
    }

    static let header = """
    id: test
    version: 1.0.0
    languages: [en, de]
    title: {en: Test, de: Test}
    triage_levels:
      - {id: emergency, title: {en: EMERGENCY, de: NOTFALL}, action: {en: Call 112, de: 112 anrufen}}
      - {id: self_care, title: {en: SELF-CARE, de: SELBSTHILFE}, action: {en: Help yourself, de: Selbsthilfe}}
    suggestions:
      - {id: rest_less, subject: rest, group: self_help, title: {en: Move, de: Bewegen}, explanation: {en: Move., de: Bewegen.}, source: {file: f, section: s}}
    cautions:
      - {id: bed_rest, subject: rest, title: {en: Bed rest, de: Bettruhe}, explanation: {en: No., de: Nein.}, source: {file: f, section: s}}

    """
}

extension Assessment {
    var suggestionIds: [String] { suggestions.map(\.id) }
    var cautionIds: [String] { cautions.map(\.id) }
    var noteIds: [String] { notes.map(\.id) }
}
