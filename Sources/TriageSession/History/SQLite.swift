import CSQLite
import TriageKit


/// Why the history could not be read or written: the database file and a reason a person can
/// act on (SQLite's words, with the operating system's where it has one).
public struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// A value bound to or read from a statement.
enum SQLValue: Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// One connection to an SQLite database, used from one thread at a time. Every change goes
/// through `transaction`, which takes the write lock at its start (BEGIN IMMEDIATE): a second
/// process then waits for the lock (the busy timeout) instead of failing half-way through.
final class SQLiteConnection {
    let path: String
    private let handle: OpaquePointer

    /// How long a write waits for another process's write to end. A check-in writes in
    /// milliseconds; five seconds covers a slow disk without hanging a terminal for long.
    static let busyTimeoutMilliseconds: Int32 = 5_000

    init(path: String) throws(HistoryError) {
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let error = db.map { Self.error(path, "cannot open the history", $0, code) }
                ?? HistoryError(path: path, message: "cannot open the history: " + String(cString: sqlite3_errstr(code)))
            if let db { sqlite3_close_v2(db) }
            throw error
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Runs SQL without results (several statements may follow one another).
    func execute(_ sql: String) throws(HistoryError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error("cannot update the history", code) }
    }

    func prepare(_ sql: String) throws(HistoryError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error("cannot read the history", code) }
        return SQLiteStatement(statement, connection: self)
    }

    /// The rows `sql` gives with `values` bound, each read by `row`.
    func query<T>(_ sql: String, _ values: [SQLValue] = [], _ row: (SQLiteStatement) throws(HistoryError) -> T) throws(HistoryError) -> [T] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var out: [T] = []
        while try statement.step() { out.append(try row(statement)) }
        return out
    }

    /// Runs one statement that changes rows; returns how many it changed.
    @discardableResult
    func run(_ sql: String, _ values: [SQLValue] = []) throws(HistoryError) -> Int {
        let statement = try prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// A single integer, such as `PRAGMA user_version`.
    func integer(_ sql: String) throws(HistoryError) -> Int64 {
        try query(sql) { $0.int64(0) }.first ?? 0
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Runs `body` in a write transaction: all of it is stored, or none of it (an error rolls
    /// back, and a process killed half-way leaves the database as it was before).
    @discardableResult
    func transaction<T>(_ body: () throws(HistoryError) -> T) throws(HistoryError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            _ = sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    func error(_ what: String, _ code: Int32) -> HistoryError { Self.error(path, what, handle, code) }

    /// A message for `code` that says what to do where there is something to do.
    static func error(_ path: String, _ what: String, _ db: OpaquePointer, _ code: Int32) -> HistoryError {
        let primary = code & 0xFF
        let os = sqlite3_system_errno(db)
        let osReason = os != 0 ? " (" + String(cString: strerror(os)) + ")" : ""
        let reason: String
        switch primary {
        case SQLITE_BUSY, SQLITE_LOCKED:
            reason = "another backtriage has kept the history busy for over \(busyTimeoutMilliseconds / 1000) seconds; try again"
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            reason = "the file is damaged or is not a backtriage history; move it away to start a new history"
        case SQLITE_FULL:
            reason = "the disk is full" + osReason
        case SQLITE_READONLY:
            reason = "the history cannot be written (read-only)" + osReason
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_IOERR:
            reason = String(cString: sqlite3_errmsg(db)) + osReason
        default:
            reason = String(cString: sqlite3_errmsg(db))
        }
        return HistoryError(path: path, message: what + ": " + reason)
    }
}

/// A prepared statement; finalized when the last reference goes.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    func bind(_ values: [SQLValue]) throws(HistoryError) {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(statement, index)
            case .integer(let n): code = sqlite3_bind_int64(statement, index, n)
            case .real(let n): code = sqlite3_bind_double(statement, index, n)
            case .text(let s): code = sqlite3_bind_text(statement, index, s, -1, bt_sqlite_transient())
            }
            guard code == SQLITE_OK else { throw connection.error("cannot use a value", code) }
        }
    }

    /// Moves to the next row: true while there is one.
    func step() throws(HistoryError) -> Bool {
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.error("cannot read or write the history", code)
        }
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: bytes)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
}
