/// Word wrapping in display cells, for the grid.
enum Wrap {
    /// Splits `text` into lines of at most `width` cells, breaking at spaces; a word longer than
    /// the width is cut. Newlines start new lines.
    static func lines(_ text: String, width: Int) -> [String] {
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
