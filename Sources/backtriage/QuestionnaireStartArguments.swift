import TriageKit

extension QuestionnaireStart {
    /// The options of the questionnaire without a command, read without ArgumentParser: starting
    /// the questionnaire is what a person does most, and building the tree of every command's
    /// arguments by reflection was a tenth of the time to the first frame. Nil for anything
    /// else (a command, help, the version, an unknown or repeated option, a value that looks
    /// like an option): the whole tree then reads it and gives its own messages. A test holds
    /// this to what ArgumentParser makes of the same words.
    static func parse(_ arguments: [String]) -> QuestionnaireStart? {
        var start = QuestionnaireStart()
        var seen: [String] = []
        var rest = arguments[...]
        while let word = rest.popFirst() {
            let (name, attached) = split(word)
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            switch name {
            case "--plain", "--no-save":
                guard attached == nil else { return nil }
                if name == "--plain" { start.plain = true } else { start.noSave = true }
            case "--lang", "--questionnaire", "--questionnaires", "--answers":
                guard let value = attached ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
                switch name {
                case "--lang":
                    guard let language = Language(rawValue: value) else { return nil }
                    start.lang = language
                case "--questionnaire": start.questionnaire = value
                case "--questionnaires": start.questionnaires = value
                default: start.answers = value
                }
            default:
                return nil
            }
        }
        return start
    }

    /// `--name=value` as its name and value; any other word as itself.
    private static func split(_ word: String) -> (name: String, value: String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }
}
