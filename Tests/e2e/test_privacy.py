"""No network, private files (the saved answers, the sheets and the history), literal paths."""
import json
import os
import subprocess
from cli import BIN, QUESTIONNAIRES, Failures, answer_file, run, tempdir, vignettes
from plain import LOW_BACK_SIGNS

f = Failures()
d = tempdir()
data = os.path.join(d, "data")
env = dict(os.environ, XDG_STATE_HOME=d, XDG_DATA_HOME=data, BACKTRIAGE_TODAY="2026-11-23", LANG="C.UTF-8",
           BACKTRIAGE_QUESTIONNAIRES=QUESTIONNAIRES)

# A whole session under strace: not one socket is opened or connected.
trace = os.path.join(d, "trace")
answers = "40\n1\n7 weeks\nno\n5\nno\nno\nno\n1\n" + "no\n" * (len(LOW_BACK_SIGNS) + 7) + "0\nno\nno\n"
p = subprocess.run(["strace", "-f", "-e", "trace=network", "-o", trace, BIN, "--plain"], input=answers,
                   capture_output=True, text=True, env=env)
f.check(p.returncode == 11, f"session under strace: exit {p.returncode}: {p.stderr[-300:]}")
calls = [l for l in open(trace) if "(" in l and not l.startswith(("+++", "---"))]
f.check(not calls, f"network system calls: {calls[:5]}")

# A check-in under strace too: the history is read and written without a socket.
p = subprocess.run(["strace", "-f", "-e", "trace=network", "-o", trace, BIN, "--plain"],
                   input="1\n\n4\nno\nno\nno\n\n" + "no\n" * (len(LOW_BACK_SIGNS) + 7) + "0\n\n\n",
                   capture_output=True, text=True, env=dict(env, BACKTRIAGE_TODAY="2026-12-21"))
f.check(p.returncode == 11 and "check-in 2 of this episode" in p.stdout, f"check-in under strace: exit {p.returncode}: {p.stdout[-400:]}")
calls = [l for l in open(trace) if "(" in l and not l.startswith(("+++", "---"))]
f.check(not calls, f"network system calls in a check-in: {calls[:5]}")

# State, sheet and history files are private; a finished questionnaire leaves no saved answers
# behind (they are in the history).
base = os.path.join(d, "backtriage")
history = os.path.join(data, "backtriage")
for folder in (base, history):
    f.check(os.stat(folder).st_mode & 0o777 == 0o700, f"{folder} is not 0700")
    for name in os.listdir(folder):
        f.check(os.stat(os.path.join(folder, name)).st_mode & 0o777 == 0o600, f"{name} is not 0600")
f.check(os.path.exists(os.path.join(history, "history.sqlite3")), "no history after two results")
f.check(not os.path.exists(os.path.join(base, "back-pain.json")), "saved answers left after the result was recorded")

# Saved answers hold what they need and no more: a first questionnaire's the four fields, a
# check-in's also the episode it belongs to.
run("--plain", stdin="2\n40\nquit\n", env=env)
saved = json.load(open(os.path.join(base, "back-pain.json")))
f.check(set(saved) == {"questionnaire", "version", "answers", "saved_at"}, f"state file holds more: {sorted(saved)}")
run("--plain", stdin="2\n1\n\n4\nquit\n", env=env)
saved = json.load(open(os.path.join(base, "back-pain.json")))
f.check(set(saved) == {"questionnaire", "version", "answers", "saved_at", "check_in_episode"}, f"check-in state file: {sorted(saved)}")

# Paths from the command line are used literally: no ~ or $ expansion, no globbing.
odd = os.path.join(d, "~ $HOME * sheet.txt")
code, _, err = run("sheet", "--answers", answer_file(d, "a.json", vignettes()[0]["answers"]), "--format", "text", "-o", odd)
f.check(code == 0 and os.path.exists(odd), f"literal path not written: {code} {err}")
f.check(os.stat(odd).st_mode & 0o777 == 0o600, "sheet file is not 0600")
f.finish()
