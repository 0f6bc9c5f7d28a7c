"""The autosave is atomic: killing the program at random moments while it saves never leaves a
state file that is partly written."""
import json
import os
import random
import signal
import subprocess
import time
from cli import BIN, Failures, tempdir

f = Failures()
state = tempdir()
env = dict(os.environ, XDG_STATE_HOME=state, BACKTRIAGE_TODAY="2026-11-23", LANG="C.UTF-8")
path = os.path.join(state, "backtriage", "back-pain.json")
answers = "40\n1\n7 weeks\nno\n5\nno\nno\nno\n1\n" + "no\n" * 19 + "0\nno\nno\n"
random.seed(11)
kills = 0
for round_ in range(60):
    p = subprocess.Popen([BIN, "--plain", "--lang", "en"], env=env, stdin=subprocess.PIPE,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Start over each time (2), then answer as fast as the pipe allows.
    p.stdin.write(("2\n" if os.path.exists(path) else "") .encode() + answers.encode())
    p.stdin.flush()
    time.sleep(random.uniform(0, 0.05))
    p.send_signal(signal.SIGKILL)
    p.wait()
    kills += 1
    if os.path.exists(path):
        with open(path) as fh:
            text = fh.read()
        try:
            saved = json.loads(text)
            # A round that finished records its answers; the next may then check in, whose saved
            # answers also name their episode.
            fields = {"questionnaire", "version", "answers", "saved_at"}
            f.check(set(saved) in (fields, fields | {"check_in_episode"}), f"round {round_}: fields {sorted(saved)}")
        except json.JSONDecodeError:
            f.check(False, f"round {round_}: state file not parseable: {text[:200]!r}")
print(f"{kills} kills")
f.finish()
