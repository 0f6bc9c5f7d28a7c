"""What `make install` ships works on its own: the installed binary finds the questionnaires it
installed beside it (share/backtriage) without any environment variable pointing there.
Only meaningful for an installed build (BACKTRIAGE_SHIPPED=1); the debug build passes trivially."""
import os
import subprocess
import sys
import tempfile

from cli import BIN, Failures, run

if not os.environ.get("BACKTRIAGE_SHIPPED"):
    print("debug build: nothing installed to check")
    sys.exit(0)
f = Failures()
env = dict(os.environ)
env.pop("BACKTRIAGE_QUESTIONNAIRES", None)
code, out, err = run("list", env={"BACKTRIAGE_QUESTIONNAIRES": ""})
f.check(code == 0 and out.startswith("back-pain\t"), f"installed list: exit {code}: {out} {err}")
share = os.path.realpath(os.path.join(os.path.dirname(BIN), "..", "share", "backtriage", "back-pain", "questionnaire.yaml"))
f.check(os.path.exists(share), f"nothing installed at {share}")

# The C++ library is linked in, not loaded at every start (see RELEASE in the Makefile); the
# libraries it does load are the system's own.
needed = subprocess.run(["readelf", "-d", BIN], capture_output=True, text=True).stdout
f.check("libstdc++" not in needed, f"the installed binary loads libstdc++.so: {needed}")
libs = subprocess.run(["ldd", BIN], capture_output=True, text=True)
f.check(libs.returncode == 0 and "not found" not in libs.stdout, f"ldd: {libs.stdout} {libs.stderr}")

# The man page and the completions are installed, generated from the argument definitions.
prefix = os.path.realpath(os.path.join(os.path.dirname(BIN), ".."))
man = subprocess.run(["man", "-P", "cat", "backtriage"], capture_output=True, text=True,
                     env=dict(os.environ, MANPATH=os.path.join(prefix, "share", "man"), MANWIDTH="80"))
f.check(man.returncode == 0 and "backtriage" in man.stdout and "--no-save" in man.stdout and "evaluate" in man.stdout,
        f"man backtriage: exit {man.returncode}: {man.stdout[:300]} {man.stderr[:300]}")
for path, marker in [("share/bash-completion/completions/backtriage", "complete"),
                     ("share/zsh/site-functions/_backtriage", "#compdef backtriage"),
                     ("share/fish/vendor_completions.d/backtriage.fish", "complete -c 'backtriage'")]:
    full = os.path.join(prefix, path)
    f.check(os.path.exists(full) and marker in open(full).read(), f"no completion script {full} with {marker!r}")

# The man page is written for people and renders without a warning; its EXIT STATUS lists every
# code that --help lists.
page = os.path.join(prefix, "share", "man", "man1", "backtriage.1")
for width in ("60", "80", "200"):
    shown = subprocess.run(["man", "-l", page], capture_output=True, text=True, env=dict(os.environ, MANWIDTH=width))
    f.check(shown.returncode == 0 and shown.stderr == "", f"man -l at {width} columns: exit {shown.returncode}: {shown.stderr[:400]}")
text = subprocess.run(["man", "-l", page], capture_output=True, text=True, env=dict(os.environ, MANWIDTH="80")).stdout
for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "KEYS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES"):
    f.check(f"\n{section}\n" in text, f"man page: no section {section}")
for variable in ("NO_COLOR", "BACKTRIAGE_QUESTIONNAIRES", "BACKTRIAGE_TODAY", "XDG_STATE_HOME", "XDG_DATA_HOME"):
    f.check(variable in text.split("\nENVIRONMENT\n")[-1].split("\nFILES\n")[0], f"man page: ENVIRONMENT does not name {variable}")
for key in ("Ctrl-C", "Ctrl-Z"):
    f.check(key in text.split("\nKEYS\n")[-1], f"man page: KEYS does not name {key}")
f.check("written by backtriage" not in text and "0 on success, >0 on error" not in text.replace("\n", " "),
        "man page: generator boilerplate left in")
exit_status = text.split("\nEXIT STATUS\n")[-1].split("\nEXAMPLES\n")[0]
_, help_text, _ = run("--help")
codes = [line.split()[0] for line in help_text.split("Exit codes:")[-1].splitlines() if line.strip() and line.startswith("  ") and line.split()[0][0].isdigit()]
f.check(len(codes) >= 6, f"--help lists no exit codes: {codes}")
for code_ in codes:
    f.check(code_.replace("-", "\u2013") in exit_status or code_ in exit_status, f"man page: EXIT STATUS does not list {code_}")
for option in ("--plain", "--no-save", "--lang", "--answers", "--questionnaires", "--format", "--canonical-base"):
    f.check(option in text, f"man page: the option {option} is missing")

# Bash completes the default command's options and their values at the top level, beside the
# command names; a command's own options after it, as before.
bash_script = os.path.join(prefix, "share/bash-completion/completions/backtriage")
def bash_complete(*words):
    probe = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; '
             'COMPREPLY=(); _backtriage_top_level backtriage "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; '
             'printf "%s\\n" "${COMPREPLY[@]}"')
    done = subprocess.run(["bash", "-c", probe, "probe", bash_script, "backtriage"] + list(words), capture_output=True, text=True,
                          env=dict(os.environ, PATH=os.path.dirname(BIN) + ":" + os.environ["PATH"]))
    return sorted(done.stdout.split())
f.check(bash_complete("--lang", "") == ["de", "en"], f"bash: backtriage --lang <TAB> gives {bash_complete('--lang', '')}")
f.check(bash_complete("--pl") == ["--plain"], f"bash: backtriage --pl<TAB> gives {bash_complete('--pl')}")
first = bash_complete("")
f.check({"sheet", "evaluate", "--plain", "--no-save", "--lang"} <= set(first), f"bash: backtriage <TAB> gives {first}")
f.check(bash_complete("sheet", "--format", "") == sorted(["text", "markdown", "html", "json", "fhir", "fhir-bundle"]),
        f"bash: sheet --format <TAB> gives {bash_complete('sheet', '--format', '')}")

# fish: the same, through its own completion engine.
fish_script = os.path.join(prefix, "share/fish/vendor_completions.d/backtriage.fish")
def fish_complete(line):
    done = subprocess.run(["fish", "--no-config", "-c", f"source {fish_script}; complete -C '{line}'"], capture_output=True, text=True)
    return sorted(c.split("\t")[0] for c in done.stdout.splitlines())
f.check(fish_complete("backtriage --lang ") == ["de", "en"], f"fish: --lang gives {fish_complete('backtriage --lang ')}")
f.check(fish_complete("backtriage --pl") == ["--plain"], f"fish: --pl gives {fish_complete('backtriage --pl')}")
f.check("sheet" in fish_complete("backtriage "), f"fish: backtriage <TAB> gives {fish_complete('backtriage ')}")

# zsh: an interactive zsh in tmux with the installed function on its fpath, Tab pressed.
from tui_harness import Failure, Pane
zdot = tempfile.mkdtemp(prefix="bt-zsh-")
with open(os.path.join(zdot, ".zshrc"), "w") as rc:
    rc.write(f"fpath=({prefix}/share/zsh/site-functions $fpath)\nautoload -Uz compinit && compinit -u -D\n"
             f"PATH={os.path.dirname(BIN)}:$PATH\nPS1='zsh$ '\n")
zsh = Pane("zsh -i", width=100, height=30, extra_env={"ZDOTDIR": zdot})
try:
    for typed, expected in (("backtriage --lang ", ["en  de"]), ("backtriage --pl", ["backtriage --plain"]),
                            ("backtriage ", ["--no-save", "sheet"])):
        zsh.wait_for("zsh$")
        zsh.type(typed)
        zsh.keys("Tab")
        try:
            zsh.wait_for(*expected, timeout=10)
        except Failure as failure:
            f.check(False, f"zsh: {typed}<TAB>: {failure}")
        zsh.keys("C-u")
        zsh.tmux("send-keys", "-t", "t", "clear", "Enter")
finally:
    zsh.close()

code, out, err = run("--version")
f.check(code == 0 and out.strip().startswith("backtriage "), f"--version: exit {code}: {out} {err}")
f.finish()
