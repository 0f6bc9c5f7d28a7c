import Foundation
import TriageKit
@testable import TriageSession


/// A new empty folder for one test, removed by nobody: tests leave their files for a look.
func temporaryFolder() -> String {
    let base = NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory()
    var template = Array((base + "/backtriage-test-XXXXXX").utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}

/// The permission bits of a file, or nil when it does not exist.
func mode(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o777 : nil
}

/// A UTC day.
func day(_ text: String) -> Date { AnswerValidation.parseDate(text)! }

/// The fixture folder beside this file.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
