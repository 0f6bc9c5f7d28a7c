import Foundation
import Testing
@testable import TriageTUI

/// A folder holding a fake `lp`: a shell script with the given body.
private func fakeLP(_ body: String) throws -> (folder: String, lp: String) {
    let folder = NSTemporaryDirectory() + "backtriage-lp-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let lp = folder + "/lp"
    try ("#!/bin/sh\n" + body + "\n").write(toFile: lp, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: lp)
    return (folder, lp)
}

// One at a time: a script being written while another test starts a process is "text file
// busy" for a moment, in the test runner, not in the one-threaded interface.
@Suite("Printing through lp", .serialized)
struct SheetPrinterTests {
    @Test func lpGetsTheTextOnItsInputAndItsJobLineComesBack() throws {
        let (folder, lp) = try fakeLP("/bin/cat > \"$(dirname \"$0\")/printed\"\necho 'noise' >&2\necho '  request id is fake-1 (1 file(s))  '")
        let text = String(repeating: "Sheet line with ümlauts\n", count: 20_000)
        #expect(SheetPrinter.send(text, lp: lp) == .success("request id is fake-1 (1 file(s))"))
        #expect(FileManager.default.contents(atPath: folder + "/printed") == Data(text.utf8))
    }

    @Test func whatLpSaysOnFailureIsTheMessage() throws {
        let (_, lp) = try fakeLP("cat > /dev/null\necho 'lp: Error - No default destination.' >&2\nexit 1")
        #expect(SheetPrinter.send("x", lp: lp) == .failure(.said("lp: Error - No default destination.")))
    }

    @Test func aSilentFailureGivesItsStatus() throws {
        let (_, lp) = try fakeLP("exit 5")
        #expect(SheetPrinter.send("x", lp: lp) == .failure(.status(5)))
    }

    @Test func anLpThatReadsNothingNeitherHangsNorKillsUs() throws {
        let (_, lp) = try fakeLP("echo 'request id is fake-2'")
        #expect(SheetPrinter.send(String(repeating: "x", count: 1 << 20), lp: lp) == .success("request id is fake-2"))
    }

    @Test func anLpThatTakesTooLongIsStopped() throws {
        // exec: the shell itself becomes sleep, so stopping lp leaves nothing behind holding the pipes.
        let (_, lp) = try fakeLP("exec sleep 60")
        #expect(SheetPrinter.send("x", lp: lp, timeout: 1) == .failure(.timedOut(seconds: 1)))
    }

    @Test func anLpThatIgnoresTerminationIsKilled() throws {
        let (_, lp) = try fakeLP("trap '' TERM\nwhile :; do sleep 1; done")
        #expect(SheetPrinter.send("x", lp: lp, timeout: 1) == .failure(.timedOut(seconds: 1)))
    }

    @Test func anLpThatCannotStartSaysWhy() throws {
        let (folder, _) = try fakeLP("")
        let missing = folder + "/not-there"
        guard case .failure(.said(let message)) = SheetPrinter.send("x", lp: missing) else {
            Issue.record("a missing lp was started")
            return
        }
        #expect(message.hasPrefix(missing + ": "), "\(message)")
    }

    @Test func locateTakesTheFirstExecutableLpOnAnAbsolutePath() throws {
        let (folder, lp) = try fakeLP("exit 0")
        let (plainFolder, plain) = try fakeLP("exit 0")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: plain)
        #expect(SheetPrinter.locate(path: "relative/bin:\(plainFolder):\(folder):/usr/bin") == lp)
        #expect(SheetPrinter.locate(path: "\(plainFolder):relative") == nil)
        #expect(SheetPrinter.locate(path: "") == nil)
    }
}
