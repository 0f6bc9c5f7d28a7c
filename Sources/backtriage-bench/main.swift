import Foundation
import TriageKit

// The engine alone, in-process, on one core: how many answer sets a second it evaluates.
// Usage: backtriage-bench ANSWERS.jsonl [SECONDS]
let arguments = CommandLine.arguments
guard arguments.count >= 2, let text = try? String(contentsOfFile: arguments[1], encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: backtriage-bench ANSWERS.jsonl [SECONDS]\n".utf8))
    exit(2)
}
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 3 : 3
let locator = QuestionnaireLocator(explicit: nil)
guard let path = try? locator.entryFile(for: "back-pain"), let questionnaire = try? QuestionnaireLoader.load(path: path).get() else {
    FileHandle.standardError.write(Data("cannot load back-pain\n".utf8))
    exit(2)
}
let engine = Engine(questionnaire)
let sets = text.split(separator: "\n").compactMap { try? AnswerFileReader.parse(String($0), path: "bench").answers }
let day = Date(timeIntervalSince1970: 1_795_000_000)
var evaluated = 0
var checksum = 0
let start = Date()
while Date().timeIntervalSince(start) < seconds {
    for answers in sets {
        checksum &+= engine.evaluate(answers, on: day).suggestions.count
    }
    evaluated += sets.count
}
let elapsed = Date().timeIntervalSince(start)
print(String(format: "engine: %d answer sets in %.2f s = %.0f per second (checksum %d)", evaluated, elapsed, Double(evaluated) / elapsed, checksum))
