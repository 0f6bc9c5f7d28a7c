import Foundation
import PropertyBased
import Testing
import TriageKit
@testable import TriageReport

/// The result as a FHIR Bundle: a response, a RiskAssessment, a CarePlan and a Provenance that
/// say what the report says.
@Suite("FHIR Bundle")
struct FHIRBundleTests {
    static func bundle(_ answers: AnswerSet, _ language: Language = .en, _ options: FHIRBundle.Options = .init()) -> JSON {
        FHIRBundle.json(Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day), language: language, options: options)
    }

    static func resource(_ bundle: JSON, _ type: String) -> JSON? {
        bundle["entry"]?.array.compactMap { $0["resource"] }.first { $0["resourceType"]?.string == type }
    }

    /// Every `reference` anywhere in the bundle.
    static func references(_ json: JSON) -> [String] {
        switch json {
        case .object(let fields):
            return fields.flatMap { key, value in key == "reference" ? [value.string].compactMap { $0 } : references(value) }
        case .array(let items): return items.flatMap(references)
        default: return []
        }
    }

    @Test func aCollectionOfResponseAssessmentPlanAndProvenanceWhoseReferencesResolve() throws {
        let b = Self.bundle(Fixtures.baseline())
        #expect(b["type"]?.string == "collection")
        let entries = b["entry"]?.array ?? []
        #expect(entries.compactMap { $0["resource"]?["resourceType"]?.string } == ["QuestionnaireResponse", "RiskAssessment", "CarePlan", "Provenance"])
        let urls = entries.compactMap { $0["fullUrl"]?.string }
        #expect(Set(urls).count == 4 && urls.allSatisfy { $0.hasPrefix("urn:uuid:") && $0.count == 45 })
        let refs = Self.references(b)
        #expect(!refs.isEmpty && refs.allSatisfy(urls.contains))
        let risk = try #require(Self.resource(b, "RiskAssessment"))
        #expect(risk["basis"]?.array.first?["reference"]?.string == urls[0])
    }

    @Test func theLevelIsTheFirstPredictionsQualitativeRiskInTheQuestionnairesOwnCodeSystem() throws {
        for (changes, level) in [([String: Value](), "self_care"), (["rf_fever": .bool(true)], "urgent"), (["rf_saddle_numbness": .bool(true)], "emergency")] {
            let risk = try #require(Self.resource(Self.bundle(Fixtures.baseline(changes)), "RiskAssessment"))
            let coding = risk["prediction"]?.array.first?["qualitativeRisk"]?["coding"]?.array.first
            #expect(coding?["system"]?.string == "https://backtriage.invalid/fhir/CodeSystem/back-pain-triage-level")
            #expect(coding?["code"]?.string == level)
            let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(changes), on: Fixtures.day)
            #expect(risk["mitigation"]?.string == report.action.text[.en])
        }
    }

    @Test func eachWarningSignIsAPredictionOfItsCauseAtItsLevel() throws {
        let b = Self.bundle(Fixtures.baseline(["rf_fever": .bool(true), "rf_cancer": .bool(true)]))
        let predictions = Self.resource(b, "RiskAssessment")?["prediction"]?.array.dropFirst() ?? []
        let pairs = predictions.map { ($0["outcome"]?["coding"]?.array.first?["code"]?.string, $0["qualitativeRisk"]?["coding"]?.array.first?["code"]?.string) }
        #expect(pairs.map(\.0) == ["infection", "tumour"])
        #expect(pairs.map(\.1) == ["urgent", "soon"])
        #expect(predictions.first?["rationale"]?.string?.contains("Fever") == true)
    }

    @Test func cautionsAreThingsNotToDoAndEveryEntryNamesItsSource() throws {
        let report = Report(engine: Fixtures.engine, answers: Fixtures.baseline(["duration_weeks": .number(7), "yf_rest": .bool(true)]), on: Fixtures.day)
        let plan = try #require(Self.resource(FHIRBundle.json(report, language: .en), "CarePlan"))
        let details = plan["activity"]?.array.compactMap { $0["detail"] } ?? []
        let bedRest = try #require(details.first { $0["code"]?["coding"]?.array.first?["code"]?.string == "bed_rest" })
        #expect(bedRest["doNotPerform"]?.bool == true)
        #expect(bedRest["code"]?["coding"]?.array.first?["system"]?.string == "https://backtriage.invalid/fhir/CodeSystem/back-pain-caution")
        let physio = try #require(details.first { $0["code"]?["coding"]?.array.first?["code"]?.string == "physiotherapy" })
        #expect(physio["doNotPerform"]?.bool == false)
        let w = Wording(Fixtures.shipped, .en)
        for entry in report.allSuggestions + report.cautions + report.notes {
            let detail = try #require(details.first { $0["code"]?["coding"]?.array.first?["code"]?.string == entry.id })
            #expect(detail["description"]?.string == entry.entry.explanation[.en])
            #expect(detail.extensions(FHIRURL.citation).first?["valueString"]?.string == entry.entry.source.map(w.citation))
            #expect(detail["reasonCode"]?.array.first?["text"]?.string == w.why(entry))
        }
        let next = try #require(details.first { $0["code"]?["coding"]?.array.first?["code"]?.string == "next-check" })
        #expect(next["scheduledPeriod"]?["start"]?.string == AnswerValidation.formatDate(try #require(report.nextCheck).date))
    }

    @Test func theProvenanceNamesTheContentVersion() throws {
        let b = Self.bundle(Fixtures.baseline(), .en, .init(recorded: Date(timeIntervalSince1970: 1_795_000_000)))
        let provenance = try #require(Self.resource(b, "Provenance"))
        #expect(provenance["policy"]?.array.first?.string == "https://backtriage.invalid/fhir/Questionnaire/back-pain|\(Fixtures.shipped.version)")
        #expect(provenance["recorded"]?.string == "2026-11-18T11:06:40Z")
        #expect(b["timestamp"]?.string == "2026-11-18T11:06:40Z")
        #expect(provenance.serialized().contains("content version \(Fixtures.shipped.version)"))
    }

    @Test func derivedIdentifiersAreStableAndRandomOnesFresh() {
        let answers = Fixtures.baseline()
        #expect(Self.bundle(answers) == Self.bundle(answers))
        #expect(Self.bundle(answers) != Self.bundle(Fixtures.baseline(["age": .number(41)])))
        let random = FHIRBundle.Options(identity: .random)
        #expect(Self.bundle(answers, .en, random)["identifier"] != Self.bundle(answers, .en, random)["identifier"])
    }

    @Test func theBundleSpeaksTheLanguageAskedFor() throws {
        let plan = try #require(Self.resource(Self.bundle(Fixtures.baseline(), .de), "CarePlan"))
        #expect(plan["language"]?.string == "de")
        #expect(plan["description"]?.string == Fixtures.shipped.lowestLevel.flatMap(Fixtures.shipped.defaultAction)?.text[.de])
    }

    /// The bundle says what the report says, for any answers. (Plain comparisons recorded as
    /// issues: with Swift 6.3, `#expect` over these closures reported a mismatch that the same
    /// comparison outside the macro does not have, for one seed.)
    @Test func theBundleAgreesWithTheReport() async {
        await propertyCheck(count: 200, input: everyAnswerSets) { answers in
            let report = Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day)
            let bundle = FHIRBundle.json(report, language: .en)
            let risk = Self.resource(bundle, "RiskAssessment")
            let plan = Self.resource(bundle, "CarePlan")
            let predictions = risk?["prediction"]?.array ?? []
            let level = predictions.first?["qualitativeRisk"]?["coding"]?.array.first?["code"]?.string
            let causes = predictions.dropFirst().compactMap { $0["outcome"]?["coding"]?.array.first?["code"]?.string }
            let activities = plan?["activity"]?.array.compactMap { $0["detail"] } ?? []
            let entries = report.allSuggestions + report.cautions + report.notes
            let codes = activities.compactMap { $0["code"]?["coding"]?.array.first?["code"]?.string }
            let doNot = activities.map { $0["doNotPerform"]?.bool }
            let watch = report.watchList.map { "watch-\($0.action.id)" }
            let safety = (report.nextCheck == nil ? [] : ["next-check"]) + watch
            if level != report.level.id { Issue.record("level \(String(describing: level))") }
            if causes != report.signs.map(\.cause.id) { Issue.record("causes \(causes)") }
            if codes != entries.map(\.id) + safety { Issue.record("codes \(codes) entries \(entries.map(\.id)) safety \(safety)") }
            if Array(doNot.prefix(entries.count)) != entries.map({ $0.kind == .caution }) { Issue.record("doNotPerform \(doNot)") }
            if Self.resource(bundle, "QuestionnaireResponse") != FHIRQuestionnaireResponse.json(report) { Issue.record("response") }
        }
    }
}
