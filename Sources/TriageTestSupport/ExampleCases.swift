import Foundation
import TriageKit

/// Why a fixture the tests need could not be used: the file and what is wrong with it. Tests
/// that read fixtures throw it, so a missing or broken fixture fails the run instead of
/// leaving a parameterised test with nothing to run (Swift Testing skips those, and passes).
public struct FixtureError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// One clinical example from the vignettes file: its name, its answers read the way the
/// command line reads an answer file, and what it expects, as written.
public struct ExampleCase: @unchecked Sendable {
    public var name: String
    public var answers: AnswerSet
    /// The case's `expect` object (JSON values as Foundation reads them).
    public var expect: [String: Any]
}

extension Fixtures {
    /// Every clinical example, or an error naming the file and the case that cannot be read.
    /// An empty file is an error too: every test over the examples would pass with none.
    public static func exampleCases() throws -> [ExampleCase] {
        let path = vignettesPath
        guard let data = FileManager.default.contents(atPath: path) else { throw FixtureError("\(path): cannot be read") }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch { throw FixtureError("\(path): not JSON: \(error)") }
        guard let list = parsed as? [[String: Any]] else { throw FixtureError("\(path): not a list of cases") }
        guard !list.isEmpty else { throw FixtureError("\(path): holds no case") }
        return try list.enumerated().map { index, c in
            guard let name = c["name"] as? String else { throw FixtureError("\(path): case \(index + 1) has no name") }
            guard let raw = c["answers"] else { throw FixtureError("\(path): case '\(name)' has no answers") }
            let json = try JSONSerialization.data(withJSONObject: raw)
            let text = String(decoding: json, as: UTF8.self)
            do {
                let document = try AnswerFileReader.parse("{\"questionnaire\": \"back-pain\", \"answers\": \(text)}", path: path)
                return ExampleCase(name: name, answers: document.answers, expect: c["expect"] as? [String: Any] ?? [:])
            } catch {
                throw FixtureError("\(path): case '\(name)': \(error)")
            }
        }
    }

    /// The answers of the example called `name`; an error when there is none.
    public static func exampleAnswers(_ name: String) throws -> AnswerSet {
        guard let c = try exampleCases().first(where: { $0.name == name }) else { throw FixtureError("no example case '\(name)'") }
        return c.answers
    }
}
