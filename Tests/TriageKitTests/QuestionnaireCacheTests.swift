import Foundation
import Testing
import TriageTestSupport
@testable import TriageKit

/// The cache of compiled questionnaires gives the questionnaire the files give, or reads the
/// files again: never an older questionnaire, never a crash on a damaged file.
@Suite("Questionnaire cache")
struct QuestionnaireCacheTests {
    /// Every stored field of a value, private ones included, as text; the members of
    /// dictionaries and sets sorted, since two equal ones may list them in different orders.
    static func fields(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            return "{" + mirror.children.map { fields($0.value) }.sorted().joined(separator: ", ") + "}"
        case nil:
            return String(reflecting: value)
        default:
            guard !mirror.children.isEmpty else { return String(reflecting: value) }
            return "\(mirror.subjectType)(" + mirror.children.map { "\($0.label ?? "_"): " + fields($0.value) }
                .joined(separator: ", ") + ")"
        }
    }

    /// A copy of the shipped questionnaire's folder and an empty cache folder, removed at the end.
    final class Workspace {
        let root: String
        let entry: String
        let cacheFolder: String

        init() throws {
            root = NSTemporaryDirectory() + "cache-test-" + UUID().uuidString
            let questionnaire = root + "/back-pain"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: FilePath.folder(of: Fixtures.shippedEntry), toPath: questionnaire)
            entry = questionnaire + "/questionnaire.yaml"
            cacheFolder = root + "/cache/backtriage"
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func cache(stamp: String = "test 1", writes: Bool = true) -> QuestionnaireCache {
            QuestionnaireCache(folder: cacheFolder, stamp: stamp, writes: writes)
        }

        var cacheFile: String { cache().cacheFile(for: entry) }

        func edit(_ name: String, _ change: (String) -> String) throws {
            let path = FilePath.join(FilePath.folder(of: entry), name)
            try change(String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    /// The shipped questionnaire, its version 2.0.0 and the small one of the end-to-end tests:
    /// between them every kind of field, set and unset.
    static let questionnaires = ["Questionnaires/back-pain", "docs/content-history/back-pain-2.0.0", "Tests/e2e/fixtures/small"]

    @Test(arguments: questionnaires)
    func aCompiledQuestionnaireHasEveryFieldOfTheQuestionnaire(_ folder: String) throws {
        let q = try QuestionnaireLoader.load(path: Fixtures.root.appendingPathComponent(folder + "/questionnaire.yaml").path).get()
        let bytes = q.encoded()
        let back = try Questionnaire(decoding: bytes)
        #expect(Self.fields(back) == Self.fields(q))
        #expect(back.encoded() == bytes, "the same questionnaire gives the same bytes")
    }

    @Test func everyKindOfExpressionSurvivesTheCache() throws {
        let sources = [
            "a and (b or not c)", "x in ['one', 'two'] and 'v' not in multi", "age >= 18 and age < 65.5",
            "if a then 1 + 2 * 3 else -(4 / 2) - 1", "count(yes(a), b, c) != 2", "d == true or e == false or f <= 3",
            "[1, 2, [3]]", "n > 2.25",
        ]
        for source in sources {
            let expr = try ExpressionParser.parse(source)
            let resolved = expr.resolving(["a": 0, "age": 3])
            for e in [expr, resolved] {
                var w = ByteWriter()
                w.write(e)
                var table = ByteWriter()
                table.count(w.strings.count)
                for s in w.strings { table.literal(s) }
                try (table.bytes + w.bytes).withUnsafeBytes { bytes in
                    var r = ByteReader(bytes)
                    try r.stringTable()
                    #expect(try r.expr(depth: 0) == e, "\(source)")
                    #expect(r.isAtEnd)
                }
            }
        }
    }

    @Test func theSecondLoadComesFromTheCache() throws {
        let w = try Workspace()
        let first = w.cache().load(path: w.entry)
        #expect(first.origin == .files)
        #expect(FileManager.default.fileExists(atPath: w.cacheFile))
        let second = w.cache().load(path: w.entry)
        #expect(second.origin == .cache)
        let fromFiles = try #require(first.result.questionnaire)
        let fromCache = try #require(second.result.questionnaire)
        #expect(Self.fields(fromCache) == Self.fields(fromFiles))
    }

    @Test func aChangedFileIsReadAgain() throws {
        let w = try Workspace()
        _ = w.cache().load(path: w.entry)
        let included = try #require(Fixtures.shipped.files.dropFirst().first.map { FilePath.name(of: $0) })
        try w.edit(included) { $0 + "\n# a comment changes the file, not the questionnaire\n" }
        #expect(w.cache().load(path: w.entry).origin == .files, "an included file changed")
        #expect(w.cache().load(path: w.entry).origin == .cache)

        try w.edit("questionnaire.yaml") { $0.replacingOccurrences(of: "version: 3.0.0", with: "version: 3.0.1") }
        let edited = w.cache().load(path: w.entry)
        #expect(edited.origin == .files)
        #expect(edited.result.questionnaire?.version == "3.0.1")
        #expect(w.cache().load(path: w.entry).result.questionnaire?.version == "3.0.1")
    }

    @Test func anotherBuildsCacheIsNotRead() throws {
        let w = try Workspace()
        _ = w.cache(stamp: "build A").load(path: w.entry)
        #expect(w.cache(stamp: "build B").load(path: w.entry).origin == .files)
        #expect(w.cache(stamp: "build B").load(path: w.entry).origin == .cache)
    }

    @Test func aDamagedCacheFileIsReadAgainAndReplaced() throws {
        let w = try Workspace()
        let reference = Self.fields(try #require(w.cache().load(path: w.entry).result.questionnaire))
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: w.cacheFile)))
        var damaged: [[UInt8]] = [[], Array(good.prefix(good.count / 2)), Array(good.dropLast())]
        for position in stride(from: 0, to: good.count, by: max(1, good.count / 40)) {
            var bytes = good
            bytes[position] ^= 0x5A
            damaged.append(bytes)
        }
        for bytes in damaged {
            try Data(bytes).write(to: URL(fileURLWithPath: w.cacheFile))
            let loaded = w.cache().load(path: w.entry)
            #expect(loaded.origin == .files, "\(bytes.count) bytes")
            #expect(Self.fields(try #require(loaded.result.questionnaire)) == reference)
            #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: w.cacheFile))) == good, "the cache file is made again")
        }
    }

    @Test func damagedBytesNeverCrashTheReader() {
        let good = Fixtures.shipped.encoded()
        var rng = SplitMix64(seed: 7)
        for cut in stride(from: 0, to: good.count, by: 97) {
            #expect(throws: DamagedBytes.self) { try Questionnaire(decoding: Array(good.prefix(cut))) }
        }
        for _ in 0..<300 {
            var bytes = good
            for _ in 0..<3 { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            _ = try? Questionnaire(decoding: bytes)
        }
    }

    @Test func aQuestionnaireWithErrorsIsNeverCached() throws {
        let w = try Workspace()
        try w.edit("questionnaire.yaml") { $0.replacingOccurrences(of: "version: 3.0.0", with: "version: [3]") }
        let loaded = w.cache().load(path: w.entry)
        #expect(!loaded.result.errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: w.cacheFile))
    }

    @Test func aCacheThatCannotBeWrittenStillLoads() throws {
        let w = try Workspace()
        try Data("a file where the folder would be".utf8).write(to: URL(fileURLWithPath: w.root + "/cache"))
        let loaded = w.cache().load(path: w.entry)
        #expect(loaded.origin == .files && loaded.result.errors.isEmpty && loaded.result.questionnaire != nil)
    }

    @Test func aCacheThatMayNotWriteLeavesNothing() throws {
        let w = try Workspace()
        #expect(w.cache(writes: false).load(path: w.entry).origin == .files)
        #expect(!FileManager.default.fileExists(atPath: w.root + "/cache"))
        _ = w.cache().load(path: w.entry)
        #expect(w.cache(writes: false).load(path: w.entry).origin == .cache, "it still reads")
    }

    @Test func theStandardFolderFollowsXDG() {
        #expect(QuestionnaireCache.standardFolder(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/backtriage")
        #expect(QuestionnaireCache.standardFolder(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"]) == "/h/.cache/backtriage")
        #expect(QuestionnaireCache.standardFolder(environment: ["HOME": "/h"]) == "/h/.cache/backtriage")
    }
}
