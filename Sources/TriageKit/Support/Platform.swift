// The one place the program names its platform's C library. Every target that imports
// TriageKit gets it from here, so no other file asks which system it is built on: the
// program builds on Linux (Glibc) and on macOS (Darwin), as Package.swift declares.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif

/// The system calls whose Swift names clash with methods of the same name (`read`, `write`),
/// called through the C library's module so the call is unambiguous on every platform.
public enum SystemCall {
    /// `read(2)`: the bytes read, 0 at the end, negative on an error (errno says which).
    public static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.read(fd, buffer, count)
        #elseif canImport(Darwin)
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// `write(2)`: the bytes written, negative on an error (errno says which).
    public static func write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.write(fd, buffer, count)
        #elseif canImport(Darwin)
        Darwin.write(fd, buffer, count)
        #endif
    }
}
