/// Text inside HTML and SVG: the characters markup gives a meaning to, written as entities.
enum Markup {
    /// `text` safe in an element; with `quotes`, also inside a double-quoted attribute.
    static func escape(_ text: String, quotes: Bool = true) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
