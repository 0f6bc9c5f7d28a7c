extension AnswerFileReader {
    /// One warning per answer given to an item the questionnaire does not ask with these
    /// answers. Such answers take no part in the result, as FHIR ignores answers to disabled
    /// items, but never silently: a warning sign answered yes gets its own words, since someone
    /// meant it. `reading`, when given, is the engine's reading of `document.answers`.
    public static func ignoredAnswerWarnings(_ document: AnswerDocument, engine: Engine,
                                             reading: AnswerReading? = nil) -> [Diagnostic] {
        engine.ignoredAnswers(in: reading ?? engine.read(document.answers)).compactMap { id -> Diagnostic? in
            guard let item = engine.index.items[id], let value = document.answers[id] else { return nil }
            let condition = item.condition.map { "it is asked only when: \($0.source)" } ?? "it is not asked"
            let why = item.notAskedReason.map { "; " + $0.text(.en) } ?? ""
            let at = document.locations[id]
            if item.isRedFlag, value == .bool(true) {
                return Diagnostic(.warning, at: at,
                                  "the warning sign '\(id)' was answered yes but is not used: \(condition)\(why)",
                                  hint: "if this sign is present, make sure the answers it depends on are right")
            }
            return Diagnostic(.warning, at: at, "the answer '\(id)' is ignored: \(condition)\(why)")
        }
    }
}
