/// The tables of the history and how a database of an earlier version is brought up to date.
/// `PRAGMA user_version` holds the version a database has; a database is migrated step by step,
/// all steps in one transaction, so it is at its old version or the new one, never between.
///
/// A released migration is never edited: a change to the tables is a new entry at the end, and
/// `Tests/TriageSessionTests/Fixtures/schema-vN.sql` keeps each version's tables with rows of
/// data, from which a test migrates to the current version.
enum HistorySchema {
    /// Migration `i` takes a database from version `i` to version `i + 1`.
    static let migrations: [String] = [
        // Version 1: episodes and their check-ins.
        """
        CREATE TABLE episode (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            questionnaire TEXT NOT NULL,
            version TEXT NOT NULL,
            kind TEXT,
            start_day TEXT NOT NULL,
            created_at TEXT NOT NULL,
            closed_on TEXT,
            ending TEXT CHECK (ending IN ('resolved', 'replaced')),
            CHECK ((closed_on IS NULL) = (ending IS NULL))
        );
        CREATE INDEX episode_open ON episode (questionnaire, closed_on);
        CREATE TABLE check_in (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            episode_id INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
            answered_on TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            version TEXT NOT NULL,
            language TEXT NOT NULL,
            answers TEXT NOT NULL,
            level TEXT NOT NULL,
            weeks REAL,
            next_check_on TEXT,
            next_check_weeks REAL
        );
        CREATE INDEX check_in_episode ON check_in (episode_id, answered_on);
        """,
    ]

    /// The version this program writes.
    static var current: Int { migrations.count }

    /// Brings the database to the current version. Two processes starting at once both get
    /// here: the write lock makes the second wait and then find nothing left to do.
    static func migrate(_ db: SQLiteConnection) throws(HistoryError) {
        // Reading before the lock spares every start but the first a write transaction.
        if try db.integer("PRAGMA user_version") == Int64(current) { return }
        try db.transaction { () throws(HistoryError) in
            let found = Int(try db.integer("PRAGMA user_version"))
            guard found <= current else {
                throw HistoryError(path: db.path, message: "the history was written by a newer backtriage (schema version \(found); "
                                   + "this one knows up to \(current)); update backtriage to read it")
            }
            for step in found..<current {
                do throws(HistoryError) {
                    try db.execute(migrations[step])
                } catch {
                    throw HistoryError(path: db.path, message: "cannot update the history from version \(step) to \(step + 1): "
                                       + error.message + "; it is left as it was")
                }
            }
            try db.execute("PRAGMA user_version = \(current)")
        }
    }
}
