// The words people type and the letters they press, as data: adding a language adds a table
// here, and no parser or key binding names a word of any language.

extension StringCatalog {
    /// What the plain mode accepts as an answer or a command, the units of a duration, the yes
    /// and no letters of the keys, and the decimal separator. A value is a comma-separated list
    /// of words; the parsers take the words of every language (a German user typing "yes" is
    /// understood), the keys only those of the language on screen.
    public static let input = StringCatalog("input", [
        .en: [
            "number.decimal_separator": ".",
            "answer.yes": "yes, y",
            "answer.no": "no, n",
            "answer.none": "none, -",
            "letters.yes": "y",
            "letters.no": "n",
            "letters.label": "y/n",
            "command.back": "back, b",
            "command.help": "help, h, ?",
            "command.review": "review, r",
            "command.quit": "quit, exit, q",
            "duration.lead": "since, for, about",
            "duration.days": "d, day, days",
            "duration.weeks": "w, wk, week, weeks",
            "duration.months": "m, mo, month, months",
        ],
        .de: [
            "number.decimal_separator": ",",
            "answer.yes": "ja, j",
            "answer.no": "nein, n",
            "answer.none": "keine, -",
            // y means yes too, as people switching keyboards type it.
            "letters.yes": "j, y",
            "letters.no": "n",
            "letters.label": "j/n",
            "command.back": "zurück, zurueck",
            "command.help": "hilfe",
            "command.review": "übersicht, uebersicht",
            "command.quit": "ende",
            "duration.lead": "seit, für, etwa, ca., circa, ungefähr",
            "duration.days": "t, tag, tage, tagen",
            "duration.weeks": "wo, woche, wochen",
            "duration.months": "monat, monate, monaten",
        ],
    ])

    /// The words of `key` in `language`, lower-cased: "yes, y" gives ["yes", "y"].
    public func words(_ key: String, _ language: Language) -> [String] {
        text(key, language).split(separator: ",").map { $0.trimmed.lowercased() }.filter { !$0.isEmpty }
    }

    /// The words of `key` in every language.
    public func words(_ key: String) -> Set<String> {
        Set(Language.allCases.flatMap { words(key, $0) })
    }

    /// Whether `typed` (any case, spaces around) is one of the words of `key` in any language.
    public func accepts(_ typed: String, as key: String) -> Bool {
        words(key).contains(typed.trimmed.lowercased())
    }
}
