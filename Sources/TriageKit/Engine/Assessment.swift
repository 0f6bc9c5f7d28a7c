import Foundation

/// The result of evaluating a set of answers: what the guidance concludes and why.
public struct Assessment: Sendable {
    /// A catalog entry the result includes, with the rules that brought it.
    public struct Conclusion: Sendable, Hashable {
        public var id: String
        public var rules: [String]
        /// Shown prominently (e.g. bed rest for a person who mostly rests).
        public var highlighted: Bool
    }

    /// A warning sign answered yes, with what it can point to.
    public struct RedFlag: Sendable, Hashable {
        public var item: String
        public var cause: String
        public var rule: String
    }

    /// Why one conclusion is there: the rule and the answers that made it fire.
    public struct TraceEntry: Sendable, Hashable {
        /// What kind of conclusion: `triage`, `red_flag`, `suggestion`, `caution` or `note`.
        public var kind: String
        /// The level, item or catalog id concluded.
        public var id: String
        public var rule: String
        public var answers: [AnswerFact]

        /// `kind:id`, e.g. `suggestion:physiotherapy`.
        public var conclusion: String { kind + ":" + id }
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

    public var questionnaire: String
    public var version: String
    public var triage: String
    public var redFlags: [RedFlag]
    public var suggestions: [Conclusion]
    public var cautions: [Conclusion]
    public var notes: [Conclusion]
    public var firedRules: [String]
    public var derived: [String: Value]
    public var trace: [TraceEntry]
    public var conflicts: [ResolvedConflict]
    /// Nil when the last threshold is passed or the measure is unknown.
    public var nextCheck: NextCheck?
    /// Red-flag items answered no: "see a doctor at once if any of these appear".
    public var warningSignsAbsent: [String]
    /// The day the answers were given, from which `nextCheck` counts.
    public var answeredOn: Date
}
