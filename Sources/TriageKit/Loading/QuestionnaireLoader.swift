#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What loading a questionnaire produced: the questionnaire when its structure could be read,
/// and every problem found on the way (structure, expressions, types, references).
public struct LoadResult: Sendable {
    public var questionnaire: Questionnaire?
    public var diagnostics: [Diagnostic]
    /// The digest of each file read, by path, as the files were when read.
    var digests: [String: UInt64] = [:]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The questionnaire if it has no errors; else every error at once.
    public func get() throws(Diagnostics) -> Questionnaire {
        guard let questionnaire, errors.isEmpty else { throw Diagnostics(errors) }
        return questionnaire
    }
}

/// Loads a questionnaire from its entry YAML file and the files it includes.
public enum QuestionnaireLoader {
    static let topFields = ["id", "version", "languages", "title", "description", "publication", "include", "sections",
                            "derived", "safety_net", "profile", "follow_up"] + includeFields
    static let includeFields = ["include", "documents", "triage_levels", "actions", "causes", "suggestions", "cautions", "notes", "rules",
                                 "invariants", "allowed_conflicts"]

    /// Loads and checks the questionnaire whose entry file is at `path`.
    ///
    /// - Parameter reachability: also search for items that can never be asked and rules that can
    ///   never fire. That is a question about the content, asked by `check` and `verify`; the
    ///   interfaces leave it out to start faster, since it cannot change any result.
    public static func load(path: String, reachability: Bool = true) -> LoadResult {
        let entry: SourceFile
        do { entry = try SourceFile.read(path) } catch { return LoadResult(questionnaire: nil, diagnostics: [error]) }
        return load(entry: entry, reachability: reachability)
    }

    /// Loads from text, for tests and tools; `includes` maps file names to their text.
    public static func load(text: String, path: String = "questionnaire.yaml",
                            includes: [String: String] = [:]) -> LoadResult {
        load(entry: SourceFile(path: path, text: text), includes: includes)
    }

    static func load(entry: SourceFile, includes: [String: String]? = nil, reachability: Bool = true) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        let root: YAMLNode
        do {
            guard let node = try entry.compose() else {
                return LoadResult(questionnaire: nil, diagnostics: [entry.diagnostic(
                    SourceLocation(file: entry.path, line: 1, column: 1), "the file is empty")])
            }
            root = node
        } catch {
            return LoadResult(questionnaire: nil, diagnostics: [error])
        }
        let languages = declaredLanguages(root)
        let reader = NodeReader(file: entry, languages: languages)
        guard let top = reader.fields(root, "the questionnaire", allowed: topFields) else {
            return LoadResult(questionnaire: nil, diagnostics: reader.diagnostics)
        }
        var builder = Builder(languages: languages)
        builder.readHeader(top, reader)
        builder.readBody(top, reader)
        diagnostics += reader.diagnostics

        // Included files add catalog entries and rules; each file is read once, cycles are refused.
        var pending = includedFiles(top, in: entry, reader)
        var seen: Set<String> = [entry.path]
        var files = [entry.path]
        var sources = [entry.path: entry]
        // Set when an included file could not be read or parsed: whatever it defines is missing,
        // and the checker must not report every reference into it as a problem of its own.
        var incomplete = false
        let folder = Folder(of: entry.path, onDisk: includes == nil)
        while !pending.isEmpty {
            let (name, parent, node) = pending.removeFirst()
            let at = node.map { parent.location($0.mark) }
            let path = resolve(name, relativeTo: parent.path)
            if seen.contains(path) {
                diagnostics.append(parent.diagnostic(at, "'\(name)' is included more than once or includes itself",
                                                     hint: "remove the repeated include"))
                continue
            }
            seen.insert(path)
            // A questionnaire is one folder: an include that leads out of it (through `..`, an
            // absolute path or a symbolic link) would read, and quote in messages, any file.
            guard folder.contains(path) else {
                diagnostics.append(parent.diagnostic(at, "'\(name)' is outside the questionnaire's folder",
                                                     hint: "include only files inside \(folder.path), the folder of \(FilePath.name(of: entry.path))"))
                incomplete = true
                continue
            }
            let file: SourceFile
            if let includes {
                guard let text = includes[name] else {
                    diagnostics.append(parent.diagnostic(at, "included file '\(name)' does not exist"))
                    incomplete = true
                    continue
                }
                file = SourceFile(path: name, text: text)
            } else {
                guard FileManager.default.fileExists(atPath: path) else {
                    diagnostics.append(parent.diagnostic(at, "included file '\(name)' does not exist", hint: "looked for \(path)"))
                    incomplete = true
                    continue
                }
                do throws(Diagnostic) { file = try SourceFile.read(path) } catch {
                    // "Is a directory" and "Permission denied" have no position of their own: the include has.
                    diagnostics.append(error.location == nil ? parent.diagnostic(at, error.message, hint: error.hint) : error)
                    incomplete = true
                    continue
                }
            }
            files.append(file.path)
            sources[file.path] = file
            do {
                guard let included = try file.compose() else { continue }
                let r = NodeReader(file: file, languages: languages)
                if let fields = r.fields(included, "the included file \(name)", allowed: includeFields) {
                    builder.readBody(fields, r)
                    pending += includedFiles(fields, in: file, r)
                } else {
                    incomplete = true
                }
                diagnostics += r.diagnostics
            } catch {
                diagnostics.append(error)
                incomplete = true
            }
        }

        guard var questionnaire = builder.build() else {
            return LoadResult(questionnaire: nil, diagnostics: diagnostics)
        }
        questionnaire.files = files
        diagnostics += QuestionnaireChecker(questionnaire, reachability: reachability, incomplete: incomplete).check().map { d in
            guard d.sourceLine == nil, let l = d.location, let file = sources[l.file] else { return d }
            var d = d
            d.sourceLine = file.line(l.line)
            return d
        }
        return LoadResult(questionnaire: questionnaire, diagnostics: diagnostics, digests: sources.mapValues(\.digest))
    }

    /// The folder of an entry file, to keep includes inside it.
    struct Folder {
        /// The folder as named, for messages.
        let path: String
        private let real: String
        private let onDisk: Bool

        /// `onDisk` false: the files are given as text (tests), so only `..` is resolved.
        init(of entry: String, onDisk: Bool) {
            path = FilePath.folder(of: entry)
            self.onDisk = onDisk
            real = onDisk ? Self.realPath(path) ?? FilePath.normalized(path) : FilePath.normalized(path)
        }

        /// Whether `file` lies inside the folder once `..` and, for files on disk, symbolic
        /// links are resolved. A file that does not exist is judged by its name alone.
        func contains(_ file: String) -> Bool {
            let resolved = onDisk ? Self.realPath(file) ?? FilePath.normalized(file) : FilePath.normalized(file)
            return real == "/" ? resolved.hasPrefix("/") : resolved.hasPrefix(real + "/")
        }

        private static func realPath(_ path: String) -> String? {
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
    }

    /// The files `fields` includes, each with the node it is named by, for messages about it.
    private static func includedFiles(_ fields: Fields, in file: SourceFile, _ reader: NodeReader)
        -> [(name: String, from: SourceFile, node: YAMLNode?)] {
        reader.sequence(fields["include"], "include").compactMap { node in
            reader.string(node, "an entry of include").map { ($0, file, node) }
        }
    }

    private static func resolve(_ name: String, relativeTo path: String) -> String {
        if name.hasPrefix("/") { return name }
        return FilePath.join(FilePath.folder(of: path), name)
    }

    private static func declaredLanguages(_ root: YAMLNode) -> [String] {
        guard case .mapping(let m) = root, let node = m["languages"], case .sequence(let seq) = node else { return ["en"] }
        let langs = seq.compactMap { $0.scalar?.string }
        return langs.isEmpty ? ["en"] : langs
    }
}

/// Collects the pieces of a questionnaire from one or more files.
private struct Builder {
    let languages: [String]
    var id: String?
    var version: String?
    var title: LocalizedText?
    var description: LocalizedText?
    var sections: [Section] = []
    var derived: [DerivedValue] = []
    var safetyNet: SafetyNet?
    var triageLevels: [TriageLevel] = []
    var actions: [Action] = []
    /// The actions of levels that give their action as text (the format before actions had
    /// ids): each such level has one action, named like the level.
    var levelActions: [Action] = []
    var causes: [Cause] = []
    var catalog: [CatalogEntry] = []
    var rules: [Rule] = []
    var invariants: [Invariant] = []
    var documents: [SourceDocument] = []
    var profile: [String] = []
    var allowedConflicts: [AllowedConflict] = []
    var followUp: FollowUp?
    var publication: Publication?

    init(languages: [String]) { self.languages = languages }

    mutating func readHeader(_ top: Fields, _ r: NodeReader) {
        id = top.required("id") { n, w in r.identifier(n, w, pattern: .slug) }
        version = top.required("version", r.string)
        title = top.required("title", r.text)
        description = top.optional("description", r.text)
        if top["languages"] == nil { r.error(top.node, "the questionnaire needs 'languages', e.g. [en, de]") }
        for language in languages where Language(rawValue: language) == nil {
            r.error(top["languages"], "'\(language)' is not a language backtriage speaks",
                    hint: "languages: " + Language.allCases.map(\.rawValue).joined(separator: ", ")
                        + "; a new one needs its case in Language and its words in every string catalog")
        }
        for s in r.sequence(top["sections"], "sections") {
            if let section = readSection(s, r) { sections.append(section) }
        }
        if top["sections"] == nil { r.error(top.node, "the questionnaire needs 'sections' with its items") }
        for d in r.sequence(top["derived"], "derived") {
            if let value = readDerived(d, r) { derived.append(value) }
        }
        if let node = top["safety_net"] { safetyNet = readSafetyNet(node, r) }
        profile = r.strings(top["profile"], "profile")
        if let f = r.fields(top["publication"], "publication", allowed: ["publisher", "date", "jurisdiction"]) {
            let date = f.optional("date", r.string)
            if let date, AnswerValidation.parseDate(date) == nil { r.error(f["date"], "the publication date must be a day as YYYY-MM-DD") }
            publication = Publication(publisher: f.optional("publisher", r.string), date: date,
                                      jurisdiction: readCodings(f["jurisdiction"], of: "the jurisdiction", r))
        }
        if let f = r.fields(top["follow_up"], "follow_up", allowed: ["episode", "trend", "keep", "confirm"]) {
            followUp = FollowUp(episode: f.optional("episode", r.string).map { ItemID($0) },
                                trend: f.optional("trend", r.string).map { ItemID($0) },
                                keep: (f.optional("keep", r.strings) ?? []).map { ItemID($0) },
                                confirm: (f.optional("confirm", r.strings) ?? []).map { ItemID($0) })
        }
    }

    mutating func readBody(_ top: Fields, _ r: NodeReader) {
        for node in r.sequence(top["documents"], "documents") {
            if let document = readDocument(node, r) { documents.append(document) }
        }
        for node in r.sequence(top["triage_levels"], "triage_levels") {
            if let level = readLevel(node, rank: triageLevels.count, r) { triageLevels.append(level) }
        }
        for node in r.sequence(top["actions"], "actions") {
            if let action = readAction(node, r) { actions.append(action) }
        }
        for node in r.sequence(top["causes"], "causes") {
            guard let f = r.fields(node, "a cause", allowed: ["id", "text", "codes"]),
                  let id = f.required("id", { n, w in r.identifier(n, w) }) else { continue }
            causes.append(Cause(id: id, text: f.required("text") { n, _ in r.text(n, "the text of cause '\(id)'") } ?? LocalizedText([:]),
                                codes: readCodings(f["codes"], of: "cause '\(id)'", r)))
        }
        for (field, kind) in [("suggestions", CatalogEntry.Kind.suggestion), ("cautions", .caution), ("notes", .note)] {
            for node in r.sequence(top[field], field) {
                if let entry = readEntry(node, kind, r) { catalog.append(entry) }
            }
        }
        for node in r.sequence(top["rules"], "rules") {
            if let rule = readRule(node, r) { rules.append(rule) }
        }
        for node in r.sequence(top["invariants"], "invariants") {
            if let invariant = readInvariant(node, r) { invariants.append(invariant) }
        }
        for node in r.sequence(top["allowed_conflicts"], "allowed_conflicts") {
            guard let f = r.fields(node, "an allowed conflict", allowed: ["suggestion", "caution"]),
                  let suggestion = f.required("suggestion", { n, w in r.identifier(n, w) }),
                  let caution = f.required("caution", { n, w in r.identifier(n, w) }) else { continue }
            allowedConflicts.append(AllowedConflict(suggestion: suggestion, caution: caution))
        }
    }

    /// `codes:`: concepts of published terminologies (LOINC, SNOMED CT, HL7's) that `what`
    /// stands for, each with its system's URI.
    private func readCodings(_ node: YAMLNode?, of what: String, _ r: NodeReader) -> [Coding] {
        var codings: [Coding] = []
        for c in r.sequence(node, "the codes of \(what)") {
            guard let cf = r.fields(c, "a code of \(what)", allowed: ["system", "code", "display"]),
                  let system = cf.required("system", r.string), let code = cf.required("code", r.string) else { continue }
            if !(system.hasPrefix("http://") || system.hasPrefix("https://") || system.hasPrefix("urn:")) {
                r.error(cf["system"], "the code system of \(what) must be a URI such as http://loinc.org")
            }
            codings.append(Coding(system: system, code: code, display: cf.optional("display", r.string)))
        }
        return codings
    }

    private mutating func readLevel(_ node: YAMLNode, rank: Int, _ r: NodeReader) -> TriageLevel? {
        guard let f = r.fields(node, "a triage level", allowed: ["id", "title", "action", "result", "watch_heading", "final", "codes"]),
              let id = f.required("id", { n, w in r.identifier(n, w) }) else { return nil }
        let what = "triage level '\(id)'"
        var level = TriageLevel(id: id, rank: rank,
                                title: f.required("title") { n, _ in r.text(n, "the title of \(what)") } ?? LocalizedText([:]),
                                defaultAction: id)
        // `action:` names the level's default action among `actions:`; a text instead is the
        // level's one action (the format of questionnaires written before actions had ids).
        if case .scalar? = f["action"] {
            level.defaultAction = f.required("action") { n, w in r.identifier(n, w) } ?? id
            if f["watch_heading"] != nil {
                r.error(f["watch_heading"], "\(what) names its action; a watch heading belongs to the action",
                        hint: "move watch_heading to action '\(level.defaultAction)' under actions:")
            }
        } else if let text = f.required("action", { n, _ in r.text(n, "the action of \(what)") }) {
            levelActions.append(Action(id: id, level: id, order: 0, text: text,
                                       watchHeading: f.optional("watch_heading") { n, _ in r.text(n, "the watch heading of \(what)") },
                                       location: r.location(node)))
        }
        level.finalRemark = f.optional("final") { n, _ in r.text(n, "the final remark of \(what)") }
        level.codes = readCodings(f["codes"], of: what, r)
        if let shape = r.fields(f["result"], "the result of \(what)",
                                allowed: ["suggestions", "cautions", "notes", "next_check", "watch"]) {
            level.result.suggestions = shape.optional("suggestions", r.bool) ?? true
            level.result.cautions = shape.optional("cautions", r.bool) ?? true
            level.result.nextCheck = shape.optional("next_check", r.bool) ?? true
            level.result.notes = shape.optional("notes", r.strings).map(Set.init)
            level.result.watch = shape.optional("watch", r.strings)
        }
        return level
    }

    private func readAction(_ node: YAMLNode, _ r: NodeReader) -> Action? {
        guard let f = r.fields(node, "an action", allowed: ["id", "level", "text", "watch_heading", "variants"]),
              let id = f.required("id", { n, w in r.identifier(n, w) }) else { return nil }
        let what = "action '\(id)'"
        if actions.contains(where: { $0.id == id }) { r.error(node, "\(what) is defined twice") }
        var action = Action(id: id, level: f.required("level") { n, w in r.identifier(n, w) } ?? "", order: 0,
                      text: f.required("text") { n, _ in r.text(n, "the text of \(what)") } ?? LocalizedText([:]),
                      watchHeading: f.optional("watch_heading") { n, _ in r.text(n, "the watch heading of \(what)") },
                      location: r.location(node))
        for v in r.sequence(f["variants"], "the variants of \(what)") {
            guard let vf = r.fields(v, "a variant of \(what)", allowed: ["when", "text"]),
                  let condition = vf.required("when", { n, _ in r.expression(n, "the condition of a variant of \(what)") }),
                  let text = vf.required("text", { n, _ in r.text(n, "the text of a variant of \(what)") }) else { continue }
            action.variants.append((condition, text))
        }
        return action
    }

    private func readInvariant(_ node: YAMLNode, _ r: NodeReader) -> Invariant? {
        let allowed = ["id", "when", "level", "at_least", "action", "includes", "watches", "excludes", "only_notes", "never",
                       "never_together"]
        guard let f = r.fields(node, "an invariant", allowed: allowed),
              let id = f.required("id", { n, w in r.identifier(n, w, pattern: .slug) }) else { return nil }
        let what = "invariant '\(id)'"
        var invariant = Invariant(id: id, location: r.location(node))
        invariant.condition = f.optional("when") { n, _ in r.expression(n, "the condition of \(what)") }
        invariant.level = f.optional("level", r.string)
        invariant.atLeast = f.optional("at_least", r.string)
        invariant.action = f.optional("action", r.string)
        invariant.includes = f.optional("includes", r.strings) ?? []
        invariant.watches = f.optional("watches", r.strings) ?? []
        if !invariant.watches.isEmpty && invariant.level == nil {
            r.error(f["watches"], "\(what) claims what a watch list shows; give the 'level' whose results it speaks of")
        }
        for name in f.optional("excludes", r.strings) ?? [] {
            if let part = Invariant.Part(rawValue: name) { invariant.excludes.append(part) } else {
                r.error(f["excludes"], "\(what) excludes '\(name)', which is not a part of a result",
                        hint: "parts: " + Invariant.Part.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        invariant.onlyNotes = f.optional("only_notes", r.strings)
        invariant.never = f.optional("never", r.strings) ?? []
        invariant.neverTogether = f.optional("never_together", r.strings) ?? []
        if invariant.atLeast == nil && invariant.action == nil && invariant.includes.isEmpty && invariant.watches.isEmpty
            && invariant.excludes.isEmpty && invariant.onlyNotes == nil
            && invariant.never.isEmpty && invariant.neverTogether.isEmpty {
            r.error(node, "\(what) claims nothing", hint: "give at_least, action, includes, watches, excludes, only_notes, never or never_together")
        }
        if invariant.neverTogether.count == 1 { r.error(f["never_together"], "never_together in \(what) needs two or more entries") }
        return invariant
    }

    func build() -> Questionnaire? {
        guard let id, let version, let title else { return nil }
        var q = Questionnaire(id: id, version: version, languages: languages.compactMap(Language.init(rawValue:)),
                              title: title, description: description,
                              sections: sections, derived: derived, safetyNet: safetyNet, triageLevels: triageLevels,
                              causes: causes, catalog: catalog, rules: rules, invariants: invariants, files: [],
                              documents: documents, profile: profile.map { ItemID($0) })
        q.allowedConflicts = allowedConflicts
        // Most demanding first: the declared actions in their order, then the actions of levels
        // that give theirs as text, in the levels' order.
        q.actions = (actions + levelActions).enumerated().map { order, action in
            var action = action
            action.order = order
            return action
        }
        q.followUp = followUp
        q.publication = publication
        return q
    }

    private func readDocument(_ node: YAMLNode, _ r: NodeReader) -> SourceDocument? {
        guard let f = r.fields(node, "a document", allowed: ["file", "title", "short", "publisher", "url", "guideline"]),
              let file = f.required("file", r.string) else { return nil }
        let what = "document '\(file)'"
        if documents.contains(where: { $0.file == file }) { r.error(node, "\(what) is listed twice") }
        // One address, or one per language ({en: ..., de: ...}).
        var url: LocalizedText?
        if case .scalar? = f["url"] {
            url = f.optional("url", r.string).map { address in LocalizedText(Dictionary(uniqueKeysWithValues: languages.compactMap(Language.init(rawValue:)).map { ($0, address) })) }
        } else {
            url = f.optional("url") { n, _ in r.text(n, "the url of \(what)") }
        }
        for address in url?.translations.values.sorted() ?? [] where !(address.hasPrefix("https://") || address.hasPrefix("http://")) {
            r.error(f["url"], "the url of \(what) must start with https:// or http://")
        }
        var document = SourceDocument(file: file, title: f.required("title") { n, _ in r.text(n, "the title of \(what)") } ?? LocalizedText([:]),
                                      publisher: f.optional("publisher", r.string), url: url, location: r.location(node),
                                      isGuideline: f.optional("guideline", r.bool) ?? false)
        document.short = f.optional("short") { n, _ in r.text(n, "the short title of \(what)") }
        return document
    }

    private func readSection(_ node: YAMLNode, _ r: NodeReader) -> Section? {
        guard let f = r.fields(node, "a section", allowed: ["id", "title", "items"]),
              let id = f.required("id", { n, w in r.identifier(n, w) }) else { return nil }
        let title = f.required("title") { n, _ in r.text(n, "the title of section '\(id)'") } ?? LocalizedText([:])
        let items = r.sequence(f["items"], "the items of section '\(id)'").compactMap { readItem($0, section: id, r) }
        if f["items"] == nil { r.error(node, "section '\(id)' has no items") }
        return Section(id: id, title: title, items: items)
    }

    private static let itemFields = ["id", "type", "text", "help", "short", "unit", "options", "min", "max",
                                     "below_min", "anchors", "required", "when", "red_flag", "input", "source",
                                     "watch", "not_asked", "unit_one", "codes", "ucum", "notice"]

    private func readItem(_ node: YAMLNode, section: String, _ r: NodeReader) -> Item? {
        guard let f = r.fields(node, "an item", allowed: Self.itemFields),
              let id = f.required("id", { n, w in r.identifier(n, w) }) else { return nil }
        let what = "item '\(id)'"
        var kind = ItemKind.boolean
        if let typeName = f.required("type", r.string) {
            if let k = ItemKind(rawValue: typeName) { kind = k } else {
                let names = ItemKind.allCases.map(\.rawValue)
                r.error(f["type"], "'\(typeName)' is not an item type",
                        hint: Spelling.suggestion(for: typeName, among: names).map { "did you mean '\($0)'?" }
                            ?? "types: " + names.joined(separator: ", "))
            }
        }
        var options: [ChoiceOption] = []
        for o in r.sequence(f["options"], "the options of \(what)") {
            guard let of = r.fields(o, "an option of \(what)", allowed: ["value", "text"]),
                  let value = of.required("value", { n, w in r.identifier(n, w) }) else { continue }
            if options.contains(where: { $0.value == value }) {
                r.error(o, "option '\(value)' appears twice in \(what)")
            }
            options.append(ChoiceOption(value: value, text: of.required("text") { n, _ in r.text(n, "option '\(value)' of \(what)") } ?? LocalizedText([:])))
        }
        if (kind == .choice || kind == .multiChoice) && options.isEmpty {
            r.error(node, "\(what) is a \(kind.rawValue) and needs options")
        }
        if !(kind == .choice || kind == .multiChoice) && f["options"] != nil {
            r.error(f["options"], "\(what) is \(kind.rawValue); only choice items have options")
        }
        let minimum = f.optional("min", r.number), maximum = f.optional("max", r.number)
        if (minimum != nil || maximum != nil) && !kind.isNumeric {
            r.error(f["min"] ?? f["max"], "\(what) is \(kind.rawValue); only numbers have min and max")
        }
        if let minimum, let maximum, minimum > maximum {
            r.error(f["min"], "\(what) has min \(Value.format(minimum)) above max \(Value.format(maximum))")
        }
        if kind == .scale && (minimum == nil || maximum == nil) {
            r.error(node, "\(what) is a scale and needs min and max")
        }
        var anchors: (LocalizedText, LocalizedText)?
        if let a = r.fields(f["anchors"], "the anchors of \(what)", allowed: ["min", "max"]) {
            if let lo = a.required("min", r.text), let hi = a.required("max", r.text) { anchors = (lo, hi) }
        }
        let redFlag = f.optional("red_flag", r.bool) ?? false
        let required = f.optional("required", r.bool) ?? true
        let condition = f.optional("when") { n, _ in r.expression(n, "the condition of \(what)") }
        if redFlag {
            if kind != .boolean { r.error(f["red_flag"], "red flag \(what) must be a boolean item") }
            if !required { r.error(f["required"], "red flag \(what) must be required", hint: "warning signs are never optional") }
        }
        if f["watch"] != nil && !redFlag { r.error(f["watch"], "only a red flag item can be on the watch list") }
        var inputHint: InputHint?
        if let hint = f.optional("input", r.string) {
            inputHint = InputHint(rawValue: hint)
            if inputHint == nil {
                r.error(f["input"], "\(what) has the input hint '\(hint)'",
                        hint: "hints: " + InputHint.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        if inputHint == .duration && kind != .decimal { r.error(f["input"], "the duration input of \(what) needs a decimal item (weeks)") }
        var item = Item(id: ItemID(id), kind: kind,
                    text: f.required("text") { n, _ in r.text(n, "the text of \(what)") } ?? LocalizedText([:]),
                    help: f.optional("help") { n, _ in r.text(n, "the help of \(what)") },
                    short: f.optional("short") { n, _ in r.text(n, "the short text of \(what)") },
                    unit: f.optional("unit") { n, _ in r.text(n, "the unit of \(what)") },
                    options: options, minimum: minimum, maximum: maximum,
                    belowMinimum: f.optional("below_min") { n, _ in r.text(n, "below_min of \(what)") },
                    anchors: anchors, required: required, condition: condition, isRedFlag: redFlag,
                    inputHint: inputHint,
                    source: f.optional("source") { n, _ in r.source(n, what) },
                    section: section, location: r.location(node))
        item.watch = readWatch(f["watch"], what, r)
        item.notice = f.optional("notice") { n, w in r.identifier(n, w) }
        if item.notice != nil && kind != .boolean { r.error(f["notice"], "\(what) is \(kind.rawValue); a notice is shown when a yes/no item is answered yes") }
        item.unitOne = f.optional("unit_one") { n, _ in r.text(n, "the singular unit of \(what)") }
        if item.unitOne != nil && item.unit == nil { r.error(f["unit_one"], "\(what) has unit_one but no unit") }
        item.notAskedReason = f.optional("not_asked") { n, _ in r.text(n, "the not_asked text of \(what)") }
        item.codes = readCodings(f["codes"], of: what, r)
        item.ucumUnit = f.optional("ucum", r.string)
        if item.ucumUnit != nil && !(kind == .integer || kind == .decimal) {
            r.error(f["ucum"], "\(what) is \(kind.rawValue); a UCUM unit belongs to an integer or decimal item")
        }
        if item.notAskedReason != nil && condition == nil {
            r.error(f["not_asked"], "\(what) is always asked; not_asked explains a condition it does not have")
        }
        return item
    }

    /// `watch: call_112`, or placements that depend on other answers:
    /// `watch: [{when: "whiplash", action: call_112}, {action: emergency_department}]`.
    private func readWatch(_ node: YAMLNode?, _ what: String, _ r: NodeReader) -> [WatchPlacement] {
        guard let node else { return [] }
        if case .scalar = node {
            return r.identifier(node, "the watch action of \(what)").map { [WatchPlacement(condition: nil, action: $0)] } ?? []
        }
        var placements: [WatchPlacement] = []
        for p in r.sequence(node, "the watch placements of \(what)") {
            guard let pf = r.fields(p, "a watch placement of \(what)", allowed: ["when", "action"]),
                  let action = pf.required("action", { n, w in r.identifier(n, w) }) else { continue }
            if let last = placements.last, last.condition == nil {
                r.error(p, "a watch placement of \(what) follows one without 'when', so it never applies")
            }
            placements.append(WatchPlacement(condition: pf.optional("when") { n, _ in r.expression(n, "the condition of a watch placement of \(what)") },
                                             action: action))
        }
        if let last = placements.last, last.condition != nil {
            r.error(node, "the last watch placement of \(what) has a condition", hint: "end with a placement without 'when', which applies otherwise")
        }
        return placements
    }

    private func readDerived(_ node: YAMLNode, _ r: NodeReader) -> DerivedValue? {
        guard let f = r.fields(node, "a derived value", allowed: ["id", "type", "options", "value", "text", "values"]),
              let id = f.required("id", { n, w in r.identifier(n, w) }) else { return nil }
        let what = "derived value '\(id)'"
        let options = f.optional("options", r.strings)
        var type = ValueType.number
        switch f.required("type", r.string) {
        case "number"?: type = .number
        case "boolean"?: type = .boolean
        case "choice"?:
            type = .string(options: options)
            if options == nil { r.error(node, "\(what) is a choice and needs options") }
        case let other?: r.error(f["type"], "\(what) has type '\(other)'", hint: "use number, boolean or choice")
        case nil: break
        }
        var labels: [String: LocalizedText] = [:]
        // Labels say a value in words: the options of a choice, or true and false of a yes/no value
        // ("no warning sign" reads better in a reason than "At least one warning sign: no").
        let labelled = type == .boolean ? ["true", "false"] : options ?? []
        if let v = r.fields(f["values"], "the value labels of \(what)", allowed: labelled) {
            for (key, node) in v.values { labels[key] = r.text(node, "the label of '\(key)' in \(what)") }
        }
        guard let expression = f.required("value", { n, _ in r.expression(n, "the value of \(what)") }) else { return nil }
        return DerivedValue(id: id, type: type, expression: expression,
                            text: f.required("text") { n, _ in r.text(n, "the text of \(what)") } ?? LocalizedText([:]),
                            valueLabels: labels, location: r.location(node))
    }

    private func readSafetyNet(_ node: YAMLNode, _ r: NodeReader) -> SafetyNet? {
        guard let f = r.fields(node, "safety_net", allowed: ["measure", "thresholds", "text", "none_text", "text_by_level"]),
              let measure = f.required("measure", { n, w in r.identifier(n, w) }) else { return nil }
        var thresholds: [SafetyNet.Threshold] = []
        for t in r.sequence(f["thresholds"], "the thresholds of safety_net") {
            guard let tf = r.fields(t, "a safety_net threshold", allowed: ["when", "weeks"]),
                  let condition = tf.required("when", { n, _ in r.expression(n, "the condition of a safety_net threshold") }) else { continue }
            let weeks = r.sequence(tf["weeks"], "weeks").compactMap { r.number($0, "a threshold in weeks") }
            if weeks != weeks.sorted() { r.error(tf["weeks"], "threshold weeks must be in increasing order") }
            thresholds.append(.init(condition: condition, weeks: weeks))
        }
        var net = SafetyNet(measure: measure, thresholds: thresholds,
                            text: f.required("text", r.text) ?? LocalizedText([:]),
                            noneText: f.required("none_text", r.text) ?? LocalizedText([:]))
        if let node = f["text_by_level"] {
            if case .mapping(let byLevel) = node {
                for (key, value) in byLevel {
                    guard let level = r.identifier(key, "a level of text_by_level in safety_net") else { continue }
                    net.textByLevel[level] = r.text(value, "the safety_net text for '\(level)'")
                }
            } else {
                r.error(node, "text_by_level of safety_net must map level ids to texts")
            }
        }
        return net
    }

    private func readEntry(_ node: YAMLNode, _ kind: CatalogEntry.Kind, _ r: NodeReader) -> CatalogEntry? {
        var allowed = ["id", "title", "explanation", "evidence", "practical", "source", "doctor_question"]
        allowed.append("subject")
        allowed.append("variants")
        if kind == .note { allowed.append("banner") }
        if kind != .note { allowed.append("group") }
        guard let f = r.fields(node, "a \(kind.rawValue)", allowed: allowed),
              let id = f.required("id", { n, w in r.identifier(n, w) }) else { return nil }
        let what = "\(kind.rawValue) '\(id)'"
        var group: SuggestionGroup?
        if let name = f.optional("group", r.string) {
            group = SuggestionGroup(rawValue: name)
            if group == nil {
                r.error(f["group"], "\(what) has group '\(name)'",
                        hint: "use " + SuggestionGroup.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        if kind != .note && f["subject"] == nil { r.error(node, "\(what) needs a 'subject' (to recognise conflicts)") }
        if kind == .suggestion && f["group"] == nil { r.error(node, "\(what) needs a 'group'") }
        var entry = CatalogEntry(id: id, kind: kind, subject: f.optional("subject") { n, w in r.identifier(n, w) }, group: group,
                            title: f.required("title") { n, _ in r.text(n, "the title of \(what)") } ?? LocalizedText([:]),
                            explanation: f.required("explanation") { n, _ in r.text(n, "the explanation of \(what)") } ?? LocalizedText([:]),
                            evidence: f.optional("evidence") { n, _ in r.text(n, "the evidence of \(what)") },
                            practical: f.optional("practical") { n, _ in r.text(n, "the practical note of \(what)") },
                            source: f.required("source") { n, _ in r.source(n, what) }, location: r.location(node),
                            doctorQuestion: f.optional("doctor_question") { n, _ in r.text(n, "the doctor question of \(what)") })
        entry.banner = f.optional("banner", r.bool) ?? false
        for v in r.sequence(f["variants"], "the variants of \(what)") {
            guard let vf = r.fields(v, "a variant of \(what)", allowed: ["when", "explanation", "source"]),
                  let condition = vf.required("when", { n, _ in r.expression(n, "the condition of a variant of \(what)") }) else { continue }
            let text = vf.optional("explanation") { n, _ in r.text(n, "the explanation of a variant of \(what)") }
            let source = vf.optional("source") { n, _ in r.source(n, what) }
            if text == nil && source == nil { r.error(v, "a variant of \(what) changes nothing", hint: "give it an explanation, a source or both") }
            entry.variants.append(.init(condition: condition, explanation: text, source: source))
        }
        return entry
    }

    private func readRule(_ node: YAMLNode, _ r: NodeReader) -> Rule? {
        let allowed = ["id", "when", "triage", "action", "red_flag", "suggest", "caution", "notes", "highlight", "priority",
                       "explanation", "source"]
        guard let f = r.fields(node, "a rule", allowed: allowed),
              let id = f.required("id", { n, w in r.identifier(n, w, pattern: .slug) }) else { return nil }
        let what = "rule '\(id)'"
        var redFlag: Rule.RedFlag?
        if let rf = r.fields(f["red_flag"], "the red_flag of \(what)", allowed: ["item", "cause"]),
           let item = rf.required("item", r.string), let cause = rf.required("cause", r.string) {
            redFlag = Rule.RedFlag(item: ItemID(item), cause: cause)
        }
        var priority = 0
        if let p = f.optional("priority", r.number) {
            if p != p.rounded() || abs(p) > 1_000_000 { r.error(f["priority"], "the priority of \(what) must be a whole number") }
            else { priority = Int(p) }
        }
        guard let condition = f.required("when", { n, _ in r.expression(n, "the condition of \(what)") }) else { return nil }
        var rule = Rule(id: id, condition: condition, triage: f.optional("triage", r.string), redFlag: redFlag,
                    suggest: f.optional("suggest", r.strings) ?? [], caution: f.optional("caution", r.strings) ?? [],
                    notes: f.optional("notes", r.strings) ?? [], highlight: f.optional("highlight", r.strings) ?? [],
                    priority: priority,
                    explanation: f.required("explanation") { n, _ in r.text(n, "the explanation of \(what)") } ?? LocalizedText([:]),
                    source: f.required("source") { n, _ in r.source(n, what) }, location: r.location(node))
        rule.action = f.optional("action") { n, w in r.identifier(n, w) }
        if rule.action != nil && f["triage"] == nil { r.error(f["action"], "\(what) names an action but no triage level", hint: "an action belongs to a level: give 'triage'") }
        return rule
    }
}
