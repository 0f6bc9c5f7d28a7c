"""No network, private files, literal paths."""
import json
import os
import subprocess
from cli import BIN, QUESTIONNAIRES, Failures, answer_file, run, tempdir, vignettes

f = Failures()
d = tempdir()
env = dict(os.environ, XDG_STATE_HOME=d, BACKTRIAGE_TODAY="2026-11-23", LANG="C.UTF-8", BACKTRIAGE_QUESTIONNAIRES=QUESTIONNAIRES)

# A whole session under strace: not one socket is opened or connected.
trace = os.path.join(d, "trace")
answers = "40\n1\n7 weeks\nno\n5\nno\nno\nno\n1\n" + "no\n" * 19 + "0\nno\nno\n"
p = subprocess.run(["strace", "-f", "-e", "trace=network", "-o", trace, BIN, "--plain"], input=answers,
                   capture_output=True, text=True, env=env)
f.check(p.returncode == 11, f"session under strace: exit {p.returncode}: {p.stderr[-300:]}")
calls = [l for l in open(trace) if "(" in l and not l.startswith(("+++", "---"))]
f.check(not calls, f"network system calls: {calls[:5]}")

# State and sheet files are private.
base = os.path.join(d, "backtriage")
f.check(os.stat(base).st_mode & 0o777 == 0o700, "state folder is not 0700")
for name in os.listdir(base):
    f.check(os.stat(os.path.join(base, name)).st_mode & 0o777 == 0o600, f"{name} is not 0600")
saved = json.load(open(os.path.join(base, "back-pain.json")))
f.check(set(saved) == {"questionnaire", "version", "answers", "saved_at"}, f"state file holds more: {sorted(saved)}")

# Paths from the command line are used literally: no ~ or $ expansion, no globbing.
odd = os.path.join(d, "~ $HOME * sheet.txt")
code, _, err = run("sheet", "--answers", answer_file(d, "a.json", vignettes()[0]["answers"]), "--format", "text", "-o", odd)
f.check(code == 0 and os.path.exists(odd), f"literal path not written: {code} {err}")
f.check(os.stat(odd).st_mode & 0o777 == 0o600, "sheet file is not 0600")
f.finish()
