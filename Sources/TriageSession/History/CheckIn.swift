#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif
import TriageKit
import TriageReport

/// What a check-in knows of the episode it belongs to.
public struct CheckInContext: Sendable {
    public let episode: Episode
    /// The last check-in before this one: what it carries over from, and what its changes are
    /// measured against.
    public let previous: CheckInRecord
    /// Weeks since the episode began, on the day of this check-in.
    public let weeks: Double

    public init(episode: Episode, previous: CheckInRecord, weeks: Double) {
        self.episode = episode
        self.previous = previous
        self.weeks = weeks
    }

    /// The answers a check-in starts from: those the questionnaire keeps or offers again
    /// (`follow_up.keep`, `follow_up.confirm`), from the last check-in, and the weeks computed
    /// from the start. Never a warning sign, whatever the questionnaire says: each is asked
    /// afresh, so a sign that appeared since is not hidden behind an old "no".
    public static func prefill(engine: Engine, previous: AnswerSet, weeks: Double) -> AnswerSet {
        let q = engine.questionnaire
        var out = AnswerSet()
        for id in (q.followUp?.keep ?? []) + (q.followUp?.confirm ?? []) {
            guard let item = engine.index.items[id], !item.isRedFlag, let value = previous[id],
                  case .success = AnswerValidation.validate(value, for: item) else { continue }
            out[id] = value
        }
        if let measure = q.safetyNet?.measure, let item = engine.index.items[ItemID(measure)], !item.isRedFlag,
           case .success(let value) = AnswerValidation.validate(.number(weeks), for: item) {
            out[item.id] = value
        }
        return out
    }
}

extension Session {
    /// A check-in of `episode` on `today`: the weeks computed, what does not change carried over
    /// (not presented), what rarely changes offered again, everything else and every warning
    /// sign asked afresh.
    public static func checkIn(engine: Engine, episode: Episode, previous: CheckInRecord, today: Date) -> Session {
        let context = CheckInContext(episode: episode, previous: previous, weeks: episode.weeks(on: today))
        return Session(engine: engine, answers: CheckInContext.prefill(engine: engine, previous: previous.answers, weeks: context.weeks),
                       today: today, checkIn: context, carriedOver: Set(engine.questionnaire.followUp?.keep ?? []))
    }

    /// A check-in continued from saved answers. The weeks are counted again for `today`.
    static func resumedCheckIn(engine: Engine, context: CheckInContext, answers: AnswerSet, today: Date) -> Session {
        var answers = answers
        for (id, value) in CheckInContext.prefill(engine: engine, previous: AnswerSet(), weeks: context.weeks).values { answers[id] = value }
        return Session(engine: engine, answers: answers, today: today, checkIn: context,
                       carriedOver: Set(engine.questionnaire.followUp?.keep ?? []))
    }
}

/// What changed between the last check-in and this one, in no language yet: the weeks, the
/// marks of the guidance reached, the result, the trend (pain), new and gone warning signs and
/// any other answer. `lines(_:)` puts it into words for the plain mode, the full-screen
/// interface and the sheet alike.
public struct CheckInChanges: Sendable {
    public enum Change: Sendable {
        /// Weeks since the pain began now, and at the last check-in.
        case weeks(now: Double, before: Double?)
        /// A week at which the guidance looks again, reached since the last check-in.
        case markReached(Double)
        /// The result's level now and then (nil when the last level is no longer defined).
        case level(now: TriageLevel, before: TriageLevel?, action: Action)
        /// The measure a history charts (pain intensity), changed or not.
        case trend(Item, now: Value?, before: Value?)
        /// A warning sign answered yes now and not at the last check-in.
        case newSign(Report.Sign)
        /// A warning sign answered yes at the last check-in and not now.
        case signGone(Item)
        /// Any other answer that differs.
        case answer(Item, now: Value, before: Value)
        /// Nothing else differs.
        case noOtherChange
    }

    /// The day of the last check-in.
    public let since: Date
    public let changes: [Change]

    public init(previous: CheckInRecord, current: Report, engine: Engine) {
        let q = engine.questionnaire
        since = previous.answeredOn
        var out: [Change] = []
        let measure = q.safetyNet.map { ItemID($0.measure) }
        let before = previous.answers
        if let measure, case .number(let now)? = current.answers[measure] {
            out.append(.weeks(now: now, before: previous.weeks))
            let then = previous.weeks ?? 0
            for mark in engine.safetyNetWeeks(given: current.answers) where then < mark && mark <= now { out.append(.markReached(mark)) }
        }
        out.append(.level(now: current.level, before: q.level(previous.level), action: current.action))
        let trend = q.followUp?.trend
        if let trend, let item = q.item(trend) { out.append(.trend(item, now: current.answers[trend], before: before[trend])) }
        for sign in current.signs where before[sign.item.id] != .bool(true) { out.append(.newSign(sign)) }
        var others = 0
        for item in q.items {
            if item.isRedFlag {
                if before[item.id] == .bool(true) && current.answers[item.id] != .bool(true) { out.append(.signGone(item)); others += 1 }
                continue
            }
            guard item.id != measure, item.id != trend, let now = current.answers[item.id], let then = before[item.id], now != then else { continue }
            out.append(.answer(item, now: now, before: then))
            others += 1
        }
        if others == 0 && !out.contains(where: { if case .newSign = $0 { return true } else { return false } }) {
            out.append(.noOtherChange)
        }
        changes = out
    }

    /// "Since your last check-in on 23 Nov 2026:".
    public func heading(_ wording: Wording) -> String {
        StringCatalog.history.text("change.since", wording.language, [wording.date(since)])
    }

    /// Each change as a sentence, in order: weeks, marks, result, pain, signs, other answers.
    public func lines(_ wording: Wording) -> [String] {
        let L = wording.language
        func t(_ key: String, _ args: String...) -> String { StringCatalog.history.text(key, L, args) }
        return changes.map { change in
            switch change {
            case .weeks(let now, let before):
                return t("change.weeks", wording.weeks(now), before.map(wording.weeks) ?? t("history.none"))
            case .markReached(let mark):
                return t("change.mark", L.number(mark))
            case .level(let now, let before?, let action) where before.id != now.id:
                return t("change.level", wording.title(before), wording.title(now), wording.action(action))
            case .level(let now, let before, _):
                return t(before == nil ? "change.level_now" : "change.level_same", wording.title(now))
            case .trend(let item, let now, let before):
                let words = { (v: Value?) in v.map { wording.value($0, of: item) } ?? wording.t("value.unanswered") }
                return now == before ? t("change.value_same", wording.label(item), words(now))
                    : t("change.value", wording.label(item), words(before), words(now))
            case .newSign(let sign):
                return t("change.new_sign", wording.label(sign.item), wording.t("result.can_point_to", sign.cause.text[L]))
            case .signGone(let item):
                return t("change.sign_gone", wording.label(item))
            case .answer(let item, let now, let before):
                return t("change.value", wording.label(item), wording.value(before, of: item), wording.value(now, of: item))
            case .noOtherChange:
                return t("change.none")
            }
        }
    }
}
