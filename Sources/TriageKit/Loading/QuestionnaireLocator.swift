#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds questionnaire folders: `--questionnaires DIR`, then `$BACKTRIAGE_QUESTIONNAIRES`, then
/// the installed `share/backtriage` beside the binary, then a checkout's `Questionnaires/`.
public struct QuestionnaireLocator: Sendable {
    /// The folders searched, in order, whether or not they exist (for messages).
    public var searchPaths: [String]
    /// Where checked questionnaires are kept between runs; nil reads the files every time.
    public var cache: QuestionnaireCache?

    public init(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                executable: String = CommandLine.arguments.first ?? "") {
        if let explicit {
            // An explicit folder is used alone: a typo must not silently fall back to another.
            searchPaths = [explicit]
            return
        }
        var paths: [String] = []
        if let env = environment["BACKTRIAGE_QUESTIONNAIRES"], !env.isEmpty { paths.append(env) }
        // Paths worked out as strings, not URLs: this runs at every start.
        let exe = FilePath.folder(of: FilePath.normalized(Self.resolvedExecutable(executable)))
        paths.append(FilePath.normalized(exe + "/../share/backtriage"))
        // A checkout: the binary sits in .build/<config>/ under the package root.
        var dir = exe
        for _ in 0..<5 {
            if FilePath.exists(FilePath.join(dir, "Package.swift")) {
                paths.append(FilePath.join(dir, "Questionnaires"))
                break
            }
            dir = FilePath.folder(of: dir)
        }
        paths.append(FilePath.join(FilePath.workingFolder, "Questionnaires"))
        var seen = Set<String>()
        searchPaths = paths.filter { seen.insert($0).inserted }
    }

    private static func resolvedExecutable(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return path }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The first search folder that exists.
    public var directory: String? {
        searchPaths.first(where: FilePath.isFolder)
    }

    /// The entry files of every questionnaire in the first existing folder: `<dir>/<id>/questionnaire.yaml`.
    public func entryFiles() -> [String] {
        guard let directory else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().compactMap { name in
            let path = FilePath.join(directory, name) + "/questionnaire.yaml"
            return FileManager.default.fileExists(atPath: path) ? path : nil
        }
    }

    /// The entry file of the questionnaire `id`, or an error that says where it looked.
    public func entryFile(for id: String) throws(Diagnostic) -> String {
        guard let directory else {
            throw Diagnostic(at: nil, "no questionnaire folder found; looked in: " + searchPaths.joined(separator: ", "),
                             hint: "pass --questionnaires DIR or set BACKTRIAGE_QUESTIONNAIRES")
        }
        let path = FilePath.join(directory, id) + "/questionnaire.yaml"
        guard IdentifierPattern.slug.matches(id), FileManager.default.fileExists(atPath: path) else {
            let known = entryFiles().map { FilePath.name(of: FilePath.folder(of: $0)) }
            throw Diagnostic(at: nil, "unknown questionnaire '\(id)' in \(directory)",
                             hint: Spelling.suggestion(for: id, among: known).map { "did you mean '\($0)'?" }
                                ?? "available: " + (known.isEmpty ? "none" : known.joined(separator: ", ")))
        }
        return path
    }

    /// The checked questionnaire `id` as interfaces use it (without the search for what can
    /// never be asked, which cannot change a result), from the cache while its files are
    /// unchanged. Throws a `Diagnostic` when it is not found, `Diagnostics` when it has errors.
    public func load(_ id: String) throws -> Questionnaire {
        let path = try entryFile(for: id)
        return try (cache?.load(path: path).result ?? QuestionnaireLoader.load(path: path, reachability: false)).get()
    }
}
