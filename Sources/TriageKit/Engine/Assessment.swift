#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The result of evaluating a set of answers: what the guidance concludes and why.
public struct Assessment: Sendable {
    /// A catalog entry the result includes, with the rules that brought it.
    public struct Conclusion: Sendable, Hashable {
        public var id: String
        public var rules: [String]
        /// Shown prominently (e.g. bed rest for a person who mostly rests).
        public var highlighted: Bool
        /// The position of the entry's variant that holds for these answers, if any: its words
        /// replace the entry's.
        public var variant: Int? = nil
    }

    /// A warning sign answered yes, with what it can point to.
    public struct RedFlag: Sendable, Hashable {
        public var item: ItemID
        public var cause: String
        public var rule: String
    }

    /// What a trace entry concludes.
    public enum TraceKind: String, Sendable, Hashable {
        case triage
        case redFlag = "red_flag"
        case suggestion, caution, note

        public init(_ kind: CatalogEntry.Kind) {
            switch kind {
            case .suggestion: self = .suggestion
            case .caution: self = .caution
            case .note: self = .note
            }
        }
    }

    /// Why one conclusion is there: the rule and the answers that made it fire.
    public struct TraceEntry: Sendable, Hashable {
        public var kind: TraceKind
        /// The level, item or catalog id concluded.
        public var id: String
        public var rule: String
        public var answers: [AnswerFact]

        /// `kind:id`, e.g. `suggestion:physiotherapy`.
        public var conclusion: String { kind.rawValue + ":" + id }
    }

    /// One answer or derived value a rule read, as it was.
    public struct AnswerFact: Sendable, Hashable {
        public var id: String
        public var value: Value?
    }

    /// A suggestion and a caution on one subject: which was kept and why.
    public struct ResolvedConflict: Sendable, Hashable {
        public var subject: String
        public var kept: String
        public var keptKind: CatalogEntry.Kind
        public var dropped: String
        public var reason: String
    }

    /// When to look again.
    public struct NextCheck: Sendable, Hashable {
        public var weeks: Double
        public var date: Date
    }

    /// Warning signs answered no that could newly appear, grouped by the action they would call
    /// for, most demanding first: what to watch for.
    public struct WatchGroup: Sendable, Hashable {
        /// The action the signs of this group call for.
        public var action: Action
        public var items: [ItemID]
    }


    /// A conclusion a rule brought that the result's level leaves out ("result shape by level").
    public struct Withheld: Sendable, Hashable {
        public var kind: CatalogEntry.Kind
        public var id: String
    }

    public var questionnaire: String
    public var version: String
    /// How urgently a doctor should look at it.
    public var level: TriageLevel
    /// Where to go and how: the first action, in the questionnaire's order, among the actions of
    /// the fired rules of the result's level; the level's default when none of them names one.
    /// Its text is already the variant that holds for these answers.
    public var action: Action
    public var redFlags: [RedFlag]
    public var suggestions: [Conclusion]
    public var cautions: [Conclusion]
    public var notes: [Conclusion]
    public var firedRules: [String]
    /// The derived values that are known, by id in id order (the order outputs list them in).
    public var derivedValues: [(id: String, value: Value)]
    /// The derived values that are known, by id.
    public var derived: [String: Value] { Dictionary(derivedValues, uniquingKeysWith: { first, _ in first }) }
    /// One derived value, if known: a few, so searched rather than hashed.
    public func derived(_ id: String) -> Value? { derivedValues.first { $0.id == id }?.value }
    public var trace: [TraceEntry]
    public var conflicts: [ResolvedConflict]
    /// Nil when the last threshold is passed or the measure is unknown.
    public var nextCheck: NextCheck?
    /// What to watch for, as the level's result shape allows.
    public var watchList: [WatchGroup]
    /// Conclusions left out because of the level, for authors (JSON, the trace).
    public var withheld: [Withheld]
    /// Answers given to items the questionnaire does not ask with these answers: they take no
    /// part in the result, as FHIR ignores answers to disabled items.
    public var ignoredAnswers: [ItemID]
    /// The day the answers were given, from which `nextCheck` counts.
    public var answeredOn: Date
    /// The items asked with these answers, in order (answered or not): what the result's
    /// answers are, and which required ones are still missing.
    public var askedItems: [ItemID] = []
}
