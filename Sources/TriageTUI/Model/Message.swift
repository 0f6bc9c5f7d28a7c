import TriageKit
import TriageReport
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
    /// Keep the answers between runs (the runner stamps the time); a check-in names the
    /// episode it belongs to, so that it continues as one.
    case saveAnswers(AnswerSet, checkIn: String? = nil)
    case deleteAnswers
    /// Write the summary sheet as text and HTML beside the saved answers.
    case saveSheets(SheetTexts)
    /// Send the text sheet to the printer (`lp`); without one, save it instead.
    case printSheet(SheetTexts)
    /// Copy saved sheets into the current folder.
    case copyHere([String])
    /// Show a file with the desktop's viewer (`xdg-open`).
    case open(String)
    /// Add the result to the episode history, then remove the saved answers (they are in the
    /// history now); when it cannot be recorded, keep the answers saved instead.
    case recordResult(ResultToRecord)
    /// The pain is gone: end the open episode.
    case endEpisode
    /// Read the history for its page.
    case loadHistory
    case quit
}

/// A finished session to add to the history, in the language it was answered in.
public struct ResultToRecord: Sendable, Equatable {
    public var session: Session
    public var language: Language

    public init(session: Session, language: Language) {
        self.session = session
        self.language = language
    }

    public static func == (a: ResultToRecord, b: ResultToRecord) -> Bool {
        a.session.answers == b.session.answers && a.session.checkIn?.episode == b.session.checkIn?.episode && a.language == b.language
    }
}

/// The episodes of the history with their check-ins, as read for the history page.
public struct HistoryEpisodes: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var episode: Episode
        public var checkIns: [CheckInRecord]
    }
    public var entries: [Entry]

    public init(_ episodes: [(episode: Episode, checkIns: [CheckInRecord])]) {
        entries = episodes.map { Entry(episode: $0.episode, checkIns: $0.checkIns) }
    }

    public var tuples: [(episode: Episode, checkIns: [CheckInRecord])] { entries.map { ($0.episode, $0.checkIns) } }
}

/// The summary sheet in the formats the results screen saves, in one language.
public struct SheetTexts: Sendable, Equatable {
    public var text: String
    public var html: String
    public var language: Language
    /// The text sheet for a printer: its pages separated by form feeds.
    public var printable: String
    public init(text: String, html: String, language: Language, printable: String? = nil) {
        self.text = text
        self.html = html
        self.language = language
        self.printable = printable ?? text
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
    case episodeEnded
    case historyLoaded(HistoryEpisodes)
    /// The history could not be read or written; the answers were kept saved instead.
    case historyFailed(String)
}

/// Why printing (or another helper program) failed; the words come from the strings.
public enum PrintProblem: Error, Sendable, Equatable {
    /// What the program wrote on its error output (or standard output).
    case said(String)
    /// It ended with this status and said nothing.
    case status(Int32)
    case timedOut(seconds: Int)
}
