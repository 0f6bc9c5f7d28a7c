#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// The result as FHIR R4 resources, built from the one result model (`Report`) so it says what
/// every other output says. A Bundle of type `collection` holds:
/// - the `QuestionnaireResponse` with the answers the result comes from;
/// - a `RiskAssessment`: the triage level as the first prediction's `qualitativeRisk` (a code
///   system of the questionnaire's own for its levels), each warning sign answered yes as a
///   prediction of its cause at the level it calls for, what to do as `mitigation`, and the
///   response as `basis`;
/// - a `CarePlan` proposal: each suggestion, caution (`doNotPerform`) and note as an activity
///   with its explanation, why it is there, and its source (the document's URL as
///   `instantiatesUri`, the citation as `cqf-citation`), then the next check and what to watch
///   for;
/// - a `Provenance` naming the questionnaire and its content version as the policy and source
///   the assessment and the plan were derived by.
///
/// A collection, not a document: a document needs a Composition with an author and attested,
/// human-readable sections, which is what the summary sheet already is; the bundle is for
/// systems that take the resources apart and file each where it belongs.
public enum FHIRBundle {
    public struct Options: Sendable {
        /// How the entries' `urn:uuid` identifiers are made.
        public enum Identity: Sendable {
            /// From the content: the same report gives the same identifiers (tests, golden files).
            case derived
            /// Fresh random ones, as identifiers of resources about a person should be.
            case random
        }

        public var canonical: FHIRCanonical
        /// When the bundle is made (`Bundle.timestamp`, `Provenance.recorded`); nil: the day
        /// answered, at midnight UTC, so the output depends only on the report.
        public var recorded: Date?
        public var identity: Identity

        public init(canonical: FHIRCanonical = .standard, recorded: Date? = nil, identity: Identity = .derived) {
            self.canonical = canonical
            self.recorded = recorded
            self.identity = identity
        }
    }

    public static func json(_ report: Report, language: Language, options: Options = Options()) -> JSON {
        BundleBuilder(report: report, language: language, options: options).bundle()
    }

    /// A triage level as a RiskAssessment's `qualitativeRisk`: its code in the questionnaire's
    /// own system, then its codes in published systems (the request priority it calls for),
    /// where the data names them.
    public static func levelConcept(_ q: Questionnaire, levelID: String, language: Language, canonical: FHIRCanonical) -> JSON {
        let level = q.level(levelID)
        let own = FHIRJSON.coding(canonical.codeSystem(q, concept: FHIRCodeSystem.triageLevel), levelID, level?.title[language])
        return FHIRJSON.concept([own] + (level?.codes ?? []).map { FHIRJSON.coding($0.system, $0.code, $0.display) },
                                text: level?.title[language] ?? levelID)
    }
}

private struct BundleBuilder {
    let report: Report
    let language: Language
    let options: FHIRBundle.Options
    let wording: Wording
    let q: Questionnaire
    let response: JSON
    let recorded: Date

    init(report: Report, language: Language, options: FHIRBundle.Options) {
        self.report = report
        self.language = language
        self.options = options
        wording = Wording(report.questionnaire, language)
        q = report.questionnaire
        response = FHIRQuestionnaireResponse.json(report, canonical: options.canonical)
        recorded = options.recorded ?? report.answeredOn
    }

    func t(_ key: String, _ args: String...) -> String { StringCatalog.report.text(key, language, args) }
    var canonical: FHIRCanonical { options.canonical }

    func bundle() -> JSON {
        let ids = ["bundle", "response", "assessment", "plan", "provenance"].map(identifier)
        let (bundleId, responseId, assessmentId, planId, provenanceId) = (ids[0], ids[1], ids[2], ids[3], ids[4])
        let entries: [(String, JSON)] = [
            (responseId, response),
            (assessmentId, assessment(basis: responseId)),
            (planId, plan(assessment: assessmentId)),
            (provenanceId, provenance(targets: [assessmentId, planId], source: responseId)),
        ]
        return .object([
            ("resourceType", .string("Bundle")),
            ("identifier", .object([("system", .string("urn:ietf:rfc:3986")), ("value", .string(bundleId))])),
            ("type", .string("collection")),
            ("timestamp", .string(FHIRTime.instant(recorded))),
            ("entry", .array(entries.map { .object([("fullUrl", .string($0.0)), ("resource", $0.1)]) })),
        ])
    }

    /// No identity is known: the bundle names the person only as the one who answered, and a
    /// receiving system puts its own patient reference in place.
    var subject: JSON { .object([("display", .string(t("fhir.subject")))]) }

    func reference(_ id: String) -> JSON { .object([("reference", .string(id))]) }

    func levelConcept(_ level: TriageLevel) -> JSON {
        FHIRBundle.levelConcept(q, levelID: level.id, language: language, canonical: canonical)
    }

    func assessment(basis: String) -> JSON {
        let level = report.level
        var predictions: [JSON] = [.object([
            ("outcome", .object([("text", .string(t("fhir.outcome")))])),
            ("qualitativeRisk", levelConcept(level)),
            ("rationale", .string(signsRationale)),
        ])]
        for sign in report.signs {
            var fields: [(String, JSON)] = [
                // The cause in the questionnaire's own system, then in SNOMED CT where the data names a code.
                ("outcome", FHIRJSON.concept([FHIRJSON.coding(canonical.codeSystem(q, concept: FHIRCodeSystem.cause), sign.cause.id, sign.cause.text[language])]
                                                 + sign.cause.codes.map { FHIRJSON.coding($0.system, $0.code, $0.display) },
                                             text: sign.cause.text[language])),
            ]
            if let id = sign.rule.triage, let signLevel = q.level(id) {
                fields.append(("qualitativeRisk", levelConcept(signLevel)))
            }
            fields.append(("rationale", .string(wording.sign(sign))))
            predictions.append(.object(fields))
        }
        var fields: [(String, JSON)] = [
            ("resourceType", .string("RiskAssessment")),
            ("language", .string(language.rawValue)),
            ("text", FHIRNarrative.text([wording.levelAndAction(report), signsRationale])),
            ("status", .string("final")),
            ("method", .object([("text", .string(t("fhir.method", q.title[language], q.version, canonical.reference(q))))])),
            ("subject", subject),
            ("occurrenceDateTime", .string(AnswerValidation.formatDate(report.answeredOn))),
            ("performer", .object([("display", .string("backtriage"))])),
            ("basis", .array([reference(basis)])),
            ("prediction", .array(predictions)),
            ("mitigation", .string(wording.action(report.action))),
        ]
        if let remark = level.finalRemark { fields.append(("note", .array([.object([("text", .string(remark[language]))])]))) }
        return .object(fields)
    }

    var signsRationale: String {
        report.signs.isEmpty ? t("result.no_signs") : t("result.because_signs") + " " + report.signs.map { wording.label($0.item) }.joined(separator: "; ")
    }

    func plan(assessment: String) -> JSON {
        var activities: [JSON] = []
        for entry in report.allSuggestions + report.cautions + report.notes { activities.append(activity(entry)) }
        let safety = canonical.codeSystem(q, concept: FHIRCodeSystem.safetyNet)
        if let next = report.nextCheck {
            activities.append(.object([("detail", .object([
                ("code", FHIRJSON.concept([FHIRJSON.coding(safety, FHIRCodeSystem.nextCheck, t("result.safety_net"))], text: t("result.safety_net"))),
                ("status", .string("scheduled")),
                ("scheduledPeriod", .object([("start", .string(AnswerValidation.formatDate(next.date)))])),
                ("description", .string(wording.nextCheck(next))),
            ]))]))
        }
        for group in report.watchList {
            let heading = wording.watchHeading(group, in: report)
            activities.append(.object([("detail", .object([
                ("code", FHIRJSON.concept([FHIRJSON.coding(safety, FHIRCodeSystem.watch(group.action), heading)], text: heading)),
                ("status", .string("not-started")),
                ("description", .string(heading + ": " + group.items.map { wording.label($0) }.joined(separator: "; "))),
            ]))]))
        }
        var fields: [(String, JSON)] = [
            ("resourceType", .string("CarePlan")),
            ("language", .string(language.rawValue)),
            ("text", FHIRNarrative.text([t("sheet.what_to_do") + ": " + wording.levelAndAction(report)]
                                        + (report.allSuggestions + report.cautions + report.notes).map { $0.entry.title[language] }
                                        + (report.nextCheck.map { [wording.nextCheck($0)] } ?? []))),
            ("status", .string("active")),
            ("intent", .string("proposal")),
            ("title", .string(t("sheet.what_to_do") + ": " + report.level.title[language])),
            ("description", .string(wording.action(report.action))),
            ("subject", subject),
            ("created", .string(AnswerValidation.formatDate(report.answeredOn))),
            ("supportingInfo", .array([reference(assessment)])),
        ]
        if !activities.isEmpty { fields.append(("activity", .array(activities))) }
        if let past = report.pastLastCheck { fields.append(("note", .array([.object([("text", .string(past[language]))])]))) }
        return .object(fields)
    }

    /// A suggestion, caution or note: what, why, and from which source.
    func activity(_ entry: Report.Entry) -> JSON {
        let e = entry.entry
        var detail: [(String, JSON)] = []
        if let source = e.source {
            // R4 has no element for a citation on an activity; cqf-citation (allowed on any
            // element from R4B on) carries the document and section as a person reads them.
            detail.append(("extension", .array([FHIRJSON.ext(FHIRURL.citation, ("valueString", .string(wording.citation(source))))])))
            if let url = q.document(source.file)?.url?[language] { detail.append(("instantiatesUri", .array([.string(url)]))) }
        }
        let system = canonical.codeSystem(q, concept: e.kind.rawValue)
        detail.append(("code", FHIRJSON.concept([FHIRJSON.coding(system, e.id, e.title[language])], text: e.title[language])))
        let why = wording.why(entry)
        if !why.isEmpty { detail.append(("reasonCode", .array([.object([("text", .string(why))])]))) }
        detail.append(("status", .string("not-started")))
        // A caution is something not to do: doNotPerform is a modifier, so no system can read a
        // caution as advice to do it.
        detail.append(("doNotPerform", .bool(e.kind == .caution)))
        detail.append(("description", .string(e.explanation[language])))
        return .object([("detail", .object(detail))])
    }

    func provenance(targets: [String], source: String) -> JSON {
        let content = t("fhir.content_version", q.title[language], q.version)
        return .object([
            ("resourceType", .string("Provenance")),
            ("language", .string(language.rawValue)),
            ("text", FHIRNarrative.text([content])),
            ("target", .array(targets.map(reference))),
            ("occurredDateTime", .string(AnswerValidation.formatDate(report.answeredOn))),
            ("recorded", .string(FHIRTime.instant(recorded))),
            ("policy", .array([.string(canonical.reference(q))])),
            ("agent", .array([.object([("who", .object([("display", .string("backtriage"))]))])])),
            ("entity", .array([
                .object([("role", .string("source")), ("what", reference(source))]),
                .object([("role", .string("source")), ("what", .object([
                    ("identifier", .object([("system", .string("urn:ietf:rfc:3986")), ("value", .string(canonical.reference(q)))])),
                    ("display", .string(content)),
                ]))]),
            ])),
        ])
    }

    /// `urn:uuid:` identifiers: from the content (an RFC 9562 version 8 UUID of two FNV-1a
    /// hashes), or random.
    func identifier(_ name: String) -> String {
        switch options.identity {
        case .random:
            return "urn:uuid:" + UUID().uuidString.lowercased()
        case .derived:
            return FHIRTime.derivedUUID(canonical.reference(q) + "\n" + name + "\n" + response.serialized())
        }
    }
}

public enum FHIRTime {
    /// A FHIR instant in UTC: `2026-11-23T09:05:00Z`.
    public static func instant(_ date: Date) -> String { Timestamp.format(date) }

    /// A `urn:uuid:` that depends only on `seed`: an RFC 9562 version 8 UUID of two FNV-1a
    /// hashes, for identifiers that are the same in every export of the same content.
    public static func derivedUUID(_ seed: String) -> String {
        let bytes8 = Array(seed.utf8)
        var bytes = fnv1a(bytes8, basis: 0xcbf2_9ce4_8422_2325) + fnv1a(bytes8, basis: 0x8422_2325_cbf2_9ce4)
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { b in String(b, radix: 16).count == 1 ? "0" + String(b, radix: 16) : String(b, radix: 16) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }

    /// The 8 bytes of a 64-bit FNV-1a hash of `bytes`, from the offset `basis`.
    static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> [UInt8] {
        var h = basis
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return (0..<8).map { UInt8(truncatingIfNeeded: h >> (8 * (7 - $0))) }
    }
}
