/// Checked questionnaires kept as bytes, so that starting does not read and check YAML again.
///
/// One file per questionnaire, named after its entry file's path. A cached questionnaire is used
/// only when every file it was made from still has the digest it had, and the cache file was
/// made by this very program (its version and the size and time of its binary): anything else,
/// and any damage, loads from the files again and replaces the cache file. The cache holds no
/// answers; deleting it costs one slower start.
public struct QuestionnaireCache: Sendable {
    /// Where a questionnaire came from.
    public enum Origin: Sendable, Equatable {
        case cache
        case files
    }

    /// The folder of the cache files.
    public let folder: String
    /// What tells this program apart from any other build: a cache file of another is not read.
    public let stamp: String
    /// Whether a load may write a cache file; false where a run should leave nothing behind.
    public let writes: Bool

    public init(folder: String, stamp: String, writes: Bool = true) {
        self.folder = folder
        self.stamp = stamp
        self.writes = writes
    }

    /// `$XDG_CACHE_HOME/backtriage`, else `$HOME/.cache/backtriage`; a relative XDG_CACHE_HOME
    /// is ignored, as the XDG specification asks.
    public static func standardFolder(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/backtriage" }
        return FilePath.join(FilePath.home(environment), ".cache/backtriage")
    }

    /// The stamp of the running program: its version, and the size and modification time of its
    /// binary, so that a rebuilt program never reads what an earlier build wrote.
    public static func programStamp(version: String) -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return version }
        return "\(version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The questionnaire whose entry file is at `path`, from the cache when it is current, and
    /// where it came from. Loads as `QuestionnaireLoader.load(path:reachability: false)` does;
    /// only a questionnaire without errors is cached.
    public func load(path: String) -> (result: LoadResult, origin: Origin) {
        let file = cacheFile(for: path)
        if let questionnaire = cached(path: path, in: file) {
            return (LoadResult(questionnaire: questionnaire, diagnostics: []), .cache)
        }
        let result = QuestionnaireLoader.load(path: path, reachability: false)
        if writes, let questionnaire = result.questionnaire, result.errors.isEmpty {
            write(questionnaire, digests: result.digests, entry: path, to: file)
        }
        return (result, .files)
    }

    /// The cache file of the questionnaire whose entry file is at `path`.
    public func cacheFile(for path: String) -> String {
        let digest = Array(path.utf8).withUnsafeBytes { ByteDigest.of($0) }
        return FilePath.join(folder, String(digest, radix: 16) + ".questionnaire")
    }

    // MARK: The file

    private static let magic = Array("backtriage compiled questionnaire 1\n".utf8)

    private func cached(path: String, in file: String) -> Questionnaire? {
        FileContents.mapped(file) { bytes in
            guard bytes.starts(with: Self.magic) else { return nil }
            var r = ByteReader(bytes, from: Self.magic.count)
            do throws(DamagedBytes) {
                guard try r.literal() == stamp, try r.literal() == path else { return nil }
                let folder = QuestionnaireLoader.Folder(of: path, onDisk: true)
                let count = try r.count()
                for _ in 0..<count {
                    let source = try r.literal()
                    let digest = try r.unsigned()
                    // Read as the loader reads, inside the questionnaire's folder only.
                    guard folder.contains(source) || source == path,
                          FileContents.mapped(source, { $0.count <= SourceFile.maximumSize ? ByteDigest.of($0) : nil }) == digest
                    else { return nil }
                }
                let bodyDigest = try r.unsigned()
                let body = UnsafeRawBufferPointer(rebasing: bytes[r.position...])
                guard ByteDigest.of(body) == bodyDigest else { return nil }
                return try Questionnaire(decoding: body)
            } catch {
                return nil
            }
        }
    }

    private func write(_ questionnaire: Questionnaire, digests: [String: UInt64], entry: String, to file: String) {
        var header = ByteWriter()
        header.literal(stamp)
        header.literal(entry)
        let files = questionnaire.files.filter { digests[$0] != nil }
        guard files.count == questionnaire.files.count else { return }
        header.count(files.count)
        for source in files {
            header.literal(source)
            header.unsigned(digests[source] ?? 0)
        }
        let body = questionnaire.encoded()
        header.unsigned(ByteDigest.of(body))
        // Written beside and renamed, so that a reader sees the old file or the new one, whole.
        guard Self.makeFolder(folder) else { return }
        let temporary = file + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let whole = Self.magic + header.bytes + body
        let written = whole.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = SystemCall.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        close(fd)
        if !written || rename(temporary, file) != 0 { unlink(temporary) }
    }

    /// Makes `path` and the folders above it, private to the user; whether it is there now.
    private static func makeFolder(_ path: String) -> Bool {
        if FilePath.isFolder(path) { return true }
        let parent = FilePath.folder(of: path)
        if parent != path, !FilePath.isFolder(parent) { guard makeFolder(parent) else { return false } }
        return mkdir(path, 0o700) == 0 || FilePath.isFolder(path)
    }
}
