import TriageKit
import TriageSession

/// What `update` reacts to: a key, or what came of an effect. Everything that changes the state
/// comes through here, so the state changes in one place.
public enum Message: Sendable, Equatable {
    case key(Key)
    case done(EffectResult)
}

/// Work the loop does after `update`: files, the printer, leaving. `update` itself never touches
/// the world; what comes of the work returns to it as a `Message.done`.
public enum Effect: Sendable, Equatable {
    /// Keep the answers between runs (the runner stamps the time).
    case saveAnswers(AnswerSet)
    case deleteAnswers
    /// Write the summary sheet as text and HTML beside the saved answers.
    case saveSheets(SheetTexts)
    /// Send the text sheet to the printer (`lp`); without one, save it instead.
    case printSheet(SheetTexts)
    /// Copy saved sheets into the current folder.
    case copyHere([String])
    /// Show a file with the desktop's viewer (`xdg-open`).
    case open(String)
    case quit
}

/// The summary sheet in the formats the results screen saves, in one language.
public struct SheetTexts: Sendable, Equatable {
    public var text: String
    public var html: String
    public var language: Language
    public init(text: String, html: String, language: Language) {
        self.text = text
        self.html = html
        self.language = language
    }
}

/// What came of an effect that the person should hear about. Effects that simply worked (a
/// saved answer) report nothing.
public enum EffectResult: Sendable, Equatable {
    case answersNotSaved(String)
    case sheetsSaved(text: String, html: String)
    case sheetsNotSaved(String)
    case printed(jobLine: String)
    case printFailed(PrintProblem)
    /// No `lp`: the sheet was saved to these files instead.
    case printerMissing(text: String, html: String)
    case copied([String])
    case copyFailed(String)
    case openFailed(String)
}

/// Why printing (or another helper program) failed; the words come from the strings.
public enum PrintProblem: Error, Sendable, Equatable {
    /// What the program wrote on its error output (or standard output).
    case said(String)
    /// It ended with this status and said nothing.
    case status(Int32)
    case timedOut(seconds: Int)
}
