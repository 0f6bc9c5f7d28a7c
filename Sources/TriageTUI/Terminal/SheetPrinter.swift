import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sends text to the CUPS `lp` command. `lp` never sees the terminal: its standard input is the
/// text and its output and errors are captured, so nothing it says can disturb the screen.
enum SheetPrinter {
    /// How long `lp` may take before it is stopped.
    static let timeoutSeconds = 30

    /// The first executable `lp` on `PATH`, nil when there is none.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"] ?? ""
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) where directory.hasPrefix("/") {
            let candidate = String(directory) + "/lp"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// Runs `lp` with `text` on its standard input. Success carries what it printed (the job
    /// line, "request id is ..."), trimmed.
    static func send(_ text: String, lp: String) -> Result<String, PrintProblem> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: lp)
        process.arguments = []
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        // An lp that exits without reading must not kill us with SIGPIPE.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        do {
            try process.run()
        } catch {
            return .failure(.said("\(lp): \(error.localizedDescription)"))
        }
        let running = Running(process)
        let deadline = DispatchWorkItem { running.stop() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeoutSeconds), execute: deadline)
        // A sheet is a few kilobytes; lp reads all of it before it answers.
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let said = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        if running.stopped { return .failure(.timedOut(seconds: timeoutSeconds)) }
        let out = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let err = String(decoding: complaint, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            if !err.isEmpty { return .failure(.said(err)) }
            if !out.isEmpty { return .failure(.said(out)) }
            return .failure(.status(process.terminationStatus))
        }
        return .success(out)
    }

    /// The running `lp`, for the timer that stops it.
    private final class Running: @unchecked Sendable {
        private let process: Process
        private let lock = NSLock()
        private var didStop = false

        init(_ process: Process) { self.process = process }

        var stopped: Bool { lock.withLock { didStop } }

        func stop() {
            lock.withLock {
                guard process.isRunning else { return }
                didStop = true
                process.terminate()
            }
        }
    }
}
