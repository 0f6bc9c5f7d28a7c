import Foundation
import TriageKit

// The engine alone, in-process, on one core: how many answer sets a second it evaluates.
// Usage: backtriage-bench ANSWERS.jsonl [SECONDS]
//        backtriage-bench --generate COUNT [SEED]   (writes COUNT complete, valid answer sets as JSONL)
let arguments = CommandLine.arguments
if arguments.count >= 3, arguments[1] == "--generate", let count = Int(arguments[2]) {
    generate(count: count, seed: arguments.count > 3 ? UInt64(arguments[3]) ?? 7 : 7)
    exit(0)
}
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

/// Answer sets a person could give: each asked item in order, answered at random within its
/// range (warning signs rarely yes), so every set is complete and valid for the questionnaire
/// as it is now. The same seed gives the same sets.
func generate(count: Int, seed: UInt64) {
    guard let path = try? QuestionnaireLocator(explicit: nil).entryFile(for: "back-pain"),
          let questionnaire = try? QuestionnaireLoader.load(path: path).get() else {
        FileHandle.standardError.write(Data("cannot load back-pain\n".utf8))
        exit(2)
    }
    let engine = Engine(questionnaire)
    var random = SplitMix64(seed: seed)
    func number(_ low: Double, _ high: Double, decimals: Bool) -> Double {
        let x = low + (high - low) * random.unit()
        return decimals ? (x * 10).rounded() / 10 : x.rounded()
    }
    var out = ""
    for _ in 0..<count {
        var answers = AnswerSet()
        var fields: [String] = []
        while let item = engine.askedItems(given: answers).first(where: { answers[$0.id] == nil }) {
            let value: Value
            switch item.kind {
            case .boolean: value = .bool(random.unit() < (item.isRedFlag ? 0.05 : 0.3))
            case .choice: value = .string(item.options[Int(random.unit() * Double(item.options.count))].value)
            case .multiChoice: value = .list(item.options.map(\.value).filter { _ in random.unit() < 0.3 })
            case .scale: value = .number(number(item.minimum ?? 0, item.maximum ?? 10, decimals: false))
            case .integer: value = .number(number(max(item.minimum ?? 0, 18), min(item.maximum ?? 100, 90), decimals: false))
            case .decimal: value = .number(number(item.minimum ?? 0, min(item.maximum ?? 60, 60), decimals: true))
            case .text, .date: value = .string("2026-11-01")
            }
            answers[item.id] = value
            let json: String
            switch value {
            case .bool(let b): json = b ? "true" : "false"
            case .string(let s): json = "\"" + s + "\""
            case .number(let n): json = n == n.rounded() ? String(Int(n)) : String(n)
            case .list(let l): json = "[" + l.map { "\"" + $0 + "\"" }.joined(separator: ", ") + "]"
            }
            fields.append("\"\(item.id.rawValue)\": \(json)")
        }
        out += "{\"questionnaire\": \"back-pain\", \"date\": \"2026-11-23\", \"answers\": {" + fields.joined(separator: ", ") + "}}\n"
    }
    FileHandle.standardOutput.write(Data(out.utf8))
}
