import TriageKit

/// Runs a helper program (CUPS `lp` to print, `xdg-open` to show a file) so that it never sees
/// the terminal: its standard input is the text given and its output and errors are captured,
/// so nothing it says can disturb the screen. Started with posix_spawn and driven with poll(2),
/// so that it needs neither Foundation's Process nor a second thread.
enum ExternalProgram {
    /// How long a program may take before it is stopped.
    static let timeoutSeconds = 30
    /// How long a stopped `lp` gets to end after SIGTERM before SIGKILL.
    static let graceSeconds = 2
    /// Enough of what `lp` says for a message; the rest is read and dropped.
    static let maximumCaptured = 64 * 1024

    /// The first executable `name` on `path` (a PATH value; default: this process's PATH), nil
    /// when there is none. Relative directories are skipped: they depend on where one stands.
    static func locate(_ name: String, path: String? = nil) -> String? {
        let search = path ?? getenv("PATH").map { String(cString: $0) } ?? ""
        for directory in search.split(separator: ":", omittingEmptySubsequences: true) where directory.hasPrefix("/") {
            let candidate = String(directory) + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// Runs the program at `lp` with `arguments` and `text` on its standard input. Success
    /// carries what it printed (for lp the job line, "request id is ..."), trimmed. After
    /// `timeout` seconds the program is stopped.
    static func send(_ text: String, lp: String, arguments: [String] = [], timeout: Int = timeoutSeconds) -> Result<String, PrintProblem> {
        // An lp that exits without reading must not kill us with SIGPIPE.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }

        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        defer { for fd in input + output + errors where fd >= 0 { close(fd) } }
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            return .failure(.said("\(lp): \(String(cString: strerror(errno)))"))
        }
        // Only the copies spawn puts on 0, 1 and 2 are the child's (pipe2 is not imported).
        for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        let spawned = spawn(lp, arguments: arguments, stdin: input[0], stdout: output[1], stderr: errors[1])
        // The child has its ends; ours must go, or the pipes never report end of file.
        for fd in [input[0], output[1], errors[1]] { close(fd) }
        input[0] = -1; output[1] = -1; errors[1] = -1
        let pid: pid_t
        switch spawned {
        case .success(let p): pid = p
        case .failure(let error): return .failure(.said("\(lp): \(String(cString: strerror(error.code)))"))
        }

        for fd in [input[1], output[0], errors[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var exchange = Exchange(text: Array(text.utf8), input: input[1], output: output[0], errors: errors[0])
        let timedOut = !exchange.run(until: Deadline(seconds: timeout))
        // Exchange closed what it was done with.
        input[1] = -1; output[0] = -1; errors[0] = -1
        if timedOut {
            kill(pid, SIGTERM)
            if waitForExit(pid, within: graceSeconds) == nil {
                kill(pid, SIGKILL)
                _ = waitForExit(pid, within: nil)
            }
            return .failure(.timedOut(seconds: timeout))
        }
        let status = waitForExit(pid, within: nil) ?? 0
        let out = trimmed(String(decoding: exchange.said, as: UTF8.self))
        let err = trimmed(String(decoding: exchange.complaint, as: UTF8.self))
        guard exitedCleanly(status) else {
            if !err.isEmpty { return .failure(.said(err)) }
            if !out.isEmpty { return .failure(.said(out)) }
            return .failure(.status(exitCode(status)))
        }
        return .success(out)
    }

    /// Starts a viewer (`xdg-open FILE`) apart from the terminal: in a session of its own, so
    /// it cannot take the terminal over, with its standard streams on /dev/null. Waits up to
    /// `wait` seconds for it to end; a viewer still running then has started.
    static func launch(_ path: String, arguments: [String], wait: Int = 5) -> Result<Void, PrintProblem> {
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        guard null >= 0 else { return .failure(.said("/dev/null: \(String(cString: strerror(errno)))")) }
        defer { close(null) }
        switch spawn(path, arguments: arguments, stdin: null, stdout: null, stderr: null, newSession: true) {
        case .failure(let error): return .failure(.said("\(path): \(String(cString: strerror(error.code)))"))
        case .success(let pid):
            guard let status = waitForExit(pid, within: wait) else { return .success(()) }
            return exitedCleanly(status) ? .success(()) : .failure(.status(exitCode(status)))
        }
    }

    /// posix_spawn of `path` with the three descriptors as its standard streams, the signal
    /// mask cleared and the signals a terminal program handles or ignores back at their
    /// defaults; the errno when it cannot start.
    private static func spawn(_ path: String, arguments: [String], stdin: Int32, stdout: Int32, stderr: Int32,
                              newSession: Bool = false) -> Result<pid_t, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        // Nothing else of ours reaches lp: descriptors opened without O_CLOEXEC (the terminal,
        // a file being saved) stay here. closefrom is not imported into Swift; /proc lists them.
        for fd in inheritedDescriptors() where ![stdin, stdout, stderr].contains(fd) {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH, SIGCHLD] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // POSIX_SPAWN_SETSID (glibc 2.26) is not imported into Swift.
        let setsid: Int32 = 0x80
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | (newSession ? setsid : 0)))

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        return result == 0 ? .success(pid) : .failure(SpawnError(code: result))
    }

    private struct SpawnError: Error { let code: Int32 }

    /// Our descriptors above 2 that a child would inherit (no close-on-exec flag).
    private static func inheritedDescriptors() -> [Int32] {
        guard let directory = opendir("/proc/self/fd") else { return [] }
        defer { closedir(directory) }
        let own = dirfd(directory)
        var found: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let fd = Int32(name), fd > 2, fd != own else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { found.append(fd) }
        }
        return found
    }

    /// The child's wait status once it has ended; nil if it has not within `seconds` (nil:
    /// wait as long as it takes).
    private static func waitForExit(_ pid: pid_t, within seconds: Int?) -> Int32? {
        let deadline = seconds.map { Deadline(seconds: $0) }
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
            if done == pid { return status }
            if done < 0 && errno != EINTR { return nil }
            if let deadline {
                if deadline.remainingMilliseconds == 0 { return nil }
                var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
                nanosleep(&pause, nil)
            }
        }
    }

    // The wait-status macros are not imported into Swift.
    private static func exitedCleanly(_ status: Int32) -> Bool { status & 0x7F == 0 && (status >> 8) & 0xFF == 0 }

    /// The exit code, or the number of the signal that ended it.
    private static func exitCode(_ status: Int32) -> Int32 { status & 0x7F == 0 ? (status >> 8) & 0xFF : status & 0x7F }

    private static func trimmed(_ s: String) -> String {
        guard let first = s.firstIndex(where: { !$0.isWhitespace }),
              let last = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(s[first...last])
    }
}

/// A point in time on the monotonic clock.
private struct Deadline {
    let nanoseconds: Int64

    init(seconds: Int) {
        nanoseconds = Deadline.now() + Int64(seconds) * 1_000_000_000
    }

    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    var remainingMilliseconds: Int32 {
        Int32(clamping: max(0, (nanoseconds - Deadline.now() + 999_999) / 1_000_000))
    }
}

/// Writes the text to the child's input while reading its output and errors, all three at
/// once, so that neither side can block the other however much either writes.
private struct Exchange {
    let text: [UInt8]
    var written = 0
    var input: Int32
    var output: Int32
    var errors: Int32
    var said: [UInt8] = []
    var complaint: [UInt8] = []

    init(text: [UInt8], input: Int32, output: Int32, errors: Int32) {
        self.text = text
        self.input = input
        self.output = output
        self.errors = errors
        if text.isEmpty { closeInput() }
    }

    /// Runs until the child has read everything and closed its output and errors; false when
    /// the deadline came first. Closes each descriptor when done with it.
    mutating func run(until deadline: Deadline) -> Bool {
        defer {
            for fd in [input, output, errors] where fd >= 0 { close(fd) }
            input = -1; output = -1; errors = -1
        }
        while input >= 0 || output >= 0 || errors >= 0 {
            var fds = [pollfd(fd: input, events: Int16(POLLOUT), revents: 0),
                       pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errors, events: Int16(POLLIN), revents: 0)]
            let remaining = deadline.remainingMilliseconds
            if remaining == 0 { return false }
            // poll ignores entries with a negative descriptor.
            let ready = poll(&fds, nfds_t(fds.count), remaining)
            if ready < 0 {
                if errno == EINTR { continue }
                return true
            }
            if ready == 0 { continue }
            if input >= 0, fds[0].revents != 0 { writeSome() }
            if output >= 0, fds[1].revents != 0 { readSome(&output, into: &said) }
            if errors >= 0, fds[2].revents != 0 { readSome(&errors, into: &complaint) }
        }
        return true
    }

    private mutating func writeSome() {
        let count = text.withUnsafeBytes { write(input, $0.baseAddress! + written, $0.count - written) }
        if count > 0 {
            written += count
            if written == text.count { closeInput() }
        } else if count < 0 && errno != EAGAIN && errno != EINTR {
            // EPIPE: it stopped reading; what it says about that is in its output.
            closeInput()
        }
    }

    private mutating func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    private func readSome(_ fd: inout Int32, into captured: inout [UInt8]) {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            if captured.count < ExternalProgram.maximumCaptured { captured.append(contentsOf: chunk[..<min(count, ExternalProgram.maximumCaptured - captured.count)]) }
        } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
            close(fd)
            fd = -1
        }
    }
}
