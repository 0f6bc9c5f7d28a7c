/// The characters frames and widgets are drawn with: Unicode box drawing when the terminal speaks
/// UTF-8, plain ASCII otherwise.
public struct Glyphs: Sendable {
    public var light: BoxLines
    public var heavy: BoxLines
    public var pointer: String
    public var radioOn: String
    public var radioOff: String
    public var checkOn: String
    public var checkOff: String
    public var barFull: String
    public var barEmpty: String
    public var sliderKnob: String
    public var sliderTrack: String
    public var marker: String
    public var up, down, left, right: String
    public var separator: String
    /// Whether text may contain characters outside ASCII.
    public var unicode: Bool

    public static let unicode = Glyphs(
        light: BoxLines(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│", teeLeft: "├", teeRight: "┤"),
        heavy: BoxLines(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃", teeLeft: "┣", teeRight: "┫"),
        pointer: "▸", radioOn: "●", radioOff: "○", checkOn: "[x]", checkOff: "[ ]", barFull: "▓", barEmpty: "░",
        sliderKnob: "●", sliderTrack: "─", marker: "▌", up: "↑", down: "↓", left: "←", right: "→", separator: "·", unicode: true)

    public static let ascii = Glyphs(
        light: BoxLines(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|", teeLeft: "+", teeRight: "+"),
        heavy: BoxLines(topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#", horizontal: "=", vertical: "#", teeLeft: "#", teeRight: "#"),
        pointer: ">", radioOn: "(*)", radioOff: "( )", checkOn: "[x]", checkOff: "[ ]", barFull: "#", barEmpty: ".",
        sliderKnob: "O", sliderTrack: "-", marker: "!", up: "Up", down: "Down", left: "Left", right: "Right", separator: "-", unicode: false)

    /// Text as this terminal can show it: unchanged in UTF-8; German letters spelled out and
    /// other characters replaced in ASCII.
    public func displayable(_ text: String) -> String {
        guard !unicode else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "ä": out += "ae"
            case "ö": out += "oe"
            case "ü": out += "ue"
            case "Ä": out += "Ae"
            case "Ö": out += "Oe"
            case "Ü": out += "Ue"
            case "ß": out += "ss"
            case "é", "è", "ê": out += "e"
            case "–", "—": out += "-"
            case "‘", "’": out += "'"
            case "“", "”", "„": out += "\""
            case "…": out += "..."
            case "·": out += "-"
            case "\u{00A0}": out += " "
            default:
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                out += "?"
            }
        }
        return out
    }
}
