"""What `make install` ships works on its own: the installed binary finds the questionnaires it
installed beside it (share/backtriage) without any environment variable pointing there.
Only meaningful for an installed build (BACKTRIAGE_SHIPPED=1); the debug build passes trivially."""
import os
import subprocess
import sys

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
code, out, err = run("--version")
f.check(code == 0 and out.strip().startswith("backtriage "), f"--version: exit {code}: {out} {err}")
f.finish()
