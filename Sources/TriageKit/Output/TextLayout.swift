/// Word wrapping for plain-text output, counting display cells.
public enum TextLayout {
    /// Wraps `text` to `width` cells; continuation lines start with `indent`.
    public static func wrap(_ text: String, width: Int, firstPrefix: String = "", indent: String = "") -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = lines.isEmpty ? firstPrefix : indent
            var lineHasWord = false
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let candidate = lineHasWord ? line + " " + word : line + word
                if candidate.count > width && lineHasWord {
                    lines.append(line)
                    line = indent + word
                } else {
                    line = candidate
                }
                lineHasWord = true
            }
            lines.append(line)
        }
        return lines
    }
}
