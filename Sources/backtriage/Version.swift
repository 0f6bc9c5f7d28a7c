/// The version of the program; the questionnaires carry their own (`backtriage list`).
enum BacktriageVersion {
    static let number = "3.0.0"
}
