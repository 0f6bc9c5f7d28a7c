import ArgumentParser
import TriageKit

// How the commands read answer input (TriageKit's `AnswerInput`): a problem with the input
// itself is said on standard error and ends the command with 2, and so does any answer set that
// is wrong, after every one has been tried.

/// Runs `body`; when the input cannot be read (`AnswerInputError`), prints why and exits with 2.
func exitingOnUnreadableInput<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let problem as AnswerInputError {
        printError(problem.description)
        throw ExitCode(ExitStatus.badInput)
    }
}

extension AnswerInput {
    /// The answer input at `path`, or its problem printed and exit status 2.
    static func read(_ path: String, allowStandardInput: Bool = false) throws -> AnswerInput {
        try exitingOnUnreadableInput { try AnswerInput(readable: path, allowStandardInput: allowStandardInput) }
    }

    /// Parses each answer set, validates it against its questionnaire and calls `body` with the
    /// valid ones, after naming on standard error any answer it ignores. Prints every problem of
    /// the others, and exits with 2 after trying them all.
    func forEachValid(_ location: LocationOptions, canonical: FHIRCanonical = .standard,
                      _ body: (AnswerDocument, Engine) throws -> Void) throws {
        var failed = false
        try exitingOnUnreadableInput {
            try forEachOutcome(location.locator, canonical: canonical) { outcome in
                switch outcome {
                case .valid(let document, let engine, _, let warnings):
                    warnings.forEach { printError($0.description) }
                    try body(document, engine)
                case .invalid(_, let problems):
                    problems.forEach { printError($0.description) }
                    failed = true
                case .blank:
                    break
                }
            }
        }
        if failed { throw ExitCode(ExitStatus.badInput) }
    }
}
