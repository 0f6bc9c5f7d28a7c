#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// The one result every output renders: the full-screen results and detail pages, the plain
/// mode, `evaluate` (text and JSON) and every sheet format. It holds what the result says, in
/// no language yet; `Wording` puts it into words. Built once from the answers, so no output can
/// disagree with another on the level, the signs, the advice or the next check.
///
/// The result shape by level ("a red flag calls for action, not advice") is applied by the
/// engine, so `verify` proves it; a report shows exactly what the assessment holds.
public struct Report: Sendable {
    /// A warning sign answered yes, what it can point to, and the rule that says so.
    public struct Sign: Sendable {
        public var item: Item
        public var cause: Cause
        public var rule: Rule
    }

    /// One answer or derived value a rule read, as it was when the rule fired.
    public struct Fact: Sendable {
        public var id: String
        public var value: Value?
        public var item: Item?
        public var derived: DerivedValue?
    }

    /// Why an entry is in the result: the rule and the answers that made it apply.
    public struct Reason: Sendable {
        public var rule: Rule
        public var facts: [Fact]
    }

    /// A suggestion, caution or note of the result.
    public struct Entry: Sendable {
        public var entry: CatalogEntry
        public var highlighted: Bool
        /// The rules that brought it, in the order they fired.
        let rules: [String]
        let why: Reasons
        public var kind: CatalogEntry.Kind { entry.kind }
        public var id: String { entry.id }
        /// Why it is in the result: each rule that brought it with the answers that made it apply.
        /// Worked out when asked for: JSON gives the trace instead.
        public var reasons: [Reason] { why.reasons(of: rules) }
    }

    /// What the entries of one report work out their reasons from.
    final class Reasons: Sendable {
        let trace: [Assessment.TraceEntry]
        let index: QuestionnaireIndex
        let missing: [Item]

        init(trace: [Assessment.TraceEntry], index: QuestionnaireIndex, missing: [Item]) {
            self.trace = trace
            self.index = index
            self.missing = missing
        }

        /// A kept conclusion's trace entries are those of the rules that brought it, and a rule's
        /// entries share its facts, so the first trace entry of each rule gives its reason.
        func reasons(of rules: [String]) -> [Reason] {
            rules.compactMap { id in
                guard let traced = trace.first(where: { $0.rule == id }), let rule = index.rules[id] else { return nil }
                return Reason(rule: rule, facts: facts(traced.answers))
            }
        }

        /// A question these answers do not ask is nothing the person said: a rule may read it
        /// (the leg questions, for neck pain), but "why" names only what was asked. An item's
        /// fact has no value exactly when it is not asked or asked and missing.
        private func facts(_ answers: [Assessment.AnswerFact]) -> [Fact] {
            answers.compactMap { fact in
                let subject = index.subjects[fact.id]
                if let item = subject?.item, fact.value == nil, !missing.contains(where: { $0.id == item.id }) { return nil }
                return Fact(id: fact.id, value: fact.value, item: subject?.item, derived: subject?.derived)
            }
        }
    }

    /// Suggestions of one group, in the order a person acts on them.
    public struct SuggestionGroup: Sendable {
        public var group: TriageKit.SuggestionGroup?
        public var entries: [Entry]
    }

    /// When to look again.
    public struct NextCheck: Sendable {
        public var weeks: Double
        public var date: Date
        /// What to do then ("If it is not clearly better by then, ...").
        public var advice: LocalizedText
    }

    /// Warning signs answered no that could newly appear, under the action they would call for.
    public struct WatchGroup: Sendable {
        public var action: Action
        public var items: [Item]
    }

    /// The answers of one section, as asked.
    public struct AnswerSection: Sendable {
        public var title: LocalizedText
        public var answers: [(item: Item, value: Value)]
    }

    public let questionnaire: Questionnaire
    public let assessment: Assessment
    /// The answers the result comes from: only those to items that are asked.
    public let answers: AnswerSet
    public let signs: [Sign]
    public let suggestions: [SuggestionGroup]
    public let cautions: [Entry]
    public let notes: [Entry]
    public let nextCheck: NextCheck?
    /// Set when the level shows a next check but every threshold is passed (12 weeks or more).
    public let pastLastCheck: LocalizedText?
    public let watchList: [WatchGroup]
    /// The answers that describe the pain, with the labelled derived values (the phase).
    public let profile: [Fact]
    public let answerSections: [AnswerSection]
    /// Answers given to items that are not asked: left out of the result, named for the author.
    public let ignored: [Item]
    /// Asked required items still without an answer: the result may still change.
    public let missing: [Item]
    /// The suggestions in the order the rules brought them, before grouping.
    private let suggestedInOrder: [Entry]

    /// Questions to take to the doctor, from the entries of the result (notes, suggestions,
    /// cautions), each once. Worked out when asked for: only sheets and screens show them.
    public var doctorQuestions: [LocalizedText] {
        // A result has a handful of questions: searching a short list is cheaper than hashing.
        var seen: [String] = []
        var questions: [LocalizedText] = []
        for entry in [notes, suggestedInOrder, cautions].joined() {
            guard let question = entry.entry.doctorQuestion else { continue }
            let english = question.text(.en)
            guard !seen.contains(english) else { continue }
            seen.append(english)
            questions.append(question)
            if questions.count == Self.maximumDoctorQuestions { break }
        }
        return questions
    }

    /// The documents the result cites, in the questionnaire's order. Worked out when asked for.
    public var sources: [SourceDocument] {
        var cited: [String] = []
        for source in signs.map(\.rule.source) + [notes, allSuggestions, cautions].joined().map(\.entry.source) {
            if let file = source?.file, !cited.contains(file) { cited.append(file) }
        }
        return questionnaire.documents.filter { cited.contains($0.file) }
    }

    public var level: TriageLevel { assessment.level }
    /// Where to go and how: one action for the whole result.
    public var action: Action { assessment.action }
    /// Notes that stand right under the action (crisis help), also first among `notes`.
    public var banners: [Entry] { notes.filter(\.entry.banner) }
    public var answeredOn: Date { assessment.answeredOn }
    /// Every suggestion, in order.
    public var allSuggestions: [Entry] { suggestions.flatMap(\.entries) }
    /// Whether nothing more can lower the level ("Answering more questions cannot lower this").
    public var isFinal: Bool { level.finalRemark != nil }

    /// How many questions a sheet lists: about what fits into an ordinary appointment.
    public static let maximumDoctorQuestions = 5

    /// The report for `answers` given on `date`.
    public init(engine: Engine, answers: AnswerSet, on date: Date) {
        self.init(engine: engine, reading: engine.read(answers), on: date)
    }

    /// The report for the answers of `reading` (made by `engine`, perhaps already used to check
    /// them), given on `date`.
    public init(engine: Engine, reading: AnswerReading, on date: Date) {
        let q = engine.questionnaire
        questionnaire = q
        let given = reading.answers
        let a = engine.evaluate(reading, on: date)
        assessment = a
        // The asked answers and the asked required items without one. Every answer is to an
        // asked item unless some are ignored, and then the answers are the given ones as they are.
        let missing = engine.missingItems(in: reading)
        let answers = a.ignoredAnswers.isEmpty ? given : given.only(a.askedItems)
        self.answers = answers
        self.missing = missing
        let index = engine.index

        signs = a.redFlags.compactMap { rf in
            guard let item = q.item(rf.item), let cause = q.cause(rf.cause), let rule = engine.index.rules[rf.rule] else { return nil }
            return Sign(item: item, cause: cause, rule: rule)
        }
        let why = Reasons(trace: a.trace, index: engine.index, missing: missing)
        func entries(_ list: [Assessment.Conclusion], _ kind: CatalogEntry.Kind) -> [Entry] {
            list.compactMap { c in
                guard var entry = engine.index.entries[kind]?[c.id] else { return nil }
                // The words that hold for these answers, on every output.
                if let v = c.variant {
                    if let explanation = entry.variants[v].explanation { entry.explanation = explanation }
                    if let source = entry.variants[v].source { entry.source = source }
                }
                return Entry(entry: entry, highlighted: c.highlighted, rules: c.rules, why: why)
            }
        }
        let suggested = entries(a.suggestions, .suggestion)
        suggestedInOrder = suggested
        let groups: [TriageKit.SuggestionGroup?] = TriageKit.SuggestionGroup.allCases + [nil]
        suggestions = groups.compactMap { group in
            let members = suggested.filter { $0.entry.group == group }
            return members.isEmpty ? nil : SuggestionGroup(group: group, entries: members)
        }
        cautions = entries(a.cautions, .caution)
        notes = entries(a.notes, .note)

        let net = q.safetyNet
        nextCheck = a.nextCheck.map { NextCheck(weeks: $0.weeks, date: $0.date, advice: net?.text(for: a.level.id) ?? LocalizedText([:])) }
        let measureKnown = net.map { answers[ItemID($0.measure)] != nil } ?? false
        // Past every threshold only where thresholds apply at all (none do for a child).
        let thresholdsApply = measureKnown && !engine.safetyNetWeeks(in: reading).isEmpty
        pastLastCheck = a.nextCheck == nil && a.level.result.nextCheck && thresholdsApply ? net?.noneText : nil
        watchList = a.watchList.map { group in WatchGroup(action: group.action, items: group.items.compactMap { q.item($0) }) }

        // By the items' places in the order asked: each answer found without hashing its id.
        func askedAnswer(at position: Int) -> Value? {
            reading.isAsked(atPosition: position) ? reading.answer(atPosition: position) : nil
        }
        var profile: [Fact] = []
        for position in index.profilePositions {
            guard let value = askedAnswer(at: position) else { continue }
            let item = index.orderedItems[position]
            profile.append(Fact(id: item.id.rawValue, value: value, item: item, derived: nil))
        }
        for d in q.derived where !d.valueLabels.isEmpty && d.type != .boolean {
            if let value = a.derived(d.id) { profile.append(Fact(id: d.id, value: value, item: nil, derived: d)) }
        }
        self.profile = profile

        answerSections = zip(q.sections, index.sectionPositions).compactMap { section, positions in
            let shown = positions.compactMap { position in askedAnswer(at: position).map { (item: index.orderedItems[position], value: $0) } }
            return shown.isEmpty ? nil : AnswerSection(title: section.title, answers: shown)
        }
        ignored = a.ignoredAnswers.compactMap { q.item($0) }

    }
}
