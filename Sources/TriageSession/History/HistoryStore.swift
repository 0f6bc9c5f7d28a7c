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
import TriageReport


/// The episode history: one SQLite database at `$XDG_DATA_HOME/backtriage/history.sqlite3`
/// (default `~/.local/share/backtriage`), private to its owner (0600 in a 0700 folder, and so
/// are SQLite's `-wal` and `-shm` files, which take the database's mode). Every change is one
/// transaction, so a crash or a kill leaves each check-in stored whole or not at all; the
/// write-ahead log and a busy timeout let two terminals use it at once.
///
/// A connection: use it from one thread at a time.
public final class HistoryStore {
    public static let fileName = "history.sqlite3"

    public let path: String
    let db: SQLiteConnection

    /// Opens the history at `path`, creating it (and its private folder) when missing, and
    /// brings an earlier version's tables up to date.
    public init(path: String) throws(HistoryError) {
        self.path = path
        try Self.preparePrivateFile(path)
        db = try SQLiteConnection(path: path)
        // WAL: readers do not wait for a writer, and a writer appends instead of rewriting.
        // FULL: a check-in that was reported stored survives a power cut, not only a crash.
        // secure_delete: what is deleted is overwritten, not left in free pages.
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON")
        try HistorySchema.migrate(db)
    }

    /// The history at `path` if there is one: commands that only read it never create it.
    public static func existing(path: String) throws(HistoryError) -> HistoryStore? {
        access(path, F_OK) == 0 ? try HistoryStore(path: path) : nil
    }

    /// `$XDG_DATA_HOME/backtriage/history.sqlite3`, else under `$HOME/.local/share`. A relative
    /// XDG_DATA_HOME is ignored, as the XDG specification asks.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/backtriage/" + fileName }
        return FilePath.home(environment) + "/.local/share/backtriage/" + fileName
    }

    /// The version of the tables this program writes, which exports name.
    public static var schemaVersion: Int { HistorySchema.current }

    /// The files SQLite keeps for a database at `path`.
    public static func files(of path: String) -> [String] { [path, path + "-wal", path + "-shm", path + "-journal"] }

    // MARK: Reading

    /// Every episode, of one questionnaire or of all, in the order they began.
    public func episodes(questionnaire: String? = nil) throws(HistoryError) -> [Episode] {
        let filter = questionnaire == nil ? "" : " WHERE questionnaire = ?"
        return try db.query("SELECT \(Self.episodeColumns) FROM episode\(filter) ORDER BY start_day, id",
                            questionnaire.map { [.text($0)] } ?? []) { row throws(HistoryError) in try self.episode(row) }
    }

    /// The open episode of a questionnaire (the newest, should there be more than one).
    public func openEpisode(questionnaire: String) throws(HistoryError) -> Episode? {
        try db.query("SELECT \(Self.episodeColumns) FROM episode WHERE questionnaire = ? AND closed_on IS NULL ORDER BY id DESC LIMIT 1",
                     [.text(questionnaire)]) { row throws(HistoryError) in try self.episode(row) }.first
    }

    public func episode(id: Int64) throws(HistoryError) -> Episode? {
        try db.query("SELECT \(Self.episodeColumns) FROM episode WHERE id = ?", [.integer(id)]) { row throws(HistoryError) in
            try self.episode(row)
        }.first
    }

    /// The check-ins of an episode, in the order they were answered.
    public func checkIns(of episode: Episode) throws(HistoryError) -> [CheckInRecord] {
        try db.query("SELECT \(Self.checkInColumns) FROM check_in WHERE episode_id = ? ORDER BY answered_on, id",
                     [.integer(episode.id)]) { row throws(HistoryError) in try self.checkIn(row, questionnaire: episode.questionnaire) }
    }

    /// The check-in of a questionnaire stored last.
    public func latestCheckIn(questionnaire: String) throws(HistoryError) -> CheckInRecord? {
        try db.query("""
            SELECT \(Self.checkInColumns.split(separator: ",").map { "c." + $0.trimmingPrefix(" ") }.joined(separator: ", "))
            FROM check_in c JOIN episode e ON e.id = c.episode_id WHERE e.questionnaire = ? ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1
            """, [.text(questionnaire)]) { row throws(HistoryError) in try self.checkIn(row, questionnaire: questionnaire) }.first
    }

    /// How much the history holds.
    public func counts() throws(HistoryError) -> (episodes: Int, checkIns: Int) {
        (Int(try db.integer("SELECT count(*) FROM episode")), Int(try db.integer("SELECT count(*) FROM check_in")))
    }

    // MARK: Writing

    /// Stores a check-in, and for a new episode the episode, in one transaction. Returns both
    /// as stored.
    @discardableResult
    public func record(_ new: NewCheckIn, to target: CheckInTarget, at moment: Date) throws(HistoryError) -> (Episode, CheckInRecord) {
        let answers = Self.encode(new.answers)
        let id: Int64 = try db.transaction { () throws(HistoryError) -> Int64 in
            let episodeID: Int64
            switch target {
            case .episode(let id, let correctedStart):
                guard try db.query("SELECT count(*) FROM episode WHERE id = ?", [.integer(id)], { $0.int64(0) }).first == 1 else {
                    throw HistoryError(path: path, message: "the episode to check in to is no longer in the history (deleted meanwhile?)")
                }
                if let correctedStart {
                    try db.run("UPDATE episode SET start_day = ? WHERE id = ?", [.text(AnswerValidation.formatDate(correctedStart)), .integer(id)])
                }
                episodeID = id
            case .newEpisode(let start, let kind):
                try db.run("UPDATE episode SET closed_on = ?, ending = ? WHERE questionnaire = ? AND closed_on IS NULL",
                           [.text(AnswerValidation.formatDate(new.answeredOn)), .text(Episode.Ending.replaced.rawValue), .text(new.questionnaire)])
                try db.run("INSERT INTO episode (uuid, questionnaire, version, kind, start_day, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           [.text(Self.newUUID()), .text(new.questionnaire), .text(new.version), kind.map(SQLValue.text) ?? .null,
                            .text(AnswerValidation.formatDate(start)), .text(Timestamp.format(moment))])
                episodeID = db.lastInsertRowID
            }
            try db.run("""
                INSERT INTO check_in (uuid, episode_id, answered_on, recorded_at, version, language, answers, level, weeks,
                                      next_check_on, next_check_weeks)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(Self.newUUID()), .integer(episodeID), .text(AnswerValidation.formatDate(new.answeredOn)),
                      .text(Timestamp.format(moment)), .text(new.version), .text(new.language.rawValue), .text(answers),
                      .text(new.level), new.weeks.map(SQLValue.real) ?? .null,
                      new.nextCheck.map { .text(AnswerValidation.formatDate($0.date)) } ?? .null,
                      new.nextCheck.map { .real($0.weeks) } ?? .null])
            return db.lastInsertRowID
        }
        guard let checkIn = try db.query("SELECT \(Self.checkInColumns) FROM check_in WHERE id = ?", [.integer(id)], { row throws(HistoryError) in
                  try self.checkIn(row, questionnaire: new.questionnaire) }).first,
              let episode = try episode(id: checkIn.episodeID) else {
            throw HistoryError(path: path, message: "the check-in was stored but cannot be read back")
        }
        return (episode, checkIn)
    }

    /// Ends an episode on `day`.
    public func close(_ episode: Episode, on day: Date, ending: Episode.Ending) throws(HistoryError) {
        try db.transaction { () throws(HistoryError) in
            try db.run("UPDATE episode SET closed_on = ?, ending = ? WHERE id = ?",
                       [.text(AnswerValidation.formatDate(day)), .text(ending.rawValue), .integer(episode.id)])
        }
    }

    /// Deletes every episode and check-in, overwriting them on disk, and empties the
    /// write-ahead log. Returns what was deleted. Another terminal reading the history meanwhile
    /// sees all of it or none of it.
    @discardableResult
    public func deleteEverything() throws(HistoryError) -> (episodes: Int, checkIns: Int) {
        let counts = try db.transaction { () throws(HistoryError) -> (episodes: Int, checkIns: Int) in
            let counts = try self.counts()
            try db.run("DELETE FROM check_in")
            try db.run("DELETE FROM episode")
            return counts
        }
        // The log still holds the deleted pages until a checkpoint copies the database over them.
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return counts
    }

    // MARK: Rows

    private static let episodeColumns = "id, uuid, questionnaire, version, kind, start_day, created_at, closed_on, ending"
    private static let checkInColumns = """
        id, uuid, episode_id, answered_on, recorded_at, version, language, answers, level, weeks, next_check_on, next_check_weeks
        """

    private func episode(_ row: SQLiteStatement) throws(HistoryError) -> Episode {
        let id = row.int64(0)
        func damaged(_ what: String) -> HistoryError {
            HistoryError(path: path, message: "episode \(id) has \(what); the history is damaged")
        }
        guard let start = AnswerValidation.parseDate(row.text(5)) else { throw damaged("no valid start day") }
        let closedOn = try row.optionalText(7).map { text throws(HistoryError) -> Date in
            guard let day = AnswerValidation.parseDate(text) else { throw damaged("no valid end day") }
            return day
        }
        return Episode(id: id, uuid: row.text(1), questionnaire: row.text(2), version: row.text(3), kind: row.optionalText(4),
                       start: start, createdAt: Timestamp.parse(row.text(6)) ?? start, closedOn: closedOn,
                       ending: row.optionalText(8).flatMap(Episode.Ending.init(rawValue:)))
    }

    private func checkIn(_ row: SQLiteStatement, questionnaire: String) throws(HistoryError) -> CheckInRecord {
        let id = row.int64(0)
        func damaged(_ what: String) -> HistoryError {
            HistoryError(path: path, message: "check-in \(id) has \(what); the history is damaged")
        }
        guard let day = AnswerValidation.parseDate(row.text(3)) else { throw damaged("no valid day") }
        guard let answers = Self.decode(row.text(7), questionnaire: questionnaire) else { throw damaged("answers that cannot be read") }
        var next: CheckInRecord.NextCheck?
        if let text = row.optionalText(10), let date = AnswerValidation.parseDate(text), let weeks = row.optionalDouble(11) {
            next = .init(date: date, weeks: weeks)
        }
        return CheckInRecord(id: id, uuid: row.text(1), episodeID: row.int64(2), answeredOn: day,
                             recordedAt: Timestamp.parse(row.text(4)) ?? day, version: row.text(5),
                             language: Language(rawValue: row.text(6)) ?? .en, answers: answers, level: row.text(8),
                             weeks: row.optionalDouble(9), nextCheck: next)
    }

    // MARK: Answers as JSON

    /// The answers as the `answers` object of an answer file, keys in order.
    static func encode(_ answers: AnswerSet) -> String {
        JSON.object(answers.values.sorted { $0.key < $1.key }.map { ($0.key.rawValue, JSON($0.value)) }).serialized()
    }

    /// Read by the answer-file reader, so stored answers and answer files are one format.
    static func decode(_ text: String, questionnaire: String) -> AnswerSet? {
        let document = "{\"questionnaire\": " + JSON.string(questionnaire).serialized() + ", \"answers\": " + text + "}"
        return try? AnswerFileReader.parse(document, path: "history").answers
    }

    static func newUUID() -> String { UUID().uuidString.lowercased() }

    // MARK: Files

    /// Creates the folder (0700) and an empty database file (0600) before SQLite opens it, so
    /// the file is never readable by others, not even for a moment.
    static func preparePrivateFile(_ path: String) throws(HistoryError) {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !folder.isEmpty { try makeFolders(folder) }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw HistoryError(path: path, message: "cannot create the history: " + String(cString: strerror(errno)))
        }
        var info = stat()
        // Tightened when a file of ours is looser; someone else's file is left alone (and SQLite
        // will say whether it can be used).
        if fstat(fd, &info) == 0, info.st_uid == getuid(), info.st_mode & 0o077 != 0 { fchmod(fd, 0o600) }
        closeDescriptor(fd)
    }

    /// Creates each missing folder of `folder` with mode 0700; the last one, the program's own,
    /// is made 0700 even when it exists.
    private static func makeFolders(_ folder: String) throws(HistoryError) {
        do throws(FileError) { try PrivateFolder.make(folder) } catch {
            throw HistoryError(path: error.path, message: error.message)
        }
    }
}

/// close(2), out of reach of `HistoryStore.close`.
private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
