import TriageKit

/// Standard output through one large buffer, written with write(2) when it is full and when
/// `flush()` is called. One system call per 256 KiB instead of one per result; on a terminal
/// each line is written as it is finished, as a person expects.
final class StandardOutput {
    /// Big enough that a pipe reader gets full pipe buffers, small enough not to matter.
    static let capacity = 256 * 1024

    private let fd: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private var count = 0
    private let lineBuffered: Bool

    /// Output to `fd` (standard output by default).
    init(fd: Int32 = 1) {
        self.fd = fd
        buffer = .allocate(byteCount: Self.capacity, alignment: 1)
        lineBuffered = isatty(fd) == 1
    }

    deinit { buffer.deallocate() }

    /// Appends the UTF-8 of `text`.
    func write(_ text: String) throws(OutputFailure) {
        var text = text
        let failure: OutputFailure? = text.withUTF8 { bytes in
            do throws(OutputFailure) {
                try write(UnsafeRawBufferPointer(bytes))
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Appends `bytes` (UTF-8) and a line break.
    func writeLine(_ bytes: [UInt8]) throws(OutputFailure) {
        var failure: OutputFailure?
        bytes.withUnsafeBytes { raw in
            do throws(OutputFailure) { try write(raw) } catch { failure = error }
        }
        if let failure { throw failure }
        try write("\n")
        if lineBuffered { try flush() }
    }

    /// Appends `text` and a line break.
    func writeLine(_ text: String) throws(OutputFailure) {
        try write(text)
        try write("\n")
        if lineBuffered { try flush() }
    }

    /// Appends raw bytes; what does not fit goes out first, and a block larger than the buffer
    /// goes out directly.
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputFailure) {
        if bytes.count > buffer.count - count { try flush() }
        if bytes.count >= buffer.count { return try writeAll(bytes) }
        UnsafeMutableRawBufferPointer(rebasing: buffer[count..<count + bytes.count]).copyMemory(from: bytes)
        count += bytes.count
    }

    /// Writes out everything buffered.
    func flush() throws(OutputFailure) {
        guard count > 0 else { return }
        let pending = count
        count = 0
        try writeAll(UnsafeRawBufferPointer(rebasing: buffer[0..<pending]))
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(OutputFailure) {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFailure(reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// write(2), out of reach of the class's own `write` methods.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// Writing the results failed (a full disk, a closed pipe with SIGPIPE ignored).
struct OutputFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { "backtriage: cannot write the results: \(reason)" }
}

/// The width of the terminal standard output is, for the plain mode to wrap its lines to.
enum TerminalWidth {
    /// The columns of the terminal on standard output; nil for a pipe or a file, which get the
    /// lines whole.
    static func ofStandardOutput() -> Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
