"""Two terminals checking in at once both succeed: while another connection holds the write
lock, both wait (the busy timeout) and then store their check-ins; the database stays private
(its -wal and -shm files too) and whole."""
import os
import sqlite3
import stat
import subprocess
import time
from cli import BIN, Failures, run, tempdir
from plain import WEEK_TWO as FIRST, check_in

f = Failures()
d = tempdir()
data = os.path.join(d, "data")
db = os.path.join(data, "backtriage", "history.sqlite3")
base = {"XDG_DATA_HOME": data, "LANG": "C.UTF-8", "LC_ALL": "", "BACKTRIAGE_QUESTIONNAIRES": os.environ["BACKTRIAGE_QUESTIONNAIRES"]}
code, _, err = run("--plain", stdin=FIRST, env=dict(base, XDG_STATE_HOME=os.path.join(d, "s0"), BACKTRIAGE_TODAY="2026-11-23"))
f.check(code == 10, f"first answers: exit {code}: {err}")

# Hold the write lock, start two check-ins, and let go after a second.
holder = sqlite3.connect(db, isolation_level=None)
holder.execute("BEGIN IMMEDIATE")
for suffix in ("-wal", "-shm"):
    f.check(stat.S_IMODE(os.stat(db + suffix).st_mode) == 0o600, f"{suffix} is not 0600")
procs = []
for n, pain in enumerate(("3", "5")):
    env = dict(os.environ, **base, XDG_STATE_HOME=os.path.join(d, f"s{n + 1}"), BACKTRIAGE_TODAY="2026-12-21")
    p = subprocess.Popen([BIN, "--plain"], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    p.stdin.write(check_in(str(pain)))
    p.stdin.close()
    procs.append(p)
time.sleep(1.0)
waiting = [p.poll() is None for p in procs]
holder.execute("ROLLBACK")
holder.close()
for p in procs:
    out, err = p.stdout.read(), p.stderr.read()
    p.wait(timeout=30)
    f.check(p.returncode == 11 and "Saved to your history: check-in" in out, f"exit {p.returncode}: {out[-400:]} {err}")
f.check(all(waiting), f"the check-ins did not wait for the lock: {waiting}")

con = sqlite3.connect(db)
f.check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check failed")
pains = sorted(r[0] for r in con.execute("SELECT json_extract(answers, '$.intensity') FROM check_in"))
f.check(pains == [3, 5, 6], f"check-ins stored: {pains}")
f.finish()
