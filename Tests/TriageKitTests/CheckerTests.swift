import Foundation
import Testing
@testable import TriageKit

private func messages(_ r: LoadResult) -> [String] { r.errors.map(\.description) }

private let items = """
sections:
  - id: s
    title: {en: S, de: S}
    items:
      - id: region
        type: choice
        text: {en: Where?, de: Wo?}
        options:
          - {value: neck, text: {en: Neck, de: Nacken}}
          - {value: lower_back, text: {en: Low back, de: Kreuz}}
      - id: duration_weeks
        type: decimal
        min: 0
        text: {en: How long?, de: Wie lange?}
      - id: rested
        type: boolean
        text: {en: Rested?, de: Geruht?}

"""

private func rule(_ when: String, id: String = "r1", extra: String = "") -> String {
    """
    rules:
      - id: \(id)
        when: "\(when)"
        triage: emergency\(extra)
        explanation: {en: Why, de: Warum}
        source: {file: f, section: s}

    """
}

@Suite("check")
struct CheckerTests {
    @Test func aCleanQuestionnaireHasNoErrors() {
        let r = Fixtures.load(items + rule("duration_weeks >= 6", extra: "\n    suggest: [rest_less]\n    caution: [bed_rest]"))
        #expect(r.errors.isEmpty, "\(messages(r))")
    }

    @Test func anUnknownItemIsNamedWithItsPositionAndASuggestion() {
        let r = Fixtures.load(items + rule("duraton_weeks >= 6"))
        let e = r.errors.first { $0.message.contains("unknown item 'duraton_weeks'") }
        #expect(e != nil, "\(messages(r))")
        #expect(e?.hint == "did you mean 'duration_weeks'?")
        #expect(e?.location?.file == "test.yaml")
        #expect(e?.location?.column == 12)
        #expect(e?.description.contains("^") == true)
    }

    @Test func aChoiceComparedWithANumberIsATypeError() {
        let r = Fixtures.load(items + rule("region == 3"))
        #expect(messages(r).contains { $0.contains("'region' is a choice (neck, lower_back) and cannot be compared with a number") }, "\(messages(r))")
    }

    @Test func aChoiceValueMustBeAnOption() {
        let r = Fixtures.load(items + rule("region == 'lowerback'"))
        #expect(messages(r).contains { $0.contains("'lowerback' is not an option of 'region'") }, "\(messages(r))")
        let list = Fixtures.load(items + rule("region in ['neck', 'knee']"))
        #expect(messages(list).contains { $0.contains("'knee' is not an option of 'region'") }, "\(messages(list))")
    }

    @Test func aMissingTranslationIsNamed() {
        let r = Fixtures.load(items.replacingOccurrences(of: "{en: Rested?, de: Geruht?}", with: "{en: Rested?}") + rule("rested"))
        #expect(messages(r).contains { $0.contains("the text of item 'rested' has no 'de' text") }, "\(messages(r))")
    }

    @Test func aDuplicateIdIsReported() {
        let doubled = items.replacingOccurrences(of: "      - id: rested", with: "      - id: region")
        let r = Fixtures.load(doubled + rule("true"))
        #expect(messages(r).contains { $0.contains("the id 'region' is used twice") }, "\(messages(r))")
    }

    @Test func aDuplicateYAMLKeyIsReported() {
        let r = Fixtures.load(items + rule("true", extra: "\n    triage: self_care"))
        #expect(messages(r).contains { $0.contains("duplicate key") }, "\(messages(r))")
    }

    @Test func derivedValuesInACycleAreReported() {
        let derived = """
        derived:
          - {id: a, type: number, value: "b + 1", text: {en: A, de: A}}
          - {id: b, type: number, value: "a + 1", text: {en: B, de: B}}

        """
        let r = Fixtures.load(items + derived + rule("a > 1"))
        #expect(messages(r).contains { $0.contains("cycle") }, "\(messages(r))")
    }

    @Test func aConditionOnALaterItemIsReported() {
        let later = items.replacingOccurrences(of: "        text: {en: Where?, de: Wo?}", with: "        text: {en: Where?, de: Wo?}\n        when: \"rested\"")
        let r = Fixtures.load(later + rule("true"))
        #expect(messages(r).contains { $0.contains("reads 'rested', which is asked later") }, "\(messages(r))")
    }

    @Test func anItemThatCanNeverBeAskedIsReported() {
        let never = items.replacingOccurrences(of: "        text: {en: Rested?, de: Geruht?}", with: "        text: {en: Rested?, de: Geruht?}\n        when: \"duration_weeks < 0\"")
        let r = Fixtures.load(never + rule("true"))
        #expect(messages(r).contains { $0.contains("item 'rested' can never be asked") }, "\(messages(r))")
    }

    @Test func aRuleThatCanNeverFireIsReported() {
        let r = Fixtures.load(items + rule("region == 'neck' and region == 'lower_back'"))
        #expect(messages(r).contains { $0.contains("rule 'r1' can never fire") }, "\(messages(r))")
    }

    @Test func aSuggestionMissingFromTheCatalogIsReported() {
        let r = Fixtures.load(items + rule("rested", extra: "\n    suggest: [heat_pad]"))
        #expect(messages(r).contains { $0.contains("refers to the suggestion 'heat_pad', which is not in the catalog") }, "\(messages(r))")
    }

    @Test func anUnknownFieldIsNamedWithASuggestion() {
        let r = Fixtures.load(items + rule("true").replacingOccurrences(of: "triage: emergency", with: "triag: emergency"))
        let e = r.errors.first { $0.message.contains("unknown field 'triag'") }
        #expect(e?.hint == "did you mean 'triage'?", "\(messages(r))")
    }

    @Test func aRulesFileIncludingItselfIsRefused() {
        let r = Fixtures.load(items + "include: [rules.yaml]\n", includes: ["rules.yaml": "include: [rules.yaml]\n" + rule("true")])
        #expect(messages(r).contains { $0.contains("included more than once or includes itself") }, "\(messages(r))")
    }

    @Test func anIncludedFileThatCannotBeParsedIsTheOneProblemReported() {
        let r = Fixtures.load(items + "include: [rules.yaml]\n", includes: ["rules.yaml": "rules:\n  - id: r1\n    when: [rested\n"])
        // Its rules would use the catalog's entries: no "no rule uses it" warning follows.
        #expect(r.diagnostics.count == 1, "\(r.diagnostics.map(\.description))")
        #expect(r.errors.first?.message.contains("invalid YAML") == true)
        #expect(r.errors.first?.location?.file == "rules.yaml")
    }

    @Test func anUnparsableIncludeLeavesOutReferencesIntoItButKeepsIndependentErrors() {
        let r = Fixtures.load(items + rule("duraton_weeks > 1", extra: "\n    suggest: [heat_pad]") + "include: [catalog.yaml]\n",
                              includes: ["catalog.yaml": "notes: [\n"])
        let all = messages(r)
        #expect(all.contains { $0.contains("invalid YAML") }, "\(all)")
        // Items are defined in the entry file, which was read: a misspelt one is still an error.
        #expect(all.contains { $0.contains("unknown item 'duraton_weeks'") }, "\(all)")
        #expect(!all.contains { $0.contains("heat_pad") }, "\(all)")
        #expect(all.count == 2, "\(all)")
    }

    @Test func aMissingIncludeIsReportedAtItsEntryInTheList() {
        let r = Fixtures.load(items + rule("rested") + "include: [catalog.yaml, extra.yaml]\n", includes: ["catalog.yaml": "notes: []\n"])
        let e = r.errors.first { $0.message.contains("included file 'extra.yaml' does not exist") }
        #expect(e?.location?.column == 25, "\(messages(r))")
    }

    @Test func anIncludeOutsideTheQuestionnairesFolderIsRefusedAtItsEntry() {
        let r = Fixtures.load(items + rule("rested") + "include: [../../secret.yaml]\n", includes: ["../../secret.yaml": "root:x:0:0\n"])
        let e = r.errors.first { $0.message.contains("'../../secret.yaml' is outside the questionnaire's folder") }
        #expect(e?.location?.column == 11, "\(messages(r))")
        #expect(e?.hint?.contains("include only files inside") == true)
        #expect(!messages(r).contains { $0.contains("root:x") }, "\(messages(r))")
    }

    @Test func anIncludeThatIsASymbolicLinkOutOfTheFolderIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bt-include-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/q", withIntermediateDirectories: true)
        try "notes: []\n".write(toFile: root + "/outside.yaml", atomically: true, encoding: .utf8)
        try "notes: []\n".write(toFile: root + "/q/inside.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/q/outside.yaml", withDestinationPath: "../outside.yaml")
        try FileManager.default.createSymbolicLink(atPath: root + "/q/catalog.yaml", withDestinationPath: "inside.yaml")
        try (Fixtures.header + items + rule("rested") + "include: [catalog.yaml, outside.yaml]\n")
            .write(toFile: root + "/q/questionnaire.yaml", atomically: true, encoding: .utf8)
        let r = QuestionnaireLoader.load(path: root + "/q/questionnaire.yaml")
        // A link that stays inside the folder is fine; one that leads out is not.
        #expect(messages(r).count == 1, "\(messages(r))")
        #expect(r.errors.first?.message == "'outside.yaml' is outside the questionnaire's folder", "\(messages(r))")
    }

    @Test func invalidYAMLGivesLineAndColumn() {
        let r = QuestionnaireLoader.load(text: "id: x\n  bad: [1, 2\n", path: "bad.yaml")
        #expect(r.errors.first?.location?.file == "bad.yaml")
        #expect(r.errors.first?.message.contains("invalid YAML") == true)
    }

    @Test func deeplyNestedYAMLIsRefusedNotACrash() {
        let deep = "id: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let r = QuestionnaireLoader.load(text: deep, path: "deep.yaml")
        #expect(r.errors.first?.message.contains("nested") == true)
    }

    @Test func aWarningSignNoRuleNamesIsAnErrorAtTheItem() {
        let sign = items.replacingOccurrences(of: "      - id: rested\n        type: boolean", with: "      - id: rested\n        type: boolean\n        red_flag: true")
        let r = Fixtures.load(sign + rule("rested"))
        let e = r.errors.first { $0.message.contains("the warning sign 'rested' is named by no rule") }
        #expect(e != nil, "\(messages(r))")
        #expect(e?.location?.file == "test.yaml")
        #expect(e?.sourceLine?.contains("- id: rested") == true)
        #expect(e?.hint?.contains("red_flag: {item: rested, cause: ...}") == true)
        let named = Fixtures.load(sign + "causes:\n  - {id: rest, text: {en: rest, de: Ruhe}}\n"
                                  + rule("rested", extra: "\n    red_flag: {item: rested, cause: rest}"))
        #expect(named.errors.isEmpty, "\(messages(named))")
    }

    @Test func everyErrorIsListedNotOnlyTheFirst() {
        let r = Fixtures.load(items + rule("duraton_weeks > 1") + "  - id: r2\n    when: \"region == 4\"\n    explanation: {en: W, de: W}\n    source: {file: f, section: s}\n")
        #expect(r.errors.count >= 2, "\(messages(r))")
    }

    // MARK: follow_up

    private static let followUpItems = items.replacingOccurrences(of: "      - id: rested", with: """
          - id: fever
            type: boolean
            red_flag: true
            text: {en: Fever?, de: Fieber?}
          - id: pain
            type: scale
            min: 0
            max: 10
            text: {en: Pain?, de: Schmerz?}
          - id: rested
    """) + """
    safety_net:
      measure: duration_weeks
      thresholds:
        - {when: "region == 'neck'", weeks: [3, 12]}
      text: {en: Then, de: Dann}
      none_text: {en: Done, de: Fertig}
    causes:
      - {id: infection, text: {en: an infection, de: eine Infektion}}

    """

    @Test func aFollowUpThatKeepsWhatDoesNotChangeIsClean() {
        let r = Fixtures.load(Self.followUpItems + rule("yes(fever)", extra: "\n    red_flag: {item: fever, cause: infection}") + """
        follow_up: {episode: region, trend: pain, keep: [region], confirm: [rested]}
        """)
        #expect(r.errors.isEmpty, "\(messages(r))")
        #expect(r.questionnaire?.followUp?.keep == ["region"])
        #expect(r.questionnaire?.followUp?.trend == "pain")
    }

    @Test func aFollowUpMayNeitherCarryOverAWarningSignNorTheWeeks() {
        let r = Fixtures.load(Self.followUpItems + rule("yes(fever)") + """
        follow_up: {keep: [fever], confirm: [duration_weeks]}
        """)
        #expect(messages(r).contains { $0.contains("follow_up keep names the warning sign 'fever'") }, "\(messages(r))")
        #expect(messages(r).contains { $0.contains("follow_up confirm names 'duration_weeks', the safety net's measure") }, "\(messages(r))")
    }

    @Test func aFollowUpNamesItemsOnceAndTheEpisodeKindAmongWhatItKeeps() {
        let r = Fixtures.load(Self.followUpItems + rule("yes(fever)") + """
        follow_up: {episode: rested, trend: region, keep: [rested, regoin], confirm: [rested]}
        """)
        let all = messages(r)
        #expect(all.contains { $0.contains("follow_up keep names 'regoin', which is not an item") && $0.contains("did you mean 'region'?") }, "\(all)")
        #expect(all.contains { $0.contains("follow_up names 'rested' in both keep and confirm") }, "\(all)")
        #expect(all.contains { $0.contains("follow_up episode names 'rested', which is not a choice item") }, "\(all)")
        #expect(all.contains { $0.contains("follow_up trend names 'region', which is not a number") }, "\(all)")
    }

    @Test func theShippedFollowUpAsksEveryWarningSignAndTheWeeksAfresh() throws {
        let q = Fixtures.shipped
        let follow = try #require(q.followUp)
        let carried = Set(follow.keep + follow.confirm)
        #expect(!q.items.filter(\.isRedFlag).isEmpty)
        #expect(q.items.filter(\.isRedFlag).allSatisfy { !carried.contains($0.id) })
        #expect(!carried.contains(ItemID(q.safetyNet!.measure)))
        #expect(follow.episode == "region" && follow.trend == "intensity")
    }
}

