import Foundation

/// Everything a summary sheet says, in one language and in reading order. Every format
/// (text, Markdown, HTML) renders this one model, so they cannot disagree on content.
public struct SummarySheet: Sendable {
    /// A label and a value: a line of the pain profile or an answer in the appendix.
    public struct Fact: Sendable, Hashable {
        public var label: String
        public var value: String
    }

    /// A warning sign answered yes and what it can point to.
    public struct RedFlag: Sendable, Hashable {
        public var sign: String
        public var cause: String
    }

    /// A suggestion, caution or note as the sheet shows it: a title, one sentence, the source.
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var title: String
        public var summary: String
        public var source: Citation?
        public var highlighted: Bool

        /// "Back pain: treatment, 3.1. Selbsthilfe".
        public var citation: String? { source?.text }
    }

    /// A source as a document title and a section.
    public struct Citation: Sendable, Hashable {
        public var document: String
        public var section: String

        /// "Back pain: treatment, 3.1. Selbsthilfe": how a person reads the source.
        public var text: String { "\(document), \(section)" }
    }

    /// The answers of one section of the questionnaire.
    public struct AnswerGroup: Sendable, Hashable {
        public var title: String
        public var answers: [Fact]
    }

    /// A document the sheet's citations refer to.
    public struct Source: Sendable, Hashable {
        public var title: String
        public var publisher: String?
        public var url: String?
        public var file: String
    }

    public var language: String
    public var questionnaireTitle: String
    public var questionnaireID: String
    public var version: String
    /// The day of answering, YYYY-MM-DD.
    public var date: String
    public var levelID: String
    public var levelTitle: String
    public var levelAction: String
    public var redFlags: [RedFlag]
    public var profile: [Fact]
    public var suggestions: [Entry]
    public var cautions: [Entry]
    public var notes: [Entry]
    public var doctorQuestions: [String]
    /// When to look again, as a sentence; nil when the questionnaire has no safety net.
    public var nextCheck: String?
    public var warningSigns: [String]
    public var answers: [AnswerGroup]
    public var sources: [Source]

    /// A fixed interface phrase in the sheet's language.
    public func phrase(_ key: String, _ args: String...) -> String {
        return Strings.text(key, language, arguments: args)
    }

    /// "Back pain: Summary for your doctor".
    public var heading: String { "\(questionnaireTitle): \(phrase("sheet.title"))" }
    /// "Back pain 1.0.0 · 2026-11-23": what identifies the sheet on every page.
    public var identification: String { "\(questionnaireTitle) (\(questionnaireID) \(phrase("sheet.version", version))) · \(date)" }
}

extension SummarySheet.Citation {
    /// A source as its document's title (the file name when the questionnaire declares no
    /// documents) and the section. The sheet and the interactive screens both cite this way.
    public init(_ source: SourceRef, in q: Questionnaire, language L: String) {
        self.init(document: q.document(source.file)?.title[L] ?? source.file, section: source.section)
    }
}

extension SummarySheet {
    /// Builds the sheet for an assessment and the answers it came from.
    public init(questionnaire q: Questionnaire, assessment a: Assessment, answers: AnswerSet, language L: String) {
        language = L
        questionnaireTitle = q.title[L]
        questionnaireID = q.id
        version = q.version
        date = AnswerValidation.formatDate(a.answeredOn)
        let level = q.level(a.triage)
        levelID = a.triage
        levelTitle = level?.title[L] ?? a.triage
        levelAction = level?.action[L] ?? ""
        redFlags = a.redFlags.map { rf in
            RedFlag(sign: q.item(rf.item).map { SheetText.label($0, L) } ?? rf.item, cause: q.cause(rf.cause)?.text[L] ?? rf.cause)
        }
        profile = SummarySheet.profile(q, a, answers, L)
        func entries(_ list: [Assessment.Conclusion], _ kind: CatalogEntry.Kind) -> [Entry] {
            list.compactMap { c in
                q.entry(c.id, kind).map { e in
                    Entry(id: e.id, title: e.title[L], summary: SummarySheet.firstSentence(e.explanation[L]),
                          source: e.source.map { Citation($0, in: q, language: L) },
                          highlighted: c.highlighted)
                }
            }
        }
        suggestions = entries(a.suggestions, .suggestion)
        cautions = entries(a.cautions, .caution)
        notes = entries(a.notes, .note)
        doctorQuestions = SummarySheet.doctorQuestions(q, a, L)
        if let net = q.safetyNet {
            nextCheck = a.nextCheck.map { next in
                Strings.text("sheet.next_check", L, AnswerValidation.formatDate(next.date), Value.format(next.weeks), net.text[L])
            } ?? net.noneText[L]
        }
        warningSigns = a.watchList.flatMap(\.items).map { id in q.item(id).map { SheetText.label($0, L) } ?? id }
        self.answers = SummarySheet.answerGroups(q, answers, L)
        sources = SummarySheet.sources(q, L)
    }

    /// The profile items the questionnaire names (else its first few descriptive items), with
    /// labelled derived values such as the phase right after them.
    static func profile(_ q: Questionnaire, _ a: Assessment, _ answers: AnswerSet, _ L: String) -> [Fact] {
        let ids = q.profile.isEmpty
            ? Array(q.items.filter { [.choice, .decimal, .scale].contains($0.kind) && !$0.isRedFlag }.prefix(3).map(\.id))
            : q.profile
        var facts: [Fact] = []
        for id in ids {
            guard let item = q.item(id), let value = answers[id] else { continue }
            facts.append(Fact(label: SheetText.label(item, L), value: AnswerFormatting.display(value, item: item, language: L)))
        }
        for d in q.derived {
            if case .string(let v)? = a.derived[d.id], let label = d.valueLabels[v] {
                facts.append(Fact(label: d.text[L], value: label[L]))
            }
        }
        return facts
    }

    /// How many questions a sheet lists: about what fits into an ordinary appointment.
    public static let maximumDoctorQuestions = 5

    /// The questions the result's entries carry: notes first (they concern this person's
    /// findings), then suggestions, then cautions; each question once, at most
    /// `maximumDoctorQuestions`.
    static func doctorQuestions(_ q: Questionnaire, _ a: Assessment, _ L: String) -> [String] {
        let kinds: [([Assessment.Conclusion], CatalogEntry.Kind)] = [(a.notes, .note), (a.suggestions, .suggestion), (a.cautions, .caution)]
        var seen = Set<String>()
        var out: [String] = []
        for (list, kind) in kinds {
            for c in list {
                guard let question = q.entry(c.id, kind)?.doctorQuestion?[L], seen.insert(question).inserted else { continue }
                out.append(question)
            }
        }
        return Array(out.prefix(maximumDoctorQuestions))
    }

    /// Every item that was answered, or asked and left open, grouped by section.
    static func answerGroups(_ q: Questionnaire, _ answers: AnswerSet, _ L: String) -> [AnswerGroup] {
        q.sections.compactMap { section in
            let facts = section.items.compactMap { item -> Fact? in
                guard let value = answers[item.id] else { return nil }
                return Fact(label: SheetText.label(item, L), value: AnswerFormatting.display(value, item: item, language: L))
            }
            return facts.isEmpty ? nil : AnswerGroup(title: section.title[L], answers: facts)
        }
    }

    /// The declared documents, in their order; without declarations, the cited file names.
    static func sources(_ q: Questionnaire, _ L: String) -> [Source] {
        if !q.documents.isEmpty {
            return q.documents.map { Source(title: $0.title[L], publisher: $0.publisher, url: $0.url, file: $0.file) }
        }
        let files = (q.catalog.compactMap(\.source) + q.rules.compactMap(\.source)).map(\.file)
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }.map { Source(title: $0, publisher: nil, url: nil, file: $0) }
    }

    /// The first sentence of a paragraph: the one line a sheet has room for.
    static func firstSentence(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var index = flat.startIndex
        while let dot = flat[index...].firstIndex(where: { ".!?".contains($0) }) {
            let next = flat.index(after: dot)
            if next == flat.endIndex { return flat }
            // A sentence ends at a stop followed by a space and a capital, not at "e.g. the".
            let afterSpace = flat.index(after: next)
            if flat[next] == " ", afterSpace < flat.endIndex, flat[afterSpace].isUppercase {
                return String(flat[...dot])
            }
            index = next
        }
        return flat
    }
}

/// Labels shared by the sheet's formats.
enum SheetText {
    /// An item's short name, else its question without the question mark.
    static func label(_ item: Item, _ language: String) -> String {
        (item.short ?? item.text)[language].trimmingCharacters(in: CharacterSet(charactersIn: "? "))
    }
}
