import Foundation
import Testing
@testable import TriageKit

@Suite("What FoundationEssentials lacks") struct EssentialsTests {
    @Test func aPathThatLooksNormalIsWhatNormalisingGives() {
        let parts = ["a", ".", "..", "", "...", ".b", "b.", "c"]
        var rng = SplitMix64(seed: 9)
        for _ in 0..<3000 {
            let path = "/" + (0..<Int(rng.next() % 5)).map { _ in parts[Int(rng.next() % UInt64(parts.count))] }.joined(separator: "/")
            var split: [Substring] = []
            for part in path.split(separator: "/") where part != "." {
                if part == ".." { _ = split.popLast() } else { split.append(part) }
            }
            let slow = "/" + split.joined(separator: "/")
            #expect(FilePath.normalized(path) == slow, "\(path)")
            if FilePath.isNormal(path) { #expect(path == slow, "\(path) is not normal") }
        }
        #expect(FilePath.isNormal("/usr/local/bin/backtriage") && FilePath.isNormal("/work/.build/release/x"))
    }

    @Test func theStartOfADayIsTheCalendarsMidnightInUTC() {
        var rng = SplitMix64(seed: 3)
        let moments = [0, 86_399.999, 86_400, -1, -86_400.5, 1_796_601_599, 1_796_601_600] +
            (0..<500).map { _ in Double(rng.next() % 8_000_000_000) - 2_000_000_000 + Double(rng.next() % 1000) / 1000 }
        for t in moments {
            let date = Date(timeIntervalSince1970: t)
            #expect(Day.start(of: date) == Calendar.utc.startOfDay(for: date), "\(t)")
        }
    }

    @Test func fixedNumbersRoundAndKeepTheirPlaces() {
        #expect(FixedNumber.string(2.004, decimals: 2) == "2.00")
        #expect(FixedNumber.string(1.4285714, decimals: 2) == "1.43")
        #expect(FixedNumber.string(-0.5, decimals: 1) == "-0.5")
        #expect(FixedNumber.string(-0.004, decimals: 2) == "0.00")
        #expect(FixedNumber.string(0.0042, decimals: 3) == "0.004")
        #expect(FixedNumber.string(7, decimals: 0) == "7")
    }

    @Test func hugeAndOddNumbersNeverCrash() {
        for n in [1e300, -1e300, Double.greatestFiniteMagnitude, .infinity, .nan, 9.3e18] {
            _ = FixedNumber.string(n, decimals: 2)
            _ = Value.format(n)
            for language in Language.allCases { _ = language.number(n) }
        }
    }

    @Test func numbersForPeopleDropNeedlessPlacesAndTakeTheLanguagesSeparator() {
        #expect(Language.en.number(1.4) == "1.4" && Language.de.number(1.4) == "1,4")
        #expect(Language.en.number(1.43, decimals: 2) == "1.43" && Language.en.number(7.0) == "7")
        #expect(Language.de.number(-0.04) == "0" && Language.en.number(-2.5) == "-2.5")
        #expect(Language.en.number(1e16) == "10000000000000000")
        #expect(Language.de.number(1e20) == "1e+20", "beyond 64 bits a number keeps its exponent")
    }

    @Test func pathsSplitAsTheCommandLineGivesThem() {
        #expect(FilePath.folder(of: "a/b/c.yaml") == "a/b")
        #expect(FilePath.folder(of: "c.yaml") == ".")
        #expect(FilePath.folder(of: "/c") == "/")
        #expect(FilePath.name(of: "/x/back-pain/") == "back-pain")
        #expect(FilePath.join("/x/", "y") == "/x/y")
        #expect(FilePath.join("/x", "y") == "/x/y")
        #expect(FilePath.isFolder("/tmp"))
        #expect(!FilePath.isFolder("/nonexistent-\(UUID().uuidString)"))
    }

    @Test func trimmingTakesWhitespaceAtBothEnds() {
        #expect("  a b \t".trimmed == "a b")
        #expect("   ".trimmed == "")
        #expect("? a ?".trimming { $0 == "?" || $0 == " " } == "a")
    }

    @Test func aMomentReadsInTheGivenZone() {
        let moment = AnswerValidation.parseDate("2026-11-25")!.addingTimeInterval(8 * 3600 + 10 * 60)
        #expect(Language.en.dateTime(moment, in: .gmt) == "25 Nov 2026, 08:10")
        #expect(Language.de.dateTime(moment, in: TimeZone(secondsFromGMT: 3600)!) == "25.11.2026, 09:10")
    }
}
