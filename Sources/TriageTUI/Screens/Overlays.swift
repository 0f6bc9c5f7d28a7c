import TriageKit
import TriageReport

/// Boxes over the page: why a question is asked, the key overview, the emergency interrupt, the
/// confirmations, where the sheet was saved. Each takes the keys until it closes and replaces
/// the footer with its own keys.
enum Overlays {
    // MARK: Keys

    enum Command: Sendable { case first, second, confirm, language, quit, yes, stay, open, copy, close, allKeys }

    /// The keys of an overlay: what it acts on and what its footer shows, from one list.
    static func bindings(_ overlay: Overlay, _ state: AppState) -> [KeyBinding<Command>] {
        let yesNo = Widgets.yesNoLetters(state.language)
        let quit = KeyBinding<Command>.on(Key.letter("q"), "q", "key.quit", .quit)
        switch overlay {
        case .help:
            // ? again shows every key; any other key closes, as a pop-up should, and does
            // nothing else.
            return [.on([.character("?"), .function(1)], "?", "key.help", footer: false, .allKeys),
                    KeyBinding(label: "Esc", help: "key.close") { _ in .close }]
        case .keys:
            return [KeyBinding(label: "Esc", help: "key.close") { _ in .close }]
        case .notice:
            return [.on([.enter, .escape, .character(" ")], "Enter", "key.go_on", .close), quit]
        case .emergency:
            var list: [KeyBinding<Command>] = [
                .on([.left, .up, .backTab, .character("1")], "{left}{right}", "key.choose", .first),
                .on([.right, .down, .tab, .character("2")], "{right}", "key.choose", footer: false, .second),
                .on([.enter, .character(" ")], "Enter", "key.confirm", .confirm),
            ]
            if let name = state.nextLanguageName { list.append(.on(Key.letter("L"), "L", name, .language)) }
            return list + [quit]
        case .confirmQuit, .confirmStartOver:
            let yes = KeyBinding<Command>(label: String(yesNo.yes[0]), help: overlay == .confirmQuit ? "key.yes_quit" : "key.yes_start_over") { key in
                guard case .character(let c) = key else { return nil }
                return yesNo.yes.contains(c) ? .yes : nil
            }
            return [yes, .on([.escape, .enter] + Key.letter("n"), "n/Esc", "key.stay", .stay)]
        case .saved(let sheets):
            var list: [KeyBinding<Command>] = []
            if state.canOpenFiles { list.append(.on(Key.letter("o"), "o", "key.open", .open)) }
            if sheets.copies.isEmpty { list.append(.on(Key.letter("c"), "c", "key.copy", .copy)) }
            return list + [.on([.escape, .enter, .character(" "), .left], "Esc", "key.close", .close), quit]
        }
    }

    static func hints(_ overlay: Overlay, _ state: AppState) -> [KeyHint] { bindings(overlay, state).map(\.hint) }

    static func handle(_ overlay: Overlay, _ key: Key, _ state: inout AppState, _ effects: inout [Effect]) {
        guard let command = bindings(overlay, state).command(for: key) else { return }
        switch (overlay, command) {
        case (.emergency(let signs, _), .first): state.overlay = .emergency(signs: signs, choice: 0)
        case (.emergency(let signs, _), .second): state.overlay = .emergency(signs: signs, choice: 1)
        case (.emergency(_, let choice), .confirm):
            state.overlay = nil
            if choice == 0 { state.showResults() } else { state.showPendingNotice() }
        case (_, .language): state.switchLanguage()
        case (.saved, .quit):
            state.overlay = nil
            state.quit(&effects, ask: true)
        case (_, .quit): state.quit(&effects, ask: true)
        case (.confirmQuit, .yes):
            state.overlay = nil
            effects.append(.quit)
        case (.confirmStartOver, .yes):
            state.overlay = nil
            state.startOver(&effects)
        case (.saved(let sheets), .open): effects.append(.open(sheets.html))
        case (.saved(let sheets), .copy): effects.append(.copyHere([sheets.text, sheets.html]))
        case (_, .allKeys): state.overlay = .keys
        default: state.overlay = nil
        }
    }

    // MARK: Drawing

    static func draw(_ overlay: Overlay, _ state: AppState, into painter: inout Painter) {
        let L = state.language
        let inner = min(painter.textWidth - 4, 70)
        switch overlay {
        case .help(let id):
            guard let item = state.engine.index.items[id] else { return }
            // A checklist line shows a short form: here the whole question, never cut.
            var lines = painter.dialogLines(item.short == nil ? state.wording.label(item) : item.text[L], width: inner, style: .bold)
            lines.append(("", .plain))
            lines += painter.dialogLines(item.help?[L] ?? state.t("help.none"), width: inner)
            if let source = item.source {
                lines.append(("", .plain))
                lines += painter.dialogLines(state.wording.t("result.source") + ": " + state.wording.citation(source), width: inner, style: .dim)
            }
            // The keys too, where the room below (or above) the line it explains allows.
            let keys = keyLines(state.pageHints, state, painter, width: inner)
            let room = painter.focusRow.map { max($0 - 1, painter.bottom - $0) } ?? painter.bottom
            lines.append(("", .plain))
            if lines.count + keys.count + 4 <= room {
                lines += keys
            } else {
                lines += painter.dialogLines(state.t("help.more_keys"), width: inner, style: .dim)
            }
            // The box keeps clear of the line it explains.
            painter.dialog(title: state.t("help.title"), lines: lines, keepVisible: painter.focusRow)
        case .keys:
            var lines = keyLines(state.pageHints, state, painter, width: inner)
            lines.append(("", .plain))
            lines.append((state.t("keys.everywhere"), .bold))
            lines += keyLines(state.globalBindings.map(\.hint) + [KeyHint(label: "Ctrl-C", help: "key.interrupt")], state, painter, width: inner)
            painter.dialog(title: state.t("keys.title"), lines: lines, keepVisible: painter.focusRow)
        case .emergency(let signs, let choice):
            let report = state.report
            var lines: [(String, Style)] = []
            for sign in report.signs where signs.contains(sign.item.id) {
                lines += painter.dialogLines(state.wording.sign(sign) + ".", width: inner, style: .bold)
            }
            lines.append(("", .plain))
            lines += painter.dialogLines(state.wording.action(report.action), width: inner, style: Style(bold: true, tint: .red))
            lines.append(("", .plain))
            lines.append((state.t(state.savingEnabled ? "emergency.saved" : "emergency.kept"), .plain))
            painter.dialog(title: state.t("emergency.title"), lines: lines,
                           buttons: [state.t("emergency.show_result"), state.t("emergency.go_on")], choice: choice,
                           heavy: true, tint: .red)
        case .notice(let id):
            guard let entry = state.session.notice(id) else { return }
            // Never cut: the numbers wrap, and the box grows to hold them.
            let lines = painter.dialogLines(entry.explanation[L], width: inner, style: .bold)
            painter.dialog(title: entry.title[L], lines: lines, heavy: true, tint: .red)
        case .confirmQuit:
            painter.dialog(title: state.t("quit.title"), lines: painter.dialogLines(state.t("quit.unsaved"), width: inner), heavy: true)
        case .confirmStartOver:
            painter.dialog(title: state.t("start_over.title"), lines: painter.dialogLines(state.t("start_over.question"), width: inner),
                           heavy: true)
        case .saved(let sheets):
            var lines: [(String, Style)] = []
            if let notice = sheets.notice {
                lines += painter.dialogLines(notice.text, width: inner, style: Style(bold: true, tint: notice.isError ? .red : nil))
                lines.append(("", .plain))
            }
            // The folder, then the file names: a whole path rarely fits a line, and each part
            // must stay whole to be copied.
            lines.append((state.t("sheet.saved"), .bold))
            lines += folderAndNames([sheets.text, sheets.html], width: inner)
            if !sheets.copies.isEmpty {
                lines.append(("", .plain))
                lines.append((state.t("sheet.copied"), .bold))
                lines += folderAndNames(sheets.copies, width: inner)
            }
            painter.dialog(title: state.t("sheet.saved.title"), lines: lines)
        }
        painter.footer(hints(overlay, state))
    }

    /// Each key and what it does, in two columns so a whole screen's keys fit in the box.
    static func keyLines(_ all: [KeyHint], _ state: AppState, _ painter: Painter, width: Int) -> [(String, Style)] {
        // A second key for the same thing ("↓" after "↑↓ line") is said once.
        var hints: [KeyHint] = []
        for hint in all where !(hints.last.map { $0.help == hint.help && $0.label.contains(hint.label) } ?? false) {
            hints.append(hint)
        }
        let labels = hints.map { painter.glyphs.displayable(painter.keyLabel($0.label)) }
        let labelWidth = min(12, (labels.map(DisplayWidth.of).max() ?? 0) + 2)
        let cellWidth = width / 2
        func cell(_ i: Int) -> String {
            let pad = String(repeating: " ", count: max(1, labelWidth - DisplayWidth.of(labels[i])))
            let text = labels[i] + pad + painter.fitted(painter.t(hints[i].help), cellWidth - labelWidth - 2)
            return text + String(repeating: " ", count: max(0, cellWidth - DisplayWidth.of(text)))
        }
        return stride(from: 0, to: hints.count, by: 2).map { i in
            (cell(i) + (i + 1 < hints.count ? cell(i + 1) : ""), Style.plain)
        }
    }

    /// The folder of `paths` (all in one), broken into pieces of `width` if it must be, then
    /// each file's name.
    static func folderAndNames(_ paths: [String], width: Int) -> [(String, Style)] {
        guard let first = paths.first else { return [] }
        let folder = first.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/"
        var lines: [(String, Style)] = []
        var rest = Substring(folder)
        while !rest.isEmpty {
            lines.append(("  " + rest.prefix(width - 2), .plain))
            rest = rest.dropFirst(width - 2)
        }
        for path in paths {
            let name = path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
            lines.append(("    " + name, .bold))
        }
        return lines
    }
}
