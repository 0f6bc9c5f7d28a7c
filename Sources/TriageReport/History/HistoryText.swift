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

/// The history as text for a person: each episode with one line a check-in (the day, the week,
/// the pain, the result, the next check), whether a check-in is due, and a chart of each episode
/// with more than one check-in. `backtriage history` prints it and the plain mode shows it from
/// its start; the lines read on their own, so a screen reader can skip the chart that follows
/// them.
public struct HistoryText {
    public var engine: Engine
    public var wording: Wording
    /// The chart's style; nil for no chart.
    public var chart: HistoryChart.Style?
    public var width: Int
    /// The day it is read on, for whether a check-in is due.
    public var today: Date
    /// Whether a due check-in says to start backtriage; not on a page inside backtriage, where
    /// the welcome screen offers the check-in.
    public var tellsHowToCheckIn = true

    public init(engine: Engine, language: Language, chart: HistoryChart.Style? = .unicode, width: Int = 80, today: Date) {
        self.engine = engine
        wording = Wording(engine.questionnaire, language)
        self.chart = chart
        self.width = width
        self.today = today
    }

    private func t(_ key: String, _ args: String...) -> String { StringCatalog.history.text(key, wording.language, args) }

    public func render(_ episodes: [(episode: Episode, checkIns: [CheckInRecord])]) -> String {
        let q = engine.questionnaire, L = wording.language
        var out = TextWrap.lines(t("history.title", q.title[L]), width: width) + [""]
        if episodes.isEmpty { return (out + TextWrap.lines(t("history.empty"), width: width)).joined(separator: "\n") + "\n" }
        for (number, (episode, checkIns)) in episodes.enumerated() {
            out += TextWrap.lines(heading(episode, number: number + 1), width: width)
            for checkIn in checkIns { out += TextWrap.lines(row(checkIn, episode), width: width, first: "  ", rest: "    ") }
            if episode.isOpen, let last = checkIns.last {
                out += TextWrap.lines(due(EpisodeStatus(episode: episode, checkIns: checkIns, today: today), last, hint: tellsHowToCheckIn),
                                      width: width, first: "  ", rest: "  ")
            }
            if let style = chart, checkIns.count > 1, let trend = Trend(engine: engine, episode: episode, checkIns: checkIns) {
                out += ["", t("history.chart_follows")]
                out += HistoryChart(wording, style: style, width: width).lines(trend)
            }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// "Episode 2: Lower back, since 9 Nov 2026 (open)".
    public func heading(_ episode: Episode, number: Int) -> String {
        let state: String
        switch (episode.closedOn, episode.ending) {
        case (let day?, .replaced?): state = t("history.ended.replaced", wording.date(day))
        case (let day?, _): state = t("history.ended.resolved", wording.date(day))
        default: state = t("history.open")
        }
        return t("history.episode", String(number), kind(episode), wording.date(episode.start)) + " (" + state + ")"
    }

    /// The episode's kind in words: the option's text ("Lower back"), else the questionnaire's title.
    public func kind(_ episode: Episode) -> String {
        let q = engine.questionnaire
        if let id = q.followUp?.episode, let item = q.item(id), let value = episode.kind { return wording.value(.string(value), of: item) }
        return q.title[wording.language]
    }

    /// "23 Nov 2026, week 2: Pain intensity 6/10; SELF-CARE; next check 21 Dec 2026".
    public func row(_ checkIn: CheckInRecord, _ episode: Episode) -> String {
        let q = engine.questionnaire, L = wording.language
        var measure = ("", "")
        if let id = q.followUp?.trend, let item = q.item(id) {
            measure = (wording.label(item), checkIn.answers[id].map { wording.value($0, of: item) } ?? wording.t("value.unanswered"))
        }
        let level = q.level(checkIn.level).map(wording.title) ?? checkIn.level
        // "week 3" from three weeks on, "day 10" before: never "week 0.3".
        let (key, count): (String, Int)
        switch PeopleDuration(weeks: checkIn.weeks ?? episode.weeks(on: checkIn.answeredOn)) {
        case .days(let days): (key, count) = ("history.row.day", days)
        case .weeks(let weeks): (key, count) = ("history.row", weeks)
        }
        let text = t(key, wording.date(checkIn.answeredOn), L.number(Double(count)), measure.0, measure.1, level)
        return checkIn.nextCheck.map { t("history.row.next", text, wording.date($0.date)) } ?? text
    }

    /// Whether a check-in is due, and from when; `hint` adds how to check in when it is.
    public func due(_ status: EpisodeStatus, _ last: CheckInRecord, hint: Bool = true) -> String {
        guard let next = status.nextCheck else {
            let report = last.report(engine: engine)
            let reason = report.pastLastCheck?[wording.language] ?? wording.action(report.action)
            return t("due.no_date", reason)
        }
        return status.isDue ? t("due.yes", wording.date(next.date), wording.weeks(next.weeks)) + (hint ? " " + t("due.start") : "")
            : t("due.not_yet", wording.date(next.date), wording.weeks(next.weeks))
    }
}
