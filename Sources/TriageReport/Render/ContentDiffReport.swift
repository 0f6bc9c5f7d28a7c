#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

/// A `ContentDiff` for people (text) and for tools (JSON). Witnesses are given in the person's
/// own words, as `Wording` says answers, and as an answer file `backtriage evaluate` reads.
public struct ContentDiffReport: Sendable {
    public let diff: ContentDiff
    public let language: Language
    /// The day the witness answer files name.
    public let day: Date

    public init(_ diff: ContentDiff, language: Language, day: Date) {
        self.diff = diff
        self.language = language
        self.day = day
    }

    private var oldName: String { "\(diff.old.id) \(diff.old.version)" }
    private var newName: String { "\(diff.new.id) \(diff.new.version)" }

    // MARK: Text

    public var text: String {
        var lines: [String] = []
        lines.append("backtriage diff: \(oldName) -> \(newName)")
        lines.append(contentsOf: coverageSentences)
        lines.append(contentsOf: itemSentences)
        if diff.unsettled > 0 {
            lines.append("warning: the level search could not settle \(diff.unsettled) answer classes; they are not counted")
        }
        let lowering = diff.findings.filter(\.lowersLevel).count
        if diff.findings.isEmpty {
            lines.append("no change: every answer class compared gets the same result")
        } else {
            lines.append("\(diff.findings.count) kind\(diff.findings.count == 1 ? "" : "s") of change"
                         + (lowering > 0 ? "; \(lowering) lower\(lowering == 1 ? "s" : "") the level and need\(lowering == 1 ? "s" : "") a reason" : "; none lowers the level"))
        }
        for finding in diff.findings {
            lines.append("")
            lines.append(headline(finding) + " in " + howMany(finding))
            let words = witnessWords(finding.witness)
            lines.append("  for example: " + (words.isEmpty ? "the first answer to every question" : words.joined(separator: "; ")))
            if !finding.witness.decisive.isEmpty {
                lines.append("  (every other answer: the first one offered, no, or the lowest number)")
            }
            lines.append("  answers for \(newName): " + answerFile(diff.new, finding.witness.new).serialized())
            if !diff.added.isEmpty || !diff.removed.isEmpty || !diff.retyped.isEmpty {
                lines.append("  answers for \(oldName): " + answerFile(diff.old, finding.witness.old).serialized())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether every class was compared, or a sample: the statement a reader relies on.
    var coverageSentences: [String] {
        let levels = "levels: every one of \(diff.classes) answer classes, counted exactly by search"
        switch diff.coverage {
        case .every:
            return [levels, "everything else: every one of \(diff.compared) answer classes, compared one by one"]
        case .sample(let size, let seed):
            return [levels, "everything else: a random sample of \(size) of the \(diff.classes) answer classes "
                    + "(seed \(seed); the same --seed gives the same sample), so its counts are of the sample"]
        }
    }

    var itemSentences: [String] {
        var out = ["items: \(diff.shared.count) in both versions, compared over the answers both accept"]
        func ids(_ list: [ItemID]) -> String { list.map(\.rawValue).joined(separator: ", ") }
        out.append(diff.added.isEmpty ? "new items in \(diff.new.version): none"
                   : "new items in \(diff.new.version): \(ids(diff.added)); every class of them is compared, and \(diff.old.version) ignores them")
        out.append(diff.removed.isEmpty ? "items removed in \(diff.new.version): none"
                   : "items removed in \(diff.new.version): \(ids(diff.removed)); every class of them is compared, and \(diff.new.version) ignores them")
        if !diff.retyped.isEmpty {
            out.append("items whose type changed: \(ids(diff.retyped)); each version reads them as its own")
        }
        if !diff.reworded.isEmpty {
            out.append("questions reworded: \(ids(diff.reworded)); an answer is compared as the same answer, "
                       + "so what a new wording means for the same person is not counted here (read those questions again)")
        }
        return out
    }

    private func headline(_ f: ContentDiff.Finding) -> String {
        switch f.change {
        case .level(let from, let to):
            return (f.lowersLevel ? "LOWERS the level " : "raises the level ") + "\(from) -> \(to)"
        case .action(let from, let to):
            return "action \(from) -> \(to)"
        case .entry(let kind, let id, let added):
            let catalog = added ? diff.new : diff.old
            let title = catalog.entry(id, kind).map { " (\($0.title[language]))" } ?? ""
            return (added ? "new " : "no longer ") + "\(kind.rawValue) \(id)\(title)"
        case .nextCheck(let from, let to):
            func weeks(_ w: Double?) -> String { w.map { Wording.weeksText($0, .en) } ?? "none" }
            return "next check \(weeks(from)) -> \(weeks(to))"
        }
    }

    private func howMany(_ f: ContentDiff.Finding) -> String {
        let share = f.exact ? Double(f.count) / Double(diff.classes) : Double(f.count) / Double(max(diff.compared, 1))
        let percent = share > 0 && share < 0.0001 ? " (< 0.01 %)" : " (" + FixedNumber.string(share * 100, decimals: 2) + " %)"
        return (f.exact ? "\(f.count) of \(diff.classes) answer classes" : "\(f.count) of the \(diff.compared) sampled classes") + percent
    }

    /// The answers a change needs, as the person gave them: "Where it hurts: Lower back".
    func witnessWords(_ w: ContentDiff.Witness) -> [String] {
        w.decisive.compactMap { id in
            if let item = diff.new.item(id), let value = w.new[id] {
                return Wording(diff.new, language).label(item) + ": " + Wording(diff.new, language).value(value, of: item)
            }
            if let item = diff.old.item(id), let value = w.old[id] {
                return Wording(diff.old, language).label(item) + ": " + Wording(diff.old, language).value(value, of: item)
                    + " (only \(diff.old.version) asks this)"
            }
            return nil
        }
    }

    /// An answer file `backtriage evaluate` reads.
    func answerFile(_ q: Questionnaire, _ answers: [ItemID: Value]) -> JSON {
        let ordered = q.items.compactMap { item in answers[item.id].map { (item.id.rawValue, JSON($0)) } }
        return .object([("questionnaire", .string(q.id)), ("date", .string(AnswerValidation.formatDate(day))), ("answers", .object(ordered))])
    }

    // MARK: JSON

    public var json: JSON {
        func side(_ q: Questionnaire) -> JSON { .object([("id", .string(q.id)), ("version", .string(q.version))]) }
        var coverage: [(String, JSON)] = [("levels", .string("every")), ("classes", .string(String(diff.classes)))]
        switch diff.coverage {
        case .every:
            coverage += [("others", .string("every")), ("compared", .number(Double(diff.compared)))]
        case .sample(let size, let seed):
            coverage += [("others", .string("sample")), ("compared", .number(Double(size))), ("seed", .string(String(seed)))]
        }
        coverage.append(("unsettled", .string(String(diff.unsettled))))
        func ids(_ list: [ItemID]) -> JSON { .array(list.map { .string($0.rawValue) }) }
        let items: JSON = .object([("shared", .number(Double(diff.shared.count))), ("added", ids(diff.added)),
                                   ("removed", ids(diff.removed)), ("retyped", ids(diff.retyped)), ("reworded", ids(diff.reworded)),
                                   ("added_and_removed_items", .string("every class compared; the other version ignores them"))])
        return .object([("old", side(diff.old)), ("new", side(diff.new)), ("coverage", .object(coverage)), ("items", items),
                        ("lowers_level", .bool(diff.lowersLevel)), ("changes", .array(diff.findings.map(finding)))])
    }

    private func finding(_ f: ContentDiff.Finding) -> JSON {
        var fields: [(String, JSON)]
        switch f.change {
        case .level(let from, let to): fields = [("kind", .string("level")), ("from", .string(from)), ("to", .string(to))]
        case .action(let from, let to): fields = [("kind", .string("action")), ("from", .string(from)), ("to", .string(to))]
        case .entry(let kind, let id, let added):
            fields = [("kind", .string(kind.rawValue)), ("id", .string(id)), ("change", .string(added ? "added" : "removed"))]
        case .nextCheck(let from, let to):
            fields = [("kind", .string("next_check")), ("from", from.map(JSON.number) ?? .null), ("to", to.map(JSON.number) ?? .null)]
        }
        fields += [("lowers_level", .bool(f.lowersLevel)), ("count", .string(String(f.count))),
                   ("of", .string(f.exact ? "every class" : "sample")),
                   ("witness", .object([("words", .array(witnessWords(f.witness).map(JSON.string))),
                                        ("new", answerFile(diff.new, f.witness.new)),
                                        ("old", answerFile(diff.old, f.witness.old))]))]
        return .object(fields)
    }
}
