/// Picks the interface language: an explicit choice, else the locale variables in POSIX order
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
public enum InterfaceLanguage {
    public static let supported = ["en", "de"]

    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, supported.contains(explicit) { return explicit }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            // The first variable that is set decides, as in setlocale(3); "C" and "POSIX" mean English.
            let code = String(value.prefix(2)).lowercased()
            return supported.contains(code) ? code : "en"
        }
        return "en"
    }
}
