import Foundation

/// Output compared with a file kept in the repository. With UPDATE_GOLDEN=1 (`make golden`) a
/// differing file is rewritten and the comparison still fails, naming the file, so the run
/// that rewrites never passes: review the diff, then run the tests again.
public enum GoldenFile {
    public static let updating = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    /// Nil when `output` matches the file at `url`; otherwise what is wrong, for the test to record.
    public static func mismatch(_ output: String, _ url: URL) -> String? {
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == output { return nil }
        let name = url.lastPathComponent
        if updating {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try output.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                return "could not rewrite \(name): \(error)"
            }
            return "rewrote \(name): review the diff, then run the tests again without UPDATE_GOLDEN"
        }
        if expected == nil { return "no golden file \(name): run make golden" }
        return "\(name) differs; if intended, run make golden and review the diff"
    }
}
