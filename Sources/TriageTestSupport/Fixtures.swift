import Foundation
import TriageKit

/// Paths and loaded fixtures shared by the tests of every target.
public enum Fixtures {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let shippedEntry = root.appendingPathComponent("Questionnaires/back-pain/questionnaire.yaml").path
    /// The clinical examples: the shared ones beside the checkout when present, else the copy
    /// kept with the tests (CI may run without ../shared).
    public static let vignettesPath: String = {
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared/vignettes/examples.json").path
        if FileManager.default.fileExists(atPath: shared) { return shared }
        return root.appendingPathComponent("Tests/TriageKitTests/Fixtures/vignettes.json").path
    }()

    /// The shipped back-pain questionnaire, loaded once.
    public static let shipped: Questionnaire = {
        do { return try QuestionnaireLoader.load(path: shippedEntry).get() } catch { fatalError("shipped questionnaire does not load: \(error)") }
    }()
    public static let engine = Engine(shipped)
    public static let day = AnswerValidation.parseDate("2026-11-23")!

    /// A complete answer set of a 40-year-old with one week of low back pain and no warning
    /// sign; tests change what they need. Answers to items the changes leave unasked are
    /// dropped, so the set reads as a person would give it.
    public static func baseline(_ changes: [String: Value] = [:]) -> AnswerSet {
        var a: [ItemID: Value] = [
            "age": .number(40), "region": .string("lower_back"), "duration_weeks": .number(1), "recurrent": .bool(false),
            "intensity": .number(5), "radiates_leg": .bool(false), "leg_numbness": .bool(false), "claudication": .bool(false),
            "whiplash": .bool(false), "diagnosis": .string("none"), "sleep_problems": .bool(false), "daily_limits": .bool(false),
            "painkiller_weeks": .number(0), "nsaid_risk": .bool(false), "conservative_failed": .bool(false),
            "ibp_morning_stiffness": .bool(false), "ibp_better_moving": .bool(false), "ibp_night_waking": .bool(false),
        ]
        for item in shipped.items where item.isRedFlag || item.id.rawValue.hasPrefix("yf_") { a[item.id] = .bool(false) }
        for (k, v) in changes { a[ItemID(k)] = v }
        let asked = Set(engine.askedItems(given: AnswerSet(a)).map(\.id))
        return AnswerSet(a.filter { asked.contains($0.key) || changes[$0.key.rawValue] != nil })
    }

    /// Changes for pain in `region` (neck without whiplash).
    public static func region(_ region: String, _ changes: [String: Value] = [:]) -> [String: Value] {
        changes.merging(["region": .string(region)]) { a, _ in a }
    }

    /// Changes for neck pain after an accident.
    public static func whiplash(_ changes: [String: Value] = [:]) -> [String: Value] {
        changes.merging(["region": .string("neck"), "whiplash": .bool(true)]) { a, _ in a }
    }

    /// The warning signs asked for low back pain without an accident, in order: the lines a
    /// person answers on the checklist (read from the content, so typed input follows it).
    public static let lowBackWarningSigns: [ItemID] = engine.askedItems(given: baseline()).filter(\.isRedFlag).map(\.id)

    /// The warning signs asked with the baseline changed by `changes` (neck pain: its own signs).
    public static func warningSigns(_ changes: [String: Value]) -> [ItemID] {
        engine.askedItems(given: baseline(changes)).filter(\.isRedFlag).map(\.id)
    }

    /// A "no" for each low-back warning sign, "yes" for those named.
    public static func lowBackSigns(yes: Set<ItemID> = []) -> [String] {
        lowBackWarningSigns.map { yes.contains($0) ? "yes" : "no" }
    }

    public static func evaluate(_ changes: [String: Value]) -> Assessment {
        engine.evaluate(baseline(changes), on: day)
    }

    /// Loads a small questionnaire from text; `body` is appended after a valid header.
    public static func load(_ body: String, includes: [String: String] = [:]) -> LoadResult {
        QuestionnaireLoader.load(text: header + body, path: "test.yaml", includes: includes)
    }

    public static let header = """
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
    public var suggestionIds: [String] { suggestions.map(\.id) }
    public var cautionIds: [String] { cautions.map(\.id) }
    public var noteIds: [String] { notes.map(\.id) }
}

extension Fixtures {
    /// The values each item is drawn from in generated answer sets: the classes the verifier
    /// splits answers into (booleans, options, numbers at and between the constants the rules
    /// compare with) and, for decimals, values a hair either side of each, where rounding
    /// would change a result. The first value of each is the simplest, so shrinking goes there.
    public static let generatedDomains: [ItemID: [Value]] = {
        let space = AnswerSpace(shipped)
        var out: [ItemID: [Value]] = [:]
        for item in shipped.items {
            var values = (space.domains[item.id.rawValue] ?? []).compactMap { outcome -> Value? in
                if case .value(let v) = outcome { return v } else { return nil }
            }
            if item.kind == .decimal {
                for case .number(let n) in values {
                    for near in [n - 0.001, n + 0.001, n - 1e-9] where near >= (item.minimum ?? -.infinity) && near <= (item.maximum ?? .infinity) {
                        values.append(.number(near))
                    }
                }
            }
            out[item.id] = values
        }
        return out
    }()

    /// A complete, valid answer set built from one choice per item (any whole number; it picks
    /// among the item's generated values), keeping only the items a person would be asked.
    public static func answers(choices: [Int]) -> AnswerSet {
        var values: [ItemID: Value] = [:]
        for (item, choice) in zip(shipped.items, choices) {
            guard let domain = generatedDomains[item.id], !domain.isEmpty else { continue }
            values[item.id] = domain[abs(choice) % domain.count]
        }
        let asked = Set(engine.askedItems(given: AnswerSet(values)).map(\.id))
        return AnswerSet(values.filter { asked.contains($0.key) })
    }
}
