#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

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
