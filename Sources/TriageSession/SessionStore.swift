#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit


/// Answers saved between runs, so a person can stop and continue later.
public struct SavedSession: Sendable, Equatable {
    public var questionnaire: String
    public var version: String
    public var answers: AnswerSet
    public var savedAt: Date
    /// The episode (its uuid) these answers check in to; nil for a first questionnaire or a
    /// new episode.
    public var checkInEpisode: String?

    public init(questionnaire: String, version: String, answers: AnswerSet, savedAt: Date, checkInEpisode: String? = nil) {
        self.questionnaire = questionnaire
        self.version = version
        self.answers = answers
        self.savedAt = savedAt
        self.checkInEpisode = checkInEpisode
    }
}

/// Keeps one answer file per questionnaire under `$XDG_STATE_HOME/backtriage` (default
/// `~/.local/state/backtriage`). Files are private (0600 in a 0700 folder) and replaced
/// atomically, so a crash or a full disk never leaves half a file. Holds only the questionnaire
/// id, its version, the answers and when they were saved.
public struct SessionStore: Sendable {
    /// The folder holding the files.
    public var directory: String

    public init(directory: String) { self.directory = directory }

    /// The store at the standard place for this user.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(directory: Self.defaultDirectory(environment: environment))
    }

    /// `$XDG_STATE_HOME/backtriage`, else `$HOME/.local/state/backtriage`. A relative
    /// XDG_STATE_HOME is ignored, as the XDG specification asks.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/backtriage" }
        return FilePath.home(environment) + "/.local/state/backtriage"
    }

    /// The session file of a questionnaire.
    public func sessionPath(questionnaire id: String) -> String { directory + "/" + id + ".json" }

    /// The saved session, nil when there is none. A file that cannot be read is an error, so it
    /// is reported instead of silently overwritten.
    public func load(questionnaire id: String) throws(FileError) -> SavedSession? {
        let path = sessionPath(questionnaire: id)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do throws(FileContents.Problem) {
            data = Data(try FileContents.read(path))
        } catch {
            throw FileError(path: path, message: "cannot read the saved answers: \(error.reason)")
        }
        do {
            let file = try JSONDecoder().decode(SessionFile.self, from: data)
            guard let savedAt = Timestamp.parse(file.saved_at) else {
                throw FileError(path: path, message: "saved_at is not a date")
            }
            return SavedSession(questionnaire: file.questionnaire, version: file.version,
                                answers: AnswerSet(Dictionary(uniqueKeysWithValues: file.answers.map { (ItemID($0.key), $0.value.value) })),
                                savedAt: savedAt, checkInEpisode: file.check_in_episode)
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(path: path, message: "the saved answers are damaged (\(error)); delete the file to start afresh")
        }
    }

    /// Saves the answers, replacing the previous file atomically.
    public func save(_ session: SavedSession) throws(FileError) {
        let file = SessionFile(questionnaire: session.questionnaire, version: session.version,
                               answers: Dictionary(uniqueKeysWithValues: session.answers.values.map { ($0.key.rawValue, StoredValue($0.value)) }),
                               saved_at: Timestamp.format(session.savedAt),
                               check_in_episode: session.checkInEpisode)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(file) } catch {
            throw FileError(path: sessionPath(questionnaire: session.questionnaire), message: "cannot encode the answers: \(error)")
        }
        try writeAtomically(data, to: sessionPath(questionnaire: session.questionnaire))
    }

    /// Removes the saved session (starting over).
    public func delete(questionnaire id: String) throws(FileError) {
        let path = sessionPath(questionnaire: id)
        if unlink(path) != 0 && errno != ENOENT {
            throw FileError(path: path, message: "cannot delete: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes a summary sheet beside the sessions (private, like them) and returns its path:
    /// `summary-<questionnaire>-<day>-<time>-<language>.<extension>`, so a later save, or one in
    /// another language, never overwrites an earlier one.
    public func saveSummary(_ text: String, questionnaire id: String, at moment: Date, language: Language,
                            fileExtension: String) throws(FileError) -> String {
        let path = directory + "/" + Self.summaryName(questionnaire: id, at: moment, language: language, fileExtension: fileExtension)
        try writeAtomically(Data(text.utf8), to: path)
        return path
    }

    /// The file name of a summary saved at `moment` (UTC, so the name sorts by time).
    public static func summaryName(questionnaire id: String, at moment: Date, language: Language, fileExtension: String) -> String {
        let c = Calendar.utc.dateComponents([.hour, .minute, .second], from: moment)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : String(v) }
        return "summary-\(id)-\(AnswerValidation.formatDate(moment))-\(two(c.hour))\(two(c.minute))\(two(c.second))-\(language.rawValue).\(fileExtension)"
    }

    /// Replaces the file at `path` atomically, creating the private folder first.
    private func writeAtomically(_ data: Data, to path: String) throws(FileError) {
        try ensureDirectory()
        try AtomicFile.write([UInt8](data), to: path)
    }

    private func ensureDirectory() throws(FileError) { try PrivateFolder.make(directory) }

}

/// The file as stored: these four fields, and for a check-in the episode it belongs to.
private struct SessionFile: Codable {
    var questionnaire: String
    var version: String
    var answers: [String: StoredValue]
    var saved_at: String
    var check_in_episode: String?
}

/// An answer in JSON: true/false, a number, a string or a list of option ids.
private struct StoredValue: Codable {
    var value: Value

    init(_ value: Value) { self.value = value }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Bool before Double: a JSON number must not be read as a yes/no.
        if let b = try? container.decode(Bool.self) { value = .bool(b) }
        else if let n = try? container.decode(Double.self) { value = .number(n) }
        else if let s = try? container.decode(String.self) { value = .string(s) }
        else { value = .list(try container.decode([String].self)) }
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .bool(let b): try container.encode(b)
        case .number(let n): try container.encode(n)
        case .string(let s): try container.encode(s)
        case .list(let l): try container.encode(l)
        }
    }
}
