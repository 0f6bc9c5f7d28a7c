import Foundation
import TriageKit

/// The code paths that read untrusted text. Each must answer any input with a value or a
/// diagnostic: no crash, no hang, bounded memory.
enum FuzzTarget: String, CaseIterable {
    case questionnaire, expression, answers

    /// The shipped questionnaire's engine, for the answer-file target.
    nonisolated(unsafe) static var engine: Engine?

    func run(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        switch self {
        case .questionnaire:
            let result = QuestionnaireLoader.load(text: text, path: "fuzz.yaml",
                                                  includes: ["rules.yaml": text, "catalog.yaml": "suggestions: []\n"])
            if let q = result.questionnaire, result.errors.isEmpty {
                _ = Engine(q).evaluate(AnswerSet())
            }
        case .expression:
            if let expr = try? ExpressionParser.parse(text) {
                _ = Evaluator { _ in .value(.number(1)) }.evaluate(expr)
                _ = Evaluator { _ in .unknown }.evaluate(expr)
            }
        case .answers:
            guard let document = try? AnswerFileReader.parse(text, path: "fuzz.json"), let engine = Self.engine else { return }
            if AnswerFileReader.validate(document, engine: engine).isEmpty {
                _ = engine.evaluate(document.answers)
            }
        }
    }

    /// The target named by BACKTRIAGE_FUZZ_TARGET (default: questionnaire).
    static var selected: FuzzTarget {
        ProcessInfo.processInfo.environment["BACKTRIAGE_FUZZ_TARGET"].flatMap(FuzzTarget.init) ?? .questionnaire
    }

    static func loadEngine() {
        guard engine == nil else { return }
        let locator = QuestionnaireLocator(explicit: nil)
        if let path = try? locator.entryFile(for: "back-pain"), let q = try? QuestionnaireLoader.load(path: path).get() {
            engine = Engine(q)
        }
    }
}

#if FUZZING
/// libFuzzer's entry point; built with -sanitize=fuzzer,address -parse-as-library -DFUZZING.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzTarget.run(bytes, count)
    return 0
}

extension FuzzTarget {
    static func run(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        loadEngine()
        selected.run(Data(bytes: bytes, count: count))
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM points an executable's `main` at `<module>_main`; hand it to libFuzzer's driver.
@_cdecl("backtriage_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { bytes, size in
        FuzzTarget.run(bytes, size)
        return 0
    }
}
#endif
