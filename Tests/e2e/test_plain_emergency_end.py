"""Plain mode: when the input ends (or the person quits) right after an emergency answer, the exit
code reports the emergency, exactly as a completed emergency session does, never "stopped early"
(3). Under --no-save no message claims the answers are saved."""
import yaml

from cli import QUESTIONNAIRES, Failures, run, tempdir
from plain import lines
import os

f = Failures()
d = tempdir()
env = {"BACKTRIAGE_TODAY": "2026-11-23", "XDG_STATE_HOME": d, "LANG": "C.UTF-8", "LC_ALL": ""}

with open(os.path.join(QUESTIONNAIRES, "back-pain", "rules.yaml")) as fh:
    rules = yaml.safe_load(fh)["rules"]
emergency_signs = [r["red_flag"]["item"] for r in rules if r.get("triage") == "emergency" and "red_flag" in r]

answers = {"age": 45, "region": "lower_back", "duration_weeks": 2, "recurrent": False, "intensity": 5,
           "radiates_leg": False, "leg_numbness": False, "claudication": False, "diagnosis": "none"}
sign = emergency_signs[0]
typed = lines({**answers, sign: True}, go_on_after_emergency=False)
# Everything up to and including the emergency answer: the act-now prompt comes next.
upto = typed[:len(typed) - 1] if typed[-1] == "1" else typed

complete, out_complete, _ = run("--plain", "--no-save", stdin="\n".join(upto + ["1"]) + "\n", env=env)
f.check(complete not in (0, 3), f"complete emergency session: exit {complete}")
for how, extra in (("end of input", []), ("quit", ["quit"])):
    code, out, err = run("--plain", "--no-save", stdin="\n".join(upto + extra) + "\n", env=env)
    f.check(code == complete, f"{how} after the emergency answer: exit {code}, a completed emergency gives {complete}\n{out[-800:]}")
    f.check("Please act now." in out, f"{how}: no act-now message")
    for claim in ("answers are saved", "Answers are saved", "answers are kept"):
        f.check(claim not in out, f"{how} under --no-save: the output says {claim!r}")

# With saving on, the same end keeps the answers and says so.
code, out, _ = run("--plain", stdin="\n".join(upto) + "\n", env=env)
f.check(code == complete, f"saving on: exit {code}")
f.check("Your answers are saved." in out, "saving on: no word that the answers are saved")
f.finish()
