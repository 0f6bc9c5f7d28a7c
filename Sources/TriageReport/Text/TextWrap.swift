/// Word wrapping and cutting in display cells: the one wrapper every output uses, so a German
/// umlaut, a wide character or a combining mark takes the room a terminal gives it.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` cells, breaking at spaces; a word longer than
    /// a line is cut. Newlines start new lines.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var w = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + w > width {
                    out.append(line)
                    line = ""
                    lineWidth = 0
                }
                while w > width {
                    let (head, rest) = split(word, at: width - lineWidth - (lineWidth > 0 ? 1 : 0))
                    out.append(lineWidth > 0 ? line + " " + head : head)
                    line = ""
                    lineWidth = 0
                    word = rest
                    w = DisplayWidth.of(word)
                }
                line += lineWidth > 0 ? " " + word : word
                lineWidth += (lineWidth > 0 ? 1 : 0) + w
            }
            out.append(line)
        }
        return out
    }

    /// Wrapped lines with `first` before the first and `rest` before the others, each at most
    /// `width` cells including the prefix.
    public static func lines(_ text: String, width: Int, first: String, rest: String) -> [String] {
        let room = max(1, width - max(DisplayWidth.of(first), DisplayWidth.of(rest)))
        return lines(text, width: room).enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    /// `text` cut to `width` cells, ending in `ellipsis` when anything was cut.
    public static func fitted(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return String(ellipsis.prefix(max(0, width))) }
        var out = "", used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        while out.last == " " { out.removeLast() }
        return out + ellipsis
    }

    /// `text` padded with spaces to `width` cells.
    public static func padded(_ text: String, width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    private static func split(_ word: String, at cells: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let w = DisplayWidth.of(word[index])
            if used + w > max(cells, 1) { break }
            head.append(word[index])
            used += w
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}
