#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit


/// Why a file could not be read or written: the path and the operating system's reason.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }

    /// `what` failed, with the reason `errno` gives now.
    static func system(_ path: String, _ what: String) -> FileError {
        FileError(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// The one way the program writes a file: readable by its owner only (answers and sheets are
/// health data), and never half written. A regular file is replaced atomically: a temporary file
/// in the same folder, written in full, synced, then renamed over the old one, so a reader sees
/// the old or the new file, never a mixture, even after a crash or with a full disk.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(FileError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o600) throws(FileError) {
        var info = stat()
        // stat follows links: a terminal, a pipe or /dev/stdout cannot be renamed over, so
        // those are written into.
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG { return try writeInPlace(bytes, to: path) }
        var link = stat()
        if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            // Replacing the link itself would cut it: replace the file it points to.
            guard let resolved = realpath(path, nil) else { throw .system(path, "cannot follow the link") }
            defer { free(resolved) }
            // A failure names the link the person gave, not where it points.
            do throws(FileError) { return try write(bytes, to: String(cString: resolved), mode: mode) } catch {
                throw FileError(path: path, message: error.message)
            }
        }
        let temp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        // Failures name the file the person knows; the temporary one is an inner detail.
        guard fd >= 0 else { throw .system(path, "cannot create") }
        var ok = writeAll(bytes, to: fd) && fchmod(fd, mode) == 0 && fsync(fd) == 0
        let writeErrno = errno
        close(fd)
        if ok {
            ok = rename(temp, path) == 0
            if !ok {
                let renameErrno = errno
                unlink(temp)
                errno = renameErrno
                throw .system(path, "cannot replace")
            }
        }
        guard ok else {
            unlink(temp)
            errno = writeErrno
            throw .system(path, "cannot write")
        }
        // The rename itself is durable only once the folder is synced.
        let dirFD = open(FilePath.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }

    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path, "cannot open") }
        defer { close(fd) }
        guard writeAll(bytes, to: fd) else { throw .system(path, "cannot write") }
    }

    /// The whole content of the file at `path`.
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        do throws(FileContents.Problem) {
            return try FileContents.read(path)
        } catch {
            throw FileError(path: path, message: "cannot read: \(error.reason)")
        }
    }

    /// Writes every byte, going on after partial writes and interruptions.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { Descriptor.write($0, to: fd) }
    }
}

/// The program's folders for answers, sheets and the history: health data, so readable by
/// their owner only.
public enum PrivateFolder {
    /// Creates each missing folder of `folder` with mode 0700; the last one, the program's own,
    /// is made 0700 even when it exists (when it is ours; someone else's is left alone).
    public static func make(_ folder: String) throws(FileError) {
        var current = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o700) != 0 && errno != EEXIST { throw .system(current, "cannot create the folder") }
        }
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FileError(path: folder, message: "exists but is not a folder")
        }
        if info.st_uid == getuid(), info.st_mode & 0o077 != 0 { chmod(folder, 0o700) }
    }
}
