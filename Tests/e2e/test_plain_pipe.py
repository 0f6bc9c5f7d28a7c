"""Each vignette answered through `--plain` via a pipe gives the same result as `evaluate`,
and the exit code tells the triage level."""
import os
from cli import Failures, answer_file, run, tempdir, vignettes
from plain import lines

LEVEL_EXIT = {"self_care": 10, "see_doctor": 11, "soon": 12, "urgent": 13, "emergency": 14}
f = Failures()
d = tempdir()
env = {"BACKTRIAGE_TODAY": "2026-11-23", "XDG_STATE_HOME": d, "LANG": "C.UTF-8", "LC_ALL": ""}
for i, case in enumerate(vignettes()):
    typed = lines(case["answers"])
    code, out, err = run("--plain", "--no-save", stdin="\n".join(typed) + "\n", env=env)
    _, expected, _ = run("evaluate", "--answers", answer_file(d, f"v{i}.json", case["answers"]), env=env)
    level = case["expect"].get("triage")
    f.check(code in LEVEL_EXIT.values(), f"{case['name']}: exit {code}: {err}{out[-400:]}")
    if level:
        f.check(code == LEVEL_EXIT[level], f"{case['name']}: exit {code}, expected {LEVEL_EXIT[level]}")
    f.check(expected.strip() in out, f"{case['name']}: plain result differs from evaluate:\n{out[-1500:]}")
    f.check("\x1b" not in out, f"{case['name']}: escape codes in plain output")

# An emergency sign interrupts before the next question; choosing the result shows it at once.
emergency = next(c for c in vignettes() if c["expect"].get("triage") == "emergency")
code, out, _ = run("--plain", "--no-save", stdin="\n".join(lines(emergency["answers"], go_on_after_emergency=False)) + "\n", env=env)
before_result = out.split("Result:")[0]
f.check(code == 14 and "Please act now." in out, f"emergency: {code} {out[-400:]}")
f.check("Please act now." in before_result and before_result.count("Question ") < 29, "no interruption before the result")

# Deterministic: the same input gives the same output.
typed = "\n".join(lines(vignettes()[1]["answers"])) + "\n"
first = run("--plain", "--no-save", stdin=typed, env=env)
second = run("--plain", "--no-save", stdin=typed, env=env)
f.check(first == second, "two runs on the same input differ")
# Without a terminal the plain mode starts by itself.
code, out, _ = run("--no-save", stdin=typed, env=env)
f.check(code == 11 and "Question 1, 0 % done" in out, f"plain mode not chosen through a pipe: {code} {out[:200]}")
# Input that ends early: exit 3, and the answers given are kept for next time.
code, out, _ = run("--plain", stdin="40\n1\n", env=env)
f.check(code == 3 and "The input ended" in out, f"early end: {code} {out[-300:]}")
f.check(os.path.exists(os.path.join(d, "backtriage", "back-pain.json")), "answers not kept after an early end")
# A number beyond 64 bits is out of range like any other, never a crash.
code, out, err = run("--plain", "--no-save", stdin="99999999999999999999\n40\n1\n10000000000000000 weeks\n", env=env)
f.check(code == 3 and "is above 120" in out and "is above 2600" in out, f"huge numbers: exit {code}: {err[-300:]}{out[-300:]}")

f.finish()
