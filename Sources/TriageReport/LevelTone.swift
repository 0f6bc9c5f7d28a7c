import TriageKit

/// The colour a level adds to its word, from its rank among the questionnaire's levels, never
/// from its id, so any questionnaire's levels are coloured: the most urgent red, the next amber
/// (when there are more than two), the least urgent green, the others blue. Colour only adds
/// to the words; every output names the level.
public enum LevelTone: String, Sendable, CaseIterable {
    case red, amber, blue, green

    public init(_ level: TriageLevel, of levels: [TriageLevel]) {
        let byUrgency = levels.sorted(by: >)
        switch byUrgency.firstIndex(of: level) {
        case 0?: self = .red
        case 1? where byUrgency.count > 2: self = .amber
        case (byUrgency.count - 1)?: self = .green
        default: self = .blue
        }
    }

    /// The colour of lines and borders, for print and screens (dark enough on white).
    public var ink: String {
        switch self {
        case .red: "#b00020"
        case .amber: "#b36b00"
        case .blue: "#1f4e9c"
        case .green: "#1e6b33"
        }
    }

    /// The light background of a box of this tone.
    public var paper: String {
        switch self {
        case .red: "#fde8ea"
        case .amber: "#fff4de"
        case .blue: "#e8f0fc"
        case .green: "#e6f4ea"
        }
    }
}
