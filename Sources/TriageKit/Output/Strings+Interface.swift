extension Strings {
    /// Strings of the interactive interfaces (full-screen and plain): screens, keys, messages.
    /// Questionnaire content never appears here; it comes from the questionnaire's data.
    static let interface: [String: (en: String, de: String)] = [
        "app.name": ("backtriage", "backtriage"),

        // Languages: the name of the current one, and of the one `L` switches to.
        "tui.lang.name": ("English", "Deutsch"),
        "tui.lang.other": ("Deutsch", "English"),

        // Welcome
        "tui.welcome.not_diagnosis": ("This is information, not a diagnosis. It does not replace a doctor.",
                                      "Dies ist eine Information, keine Diagnose. Sie ersetzt keinen Arztbesuch."),
        "tui.welcome.emergency": ("Emergency? If you have any of these, call 112 now or go to a hospital emergency department: {0}.",
                                  "Notfall? Wenn eines davon zutrifft, rufen Sie jetzt die 112 an oder gehen Sie in die Notaufnahme: {0}."),
        "tui.welcome.emergency_plain": ("In an emergency call 112 now.", "Im Notfall rufen Sie jetzt die 112 an."),
        "tui.welcome.saved": ("Saved answers from {0} ({1} answered):", "Gespeicherte Antworten vom {0} ({1} beantwortet):"),
        "tui.welcome.prefilled": ("{0} answers are filled in from the answer file.", "{0} Antworten sind aus der Antwortdatei übernommen."),
        "tui.welcome.start": ("Start the questions", "Mit den Fragen beginnen"),
        "tui.welcome.continue": ("Continue where I stopped", "Dort weitermachen, wo ich aufgehört habe"),
        "tui.welcome.start_over": ("Start over", "Von vorn beginnen"),

        // Keys in the footer
        "tui.key.choose": ("choose", "wählen"),
        "tui.key.confirm": ("confirm", "bestätigen"),
        "tui.key.quit": ("quit", "beenden"),
        "tui.key.next": ("next", "weiter"),
        "tui.key.back": ("back", "zurück"),
        "tui.key.review": ("review", "Übersicht"),
        "tui.key.why": ("why asked", "warum gefragt"),
        "tui.key.answer": ("answer", "antworten"),
        "tui.key.toggle": ("tick", "ankreuzen"),
        "tui.key.move": ("move", "verschieben"),
        "tui.key.unit": ("unit", "Einheit"),
        "tui.key.select": ("select", "auswählen"),
        "tui.key.change": ("change", "ändern"),
        "tui.key.show_result": ("show result", "Ergebnis zeigen"),
        "tui.key.save": ("save", "speichern"),
        "tui.key.print": ("print", "drucken"),
        "tui.key.details": ("details", "Details"),
        "tui.key.scroll": ("scroll", "blättern"),
        "tui.key.change_answers": ("answers", "Antworten"),
        "tui.key.new": ("new", "neu"),
        "tui.key.any": ("any key", "beliebige Taste"),
        "tui.key.close": ("close", "schließen"),
        "tui.key.other": ("other key", "andere Taste"),
        "tui.key.stay": ("stay", "bleiben"),
        "tui.key.yes_quit": ("quit without saving", "ohne Speichern beenden"),
        "tui.key.yes_start_over": ("delete answers and start over", "Antworten löschen und neu beginnen"),

        // Questions
        "tui.answer.yes": ("Yes", "Ja"),
        "tui.answer.no": ("No", "Nein"),
        "tui.question.warning_sign": ("Warning sign", "Warnzeichen"),
        "tui.checklist.intro": ("Do you have any of these right now? Please answer every line.",
                                "Haben Sie gerade eines davon? Bitte beantworten Sie jede Zeile."),
        "tui.checklist.yes": ("yes", "ja"),
        "tui.checklist.no": ("no", "nein"),
        "tui.checklist.more_below": ("{0} more, scroll {1}", "{0} weitere, blättern {1}"),
        "tui.checklist.more_above": ("{0} more {1}", "{0} weitere {1}"),
        "tui.checklist.why": ("? explains why each sign matters", "? erklärt, warum jedes Zeichen wichtig ist"),
        "tui.checklist.unanswered_one": ("1 line is still unanswered: please answer every line, then Enter.",
                                         "1 Zeile ist noch offen: bitte jede Zeile beantworten, dann Enter."),
        "tui.checklist.unanswered": ("{0} lines are still unanswered: please answer every line, then Enter.",
                                     "{0} Zeilen sind noch offen: bitte jede Zeile beantworten, dann Enter."),
        "tui.key.line": ("line", "Zeile"),
        "tui.progress": ("{0} of {1}", "{0} von {1}"),
        "tui.unit.days": ("days", "Tage"),
        "tui.unit.weeks": ("weeks", "Wochen"),
        "tui.unit.months": ("months", "Monate"),
        "tui.duration.hint": ("Type a number; Tab changes between days, weeks and months.",
                              "Geben Sie eine Zahl ein; mit Tab wechseln Sie zwischen Tagen, Wochen und Monaten."),
        "tui.duration.in_weeks": ("{0} {1} is about {2} weeks.", "{0} {1} sind etwa {2} Wochen."),
        "tui.number.range": ("A number from {0} to {1}.", "Eine Zahl von {0} bis {1}."),
        "tui.scale.chosen": ("Your choice: {0}", "Ihre Wahl: {0}"),
        "tui.scale.unset": ("Not chosen yet: use the arrow keys or type a number.",
                            "Noch nicht gewählt: Pfeiltasten benutzen oder eine Zahl tippen."),
        "tui.date.hint": ("A date as YYYY-MM-DD, for example 2024-03-01.", "Ein Datum als JJJJ-MM-TT, zum Beispiel 2024-03-01."),
        "tui.notice.choose": ("Please choose an answer: arrow keys or the number in front of it, then Enter.",
                              "Bitte wählen Sie eine Antwort: Pfeiltasten oder die Zahl davor, dann Enter."),
        "tui.notice.slide": ("Please choose a value: arrow keys or a number key, then Enter.",
                             "Bitte wählen Sie einen Wert: Pfeiltasten oder eine Zahltaste, dann Enter."),
        "tui.notice.enter_number": ("Please type a number, then press Enter.", "Bitte geben Sie eine Zahl ein und drücken Sie Enter."),
        "tui.notice.not_a_number": ("'{0}' is not a number. Please type digits, for example 7 or 2.5.",
                                    "'{0}' ist keine Zahl. Bitte geben Sie Ziffern ein, zum Beispiel 7 oder 2,5."),
        "tui.notice.enter_text": ("Please type an answer, then press Enter.", "Bitte geben Sie eine Antwort ein und drücken Sie Enter."),
        "tui.notice.save_failed": ("Could not save the answers: {0}. They are kept while the program runs.",
                                   "Die Antworten konnten nicht gespeichert werden: {0}. Sie bleiben erhalten, solange das Programm läuft."),

        // Help
        "tui.help.title": ("Why this is asked", "Warum das gefragt wird"),
        "tui.help.none": ("There is no further explanation for this question.", "Zu dieser Frage gibt es keine weitere Erklärung."),

        // Emergency interrupt
        "tui.emergency.title": ("Please act now", "Bitte handeln Sie jetzt"),
        "tui.emergency.saved": ("Your answers are saved.", "Ihre Antworten sind gespeichert."),
        "tui.emergency.kept": ("Your answers are kept until you quit.", "Ihre Antworten bleiben bis zum Beenden erhalten."),
        "tui.emergency.show_result": ("Show my result now", "Mein Ergebnis jetzt zeigen"),
        "tui.emergency.go_on": ("Go on with the questions", "Mit den Fragen weitermachen"),

        // Review
        "tui.review.title": ("Your answers", "Ihre Antworten"),
        "tui.review.complete": ("Every question is answered. Enter changes the selected answer.",
                                "Alle Fragen sind beantwortet. Mit Enter ändern Sie die ausgewählte Antwort."),
        "tui.review.missing": ("{0} questions still need an answer. Enter changes the selected answer.",
                               "{0} Fragen brauchen noch eine Antwort. Mit Enter ändern Sie die ausgewählte Antwort."),

        // Results
        "tui.results.next_check": ("Check again on {0} ({1} weeks since it began).", "Prüfen Sie erneut am {0} ({1} Wochen seit Beginn)."),
        "tui.results.sooner": ("Sooner if a warning sign appears.", "Früher, wenn ein Warnzeichen auftritt."),
        "tui.results.safety_heading": ("When to look again", "Wann erneut prüfen"),
        "tui.results.safety_entry": ("Next check and warning signs", "Nächste Prüfung und Warnzeichen"),
        "tui.results.more_flags": ("and {0} more warning signs (see the saved summary)", "und {0} weitere Warnzeichen (siehe gespeicherte Zusammenfassung)"),
        "tui.results.incomplete": ("{0} questions are not answered yet; the result may change.",
                                   "{0} Fragen sind noch nicht beantwortet; das Ergebnis kann sich ändern."),

        // Saving and printing the summary sheet
        "tui.sheet.saved": ("Summary sheet saved (readable only by you):\nText: {0}\nHTML: {1}",
                            "Zusammenfassung gespeichert (nur für Sie lesbar):\nText: {0}\nHTML: {1}"),
        "tui.sheet.save_failed": ("Could not save the summary sheet: {0}", "Die Zusammenfassung konnte nicht gespeichert werden: {0}"),
        "tui.print.sent": ("Sent to the printer: {0}", "An den Drucker geschickt: {0}"),
        "tui.print.sent_plain": ("Sent to the printer.", "An den Drucker geschickt."),
        "tui.print.failed": ("The printer did not take the summary sheet: {0}",
                             "Der Drucker hat die Zusammenfassung nicht angenommen: {0}"),
        "tui.print.status": ("lp ended with status {0}", "lp endete mit Status {0}"),
        "tui.print.timeout": ("lp did not finish within {0} seconds", "lp wurde nicht innerhalb von {0} Sekunden fertig"),
        "tui.print.no_lp": ("Printing needs CUPS (the lp command), which was not found on this computer. The summary sheet is saved, so you can print it another way:\nText: {0}\nHTML: {1}",
                            "Zum Drucken wird CUPS (der Befehl lp) gebraucht, der auf diesem Computer nicht gefunden wurde. Die Zusammenfassung ist gespeichert, sodass Sie sie auf anderem Weg drucken können:\nText: {0}\nHTML: {1}"),

        // Detail page of a result
        "tui.detail.suggestion": ("Suggested", "Empfohlen"),
        "tui.detail.caution": ("Advised against", "Abgeraten"),
        "tui.detail.note": ("Good to know", "Gut zu wissen"),
        "tui.detail.red_flag": ("Warning sign", "Warnzeichen"),
        "tui.detail.safety_net": ("When to look again", "Wann erneut prüfen"),
        "tui.detail.your_answer": ("Your answer: {0}", "Ihre Antwort: {0}"),
        "tui.detail.can_point_to": ("It can point to: {0}", "Es kann hinweisen auf: {0}"),
        "tui.detail.what_to_do": ("What to do", "Was zu tun ist"),
        "tui.detail.doctor_question": ("A question for your doctor", "Eine Frage an Ihre Ärztin oder Ihren Arzt"),
        "tui.detail.rule": ("Rule {0}", "Regel {0}"),
        "tui.detail.because": ("Because you answered:", "Weil Sie geantwortet haben:"),
        "tui.detail.no_answers": ("This rule does not depend on your answers.", "Diese Regel hängt nicht von Ihren Antworten ab."),
        "tui.detail.more_below": ("more below", "weiter unten"),

        // Quit and start over
        "tui.quit.title": ("Quit?", "Beenden?"),
        "tui.quit.unsaved": ("Saving is off (--no-save): your answers will be lost.",
                             "Speichern ist aus (--no-save): Ihre Antworten gehen verloren."),
        "tui.start_over.title": ("Start over?", "Von vorn beginnen?"),
        "tui.start_over.question": ("This deletes all your answers.", "Damit werden alle Ihre Antworten gelöscht."),

        // Window too small
        "tui.small.size": ("The window is {0}x{1}.", "Das Fenster ist {0}x{1} groß."),
        "tui.small.needs": ("backtriage needs at least {0}x{1}.", "backtriage braucht mindestens {0}x{1}."),
        "tui.small.enlarge": ("Enlarge it, or quit and start", "Vergrößern Sie es, oder beenden Sie und starten Sie"),
        "tui.small.kept": ("Your answers are kept.", "Ihre Antworten bleiben erhalten."),
        "tui.small.not_kept": ("Saving is off: quitting loses your answers.", "Speichern ist aus: Beim Beenden gehen die Antworten verloren."),

        // Command line
    ]
}
