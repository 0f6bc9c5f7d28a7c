import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

let arguments = Array(CommandLine.arguments.dropFirst())
// The questionnaire's own options first: they never name a command, so the tree of commands
// (whose first use costs a tenth of the start) is built only when they do not read.
if let start = QuestionnaireStart.parse(arguments) {
    do { try start.run() } catch { BacktriageCommand.exit(withError: error) }
    exit(0)
}
let commandNames = BacktriageCommand.configuration.subcommands.map { $0._commandName }
if let word = arguments.first, let message = CommandSuggestion.message(for: word, commands: commandNames) {
    printError(message)
    exit(ExitCode.validationFailure.rawValue)
}
BacktriageCommand.main()
