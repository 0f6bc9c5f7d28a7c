import ArgumentParser
import Foundation
import TriageKit

BacktriageCommand.main()
