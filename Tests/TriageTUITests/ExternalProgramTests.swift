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
@Suite("Helper programs: lp and xdg-open", .serialized)
struct ExternalProgramTests {
    @Test func lpGetsTheTextOnItsInputAndItsJobLineComesBack() throws {
        let (folder, lp) = try fakeLP("/bin/cat > \"$(dirname \"$0\")/printed\"\necho 'noise' >&2\necho '  request id is fake-1 (1 file(s))  '")
        let text = String(repeating: "Sheet line with ümlauts\n", count: 20_000)
        #expect(ExternalProgram.send(text, lp: lp) == .success("request id is fake-1 (1 file(s))"))
        #expect(FileManager.default.contents(atPath: folder + "/printed") == Data(text.utf8))
    }

    @Test func whatLpSaysOnFailureIsTheMessage() throws {
        let (_, lp) = try fakeLP("cat > /dev/null\necho 'lp: Error - No default destination.' >&2\nexit 1")
        #expect(ExternalProgram.send("x", lp: lp) == .failure(.said("lp: Error - No default destination.")))
    }

    @Test func aSilentFailureGivesItsStatus() throws {
        let (_, lp) = try fakeLP("exit 5")
        #expect(ExternalProgram.send("x", lp: lp) == .failure(.status(5)))
    }

    @Test func anLpThatReadsNothingNeitherHangsNorKillsUs() throws {
        let (_, lp) = try fakeLP("echo 'request id is fake-2'")
        #expect(ExternalProgram.send(String(repeating: "x", count: 1 << 20), lp: lp) == .success("request id is fake-2"))
    }

    @Test func anLpThatTakesTooLongIsStopped() throws {
        // exec: the shell itself becomes sleep, so stopping lp leaves nothing behind holding the pipes.
        let (_, lp) = try fakeLP("exec sleep 60")
        #expect(ExternalProgram.send("x", lp: lp, timeout: 1) == .failure(.timedOut(seconds: 1)))
    }

    @Test func anLpThatIgnoresTerminationIsKilled() throws {
        let (_, lp) = try fakeLP("trap '' TERM\nwhile :; do sleep 1; done")
        #expect(ExternalProgram.send("x", lp: lp, timeout: 1) == .failure(.timedOut(seconds: 1)))
    }

    @Test func anLpThatCannotStartSaysWhy() throws {
        let (folder, _) = try fakeLP("")
        let missing = folder + "/not-there"
        guard case .failure(.said(let message)) = ExternalProgram.send("x", lp: missing) else {
            Issue.record("a missing lp was started")
            return
        }
        #expect(message.hasPrefix(missing + ": "), "\(message)")
    }

    @Test func locateTakesTheFirstExecutableLpOnAnAbsolutePath() throws {
        let (folder, lp) = try fakeLP("exit 0")
        let (plainFolder, plain) = try fakeLP("exit 0")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: plain)
        #expect(ExternalProgram.locate("lp", path: "relative/bin:\(plainFolder):\(folder):/usr/bin") == lp)
        #expect(ExternalProgram.locate("lp", path: "\(plainFolder):relative") == nil)
        #expect(ExternalProgram.locate("lp", path: "") == nil)
    }

    // Starting a viewer (xdg-open): in the same serialized suite, for the same reason.
    @Test func aViewerThatEndsWellHasStarted() throws {
        let (_, viewer) = try fakeLP("exit 0")
        #expect((try? ExternalProgram.launch(viewer, arguments: ["/tmp/x.html"]).get()) != nil)
    }

    @Test func aViewerThatFailsGivesItsStatus() throws {
        let (_, viewer) = try fakeLP("exit 4")
        guard case .failure(.status(4)) = ExternalProgram.launch(viewer, arguments: []) else {
            Issue.record("a failing viewer was not reported")
            return
        }
    }

    @Test func aViewerStillRunningDoesNotHoldUsUp() throws {
        let (_, viewer) = try fakeLP("exec sleep 30")
        let start = Date()
        #expect((try? ExternalProgram.launch(viewer, arguments: [], wait: 1).get()) != nil)
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
