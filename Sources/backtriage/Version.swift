/// The version of the program; the questionnaires carry their own (`backtriage list`).
enum BacktriageVersion {
    static let number = "2.0.0"
}
