/// A mistyped command named before argument parsing: the questionnaire (the default command)
/// takes no words, only options, so a first word that is no command is a typo, and is better
/// answered with "did you mean" than with "unexpected argument".
enum CommandSuggestion {
    /// The message for `word` when it is not one of `commands`; nil when it is one, or an option.
    static func message(for word: String, commands: [String]) -> String? {
        guard !word.hasPrefix("-"), !commands.contains(word), word != "help" else { return nil }
        var text = "backtriage: '\(word)' is not a command."
        if let near = closest(to: word, in: commands) { text += " Did you mean '\(near)'?" }
        return text + "\nCommands: " + commands.joined(separator: ", ") + ". See 'backtriage --help'."
    }

    /// The command nearest to `word` by edit distance, if near enough to be what was meant.
    static func closest(to word: String, in commands: [String]) -> String? {
        let scored = commands.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let (command, d) = scored else { return nil }
        return d <= max(2, command.count / 3) || command.hasPrefix(word.lowercased()) ? command : nil
    }

    /// Levenshtein distance, with a swap of two neighbours counting one (evalute, evaulate).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
