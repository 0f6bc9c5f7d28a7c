import Foundation
import Testing
@testable import TriageKit
@testable import TriageReport
import TriageTestSupport

/// The terminology package: the Questionnaire, and a CodeSystem and a ValueSet for every code of
/// the questionnaire's own that its answers and results use.
@Suite("FHIR terminology package")
struct FHIRPackageTests {
    static let package = FHIRPackage.json(Fixtures.shipped)
    static var resources: [JSON] { package["entry"]?.array.compactMap { $0["resource"] } ?? [] }

    /// Every (system, code) pair anywhere in `json`.
    static func codings(_ json: JSON) -> [(String, String)] {
        switch json {
        case .object(let fields):
            var out: [(String, String)] = []
            if let system = json["system"]?.string, let code = json["code"]?.string { out.append((system, code)) }
            return out + fields.flatMap { codings($0.1) }
        case .array(let list): return list.flatMap(codings)
        default: return []
        }
    }

    @Test func theQuestionnaireComesFirstThenACodeSystemAndAValueSetForEachSystem() {
        let types = Self.resources.compactMap { $0["resourceType"]?.string }
        #expect(types.first == "Questionnaire")
        #expect(types.filter { $0 == "CodeSystem" }.count == types.filter { $0 == "ValueSet" }.count)
        #expect(Self.resources.first == FHIRQuestionnaire.json(Fixtures.shipped))
    }

    @Test func noTwoResourcesShareAURLAndVersion() {
        let keys = Self.resources.map { "\($0["url"]?.string ?? "")|\($0["version"]?.string ?? "")" }
        #expect(Set(keys).count == keys.count)
    }

    @Test func everyIdIsAFHIRId() {
        for resource in Self.resources {
            let id = resource["id"]?.string ?? ""
            #expect(!id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }, "\(id)")
        }
    }

    /// Each code of the questionnaire's own systems that the Questionnaire or a result Bundle
    /// uses is defined in the package.
    @Test(arguments: try exampleCases().map(\.name))
    func everyCodeAResultUsesIsInTheCodeSystems(_ name: String) throws {
        let answers = try #require(try exampleCases().first { $0.name == name }?.answers)
        var defined: [String: Set<String>] = [:]
        for system in Self.resources where system["resourceType"]?.string == "CodeSystem" {
            defined[system["url"]?.string ?? ""] = Set(system["concept"]?.array.compactMap { $0["code"]?.string } ?? [])
        }
        let bundle = FHIRBundle.json(Report(engine: Fixtures.engine, answers: answers, on: Fixtures.day), language: .en)
        for (system, code) in Self.codings(bundle) + Self.codings(Self.resources[0]) where system.hasPrefix(FHIRCanonical.defaultBase) {
            #expect(defined[system]?.contains(code) == true, "\(system)|\(code)")
        }
    }

    @Test func conceptsCarryTheOtherLanguageAsADesignation() throws {
        let levels = try #require(Self.resources.first { $0["url"]?.string?.hasSuffix("/CodeSystem/back-pain-triage-level") == true })
        let emergency = try #require(levels["concept"]?.array.first { $0["code"]?.string == "emergency" })
        #expect(emergency["display"]?.string == Fixtures.shipped.level("emergency")?.title[.en])
        #expect(emergency["designation"]?.array.first?["language"]?.string == "de")
        #expect(emergency["designation"]?.array.first?["value"]?.string == Fixtures.shipped.level("emergency")?.title[.de])
    }

    @Test func theMetadataComesFromThePublication() throws {
        let publication = try #require(Fixtures.shipped.publication)
        for resource in Self.resources {
            #expect(resource["publisher"]?.string == publication.publisher)
            #expect(resource["date"]?.string == publication.date)
            #expect(resource["text"]?["status"]?.string == "generated")
        }
    }

    @Test func aLevelCarriesItsRequestPriorityAndSelfCareNone() {
        func priorities(_ id: String) -> [String] {
            FHIRBundle.levelConcept(Fixtures.shipped, levelID: id, language: .en, canonical: .standard)["coding"]?.array
                .filter { $0["system"]?.string == "http://hl7.org/fhir/request-priority" }.compactMap { $0["code"]?.string } ?? []
        }
        #expect(priorities("emergency") == ["stat"])
        #expect(priorities("urgent") == ["asap"])
        #expect(priorities("self_care").isEmpty)
    }

    @Test func thePainScoreIsExtractedAsAnObservation() throws {
        let intensity = try #require(FHIRQuestionnaireTests.item(FHIRQuestionnaireTests.english, "intensity"))
        #expect(intensity.extensions(FHIRURL.observationExtract).first?["valueBoolean"]?.bool == true)
        let region = try #require(FHIRQuestionnaireTests.item(FHIRQuestionnaireTests.english, "region"))
        #expect(region.extensions(FHIRURL.observationExtract).isEmpty)
    }
}
