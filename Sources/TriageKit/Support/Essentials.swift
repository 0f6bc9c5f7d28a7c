#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif

// The few things full Foundation gave that FoundationEssentials does not, written for this
// program: full Foundation brings ICU and its data, most of a static binary's size, for
// services (locales, collation, regular expressions) backtriage does not use.

extension StringProtocol {
    /// The text without spaces, tabs and line breaks at either end.
    public var trimmed: String { trimming { $0.isWhitespace } }

    /// The text without the characters `remove` says at either end.
    public func trimming(_ remove: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !remove($0) }), let last = lastIndex(where: { !remove($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// File paths as strings, the way the command line gives them.
public enum FilePath {
    /// The folder of `path`: "a/b/c.yaml" gives "a/b", "c.yaml" gives ".", "/c" gives "/".
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The last part of `path`, without a trailing slash.
    public static func name(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return p.split(separator: "/").last.map(String.init) ?? String(p)
    }

    /// `name` inside `folder`.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Whether `path` is a folder (following symbolic links).
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The home folder: `HOME`, else the password database's entry for this user.
    public static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    /// The working folder.
    public static var workingFolder: String {
        guard let cwd = getcwd(nil, 0) else { return "/" }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// An absolute path without `.`, `..` or repeated slashes, worked out from the name alone
    /// (symbolic links are not followed); relative paths start at the working folder.
    public static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : join(workingFolder, path)
        if isNormal(absolute) { return absolute }
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether an absolute path has no `.`, `..` or empty part and no trailing slash, so that
    /// normalising it changes nothing (the usual case, checked without splitting it).
    static func isNormal(_ path: String) -> Bool {
        guard path != "/" else { return true }
        var partLength = 0, dots = 0
        // A part ends at each slash and at the end; the part before the leading slash is empty
        // and allowed.
        var first = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if !first && (partLength == 0 || (partLength == dots && dots <= 2)) { return false }
                first = false
                partLength = 0
                dots = 0
            } else {
                partLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return partLength > 0 && !(partLength == dots && dots <= 2)
    }

    /// Whether anything is at `path` (following symbolic links).
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

extension TimeZone {
    /// The local time zone's offset at `moment`, from the C library: FoundationEssentials knows
    /// no zone database, and a saved answer's time should read as the clock on the wall did.
    public static func local(at moment: Date) -> TimeZone {
        var seconds = time_t(moment.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return .gmt }
        return TimeZone(secondsFromGMT: Int(parts.tm_gmtoff)) ?? .gmt
    }
}

/// Moments as `2026-11-23T08:15:00Z`: UTC, whole seconds, sortable as text.
public enum Timestamp {
    public static func format(_ moment: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        func pad(_ n: Int?, _ width: Int = 2) -> String {
            let s = String(n ?? 0)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    public static func parse(_ text: String) -> Date? {
        guard text.count == 20, text.hasSuffix("Z"), let day = AnswerValidation.parseDate(String(text.prefix(10))) else { return nil }
        let time = text.dropFirst(11).dropLast().split(separator: ":")
        guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]),
              (0..<24).contains(h), (0..<60).contains(m), (0..<61).contains(s) else { return nil }
        return day.addingTimeInterval(Double(h * 3600 + m * 60 + s))
    }
}

/// Numbers written the same in every locale, for authors and logs.
public enum FixedNumber {
    /// `n` with exactly `decimals` places: "0.004" for 0.0042 and 3.
    public static func string(_ n: Double, decimals: Int) -> String {
        guard n.isFinite else { return String(n) }
        var factor = 1.0
        for _ in 0..<max(0, decimals) { factor *= 10 }
        // Beyond whole 64-bit numbers there are no decimals to show.
        guard abs(n) * factor < 9e18 else { return String(n) }
        let scaled = Int64((abs(n) * factor).rounded())
        var digits = String(scaled)
        while digits.count <= decimals { digits = "0" + digits }
        let whole = digits.dropLast(decimals), fraction = digits.suffix(decimals)
        return (n < 0 && scaled != 0 ? "-" : "") + whole + (decimals > 0 ? "." + fraction : "")
    }
}

/// Writes to standard error unbuffered (messages for people, in order with the other output).
public func writeToStandardError(_ text: String) { _ = Descriptor.write(text, to: 2) }

/// Writes to standard output unbuffered: a question must be on the screen before its answer
/// is read.
public func writeToStandardOutput(_ text: String) { _ = Descriptor.write(text, to: 1) }

/// Whole writes to a file descriptor.
public enum Descriptor {
    /// Writes every byte, going on after partial writes and interruptions; false on an error
    /// (errno says which).
    public static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let n = SystemCall.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    public static func write(_ text: String, to fd: Int32) -> Bool {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd) }
    }
}
