extension Strings {
    /// Strings of the interactive interfaces (full-screen and plain): screens, keys, messages.
    static let interface: [String: (en: String, de: String)] = [
        "app.name": ("backtriage", "backtriage"),
    ]
}
