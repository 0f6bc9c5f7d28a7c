import Foundation
import Testing
import TriageKit
import TriageReport
@testable import TriageSession
import TriageTestSupport

private func newCheckIn(_ answers: AnswerSet, on answered: String, level: String = "self_care", weeks: Double? = 2,
                        next: CheckInRecord.NextCheck? = nil) -> NewCheckIn {
    NewCheckIn(questionnaire: "back-pain", version: "2.0.0", language: .en, answeredOn: day(answered), answers: answers,
               level: level, weeks: weeks, nextCheck: next)
}

@Suite("History store")
struct HistoryStoreTests {
    @Test func theDatabaseIsPrivateInAPrivateFolderWithItsLogFiles() throws {
        let folder = temporaryFolder() + "/data/backtriage"
        let path = folder + "/history.sqlite3"
        let store = try HistoryStore(path: path)
        try store.record(newCheckIn(Fixtures.baseline(), on: "2026-11-23"), to: .newEpisode(start: day("2026-11-09"), kind: "lower_back"),
                         at: Date())
        #expect(mode(folder) == 0o700)
        #expect(mode(path) == 0o600)
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
        #expect(try store.db.query("PRAGMA journal_mode") { $0.text(0) } == ["wal"])
    }

    @Test func aLooseFileOfOursIsMadePrivate() throws {
        let path = temporaryFolder() + "/history.sqlite3"
        FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644])
        _ = try HistoryStore(path: path)
        #expect(mode(path) == 0o600)
    }

    @Test func aCheckInIsReadBackAsStored() throws {
        let store = try HistoryStore(path: temporaryFolder() + "/h.sqlite3")
        var answers = Fixtures.baseline(["duration_weeks": .number(2.5), "intensity": .number(6)])
        answers["comment"] = .string("\"quoted\", with \\ and ü")
        answers["picked"] = .list(["a", "b"])
        let next = CheckInRecord.NextCheck(date: day("2026-12-21"), weeks: 6)
        let moment = Date(timeIntervalSince1970: 1_795_421_700)
        let (episode, record) = try store.record(newCheckIn(answers, on: "2026-11-23", weeks: 2.5, next: next),
                                                 to: .newEpisode(start: day("2026-11-06"), kind: "lower_back"), at: moment)
        #expect(episode.start == day("2026-11-06"))
        #expect(episode.kind == "lower_back" && episode.isOpen)
        #expect(record.answers == answers)
        #expect(record.nextCheck == next)
        #expect(record.weeks == 2.5)
        #expect(record.recordedAt == moment)
        #expect(try store.checkIns(of: episode) == [record])
        #expect(try store.latestCheckIn(questionnaire: "back-pain") == record)
    }

    @Test func aNewEpisodeEndsTheOpenOneAsReplaced() throws {
        let store = try HistoryStore(path: temporaryFolder() + "/h.sqlite3")
        let (first, _) = try store.record(newCheckIn(Fixtures.baseline(), on: "2026-11-23"),
                                          to: .newEpisode(start: day("2026-11-16"), kind: "lower_back"), at: Date())
        let (second, _) = try store.record(newCheckIn(Fixtures.baseline(), on: "2026-12-01"),
                                           to: .newEpisode(start: day("2026-11-30"), kind: "neck"), at: Date())
        let episodes = try store.episodes()
        #expect(episodes.map(\.id) == [first.id, second.id])
        #expect(episodes[0].ending == .replaced && episodes[0].closedOn == day("2026-12-01"))
        #expect(try store.openEpisode(questionnaire: "back-pain")?.id == second.id)
        try store.close(second, on: day("2026-12-10"), ending: .resolved)
        #expect(try store.openEpisode(questionnaire: "back-pain") == nil)
        #expect(try store.episodes().last?.ending == .resolved)
    }

    @Test func aCorrectedStartMovesTheEpisode() throws {
        let store = try HistoryStore(path: temporaryFolder() + "/h.sqlite3")
        let (episode, _) = try store.record(newCheckIn(Fixtures.baseline(), on: "2026-11-23"),
                                            to: .newEpisode(start: day("2026-11-09"), kind: nil), at: Date())
        let (moved, _) = try store.record(newCheckIn(Fixtures.baseline(), on: "2026-12-21", weeks: 7),
                                          to: .episode(id: episode.id, correctedStart: day("2026-11-02")), at: Date())
        #expect(moved.id == episode.id && moved.start == day("2026-11-02"))
        #expect(try store.checkIns(of: moved).count == 2)
    }

    @Test func aCheckInToAMissingEpisodeIsRefusedAndNothingIsStored() throws {
        let store = try HistoryStore(path: temporaryFolder() + "/h.sqlite3")
        #expect(throws: HistoryError.self) {
            try store.record(newCheckIn(Fixtures.baseline(), on: "2026-11-23"), to: .episode(id: 42, correctedStart: nil), at: Date())
        }
        #expect(try store.counts() == (0, 0))
    }

    @Test func twoConnectionsSeeEachOthersCheckIns() throws {
        let path = temporaryFolder() + "/h.sqlite3"
        let a = try HistoryStore(path: path), b = try HistoryStore(path: path)
        let (episode, _) = try a.record(newCheckIn(Fixtures.baseline(), on: "2026-11-23"),
                                        to: .newEpisode(start: day("2026-11-09"), kind: nil), at: Date())
        try b.record(newCheckIn(Fixtures.baseline(), on: "2026-12-21"), to: .episode(id: episode.id, correctedStart: nil), at: Date())
        try a.record(newCheckIn(Fixtures.baseline(), on: "2026-12-22"), to: .episode(id: episode.id, correctedStart: nil), at: Date())
        #expect(try a.checkIns(of: episode).count == 3)
        #expect(try b.checkIns(of: episode).map(\.answeredOn) == [day("2026-11-23"), day("2026-12-21"), day("2026-12-22")])
    }

    @Test func deletingEverythingLeavesAnEmptyHistory() throws {
        let path = temporaryFolder() + "/h.sqlite3"
        let store = try HistoryStore(path: path)
        let (episode, _) = try store.record(newCheckIn(Fixtures.baseline(), on: "2026-11-23"),
                                            to: .newEpisode(start: day("2026-11-09"), kind: nil), at: Date())
        try store.record(newCheckIn(Fixtures.baseline(), on: "2026-12-21"), to: .episode(id: episode.id, correctedStart: nil), at: Date())
        let deleted = try store.deleteEverything()
        #expect(deleted == (1, 2))
        #expect(try store.counts() == (0, 0))
        #expect(try HistoryStore(path: path).episodes().isEmpty)
    }

    @Test func readingCommandsDoNotCreateAHistory() throws {
        let path = temporaryFolder() + "/none/h.sqlite3"
        #expect(try HistoryStore.existing(path: path) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotAHistoryIsReportedWithWhatToDo() throws {
        let path = temporaryFolder() + "/h.sqlite3"
        try Data("this is a text file, not a database, and it is long enough to be looked at".utf8).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: HistoryError.self) { _ = try HistoryStore(path: path) }
        #expect(error?.path == path)
        #expect(error?.message.contains("move it away to start a new history") == true, "\(String(describing: error))")
    }

    @Test func aFolderThatCannotBeMadeNamesThePathAndTheReason() throws {
        let blocker = temporaryFolder() + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        let error = #expect(throws: HistoryError.self) { _ = try HistoryStore(path: blocker + "/backtriage/h.sqlite3") }
        #expect(error?.description.contains(blocker) == true)
        #expect(error?.message.contains("Not a directory") == true, "\(String(describing: error))")
    }

    @Test func defaultPathFollowsXDG() {
        #expect(HistoryStore.defaultPath(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/a"]) == "/x/data/backtriage/history.sqlite3")
        #expect(HistoryStore.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/a"])
                == "/home/a/.local/share/backtriage/history.sqlite3")
        #expect(HistoryStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.local/share/backtriage/history.sqlite3")
    }

    /// Without HOME the history goes to the home folder the password database names for this
    /// user, never under the folder the program happens to be started in.
    @Test func defaultPathWithoutHomeIsTheUsersHomeFolder() throws {
        let entry = String(cString: try #require(getpwuid(getuid())?.pointee.pw_dir))
        #expect(HistoryStore.defaultPath(environment: [:]) == entry + "/.local/share/backtriage/history.sqlite3")
        #expect(HistoryStore.defaultPath(environment: ["HOME": ""]).hasPrefix("/"))
    }
}

@Suite("History schema")
struct HistorySchemaTests {
    /// The schema files kept for each version, by version.
    static var versions: [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).compactMap { name in
            guard name.hasPrefix("schema-v"), name.hasSuffix(".sql") else { return nil }
            return Int(name.dropFirst("schema-v".count).dropLast(".sql".count))
        }.sorted()
    }

    /// A database at `path` made from the fixture of `version`.
    static func make(_ version: Int, at path: String) throws {
        let sql = try String(contentsOfFile: fixtures + "/schema-v\(version).sql", encoding: .utf8)
        try SQLiteConnection(path: path).execute(sql)
    }

    @Test func everyVersionHasItsSchemaKept() {
        #expect(Self.versions == Array(1...HistorySchema.current))
    }

    @Test(arguments: versions)
    func aHistoryOfEveryEarlierVersionIsMigratedWithItsData(version: Int) throws {
        let path = temporaryFolder() + "/h.sqlite3"
        try Self.make(version, at: path)
        let store = try HistoryStore(path: path)
        #expect(try store.db.integer("PRAGMA user_version") == Int64(HistorySchema.current))
        let episodes = try store.episodes()
        #expect(episodes.map(\.kind) == ["neck", "lower_back"])
        #expect(episodes[0].ending == .resolved && episodes[1].isOpen)
        let checkIns = try store.checkIns(of: episodes[1])
        #expect(checkIns.count == 1)
        #expect(checkIns[0].answers["intensity"] == .number(6))
        #expect(checkIns[0].nextCheck == .init(date: day("2026-12-21"), weeks: 6))
        #expect(try store.checkIns(of: episodes[0]).first?.language == .de)
        // And it takes new check-ins.
        try store.record(NewCheckIn(questionnaire: "back-pain", version: "2.0.0", language: .en, answeredOn: day("2026-12-21"),
                                    answers: checkIns[0].answers, level: "see_doctor", weeks: 6, nextCheck: nil),
                         to: .episode(id: episodes[1].id, correctedStart: nil), at: Date())
        #expect(try store.checkIns(of: episodes[1]).count == 2)
    }

    @Test func theNewestKeptSchemaIsWhatTheMigrationsMake() throws {
        func schema(_ path: String) throws -> [String] {
            try SQLiteConnection(path: path).query("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name") {
                $0.text(0).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
        }
        let fresh = temporaryFolder() + "/fresh.sqlite3", kept = temporaryFolder() + "/kept.sqlite3"
        _ = try HistoryStore(path: fresh)
        try Self.make(HistorySchema.current, at: kept)
        #expect(try schema(fresh) == schema(kept))
    }

    @Test func aHistoryFromANewerVersionIsRefusedAndLeftAlone() throws {
        let path = temporaryFolder() + "/h.sqlite3"
        try SQLiteConnection(path: path).execute("CREATE TABLE future (x); PRAGMA user_version = \(HistorySchema.current + 1)")
        let error = #expect(throws: HistoryError.self) { _ = try HistoryStore(path: path) }
        #expect(error?.message.contains("newer backtriage") == true)
        #expect(try SQLiteConnection(path: path).integer("PRAGMA user_version") == Int64(HistorySchema.current + 1))
    }

    @Test func aMigrationThatFailsLeavesTheHistoryAsItWas() throws {
        let path = temporaryFolder() + "/h.sqlite3"
        // A table in the way of version 1's: its CREATE fails.
        try SQLiteConnection(path: path).execute("CREATE TABLE check_in (x); INSERT INTO check_in VALUES (7)")
        let error = #expect(throws: HistoryError.self) { _ = try HistoryStore(path: path) }
        #expect(error?.message.contains("from version 0 to 1") == true, "\(String(describing: error))")
        let db = try SQLiteConnection(path: path)
        #expect(try db.integer("PRAGMA user_version") == 0)
        #expect(try db.integer("SELECT count(*) FROM sqlite_master WHERE name = 'episode'") == 0)
        #expect(try db.integer("SELECT x FROM check_in") == 7)
    }
}
