"""SIGKILL at random moments of check-ins, the database write included, never damages the
history: afterwards `PRAGMA integrity_check` says ok, every check-in the program reported as
saved is there, and every check-in that is there is whole."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from cli import BIN, Failures, run, tempdir
from plain import WEEK_TWO as FIRST, check_in as check_in_lines

f = Failures()
d = tempdir()
data = os.path.join(d, "data")
db = os.path.join(data, "backtriage", "history.sqlite3")
base = {"XDG_DATA_HOME": data, "LANG": "C.UTF-8", "LC_ALL": "", "BACKTRIAGE_QUESTIONNAIRES": os.environ["BACKTRIAGE_QUESTIONNAIRES"]}
code, out, err = run("--plain", stdin=FIRST, env=dict(base, XDG_STATE_HOME=os.path.join(d, "s0"), BACKTRIAGE_TODAY="2026-11-23"))
f.check(code == 10, f"first answers: exit {code}: {err}")


def check_in(day, delay=None):
    """A check-in on `day` (its own saved-answers folder, so no resume question comes first);
    killed after `delay` seconds, or left to finish. Returns its output."""
    env = dict(os.environ, **base, XDG_STATE_HOME=os.path.join(d, "s-" + day), BACKTRIAGE_TODAY=day)
    p = subprocess.Popen([BIN, "--plain"], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    p.stdin.write(check_in_lines("4").encode())
    p.stdin.close()
    if delay is not None:
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
    out = p.stdout.read().decode(errors="replace")
    p.wait()
    return out


# How long one check-in takes here: the kills are spread over that time, the end (where the
# write is) included.
start = time.monotonic()
check_in("2026-12-01")
took = time.monotonic() - start
random.seed(7)
saved = {"2026-12-01"}
for i in range(60):
    day = f"2027-{1 + i // 28:02d}-{1 + i % 28:02d}"
    out = check_in(day, random.uniform(0.5 * took, 1.1 * took))
    if "Saved to your history: check-in" in out:
        saved.add(day)

con = sqlite3.connect(db)
f.check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check failed")
rows = con.execute("SELECT answered_on, answers, level, weeks FROM check_in").fetchall()
stored = {r[0] for r in rows}
f.check(saved <= stored, f"reported saved but missing: {sorted(saved - stored)}")
for day, answers, level, weeks in rows:
    a = json.loads(answers)
    f.check(level and weeks is not None and a.get("intensity") in (4, 6) and "rf_fever" in a, f"check-in {day} is not whole: {a}")
print(f"check-in takes {took:.3f} s; {len(saved) - 1} of 60 killed runs had reported saving; {len(stored)} check-ins stored")
f.finish()
