import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import TriageKit

let commandNames = BacktriageCommand.configuration.subcommands.map { $0._commandName }
if let word = CommandLine.arguments.dropFirst().first, let message = CommandSuggestion.message(for: word, commands: commandNames) {
    printError(message)
    exit(ExitCode.validationFailure.rawValue)
}
BacktriageCommand.main()
