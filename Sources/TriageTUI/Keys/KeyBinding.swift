/// A key a screen takes and what it does. The footer and the key overview are built from the
/// same bindings the screen acts on, so the hints cannot drift from the keys (as in bubbles'
/// key bindings).
struct KeyBinding<Command: Sendable>: Sendable {
    /// How the keys are shown: "Enter", "y/n"; `{up}`, `{down}`, `{left}`, `{right}` become
    /// arrows, or words where the terminal has no Unicode.
    var label: String
    /// What the keys do: a key of `StringCatalog.tui` (or words shown as they are, such as the
    /// name of the language `L` switches to).
    var help: String
    /// Shown in the footer; every binding shows in the key overview.
    var inFooter = true
    var match: @Sendable (Key) -> Command?

    /// A binding of fixed keys to one command.
    static func on(_ keys: [Key], _ label: String, _ help: String, footer: Bool = true, _ command: Command) -> KeyBinding {
        KeyBinding(label: label, help: help, inFooter: footer) { keys.contains($0) ? command : nil }
    }

    var hint: KeyHint { KeyHint(label: label, help: help, inFooter: inFooter) }
}

/// A binding as the footer and the overview show it.
struct KeyHint: Sendable, Equatable {
    var label: String
    var help: String
    var inFooter = true
    /// Kept in the footer whatever else must go for room (help, quit).
    var pinned = false
}

extension Array {
    /// The command of the first binding that takes `key`.
    func command<C>(for key: Key) -> C? where Element == KeyBinding<C> {
        for binding in self { if let command = binding.match(key) { return command } }
        return nil
    }
}

extension Key {
    /// A letter, whichever case was typed.
    static func letter(_ c: Character) -> [Key] { [.character(Character(c.lowercased())), .character(Character(c.uppercased()))] }

    /// The number a digit key stands for.
    var digit: Int? {
        if case .character(let c) = self, let n = c.wholeNumberValue, c.isASCII { return n }
        return nil
    }
}
