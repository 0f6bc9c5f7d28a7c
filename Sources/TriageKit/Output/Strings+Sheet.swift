extension Strings {
    /// Strings of the summary sheet: headings and fixed phrases. Entry texts, questions for the
    /// doctor and source titles come from the questionnaire's data.
    static let sheet: [String: (en: String, de: String)] = [
        "sheet.title": ("Summary for your doctor", "Zusammenfassung für Ihre Arztpraxis"),
        "sheet.page": ("page {0} of {1}", "Seite {0} von {1}"),
        "sheet.what_to_do": ("What to do", "Was zu tun ist"),
        "sheet.red_flags": ("Warning signs answered yes", "Mit Ja beantwortete Warnzeichen"),
        "sheet.red_flag_cause": ("can point to {0}", "kann hinweisen auf: {0}"),
        "sheet.no_red_flags": ("No warning sign was answered yes.", "Kein Warnzeichen wurde mit Ja beantwortet."),
        "sheet.profile": ("Your pain", "Ihre Schmerzen"),
        "sheet.suggestions": ("What the guidance suggests", "Was die Leitlinien empfehlen"),
        "sheet.cautions": ("What the guidance advises against", "Wovon die Leitlinien abraten"),
        "sheet.notes": ("Good to know", "Gut zu wissen"),
        "sheet.none": ("None.", "Keine."),
        "sheet.important": ("important for you", "für Sie besonders wichtig"),
        "sheet.source": ("Source", "Quelle"),
        "sheet.questions": ("Questions to ask your doctor", "Fragen an Ihre Ärztin oder Ihren Arzt"),
        "sheet.safety_net": ("When to look again", "Wann Sie erneut prüfen sollten"),
        "sheet.next_check": ("Next check: {0} ({1} weeks after the pain began). {2}",
                             "Nächste Prüfung: {0} ({1} Wochen nach Beginn der Schmerzen). {2}"),
        "sheet.watch_for": ("See a doctor at once if any of these appear:", "Gehen Sie sofort zum Arzt, wenn eines davon auftritt:"),
        "sheet.appendix": ("Appendix: all your answers", "Anhang: alle Ihre Antworten"),
        "sheet.unanswered": ("not answered", "nicht beantwortet"),
        "sheet.about": ("About this sheet", "Über dieses Blatt"),
        "sheet.answered_on": ("Answered on", "Beantwortet am"),
        "sheet.questionnaire": ("Questionnaire", "Fragebogen"),
        "sheet.version": ("version {0}", "Version {0}"),
        "sheet.disclaimer": ("This sheet is information, not a diagnosis. It does not replace a doctor. In an emergency call 112.",
                             "Dieses Blatt ist eine Information, keine Diagnose. Es ersetzt keinen Arztbesuch. Im Notfall: 112."),
        "sheet.sources": ("Sources", "Quellen"),
        "sheet.generated_by": ("Made with backtriage", "Erstellt mit backtriage"),
    ]
}
