#if !FUZZING
import Foundation

/// Without libFuzzer this binary replays inputs (the committed corpora and every crash turned
/// into a regression case) through the same targets: `backtriage-fuzz TARGET FILE|DIR...`.
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: backtriage-fuzz questionnaire|expression|answers FILE|DIR...\n".utf8))
            exit(2)
        }
        FuzzTarget.loadEngine()
        var count = 0
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.run(data)
                count += 1
            }
        }
        print("\(target.rawValue): \(count) inputs replayed without a crash")
    }
}
#endif
