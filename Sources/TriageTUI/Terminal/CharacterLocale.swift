import CNcursesw
import TriageKit

/// The C library's locale for characters, which ncursesw needs to draw anything beyond ASCII.
/// Minimal systems and containers often have only C.UTF-8 installed: a LANG of de_DE.UTF-8 then
/// makes setlocale fail, and the terminal would get ASCII boxes and "Rueckenschmerzen" although
/// it speaks UTF-8. The interface language is chosen apart from this (`Language.fromLocale`),
/// so German stays German.
public enum CharacterLocale {
    /// The locale to fall back to when the one the environment names is not installed: C.UTF-8
    /// when that name says UTF-8, else nil (stay with "C", and ASCII).
    public static func fallback(for environment: [String: String]) -> String? {
        // The first set of LC_ALL, LC_CTYPE and LANG decides the character set, as in setlocale(3).
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let codeset = name.split(separator: ".").dropFirst().first.map { $0.split(separator: "@")[0].uppercased() } ?? ""
        return codeset == "UTF-8" || codeset == "UTF8" ? "C.UTF-8" : nil
    }

    /// Sets the locale from the environment, falling back as above; returns whether the
    /// characters are UTF-8, so Unicode may be drawn.
    @discardableResult
    public static func apply(environment: [String: String]) -> Bool {
        if setlocale(LC_ALL, "") == nil, let fallback = fallback(for: environment) {
            if setlocale(LC_ALL, fallback) == nil { setlocale(LC_CTYPE, fallback) }
        }
        return String(cString: bt_codeset()).uppercased().filter { $0 != "-" } == "UTF8"
    }
}
