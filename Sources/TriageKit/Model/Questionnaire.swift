/// The stable id of a question: the public contract of answer files, JSON output and FHIR
/// `linkId`s. Ids may be added, never renamed.
public struct ItemID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
                      CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: ItemID, b: ItemID) -> Bool { a.rawValue < b.rawValue }
}

/// How an interface may take an item's answer besides typing it as stored.
public enum InputHint: String, Sendable, CaseIterable {
    /// Days, weeks or months, or the start date; stored in weeks.
    case duration
}

/// The groups suggestions are shown in, in the order a person acts on them.
public enum SuggestionGroup: String, Sendable, CaseIterable {
    case selfHelp = "self_help"
    case therapy, medication, doctor
}

/// The kinds of question a questionnaire can ask.
public enum ItemKind: String, Sendable, CaseIterable {
    case boolean, choice, integer, decimal, scale, text, date
    case multiChoice = "multi_choice"

    /// Whether answers are numbers with an optional range.
    public var isNumeric: Bool { self == .integer || self == .decimal || self == .scale }
}

/// A concept of a published terminology (LOINC, SNOMED CT) that an item stands for, so that
/// other systems recognise the question; only codes that exist in that terminology belong here.
public struct Coding: Hashable, Sendable {
    public var system: String
    public var code: String
    public var display: String?

    public init(system: String, code: String, display: String? = nil) {
        self.system = system
        self.code = code
        self.display = display
    }
}

/// One option of a choice item.
public struct ChoiceOption: Hashable, Sendable {
    public var value: String
    public var text: LocalizedText
}

/// A model value's fields in one shared, immutable box: copying the value copies one reference,
/// and a change makes a new box, so the value keeps its value semantics.
struct SharedFields<Fields: Sendable>: Sendable {
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    init(_ fields: Fields) { box = Box(fields) }

    var fields: Fields { box.fields }

    mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }
}

/// One question.
///
/// Its fields are kept in `SharedFields`: a result copies an item into many places (the facts
/// behind each reason, the answers by section, the watch list), and copying some twenty
/// references each time, and releasing them again, was about a tenth of a batch evaluation.
public struct Item: Sendable {
    fileprivate struct Fields: Sendable {
        var id: ItemID
        var kind: ItemKind
        var text: LocalizedText
        var help: LocalizedText?
        var short: LocalizedText?
        var unit: LocalizedText?
        var unitOne: LocalizedText?
        var options: [ChoiceOption]
        var minimum: Double?
        var maximum: Double?
        var belowMinimum: LocalizedText?
        var anchors: (min: LocalizedText, max: LocalizedText)?
        var required: Bool
        var condition: Expression?
        var isRedFlag: Bool
        var watch: [WatchPlacement]
        var notice: String?
        var notAskedReason: LocalizedText?
        var inputHint: InputHint?
        var codes: [Coding]
        var ucumUnit: String?
        var source: SourceRef?
        var section: String
        var location: SourceLocation?
    }

    private var storage: SharedFields<Fields>

    init(id: ItemID, kind: ItemKind, text: LocalizedText, help: LocalizedText?, short: LocalizedText?, unit: LocalizedText?,
         unitOne: LocalizedText? = nil, options: [ChoiceOption], minimum: Double?, maximum: Double?,
         belowMinimum: LocalizedText?, anchors: (min: LocalizedText, max: LocalizedText)?, required: Bool,
         condition: Expression?, isRedFlag: Bool, watch: [WatchPlacement] = [], notAskedReason: LocalizedText? = nil,
         inputHint: InputHint?, codes: [Coding] = [], ucumUnit: String? = nil, source: SourceRef?, section: String,
         location: SourceLocation?) {
        storage = SharedFields(Fields(id: id, kind: kind, text: text, help: help, short: short, unit: unit, unitOne: unitOne,
                                 options: options, minimum: minimum, maximum: maximum, belowMinimum: belowMinimum,
                                 anchors: anchors, required: required, condition: condition, isRedFlag: isRedFlag,
                                 watch: watch, notice: nil, notAskedReason: notAskedReason, inputHint: inputHint, codes: codes,
                                 ucumUnit: ucumUnit, source: source, section: section, location: location))
    }

    public var id: ItemID { get { storage.fields.id } set { storage.update { $0.id = newValue } } }
    public var kind: ItemKind { get { storage.fields.kind } set { storage.update { $0.kind = newValue } } }
    public var text: LocalizedText { get { storage.fields.text } set { storage.update { $0.text = newValue } } }
    public var help: LocalizedText? { get { storage.fields.help } set { storage.update { $0.help = newValue } } }
    /// A short form of the question for checklists (red flags).
    public var short: LocalizedText? { get { storage.fields.short } set { storage.update { $0.short = newValue } } }
    /// The unit after a number ("weeks"); `unitOne` after exactly one ("week"), when it differs.
    public var unit: LocalizedText? { get { storage.fields.unit } set { storage.update { $0.unit = newValue } } }
    public var unitOne: LocalizedText? { get { storage.fields.unitOne } set { storage.update { $0.unitOne = newValue } } }
    public var options: [ChoiceOption] { get { storage.fields.options } set { storage.update { $0.options = newValue } } }
    public var minimum: Double? { get { storage.fields.minimum } set { storage.update { $0.minimum = newValue } } }
    public var maximum: Double? { get { storage.fields.maximum } set { storage.update { $0.maximum = newValue } } }
    /// What to say when a number is below the minimum (e.g. "written for adults").
    public var belowMinimum: LocalizedText? { get { storage.fields.belowMinimum } set { storage.update { $0.belowMinimum = newValue } } }
    public var anchors: (min: LocalizedText, max: LocalizedText)? { get { storage.fields.anchors } set { storage.update { $0.anchors = newValue } } }
    public var required: Bool { get { storage.fields.required } set { storage.update { $0.required = newValue } } }
    /// The item is asked only when this is true; nil means always.
    public var condition: Expression? { get { storage.fields.condition } set { storage.update { $0.condition = newValue } } }
    public var isRedFlag: Bool { get { storage.fields.isRedFlag } set { storage.update { $0.isRedFlag = newValue } } }
    /// For a warning sign that can newly appear: the action whose group of the watch list names
    /// it when it was answered no ("call 112 at once if ..."), first placement that holds. Empty
    /// for history items (cancer in the past, an accident) and for every other item.
    public var watch: [WatchPlacement] { get { storage.fields.watch } set { storage.update { $0.watch = newValue } } }
    /// A note shown at once when this yes/no item is answered yes, before the next question
    /// (crisis help for someone who feels hopeless): a notice, not a stop.
    public var notice: String? { get { storage.fields.notice } set { storage.update { $0.notice = newValue } } }
    /// Why the item is sometimes not asked, for the message about an answer given to it anyway
    /// (e.g. "the whiplash danger signs replace it").
    public var notAskedReason: LocalizedText? { get { storage.fields.notAskedReason } set { storage.update { $0.notAskedReason = newValue } } }
    /// How interfaces may take the answer, e.g. a duration in days, weeks or months.
    public var inputHint: InputHint? { get { storage.fields.inputHint } set { storage.update { $0.inputHint = newValue } } }
    /// Codes of published terminologies for this question (FHIR `item.code`).
    public var codes: [Coding] { get { storage.fields.codes } set { storage.update { $0.codes = newValue } } }
    /// The unit of a number as a UCUM code (`wk`, `a`), for systems that compute with it.
    public var ucumUnit: String? { get { storage.fields.ucumUnit } set { storage.update { $0.ucumUnit = newValue } } }
    public var source: SourceRef? { get { storage.fields.source } set { storage.update { $0.source = newValue } } }
    public var section: String { get { storage.fields.section } set { storage.update { $0.section = newValue } } }
    public var location: SourceLocation? { get { storage.fields.location } set { storage.update { $0.location = newValue } } }

    public func option(_ value: String) -> ChoiceOption? { options.first { $0.value == value } }
}

public struct Section: Sendable {
    public var id: String
    public var title: LocalizedText
    public var items: [Item]
}

/// The type of an expression or a derived value.
public enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case boolean
    case number
    /// A string; for a choice, the options it may take.
    case string(options: [String]?)
    /// The selection of a multiple-choice item.
    case list(options: [String]?)
    case date

    public var description: String {
        switch self {
        case .boolean: return "a yes/no value"
        case .number: return "a number"
        case .string(let o?): return "a choice (" + o.joined(separator: ", ") + ")"
        case .string(nil): return "a text"
        case .list: return "a multiple choice"
        case .date: return "a date"
        }
    }
}

/// A value computed from the answers, defined in data (`phase`, `psychosocial_score`).
public struct DerivedValue: Sendable {
    // Fields in `SharedFields`: see `Item`.
    fileprivate struct Fields: Sendable {
        var id: String
        var type: ValueType
        var expression: Expression
        var text: LocalizedText
        var valueLabels: [String: LocalizedText]
        var location: SourceLocation?
    }

    private var storage: SharedFields<Fields>

    init(id: String, type: ValueType, expression: Expression, text: LocalizedText,
         valueLabels: [String: LocalizedText], location: SourceLocation?) {
        storage = SharedFields(Fields(id: id, type: type, expression: expression, text: text, valueLabels: valueLabels,
                                 location: location))
    }

    public var id: String { get { storage.fields.id } set { storage.update { $0.id = newValue } } }
    public var type: ValueType { get { storage.fields.type } set { storage.update { $0.type = newValue } } }
    public var expression: Expression { get { storage.fields.expression } set { storage.update { $0.expression = newValue } } }
    public var text: LocalizedText { get { storage.fields.text } set { storage.update { $0.text = newValue } } }
    /// Labels for the values of a choice-valued derived value, or for `true` and `false` of a
    /// yes/no one.
    public var valueLabels: [String: LocalizedText] { get { storage.fields.valueLabels } set { storage.update { $0.valueLabels = newValue } } }
    public var location: SourceLocation? { get { storage.fields.location } set { storage.update { $0.location = newValue } } }
}

/// When to look again: thresholds of the measure (weeks) the episode has not reached yet.
public struct SafetyNet: Sendable {
    public struct Threshold: Sendable {
        public var condition: Expression
        public var weeks: [Double]
    }
    public var measure: String
    public var thresholds: [Threshold]
    public var text: LocalizedText
    public var noneText: LocalizedText
    /// What to do at the next check on a result of a level, where it differs from `text`: a
    /// person already sent to a doctor is told to go back, not to make an appointment again.
    public var textByLevel: [String: LocalizedText] = [:]

    /// What to do at the next check on a result of `level`.
    public func text(for level: String) -> LocalizedText { textByLevel[level] ?? text }
}

/// What answering again during an episode (a check-in) asks: declared by the questionnaire, so
/// the engine stays free of any one questionnaire's ids. Warning signs are always asked afresh
/// and the safety net's measure (the weeks) is computed from the episode's start; `check`
/// refuses either in `keep` or `confirm`. Every other item is asked again without its last
/// answer.
public struct FollowUp: Sendable {
    /// The choice item whose answer tells episodes apart (pain in another region is another
    /// episode); it is carried over within an episode.
    public var episode: ItemID?
    /// The number a history charts over the weeks (pain intensity).
    public var trend: ItemID?
    /// Answers carried over from the last check-in and not asked again: they do not change
    /// within an episode. The review still lists them, so a mistake can be corrected.
    public var keep: [ItemID] = []
    /// Asked again with the last answer offered (Enter keeps it): they change rarely.
    public var confirm: [ItemID] = []

    public init(episode: ItemID? = nil, trend: ItemID? = nil, keep: [ItemID] = [], confirm: [ItemID] = []) {
        self.episode = episode
        self.trend = trend
        self.keep = keep
        self.confirm = confirm
    }
}

/// What a result of one triage level contains ("result shape by level"). A red-flag result says
/// what to do and why, not self-care advice: the engine withholds what the level's shape leaves
/// out, so every output, and `verify`, sees the same shaped result.
public struct ResultShape: Hashable, Sendable {
    public var suggestions = true
    public var cautions = true
    /// The notes the result may carry; nil means every note.
    public var notes: Set<String>? = nil
    /// Whether the result says when to check again.
    public var nextCheck = true
    /// The actions whose warning signs the watch list shows; nil means every action's.
    public var watch: [String]? = nil

    public init() {}

    public func allowsNote(_ id: String) -> Bool { notes?.contains(id) ?? true }
    public func watches(_ action: String) -> Bool { watch?.contains(action) ?? true }
}

/// Where to go and how: the level says how soon, the action says where and how ("call 112",
/// "go to an emergency department"). Each level has a default action; a rule of that level may
/// name another. A result shows one action: the first, in the questionnaire's order, among the
/// actions of the fired rules of the result's level.
public struct Action: Sendable {
    public var id: String
    /// The level this action belongs to.
    public var level: String
    /// The position in the questionnaire's `actions`, most demanding first; decides which action
    /// a result shows when rules of its level name several.
    public var order: Int
    /// What the person is told to do.
    public var text: LocalizedText
    /// The heading of this action's group in a watch list ("Call 112 at once if any of these appears").
    public var watchHeading: LocalizedText?
    /// Other words for some answers: the first whose condition holds replaces `text` (an
    /// appointment "to have it examined" where a result has no options to discuss).
    public var variants: [(condition: Expression, text: LocalizedText)] = []
    public var location: SourceLocation?

    public init(id: String, level: String, order: Int, text: LocalizedText, watchHeading: LocalizedText? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.level = level
        self.order = order
        self.text = text
        self.watchHeading = watchHeading
        self.location = location
    }
}

extension Action: Hashable {
    /// Actions are told apart by id; within one questionnaire an id names one action.
    public static func == (a: Action, b: Action) -> Bool { a.id == b.id && a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Where a warning sign answered no stands in a watch list: the action it would call for, which
/// may depend on other answers (weakness after a neck injury means 112, otherwise the emergency
/// department). The first placement whose condition holds, or that has none, applies.
public struct WatchPlacement: Sendable {
    public var condition: Expression?
    public var action: String
}

/// How urgently a doctor should look at it. Levels compare by urgency: `a < b` when `a` is less
/// urgent. `rank` 0 is the most urgent, as the data lists them.
public struct TriageLevel: Hashable, Sendable, Comparable {
    public var id: String
    public var rank: Int
    public var title: LocalizedText
    /// The id of the action a result of this level shows when none of its fired rules names one.
    public var defaultAction: String
    /// What a result of this level shows.
    public var result = ResultShape()
    /// Said on a result of this level, e.g. "Answering more questions cannot lower this result."
    public var finalRemark: LocalizedText? = nil
    /// The level in published code systems (a request priority), where one fits.
    public var codes: [Coding] = []

    public static func < (a: TriageLevel, b: TriageLevel) -> Bool { a.rank > b.rank }
}

/// A suggestion, a caution (advised against) or a note, with its plain explanation and source.
public struct CatalogEntry: Sendable, Identifiable {
    public enum Kind: String, Sendable { case suggestion, caution, note }

    // Fields in `SharedFields`: see `Item`.
    fileprivate struct Fields: Sendable {
        var id: String
        var kind: Kind
        var subject: String?
        var group: SuggestionGroup?
        var title: LocalizedText
        var explanation: LocalizedText
        var evidence: LocalizedText?
        var practical: LocalizedText?
        var source: SourceRef?
        var location: SourceLocation?
        var doctorQuestion: LocalizedText?
        var banner = false
        var variants: [Variant] = []
    }

    /// The entry's words for some answers: the first variant whose condition holds replaces the
    /// explanation and, where it names one, the source (crisis help with the youth helpline under
    /// 18; paracetamol for the neck, which another guideline speaks of).
    public struct Variant: Sendable {
        public var condition: Expression
        /// Nil keeps the entry's own explanation (a variant that only cites another source).
        public var explanation: LocalizedText?
        public var source: SourceRef?
    }

    private var storage: SharedFields<Fields>

    init(id: String, kind: Kind, subject: String?, group: SuggestionGroup?, title: LocalizedText,
         explanation: LocalizedText, evidence: LocalizedText?, practical: LocalizedText?, source: SourceRef?,
         location: SourceLocation?, doctorQuestion: LocalizedText? = nil) {
        storage = SharedFields(Fields(id: id, kind: kind, subject: subject, group: group, title: title,
                                 explanation: explanation, evidence: evidence, practical: practical, source: source,
                                 location: location, doctorQuestion: doctorQuestion))
    }

    public var id: String { get { storage.fields.id } set { storage.update { $0.id = newValue } } }
    public var kind: Kind { get { storage.fields.kind } set { storage.update { $0.kind = newValue } } }
    /// Suggestions and cautions on one subject conflict.
    public var subject: String? { get { storage.fields.subject } set { storage.update { $0.subject = newValue } } }
    /// Where a suggestion is listed.
    public var group: SuggestionGroup? { get { storage.fields.group } set { storage.update { $0.group = newValue } } }
    public var title: LocalizedText { get { storage.fields.title } set { storage.update { $0.title = newValue } } }
    public var explanation: LocalizedText { get { storage.fields.explanation } set { storage.update { $0.explanation = newValue } } }
    public var evidence: LocalizedText? { get { storage.fields.evidence } set { storage.update { $0.evidence = newValue } } }
    public var practical: LocalizedText? { get { storage.fields.practical } set { storage.update { $0.practical = newValue } } }
    public var source: SourceRef? { get { storage.fields.source } set { storage.update { $0.source = newValue } } }
    public var location: SourceLocation? { get { storage.fields.location } set { storage.update { $0.location = newValue } } }
    /// A note that stands first among the notes and right under the action on every output
    /// (crisis help), never below the advice.
    public var banner: Bool { get { storage.fields.banner } set { storage.update { $0.banner = newValue } } }
    public var variants: [Variant] { get { storage.fields.variants } set { storage.update { $0.variants = newValue } } }
    /// A question the person can ask their doctor about this entry, for the summary sheet.
    public var doctorQuestion: LocalizedText? { get { storage.fields.doctorQuestion } set { storage.update { $0.doctorQuestion = newValue } } }
}

/// A source document the rules and the catalog cite, so a citation can name its title.
public struct SourceDocument: Sendable, Hashable {
    /// The name sources refer to: a seed's file name (`001_eb294637d2019e16.txt`), or a short
    /// name for a guideline cited for facts only (`NVL-Kreuzschmerz`).
    public var file: String
    public var title: LocalizedText
    /// A short name for tight spaces (a printed page): "betanet".
    public var short: LocalizedText? = nil
    public var publisher: String?
    /// Where to find it; a document published in several languages has one address each.
    public var url: LocalizedText?
    public var location: SourceLocation?
    /// A guideline the content cites for facts (NVL, DEGAM, ...) rather than a source text kept
    /// beside the content.
    public var isGuideline = false
}

/// What a red flag can point to.
public struct Cause: Sendable {
    public var id: String
    public var text: LocalizedText
    /// The cause in published terminologies (SNOMED CT), where a code for it exists.
    public var codes: [Coding] = []
}

/// Who publishes the questionnaire, when and for where: the metadata of its FHIR resources.
public struct Publication: Sendable, Hashable {
    public var publisher: String?
    /// The day this content version was published, YYYY-MM-DD.
    public var date: String?
    /// Where it is meant to be used (ISO 3166 codes).
    public var jurisdiction: [Coding] = []
}

/// A guideline rule: when its condition holds, its conclusions apply.
public struct Rule: Sendable {
    public struct RedFlag: Sendable, Hashable {
        public var item: ItemID
        public var cause: String
    }

    // Fields in `SharedFields`: see `Item`.
    fileprivate struct Fields: Sendable {
        var id: String
        var condition: Expression
        var triage: String?
        var action: String?
        var redFlag: RedFlag?
        var suggest: [String]
        var caution: [String]
        var notes: [String]
        var highlight: [String]
        var priority: Int
        var explanation: LocalizedText
        var source: SourceRef?
        var location: SourceLocation?
    }

    private var storage: SharedFields<Fields>

    init(id: String, condition: Expression, triage: String?, redFlag: RedFlag?, suggest: [String], caution: [String],
         notes: [String], highlight: [String], priority: Int, explanation: LocalizedText, source: SourceRef?,
         location: SourceLocation?) {
        storage = SharedFields(Fields(id: id, condition: condition, triage: triage, action: nil, redFlag: redFlag, suggest: suggest,
                                 caution: caution, notes: notes, highlight: highlight, priority: priority,
                                 explanation: explanation, source: source, location: location))
    }

    public var id: String { get { storage.fields.id } set { storage.update { $0.id = newValue } } }
    public var condition: Expression { get { storage.fields.condition } set { storage.update { $0.condition = newValue } } }
    public var triage: String? { get { storage.fields.triage } set { storage.update { $0.triage = newValue } } }
    /// The action this rule calls for, one of its level's; nil means the level's default.
    public var action: String? { get { storage.fields.action } set { storage.update { $0.action = newValue } } }
    public var redFlag: RedFlag? { get { storage.fields.redFlag } set { storage.update { $0.redFlag = newValue } } }
    public var suggest: [String] { get { storage.fields.suggest } set { storage.update { $0.suggest = newValue } } }
    public var caution: [String] { get { storage.fields.caution } set { storage.update { $0.caution = newValue } } }
    public var notes: [String] { get { storage.fields.notes } set { storage.update { $0.notes = newValue } } }
    /// Catalog entries to show prominently when this rule fires.
    public var highlight: [String] { get { storage.fields.highlight } set { storage.update { $0.highlight = newValue } } }
    /// Decides suggestion/caution conflicts: the higher wins; at a tie the caution wins.
    public var priority: Int { get { storage.fields.priority } set { storage.update { $0.priority = newValue } } }
    public var explanation: LocalizedText { get { storage.fields.explanation } set { storage.update { $0.explanation = newValue } } }
    public var source: SourceRef? { get { storage.fields.source } set { storage.update { $0.source = newValue } } }
    public var location: SourceLocation? { get { storage.fields.location } set { storage.update { $0.location = newValue } } }
}

/// A safety property `verify` proves over every answer class. It holds for every answer set
/// where `condition` is true (and, with `level`, the result has that level); each claim says
/// something about the result.
public struct Invariant: Sendable {
    /// The parts of a result a claim can say are empty.
    public enum Part: String, Sendable, CaseIterable {
        case suggestions, cautions, notes
        case nextCheck = "next_check"
    }

    public var id: String
    /// When the invariant applies; nil means for every answer set.
    public var condition: Expression?
    /// Applies only to results of this triage level.
    public var level: String?
    /// The triage level is at least this one.
    public var atLeast: String?
    /// The result shows this action.
    public var action: String?
    /// The result holds each of these catalog entries.
    public var includes: [String] = []
    /// The watch list of a result of `level` shows the groups of these actions (where any of
    /// their signs is asked and answered no).
    public var watches: [String] = []
    /// These parts of the result are empty.
    public var excludes: [Part] = []
    /// The result carries no note but these.
    public var onlyNotes: [String]?
    /// No result holds any of these catalog entries.
    public var never: [String] = []
    /// No result holds all of these catalog entries together.
    public var neverTogether: [String] = []
    public var location: SourceLocation?
}

/// A suggestion and a caution on one subject that rules may bring together on purpose, their
/// conflict settled by rule priority (whiplash: muscle relaxants in the first two weeks).
public struct AllowedConflict: Sendable, Hashable {
    public var suggestion: String
    public var caution: String
}

/// A whole questionnaire: questions, derived values, rules and the catalog they refer to.
public struct Questionnaire: Sendable {
    public var id: String
    public var version: String
    public var languages: [Language]
    public var title: LocalizedText
    public var description: LocalizedText?
    /// The sections with their items; `items` and `item(_:)` follow every change.
    public var sections: [Section] { didSet { indexItems() } }
    public var derived: [DerivedValue]
    public var safetyNet: SafetyNet?
    public var triageLevels: [TriageLevel]
    /// Every level's actions, most demanding first (`actions:`; a level whose `action:` is a text
    /// has one action of its own, with the level's id).
    public var actions: [Action] = []
    public var causes: [Cause]
    public var catalog: [CatalogEntry]
    public var rules: [Rule]
    public var invariants: [Invariant]
    /// The files it was loaded from, entry file first.
    public var files: [String]
    /// The documents its sources cite; empty when the questionnaire declares none.
    public var documents: [SourceDocument] = []
    /// The answers that describe the pain on a summary sheet, in order (`profile:`).
    public var profile: [ItemID] = []
    /// Suggestion/caution pairs that may fire together before conflict resolution.
    public var allowedConflicts: [AllowedConflict] = []
    /// What a check-in during an episode carries over and asks again (`follow_up:`); nil asks
    /// everything again but the weeks.
    public var followUp: FollowUp? = nil
    /// Who publishes it, when and for where (`publication:`); nil when the data does not say.
    public var publication: Publication? = nil

    /// Every item in the order it is asked. Kept beside the sections rather than computed on
    /// each use: looking items up was a sixth of the time of a batch evaluation.
    public private(set) var items: [Item] = []
    private var itemPositions: [ItemID: Int] = [:]

    public init(id: String, version: String, languages: [Language], title: LocalizedText, description: LocalizedText?,
                sections: [Section], derived: [DerivedValue], safetyNet: SafetyNet?, triageLevels: [TriageLevel],
                causes: [Cause], catalog: [CatalogEntry], rules: [Rule], invariants: [Invariant], files: [String],
                documents: [SourceDocument] = [], profile: [ItemID] = [], allowedConflicts: [AllowedConflict] = []) {
        self.id = id
        self.version = version
        self.languages = languages
        self.title = title
        self.description = description
        self.sections = sections
        self.derived = derived
        self.safetyNet = safetyNet
        self.triageLevels = triageLevels
        self.causes = causes
        self.catalog = catalog
        self.rules = rules
        self.invariants = invariants
        self.files = files
        self.documents = documents
        self.profile = profile
        self.allowedConflicts = allowedConflicts
        indexItems()
    }

    private mutating func indexItems() {
        items = sections.flatMap(\.items)
        itemPositions = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func item(_ id: ItemID) -> Item? { itemPositions[id].map { items[$0] } }
    public func derivedValue(_ id: String) -> DerivedValue? { derived.first { $0.id == id } }
    public func level(_ id: String) -> TriageLevel? { triageLevels.first { $0.id == id } }
    public func action(_ id: String) -> Action? { actions.first { $0.id == id } }
    /// The action a result of `level` shows when none of its rules names another.
    public func defaultAction(of level: TriageLevel) -> Action? { action(level.defaultAction) }
    public func cause(_ id: String) -> Cause? { causes.first { $0.id == id } }
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
    public func entry(_ id: String, _ kind: CatalogEntry.Kind) -> CatalogEntry? {
        catalog.first { $0.id == id && $0.kind == kind }
    }
    public func document(_ file: String) -> SourceDocument? { documents.first { $0.file == file } }
    /// The least urgent level, the result when no rule sets one.
    public var lowestLevel: TriageLevel? { triageLevels.min() }
    /// The most urgent level, whose warning signs interrupt the questions at once.
    public var mostUrgentLevel: TriageLevel? { triageLevels.max() }

    /// The warning signs a rule of the most urgent level names, in question order:
    /// what a person should know before the first question.
    public var emergencySignItems: [Item] {
        guard let top = mostUrgentLevel else { return [] }
        let signs = Set(rules.filter { $0.triage.flatMap(level) == top }.compactMap { $0.redFlag?.item })
        return items.filter { signs.contains($0.id) }
    }

    /// The emergency signs by where they send a person, most demanding action first: each sign
    /// under the action of the first rule of the most urgent level that names it (chest pain
    /// under "call 112", numbness in the saddle area under "emergency department").
    public var emergencySignGroups: [(action: Action, items: [Item])] {
        guard let top = mostUrgentLevel else { return [] }
        var actionOf: [ItemID: String] = [:]
        for rule in rules where rule.triage == top.id {
            if let item = rule.redFlag?.item, actionOf[item] == nil { actionOf[item] = rule.action ?? top.defaultAction }
        }
        return actions.compactMap { action in
            let members = items.filter { actionOf[$0.id] == action.id }
            return members.isEmpty ? nil : (action, members)
        }
    }
}

extension Item {
    /// The words of the item's unit in every language ("years", "Jahre", "year", "Jahr"), which a
    /// person may type after the number.
    public var unitWords: [String] { [unit, unitOne].compactMap { $0 }.flatMap { $0.translations.values } }
}
